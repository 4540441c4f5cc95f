package game

import (
	"image/color"
	"strconv"

	"github.com/osarena/osarena/sim/mem"
	"github.com/osarena/osarena/sim/segment"
)

// relocationPicture is base-and-limit relocation, and segmentation, as a
// physical memory bar: the partition (or each segment, a stack growing
// down drawn with its arrow pointing down the addresses) between its base
// and its end, and the logical address being checked against the limit.
// After the answer the address lands in memory or the trap shows.
type relocationPicture struct {
	sp   *questionSpec
	rel  *mem.RelocationTrace
	seg  *segment.Trace
	bar  Rect
	lo   int // the bar's address range
	hi   int
	regY float64
	// narrow: a phone; the segment table drops the words for the growth
	// direction (the arrow stays) to fit.
	narrow bool
}

func newRelocationPicture(sp *questionSpec, rel *mem.RelocationTrace, seg *segment.Trace) *relocationPicture {
	v := &relocationPicture{sp: sp, rel: rel, seg: seg}
	if rel != nil {
		end := rel.Base + rel.Limit
		if rel.Rules.Limit == "end" {
			end = rel.Limit
		}
		v.lo, v.hi = rel.Base-(end-rel.Base)/2, end+(end-rel.Base)/2
	} else {
		v.lo, v.hi = -1, 0
		for _, s := range seg.Segments {
			a, b := s.Base, s.Base+s.Limit
			if s.Grows == segment.Down {
				a, b = s.Base-s.Limit, s.Base
			}
			if v.lo < 0 || a < v.lo {
				v.lo = a
			}
			v.hi = max(v.hi, b)
		}
		pad := (v.hi - v.lo) / 10
		v.lo, v.hi = max(0, v.lo-pad), v.hi+pad
	}
	return v
}

func (v *relocationPicture) ax(a int) float64 {
	return v.bar.X + float64(a-v.lo)/float64(max(1, v.hi-v.lo))*v.bar.W
}

func (v *relocationPicture) layout(_ *Text, x, y, w, h float64, narrow bool) float64 {
	v.regY, v.narrow = y+14, narrow
	rows := 2.0
	if v.seg != nil {
		rows = float64(len(v.seg.Segments)) + 1
	}
	v.bar = Rect{x + 4, y + 40 + rows*22, w - 8, 70}
	return v.bar.Bottom() + 60
}

func (v *relocationPicture) picks() []pick { return nil }

func (v *relocationPicture) draw(c *canvas, st *picState) {
	pal, lang := c.pal, st.lang
	known := len(st.lit) > 0 && st.p > 0
	c.fill(v.bar, 6, pal.Panel)
	c.stroke(v.bar, 6, 1.5, pal.Line)
	y := v.regY
	pa, valid, va := 0, false, 0
	if v.rel != nil {
		r := v.rel.Results[min(st.step, len(v.rel.Results)-1)]
		va, valid = r.VA, r.Valid
		if r.PA != mem.Null {
			pa = int(r.PA)
		}
		end := v.rel.Base + v.rel.Limit
		if v.rel.Rules.Limit == "end" {
			end = v.rel.Limit
		}
		c.text(msgBaseLimit.f(lang, v.rel.Base, v.rel.Limit), v.bar.X, y, 15, pal.Text, AlignStart)
		c.text(msgLogical.f(lang, va), v.bar.X, y+24, 15, pal.Accent, AlignStart)
		v.drawRegion(c, v.rel.Base, end, false, msgPartition.in(lang), pal.Accent)
	} else {
		r := v.seg.Results[min(st.step, len(v.seg.Results)-1)]
		va, valid = r.VA, r.Valid
		if r.PA != segment.Null {
			pa = int(r.PA)
		}
		head := msgSegAddrAsk.f(lang, va, v.seg.SegmentBits, v.seg.OffsetBits)
		if known {
			head = msgSegAddr.f(lang, va, r.Segment, r.Offset)
		}
		c.text(head, v.bar.X, y, 15, pal.Accent, AlignStart)
		cols := []float64{v.bar.X, v.bar.X + 70, v.bar.X + 190, v.bar.X + 310, v.bar.X + 420}
		if v.narrow {
			cols = []float64{v.bar.X, v.bar.X + 58, v.bar.X + 160, v.bar.X + 262, v.bar.X + 292}
		}
		for i, s := range v.seg.Segments {
			ry := y + 24 + float64(i)*22
			col := pal.Text
			if known && i == r.Segment {
				col = pal.Good
				if !valid {
					col = pal.Bad
				}
			}
			dir := "↑"
			a, b := s.Base, s.Base+s.Limit
			if s.Grows == segment.Down {
				dir, a, b = "↓", s.Base-s.Limit, s.Base
			}
			grows := dir + " " + msgGrows(s.Grows == segment.Down).in(lang)
			if v.narrow {
				grows = dir
			}
			for k, t := range []string{msgSegN.f(lang, i), msgBaseN.f(lang, s.Base), msgLimitN.f(lang, s.Limit), grows, s.Prot} {
				c.text(t, cols[k], ry, 14, col, AlignStart)
			}
			v.drawRegion(c, a, b, s.Grows == segment.Down, "S"+strconv.Itoa(i), segColor(pal, i))
		}
	}
	if known {
		if valid {
			x := v.ax(pa)
			c.line(x, v.bar.Y-6, x, v.bar.Bottom()+6, 3, pal.Good)
			c.text(msgPA.f(lang, pa), x, v.bar.Bottom()+20, 15, pal.Good, AlignCenter)
		} else {
			c.text(msgTrapped.in(lang), v.bar.CX(), v.bar.Bottom()+20, 16, pal.Bad, AlignCenter)
		}
	}
	c.text(strconv.Itoa(v.lo), v.bar.X, v.bar.Bottom()+40, 12, pal.Faint, AlignStart)
	c.text(strconv.Itoa(v.hi), v.bar.Right(), v.bar.Bottom()+40, 12, pal.Faint, AlignEnd)
}

// drawRegion draws the addresses [a, b) in the bar, with its base and end.
func (v *relocationPicture) drawRegion(c *canvas, a, b int, down bool, label string, col color.RGBA) {
	pal := c.pal
	r := Rect{v.ax(a), v.bar.Y + 4, v.ax(b) - v.ax(a), v.bar.H - 8}
	c.fill(r, 4, mix(pal.Panel2, col, 0.35))
	c.stroke(r, 4, 1.5, col)
	c.text(label, r.CX(), r.CY(), 13, pal.Text, AlignCenter)
	ax := r.X + 8
	if down {
		ax = r.Right() - 8
		c.triangle(ax, r.CY()-8, 3.14159/2, 12, 5, pal.Text)
	} else {
		c.triangle(ax, r.CY()+8, -3.14159/2, 12, 5, pal.Text)
	}
	c.text(strconv.Itoa(a), r.X, v.bar.Y-10, 11, pal.Dim, AlignCenter)
	c.text(strconv.Itoa(b), r.Right(), v.bar.Y-10, 11, pal.Dim, AlignCenter)
}

// segColor is segment i's colour.
func segColor(pal *palette, i int) color.RGBA {
	return []color.RGBA{pal.Accent, pal.Hand, pal.Victim, pal.Good}[i%4]
}

// msgGrows says which way a segment grows.
func msgGrows(down bool) msg {
	if down {
		return msgGrowsDown
	}
	return msgGrowsUp
}
