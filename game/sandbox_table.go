package game

import (
	"math"
	"strconv"

	"github.com/osarena/osarena/sim/quiz"
	"github.com/osarena/osarena/sim/replace"
)

// gridTable is the run written out the way it is on paper: one column per
// reference (or per head stop), one row per frame (or per quantity), broken
// into blocks of as many columns as fit the width. The column of the
// current step is outlined; the steps still to come are dimmed.
type gridTable struct {
	rows   []string     // row labels
	cols   [][]gridCell // [column][row]
	cur    int          // the outlined column, or -1
	done   int          // columns before this one have been served
	labelW float64
	colW   float64
	rowH   float64
	blocks []gridBlock
}

// gridCell is one entry of the table and how it is coloured.
type gridCell struct {
	s    string
	tone cellTone
}

// cellTone colours a cell.
type cellTone int

const (
	toneText   cellTone = iota
	toneLoaded          // the page just loaded into its frame
	toneFault           // a fault mark
	toneFaint           // a hit mark, an empty cell
)

// gridBlock is a run of columns [from, to) drawn from (x, y).
type gridBlock struct {
	x, y     float64
	from, to int
}

// layout breaks the table into blocks that fit the width w from (x, y) and
// returns the y below it.
func (g *gridTable) layout(t *Text, x, y, w float64, narrow bool) float64 {
	g.rowH = 24
	g.labelW = 0
	for _, r := range g.rows {
		g.labelW = max(g.labelW, t.Width(r, 14)+14)
	}
	widest := 0.0
	for _, col := range g.cols {
		for _, c := range col {
			widest = max(widest, t.Width(c.s, 15))
		}
	}
	g.colW = max(30, widest+12)
	if narrow {
		g.colW = max(28, widest+10)
	}
	per := max(1, int((w-g.labelW)/g.colW))
	if n := len(g.cols); n > per { // even blocks: 20 columns as 10 + 10, not 17 + 3
		blocks := (n + per - 1) / per
		per = (n + blocks - 1) / blocks
	}
	g.blocks = g.blocks[:0]
	for from := 0; from < len(g.cols); from += per {
		to := min(len(g.cols), from+per)
		g.blocks = append(g.blocks, gridBlock{x: x, y: y, from: from, to: to})
		y += float64(len(g.rows))*g.rowH + 12
	}
	return y
}

// colAt returns the column at (px, py), or -1.
func (g *gridTable) colAt(px, py float64) int {
	for _, b := range g.blocks {
		r := Rect{b.x + g.labelW, b.y, float64(b.to-b.from) * g.colW, float64(len(g.rows)) * g.rowH}
		if r.Contains(px, py) {
			return b.from + int((px-r.X)/g.colW)
		}
	}
	return -1
}

// bounds returns the rectangle the table covers (for the test hook).
func (g *gridTable) bounds() Rect {
	if len(g.blocks) == 0 {
		return Rect{}
	}
	first, last := g.blocks[0], g.blocks[len(g.blocks)-1]
	w := g.labelW + float64(first.to-first.from)*g.colW
	return Rect{first.x, first.y, w, last.y + float64(len(g.rows))*g.rowH - first.y}
}

func (g *gridTable) draw(c *canvas) {
	pal := c.pal
	for _, b := range g.blocks {
		h := float64(len(g.rows)) * g.rowH
		body := Rect{b.x + g.labelW, b.y, float64(b.to-b.from) * g.colW, h}
		c.fill(body, 6, pal.Panel)
		for i, label := range g.rows {
			y := b.y + float64(i)*g.rowH
			c.text(label, b.x+g.labelW-10, y+g.rowH/2, 14, pal.Dim, AlignEnd)
			if i > 0 {
				c.line(body.X, y, body.Right(), y, 1, alpha(pal.Line, 0.6))
			}
		}
		for j := b.from; j < b.to; j++ {
			x := body.X + float64(j-b.from)*g.colW
			if j > b.from {
				c.line(x, b.y, x, b.y+h, 1, alpha(pal.Line, 0.6))
			}
			for i, cell := range g.cols[j] {
				if cell.s == "" {
					continue
				}
				clr := pal.Text
				switch cell.tone {
				case toneLoaded:
					clr = pal.Accent
				case toneFault:
					clr = pal.Bad
				case toneFaint:
					clr = pal.Faint
				}
				if j >= g.done && cell.tone != toneFaint {
					clr = mix(clr, pal.Panel, 0.45)
				}
				px := 15.0
				if i == 0 {
					px = 16
				}
				c.text(cell.s, x+g.colW/2, b.y+float64(i)*g.rowH+g.rowH/2, c.txt.Fit(cell.s, px, 10, g.colW-4), clr, AlignCenter)
			}
			if j == g.cur {
				c.stroke(Rect{x - 1, b.y - 3, g.colW + 2, h + 6}, 5, 2.5, pal.Accent)
			}
		}
	}
}

// replaceTable writes a page-replacement run as the paper table: the
// reference string on top, then each frame after each reference (the page
// just loaded in the accent colour), the faults and the victims.
func replaceTable(tr *replace.Trace, pos int, lang quiz.Lang) gridTable {
	g := gridTable{cur: pos - 1, done: pos}
	g.rows = append(g.rows, msgSbRowRef.in(lang))
	for f := range tr.Frames {
		g.rows = append(g.rows, msgSbFrameRow.f(lang, f))
	}
	g.rows = append(g.rows, msgSbRowFault.in(lang), msgSbRowVictim.in(lang))
	for _, st := range tr.Steps {
		col := make([]gridCell, 0, len(g.rows))
		ref := strconv.Itoa(st.Ref)
		if st.Write {
			ref += "w"
		}
		col = append(col, gridCell{s: ref})
		for f, p := range st.Frames {
			cell := gridCell{}
			if p != replace.Null {
				cell.s = strconv.Itoa(int(p))
			}
			if f == st.Frame && !st.Hit {
				cell.tone = toneLoaded
			}
			col = append(col, cell)
		}
		if st.Hit {
			col = append(col, gridCell{s: "·", tone: toneFaint})
		} else {
			col = append(col, gridCell{s: "F", tone: toneFault})
		}
		victim := gridCell{}
		if st.Victim != replace.Null {
			victim.s = strconv.Itoa(int(st.Victim))
		}
		g.cols = append(g.cols, append(col, victim))
	}
	return g
}

// diskTable writes a disk-scheduling run as the paper table: the head's
// start (the first column), then each cylinder served, the distance moved to it and the
// running total.
func diskTable(r *sandboxRun, lang quiz.Lang) gridTable {
	tr := r.dt
	g := gridTable{cur: r.pos, done: r.pos + 1}
	g.rows = []string{msgSbRowCyl.in(lang), msgSbRowMoved.in(lang), msgSbRowTotal.in(lang)}
	g.cols = append(g.cols, []gridCell{{s: strconv.Itoa(tr.Head)}, {s: "–", tone: toneFaint}, {s: "0"}})
	total := 0
	for _, st := range tr.Steps {
		total += st.Distance
		g.cols = append(g.cols, []gridCell{{s: strconv.Itoa(st.Cylinder)}, {s: strconv.Itoa(st.Distance)}, {s: strconv.Itoa(total)}})
	}
	return g
}

// percentOf is 100·a/b rounded to the nearest whole number (0 when b is 0).
func percentOf(a, b int) int {
	if b == 0 {
		return 0
	}
	return int(math.Round(100 * float64(a) / float64(b)))
}
