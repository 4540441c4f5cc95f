package game

import (
	"image/color"
	"math"

	"github.com/hajimehoshi/ebiten/v2/vector"
)

// Drawing helpers the views share, beside canvas.go's.

// ring strokes a circle of radius r with line width w.
func (c *canvas) ring(x, y, r, w float64, clr color.Color) {
	p := &c.path
	p.Reset()
	p.Arc(c.f(x), c.f(y), c.f(r), 0, 2*math.Pi, vector.Clockwise)
	p.Close()
	op := &vector.DrawPathOptions{AntiAlias: true}
	op.ColorScale.ScaleWithColor(clr)
	vector.StrokePath(c.dst, p, &vector.StrokeOptions{Width: c.f(w)}, op)
}

// box draws a cell: filled, outlined, with centred text.
func (c *canvas) box(r Rect, rad float64, bg, edge color.Color, ew float64, s string, px float64, fg color.Color) {
	c.fill(r, rad, bg)
	if ew > 0 {
		c.stroke(r, rad, ew, edge)
	}
	if s != "" {
		c.text(s, r.CX(), r.CY(), c.txt.Fit(s, px, 10, r.W-4), fg, AlignCenter)
	}
}

// pickColors returns how an answer target looks: lit (correct), wrong,
// selected, hovered or plain.
func pickColors(pal *palette, st *picState, i int, v int64) (bg, edge color.RGBA, w float64) {
	switch {
	case containsValue(st.lit, v):
		return mix(pal.Panel, pal.Good, 0.3), pal.Good, 3
	case containsValue(st.wrong, v):
		return mix(pal.Panel, pal.Bad, 0.25), pal.Bad, 3
	case containsValue(st.selected, v):
		return mix(pal.Panel, pal.Accent, 0.35), pal.Accent, 3
	case i == st.hover:
		return pal.Panel2, pal.Accent, 2.5
	}
	return pal.Panel, pal.Line, 1.2
}
