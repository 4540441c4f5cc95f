package game

import (
	"image"
	"math"
	"strconv"

	"github.com/hajimehoshi/ebiten/v2"

	"github.com/osarena/osarena/sim/quiz"
)

// bracketView draws a tournament's bracket (or league table and pairings)
// inside a view rectangle, through a camera the player moves: drag to pan,
// the wheel or two fingers or the +/− buttons to zoom, "Fit" to see it
// all again. A tap (a press and release without dragging) on a match box
// selects that match. A league shows one round's pairings at a time: the
// current one, or the one the player steps to with the arrows.
type bracketView struct {
	l       bracketLayout
	version int // the model version laid out
	lang    quiz.Lang
	narrow  bool // laid out for a narrow screen
	round   int  // league: the round the player chose, 0 for the current one
	cam     camera
	view    Rect
	block   Rect // a panel over the view: presses there are not the bracket's
	fitted  Rect // the view the camera was last fitted to
	path    map[uint16]bool
	me      int

	// Pointer tracking: a press inside the view starts a gesture; it
	// becomes a drag once it moves past a few pixels.
	down      bool
	dragging  bool
	sx, sy    float64 // where the press was
	lx, ly    float64 // where the pointer was last frame
	pinch     float64 // the fingers' distance last frame (0: no pinch)
	zin, zout button
	zfit      button
	prev      button       // league: the round before
	next      button       // league: the round after
	shown     []bracketBox // the boxes on screen this frame, clipped to the view
	tapped    uint16       // a box tapped this frame, 0 if none
}

// dragSlop is how far a press moves before it is a drag, not a tap.
const dragSlop = 7.0

// update lays the bracket out (again when the state or the language
// changed), fits it to view the first time and whenever view changes size,
// and handles the pointer. It returns the match tapped this frame, or 0.
func (v *bracketView) update(a *app, m *tourModel, view Rect) uint16 {
	if v.version != m.version || v.lang != a.lang() || v.narrow != a.narrow() {
		v.l = layoutBracket(&m.st, a.lang(), v.round, a.narrow())
		v.version, v.lang, v.narrow = m.version, a.lang(), a.narrow()
		v.me = m.me()
		v.path = map[uint16]bool{}
		for _, id := range ownPath(m.st.Matches, v.me) {
			v.path[id] = true
		}
	}
	v.view = view
	if v.fitted.W != view.W || v.fitted.H != view.H {
		v.cam.start(v.l.bounds, view)
		v.fitted = view
	} else if v.fitted != view { // moved without resizing: keep the picture
		v.fitted = view
	}
	// The zoom buttons sit at the view's bottom left, above a sheet.
	bs, gap := 40.0, 8.0
	bx, by := view.X+8, view.Bottom()-bs-8
	if v.sheet() {
		by = v.block.Y - bs - 8
	}
	v.zout = button{name: "zoom-out", label: "−", r: Rect{bx, by, bs, bs}, style: styleChip}
	v.zin = button{name: "zoom-in", label: "+", r: Rect{bx + bs + gap, by, bs, bs}, style: styleChip}
	v.zfit = button{name: "zoom-fit", label: msgZoomFit.in(a.lang()), r: Rect{bx + 2*(bs+gap), by, 64, bs}, style: styleChip}
	v.prev, v.next = button{}, button{}
	if v.l.rounds > 1 {
		x := v.zfit.r.Right() + 3*gap
		if v.l.round > 1 {
			v.prev = button{name: "round-prev", label: "<", r: Rect{x, by, bs, bs}, style: styleChip}
		}
		if v.l.round < v.l.rounds {
			v.next = button{name: "round-next", label: ">", r: Rect{x + bs + gap, by, bs, bs}, style: styleChip}
		}
	}
	v.tapped = 0
	switch {
	case v.prev.name != "" && v.prev.update(&a.in):
		v.round, v.version = v.l.round-1, -1
	case v.next.name != "" && v.next.update(&a.in):
		v.round, v.version = v.l.round+1, -1
	case v.zin.update(&a.in):
		v.cam.zoomAt(1.25, view.CX(), view.CY(), view)
	case v.zout.update(&a.in):
		v.cam.zoomAt(0.8, view.CX(), view.CY(), view)
	case v.zfit.update(&a.in):
		v.cam.fit(v.l.bounds, view)
	default:
		v.pointer(a)
	}
	v.cam.keep(v.l.bounds, view)
	v.shown = v.shown[:0]
	for _, b := range v.l.boxes {
		r := v.cam.toScreen(b.r, view)
		if c, ok := intersect(r, view); ok {
			v.shown = append(v.shown, bracketBox{b.id, c})
		}
	}
	v.clipShown(v.block)
	return v.tapped
}

