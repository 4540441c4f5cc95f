package game

import (
	"strconv"

	"github.com/osarena/osarena/sim/paging"
)

// tlbPicture is a TLB: the accesses in order (a switch of process shown as
// ⇄), each marked hit or miss once played, and the TLB's slots with the
// page (and process) each holds. After the answer the slot that holds the
// page lights up and the step plays.
type tlbPicture struct {
	sp    *questionSpec
	tr    *paging.TLBTrace
	cells []Rect
	slots []Rect
	y     float64
}

func newTLBPicture(sp *questionSpec, tr *paging.TLBTrace) *tlbPicture {
	return &tlbPicture{sp: sp, tr: tr}
}

func (v *tlbPicture) layout(_ *Text, x, y, w, h float64, narrow bool) float64 {
	n := len(v.tr.Steps)
	v.y = y + 8
	cs := clamp((w+6)/float64(n)-6, 26, 50)
	per := n
	if cs <= 26 {
		per = (n + 1) / 2
		cs = clamp((w+6)/float64(per)-6, 22, 50)
	}
	v.cells = v.cells[:0]
	yy := y + 24
	for i := 0; i < n; i += per {
		for _, cx := range rowLayout(x, w, min(per, n-i), cs, 6) {
			v.cells = append(v.cells, Rect{cx, yy, cs, cs})
		}
		yy += cs + 20
	}
	k := v.tr.Entries
	sw := min(150, (w-float64(k-1)*12)/float64(k))
	v.slots = v.slots[:0]
	for _, sx := range rowLayout(x, w, k, sw, 12) {
		v.slots = append(v.slots, Rect{sx, yy + 28, sw, 72})
	}
	return yy + 28 + 72 + 16
}

func (v *tlbPicture) picks() []pick { return nil }

func (v *tlbPicture) draw(c *canvas, st *picState) {
	pal, lang := c.pal, st.lang
	step := min(st.step, len(v.tr.Steps)-1)
	c.text(msgAccesses.in(lang), v.cells[0].X, v.y, 14, pal.Dim, AlignStart)
	for i, r := range v.cells {
		s := v.tr.Steps[i]
		done := i < step || i == step && st.p >= 1
		label := strconv.Itoa(s.VPN)
		if s.Event == "switch" {
			label = "⇄" + strconv.Itoa(s.PID)
		}
		bg, fg := pal.Panel, pal.Text
		if done {
			bg, fg = pal.Bg, pal.Dim
		}
		edge, w := pal.Line, 1.0
		if i == step {
			edge, w = pal.Accent, 2.5
		}
		c.box(r, 6, bg, edge, w, label, min(18, r.H*0.45), fg)
		if done && s.Event != "switch" {
			if s.Event == "hit" {
				c.circle(r.CX(), r.Bottom()+9, 4.5, pal.Good)
				c.circle(r.CX(), r.Bottom()+9, 2.5, pal.Bg)
			} else {
				c.circle(r.CX(), r.Bottom()+9, 4.5, pal.Bad)
			}
		}
	}
	// The TLB before the step, or after it once it has played.
	var tlb []paging.TLBEntry
	if step > 0 {
		tlb = v.tr.Steps[step-1].TLB
	}
	cur := v.tr.Steps[step]
	lit := -1
	if len(st.lit) > 0 && st.p > 0 {
		lit = cur.Slot
		if st.p >= 0.5 {
			tlb = cur.TLB
		}
	}
	c.text(msgTLB.f(lang, v.tr.Entries, v.tr.Policy), v.slots[0].X, v.slots[0].Y-14, 14, pal.Dim, AlignStart)
	c.text(msgHitMissLegend.in(lang), v.slots[len(v.slots)-1].Right(), v.slots[0].Y-14, 13, pal.Dim, AlignEnd)
	for i, r := range v.slots {
		bg, edge, w := pal.Panel, pal.Line, 1.5
		if i == lit {
			bg, edge, w = mix(pal.Panel, pal.Good, 0.25), pal.Good, 3
		}
		c.fill(r, 10, bg)
		c.stroke(r, 10, w, edge)
		c.text(msgSlot.f(lang, i), r.X+10, r.Y+14, 13, pal.Dim, AlignStart)
		if i < len(tlb) && tlb[i].Page >= 0 {
			c.text(msgPage.f(lang, tlb[i].Page), r.CX(), r.CY()+6, 18, pal.Text, AlignCenter)
			if v.tr.Rules.Switch == paging.SwitchASID {
				c.text("ASID "+strconv.Itoa(tlb[i].PID), r.CX(), r.Bottom()-12, 12, pal.Dim, AlignCenter)
			}
		} else {
			c.text(msgEmpty.in(lang), r.CX(), r.CY()+6, 14, pal.Faint, AlignCenter)
		}
	}
}
