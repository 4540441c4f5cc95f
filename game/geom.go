package game

// Rect is a rectangle in logical (CSS) pixels.
type Rect struct{ X, Y, W, H float64 }

// Contains reports whether the point (x, y) is inside r.
func (r Rect) Contains(x, y float64) bool {
	return x >= r.X && x < r.X+r.W && y >= r.Y && y < r.Y+r.H
}

// Inset returns r shrunk by d on every side.
func (r Rect) Inset(d float64) Rect {
	return Rect{r.X + d, r.Y + d, max(0, r.W-2*d), max(0, r.H-2*d)}
}

// CX and CY return r's centre.
func (r Rect) CX() float64 { return r.X + r.W/2 }

// CY returns the vertical centre of r.
func (r Rect) CY() float64 { return r.Y + r.H/2 }

// Bottom returns the y just below r.
func (r Rect) Bottom() float64 { return r.Y + r.H }

// Right returns the x just right of r.
func (r Rect) Right() float64 { return r.X + r.W }

// lerp interpolates from a to b by t in [0, 1].
func lerp(a, b, t float64) float64 { return a + (b-a)*t }

// clamp limits v to [lo, hi].
func clamp(v, lo, hi float64) float64 { return max(lo, min(hi, v)) }

// easeInOut is a smooth 0→1 curve for animations.
func easeInOut(t float64) float64 {
	t = clamp(t, 0, 1)
	if t < 0.5 {
		return 2 * t * t
	}
	return 1 - 2*(1-t)*(1-t)
}

// rowLayout places n boxes of width w with gap g centred in [x, x+width).
func rowLayout(x, width float64, n int, w, g float64) []float64 {
	total := float64(n)*w + float64(max(n-1, 0))*g
	left := x + (width-total)/2
	xs := make([]float64, n)
	for i := range xs {
		xs[i] = left + float64(i)*(w+g)
	}
	return xs
}
