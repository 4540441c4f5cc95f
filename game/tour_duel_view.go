package game

import (
	"image/color"

	"github.com/osarena/osarena/netcode"
)

// duelResultView ends a tournament duel in place of the live podium (a
// podium of one, for a side played alone, would crown a player who has
// won nothing): the match, who won or what the result waits for, both
// sides' scores and times, and the way back to the bracket.
type duelResultView struct {
	o      duelOutcome
	label  string // the match and its round
	x, w   float64
	top    float64
	rows   [2]Rect
	note   []string
	back   button
	narrow bool
	heard  bool // the fanfare of a win has played
}

// update builds the outcome from the duel's podium and the bracket, and
// handles the button back to the bracket.
func (v *duelResultView) update(a *app, s *tourScene) {
	lang := s.lang
	bm := s.m.match(s.duelID)
	var mine netcode.Summary
	if pd := s.duel.m.podium; pd != nil {
		mine, _ = summaryOf(pd, s.duel.m.me)
	}
	v.o = duelOutcomeOf(&s.m, bm, mine, roundsOf(&s.duel.m), lang)
	if v.o.tone > 0 && !v.heard {
		v.heard = true
		a.play(cueFanfare)
	}
	v.label = ""
	if bm != nil {
		v.label = msgMatchLabel.f(lang, bm.ID, matchRoundName(bm, &s.m.st, lang))
	}
	v.narrow = a.narrow()
	v.x, v.w = a.column(640)
	v.top = a.margin() + 24
	y := v.top + 84
	rowH := 70.0
	for i := range v.rows {
		v.rows[i] = Rect{v.x, y, v.w, rowH}
		y += rowH + 8
	}
	v.note = a.txt.Wrap(v.o.note, 16, v.w-8)
	y += 12 + float64(len(v.note))*23 + 16
	v.back = button{name: "bracket", label: msgToBracket.in(lang), r: Rect{v.x + v.w - 260, y, 260, 50}, style: stylePrimary}
	if v.narrow {
		v.back.r = Rect{v.x, y, v.w, 50}
	}
	if v.back.update(&a.in) || a.in.enter {
		s.endDuel(a)
	}
}

func (v *duelResultView) draw(c *canvas, s *tourScene) {
	p, lang := c.pal, s.lang
	c.text(clipText(c.txt, v.label, 16, v.w), v.x, v.top, 16, p.Dim, AlignStart)
	col := p.Text
	switch v.o.tone {
	case 1:
		col = p.Good
	case -1:
		col = p.Dim
	}
	c.text(v.o.title, v.x, v.top+40, c.txt.Fit(v.o.title, 30, 18, v.w), col, AlignStart)
	for i, r := range v.rows {
		d := v.o.sides[i]
		if d.name == "" {
			continue
		}
		bg := p.Panel
		if i == 0 {
			bg = mix(p.Panel, p.Accent, 0.22)
		}
		c.fill(r, 10, bg)
		if i == 0 {
			c.stroke(r, 10, 1.5, p.Accent)
		}
		score := d.scoreText(lang)
		sw := c.txt.Width(score, 24)
		name := d.name
		if i == 0 {
			name += " (" + msgYou.in(lang) + ")"
		}
		var fg color.RGBA = p.Text
		if !d.played {
			fg = p.Dim
		}
		c.text(clipText(c.txt, name, 18, r.W-sw-48), r.X+16, r.Y+24, 18, fg, AlignStart)
		c.text(clipText(c.txt, d.detail(v.o.of, lang), 14, r.W-sw-48), r.X+16, r.Y+49, 14, p.Dim, AlignStart)
		c.text(score, r.Right()-16, r.CY(), 24, fg, AlignEnd)
	}
	c.lines(v.note, v.x+2, v.rows[1].Bottom()+12, 16, 23, p.Dim, AlignStart)
	v.back.draw(c)
}

func (v *duelResultView) targets() []Target { return []Target{v.back.target()} }
