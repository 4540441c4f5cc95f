package game

import (
	"strconv"

	"github.com/osarena/osarena/sim/quiz"
)

// summaryScene shows a finished round's score, each answer, and whether it
// beat the topic's best; it records the round in the saved progress.
type summaryScene struct {
	r       *round
	newBest bool
	best    int
	daily   *dailyOutcome // a daily challenge's result; nil for practice
	lang    quiz.Lang
	x, w    float64
	top     float64
	again   button
	change  button
	title   button
}

// newSummary records r's result in the saved progress and returns the
// summary of it.
func newSummary(r *round, a *app) *summaryScene {
	if r.daily != "" {
		s := &summaryScene{r: r, daily: recordDaily(r)}
		countDaily(r, a.saved.Topics)
		a.saved.History.recordRound(r, localDay(a.now))
		a.saved.save()
		return s
	}
	p := a.saved.Topics[r.topic]
	s := &summaryScene{r: r, newBest: r.score > p.Best}
	p.Rounds++
	p.Answered += len(r.results)
	p.Correct += r.correct()
	p.Best = max(p.Best, r.score)
	a.saved.Topics[r.topic] = p
	a.saved.History.recordRound(r, localDay(a.now))
	a.saved.save()
	s.best = p.Best
	return s
}

// countDaily adds a daily challenge's answers to the title cards' counts
// (answered and correct, per chapter); the daily's rounds and best score
// are its own, kept by recordDaily.
func countDaily(r *round, topics map[quiz.Topic]TopicProgress) {
	for i, res := range r.results {
		if i >= len(r.qs) {
			break
		}
		card := cardOf(r.qs[i].Topic)
		if card == "" {
			continue
		}
		p := topics[card]
		p.Answered++
		if res.grade.Correct() {
			p.Correct++
		}
		topics[card] = p
	}
}

// Name implements Scene.
func (s *summaryScene) Name() string { return "summary" }

// Update implements Scene.
func (s *summaryScene) Update(a *app) {
	s.lang = a.lang()
	s.x, s.w = a.column(560)
	s.top = max(a.margin()+10, a.h/2-300)
	y := s.top + 150 + float64(len(s.r.results))*36 + 24
	bw := s.w
	if !a.narrow() {
		bw = (s.w - 24) / 3
	}
	place := func(i int) Rect {
		if a.narrow() {
			return Rect{s.x, y + float64(i)*58, s.w, 48}
		}
		return Rect{s.x + float64(i)*(bw+12), y, bw, 50}
	}
	s.again = button{name: "again", label: msgAgain.in(s.lang), r: place(0), style: stylePrimary}
	s.change = button{name: "change", label: msgChange.in(s.lang), r: place(1)}
	s.title = button{name: "title", label: msgTitle.in(s.lang), r: place(2)}
	if s.daily != nil {
		s.again.label, s.change.label = msgDailyReplay.in(s.lang), msgDaily.in(s.lang)
	}
	switch {
	case s.daily != nil && (s.again.update(&a.in) || a.in.enter):
		if r, err := newDailyRound(s.r.daily, a.now); err == nil {
			a.goTo(newRoundScene(r))
		}
	case s.daily != nil && s.change.update(&a.in):
		a.goTo(newDailyScene())
	case s.again.update(&a.in) || a.in.enter:
		qs, seed, err := newQuestions(s.r.opts, uint64(a.now.UnixNano()/1000)%(1<<40))
		if err == nil {
			if r, err := newRound(s.r.topic, s.r.opts, seed, qs, a.saved.Settings.Timed, a.now); err == nil {
				a.goTo(newRoundScene(r))
			}
		}
	case s.change.update(&a.in):
		a.goTo(newPractice(s.r.topic))
	case s.title.update(&a.in) || a.in.back:
		a.goTo(newTitle())
	}
}

// Draw implements Scene.
func (s *summaryScene) Draw(c *canvas) {
	pal, lang, r := c.pal, s.lang, s.r
	cx := s.x + s.w/2
	if s.daily != nil {
		s.daily.drawHead(c, r, lang, cx, s.top, s.w)
	} else {
		c.text(msgDone.in(lang), cx, s.top+20, 20, pal.Dim, AlignCenter)
		c.text(msgTotal.f(lang, r.score), cx, s.top+62, 40, pal.Text, AlignCenter)
		line := msgRight.f(lang, r.correct(), len(r.results))
		if s.newBest {
			line += " · " + msgNewBest.in(lang)
		} else {
			line += " · " + msgBest.f(lang, s.best)
		}
		c.text(line, cx, s.top+104, 16, pal.Dim, AlignCenter)
	}
	y := s.top + 150
	for i, res := range r.results {
		row := Rect{s.x, y, s.w, 30}
		c.fill(row, 8, pal.Panel)
		q := r.qs[i]
		col, word := pal.Bad, msgWrong.in(lang)
		if res.grade.Correct() {
			col, word = pal.Good, msgCorrect.in(lang)
		}
		c.fill(Rect{row.X, row.Y, 5, row.H}, 2, col)
		label := strconv.Itoa(i+1) + ". " + answerText(q, lang)
		label = c.txt.Wrap(label, 15, row.W*0.55-24)[0]
		c.text(label, row.X+16, row.CY(), 15, pal.Text, AlignStart)
		c.text(word, row.X+row.W*0.6, row.CY(), 15, col, AlignStart)
		c.text("+"+strconv.Itoa(res.points), row.Right()-14, row.CY(), 15, pal.Text, AlignEnd)
		y += 36
	}
	s.again.draw(c)
	s.change.draw(c)
	s.title.draw(c)
}

// Targets implements Scene.
func (s *summaryScene) Targets() []Target {
	return []Target{s.again.target(), s.change.target(), s.title.target()}
}

func (s *summaryScene) roundInfo() *roundInfo {
	r := s.r
	return &roundInfo{Family: string(r.q().Family), Seed: r.seed, Difficulty: r.opts.orDefault().difficulty,
		Count: len(r.qs), Index: r.i, Phase: "done", Score: r.score, Correct: r.correct()}
}
