package game

// buttonStyle is how a button looks.
type buttonStyle int

const (
	styleNormal  buttonStyle = iota
	stylePrimary             // the main action of a screen
	styleChip                // one option of a segmented choice
)

// button is a clickable labelled rectangle. Scenes build their buttons in
// Update (where the layout is known) and draw them in Draw.
type button struct {
	name     string // the test hook's name for it
	label    string
	sub      string // a second, smaller line, or ""
	r        Rect
	style    buttonStyle
	selected bool
	disabled bool
	hover    bool
	good     bool // lit up as the correct answer
	bad      bool // marked as the player's wrong pick
}

// update records hover and reports whether the button was pressed.
func (b *button) update(in *input) bool {
	b.hover = !b.disabled && in.over(b.r)
	return !b.disabled && in.pressed(b.r)
}

// target returns the button as the test hook reports it (a chosen chip
// as selected).
func (b *button) target() Target { return Target{Name: b.name, R: b.r, Selected: b.selected} }

// draw draws b.
func (b *button) draw(c *canvas) {
	p := c.pal
	bg, fg, edge := p.Panel2, p.Text, p.Line
	switch {
	case b.disabled:
		bg, fg, edge = p.Panel, p.Faint, p.Panel2
	case b.good:
		bg, fg, edge = alpha(p.Good, 0.25), p.Text, p.Good
	case b.bad:
		bg, fg, edge = alpha(p.Bad, 0.22), p.Text, p.Bad
	case b.style == stylePrimary || b.selected:
		bg, fg, edge = p.Accent, p.AccentText, p.Accent
	}
	if b.hover {
		bg = mix(bg, p.Text, 0.12)
	}
	c.fill(b.r, 10, bg)
	w := 1.5
	if b.good || b.bad {
		w = 3
	}
	c.stroke(b.r, 10, w, edge)
	px := 17.0
	if b.style == styleChip {
		px = 15
	}
	px = c.txt.Fit(b.label, px, 12, b.r.W-16)
	if b.sub == "" {
		c.text(b.label, b.r.CX(), b.r.CY(), px, fg, AlignCenter)
		return
	}
	c.text(b.label, b.r.CX(), b.r.CY()-9, px, fg, AlignCenter)
	c.text(b.sub, b.r.CX(), b.r.CY()+11, 13, alpha(fg, 0.75), AlignCenter)
}

// flow lays labels out as chips from (x, y) in rows no wider than width and
// returns their rectangles and the y below the last row.
func flow(t *Text, labels []string, x, y, width, h, gap, px float64) ([]Rect, float64) {
	rs := make([]Rect, len(labels))
	cx := x
	for i, l := range labels {
		w := max(t.Width(l, px)+28, 56)
		if cx > x && cx+w > x+width {
			cx, y = x, y+h+gap
		}
		rs[i] = Rect{cx, y, w, h}
		cx += w + gap
	}
	return rs, y + h
}
