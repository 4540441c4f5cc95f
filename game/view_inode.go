package game

import (
	"image/color"
	"math"
	"strconv"

	"github.com/osarena/osarena/sim/fs"
)

// inodeTree draws a UNIX inode as a small tree: the inode's slots (direct
// pointers, then single, double and triple indirect) on top, and below
// them four columns — the direct data block, then one per indirect pointer
// — whose rows are the index blocks one level apart, ending with a data
// block. Before the answer each indirect pointer shows its first blocks
// (entry 0 taken at every level: the layout, not the path); the reveal
// walks the asked offset's path down: the slot, each index block with the
// entry taken, then the data block.
type inodeTree struct {
	tr     *fs.FileBlockTrace
	cfg    fs.FileBlockConfig
	geo    fs.Inode
	index  map[int][]int // an explicit layout's index blocks
	rows   int           // node rows below the inode
	slots  []Rect        // the slots shown (see slotOf)
	slotIx []int         // the slot each shows: 0..Direct-1 direct, Direct+k indirect k+1; -1 the elided direct slots
	cols   [4]float64    // each column's left edge
	colW   [4]float64    // and width
	rowY   []float64     // each node row's top
	nodeH  float64
	lineH  float64
	x, w   float64
	capY   float64
	bottom float64
}

// newInodeTree reads the inode's geometry from the trace and its layout
// from the scenario.
func newInodeTree(tr *fs.FileBlockTrace, cfg fs.FileBlockConfig) *inodeTree {
	t := &inodeTree{tr: tr, cfg: cfg, geo: fs.Inode{BlockSize: tr.BlockSize, PointerBytes: tr.PointerBytes, Direct: tr.Direct, Levels: indirectLevels(tr.Rules.Indirect)}}
	if cfg.Inode != nil {
		t.index = map[int][]int{}
		for _, ib := range cfg.Inode.IndexBlocks {
			t.index[ib.Block] = ib.Pointers
		}
	}
	deepest := 0
	for _, lk := range tr.Lookups {
		deepest = max(deepest, lk.Level)
	}
	t.rows = min(4, max(2, deepest+1))
	return t
}

// indirectLevels is the number of indirect pointers a rule leaves (the
// default is all three).
func indirectLevels(rule string) int {
	switch rule {
	case fs.IndirectNone:
		return 0
	case fs.IndirectSingle:
		return 1
	case fs.IndirectDouble:
		return 2
	}
	return 3
}

// layout places the tree in [x, x+w) from y and returns the y below it.
func (t *inodeTree) layout(x, y, w float64, narrow bool) float64 {
	t.x, t.w = x, w
	t.capY = y + 22 // y is the scheme's line
	slotY := y + 36
	// Every slot when each gets 46 px, else d0, d1, …, the last direct one.
	d := t.tr.Direct
	t.slotIx = t.slotIx[:0]
	gap := 4.0
	if n := d + 3; (w+gap)/float64(n)-gap >= 46 {
		for i := range n {
			t.slotIx = append(t.slotIx, i)
		}
	} else {
		for i := range min(d, 2) {
			t.slotIx = append(t.slotIx, i)
		}
		if d > 3 {
			t.slotIx = append(t.slotIx, -1)
		}
		if d > 2 {
			t.slotIx = append(t.slotIx, d-1)
		}
		t.slotIx = append(t.slotIx, d, d+1, d+2)
	}
	sw := min(64, (w+gap)/float64(len(t.slotIx))-gap)
	t.slots = t.slots[:0]
	for i := range t.slotIx {
		t.slots = append(t.slots, Rect{x + float64(i)*(sw+gap), slotY, sw, 40})
	}
	// Four columns: the direct data block, then one per indirect level. On
	// a phone the data block's is narrow, leaving the index blocks room
	// for their entries.
	cg := 24.0
	t.lineH, t.nodeH = 16, 74
	cw := min(200, (w-3*cg)/4)
	t.colW = [4]float64{cw, cw, cw, cw}
	if narrow {
		cg, t.lineH, t.nodeH = 6, 15, 68
		c0 := 56.0
		cw = (w - c0 - 3*cg) / 3
		t.colW = [4]float64{c0, cw, cw, cw}
	}
	cx := x
	for c := range t.cols {
		t.cols[c] = cx
		cx += t.colW[c] + cg
	}
	t.rowY = t.rowY[:0]
	top := slotY + 40 + 30
	for r := range t.rows {
		t.rowY = append(t.rowY, top+float64(r)*(t.nodeH+24))
	}
	t.bottom = t.rowY[len(t.rowY)-1] + t.nodeH
	return t.bottom + 30
}

