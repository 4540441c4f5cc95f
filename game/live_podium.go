package game

import (
	"image/color"
	"strconv"

	"github.com/osarena/osarena/netcode"
)

// podiumView ends the match: the top three on their steps and a line per
// player (rank, score, correct answers, average time, best topic). The host
// may start another match with the same room.
type podiumView struct {
	x, w   float64
	top    float64
	steps  [3]Rect // 1st, 2nd, 3rd
	rows   []Rect
	again  button
	narrow bool
	heard  *netcode.Podium // the podium whose fanfare has played
}

func (v *podiumView) update(a *app, s *liveScene) {
	m := &s.m
	if m.podium != nil && v.heard != m.podium {
		v.heard = m.podium
		a.play(cueFanfare)
	}
	v.narrow = a.narrow()
	v.x, v.w = a.column(900)
	v.top = a.margin() + 40
	base := v.top + 230
	sw := min(180, (v.w-24)/3)
	heights := [3]float64{120, 86, 62}
	order := []int{1, 0, 2} // 2nd on the left, 1st in the middle
	if m.podium != nil && len(m.podium.Summaries) < 3 {
		order = []int{1, 0}[2-len(m.podium.Summaries):]
	}
	xs := rowLayout(v.x, v.w, len(order), sw, 12)
	v.steps = [3]Rect{}
	for i, k := range order {
		v.steps[k] = Rect{xs[i], base - heights[k], sw, heights[k]}
	}
	y := base + 26
	rowH := 40.0
	if v.narrow {
		rowH = 52
	}
	v.rows = v.rows[:0]
	n := 0
	if m.podium != nil {
		n = len(m.podium.Summaries)
	}
	fit := int(max(1, (a.h-y-a.margin()-70)/(rowH+4)))
	for i := 0; i < n && i < fit; i++ {
		v.rows = append(v.rows, Rect{v.x, y, v.w, rowH})
		y += rowH + 4
	}
	v.again = button{}
	if s.duel {
		v.again = button{name: "bracket", label: msgToBracket.in(s.lang), r: Rect{v.x + v.w - 260, y + 10, 260, 50}, style: stylePrimary}
		if v.narrow {
			v.again.r = Rect{v.x, y + 10, v.w, 50}
		}
		if (v.again.update(&a.in) || a.in.enter) && s.back != nil {
			s.back(a)
		}
	} else if m.isHost() {
		v.again = button{name: "again", label: msgPlayAgain.in(s.lang), r: Rect{v.x + v.w - 220, y + 10, 220, 50}, style: stylePrimary}
		if v.narrow {
			v.again.r = Rect{v.x, y + 10, v.w, 50}
		}
		if v.again.update(&a.in) {
			s.net.send(netcode.TypeStartMatch, &netcode.StartMatch{})
		}
	}
}

func (v *podiumView) draw(c *canvas, s *liveScene) {
	p, lang, m := c.pal, s.lang, &s.m
	if m.podium == nil {
		return
	}
	if v.narrow {
		c.text(msgPodium.in(lang), v.x, v.top-8, 26, p.Text, AlignStart)
	} else {
		c.text(msgPodium.in(lang), v.x+v.w/2, v.top-8, 28, p.Text, AlignCenter)
	}
	sums := m.podium.Summaries
	colors := [3]color.RGBA{p.Victim, p.Dim, p.Hand}
	for k := 0; k < 3 && k < len(sums); k++ {
		r, sum := v.steps[k], sums[k]
		fill := mix(p.Panel2, colors[k], 0.5)
		if sum.PlayerID == m.me {
			fill = mix(p.Panel2, p.Accent, 0.45)
		}
		c.fill(r, 10, fill)
		c.text(strconv.Itoa(int(sum.Rank)), r.CX(), r.Y+28, 30, p.Text, AlignCenter)
		name := sum.Nickname
		c.text(name, r.CX(), r.Y-44, c.txt.Fit(name, 19, 13, r.W), p.Text, AlignCenter)
		c.text(msgTotal.f(lang, sum.Score), r.CX(), r.Y-18, 15, p.Dim, AlignCenter)
	}
	for i, r := range v.rows {
		sum := sums[i]
		bg := p.Panel
		if sum.PlayerID == m.me {
			bg = mix(p.Panel, p.Accent, 0.28)
		}
		c.fill(r, 8, bg)
		c.text(strconv.Itoa(int(sum.Rank)), r.X+22, rowLine(r, v.narrow, 0), 16, p.Dim, AlignCenter)
		c.text(sum.Nickname, r.X+44, rowLine(r, v.narrow, 0), 16, p.Text, AlignStart)
		c.text(strconv.Itoa(int(sum.Score)), r.Right()-14, rowLine(r, v.narrow, 0), 17, p.Text, AlignEnd)
		line := msgSummaryLine.f(lang, sum.Correct, roundsOf(m), float64(sum.AvgMs)/1000)
		if sum.BestTopic != "" {
			line += " · " + msgBestTopic.f(lang, term("topic."+sum.BestTopic, lang))
		}
		if v.narrow {
			c.text(line, r.X+44, rowLine(r, true, 1), 13, p.Dim, AlignStart)
		} else {
			c.text(line, r.X+r.W*0.38, r.CY(), 14, p.Dim, AlignStart)
		}
	}
	if v.again.name != "" {
		v.again.draw(c)
	} else {
		c.text(msgWaitHost.in(lang), v.x, v.rows[len(v.rows)-1].Bottom()+30, 15, p.Dim, AlignStart)
	}
}

// rowLine is the y of line k of a row: one line when wide, two when narrow.
func rowLine(r Rect, narrow bool, k int) float64 {
	if !narrow {
		return r.CY()
	}
	return r.Y + 16 + float64(k)*21
}

func (v *podiumView) targets() []Target {
	if v.again.name != "" {
		return []Target{v.again.target()}
	}
	return nil
}

// summaryOf returns id's podium line.
func summaryOf(pd *netcode.Podium, id uint32) (netcode.Summary, bool) {
	for _, s := range pd.Summaries {
		if s.PlayerID == id {
			return s, true
		}
	}
	return netcode.Summary{}, false
}
