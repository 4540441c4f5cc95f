package game

import (
	"image/color"
	"slices"
	"strconv"

	"github.com/osarena/osarena/sim/quiz"
	"github.com/osarena/osarena/sim/raid"
)

// raidPicture is a disk array: one column per disk, one row per stripe
// offset, each cell the logical block it holds or P / Q for parity. The
// request being asked about is outlined; raid.disk, raid.parity,
// raid.write, raid.degraded and raid.rebuild are answered by clicking disk
// columns, and the reveal lights the disks a request or a rebuilt row reads
// (R) and writes (W). A failed disk's column is greyed, hatched and tagged
// failed; when the array rebuilds, a spare column per failed disk stands to
// the right and fills row by row as the rebuild's steps play (view_raid_fail.go).
type raidPicture struct {
	sp     *questionSpec
	tr     *raid.Trace
	narrow bool
	cols   []Rect // one per disk, the whole column (the answer target)
	cells  [][]Rect
	head   float64 // y of the disk names
	tagY   float64 // y of the tags under the columns (R, W, failed)
	rows   int
	labels bool    // the stripe labels on the left fit
	gap    float64 // between the columns' cells
	ps     []pick
	// The rebuild: the failed disk each spare column replaces (ascending),
	// those columns, and the row the question asks about (−1: none).
	spares     []int
	spareCols  []Rect
	spareCells [][]Rect
	row        int
}

func newRAIDPicture(sp *questionSpec, tr *raid.Trace) *raidPicture {
	v := &raidPicture{sp: sp, tr: tr, row: -1}
	if tr.Rebuild != nil {
		for _, s := range tr.Rebuild.Spares {
			v.spares = append(v.spares, s.Failed)
		}
		if o := sp.Step - len(tr.Requests); o >= 0 && o < len(tr.Rebuild.Rows) {
			v.row = o
		}
	}
	return v
}

// minRAIDColumn is the narrowest a disk column may get on a phone before
// the stripe labels give up their room.
const minRAIDColumn = 34

// pickedByColumn reports whether the family is answered by clicking disks.
func pickedByColumn(f quiz.Family) bool {
	switch f {
	case quiz.RAIDDisk, quiz.RAIDParity, quiz.RAIDWrite, quiz.RAIDDegraded, quiz.RAIDRebuild:
		return true
	}
	return false
}

func (v *raidPicture) layout(t *Text, x, y, w, h float64, narrow bool) float64 {
	tr := v.tr
	v.narrow = narrow
	v.rows = min(len(tr.Grid), 8)
	// Show enough rows to hold the block asked about.
	if req := v.request(); req != nil {
		for i, g := range tr.Grid {
			for _, b := range g.Blocks {
				if b != raid.Null && int(b) == req.Block {
					v.rows = max(v.rows, min(i+2, len(tr.Grid)))
				}
			}
		}
	}
	if v.row >= 0 {
		v.rows = max(v.rows, min(v.row+2, len(tr.Grid)))
	}
	gap := 10.0
	if narrow {
		gap = 6
	}
	// The spares stand apart, after a wider gap.
	n, apart := tr.Disks+len(v.spares), 0.0
	if len(v.spares) > 0 {
		apart = 2 * gap
	}
	// Stripe labels on the left, as wide as the longest one, unless a
	// phone's columns would get too thin for two-digit blocks: then the
	// outline alone marks the row asked about (the prompt names it).
	lw := 0.0
	for _, l := range []quiz.Lang{quiz.English, quiz.Korean} {
		lw = max(lw, t.Width(msgStripe.f(l, len(tr.Grid)), 14))
	}
	lw += 12
	v.gap = gap
	v.labels = !narrow || (w-lw-float64(n-1)*gap-apart)/float64(n) >= minRAIDColumn
	if v.labels {
		x, w = x+lw, w-lw
	}
	cw := min(120, (w-float64(n-1)*gap-apart)/float64(n))
	ch := clamp((min(h, 360)-60)/float64(v.rows), 22, 38)
	xs := rowLayout(x, w-apart, n, cw, gap)
	for i := tr.Disks; i < n; i++ {
		xs[i] += apart
	}
	v.head = y + 14
	top := y + 34
	v.tagY = top + float64(v.rows)*ch + 14
	column := func(i int) (Rect, []Rect) {
		var cs []Rect
		for r := range v.rows {
			cs = append(cs, Rect{xs[i] + 4, top + float64(r)*ch + 2, cw - 8, ch - 4})
		}
		return Rect{xs[i] - 2, top - 30, cw + 4, float64(v.rows)*ch + 40}, cs
	}
	v.cols, v.cells, v.ps = v.cols[:0], v.cells[:0], v.ps[:0]
	for d := range tr.Disks {
		col, cs := column(d)
		v.cols = append(v.cols, col)
		v.cells = append(v.cells, cs)
		if pickedByColumn(v.sp.Family) {
			v.ps = append(v.ps, pick{name: "disk-" + strconv.Itoa(d), value: int64(d), r: col, what: nounDisk})
		}
	}
	v.spareCols, v.spareCells = v.spareCols[:0], v.spareCells[:0]
	for i := range v.spares {
		col, cs := column(tr.Disks + i)
		v.spareCols = append(v.spareCols, col)
		v.spareCells = append(v.spareCells, cs)
	}
	return top + float64(v.rows)*ch + 60
}

