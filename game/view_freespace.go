package game

import (
	"strconv"

	"github.com/osarena/osarena/sim/fs"
)

// freeSpacePicture is a free-space bitmap as a grid of blocks, free ones
// light and used ones dark, one bit per block. freespace.bitmap is
// answered by clicking the blocks an allocation takes, then Submit; the
// step plays them turning used.
type freeSpacePicture struct {
	sp    *questionSpec
	tr    *fs.FreeSpaceTrace
	cells []Rect
	ps    []pick
	y     float64
}

func newFreeSpacePicture(sp *questionSpec, tr *fs.FreeSpaceTrace) *freeSpacePicture {
	return &freeSpacePicture{sp: sp, tr: tr}
}

// state is the structure before step s.
func (v *freeSpacePicture) state(s int) fs.FreeState {
	if s <= 0 {
		return v.tr.Initial
	}
	return v.tr.Steps[min(s, len(v.tr.Steps))-1].State
}

// free reports whether block b is free in st (the rules say which bit
// means free).
func (v *freeSpacePicture) free(st fs.FreeState, b int) bool {
	if b >= len(st.Bitmap) {
		return false
	}
	one := v.tr.Rules.Bit != "1-used"
	return (st.Bitmap[b] == '1') == one
}

func (v *freeSpacePicture) layout(_ *Text, x, y, w, h float64, narrow bool) float64 {
	n := v.tr.Blocks
	per := 16
	if narrow || n <= 16 {
		per = 8
	}
	cs := min(52, (w-float64(per-1)*6)/float64(per))
	v.y = y + 8
	v.cells, v.ps = v.cells[:0], v.ps[:0]
	xs := rowLayout(x, w, per, cs, 6)
	st := v.state(v.sp.Step)
	for b := range n {
		r := Rect{xs[b%per], y + 26 + float64(b/per)*(cs+6), cs, cs}
		v.cells = append(v.cells, r)
		if v.free(st, b) {
			v.ps = append(v.ps, pick{name: "block-" + strconv.Itoa(b), value: int64(b), r: r, what: nounBlock})
		}
	}
	return y + 26 + float64((n+per-1)/per)*(cs+6) + 12
}

func (v *freeSpacePicture) picks() []pick { return v.ps }

func (v *freeSpacePicture) draw(c *canvas, st *picState) {
	pal, lang := c.pal, st.lang
	step := min(st.step, len(v.tr.Steps)-1)
	fst := v.state(step)
	if len(st.lit) > 0 && st.p >= 0.5 {
		fst = v.tr.Steps[step].State
	}
	c.text(msgBitmap.f(lang, v.tr.Steps[step].N), v.cells[0].X, v.y, 14, pal.Dim, AlignStart)
	k := 0
	for b, r := range v.cells {
		free := v.free(fst, b)
		bg, edge, w := pal.Bg, pal.Panel2, 1.0
		fg := pal.Faint
		if free {
			bg, edge, w, fg = pal.Panel2, pal.Line, 1.2, pal.Text
		}
		if k < len(v.ps) && v.ps[k].value == int64(b) {
			if containsValue(st.lit, int64(b)) || containsValue(st.wrong, int64(b)) || containsValue(st.selected, int64(b)) || st.hover == k {
				bg, edge, w = pickColors(pal, st, k, int64(b))
			}
			k++
		}
		c.fill(r, 6, bg)
		c.stroke(r, 6, w, edge)
		bit := ""
		if b < len(fst.Bitmap) {
			bit = fst.Bitmap[b : b+1]
		}
		c.text(strconv.Itoa(b), r.X+5, r.Y+10, 11, pal.Dim, AlignStart)
		c.text(bit, r.CX(), r.CY()+5, min(18, r.H*0.4), fg, AlignCenter)
	}
}
