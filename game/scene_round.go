package game

import (
	"fmt"
	"strconv"
	"time"

	"github.com/osarena/osarena/sim/quiz"
)

// roundScene plays a solo round: the frame table, the prompt, answering by
// pointing (a frame, or the Hit and Fault buttons, or keys 1–9), then the
// reveal, the step playing and the explanation.
type roundScene struct {
	r        *round
	lang     quiz.Lang
	now      time.Time
	x, w     float64
	narrow   bool
	headerY  float64
	timerBar Rect
	layout   frameLayout
	view     frameView
	prompt   []string
	promptY  float64
	choices  []button // Hit and Fault (hit-or-fault questions)
	hint     string
	hintY    float64
	panel    Rect
	verdict  []string
	explain  []string
	next     button
	quit     button
}

func newRoundScene(r *round) *roundScene { return &roundScene{r: r} }

// Name implements Scene.
func (s *roundScene) Name() string { return "round" }

func (s *roundScene) victim() bool { return s.r.q().Family == quiz.ReplaceVictim }

// Update implements Scene.
func (s *roundScene) Update(a *app) {
	r := s.r
	s.now, s.lang, s.narrow = a.now, a.lang(), a.narrow()
	r.tick(a.now)
	// A press skips an animation only if the animation was already playing:
	// the press that answers must not skip its own reveal.
	playing := r.phase == phaseAdvance || r.phase == phaseReveal
	s.x, s.w = a.column(1000)
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
	s.layout = layoutFrameTable(r.trace, s.x, y+4, s.w, s.narrow)
	q := r.q()

	// What the picture shows and marks.
	step, p := r.view(a.now)
	s.view = frameView{tr: r.trace, step: step, p: p, lit: -1, wrong: -1, hover: -1, lang: s.lang,
		keys: s.victim() && r.phase == phaseAsk, reveal: r.phase >= phaseReveal || r.phase == phaseAdvance}
	if r.phase >= phaseReveal {
		s.view.lit = r.answerFrame()
		if res := r.results[r.i]; s.victim() && !res.grade.Correct() && !res.timeout {
			s.view.wrong = indexOfChoice(q, res.picked)
		}
	}

	// The prompt and the ways to answer.
	px := 18.0
	if s.narrow {
		px = 16
	}
	s.promptY = s.layout.bottom + 6
	s.prompt = a.txt.Wrap(q.Prompt.Render(s.lang), px, s.w)
	if s.narrow && r.phase >= phaseReveal {
		s.prompt = nil // the verdict takes its place on a phone
	}
	y = s.promptY + float64(len(s.prompt))*px*1.5 + 10
	s.choices = s.choices[:0]
	s.hint = ""
	if !s.victim() {
		bw := min(180, (s.w-12)/2)
		xs := rowLayout(s.x, s.w, len(q.Choices), bw, 12)
		for i, ch := range q.Choices {
			b := button{name: []string{"hit", "fault"}[min(i, 1)], label: ch.Label.Render(s.lang), r: Rect{xs[i], y, bw, 50}}
			b.disabled = r.phase != phaseAsk
			if r.phase >= phaseReveal {
				b.disabled = false
				b.good = ch.Value == q.Answer.Values[0]
				b.bad = !b.good && r.results[r.i].picked == ch.Value
			}
			if r.phase == phaseAsk && (b.update(&a.in) || a.in.digit == i+1) {
				r.answer(ch.Value, a.now)
			}
			s.choices = append(s.choices, b)
		}
		y += 62
		if r.phase == phaseAsk && !s.narrow {
			s.hint = msgPickHF.in(s.lang)
		}
	} else if r.phase == phaseAsk {
		s.hint = msgPickFrame.f(s.lang, len(q.Choices))
		for f, fr := range s.layout.frames {
			if a.in.over(fr) {
				s.view.hover = f
			}
			if a.in.pressed(fr) || a.in.digit == f+1 {
				r.answer(q.Choices[f].Value, a.now)
			}
		}
	}
	s.hintY = y
	if s.hint != "" {
		y += 26
	}

	// After the answer: the verdict, then the explanation and Next.
	s.verdict, s.explain = nil, nil
	if r.phase >= phaseReveal && len(r.results) > r.i {
		s.layoutPanel(a, y)
	}
	switch {
	case s.quit.update(&a.in) || a.in.back:
		a.goTo(newPractice(r.topic))
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
		ans := answerLabel(q, q.Answer.Values[0], lang)
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
	title := fmt.Sprintf("%s · %s · %s", topicName(r.topic, lang), policyName(scenarioPolicy(q)), msgFrames.f(lang, r.trace.Frames))
	stats := msgQOfN.f(lang, r.i+1, len(r.qs)) + "   " + msgScore.f(lang, r.score)
	if s.narrow {
		c.text(title, s.x, s.headerY+10, 15, pal.Dim, AlignStart)
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
	drawFrameTable(c, &s.layout, &s.view)
	px := 18.0
	if s.narrow {
		px = 16
	}
	c.lines(s.prompt, s.x, s.promptY, px, px*1.5, pal.Text, AlignStart)
	for i := range s.choices {
		s.choices[i].draw(c)
	}
	if s.hint != "" {
		if s.victim() {
			c.text(s.hint, s.x, s.hintY+8, 14, pal.Dim, AlignStart)
		} else {
			c.text(s.hint, s.x+s.w/2, s.hintY+8, 14, pal.Dim, AlignCenter)
		}
	}
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
	if s.r.phase == phaseAsk && s.victim() {
		for f, r := range s.layout.frames {
			ts = append(ts, Target{Name: "frame-" + strconv.Itoa(f), R: r})
		}
	}
	for i := range s.choices {
		if !s.choices[i].disabled && s.r.phase == phaseAsk {
			ts = append(ts, s.choices[i].target())
		}
	}
	if s.r.phase == phaseExplain {
		ts = append(ts, s.next.target())
	}
	return append(ts, s.quit.target())
}

func (s *roundScene) roundInfo() *roundInfo {
	r := s.r
	return &roundInfo{Family: string(r.q().Family), Seed: r.seed, Difficulty: r.opts.orDefault().difficulty,
		Count: len(r.qs), Index: r.i, Phase: phaseNames[r.phase], Score: r.score, Correct: r.correct()}
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

// answerLabel is the label of the choice with value.
func answerLabel(q *quiz.Question, value int64, lang quiz.Lang) string {
	if i := indexOfChoice(q, value); i >= 0 {
		return q.Choices[i].Label.Render(lang)
	}
	return strconv.FormatInt(value, 10)
}

// topicName is a topic's name on screen.
func topicName(t quiz.Topic, lang quiz.Lang) string {
	for _, ti := range topics {
		if ti.topic == t {
			return ti.name.in(lang)
		}
	}
	return string(t)
}
