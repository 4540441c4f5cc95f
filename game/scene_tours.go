package game

import (
	"github.com/osarena/osarena/sim/quiz"
)

// toursScene is the way into tournaments: back to the one this browser
// remembers, create one (on to its settings), or join one by its code
// with a nickname. The text boxes are HTML inputs over the canvas (see
// field), so Korean IME works.
type toursScene struct {
	nick, code   *field
	saved        savedTour
	cont         button // back to the remembered tournament
	create, join button
	back         button
	lang         quiz.Lang
	x, w, top    float64
	orY, nickY   float64
	codeY        float64
	err          string
}

// newTours returns the scene; err is a refusal to show, or "".
func newTours(err string) *toursScene { return &toursScene{err: err} }

// Name implements Scene.
func (s *toursScene) Name() string { return "tournaments" }

// Update implements Scene.
func (s *toursScene) Update(a *app) {
	s.lang = a.lang()
	if s.nick == nil {
		s.saved = loadTour()
		s.nick = newField("nick", storageGet(nickKey), msgNickHint.in(s.lang), 40, false)
		s.code = newField("code", "", msgCodeHint.in(s.lang), 12, true)
	}
	s.x, s.w = a.column(460)
	h := 520.0
	if s.saved.Code != "" {
		h += 62
	}
	s.top = max(a.margin()+8, (a.h-h)/2)
	y := s.top + 76
	s.cont = button{}
	if s.saved.Code != "" {
		name := s.saved.Name
		if name == "" {
			name = s.saved.Code
		}
		s.cont = button{name: "continue", label: msgContinueTour.f(s.lang, name, s.saved.Code), r: Rect{s.x, y, s.w, 50}}
		y += 62
	}
	s.create = button{name: "create", label: msgNewTournament.in(s.lang), r: Rect{s.x, y, s.w, 52}, style: stylePrimary}
	y += 52 + 34
	s.orY = y
	y += 22
	s.nickY = y
	s.nick.place(Rect{s.x, y + 26, s.w, 48}, 18)
	y += 26 + 48 + 14
	s.codeY = y
	bw := 110.0
	s.code.place(Rect{s.x, y + 26, s.w - bw - 10, 48}, 20)
	s.join = button{name: "join", label: msgJoinRoom.in(s.lang), r: Rect{s.x + s.w - bw, y + 26, bw, 48}}
	y += 26 + 48 + 32
	s.back = button{name: "back", label: msgBack.in(s.lang), r: Rect{s.x, y, 120, 44}}

	switch {
	case s.back.update(&a.in) || a.in.back && !s.nick.focused() && !s.code.focused():
		s.leave()
		a.goTo(newTitle())
	case s.cont.name != "" && s.cont.update(&a.in):
		s.leave()
		a.goTo(newTour(a, tourRequest{code: s.saved.Code}))
	case s.create.update(&a.in):
		s.leave()
		a.goTo(newTourSetup())
	case s.join.update(&a.in) || s.code.takeEnter():
		nick, ok := cleanNick(s.nick.value())
		if !ok {
			s.err = msgNeedNick.in(s.lang)
			s.nick.focus()
			return
		}
		code := tidyCode(s.code.value())
		if len(code) != codeLen {
			s.err = msgNeedTourCode.in(s.lang)
			s.code.focus()
			return
		}
		storageSet(nickKey, nick)
		s.leave()
		a.goTo(newTour(a, tourRequest{code: code, nick: nick}))
	}
}

func (s *toursScene) leave() {
	s.nick.remove()
	s.code.remove()
}

// Draw implements Scene.
func (s *toursScene) Draw(c *canvas) {
	p := c.pal
	c.text(msgTournaments.in(s.lang), s.x, s.top+20, 28, p.Text, AlignStart)
	for i, l := range c.txt.Wrap(msgTournamentsSub.in(s.lang), 15, s.w) {
		c.text(l, s.x, s.top+50+float64(i)*20, 15, p.Dim, AlignStart)
	}
	if s.cont.name != "" {
		s.cont.draw(c)
	}
	s.create.draw(c)
	c.line(s.x, s.orY, s.x+s.w, s.orY, 1, p.Line)
	label := msgJoinTournament.in(s.lang)
	lw := c.txt.Width(label, 14) + 20
	c.fill(Rect{s.x + s.w/2 - lw/2, s.orY - 10, lw, 20}, 0, p.Bg)
	c.text(label, s.x+s.w/2, s.orY, 14, p.Faint, AlignCenter)
	c.text(msgNickname.in(s.lang), s.x, s.nickY+12, 15, p.Dim, AlignStart)
	c.text(msgTourCode.in(s.lang), s.x, s.codeY+12, 15, p.Dim, AlignStart)
	s.join.draw(c)
	s.back.draw(c)
	if s.err != "" {
		c.text(s.err, s.x, s.back.r.Bottom()+26, 15, p.Bad, AlignStart)
	}
}

// Targets implements Scene.
func (s *toursScene) Targets() []Target {
	var ts []Target
	if s.cont.name != "" {
		ts = append(ts, s.cont.target())
	}
	return append(ts, s.create.target(), Target{Name: "nickname", R: s.nick.shown},
		Target{Name: "code", R: s.code.shown}, s.join.target(), s.back.target())
}
