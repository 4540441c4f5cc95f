package game

import (
	"slices"
	"strconv"

	"github.com/osarena/osarena/sim/fs"
	"github.com/osarena/osarena/sim/quiz"
)

// maxFATRows is the most FAT entries the table lists (a generated file has
// at most ten; a hand-written one may chain thousands).
const maxFATRows = 48

// fatTable draws a FAT as a table sorted by block number: the entry of each
// of the file's blocks, block → next block (or the end); the directory
// entry above gives the first block.
// The reveal follows the chain entry by entry from the first block to the
// one holding the offset, tagging each entry with the file block it holds
// and the FAT block the entry lives in.
type fatTable struct {
	sp     *questionSpec
	tr     *fs.FileBlockTrace
	cfg    fs.FileBlockConfig
	order  []int  // indexes into cfg.Blocks, sorted by block number
	rowR   []Rect // one per order entry
	ps     []pick
	x, y   float64
	tw     float64
	bottom float64
}

func newFATTable(sp *questionSpec, tr *fs.FileBlockTrace, cfg fs.FileBlockConfig) *fatTable {
	t := &fatTable{sp: sp, tr: tr, cfg: cfg}
	for i := range min(len(cfg.Blocks), maxFATRows) {
		t.order = append(t.order, i)
	}
	slices.SortStableFunc(t.order, func(a, b int) int { return cfg.Blocks[a] - cfg.Blocks[b] })
	return t
}

// layout places the table in [x, x+w) from y and returns the y below it.
func (t *fatTable) layout(x, y, w float64, narrow bool) float64 {
	t.x, t.y = x+14, y
	t.tw = min(w-14, 380)
	rowH := 26.0
	if narrow {
		rowH = 24
	}
	t.rowR, t.ps = t.rowR[:0], t.ps[:0]
	yy := y + 72
	for _, i := range t.order {
		r := Rect{t.x, yy, t.tw, rowH - 2}
		t.rowR = append(t.rowR, r)
		if t.sp.Family == quiz.FileBlockBlock {
			b := t.cfg.Blocks[i]
			t.ps = append(t.ps, pick{name: "block-" + strconv.Itoa(b), value: int64(b), r: r, what: nounBlock})
		}
		yy += rowH
	}
	t.bottom = yy
	return yy + 30
}

// cols are the x of the block, next and tag columns.
func (t *fatTable) cols() (float64, float64, float64) {
	return t.x + 10, t.x + t.tw*0.27, t.x + t.tw*0.55
}

func (t *fatTable) draw(c *canvas, st *picState, lk fs.Lookup, known bool) {
	pal, lang := c.pal, st.lang
	if len(t.cfg.Blocks) == 0 {
		return
	}
	c.text(msgFATStart.f(lang, t.cfg.Blocks[0]), t.x, t.y+26, 15, pal.Text, AlignStart)
	cb, cn, ct := t.cols()
	c.text(msgFATBlockCol.in(lang), cb, t.y+58, 12, pal.Dim, AlignStart)
	c.text(msgFATNextCol.in(lang), cn, t.y+58, 12, pal.Dim, AlignStart)
	capt := msgFATRows.in(lang)
	c.text(capt, ct, t.y+58, c.txt.Fit(capt, 12, 10, t.x+t.tw-ct), pal.Faint, AlignStart)
	// The walk: entry i of the chain is reached at stage i.
	at := -1.0
	if known {
		at = st.p * float64(lk.FileBlock+1)
	}
	per := max(1, t.tr.BlockSize/max(1, t.tr.PointerBytes))
	for k, i := range t.order {
		r := t.rowR[k]
		b := t.cfg.Blocks[i]
		visited := known && i <= lk.FileBlock && at >= float64(i)-1e-9
		bg, edge, w := pal.Panel, pal.Line, 1.0
		switch {
		case visited && i == lk.FileBlock:
			bg, edge, w = mix(pal.Panel, pal.Good, 0.3), pal.Good, 2.5
		case visited:
			bg, edge, w = mix(pal.Panel, pal.Accent, 0.22), pal.Accent, 1.5
		case !known && k < len(t.ps) && (st.hover == k || len(st.selected) > 0):
			bg, edge, w = pickColors(pal, st, k, t.ps[k].value)
		}
		c.fill(r, 5, bg)
		c.stroke(r, 5, w, edge)
		c.text(strconv.Itoa(b), cb, r.CY(), 14, pal.Text, AlignStart)
		if i+1 < len(t.cfg.Blocks) {
			c.text("→ "+strconv.Itoa(t.cfg.Blocks[i+1]), cn, r.CY(), 14, pal.Text, AlignStart)
		} else {
			c.text("→ "+msgFATEnd.in(lang), cn, r.CY(), 14, pal.Faint, AlignStart)
		}
		if visited {
			tag := msgFATFileBlk.f(lang, i) + " · " + msgFATIn.f(lang, t.cfg.FATStart+b/per)
			c.text(tag, ct, r.CY(), c.txt.Fit(tag, 12, 10, r.Right()-ct-6), pal.Dim, AlignStart)
		}
	}
	if !known {
		return
	}
	// The link being followed: from entry i's row to entry i+1's, in the
	// margin left of the table.
	if i := int(at); i < lk.FileBlock && i+1 < len(t.cfg.Blocks) {
		from, to := t.rowOf(i), t.rowOf(i+1)
		if from != nil && to != nil {
			g := easeInOut(at - float64(i))
			mx := t.x - 9
			c.line(from.X, from.CY(), mx, from.CY(), 2, pal.Accent)
			y := lerp(from.CY(), to.CY(), g)
			c.line(mx, from.CY(), mx, y, 2, pal.Accent)
			if g > 0.98 {
				c.line(mx, to.CY(), to.X-6, to.CY(), 2, pal.Accent)
				c.triangle(to.X-7, to.CY(), 0, 7, 4, pal.Accent)
			}
		}
	}
	c.text(msgReads.f(lang, lk.Reads, lk.FileBlock), t.x, t.bottom+18, 14, pal.Good, AlignStart)
}

// rowOf returns the row of chain entry i, or nil when it is not listed.
func (t *fatTable) rowOf(i int) *Rect {
	for k, j := range t.order {
		if j == i {
			return &t.rowR[k]
		}
	}
	return nil
}