// sheet reports whether the panel over the view is a sheet across its
// bottom (a phone) rather than a card on its right.
func (v *bracketView) sheet() bool { return v.block.W > 0 && v.block.X <= v.view.X+1 }

// clipShown trims the boxes on screen to what a panel at block leaves
// visible (a panel on the right or a sheet at the bottom).
func (v *bracketView) clipShown(block Rect) {
	if block.W == 0 {
		return
	}
	v.block = block
	out := v.shown[:0]
	for _, b := range v.shown {
		if _, ok := intersect(b.r, block); ok {
			if v.sheet() {
				b.r.H = block.Y - b.r.Y
			} else {
				b.r.W = block.X - b.r.X
			}
		}
		if b.r.W > 4 && b.r.H > 4 {
			out = append(out, b)
		}
	}
	v.shown = out
}

// pointer handles the wheel, pinches, drags and taps.
func (v *bracketView) pointer(a *app) {
	in := &a.in
	view := v.view
	if in.wheel != 0 && view.Contains(in.hoverX, in.hoverY) && !v.block.Contains(in.hoverX, in.hoverY) {
		v.cam.zoomAt(math.Pow(1.15, clamp(in.wheel, -4, 4)), in.hoverX, in.hoverY, view)
	}
	if in.pinch > 0 {
		if v.pinch > 0 {
			v.cam.zoomAt(in.pinch/v.pinch, in.pinchX, in.pinchY, view)
		}
		v.pinch = in.pinch
		v.down, v.dragging = false, false // two fingers never tap
		return
	}
	v.pinch = 0
	if in.press && view.Contains(in.x, in.y) && !v.block.Contains(in.x, in.y) && !v.overButtons(in.x, in.y) {
		v.down, v.dragging = true, false
		v.sx, v.sy, v.lx, v.ly = in.x, in.y, in.x, in.y
	}
	if !v.down {
		return
	}
	if in.held {
		if math.Hypot(in.heldX-v.sx, in.heldY-v.sy) > dragSlop {
			v.dragging = true
		}
		if v.dragging {
			v.cam.pan(in.heldX-v.lx, in.heldY-v.ly)
		}
		v.lx, v.ly = in.heldX, in.heldY
		return
	}
	// Released (or pressed and released within one frame): a tap unless
	// it was a drag.
	v.down = false
	if !v.dragging {
		v.tapped = v.hit(v.sx, v.sy)
	}
}

func (v *bracketView) overButtons(x, y float64) bool {
	return v.zin.r.Contains(x, y) || v.zout.r.Contains(x, y) || v.zfit.r.Contains(x, y) ||
		v.prev.r.Contains(x, y) || v.next.r.Contains(x, y)
}

// hit returns the match whose box is at screen point (x, y), or 0.
func (v *bracketView) hit(x, y float64) uint16 {
	for _, b := range v.l.boxes {
		if v.cam.toScreen(b.r, v.view).Contains(x, y) {
			return b.id
		}
	}
	return 0
}

// intersect returns the overlap of a and b.
func intersect(a, b Rect) (Rect, bool) {
	x0, y0 := max(a.X, b.X), max(a.Y, b.Y)
	x1, y1 := min(a.Right(), b.Right()), min(a.Bottom(), b.Bottom())
	if x1 <= x0 || y1 <= y0 {
		return Rect{}, false
	}
	return Rect{x0, y0, x1 - x0, y1 - y0}, true
}

