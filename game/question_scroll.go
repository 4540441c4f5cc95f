package game

import (
	"image"

	"github.com/hajimehoshi/ebiten/v2"
)

// layoutPicture places the picture in r; when it may scroll (a phone) and
// is taller than r, it scrolls inside r and the y below r is returned.
func (q *question) layoutPicture(a *app, r Rect, scroll bool) float64 {
	if !scroll {
		q.sc = picScroll{}
		bottom := q.pic.layout(a.txt, r.X, r.Y, r.W, r.H, q.narrow)
		q.picks = q.pic.picks()
		q.whole = q.picks
		return bottom
	}
	top := r.Y - q.sc.off
	bottom := q.pic.layout(a.txt, r.X, top, r.W, r.H, q.narrow)
	changed := q.sc.fit(r, bottom-top)
	if q.sc.input(&a.in) || changed || q.scrollToFocus() {
		bottom = q.pic.layout(a.txt, r.X, r.Y-q.sc.off, r.W, r.H, q.narrow)
	}
	q.whole = q.pic.picks()
	q.picks = q.sc.visible(q.whole)
	if q.sc.scrolling() {
		bottom = r.Bottom()
	}
	return bottom
}

// scrollToFocus scrolls the picture so the target the focus ring is on
// (as laid out now) is in sight, and reports whether it scrolled.
func (q *question) scrollToFocus() bool {
	it, ok := q.kf.at()
	ps := q.pic.picks()
	if !ok || !q.kf.shown || it.id < 0 || it.id >= len(ps) {
		return false
	}
	return q.sc.reveal(ps[it.id].r)
}

// picScroll lets a picture taller than the room it is given (a phone held
// upright, with the prompt and the keypad below) scroll inside that room,
// so the answer controls stay on the screen: drag it, or turn the wheel.
// A press in a scrolling picture picks a target only when it is let go
// without dragging.
type picScroll struct {
	view         Rect    // the room; zero when the picture fits
	off, max     float64 // how far it is scrolled, and at most
	content      float64 // the picture's full height
	drag         bool
	moved        bool
	startX       float64
	startY, last float64
}

// scrolling reports whether the picture scrolls this frame.
func (s *picScroll) scrolling() bool { return s.view.W > 0 }

// fit records the picture's height (laid out from top-off) against the room
// r and returns whether the offset changed, when the picture must be laid
// out again.
func (s *picScroll) fit(r Rect, content float64) bool {
	if content <= r.H+2 {
		changed := s.off != 0
		*s = picScroll{}
		return changed
	}
	s.view, s.content, s.max = r, content, content-r.H
	old := s.off
	s.off = min(max(s.off, 0), s.max)
	return s.off != old
}

// input drags or wheels the picture; it takes a press in the room away
// from the rest of the question and gives it back at the release when the
// pointer did not move. It returns whether the offset changed.
func (s *picScroll) input(in *input) bool {
	if !s.scrolling() {
		s.drag = false
		return false
	}
	old := s.off
	switch {
	case in.press && s.view.Contains(in.x, in.y):
		s.drag, s.moved, s.startX, s.startY, s.last = true, false, in.x, in.y, in.y
		in.press = false
	case s.drag && in.held:
		s.off += s.last - in.heldY
		s.last = in.heldY
		if d := in.heldY - s.startY; d > 8 || d < -8 {
			s.moved = true
		}
	case s.drag:
		s.drag = false
		if !s.moved {
			in.press, in.x, in.y = true, s.startX, s.startY
		}
	}
	if in.wheel != 0 && in.over(s.view) {
		s.off -= in.wheel * 40
	}
	s.off = min(max(s.off, 0), s.max)
	return s.off != old
}

// reveal scrolls so that r (laid out at the current offset) is inside the
// room, with a margin, and reports whether the offset changed.
func (s *picScroll) reveal(r Rect) bool {
	if !s.scrolling() {
		return false
	}
	old := s.off
	switch {
	case r.Y < s.view.Y:
		s.off -= s.view.Y - r.Y + 8
	case r.Bottom() > s.view.Bottom():
		s.off += r.Bottom() - s.view.Bottom() + 8
	}
	s.off = min(max(s.off, 0), s.max)
	return s.off != old
}

// visible cuts the picks to the room; a pick whose middle is out of it gets
// an empty rectangle (the picks keep their order: keys 1–9 and hover index
// them).
func (s *picScroll) visible(ps []pick) []pick {
	if !s.scrolling() {
		return ps
	}
	out := make([]pick, len(ps))
	for i, p := range ps {
		out[i] = p
		if !s.view.Contains(p.r.CX(), p.r.CY()) {
			out[i].r = Rect{}
			continue
		}
		y0, y1 := max(p.r.Y, s.view.Y), min(p.r.Bottom(), s.view.Bottom())
		out[i].r.Y, out[i].r.H = y0, y1-y0
	}
	return out
}

// draw draws the picture clipped to the room, and a scroll bar.
func (s *picScroll) draw(c *canvas, drawPic func()) {
	if !s.scrolling() {
		drawPic()
		return
	}
	v := s.view
	clip := image.Rect(int(v.X*c.s), int(v.Y*c.s), int(v.Right()*c.s+0.5), int(v.Bottom()*c.s+0.5))
	c.flush() // what is queued was drawn before: it must not be clipped
	dst := c.dst
	c.dst = dst.SubImage(clip).(*ebiten.Image)
	drawPic()
	c.flush()
	c.dst = dst
	// The bar: the room's share of the picture, where it is.
	h := max(28, v.H*v.H/s.content)
	y := v.Y + (v.H-h)*s.off/s.max
	c.fill(Rect{v.Right() - 5, v.Y, 4, v.H}, 2, c.pal.Line)
	c.fill(Rect{v.Right() - 6, y, 6, h}, 3, c.pal.Accent)
}
