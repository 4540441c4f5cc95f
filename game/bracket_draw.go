package game

import (
	"image/color"
	"math"
	"strconv"

	"github.com/osarena/osarena/netcode"
	"github.com/osarena/osarena/sim/quiz"
)

// drawMatchBox draws one match at screen rectangle r (zoom z): its badge
// above (status, match number), both players with seeds and scores, the
// winner emphasised, byes and walkovers marked; the viewing player's
// matches outlined in the accent colour.
func drawMatchBox(c *canvas, m *tourModel, bm *netcode.BracketMatch, r Rect, z float64, mine, selected bool, lang quiz.Lang) {
	p := c.pal
	rad := 8 * z
	corrected := byHost(bm)
	bg := p.Panel
	if mine {
		bg = mix(p.Panel, p.Accent, 0.14)
	}
	c.fill(r, rad, bg)
	strip := p.Line
	badge, badgeCol := "", p.Dim
	switch {
	case bm.Status == "ready" && bm.Room != "":
		strip, badge, badgeCol = p.Good, msgBadgeLive.in(lang), p.Good
	case bm.Status == "ready" && mine:
		strip, badge, badgeCol = p.Accent, msgBadgeYours.in(lang), p.Accent
	case bm.Status == "ready":
		strip, badge, badgeCol = p.Accent, msgBadgeReady.in(lang), p.Accent
	case byHost(bm):
		badge, badgeCol = msgBadgeCorrected.in(lang), p.Victim
	case bm.Status == "done" && bm.Walkover:
		badge = msgWalkover.in(lang)
	case bm.Status == "done" && bm.Draw:
		badge = msgBadgeDraw.in(lang)
	case bm.Status == "bye":
		badge = msgBye.in(lang)
	case bm.Status == "void":
		strip = p.Panel2
	}
	c.fill(Rect{r.X, r.Y, 5 * z, r.H}, rad, strip)
	edge, ew := p.Line, 1.0
	switch {
	case selected:
		edge, ew = p.Text, 2.5
	case mine:
		edge, ew = p.Accent, 2
	}
	c.stroke(r, rad, ew, edge)
	c.line(r.X+5*z, r.CY(), r.Right(), r.CY(), 1, p.Panel2)
	if q := zoomPx(12, z); q > 0 {
		y := r.Y - boxBadge*z/2
		c.text("#"+strconv.Itoa(int(bm.ID)), r.X+2*z, y, q, p.Faint, AlignStart)
		if badge != "" {
			c.text(badge, r.Right()-2*z, y, q, badgeCol, AlignEnd)
		}
	}
	q := zoomPx(15, z)
	if q == 0 {
		return
	}
	for i := 0; i < 2 && i < len(bm.Players); i++ {
		pl := bm.Players[i]
		row := Rect{r.X, r.Y + float64(i)*r.H/2, r.W, r.H / 2}
		name, known := m.name(pl)
		fg := p.Text
		switch {
		case pl == -2:
			name, fg = msgBye.in(lang), p.Faint
		case !known:
			name, fg = msgTBD.in(lang), p.Faint
		case bm.Status == "done" && !bm.Draw && bm.Winner != pl:
			fg = p.Dim
		}
		x := r.X + 12*z
		if sd := m.seed(pl); sd > 0 && known {
			c.text(strconv.Itoa(sd), x+8*z, row.CY(), zoomPx(12, z), p.Faint, AlignCenter)
		}
		x += 22 * z
		right := r.Right() - 10*z
		if len(bm.Scores) == 2 && known && (bm.Status == "done" || played(bm, i)) {
			sc := fg
			if corrected { // as played, not what decided the match
				sc = p.Faint
			}
			c.text(strconv.Itoa(int(bm.Scores[i])), right, row.CY(), q, sc, AlignEnd)
			right -= c.txt.Width("0000", q) + 6*z
		}
		won := bm.Status == "done" && !bm.Draw && bm.Winner == pl && known
		drawWinnerName(c, name, x, right, row.CY(), q, z, fg, won, corrected)
	}
}

// drawWinnerName draws a player's name in a match row from x to right and,
// for the winner, the marker: beside the score, or, when the host decided
// the result (corrected), beside the name, away from a score it did not
// come from.
func drawWinnerName(c *canvas, name string, x, right, cy, px, z float64, fg color.RGBA, won, corrected bool) {
	if won && !corrected {
		c.triangle(right-6*z, cy, math.Pi, 7*z, 4.5*z, c.pal.Victim)
		right -= 14 * z
	}
	if won && corrected {
		right -= 16 * z
	}
	label := clipText(c.txt, name, px, right-x)
	c.text(label, x, cy, px, fg, AlignStart)
	if won && corrected {
		c.triangle(x+c.txt.Width(label, px)+10*z, cy, math.Pi, 7*z, 4.5*z, c.pal.Victim)
	}
}

// drawTable draws a league's standings: place, name, W-D-L, score and,
// for Swiss, the Buchholz tie-break; the viewing player's row outlined.
func (v *bracketView) drawTable(c *canvas, m *tourModel) {
	p, lang, z := c.pal, v.lang, v.cam.zoom
	swiss := m.st.Format == netcode.FormatSwiss
	q := zoomPx(15, z)
	cols := tableCols
	head := []string{msgPlace.in(lang), "", msgWDL.in(lang), msgPtsHead.in(lang)}
	if swiss {
		head = append(head, msgBuchholz.in(lang))
	}
	for i, wr := range v.l.rows {
		r := v.cam.toScreen(wr, v.view)
		if _, ok := intersect(r, v.view); !ok {
			continue
		}
		if i == 0 {
			if q > 0 {
				for k, h := range head {
					al := AlignCenter // over its column's centred values
					if k == 1 {
						al = AlignStart
					}
					c.text(h, r.X+cols[k]*z, r.CY(), zoomPx(13, z), p.Dim, al)
				}
			}
			c.line(r.X, r.Bottom(), r.Right(), r.Bottom(), 1, p.Line)
			continue
		}
		if i-1 >= len(m.st.Standings) {
			continue
		}
		sd := m.st.Standings[i-1]
		bg := p.Panel
		if i%2 == 0 {
			bg = mix(p.Panel, p.Bg, 0.4)
		}
		mine := int(sd.Entrant) == v.me
		if mine {
			bg = mix(p.Panel, p.Accent, 0.2)
		}
		c.fill(r.Inset(1), 4*z, bg)
		if mine {
			c.stroke(r.Inset(1), 4*z, 1.5, p.Accent)
		}
		if q == 0 {
			continue
		}
		name, _ := m.name(sd.Entrant)
		c.text(strconv.Itoa(int(sd.Place)), r.X+cols[0]*z, r.CY(), q, p.Dim, AlignCenter)
		c.text(clipText(c.txt, name, q, (cols[2]-cols[1]-50)*z), r.X+cols[1]*z, r.CY(), q, p.Text, AlignStart)
		c.text(strconv.Itoa(int(sd.Wins))+"-"+strconv.Itoa(int(sd.Draws))+"-"+strconv.Itoa(int(sd.Losses)), r.X+cols[2]*z, r.CY(), q, p.Text, AlignCenter)
		c.text(strconv.FormatFloat(sd.Score, 'f', -1, 64), r.X+cols[3]*z, r.CY(), q, p.Text, AlignCenter)
		if swiss {
			c.text(strconv.FormatFloat(sd.Buchholz, 'f', -1, 64), r.X+cols[4]*z, r.CY(), q, p.Dim, AlignCenter)
		}
	}
}