// targets are the boxes on screen and the zoom buttons.
func (v *bracketView) targets() []Target {
	ts := make([]Target, 0, len(v.shown)+5)
	for _, b := range v.shown {
		ts = append(ts, Target{Name: "match-" + strconv.Itoa(int(b.id)), R: b.r})
	}
	ts = append(ts, v.zout.target(), v.zin.target(), v.zfit.target())
	for _, b := range []button{v.prev, v.next} {
		if b.name != "" {
			ts = append(ts, b.target())
		}
	}
	return ts
}

// draw draws the bracket clipped to the view, then the zoom buttons.
func (v *bracketView) draw(c *canvas, m *tourModel, selected uint16) {
	p := c.pal
	c.fill(v.view, 14, mix(p.Bg, p.Panel, 0.45))
	c.flush()
	s := c.s
	clip := c.dst.SubImage(rectDev(v.view, s)).(*ebiten.Image)
	cc := &canvas{dst: clip, s: s, txt: c.txt, pal: p}
	z := v.cam.zoom
	for _, k := range v.l.links {
		v.drawLink(cc, k)
	}
	for _, h := range v.l.heads {
		r := v.cam.toScreen(h.rect(), v.view)
		px := 15.0
		col := p.Dim
		if h.w > boxW+1 {
			px, col = 17, p.Text
		}
		if q := zoomPx(px, z); q > 0 {
			cc.text(clipText(c.txt, h.label, q, r.W), r.X, r.CY(), q, col, AlignStart)
		}
	}
	if v.l.table.H > 0 {
		v.drawTable(cc, m)
	}
	for _, b := range v.l.boxes {
		bm := m.match(b.id)
		if bm == nil {
			continue
		}
		r := v.cam.toScreen(b.r, v.view)
		if _, ok := intersect(Rect{r.X, r.Y - boxBadge*z, r.W, r.H + boxBadge*z}, v.view); !ok {
			continue
		}
		drawMatchBox(cc, m, bm, r, z, v.path[b.id], b.id == selected, v.lang)
	}
	cc.flush()
	c.stroke(v.view, 14, 1, p.Line)
	v.zout.draw(c)
	v.zin.draw(c)
	v.zfit.draw(c)
	for _, b := range []*button{&v.prev, &v.next} {
		if b.name != "" {
			b.draw(c)
		}
	}
}

// rectDev is r in device pixels, as an image rectangle.
func rectDev(r Rect, s float64) image.Rectangle {
	return image.Rect(int(math.Floor(r.X*s)), int(math.Floor(r.Y*s)), int(math.Ceil(r.Right()*s)), int(math.Ceil(r.Bottom()*s)))
}

// zoomPx is a text size at zoom z, rounded to half pixels so the font
// keeps few faces; 0 when it would be too small to read.
func zoomPx(px, z float64) float64 {
	q := math.Round(px*z*2) / 2
	if q < 8 {
		return 0
	}
	return q
}

// clipText shortens s with an ellipsis until it fits in w at size px.
func clipText(t *Text, s string, px, w float64) string {
	if t.Width(s, px) <= w {
		return s
	}
	rs := []rune(s)
	for len(rs) > 0 {
		rs = rs[:len(rs)-1]
		if x := string(rs) + "…"; t.Width(x, px) <= w {
			return x
		}
	}
	return ""
}

// drawLink draws the elbow from one box's right edge to the next box's
// left edge, in the accent colour along the viewing player's path.
func (v *bracketView) drawLink(c *canvas, k bracketLink) {
	a, okA := v.l.box(k.from)
	b, okB := v.l.box(k.to)
	if !okA || !okB {
		return
	}
	x0, y0 := v.cam.point(a.Right(), a.CY(), v.view)
	x1, y1 := v.cam.point(b.X, b.CY(), v.view)
	xm := (x0 + x1) / 2
	col, w := c.pal.Line, 1.5
	if v.path[k.from] && v.path[k.to] {
		col, w = c.pal.Accent, 2.5
	}
	c.line(x0, y0, xm, y0, w, col)
	c.line(xm, y0, xm, y1, w, col)
	c.line(xm, y1, x1, y1, w, col)
}
