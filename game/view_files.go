package game

import (
	"encoding/json"
	"strconv"

	"github.com/osarena/osarena/sim/fs"
)

// filesPicture is file allocation: the file's blocks as the scheme keeps
// them — contiguous extents, a linked chain or an index block's entries as
// cells, a FAT as a table (fatTable), an inode as a pointer tree
// (inodeTree). Where the blocks are listed, fileblock.block can be
// answered by clicking one; the reveal draws the path of blocks read to
// reach the offset.
type filesPicture struct {
	sp     *questionSpec
	tr     *fs.FileBlockTrace
	cfg    fs.FileBlockConfig
	blocks []int // disk blocks in file order (chain, index entries, extents)
	cells  []Rect
	ps     []pick
	x, y   float64
	w      float64
	pathY  float64
	inode  *inodeTree // the inode scheme's tree
	fat    *fatTable  // the FAT scheme's table
}

func newFilesPicture(sp *questionSpec, tr *fs.FileBlockTrace) *filesPicture {
	v := &filesPicture{sp: sp, tr: tr}
	_ = json.Unmarshal(sp.Scenario, &v.cfg)
	switch tr.Scheme {
	case fs.InodeAlloc:
		v.inode = newInodeTree(tr, v.cfg)
		return v
	case fs.FAT:
		v.fat = newFATTable(sp, tr, v.cfg)
		return v
	}
	v.blocks = v.cfg.Blocks
	for _, e := range v.cfg.Extents {
		for b := range e.Length {
			v.blocks = append(v.blocks, e.Start+b)
		}
	}
	return v
}

func (v *filesPicture) layout(_ *Text, x, y, w, h float64, narrow bool) float64 {
	v.x, v.y, v.w = x, y+10, w
	v.cells, v.ps = v.cells[:0], v.ps[:0]
	switch {
	case v.inode != nil:
		return v.inode.layout(x, y+10, w, narrow)
	case v.fat != nil:
		bottom := v.fat.layout(x, y+10, w, narrow)
		v.ps = v.fat.ps
		return bottom
	}
	yy := y + 30
	if n := len(v.blocks); n > 0 {
		// As many cells a row as fit at 72 px or wider (8 at most).
		gap := 26.0
		per := max(1, min(n, 8, int((w+gap)/(72+gap))))
		cw := min(96, (w-float64(per-1)*gap)/float64(per))
		for i, b := range v.blocks {
			r := Rect{x + float64(i%per)*(cw+gap), yy + float64(i/per)*64, cw, 44}
			v.cells = append(v.cells, r)
			v.ps = append(v.ps, pick{name: "block-" + strconv.Itoa(b), value: int64(b), r: r, what: nounBlock})
		}
		yy += float64((n+per-1)/per)*64 + 8
	}
	v.pathY = yy + 10
	// The reveal's path of blocks wraps: room for a row per two boxes on a
	// phone.
	rows := 1
	if narrow {
		for _, lk := range v.tr.Lookups {
			rows = max(rows, (len(lk.Path)+1)/2)
		}
	}
	return v.pathY + 72 + float64(rows-1)*44
}

func (v *filesPicture) picks() []pick { return v.ps }

func (v *filesPicture) draw(c *canvas, st *picState) {
	pal, lang := c.pal, st.lang
	lk := v.tr.Lookups[min(st.step, len(v.tr.Lookups)-1)]
	known := len(st.lit) > 0 && st.p > 0
	head := msgFileScheme.f(lang, term("fileblock.scheme."+v.tr.Scheme, lang), v.tr.BlockSize)
	if v.cfg.IndexBlock != nil {
		head += " · " + msgIndexBlock.f(lang, *v.cfg.IndexBlock)
	}
	c.text(head, v.x, v.y, 14, pal.Dim, AlignStart)
	switch {
	case v.inode != nil:
		v.inode.draw(c, st, lk, known)
		return
	case v.fat != nil:
		v.fat.draw(c, st, lk, known)
		return
	}
	for i, r := range v.cells {
		bg, edge, w := pickColors(pal, st, i, v.ps[i].value)
		if !known && len(st.selected) == 0 && st.hover != i {
			bg, edge, w = pal.Panel, pal.Line, 1.2
		}
		c.fill(r, 8, bg)
		c.stroke(r, 8, w, edge)
		label := msgFileBlockN.f(lang, i)
		if c.txt.Width(label, 11) > r.W-10 { // a narrow cell: the number alone
			label = "#" + strconv.Itoa(i)
		}
		c.text(label, r.X+6, r.Y+10, 11, pal.Dim, AlignStart)
		c.text(strconv.Itoa(v.blocks[i]), r.CX(), r.CY()+6, 17, pal.Text, AlignCenter)
		if v.tr.Scheme == "linked" || v.tr.Scheme == "fat" {
			if i+1 < len(v.cells) && v.cells[i+1].Y == r.Y {
				c.triangle(r.Right()+6, r.CY(), 0, 12, 5, pal.Faint)
			}
		}
	}
	if !known {
		return
	}
	// The path of blocks consulted, ending with the data block.
	x, y := v.x, v.pathY
	for i, a := range lk.Path {
		label := msgRole.f(lang, a.Role, a.Block)
		w := c.txt.Width(label, 14) + 24
		if x > v.x && x+w > v.x+v.w { // wrap
			x, y = v.x, y+44
		}
		r := Rect{x, y, w, 34}
		col := pal.Accent
		if i == len(lk.Path)-1 {
			col = pal.Good
		}
		c.box(r, 8, mix(pal.Panel, col, 0.3), col, 1.5, label, 14, pal.Text)
		x += w + 22
		if i+1 < len(lk.Path) {
			c.triangle(x-18, r.CY(), 0, 12, 5, pal.Dim)
		}
	}
	c.text(msgReads.f(lang, lk.Reads, lk.FileBlock), v.x, y+50, 14, pal.Good, AlignStart)
}
