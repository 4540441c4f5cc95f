package game

import (
	"strconv"

	"github.com/osarena/osarena/sim/wset"
)

// wsetPicture is the working-set model: the reference string with times
// under it and the window of the last Δ references drawn as a bracket
// ending at t, and a chip for every page. wset.at is answered by clicking
// the pages in W(t, Δ), then Submit; the reveal lights the window's pages.
type wsetPicture struct {
	sp     *questionSpec
	tr     *wset.Trace
	cells  []Rect
	pages  []int
	ps     []pick
	labelY float64
	pageY  float64
}

func newWSetPicture(sp *questionSpec, tr *wset.Trace) *wsetPicture {
	v := &wsetPicture{sp: sp, tr: tr}
	seen := map[int]bool{} // looked up, never iterated
	for _, s := range tr.Steps {
		if !seen[s.Ref] {
			seen[s.Ref] = true
			v.pages = append(v.pages, s.Ref)
		}
	}
	sortInts(v.pages)
	return v
}

func (v *wsetPicture) layout(_ *Text, x, y, w, h float64, narrow bool) float64 {
	n := len(v.tr.Steps)
	v.labelY = y + 8
	per := n
	cs := min(44, (w+4)/float64(n)-4)
	if cs < 24 {
		per = (n + 1) / 2
		cs = min(44, (w+4)/float64(per)-4)
	}
	v.cells = v.cells[:0]
	yy := y + 26
	for i := 0; i < n; i += per {
		for _, cx := range rowLayout(x, w, min(per, n-i), cs, 4) {
			v.cells = append(v.cells, Rect{cx, yy, cs, cs})
		}
		yy += cs + 34
	}
	v.pageY = yy + 10
	pw := min(64.0, (w-float64(len(v.pages)-1)*10)/float64(len(v.pages)))
	v.ps = v.ps[:0]
	for i, px := range rowLayout(x, w, len(v.pages), pw, 10) {
		v.ps = append(v.ps, pick{name: "page-" + strconv.Itoa(v.pages[i]), value: int64(v.pages[i]), r: Rect{px, v.pageY + 22, pw, 48}, what: nounPage})
	}
	return v.pageY + 22 + 48 + 12
}

func (v *wsetPicture) picks() []pick { return v.ps }

func (v *wsetPicture) draw(c *canvas, st *picState) {
	pal, lang := c.pal, st.lang
	t := min(v.sp.Step, len(v.tr.Steps)-1)
	c.text(msgWSetRefs.f(lang, v.tr.Delta), v.cells[0].X, v.labelY, 14, pal.Dim, AlignStart)
	lo := t - v.tr.Window + 1
	known := len(st.lit) > 0
	for i, r := range v.cells {
		in := known && i >= lo && i <= t
		bg, edge := pal.Panel, pal.Line
		if in {
			bg, edge = mix(pal.Panel, pal.Accent, 0.3), pal.Accent
		}
		if i > t {
			bg = pal.Bg
		}
		c.box(r, 6, bg, edge, 1.2, strconv.Itoa(v.tr.Steps[i].Ref), min(18, r.H*0.45), pal.Text)
		c.text(strconv.Itoa(v.tr.Steps[i].T), r.CX(), r.Bottom()+10, 11, pal.Faint, AlignCenter)
	}
	if lo < 0 {
		lo = 0
	}
	a, b := v.cells[lo], v.cells[t]
	if known && a.Y == b.Y {
		y := a.Bottom() + 22
		c.line(a.X, y, b.Right(), y, 2.5, pal.Accent)
		c.text(msgWindow.f(lang, v.tr.Steps[t].T, v.tr.Delta), b.Right(), y+12, 13, pal.Accent, AlignEnd)
	}
	c.text(msgPages.in(lang), v.ps[0].r.X, v.pageY+8, 14, pal.Dim, AlignStart)
	for i, p := range v.ps {
		bg, edge, w := pickColors(pal, st, i, p.value)
		c.box(p.r, 8, bg, edge, w, strconv.FormatInt(p.value, 10), 20, pal.Text)
		if st.keys && i < 9 {
			c.text(strconv.Itoa(i+1), p.r.X+7, p.r.Y+10, 11, pal.Faint, AlignStart)
		}
	}
}

// sortInts sorts xs ascending.
func sortInts(xs []int) {
	for i := 1; i < len(xs); i++ {
		for j := i; j > 0 && xs[j] < xs[j-1]; j-- {
			xs[j], xs[j-1] = xs[j-1], xs[j]
		}
	}
}