// pointer returns the block reached from the top block of indirect level
// lv (1–3) by taking the entries idx in turn (none: the top block itself);
// ok is false when the layout does not say.
func (t *inodeTree) pointer(lv int, idx []int) (int, bool) {
	if lv < 1 || lv > t.geo.Levels || len(idx) > lv {
		return 0, false
	}
	if t.index == nil {
		n, fb := t.geo.PerBlock(), t.tr.Direct
		for l := 1; l < lv; l++ {
			fb += pow(n, l)
		}
		for k, e := range idx {
			fb += e * pow(n, lv-1-k)
		}
		path, level, ok := t.geo.Sequential(t.cfg.FirstBlock, fb)
		if !ok || level != lv {
			return 0, false
		}
		return path[len(idx)], true
	}
	top := [3]*int{t.cfg.Inode.Single, t.cfg.Inode.Double, t.cfg.Inode.Triple}[lv-1]
	if top == nil {
		return 0, false
	}
	b := *top
	for _, e := range idx {
		ptrs, ok := t.index[b]
		if !ok || e < 0 || e >= len(ptrs) {
			return 0, false
		}
		b = ptrs[e]
	}
	return b, true
}

// pow is n to the k, for small k.
func pow(n, k int) int {
	p := 1
	for range k {
		p *= n
	}
	return p
}

// entries is how many pointers the index block reached by idx holds.
func (t *inodeTree) entries(lv int, idx []int) int {
	if t.index == nil {
		return t.geo.PerBlock()
	}
	b, ok := t.pointer(lv, idx)
	if !ok {
		return 0
	}
	return len(t.index[b])
}

// direct returns direct slot i's block.
func (t *inodeTree) direct(i int) (int, bool) {
	if t.index == nil {
		return t.cfg.FirstBlock + i, i >= 0 && i < t.tr.Direct
	}
	if i < 0 || i >= len(t.cfg.Inode.Direct) {
		return 0, false
	}
	return t.cfg.Inode.Direct[i], true
}

// slotValue is the block slot i (direct, then indirect) points to.
func (t *inodeTree) slotValue(i int) (int, bool) {
	if i < t.tr.Direct {
		return t.direct(i)
	}
	return t.pointer(i-t.tr.Direct+1, nil)
}

// node is the rectangle of column c, row r (0 = the first row below the inode).
func (t *inodeTree) node(c, r int) Rect {
	return Rect{t.cols[c], t.rowY[r], t.colW[c], t.nodeH}
}

func (t *inodeTree) draw(c *canvas, st *picState, lk fs.Lookup, known bool) {
	pal, lang := c.pal, st.lang
	capt := msgInodeSlots.f(lang, t.tr.Direct)
	c.text(capt, t.x, t.capY, c.txt.Fit(capt, 12, 10, t.w), pal.Dim, AlignStart)
	// The walk: stage 0 the slot, 1..Level the index blocks, Level+1 the
	// data block; stage i is lit once the reveal passes i.
	stages := lk.Level + 2
	at := -1.0
	if known {
		at = st.p * float64(stages)
	}
	lit := func(i int) bool { return known && at >= float64(i)-1e-9 }
	grow := func(i int) float64 { return clamp(at-float64(i), 0, 1) } // the edge from stage i to i+1
	slot := lk.Entries[0]
	if lk.Level > 0 {
		slot = t.tr.Direct + lk.Level - 1
	}
	// The inode's slots.
	var slotR Rect
	for i, r := range t.slots {
		ix := t.slotIx[i]
		if ix < 0 && lit(0) && slot >= 2 && slot < t.tr.Direct-1 {
			ix = slot // the elided slot the path takes
		}
		bg, edge, fg := pal.Panel, pal.Line, pal.Text
		if ix == slot && lit(0) {
			bg, edge, slotR = mix(pal.Panel, pal.Accent, 0.35), pal.Accent, r
		}
		c.fill(r, 6, bg)
		c.stroke(r, 6, 1.2, edge)
		if ix < 0 {
			c.text("…", r.CX(), r.CY(), 14, pal.Dim, AlignCenter)
			continue
		}
		label := "d" + strconv.Itoa(ix)
		if ix >= t.tr.Direct {
			label = []string{"1×", "2×", "3×"}[ix-t.tr.Direct]
		}
		c.text(label, r.CX(), r.Y+11, 11, pal.Dim, AlignCenter)
		val := "—"
		if b, ok := t.slotValue(ix); ok {
			val = strconv.Itoa(b)
		} else {
			fg = pal.Faint
		}
		c.text(val, r.CX(), r.Y+28, c.txt.Fit(val, 13, 9, r.W-4), fg, AlignCenter)
	}
	// Each indirect pointer's first blocks, faint: its edge from the slot
	// and entry 0 followed down the rows.
	for lv := 1; lv <= t.geo.Levels; lv++ {
		if known && lk.Level == lv {
			continue // the path's column draws itself
		}
		si := indexOf(t.slotIx, t.tr.Direct+lv-1)
		b, ok := t.pointer(lv, nil)
		if si < 0 || !ok {
			continue
		}
		n0 := t.node(lv, 0)
		t.edge(c, t.slots[si].CX(), t.slots[si].Bottom(), n0.CX(), n0.Y, 1, pal.Line, 1)
		idx := []int{}
		for r := range min(lv, t.rows) {
			nr := t.node(lv, r)
			if r > 0 {
				t.edge(c, nr.CX(), nr.Y-24, nr.CX(), nr.Y, 1, pal.Line, 1)
			}
			t.indexNode(c, st, nr, b, lv, idx, -1, false)
			idx = append(idx, 0)
			if b, ok = t.pointer(lv, idx); !ok {
				break
			}
		}
		if lv >= t.rows { // deeper than the rows shown
			last := t.node(lv, t.rows-1)
			c.text("⋮", last.CX(), last.Bottom()+12, 14, pal.Faint, AlignCenter)
		}
	}
	if !known {
		return
	}
	// The path: slot → index blocks → data block, each lit in turn.
	col := lk.Level
	from := Point{slotR.CX(), slotR.Bottom()}
	for k := 0; k <= lk.Level && k < t.rows; k++ {
		nr := t.node(col, k)
		if g := grow(k); g > 0 {
			t.edge(c, from.X, from.Y, nr.CX(), nr.Y, g, pal.Accent, 2)
		}
		if k < lk.Level {
			b := lk.Path[k].Block
			if lit(k + 1) {
				t.indexNode(c, st, nr, b, lk.Level, lk.Entries[:k], lk.Entries[k], true)
			} else if k == 0 {
				t.indexNode(c, st, nr, b, lk.Level, nil, -1, false)
			}
		} else if lit(k + 1) {
			t.dataNode(c, st, nr, lk)
		}
		from = Point{nr.CX(), nr.Bottom()}
	}
	c.text(msgReads.f(lang, lk.Reads, lk.FileBlock), t.x, t.bottom+18, 14, pal.Good, AlignStart)
}

