package game

import (
	"encoding/json"
	"strconv"

	"github.com/osarena/osarena/sim/quiz"
	"github.com/osarena/osarena/sim/replace"
)

// beladyPicture is a fault sweep: the reference string the question names,
// then a bar per frame count with its page faults. The question compares k
// and k+1 frames (the spec's step k): their bars stand empty with "?" until
// the reveal, then grow; a rise is Belady's anomaly and is drawn as a
// fault, a fall or a tie as the usual case.
type beladyPicture struct {
	sp    *questionSpec
	tr    *replace.Sweep
	refs  []int
	cells []Rect
	bars  []Rect // full height slots, one per frame count
	x     float64
	below bool    // the verdict goes under the bars (no room beside them)
	right float64 // the column's right edge
	refY  float64
	baseY float64
	barH  float64
}

func newBeladyPicture(sp *questionSpec, tr *replace.Sweep) *beladyPicture {
	var c struct {
		Refs []int `json:"refs"`
	}
	_ = json.Unmarshal(sp.Scenario, &c) // the sweep ran on this document: it decodes
	return &beladyPicture{sp: sp, tr: tr, refs: c.Refs}
}

func (v *beladyPicture) layout(_ *Text, x, y, w, h float64, narrow bool) float64 {
	v.x, v.right = x, x+w
	v.refY = y + 8
	per := max(1, min(len(v.refs), int((w+4)/36)))
	cs := min(32, (w-float64(per-1)*4)/float64(per))
	v.cells = v.cells[:0]
	for i := range v.refs {
		v.cells = append(v.cells, Rect{x + float64(i%per)*(cs+4), y + 26 + float64(i/per)*(cs+4), cs, cs})
	}
	rows := (len(v.refs) + per - 1) / per
	top := y + 26 + float64(rows)*(cs+4) + 42 // the chart's title, then room for the top bar's count
	v.barH = clamp(h-(top-y)-40, 90, 180)
	if narrow {
		v.barH = min(v.barH, 130)
	}
	n := len(v.tr.Faults)
	bw := min(72, (w-float64(n-1)*14)/float64(n))
	xs := rowLayout(x, min(w, float64(n)*(bw+14)), n, bw, 14)
	v.baseY = top + 20 + v.barH
	v.bars = v.bars[:0]
	for i := range n {
		v.bars = append(v.bars, Rect{xs[i], top + 20, bw, v.barH})
	}
	v.below = narrow || x+w-(v.bars[n-1].Right()+18) < 280
	if v.below {
		return v.baseY + 58
	}
	return v.baseY + 30
}

func (v *beladyPicture) picks() []pick { return nil }

func (v *beladyPicture) draw(c *canvas, st *picState) {
	pal, lang := c.pal, st.lang
	c.text(msgBeladyRefs.in(lang), v.x, v.refY, 14, pal.Dim, AlignStart)
	for i, r := range v.cells {
		c.box(r, 5, pal.Panel2, pal.Line, 1, strconv.Itoa(v.refs[i]), 15, pal.Text)
	}
	if len(v.bars) == 0 {
		return
	}
	c.text(msgBeladyFaults.f(lang, term("policy."+string(v.tr.Policy), lang)), v.x, v.bars[0].Y-34, 14, pal.Dim, AlignStart)
	top := 1
	for _, f := range v.tr.Faults {
		top = max(top, f)
	}
	k := v.sp.Step // the question compares k and k+1 frames
	rise := k < len(v.tr.Faults) && v.tr.Faults[k] > v.tr.Faults[k-1]
	for i, slot := range v.bars {
		frames := i + 1
		asked := frames == k || frames == k+1
		c.text(framesLabel(frames, lang), slot.CX(), v.baseY+16, 13, pal.Dim, AlignCenter)
		grow := 1.0
		if asked {
			if !st.reveal {
				c.stroke(slot, 6, 1.5, pal.Line)
				c.text("?", slot.CX(), slot.CY(), 22, pal.Dim, AlignCenter)
				continue
			}
			grow = easeInOut(clamp(st.p*1.5, 0, 1))
		}
		f := v.tr.Faults[i]
		hgt := v.barH * float64(f) / float64(top) * grow
		clr := pal.Line
		switch {
		case asked && frames == k+1 && rise:
			clr = pal.Bad
		case asked:
			clr = pal.Accent
		}
		bar := Rect{slot.X, v.baseY - hgt, slot.W, hgt}
		c.fill(bar, 6, alpha(clr, 0.55))
		c.stroke(bar, 6, 1.5, clr)
		c.text(strconv.Itoa(f), slot.CX(), bar.Y-12, 15, pal.Text, AlignCenter)
	}
	c.line(v.bars[0].X-6, v.baseY, v.bars[len(v.bars)-1].Right()+6, v.baseY, 1.5, pal.Faint)
	if st.reveal && st.p > 0.6 && k < len(v.bars) {
		words, clr := msgBeladyUsual, pal.Good
		if rise {
			words, clr = msgBeladyAnomaly, pal.Bad
		}
		s := words.in(lang)
		if v.below {
			c.text(s, v.x, v.baseY+44, c.txt.Fit(s, 16, 12, v.right-v.x), clr, AlignStart)
		} else {
			x := v.bars[len(v.bars)-1].Right() + 18
			c.text(s, x, v.baseY-v.barH/2, c.txt.Fit(s, 16, 12, v.right-x), clr, AlignStart)
		}
	}
}

// framesLabel is "1 frame", "3 frames" ("프레임 3개").
func framesLabel(n int, lang quiz.Lang) string {
	if n == 1 {
		return msgBeladyFrame.in(lang)
	}
	return msgBeladyFrames.f(lang, n)
}
