package game

import (
	"encoding/hex"
	"encoding/json"
	"image/color"
	"strconv"
	"strings"

	"github.com/osarena/osarena/sim/paging"
)

// walkPicture is a multilevel page walk: the virtual address split into one
// index per level and the offset (each its own colour), the memory pages
// that are not all zeros as rows of bytes, and after the answer the levels
// as boxes — the entry read at each, the frame it gives, where it faults.
type walkPicture struct {
	sp      *questionSpec
	tr      *paging.WalkTrace
	pages   []int    // the pages shown
	bytes   [][]byte // their contents
	rows    []Rect   // one per page (two lines on a phone)
	perLine int
	cellW   float64
	addrY   float64
	levelsY float64
	x, w    float64
}

func newWalkPicture(sp *questionSpec, tr *paging.WalkTrace) *walkPicture {
	v := &walkPicture{sp: sp, tr: tr}
	var cfg struct {
		Memory []string `json:"memory"`
	}
	_ = json.Unmarshal(sp.Scenario, &cfg)
	for i, m := range cfg.Memory {
		b, err := hex.DecodeString(strings.ReplaceAll(m, " ", ""))
		if err != nil || len(b) == 0 {
			continue
		}
		v.pages, v.bytes = append(v.pages, i), append(v.bytes, b)
	}
	return v
}

func (v *walkPicture) layout(_ *Text, x, y, w, h float64, narrow bool) float64 {
	v.x, v.w = x, w
	v.addrY = y + 12
	v.levelsY = y + 60
	top := v.levelsY + 64
	v.perLine = v.tr.PageSize
	for v.perLine > 8 && 70+float64(v.perLine)*21 > w {
		v.perLine /= 2
	}
	lines := v.tr.PageSize / v.perLine
	v.cellW = min(26, (w-70)/float64(v.perLine))
	lh := clamp((h-(top-y))/float64(len(v.pages)*lines), 15, 22)
	v.rows = v.rows[:0]
	for i := range v.pages {
		v.rows = append(v.rows, Rect{x, top + float64(i*lines)*lh, w, float64(lines) * lh})
	}
	return top + float64(len(v.pages)*lines)*lh + 8
}

func (v *walkPicture) picks() []pick { return nil }

func (v *walkPicture) draw(c *canvas, st *picState) {
	pal, lang := c.pal, st.lang
	r := v.tr.Results[min(st.step, len(v.tr.Results)-1)]
	known := len(st.lit) > 0 && st.p > 0
	cols := []color.RGBA{pal.Accent, pal.Hand, pal.Victim, pal.Good, pal.Dim}
	// The address: its indexes and offset.
	c.text(msgWalkVA.f(lang, r.VA, v.tr.VABits), v.x, v.addrY, 15, pal.Text, AlignStart)
	parts := []string{}
	for i, bits := range v.tr.Levels {
		s := strconv.FormatInt(int64(r.VA>>v.shift(i))&(1<<bits-1), 2)
		parts = append(parts, strings.Repeat("0", bits-len(s))+s)
	}
	off := strconv.FormatInt(int64(r.Offset), 2)
	offBits := v.tr.VABits
	for _, b := range v.tr.Levels {
		offBits -= b
	}
	parts = append(parts, strings.Repeat("0", max(0, offBits-len(off)))+off)
	x := v.x
	for i, p := range parts {
		bw := float64(len(p))*11 + 16
		cell := Rect{x, v.addrY + 14, bw, 24}
		c.box(cell, 4, mix(pal.Panel2, cols[min(i, len(v.tr.Levels))%len(cols)], 0.35), pal.Line, 0, p, 14, pal.Text)
		x += bw + 6
	}
	// The levels, once the answer is known.
	lx := v.x
	bw := min(190, (v.w-float64(len(v.tr.Levels))*12)/float64(len(v.tr.Levels)+1))
	for i := range v.tr.Levels {
		box := Rect{lx, v.levelsY, bw, 52}
		edge := cols[i%len(cols)]
		c.fill(box, 8, pal.Panel)
		c.stroke(box, 8, 1.5, edge)
		c.text(msgLevel.f(lang, i+1), box.X+8, box.Y+12, 13, pal.Dim, AlignStart)
		if known && i < len(r.Entries) {
			txt := msgEntry.f(lang, r.Indexes[i], r.Entries[i])
			c.text(txt, box.X+8, box.Y+34, c.txt.Fit(txt, 14, 11, box.W-12), pal.Text, AlignStart)
			if r.Fault != nil && *r.Fault == i {
				c.stroke(box, 8, 3, pal.Bad)
			}
		} else if known {
			c.text("—", box.X+8, box.Y+34, 14, pal.Faint, AlignStart)
		}
		lx += bw + 12
	}
	if known {
		res := msgTrapped.in(lang)
		col := pal.Bad
		if r.PA != nil {
			res, col = msgPA.f(lang, *r.PA), pal.Good
		}
		c.text(res, lx+4, v.levelsY+26, 15, col, AlignStart)
	}
	// Memory, page by page; the entries read light up after the answer.
	for i, row := range v.rows {
		c.text(msgPageN.f(lang, v.pages[i]), row.X, row.Y+9, 12, pal.Dim, AlignStart)
		lh := row.H / float64(v.tr.PageSize/v.perLine)
		for j, b := range v.bytes[i] {
			addr := v.pages[i]*v.tr.PageSize + j
			cell := Rect{row.X + 64 + float64(j%v.perLine)*v.cellW, row.Y + float64(j/v.perLine)*lh, v.cellW - 1, lh - 1}
			fg := pal.Dim
			if b != 0 {
				fg = pal.Text
			}
			for k, ea := range r.EntryAddrs {
				if known && ea == addr {
					c.fill(cell, 3, mix(pal.Panel, cols[k%len(cols)], 0.5))
					fg = pal.Text
				}
			}
			c.text(hex.EncodeToString([]byte{b}), cell.CX(), cell.CY(), 12, fg, AlignCenter)
		}
	}
}

// shift is how far right level i's index sits in the address.
func (v *walkPicture) shift(i int) int {
	s := v.tr.VABits
	for k := 0; k <= i; k++ {
		s -= v.tr.Levels[k]
	}
	return s
}
