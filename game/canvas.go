package game

import (
	"image/color"
	"math"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/vector"
)

// canvas is what a scene draws on: the screen image, the device scale, the
// text wrapper and the palette. Coordinates are logical pixels.
//
// Shapes are vector paths, which Ebitengine fills in one batch until
// something else draws on the screen; so text is queued and drawn at the
// next flush (and at the end of the frame). A scene calls flush where a
// shape must cover text drawn before it: one layer per flush.
type canvas struct {
	dst   *ebiten.Image
	s     float64 // device pixels per logical pixel
	txt   *Text
	pal   *palette
	path  vector.Path
	texts []textOp
}

// textOp is a queued line of text.
type textOp struct {
	s        string
	x, y, px float64
	clr      color.Color
	align    Align
}

// flush draws the queued text over the shapes drawn so far.
func (c *canvas) flush() {
	for _, t := range c.texts {
		c.txt.Draw(c.dst, c.s, t.s, t.x, t.y, t.px, t.clr, t.align)
	}
	c.texts = c.texts[:0]
}

func (c *canvas) f(v float64) float32 { return float32(v * c.s) }

// fill fills r with a rounded rectangle of corner radius rad.
func (c *canvas) fill(r Rect, rad float64, clr color.Color) {
	if r.W <= 0 || r.H <= 0 {
		return
	}
	if rad <= 0 {
		vector.FillRect(c.dst, c.f(r.X), c.f(r.Y), c.f(r.W), c.f(r.H), clr, true) // a path, to stay in the batch
		return
	}
	c.roundPath(r, rad)
	op := &vector.DrawPathOptions{AntiAlias: true}
	op.ColorScale.ScaleWithColor(clr)
	vector.FillPath(c.dst, &c.path, nil, op)
}

// stroke outlines r with a rounded rectangle of line width w.
func (c *canvas) stroke(r Rect, rad, w float64, clr color.Color) {
	if r.W <= 0 || r.H <= 0 {
		return
	}
	c.roundPath(r, rad)
	op := &vector.DrawPathOptions{AntiAlias: true}
	op.ColorScale.ScaleWithColor(clr)
	vector.StrokePath(c.dst, &c.path, &vector.StrokeOptions{Width: c.f(w), LineJoin: vector.LineJoinRound}, op)
}

func (c *canvas) roundPath(r Rect, rad float64) {
	rad = min(rad, r.W/2, r.H/2)
	x0, y0, x1, y1, k := c.f(r.X), c.f(r.Y), c.f(r.Right()), c.f(r.Bottom()), c.f(rad)
	p := &c.path
	p.Reset()
	p.MoveTo(x0+k, y0)
	p.LineTo(x1-k, y0)
	p.ArcTo(x1, y0, x1, y0+k, k)
	p.LineTo(x1, y1-k)
	p.ArcTo(x1, y1, x1-k, y1, k)
	p.LineTo(x0+k, y1)
	p.ArcTo(x0, y1, x0, y1-k, k)
	p.LineTo(x0, y0+k)
	p.ArcTo(x0, y0, x0+k, y0, k)
	p.Close()
}

// line draws a straight line of width w.
func (c *canvas) line(x0, y0, x1, y1, w float64, clr color.Color) {
	vector.StrokeLine(c.dst, c.f(x0), c.f(y0), c.f(x1), c.f(y1), c.f(w), clr, true)
}

// circle fills a circle.
func (c *canvas) circle(x, y, r float64, clr color.Color) {
	vector.FillCircle(c.dst, c.f(x), c.f(y), c.f(r), clr, true)
}

// triangle fills a triangle pointing from its base centre (x, y) in the
// direction angle (radians, 0 = right), size long.
func (c *canvas) triangle(x, y, angle, length, half float64, clr color.Color) {
	sin, cos := math.Sincos(angle)
	p := &c.path
	p.Reset()
	p.MoveTo(c.f(x+cos*length), c.f(y+sin*length))
	p.LineTo(c.f(x-sin*half), c.f(y+cos*half))
	p.LineTo(c.f(x+sin*half), c.f(y-cos*half))
	p.Close()
	op := &vector.DrawPathOptions{AntiAlias: true}
	op.ColorScale.ScaleWithColor(clr)
	vector.FillPath(c.dst, p, nil, op)
}

// text queues one line of text (see Text.Draw) for the next flush.
func (c *canvas) text(s string, x, y, px float64, clr color.Color, align Align) {
	c.texts = append(c.texts, textOp{s, x, y, px, clr, align})
}

// lines draws lines of text from top y with line height lh; it returns the
// y below the last line.
func (c *canvas) lines(ls []string, x, y, px, lh float64, clr color.Color, align Align) float64 {
	for _, l := range ls {
		c.text(l, x, y+lh/2, px, clr, align)
		y += lh
	}
	return y
}