// Point is a position in logical pixels.
type Point struct{ X, Y float64 }

// edge draws the line from (x0, y0) towards (x1, y1), the first g of it,
// with an arrowhead once it arrives.
func (t *inodeTree) edge(c *canvas, x0, y0, x1, y1, g float64, clr color.RGBA, w float64) {
	x, y := lerp(x0, x1, g), lerp(y0, y1, g)
	c.line(x0, y0, x, y, w, clr)
	if g >= 1 {
		a := math.Atan2(y1-y0, x1-x0)
		sin, cos := math.Sincos(a)
		c.triangle(x1-cos*7, y1-sin*7, a, 7, 4, clr)
	}
}

// indexNode draws an index block: its number, then three of its entries —
// 0, 1 and the last, or on the path 0, the one taken (lit) and the last.
func (t *inodeTree) indexNode(c *canvas, st *picState, r Rect, b, lv int, idx []int, taken int, path bool) {
	pal, lang := c.pal, st.lang
	bg, edge, fg := pal.Bg, pal.Line, pal.Dim
	if path {
		bg, edge, fg = mix(pal.Panel, pal.Accent, 0.18), pal.Accent, pal.Text
	}
	c.fill(r, 6, bg)
	c.stroke(r, 6, 1.5, edge)
	head := msgIndexBlock.f(lang, b)
	if c.txt.Width(head, 11) > r.W-10 { // a narrow node: the number alone
		head = "#" + strconv.Itoa(b)
	}
	c.text(head, r.X+6, r.Y+11, c.txt.Fit(head, 12, 10, r.W-10), fg, AlignStart)
	n := t.entries(lv, idx)
	shown := []int{0, 1, n - 1}
	if taken >= 0 && taken != 1 {
		shown = []int{0, taken, n - 1}
		if taken == 0 || taken == n-1 {
			shown = []int{0, 1, n - 1}
		}
	}
	y := r.Y + 22
	for i, e := range shown {
		if e < 0 || e >= n || i > 0 && e <= shown[i-1] {
			continue
		}
		v, ok := t.pointer(lv, append(append([]int(nil), idx...), e))
		s := strconv.Itoa(e) + " → ?"
		if ok {
			s = strconv.Itoa(e) + " → " + strconv.Itoa(v)
		}
		line := Rect{r.X + 3, y, r.W - 6, t.lineH}
		clr := fg
		if e == taken {
			c.fill(line, 4, mix(pal.Panel, pal.Accent, 0.55))
			clr = pal.Text
		}
		if i > 0 && e > shown[i-1]+1 {
			c.text("⋮", line.Right()-6, line.Y-1, 10, pal.Faint, AlignEnd)
		}
		c.text(s, line.X+4, line.CY(), c.txt.Fit(s, 12, 9, line.W-8), clr, AlignStart)
		y += t.lineH + 1
	}
}

// dataNode draws the data block the path ends at.
func (t *inodeTree) dataNode(c *canvas, st *picState, r Rect, lk fs.Lookup) {
	pal, lang := c.pal, st.lang
	r.H = 44
	c.fill(r, 6, mix(pal.Panel, pal.Good, 0.3))
	c.stroke(r, 6, 2, pal.Good)
	head := msgDataBlockAt.f(lang, lk.Block)
	if c.txt.Width(head, 11) > r.W-10 {
		head = "#" + strconv.Itoa(lk.Block)
	}
	c.text(head, r.X+6, r.Y+13, c.txt.Fit(head, 13, 10, r.W-10), pal.Text, AlignStart)
	if sub := msgByteN.f(lang, lk.InBlock); c.txt.Width(sub, 10) <= r.W-10 {
		c.text(sub, r.X+6, r.Y+32, c.txt.Fit(sub, 12, 10, r.W-10), pal.Dim, AlignStart)
	}
}
