package game

import (
	"strconv"

	"github.com/osarena/osarena/sim/mem"
	"github.com/osarena/osarena/sim/quiz"
)

// mallocPicture is contiguous allocation as a memory bar: allocated blocks
// and holes by address, with the request waiting above it. malloc.fit is
// answered by clicking a hole; the step plays the block landing in it.
// Before a compaction the bar says so (and marks the block malloc.compact
// asks about); its step slides the blocks down, and the bytes copied show.
type mallocPicture struct {
	sp    *questionSpec
	tr    *mem.MallocTrace
	bar   Rect
	reqY  float64
	ps    []pick
	asked int // the alloc whose block malloc.compact asks about, or -1
}

func newMallocPicture(sp *questionSpec, tr *mem.MallocTrace) *mallocPicture {
	v := &mallocPicture{sp: sp, tr: tr, asked: -1}
	if k, ok := quiz.CompactAsked(tr, sp.Step); ok && sp.Family == quiz.MallocCompact {
		v.asked = k
	}
	return v
}

// ax maps an address to x on the bar.
func (v *mallocPicture) ax(addr int) float64 {
	return v.bar.X + float64(addr-v.tr.Base)/float64(max(1, v.tr.Size))*v.bar.W
}

// before is the memory before step s.
func (v *mallocPicture) before(s int) ([]mem.Span, []mem.Block) {
	if s <= 0 {
		return []mem.Span{{Addr: v.tr.Base, Size: v.tr.Size}}, nil
	}
	st := v.tr.Steps[min(s, len(v.tr.Steps))-1]
	return st.FreeList, st.Allocated
}

func (v *mallocPicture) layout(_ *Text, x, y, w, h float64, narrow bool) float64 {
	v.reqY = y + 18
	bh := 90.0
	if narrow {
		bh = 70
	}
	v.bar = Rect{x, y + 64, w, bh}
	v.ps = v.ps[:0]
	if v.sp.Family == quiz.MallocFit {
		holes, _ := v.before(v.sp.Step)
		for _, hole := range holes {
			if !containsChoice(v.sp.Choices, int64(hole.Addr)) {
				continue
			}
			r := Rect{v.ax(hole.Addr), v.bar.Y, v.ax(hole.Addr+hole.Size) - v.ax(hole.Addr), v.bar.H}
			v.ps = append(v.ps, pick{name: "hole-" + strconv.Itoa(hole.Addr), value: int64(hole.Addr), r: r, what: nounHole})
		}
		sortPicksByX(v.ps)
	}
	return v.bar.Bottom() + 44
}

func (v *mallocPicture) picks() []pick { return v.ps }

