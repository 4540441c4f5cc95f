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

// fit shows all of world inside view, centred, and sets the zoom limits.
func (c *camera) fit(world, view Rect) {
	pad := 6.0
	z := min((view.W-2*pad)/max(world.W, 1), (view.H-2*pad)/max(world.H, 1), maxFit)
	c.zoom, c.min = z, min(z, 0.5)
	c.cx, c.cy = world.CX(), world.CY()
	if world.H*z < view.H-2*pad-40 && view.H > view.W { // a tall phone view: start at the top
		c.cy = world.Y + (view.H/2-pad)/z
	}
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