func (v *raidPicture) picks() []pick { return v.ps }

// request is the request asked about, or nil.
func (v *raidPicture) request() *raid.RequestTrace {
	if v.sp.Step < len(v.tr.Requests) {
		return &v.tr.Requests[v.sp.Step]
	}
	return nil
}

func (v *raidPicture) draw(c *canvas, st *picState) {
	pal, tr := c.pal, v.tr
	req := v.request()
	stripe := -1
	if req != nil {
		for _, m := range tr.Map {
			if m.Block == req.Block {
				stripe = m.Stripe
			}
		}
	}
	// What the request or the rebuilt row did, by disk (spares included),
	// once the step plays after the reveal.
	reads, writes := map[int]bool{}, map[int]bool{} // looked up, never iterated
	if len(st.lit) > 0 && st.p > 0 {
		for _, op := range v.stepOps() {
			if op.Op == raid.OpRead {
				reads[op.Disk] = true
			} else {
				writes[op.Disk] = true
			}
		}
	}
	known := len(st.lit) > 0
	for d, col := range v.cols {
		failed := slices.Contains(tr.Failed, d)
		bg, edge, w := pickColors(pal, st, d, int64(d))
		if len(v.ps) == 0 {
			bg, edge, w = pal.Panel, pal.Line, 1.2
		}
		if failed && bg == pal.Panel {
			bg = mix(pal.Panel, pal.Bg, 0.6)
		}
		c.fill(col, 10, bg)
		c.stroke(col, 10, w, edge)
		label := msgDiskN.f(st.lang, d)
		if st.keys && d < 9 && !v.narrow { // keys 1–9: not on a phone, where the label must fit
			label = strconv.Itoa(d+1) + " · " + label
		}
		if c.txt.Width(label, 14) > col.W-8 { // five disks on a phone: the number alone
			label = "#" + strconv.Itoa(d)
		}
		head := pal.Dim
		if failed {
			head = pal.Faint
		}
		c.text(label, col.CX(), v.head, 14, head, AlignCenter)
		for r, cell := range v.cells[d] {
			g := tr.Grid[r]
			b := g.Blocks[d]
			s, fill, fg := v.cellText(g, d), pal.Panel2, pal.Text
			switch {
			case v.hidden(r, known):
				s, fill, fg = "?", pal.Panel, pal.Faint
			case failed:
				fill, fg = pal.Panel, pal.Faint
			case g.QDisk != nil && *g.QDisk == d:
				fill = mix(pal.Panel2, pal.Hand, 0.35)
			case b == raid.Null:
				fill = mix(pal.Panel2, pal.Victim, 0.3)
			}
			edge, ew := pal.Line, 1.0
			if req != nil && g.Stripe == stripe || r == v.row {
				edge, ew = pal.Accent, 1.5
			}
			if req != nil && b != raid.Null && int(b) == req.Block && !v.hidden(r, known) {
				edge, ew = pal.Accent, 3
				if failed && known && st.p > 0 { // rebuilt from the rest of the row
					fill, fg = mix(pal.Panel, pal.Good, 0.3*min(1, st.p*2)), pal.Text
				}
			}
			c.box(cell, 6, fill, edge, ew, s, 15, fg)
		}
		if failed && len(v.cells[d]) > 0 { // over the cells, under the disk's name
			top := v.cells[d][0].Y - 4
			c.hatch(Rect{col.X + 3, top, col.W - 6, col.Bottom() - 3 - top}, 11, 1.5, alpha(pal.Faint, 0.45))
		}
		switch {
		case reads[d] || writes[d]:
			v.tag(c, col, rwTag(reads[d], writes[d]), pal.Good, pal.AccentText)
		case failed:
			v.tag(c, col, msgFailed.in(st.lang), pal.Faint, pal.Bg)
		}
	}
	v.drawSpares(c, st, writes)
	if len(reads)+len(writes) > 0 && len(v.cols) > 0 {
		last := v.cols[len(v.cols)-1]
		if len(v.spareCols) > 0 {
			last = v.spareCols[len(v.spareCols)-1]
		}
		c.text(msgRW.in(st.lang), last.Right(), last.Bottom()+40, 13, pal.Dim, AlignEnd)
	}
	switch {
	case len(v.cells) == 0 || !v.labels:
	case v.row >= 0 && v.row < v.rows:
		label := msgStripe.f(st.lang, tr.Grid[v.row].Stripe)
		if tr.Chunk > 1 {
			label = msgRowN.f(st.lang, v.row)
		}
		c.text(label, v.cols[0].X-8, v.cells[0][v.row].CY(), 14, pal.Accent, AlignEnd)
	case stripe >= 0:
		for r := range v.rows {
			if tr.Grid[r].Stripe == stripe {
				cl := v.cells[0][r]
				c.text(msgStripe.f(st.lang, stripe), v.cols[0].X-8, cl.CY(), 14, pal.Accent, AlignEnd)
				break
			}
		}
	}
}

