package game

import (
	"image/color"
	"strconv"
)

// The rebuild's spare columns: one per failed disk, to the right of the
// array, labelled "Spare n" (n is the spare's disk number). Row o of a
// spare holds what its failed disk held at offset o once the rebuild has
// recovered that row: the rows before the step on screen are full, the
// step's own row fills as it plays (in the reveal, or while the steps
// before a question play), and the rows after it are empty.

// spareProgress returns how many rebuild rows have fully played and how far
// the next one has.
func (v *raidPicture) spareProgress(st *picState) (done int, p float64) {
	done = st.step - len(v.tr.Requests)
	if done < 0 {
		return 0, 0
	}
	return done, st.p
}

// drawSpares draws the spare columns; writes are the disks the step on
// screen wrote (its W tags), shown once the reveal plays.
func (v *raidPicture) drawSpares(c *canvas, st *picState, writes map[int]bool) {
	pal, tr := c.pal, v.tr
	done, p := v.spareProgress(st)
	for i, col := range v.spareCols {
		failed, disk := v.spares[i], tr.Disks+i
		c.fill(col, 10, mix(pal.Panel, pal.Bg, 0.4))
		c.stroke(col, 10, 1.5, mix(pal.Line, pal.Good, 0.5))
		label := msgSpareN.f(st.lang, disk)
		for _, short := range []string{msgSpare.in(st.lang), "#" + strconv.Itoa(disk)} {
			if c.txt.Width(label, 14) > col.W-8 {
				label = short
			}
		}
		c.text(label, col.CX(), v.head, 14, pal.Dim, AlignCenter)
		for r, cell := range v.spareCells[i] {
			f := 0.0 // how much of the row the rebuild has recovered
			switch {
			case r < done:
				f = 1
			case r == done:
				f = p
			}
			edge, ew := pal.Line, 1.0
			if r == v.row {
				edge, ew = pal.Accent, 1.5
			}
			c.fill(cell, 6, pal.Bg)
			if f > 0 {
				c.fill(Rect{cell.X, cell.Y, cell.W * f, cell.H}, 6, mix(pal.Panel2, pal.Good, 0.3))
			}
			s := ""
			if f >= 0.5 {
				s = v.cellText(tr.Grid[r], failed)
			}
			c.box(cell, 6, color.RGBA{}, edge, ew, s, 15, pal.Text)
		}
		if writes[disk] {
			v.tag(c, col, rwTag(false, true), pal.Good, pal.AccentText)
		} else {
			s := msgForDisk.f(st.lang, failed)
			if c.txt.Width(s, 13)+8 > col.W+8 {
				s = msgForDiskShort.f(st.lang, failed)
			}
			v.tag(c, col, s, pal.Panel2, pal.Dim)
		}
	}
}

// hatch strokes diagonal lines ("/"), gap apart, across r: the mark of
// something out of service.
func (c *canvas) hatch(r Rect, gap, w float64, clr color.Color) {
	if r.W <= 0 || r.H <= 0 || gap <= 0 {
		return
	}
	for t := gap; t < r.W+r.H; t += gap {
		// The line x' + y' = t (x', y' measured from r's corner), from the
		// top or right edge to the left or bottom edge.
		x0, y0 := r.X+min(t, r.W), r.Y+t-min(t, r.W)
		x1, y1 := r.X+t-min(t, r.H), r.Y+min(t, r.H)
		c.line(x0, y0, x1, y1, w, clr)
	}
}