func (v *mallocPicture) draw(c *canvas, st *picState) {
	pal, lang, tr := c.pal, st.lang, v.tr
	step := min(st.step, len(tr.Steps)-1)
	holes, blocks := v.before(step)
	played := st.p >= 0.6
	if played {
		holes, blocks = tr.Steps[step].FreeList, tr.Steps[step].Allocated
	}
	c.fill(v.bar, 8, pal.Panel)
	for _, b := range blocks {
		r := Rect{v.ax(b.Addr) + 1, v.bar.Y + 1, v.ax(b.Addr+b.Size) - v.ax(b.Addr) - 2, v.bar.H - 2}
		// Compaction slides the moved blocks down while the step plays.
		s := tr.Steps[step]
		if s.Compact && st.p > 0 && !played {
			for _, m := range s.Moves {
				if m.Alloc == b.Alloc {
					r.X = lerp(v.ax(m.From), v.ax(m.To), easeInOut(st.p/0.6)) + 1
				}
			}
		}
		bg, edge, ew := mix(pal.Panel2, pal.Accent, 0.3), pal.Accent, 1.0
		if b.Alloc == v.asked {
			bg, edge, ew = mix(pal.Panel2, pal.Victim, 0.35), pal.Victim, 2.5
		}
		c.box(r, 5, bg, edge, ew, "", 13, pal.Text)
		if r.W > 30 {
			c.text("#"+strconv.Itoa(b.Alloc), r.CX(), r.CY()-9, 13, pal.Text, AlignCenter)
			c.text(strconv.Itoa(b.Size), r.CX(), r.CY()+10, 12, pal.Dim, AlignCenter)
		}
	}
	for i, hole := range holes {
		r := Rect{v.ax(hole.Addr) + 1, v.bar.Y + 1, v.ax(hole.Addr+hole.Size) - v.ax(hole.Addr) - 2, v.bar.H - 2}
		k := -1
		for j, pk := range v.ps {
			if pk.value == int64(hole.Addr) {
				k = j
			}
		}
		bg, edge, w := pal.Bg, pal.Faint, 1.2
		if k >= 0 && !played {
			bg, edge, w = pickColors(pal, st, k, v.ps[k].value)
		}
		c.fill(r, 5, bg)
		c.stroke(r, 5, w, edge)
		if r.W > 34 {
			c.text(strconv.Itoa(hole.Size), r.CX(), r.CY(), 13, pal.Dim, AlignCenter)
		}
		if k >= 0 && st.keys && k < 9 {
			c.text(strconv.Itoa(k+1), r.X+8, r.Y+12, 11, pal.Faint, AlignStart)
		}
		if tr.Steps[step].Rover != nil && *tr.Steps[step].Rover == i && played {
			c.triangle(r.X+6, v.bar.Y-4, 3.14159/2, 10, 6, pal.Hand)
		}
	}
	c.stroke(v.bar, 8, 1.5, pal.Line)
	// The ends' addresses sit under the bar's ends, inside it (centred on
	// them, they ran off a phone's screen).
	c.text(strconv.Itoa(tr.Base), v.bar.X, v.bar.Bottom()+14, 12, pal.Faint, AlignStart)
	c.text(strconv.Itoa(tr.Base+tr.Size), v.bar.Right(), v.bar.Bottom()+14, 12, pal.Faint, AlignEnd)
	// The request waiting above the bar, then dropping into its hole.
	s := tr.Steps[step]
	if s.Alloc != nil {
		label := msgRequest.f(lang, *s.Alloc)
		x := v.bar.X
		if len(st.lit) > 0 && s.Block >= 0 && st.p > 0 {
			x = lerp(v.bar.X, v.ax(s.Block), easeInOut(st.p/0.6))
		}
		r := Rect{x, v.reqY - 13, max(80, c.txt.Width(label, 14)+20), 26}
		c.box(r, 6, pal.Accent, pal.Accent, 0, label, 14, pal.AccentText)
	}
	legendY := v.reqY
	if s.Compact {
		label := msgCompaction.in(lang)
		if st.reveal && st.p > 0 && len(st.lit) > 0 {
			label = msgCompacted.f(lang, s.Moved)
		}
		r := Rect{v.bar.X, v.reqY - 13, c.txt.Width(label, 14) + 20, 26}
		c.box(r, 6, pal.Panel2, pal.Victim, 1.5, label, 14, pal.Text)
		if r.Right()+12 > v.bar.Right()-c.txt.Width(msgBlocksHoles.in(lang), 13) {
			legendY += 24 // a narrow bar: the legend goes under the label
		}
	}
	c.text(msgBlocksHoles.in(lang), v.bar.Right(), legendY, 13, pal.Dim, AlignEnd)
}

// containsChoice reports whether v is one of the choices' values.
func containsChoice(cs []quiz.Choice, v int64) bool {
	for _, ch := range cs {
		if ch.Value == v {
			return true
		}
	}
	return false
}

// sortPicksByX orders picks left to right (keys 1–9 follow the picture).
func sortPicksByX(ps []pick) {
	for i := 1; i < len(ps); i++ {
		for j := i; j > 0 && ps[j].r.X < ps[j-1].r.X; j-- {
			ps[j], ps[j-1] = ps[j-1], ps[j]
		}
	}
}
