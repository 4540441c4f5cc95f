package game

import (
	"fmt"
	"image/color"
	"strconv"

	"github.com/osarena/osarena/sim/paging"
)

// eatPicture draws the effective access time as two timelines on one time
// scale: a TLB hit (the TLB, then memory) and a miss (the TLB, a read per
// page-table level, then memory; with a parallel lookup the TLB runs beside
// the first table read). Each case is labelled with its probability; after
// the reveal its total and weight show, and a marker slides to the EAT on
// the shared axis with the weighted sum spelt out.
type eatPicture struct {
	tr     *paging.EATTrace
	x, w   float64
	labelW float64 // the case labels' column (0 on a phone: labels go above)
	rows   [2]float64
	axisY  float64
	sumY   float64
	scale  float64 // pixels per ns
	narrow bool
}

func newEATPicture(_ *questionSpec, tr *paging.EATTrace) *eatPicture {
	return &eatPicture{tr: tr}
}

// span is one stretch of a timeline: what runs, from and to (ns).
type span struct {
	what     msg
	from, to int
	band     bool // a parallel TLB lookup: a thin band above the row
}

// timeline returns the segments of the hit or the miss case.
func (v *eatPicture) timeline(miss bool) []span {
	t, m := v.tr.TLBNS, v.tr.MemoryNS
	parallel := v.tr.Rules.TLBLookup == paging.LookupParallel
	var ss []span
	at := t
	if !miss {
		return []span{{what: msgEATTLB, to: t}, {what: msgEATMemory, from: t, to: t + m}}
	}
	if parallel {
		ss, at = append(ss, span{what: msgEATTLB, to: t, band: true}), 0
	} else {
		ss = append(ss, span{what: msgEATTLB, to: t})
	}
	for range v.tr.Levels {
		ss = append(ss, span{what: msgEATTable, from: at, to: at + m})
		at += m
	}
	return append(ss, span{what: msgEATMemory, from: at, to: at + m})
}

// cost is the case's total time, as the trace has it.
func (v *eatPicture) cost(miss bool) int {
	for _, t := range v.tr.Terms {
		if (t.Case == "miss") == miss {
			return t.CostNS
		}
	}
	return 0
}

func (v *eatPicture) layout(_ *Text, x, y, w, _ float64, narrow bool) float64 {
	v.x, v.w, v.narrow = x, w, narrow
	v.labelW = 170
	rowH, gap := 44.0, 30.0
	if narrow {
		v.labelW, gap = 0, 44
	}
	top := y + 12
	if narrow {
		top += 22
	}
	v.rows = [2]float64{top, top + rowH + gap}
	v.axisY = v.rows[1] + rowH + 18
	v.sumY = v.axisY + 46
	right := 110.0 // room for "= 210 ns" after the bars
	if narrow {
		right = 8
	}
	v.scale = (w - v.labelW - right) / float64(max(1, v.cost(true), v.cost(false)))
	return v.sumY + 24
}

func (v *eatPicture) picks() []pick { return nil }

func (v *eatPicture) draw(c *canvas, st *picState) {
	pal, lang := c.pal, st.lang
	x0 := v.x + v.labelW
	for i, miss := range []bool{false, true} {
		y := v.rows[i]
		term := v.term(miss)
		label := msgEATHit
		if miss {
			label = msgEATMiss
		}
		name := label.in(lang) + " · " + percent(term.Probability)
		if v.narrow {
			c.text(name, v.x, y-14, 15, pal.Text, AlignStart)
		} else {
			c.text(name, v.x, y+22, 15, pal.Text, AlignStart)
		}
		for _, s := range v.timeline(miss) {
			r := Rect{x0 + float64(s.from)*v.scale, y, float64(s.to-s.from) * v.scale, 44}
			clr := eatColor(pal, s.what)
			if s.band {
				r = Rect{r.X, y - 12, r.W, 10}
				c.fill(r, 3, clr)
				continue
			}
			c.box(Rect{r.X + 1, r.Y, r.W - 2, r.H}, 6, alpha(clr, 0.28), clr, 1.5, fitLabel(c.txt, r.W-6, s.what.in(lang)+" "+strconv.Itoa(s.to-s.from), strconv.Itoa(s.to-s.from)), 14, pal.Text)
		}
		if st.reveal && !v.narrow {
			end := x0 + float64(v.cost(miss))*v.scale
			c.text(fmt.Sprintf("= %d ns", v.cost(miss)), end+10, y+22, 15, pal.Dim, AlignStart)
		}
	}
	// The shared time axis, 0 to the miss's total.
	end := x0 + float64(v.cost(true))*v.scale
	c.line(x0, v.axisY, end, v.axisY, 1.5, pal.Line)
	c.text("0", x0, v.axisY+14, 12, pal.Faint, AlignCenter)
	eat := float64(v.tr.EATNS.Num) / float64(max(1, v.tr.EATNS.Den))
	if !st.reveal || end-(x0+eat*v.scale) > 80 { // else the EAT's own label stands there
		c.text(strconv.Itoa(v.cost(true))+" ns", end, v.axisY+14, 12, pal.Faint, AlignEnd)
	}
	if !st.reveal {
		c.text(msgEATAsk.in(lang), x0, v.sumY, 15, pal.Dim, AlignStart)
		return
	}
	p := clamp(st.p*1.4, 0, 1)
	mx := x0 + eat*v.scale*easeInOut(p)
	c.line(mx, v.rows[1]+50, mx, v.axisY, 2, alpha(pal.Good, 0.9))
	c.circle(mx, v.axisY, 5, pal.Good)
	c.text(v.tr.EATNS.String()+" ns", mx, v.axisY+14, 12, alpha(pal.Good, p), AlignCenter)
	hit, miss := v.term(false), v.term(true)
	sum := fmt.Sprintf("EAT = %s × %d + %s × %d = %s ns", hit.Probability, hit.CostNS, miss.Probability, miss.CostNS, v.tr.EATNS)
	c.text(sum, x0, v.sumY, c.txt.Fit(sum, 16, 12, v.w-v.labelW), alpha(pal.Text, p), AlignStart)
}

// term returns the hit or the miss term of the trace.
func (v *eatPicture) term(miss bool) paging.EATTerm {
	for _, t := range v.tr.Terms {
		if (t.Case == "miss") == miss {
			return t
		}
	}
	return paging.EATTerm{}
}

// percent writes a probability as a percentage ("93%", "99.5%").
func percent(f paging.Frac) string {
	return paging.NewFrac(f.Num*100, f.Den).String() + "%"
}

// eatColor is the colour of a stretch of time by what runs in it.
func eatColor(pal *palette, what msg) color.RGBA {
	switch what {
	case msgEATTLB:
		return pal.Hand
	case msgEATTable:
		return pal.Victim
	}
	return pal.Accent
}

// fitLabel returns the first of labels that fits in width at 10 px (the
// smallest box text), or "" when none does.
func fitLabel(t *Text, width float64, labels ...string) string {
	for _, l := range labels {
		if t.Width(l, 10) <= width {
			return l
		}
	}
	return ""
}