// cellText is what disk d holds in grid row g: its logical block, P or Q.
func (v *raidPicture) cellText(g raid.GridRow, d int) string {
	switch b := g.Blocks[d]; {
	case g.QDisk != nil && *g.QDisk == d:
		return "Q"
	case b == raid.Null:
		return "P"
	default:
		return strconv.Itoa(int(b))
	}
}

// rwTag is the tag under a disk the step read (R), wrote (W) or both.
func rwTag(read, write bool) string {
	tag := ""
	if read {
		tag = "R"
	}
	if write {
		tag += "W"
	}
	return tag
}

// tag draws a small label under column col, no wider than the column and
// its gaps allow.
func (v *raidPicture) tag(c *canvas, col Rect, s string, bg, fg color.RGBA) {
	w := max(40, c.txt.Width(s, 13)+12)
	w = min(w, col.W+v.gap-6) // a column's rectangle reaches 2 px into each gap
	c.box(Rect{col.CX() - w/2, v.tagY, w, 20}, 5, bg, bg, 0, s, 13, fg)
}

// stepOps are the disk operations of the step asked about: the request's,
// or the rebuilt row's.
func (v *raidPicture) stepOps() []raid.Op {
	if req := v.request(); req != nil {
		return req.Ops
	}
	if v.row >= 0 {
		return v.tr.Rebuild.Rows[v.row].Ops
	}
	return nil
}

// hidden reports whether row r is left blank: the question asks where a
// block or a parity lives, so only the first stripe shows the pattern until
// the answer is known.
func (v *raidPicture) hidden(r int, known bool) bool {
	if known || r < max(1, v.tr.Chunk) {
		return false
	}
	return v.sp.Family == quiz.RAIDDisk || v.sp.Family == quiz.RAIDParity
}
