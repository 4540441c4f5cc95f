package game

import (
	"strings"
	"time"

	"github.com/osarena/osarena/sim/quiz"
)

// roundScene plays a solo round: the question component (the picture, the
// prompt, answering by pointing, a keypad or choices), then the reveal, the
// step playing and the explanation with the misconception behind a wrong
// answer.
type roundScene struct {
	r        *round
	lang     quiz.Lang
	now      time.Time
	x, w     float64
	narrow   bool
	headerY  float64
	timerBar Rect
	panel    Rect
	verdict  []string
	explain  []string
	next     button
	quit     button
	heard    int           // results whose sound has played
	left     time.Duration // time left at the previous frame, for the ticks
}

func newRoundScene(r *round) *roundScene { return &roundScene{r: r} }

// Name implements Scene.
func (s *roundScene) Name() string { return "round" }

// Update implements Scene.
func (s *roundScene) Update(a *app) {
	r := s.r
	s.now, s.lang, s.narrow = a.now, a.lang(), a.narrow()
	r.tick(a.now)
	// A press skips an animation only if the animation was already playing:
	// the press that answers must not skip its own reveal.
	playing := r.phase == phaseAdvance || r.phase == phaseReveal
	s.x, s.w = a.column(1100)
	s.headerY = a.margin() - 4
	y := s.headerY + 34
	if s.narrow {
		y += 24
	}
	s.timerBar = Rect{}
	if r.timed {
		s.timerBar = Rect{s.x, y, s.w, 6}
		y += 12
	}
	s.quit = button{name: "quit", label: "×", r: Rect{s.x + s.w - 40, s.headerY - 6, 40, 36}}
	area := Rect{s.x, y + 4, s.w, a.h - y - 12}
	if v, ok := r.cur.update(a, area, r.play(a.now)); ok {
		r.answer(v, a.now)
	}
	if r.timed {
		a.countdown(&s.left, r.remaining(a.now))
	}
	if len(r.results) > s.heard { // answered, or the time ran out
		s.heard = len(r.results)
		if r.results[s.heard-1].grade.Correct() {
			a.play(cueCorrect)
		} else {
			a.play(cueWrong)
		}
	}
	y = r.cur.bottom()

	// After the answer: the verdict, then the explanation and Next.
	s.verdict, s.explain = nil, nil
	if r.phase >= phaseReveal && len(r.results) > r.i {
		s.layoutPanel(a, y)
	}
	switch {
	case s.quit.update(&a.in) || a.in.back:
		a.goTo(s.leave())
	case playing && (r.phase == phaseAdvance || r.phase == phaseReveal):
		if a.in.enter || a.in.press && !s.quit.r.Contains(a.in.x, a.in.y) {
			r.skip(a.now)
		}
	case r.phase == phaseExplain:
		if s.next.update(&a.in) || a.in.enter {
			if !r.next(a.now) {
				a.goTo(newSummary(r, a))
			}
		}
	}
}

// leave is where quitting the round goes.
func (s *roundScene) leave() Scene {
	if s.r.daily != "" {
		return newTitle()
	}
	return newPractice(s.r.topic)
}

// layoutPanel lays out the verdict, the explanation and the Next button.
func (s *roundScene) layoutPanel(a *app, y float64) {
	r, q := s.r, s.r.q()
	res := r.results[r.i]
	lang := s.lang
	var head string
	switch {
	case res.grade.Correct():
		head = msgCorrect.in(lang) + "  " + msgPoints.f(lang, res.points)
		if r.streak > 1 {
			head += " · " + msgStreak.f(lang, r.streak)
		}
	case res.timeout:
		head = msgTimeUp.in(lang)
	default:
		head = msgWrong.in(lang)
	}
	px := 16.0
	bw := 160.0
	inner := s.w - 32
	if s.narrow {
		bw = inner
	} else {
		inner -= bw + 16 // Next sits at the top right, beside the text
	}
	s.verdict = []string{head}
	if !res.grade.Correct() {
		ans := answerText(q, lang)
		s.verdict = append(s.verdict, a.txt.Wrap(msgAnswerWas.f(lang, ans), px, inner)...)
		if !res.grade.Why.IsZero() {
			s.explain = append(s.explain, a.txt.Wrap(res.grade.Why.Render(lang), px, inner)...)
		}
	}
	if r.phase == phaseExplain {
		s.explain = append(s.explain, a.txt.Wrap(q.Explanation.Render(lang), px, inner)...)
	}
	h := 22 + 30 + float64(len(s.verdict)-1)*24 + float64(len(s.explain))*24 + 12
	label := msgNext.in(lang)
	if r.i+1 >= len(r.qs) {
		label = msgResults.in(lang)
	}
	if s.narrow {
		s.next = button{name: "next", label: label, r: Rect{s.x + 16, y + h, bw, 48}, style: stylePrimary}
		s.panel = Rect{s.x, y, s.w, h + 64}
	} else {
		s.next = button{name: "next", label: label, r: Rect{s.x + s.w - 16 - bw, y + 16, bw, 48}, style: stylePrimary}
		s.panel = Rect{s.x, y, s.w, max(h, 80)}
	}
	s.next.disabled = r.phase != phaseExplain
	// A panel too tall for the screen rises over the picture, as a sheet.
	if over := s.panel.Bottom() - (a.h - 8); over > 0 {
		s.panel.Y -= over
		s.next.r.Y -= over
	}
}

