package game

import (
	"image/color"
	"math"
	"strings"

	"github.com/hajimehoshi/ebiten/v2/vector"

	"github.com/osarena/osarena/netcode"
	"github.com/osarena/osarena/sim/quiz"
)

// drawBracket draws the running or finished tournament: the banner, the
// bracket and the selected match's panel.
func (s *tourScene) drawBracket(c *canvas) {
	p := c.pal
	if s.banner.H > 0 {
		col := p.Accent
		if s.champion {
			col = p.Victim
		}
		c.fill(s.banner, 12, mix(p.Panel, col, 0.22))
		c.stroke(s.banner, 12, 1.5, col)
		if s.champion {
			cx := s.banner.X + 30
			c.star(cx, s.banner.CY()+1, 15, col)
			c.text(clipText(c.txt, s.bannerText, 22, s.banner.W-70), cx+28, s.banner.CY(), 22, p.Text, AlignStart)
		} else {
			n := float64(len(s.bannerLines))
			c.lines(s.bannerLines, s.banner.X+bannerPad, s.banner.CY()-n*bannerLineH/2, 17, bannerLineH, p.Text, AlignStart)
			s.open.draw(c)
		}
	}
	s.bracket.draw(c, &s.m, s.sel)
	if s.sel != 0 && s.m.match(s.sel) != nil {
		c.flush()
		s.panel.draw(c, s)
	}
}

// drawStatus shows the connection's trouble, or a refusal, at the bottom.
func (s *tourScene) drawStatus(c *canvas) {
	text, col := s.status, c.pal.Victim
	if text == "" && s.m.notice != 0 {
		text, col = errorText(s.m.notice, s.lang), c.pal.Bad
	}
	if text == "" {
		return
	}
	c.flush()
	w := float64(c.dst.Bounds().Dx()) / c.s
	h := float64(c.dst.Bounds().Dy()) / c.s
	tw := min(w-24, c.txt.Width(text, 15)+36)
	r := Rect{(w - tw) / 2, h - 54, tw, 38}
	c.fill(r, 19, c.pal.Panel2)
	c.stroke(r, 19, 1.5, col)
	c.text(text, r.CX(), r.CY(), c.txt.Fit(text, 15, 12, r.W-24), c.pal.Text, AlignCenter)
}

// formatName names a tournament format.
func formatName(f string, lang quiz.Lang) string {
	switch f {
	case netcode.FormatSingle:
		return msgFmtSingle.in(lang)
	case netcode.FormatDouble:
		return msgFmtDouble.in(lang)
	case netcode.FormatRoundRobin:
		return msgFmtRoundRobin.in(lang)
	case netcode.FormatSwiss:
		return msgFmtSwiss.in(lang)
	}
	return f
}

// phaseName says where a tournament is.
func phaseName(ph uint8, lang quiz.Lang) string {
	switch ph {
	case netcode.TourRegistering:
		return msgTourPhaseReg.in(lang)
	case netcode.TourFinished:
		return msgTourPhaseDone.in(lang)
	}
	return msgTourPhaseRun.in(lang)
}

// star fills a five-pointed star of outer radius r centred at (x, y).
func (c *canvas) star(x, y, r float64, clr color.Color) {
	p := &c.path
	p.Reset()
	for i := range 10 {
		rad := r
		if i%2 == 1 {
			rad = r * 0.45
		}
		a := -math.Pi/2 + float64(i)*math.Pi/5
		px, py := c.f(x+rad*math.Cos(a)), c.f(y+rad*math.Sin(a))
		if i == 0 {
			p.MoveTo(px, py)
		} else {
			p.LineTo(px, py)
		}
	}
	p.Close()
	op := &vector.DrawPathOptions{AntiAlias: true}
	op.ColorScale.ScaleWithColor(clr)
	vector.FillPath(c.dst, p, nil, op)
}

// The "your match is ready" banner: its button's width, the padding
// around its words and their line height.
const (
	bannerButtonW = 110.0
	bannerPad     = 18.0
	bannerLineH   = 22.0
)

// bannerLines wraps a banner's words (17 px) to width w: two lines at most
// (a phone needs both for a Korean sentence), the second shortened with an
// ellipsis only when even two are not enough.
func bannerLines(t *Text, s string, w float64) []string {
	lines := t.Wrap(s, 17, w)
	if len(lines) > 2 {
		lines = []string{lines[0], clipText(t, strings.Join(lines[1:], " "), 17, w)}
	}
	return lines
}
