package game

import (
	"encoding/json"
	"strconv"
	"time"

	"github.com/osarena/osarena/sim/quiz"
)

// dailyScene is the daily challenge's front page: today's date, the streak,
// today's first result (if any), the last seven days, the line-up of
// today's questions, and Start (a replay once today is played: practice,
// the first result stays). Everything comes from the date and browser
// storage, so it works offline.
type dailyScene struct {
	log    dailyLog
	date   string
	day    time.Time
	qs     []*quiz.Question
	err    string
	lang   quiz.Lang
	narrow bool

	x, w     float64 // the whole column
	top      float64
	desc     []string
	descY    float64
	cards    [2]Rect // streak, today
	weekY    float64
	week     []Rect // oldest first, today last
	lineR    Rect   // the line-up's column
	lineY    float64
	note     []string
	noteY    float64
	start    button
	back     button
	keysY    float64
	sideLine bool // the line-up stands beside the rest (wide screens)
}

func newDailyScene() *dailyScene { return &dailyScene{log: loadDailyLog()} }

// Name implements Scene.
func (s *dailyScene) Name() string { return "daily" }

// Update implements Scene.
func (s *dailyScene) Update(a *app) {
	s.lang, s.narrow = a.lang(), a.narrow()
	if date := dailyDate(a.now); date != s.date { // the first frame, or midnight passed
		s.date, s.err = date, ""
		s.day, _ = time.Parse(dateLayout, date)
		qs, err := dailyQuestions(date)
		s.qs = qs
		if err != nil {
			s.err = msgDailyError.f(s.lang, err)
		}
	}
	lang := s.lang
	s.x, s.w = a.column(980)
	s.sideLine = s.w >= 860
	left := s.w
	if s.sideLine {
		left = s.w - 380 - 32
		s.lineR = Rect{s.x + left + 32, 0, 380, 0}
	} else {
		s.lineR = Rect{s.x, 0, s.w, 0}
	}
	// The height of everything, to centre it on tall screens.
	s.desc = a.txt.Wrap(msgDailySub.in(lang), 15, left)
	_, played := s.log.find(s.date)
	s.note = nil
	if played {
		s.note = a.txt.Wrap(msgDailyFirst.in(lang), 14, left)
	}
	lineH := 28 + float64(dailyLength)*30.0
	mainH := 64 + float64(len(s.desc))*22 + 16 + 84 + 20 + 70 + float64(len(s.note))*20 + 12
	btnH := 52.0
	if s.narrow {
		btnH = 52 + 10 + 46
	}
	total := mainH + btnH + 30
	if !s.sideLine {
		total += lineH + 8
	}
	s.top = max(a.margin()+6, (a.h-max(total, lineH+70))/2)

	y := s.top + 64
	s.descY = y
	y += float64(len(s.desc))*22 + 16
	cw := (left - 12) / 2
	s.cards = [2]Rect{{s.x, y, cw, 84}, {s.x + cw + 12, y, cw, 84}}
	y += 84 + 20
	s.weekY = y
	s.week = s.week[:0]
	dw := min(60, (left-6*8)/7)
	for i := range 7 {
		s.week = append(s.week, Rect{s.x + float64(i)*(dw+8), y + 22, dw, 44})
	}
	y += 70 + 8
	if !s.sideLine {
		s.lineR.Y = y
		y += lineH + 8
	} else {
		s.lineR.Y = s.top + 64
	}
	s.lineR.H = lineH
	s.lineY = s.lineR.Y
	s.noteY = y
	y += float64(len(s.note))*20 + 12

	label := msgDailyStart.in(lang)
	if played {
		label = msgDailyReplay.in(lang)
	}
	s.start = button{name: "start", label: label, r: Rect{s.x + left - min(left, 300), y, min(left, 300), 52}, style: stylePrimary}
	s.back = button{name: "back", label: msgBack.in(lang), r: Rect{s.x, y, 140, 52}}
	if s.narrow {
		s.start.r = Rect{s.x, y, left, 52}
		s.back.r = Rect{s.x, y + 62, left, 46}
	}
	s.start.disabled = s.err != ""
	s.keysY = s.back.r.Bottom() + 22

	switch {
	case s.back.update(&a.in) || a.in.back:
		a.goTo(newTitle())
	case s.start.update(&a.in) || a.in.enter && !s.start.disabled:
		r, err := newDailyRound(s.date, a.now)
		if err != nil {
			s.err = msgDailyError.f(lang, err)
			return
		}
		a.goTo(newRoundScene(r))
	}
}

