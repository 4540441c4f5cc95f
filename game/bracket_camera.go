package game

// Zoom limits of the bracket view: never more than maxZoom, and the first
// fit never enlarges past maxFit (a two-player bracket stays a sensible
// size).
const (
	maxZoom = 2.0
	maxFit  = 1.4
)

// camera maps the bracket's world to a view rectangle on screen: the world
// point (cx, cy) is at the view's centre, drawn zoom times its size.
type camera struct {
	zoom   float64
	cx, cy float64
	min    float64 // the smallest zoom allowed
}

// Text in the bracket is drawn at its size times the zoom: readZoom is
// the least zoom at which a player's name (15 px) stays readable (12 px;
// Hangul smears below that, CLIENT-NOTES.md).
const readZoom = 0.8

// Room a fit leaves: viewPad on every side, and zoomBar at the bottom,
// where the view's buttons are.
const (
	viewPad = 10.0
	zoomBar = 54.0
)

// fit shows all of world inside view, above the buttons' strip, centred,
// and sets the zoom limits.
func (c *camera) fit(world, view Rect) {
	h := view.H - viewPad - zoomBar
	z := min((view.W-2*viewPad)/max(world.W, 1), h/max(world.H, 1), maxFit)
	c.zoom, c.min = z, min(z, 0.5)
	c.cx = world.CX()
	c.cy = world.CY() - (viewPad+h/2-view.H/2)/z // drawn in the middle of the room left
	if world.H*z < h-40 && view.H > view.W {     // a tall phone view: start at the top
		c.cy = world.Y + (view.H/2-viewPad)/z
	}
}

// start is a bracket's first picture: all of it (fit) when it can be read
// that way, else its top left corner at readZoom, for the player to pan
// (a phone, or a large bracket); the zoom limits are fit's.
func (c *camera) start(world, view Rect) {
	c.fit(world, view)
	if c.zoom >= readZoom {
		return
	}
	c.zoom = readZoom
	c.cx = world.X + (view.W/2-viewPad)/c.zoom
	c.cy = world.Y + (view.H/2-viewPad)/c.zoom
}

// toScreen returns where world rectangle r is drawn.
func (c *camera) toScreen(r Rect, view Rect) Rect {
	x, y := c.point(r.X, r.Y, view)
	return Rect{x, y, r.W * c.zoom, r.H * c.zoom}
}

// point returns where the world point (x, y) is drawn.
func (c *camera) point(x, y float64, view Rect) (float64, float64) {
	return view.CX() + (x-c.cx)*c.zoom, view.CY() + (y-c.cy)*c.zoom
}

// toWorld returns the world point drawn at screen point (sx, sy).
func (c *camera) toWorld(sx, sy float64, view Rect) (float64, float64) {
	return c.cx + (sx-view.CX())/c.zoom, c.cy + (sy-view.CY())/c.zoom
}

// zoomAt multiplies the zoom by f (within the limits), keeping the world
// point under screen point (sx, sy) where it is.
func (c *camera) zoomAt(f, sx, sy float64, view Rect) {
	wx, wy := c.toWorld(sx, sy, view)
	c.zoom = clamp(c.zoom*f, c.min, maxZoom)
	c.cx = wx - (sx-view.CX())/c.zoom
	c.cy = wy - (sy-view.CY())/c.zoom
}

// pan moves the picture by (dx, dy) screen pixels.
func (c *camera) pan(dx, dy float64) {
	c.cx -= dx / c.zoom
	c.cy -= dy / c.zoom
}

// keep stops the picture from leaving the view: at least edge pixels of
// the world stay on screen on each axis.
func (c *camera) keep(world, view Rect) {
	const edge = 60.0
	s := c.toScreen(world, view)
	switch {
	case s.Right() < view.X+edge:
		c.cx -= (view.X + edge - s.Right()) / c.zoom
	case s.X > view.Right()-edge:
		c.cx += (s.X - (view.Right() - edge)) / c.zoom
	}
	switch {
	case s.Bottom() < view.Y+edge:
		c.cy -= (view.Y + edge - s.Bottom()) / c.zoom
	case s.Y > view.Bottom()-edge:
		c.cy += (s.Y - (view.Bottom() - edge)) / c.zoom
	}
}