// Draw implements Scene.
func (s *roundScene) Draw(c *canvas) {
	r, pal, lang := s.r, c.pal, s.lang
	q := r.q()
	title := roundTitle(r, q, lang)
	stats := msgQOfN.f(lang, r.i+1, len(r.qs)) + "   " + msgScore.f(lang, r.score)
	if s.narrow {
		c.text(title, s.x, s.headerY+10, c.txt.Fit(title, 15, 12, s.w-48), pal.Dim, AlignStart)
		c.text(stats, s.x, s.headerY+36, 17, pal.Text, AlignStart)
	} else {
		c.text(title, s.x, s.headerY+12, 17, pal.Dim, AlignStart)
		c.text(stats, s.x+s.w-56, s.headerY+12, 17, pal.Text, AlignEnd)
	}
	s.quit.draw(c)
	if s.timerBar.W > 0 {
		c.fill(s.timerBar, 3, pal.Panel2)
		left := float64(r.remaining(s.now)) / float64(timeLimit)
		col := pal.Accent
		if left < 0.25 {
			col = pal.Bad
		}
		c.fill(Rect{s.timerBar.X, s.timerBar.Y, s.timerBar.W * left, s.timerBar.H}, 3, col)
	}
	r.cur.draw(c)
	if len(s.verdict) > 0 {
		c.flush() // the panel may rise over the picture (phones)
		s.drawPanel(c)
	}
}

func (s *roundScene) drawPanel(c *canvas) {
	pal, res := c.pal, s.r.results[s.r.i]
	edge := pal.Bad
	if res.grade.Correct() {
		edge = pal.Good
	}
	c.fill(s.panel, 12, pal.Panel)
	c.stroke(s.panel, 12, 1, pal.Line)
	c.fill(Rect{s.panel.X, s.panel.Y, 5, s.panel.H}, 2, edge)
	x, y := s.panel.X+18, s.panel.Y+24
	c.text(s.verdict[0], x, y, 20, edge, AlignStart)
	y = c.lines(s.verdict[1:], x, y+14, 16, 24, pal.Text, AlignStart)
	if len(s.verdict) == 1 {
		y += 14
	}
	c.lines(s.explain, x, y, 16, 24, pal.Dim, AlignStart)
	s.next.draw(c)
}

// Targets implements Scene.
func (s *roundScene) Targets() []Target {
	var ts []Target
	if s.r.phase == phaseAsk {
		ts = s.r.cur.targets()
	}
	if s.r.phase == phaseExplain {
		ts = append(ts, s.next.target())
	}
	return append(ts, s.quit.target())
}

func (s *roundScene) roundInfo() *roundInfo {
	r := s.r
	info := &roundInfo{Family: string(r.q().Family), Seed: r.seed, Difficulty: r.opts.orDefault().difficulty,
		Count: len(r.qs), Index: r.i, Phase: phaseNames[r.phase], Score: r.score, Correct: r.correct()}
	if r.daily != "" { // a mix: each question is quiz.Generate(Family, Seed, Difficulty)
		info.Seed, info.Difficulty = r.q().Seed, r.q().Difficulty
	}
	return info
}

// indexOfChoice returns the position of value among q's choices (the frame,
// for victim questions), or -1.
func indexOfChoice(q *quiz.Question, value int64) int {
	for i, ch := range q.Choices {
		if ch.Value == value {
			return i
		}
	}
	return -1
}

// answerText writes q's correct answer: a choice's label, or the values
// ("trap" for quiz.Trap) with their unit.
func answerText(q *quiz.Question, lang quiz.Lang) string {
	if len(q.Answer.Values) == 1 {
		if i := indexOfChoice(q, q.Answer.Values[0]); i >= 0 {
			return q.Choices[i].Label.Render(lang)
		}
	}
	parts := make([]string, len(q.Answer.Values))
	for i, v := range q.Answer.Values {
		parts[i] = valueText(v, lang)
	}
	out := strings.Join(parts, ", ")
	if q.Answer.Unit != "" && len(parts) == 1 && q.Answer.Values[0] != quiz.Trap {
		out += " " + term(strings.TrimPrefix(q.Answer.Unit, "@"), lang)
	}
	return out
}

// topicName is a topic's name on screen.
func topicName(t quiz.Topic, lang quiz.Lang) string {
	for _, ti := range topics {
		if ti.topic == t {
			return ti.name.in(lang)
		}
	}
	for _, ti := range topics { // a topic inside a card (segment, pagewalk): the card's name
		for _, f := range cardFamilies(ti.topic) {
			if strings.HasPrefix(string(f), string(t)+".") {
				return ti.name.in(lang)
			}
		}
	}
	return string(t)
}
