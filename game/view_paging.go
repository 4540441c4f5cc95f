package game

import (
	"math/bits"
	"strconv"

	"github.com/osarena/osarena/sim/paging"
	"github.com/osarena/osarena/sim/quiz"
)

// pagingPicture is a linear page table: the virtual address in binary,
// split into the page number (VPN) and the offset in two colours, and the
// table with each entry's frame, valid bit and rights. After the answer the
// entry used lights up and the physical address is built: frame × page
// size + offset, or the trap.
type pagingPicture struct {
	sp       *questionSpec
	tr       *paging.Trace
	vpnBits  int
	addrY    float64
	bitBoxes []Rect
	table    []Rect // one per entry
	tableY   float64
	resultY  float64
	x, w     float64
}

func newPagingPicture(sp *questionSpec, tr *paging.Trace) *pagingPicture {
	return &pagingPicture{sp: sp, tr: tr}
}

// result is the translation asked about.
func (v *pagingPicture) result(step int) *paging.Result {
	return &v.tr.Results[min(step, len(v.tr.Results)-1)]
}

// entries is the page table the result used.
func (v *pagingPicture) entries(r *paging.Result) []paging.PTE {
	for _, p := range v.tr.Processes {
		if r.PID == nil || p.PID == *r.PID {
			return p.PageTable
		}
	}
	return nil
}

func (v *pagingPicture) layout(_ *Text, x, y, w, h float64, narrow bool) float64 {
	v.x, v.w = x, w
	n := len(v.entries(v.result(v.sp.Step)))
	v.vpnBits = max(1, bits.Len(uint(max(1, n-1))))
	total := v.vpnBits + v.tr.OffsetBits
	bw := min(30, (w-20)/float64(total))
	v.addrY = y + 30
	v.bitBoxes = v.bitBoxes[:0]
	for _, bx := range rowLayout(x, w, total, bw-2, 2) {
		v.bitBoxes = append(v.bitBoxes, Rect{bx, v.addrY, bw - 2, 30})
	}
	v.tableY = v.addrY + 70
	cols := 1
	if n > 8 {
		cols = 2
	}
	rowH := clamp((h-170)/float64((n+cols-1)/cols), 22, 30)
	if narrow {
		rowH = min(rowH, 24)
	}
	cw := min(300, (w-float64(cols-1)*16)/float64(cols))
	xs := rowLayout(x, w, cols, cw, 16)
	per := (n + cols - 1) / cols
	v.table = v.table[:0]
	for i := range n {
		v.table = append(v.table, Rect{xs[i/per], v.tableY + 22 + float64(i%per)*rowH, cw, rowH - 3})
	}
	v.resultY = v.tableY + 22 + float64(per)*rowH + 16
	return v.resultY + 24
}

func (v *pagingPicture) picks() []pick { return nil }

func (v *pagingPicture) draw(c *canvas, st *picState) {
	pal, lang := c.pal, st.lang
	r := v.result(st.step)
	known := len(st.lit) > 0 && st.p > 0
	split := v.sp.Family == quiz.PagingTranslate || known
	total := len(v.bitBoxes)
	// The address, bit by bit: the VPN's bits, then the offset's.
	c.text(msgVA.f(lang, r.VA, v.tr.PageSize), v.x, v.addrY-16, 15, pal.Text, AlignStart)
	for i, b := range v.bitBoxes {
		bit := (r.VA >> (total - 1 - i)) & 1
		bg := pal.Panel2
		if split {
			if i < v.vpnBits {
				bg = mix(pal.Panel2, pal.Accent, 0.45)
			} else {
				bg = mix(pal.Panel2, pal.Hand, 0.35)
			}
		}
		c.box(b, 4, bg, pal.Line, 0, strconv.Itoa(bit), 15, pal.Text)
	}
	if split && len(v.bitBoxes) > 0 {
		vb, ob := v.bitBoxes[:v.vpnBits], v.bitBoxes[v.vpnBits:]
		y := v.addrY + 44
		c.text(msgVPNBits.f(lang, v.vpnBits), (vb[0].X+vb[len(vb)-1].Right())/2, y, 13, pal.Accent, AlignCenter)
		if len(ob) > 0 {
			c.text(msgOffsetBits.f(lang, len(ob)), (ob[0].X+ob[len(ob)-1].Right())/2, y, 13, pal.Hand, AlignCenter)
		}
		if known {
			c.text("= "+strconv.Itoa(r.VPN), vb[len(vb)-1].Right()-2, y+16, 14, pal.Accent, AlignEnd)
			c.text("= "+strconv.Itoa(r.Offset), ob[len(ob)-1].Right(), y+16, 14, pal.Hand, AlignEnd)
		}
	}
	// The page table.
	es := v.entries(r)
	if len(v.table) > 0 {
		c.text(msgPageTable.in(lang), v.table[0].X, v.tableY+8, 14, pal.Dim, AlignStart)
	}
	for i, row := range v.table {
		e := es[i]
		lit := known && i == r.VPN
		bg, edge := pal.Panel, pal.Line
		if lit {
			bg, edge = mix(pal.Panel, pal.Good, 0.3), pal.Good
			if !r.Valid {
				bg, edge = mix(pal.Panel, pal.Bad, 0.3), pal.Bad
			}
		}
		c.fill(row, 5, bg)
		c.stroke(row, 5, 1, edge)
		c.text(strconv.Itoa(i), row.X+10, row.CY(), 14, pal.Dim, AlignStart)
		frame, vbit := "—", "V 0"
		if e.Valid {
			frame, vbit = msgFrame.f(lang, e.Frame), "V 1"
		}
		c.text(frame, row.X+row.W*0.2, row.CY(), 14, pal.Text, AlignStart)
		vc := pal.Faint
		if e.Valid {
			vc = pal.Good
		}
		c.text(vbit, row.X+row.W*0.66, row.CY(), 13, vc, AlignStart)
		if e.Prot != "" {
			c.text(string(e.Prot), row.Right()-8, row.CY(), 13, pal.Dim, AlignEnd)
		}
	}
	if known {
		line := msgTrapWhy.f(lang, string(r.Trap))
		col := pal.Bad
		if r.Valid && r.Frame != nil && r.PA != nil {
			line = msgPAis.f(lang, *r.Frame, v.tr.PageSize, r.Offset, *r.PA)
			col = pal.Good
		}
		c.text(line, v.x, v.resultY, 16, col, AlignStart)
	}
}