// Draw implements Scene.
func (s *dailyScene) Draw(c *canvas) {
	pal, lang := c.pal, s.lang
	c.text(msgDaily.in(lang), s.x, s.top+18, 28, pal.Text, AlignStart)
	c.text(longDate(s.day, lang), s.x, s.top+48, 16, pal.Accent, AlignStart)
	c.lines(s.desc, s.x, s.descY, 15, 22, pal.Dim, AlignStart)

	// Streak and today's result.
	today, played := s.log.find(s.date)
	streak := s.log.streak(s.date)
	for i, r := range s.cards {
		c.fill(r, 12, pal.Panel)
		c.stroke(r, 12, 1, pal.Line)
		var label, big, sub string
		if i == 0 {
			label, big = msgDailyStreak.in(lang), daysText(streak, lang)
			switch {
			case streak == 0:
				sub = msgDailyNoStreak.in(lang)
			case !played:
				sub = msgDailyKeepGoing.in(lang)
			}
		} else {
			label = msgDailyToday.in(lang)
			if played {
				big = msgDailyScore.f(lang, today.Score)
				sub = msgDailyCorrectT.f(lang, today.Correct, today.Count, clockText(time.Duration(today.MS)*time.Millisecond))
			} else {
				big = msgNotPlayed.in(lang)
			}
		}
		c.text(label, r.X+16, r.Y+18, 14, pal.Dim, AlignStart)
		px := c.txt.Fit(big, 24, 15, r.W-32)
		c.text(big, r.X+16, r.Y+46, px, pal.Text, AlignStart)
		if sub != "" {
			c.text(sub, r.X+16, r.Y+70, c.txt.Fit(sub, 14, 11, r.W-32), pal.Dim, AlignStart)
		}
	}

	// The last seven days: a ring for a day played, its score under it.
	c.text(msgDailyWeek.in(lang), s.x, s.weekY+8, 14, pal.Dim, AlignStart)
	for i, r := range s.week {
		d := s.day.AddDate(0, 0, i-len(s.week)+1)
		res, ok := s.log.find(d.Format(dateLayout))
		bg, edge := pal.Panel, pal.Line
		if ok {
			bg, edge = mix(pal.Panel, pal.Good, 0.22), pal.Good
		}
		if i == len(s.week)-1 {
			edge = pal.Accent
		}
		c.fill(r, 8, bg)
		c.stroke(r, 8, 1.5, edge)
		c.text(shortWeekday(d, lang), r.CX(), r.Y+13, 13, pal.Dim, AlignCenter)
		mark := strconv.Itoa(d.Day())
		if ok {
			mark = strconv.Itoa(res.Correct) + "/" + strconv.Itoa(res.Count)
		}
		c.text(mark, r.CX(), r.Y+31, c.txt.Fit(mark, 15, 11, r.W-6), pal.Text, AlignCenter)
	}

	// Today's line-up: family, topic, difficulty.
	lr := s.lineR
	c.text(msgDailyLineup.in(lang), lr.X, lr.Y+8, 14, pal.Dim, AlignStart)
	for i, q := range s.qs {
		row := Rect{lr.X, lr.Y + 24 + float64(i)*30, lr.W, 26}
		c.fill(row, 6, pal.Panel)
		c.text(strconv.Itoa(i+1), row.X+14, row.CY(), 14, pal.Faint, AlignStart)
		name := familyName(q.Family, lang)
		dots := 5*12.0 + 8
		if !s.narrow {
			name = topicName(q.Topic, lang) + " · " + name
		}
		c.text(name, row.X+36, row.CY(), c.txt.Fit(name, 14, 11, row.W-36-dots-10), pal.Text, AlignStart)
		for d := range quiz.MaxDifficulty {
			col := pal.Line
			if d < q.Difficulty {
				col = pal.Accent
			}
			c.circle(row.Right()-dots+float64(d)*12+4, row.CY(), 4, col)
		}
	}
	c.lines(s.note, s.x, s.noteY, 14, 20, pal.Dim, AlignStart)
	s.start.draw(c)
	s.back.draw(c)
	if s.err != "" {
		c.text(s.err, s.x, s.keysY, 14, pal.Bad, AlignStart)
	} else if !s.narrow {
		c.text(msgDailyKeys.in(lang), s.start.r.Right(), s.keysY, 13, pal.Faint, AlignEnd)
	}
}

// Targets implements Scene.
func (s *dailyScene) Targets() []Target {
	if s.start.disabled {
		return []Target{s.back.target()}
	}
	return []Target{s.start.target(), s.back.target()}
}

// hookInfo implements informer: the date, the streak and today's result.
func (s *dailyScene) hookInfo() string {
	today, played := s.log.find(s.date)
	b, _ := json.Marshal(struct {
		Date      string `json:"date"`
		Streak    int    `json:"streak"`
		Played    bool   `json:"played"`
		Score     int    `json:"score"`
		Questions int    `json:"questions"`
	}{s.date, s.log.streak(s.date), played, today.Score, len(s.qs)})
	return string(b)
}

// dailyLinkSub is the daily challenge's line under its title link.
func dailyLinkSub(a *app) string {
	l := loadDailyLog()
	date := dailyDate(a.now)
	if res, ok := l.find(date); ok {
		return msgDailyLinkDone.f(a.lang(), res.Score, l.streak(date))
	}
	return msgDailyLinkNew.in(a.lang())
}

// drawHead draws the top of a daily challenge's summary: the date, the
// score, the correct count and time, and whether the result was kept.
func (o *dailyOutcome) drawHead(c *canvas, r *round, lang quiz.Lang, cx, top, w float64) {
	pal := c.pal
	c.text(msgDailyDone.f(lang, r.daily), cx, top+20, 20, pal.Dim, AlignCenter)
	c.text(msgTotal.f(lang, r.score), cx, top+62, 40, pal.Text, AlignCenter)
	c.text(msgDailyRightTime.f(lang, r.correct(), len(r.results), clockText(time.Duration(o.ms)*time.Millisecond)), cx, top+100, 16, pal.Dim, AlignCenter)
	line, col := msgDailySaved.f(lang, daysText(o.streak, lang)), pal.Good
	if !o.first {
		line, col = msgDailyPractice.f(lang, o.kept.Score), pal.Victim
	}
	c.text(line, cx, top+126, c.txt.Fit(line, 15, 11, w), col, AlignCenter)
}
