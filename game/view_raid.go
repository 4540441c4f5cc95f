package game

import (
	"strconv"

	"github.com/osarena/osarena/sim/quiz"
	"github.com/osarena/osarena/sim/raid"
)

// raidPicture is a disk array: one column per disk, one row per stripe
// offset, each cell the logical block it holds or P / Q for parity. The
// request being asked about is outlined; raid.disk, raid.parity and
// raid.write are answered by clicking disk columns, and the reveal lights
// the disks a write reads (R) and writes (W).
type raidPicture struct {
	sp     *questionSpec
	tr     *raid.Trace
	narrow bool
	cols   []Rect // one per disk, the whole column (the answer target)
	cells  [][]Rect
	head   float64 // y of the disk names
	rows   int
	ps     []pick
}

func newRAIDPicture(sp *questionSpec, tr *raid.Trace) *raidPicture {
	return &raidPicture{sp: sp, tr: tr}
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
	gap := 10.0
	if narrow {
		gap = 6
	}
	// Stripe labels on the left, as wide as the longest one.
	lw := 0.0
	for _, l := range []quiz.Lang{quiz.English, quiz.Korean} {
		lw = max(lw, t.Width(msgStripe.f(l, len(tr.Grid)), 14))
	}
	lw += 12
	x, w = x+lw, w-lw
	cw := min(120, (w-float64(tr.Disks-1)*gap)/float64(tr.Disks))
	ch := clamp((min(h, 360)-60)/float64(v.rows), 22, 38)
	xs := rowLayout(x, w, tr.Disks, cw, gap)
	v.head = y + 14
	top := y + 34
	v.cols, v.cells, v.ps = v.cols[:0], v.cells[:0], v.ps[:0]
	for d := range tr.Disks {
		col := Rect{xs[d] - 2, top - 30, cw + 4, float64(v.rows)*ch + 40}
		v.cols = append(v.cols, col)
		var cs []Rect
		for r := range v.rows {
			cs = append(cs, Rect{xs[d] + 4, top + float64(r)*ch + 2, cw - 8, ch - 4})
		}
		v.cells = append(v.cells, cs)
		if v.sp.Family == quiz.RAIDDisk || v.sp.Family == quiz.RAIDParity || v.sp.Family == quiz.RAIDWrite {
			v.ps = append(v.ps, pick{name: "disk-" + strconv.Itoa(d), value: int64(d), r: col, what: nounDisk})
		}
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
	// What the request did, by disk, once the step plays after the reveal.
	reads, writes := map[int]bool{}, map[int]bool{} // looked up, never iterated
	if req != nil && len(st.lit) > 0 && st.p > 0 {
		for _, op := range req.Ops {
			if op.Op == "read" {
				reads[op.Disk] = true
			} else {
				writes[op.Disk] = true
			}
		}
	}
	for d, col := range v.cols {
		bg, edge, w := pickColors(pal, st, d, int64(d))
		if len(v.ps) == 0 {
			bg, edge, w = pal.Panel, pal.Line, 1.2
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
		c.text(label, col.CX(), v.head, 14, pal.Dim, AlignCenter)
		for r, cell := range v.cells[d] {
			g := tr.Grid[r]
			b := g.Blocks[d]
			s, fill, fg := "", pal.Panel2, pal.Text
			switch {
			case v.hidden(r, len(st.lit) > 0):
				s, fill, fg = "?", pal.Panel, pal.Faint
			case g.QDisk != nil && *g.QDisk == d:
				s, fill, fg = "Q", mix(pal.Panel2, pal.Hand, 0.35), pal.Text
			case b == raid.Null:
				s, fill, fg = "P", mix(pal.Panel2, pal.Victim, 0.3), pal.Text
			default:
				s = strconv.Itoa(int(b))
			}
			edge, ew := pal.Line, 1.0
			if req != nil && g.Stripe == stripe {
				edge, ew = pal.Accent, 1.5
			}
			if req != nil && b != raid.Null && int(b) == req.Block && !v.hidden(r, len(st.lit) > 0) {
				edge, ew = pal.Accent, 3
			}
			c.box(cell, 6, fill, edge, ew, s, 15, fg)
		}
		if reads[d] || writes[d] {
			tag := ""
			if reads[d] {
				tag = "R"
			}
			if writes[d] {
				tag += "W"
			}
			t := Rect{col.CX() - 20, col.Bottom() + 4, 40, 20}
			c.box(t, 5, pal.Good, pal.Good, 0, tag, 13, pal.AccentText)
		}
	}
	if len(reads)+len(writes) > 0 && len(v.cols) > 0 {
		last := v.cols[len(v.cols)-1]
		c.text(msgRW.in(st.lang), last.Right(), last.Bottom()+40, 13, pal.Dim, AlignEnd)
	}
	if stripe >= 0 && len(v.cells) > 0 {
		for r := range v.rows {
			if tr.Grid[r].Stripe == stripe {
				cl := v.cells[0][r]
				c.text(msgStripe.f(st.lang, stripe), v.cols[0].X-8, cl.CY(), 14, pal.Accent, AlignEnd)
				break
			}
		}
	}
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
