package game

import (
	"math"
	"slices"
	"strconv"

	"github.com/osarena/osarena/sim/disk"
	"github.com/osarena/osarena/sim/quiz"
)

// diskPicture is disk scheduling: the platter seen from above with its
// tracks and the head arm, and beside it (below it on a phone) the
// cylinder-axis chart of the path, one row per stop. disk.next is answered
// by clicking a cylinder on the axis; the step plays the head's move.
type diskPicture struct {
	sp       *questionSpec
	tr       *disk.Trace
	whole    bool    // the question is about the whole path (movement)
	platter  Rect    // the square the platter is drawn in
	chart    Rect    // the path chart
	axisY    float64 // y of the cylinder axis
	rowH     float64 // height of one stop in the chart
	ps       []pick
	legendY  float64
	narrowed bool
}

func newDiskPicture(sp *questionSpec, tr *disk.Trace) *diskPicture {
	return &diskPicture{sp: sp, tr: tr, whole: sp.Family == quiz.DiskMovement}
}

// cx maps a cylinder to x on the axis.
func (d *diskPicture) cx(cyl float64) float64 {
	return d.chart.X + cyl/float64(max(1, d.tr.Cylinders-1))*d.chart.W
}

func (d *diskPicture) layout(_ *Text, x, y, w, h float64, narrow bool) float64 {
	d.narrowed = narrow
	n := len(d.tr.Steps)
	h = clamp(h, 260, 430)
	chips := 0.0
	if d.sp.Family == quiz.DiskNext {
		chips = 62 // two rows of answer chips above the axis
	}
	if narrow {
		s := min(150, w*0.45)
		d.platter = Rect{x + (w-s)/2, y + 4, s, s}
		y = d.platter.Bottom() + 14
		d.chart = Rect{x + 14, y + 56 + chips, w - 28, 0}
	} else {
		s := min(h-20, 240.0, w*0.3)
		d.platter = Rect{x, y + 10, s, s}
		d.chart = Rect{x + s + 56, y + 56 + chips, w - s - 56 - 20, 0}
	}
	d.rowH = clamp((h-70-chips)/float64(n+1), 14, 26)
	if narrow {
		d.rowH = clamp(170/float64(n+1), 12, 22)
	}
	d.chart.H = d.rowH * float64(n+1)
	d.axisY = d.chart.Y - 8
	d.legendY = d.chart.Y - 48 - chips
	// Answer targets: a chip on the axis for each choice, stacked where two
	// would overlap.
	d.ps = d.ps[:0]
	if d.sp.Family == quiz.DiskNext {
		cw := 40.0
		if narrow {
			cw = 34
		}
		// Left to right, each chip on the first of the two rows where it
		// clears the chip before it (else the row that ends sooner).
		order := make([]int, len(d.sp.Choices))
		for i := range order {
			order[i] = i
		}
		slices.SortStableFunc(order, func(a, b int) int { return int(d.sp.Choices[a].Value - d.sp.Choices[b].Value) })
		rows := make([]Rect, len(d.sp.Choices))
		end := [2]float64{math.Inf(-1), math.Inf(-1)}
		for _, i := range order {
			px := d.cx(float64(d.sp.Choices[i].Value)) - cw/2
			row := 0
			switch {
			case px >= end[0]+2:
			case px >= end[1]+2 || end[1] < end[0]:
				row = 1
			}
			end[row] = px + cw
			rows[i] = Rect{px, d.axisY - 32 - float64(row)*30, cw, 24}
		}
		for i, ch := range d.sp.Choices {
			d.ps = append(d.ps, pick{name: "cyl-" + strconv.FormatInt(ch.Value, 10), value: ch.Value, r: rows[i], what: nounCylinder})
		}
	}
	bottom := max(d.chart.Bottom(), d.platter.Bottom()) + 14
	return bottom
}

func (d *diskPicture) picks() []pick { return d.ps }

// pickRows puts the cylinder chips in one row: they lie along the axis,
// staggered on two heights only so that they do not overlap.
func (d *diskPicture) pickRows() []int { return make([]int, len(d.ps)) }

// points are where the head passes in step j: From, the turns, Cylinder.
func (d *diskPicture) points(j int) []int {
	s := d.tr.Steps[j]
	pts := append([]int{s.From}, s.Via...)
	return append(pts, s.Cylinder)
}

// headAt returns the head's cylinder after step j has played to p, and the
// index of the leg it is on.
func (d *diskPicture) headAt(j int, p float64) float64 {
	pts := d.points(j)
	total := 0.0
	for i := 1; i < len(pts); i++ {
		total += math.Abs(float64(pts[i] - pts[i-1]))
	}
	want := total * clamp(p, 0, 1)
	for i := 1; i < len(pts); i++ {
		leg := math.Abs(float64(pts[i] - pts[i-1]))
		if want <= leg || i == len(pts)-1 {
			if leg == 0 {
				return float64(pts[i])
			}
			return lerp(float64(pts[i-1]), float64(pts[i]), min(1, want/leg))
		}
		want -= leg
	}
	return float64(pts[len(pts)-1])
}

// progress returns how many steps have fully played and how far the next
// one has (the whole path plays during a movement question's reveal).
func (d *diskPicture) progress(st *picState) (done int, p float64) {
	n := len(d.tr.Steps)
	if d.whole {
		if len(st.lit) == 0 {
			return 0, 0
		}
		f := st.p * float64(n)
		done = min(n, int(f))
		return done, f - float64(done)
	}
	return min(st.step, n), st.p
}

func (d *diskPicture) draw(c *canvas, st *picState) {
	pal, lang, tr := c.pal, st.lang, d.tr
	done, p := d.progress(st)
	head := float64(tr.Head)
	if done > 0 {
		head = float64(tr.Steps[done-1].Cylinder)
	}
	if done < len(tr.Steps) && p > 0 {
		head = d.headAt(done, p)
	}
	d.drawPlatter(c, head)

	// The axis, the pending requests and the served ones.
	ch := d.chart
	c.text(msgDiskPolicy.f(lang, term("disk.policy."+string(tr.Policy), lang), tr.Cylinders-1), ch.X, d.legendY, 14, pal.Dim, AlignStart)
	c.line(ch.X, d.axisY, ch.Right(), d.axisY, 2, pal.Line)
	for j, s := range tr.Steps {
		x := d.cx(float64(s.Cylinder))
		served := j < done || j == done && p >= 1
		if served {
			c.circle(x, d.axisY, 5, pal.Dim)
			c.circle(x, d.axisY, 3, pal.Bg)
		} else {
			c.circle(x, d.axisY, 5, pal.Accent)
		}
	}
	if len(d.ps) == 0 && len(st.lit) == 0 { // label the requests when no chips do
		// Left to right; a label too close to the one before it goes a
		// row up, so neighbours (54 and 61) do not print over each other.
		d.drawAxisLabels(c, true)
	} else {
		d.drawAxisLabels(c, false)
	}
	// The path so far: one row per stop, down the chart.
	prevX, prevY := d.cx(float64(tr.Head)), ch.Y
	c.circle(prevX, prevY, 4, pal.Hand)
	for j := 0; j < len(tr.Steps) && j <= done; j++ {
		pts := d.points(j)
		pp := 1.0
		if j == done {
			pp = p
		}
		if pp <= 0 {
			break
		}
		rowY := ch.Y + float64(j+1)*d.rowH
		end := d.headAt(j, pp)
		d.drawLeg(c, j, pts, prevY, rowY, pp, end)
		prevX, prevY = d.cx(end), lerp(prevY, rowY, pp)
		if pp >= 1 {
			c.circle(prevX, rowY, 4, pal.Hand)
			if !d.narrowed || len(tr.Steps) < 8 {
				c.text(strconv.Itoa(tr.Steps[j].Cylinder), prevX+8, rowY, 12, pal.Dim, AlignStart)
			}
		}
	}
	c.line(d.cx(head), d.axisY, d.cx(head), d.axisY+6, 3, pal.Hand)
	if d.whole && len(st.lit) > 0 && st.p >= 1 {
		c.text(msgMovement.f(lang, tr.Movement), ch.Right(), d.legendY, 15, pal.Good, AlignEnd)
	}
	d.drawChips(c, st)
}

// drawLeg draws step j's path from row y0 to row y1, played to pp.
func (d *diskPicture) drawLeg(c *canvas, j int, pts []int, y0, y1, pp, end float64) {
	pal := c.pal
	s := d.tr.Steps[j]
	total := 0.0
	for i := 1; i < len(pts); i++ {
		total += math.Abs(float64(pts[i] - pts[i-1]))
	}
	walked := 0.0
	for i := 1; i < len(pts); i++ {
		leg := math.Abs(float64(pts[i] - pts[i-1]))
		if total > 0 && walked/total >= pp {
			break
		}
		f0, f1 := walked/max(total, 1), (walked+leg)/max(total, 1)
		to := float64(pts[i])
		if f1 > pp {
			to, f1 = end, pp
		}
		ya, yb := lerp(y0, y1, f0), lerp(y0, y1, f1)
		jump := len(s.Jump) == 2 && pts[i-1] == s.Jump[0] && pts[i] == s.Jump[1]
		col, lw := pal.Hand, 2.5
		if jump {
			col, lw = alpha(pal.Hand, 0.45), 1.5
		}
		c.line(d.cx(float64(pts[i-1])), ya, d.cx(to), yb, lw, col)
		walked += leg
	}
}

// drawChips draws the answer targets on the axis.
func (d *diskPicture) drawChips(c *canvas, st *picState) {
	pal := c.pal
	for i, pk := range d.ps {
		bg, fg, edge := pal.Panel2, pal.Text, pal.Line
		switch {
		case containsValue(st.lit, pk.value):
			bg, edge = alpha(pal.Good, 0.3), pal.Good
		case containsValue(st.wrong, pk.value):
			bg, edge = alpha(pal.Bad, 0.25), pal.Bad
		case i == st.hover:
			bg, edge = pal.Accent, pal.Accent
			fg = pal.AccentText
		}
		c.line(pk.r.CX(), pk.r.Bottom(), d.cx(float64(pk.value)), d.axisY, 1, edge)
		c.fill(pk.r, 6, bg)
		c.stroke(pk.r, 6, 1.5, edge)
		c.text(strconv.FormatInt(pk.value, 10), pk.r.CX(), pk.r.CY(), 13, fg, AlignCenter)
		if st.keys && i < 9 && i != st.ring { // the ring would cut through it
			c.text(strconv.Itoa(i+1), pk.r.X-1, pk.r.Y+1, 11, pal.Faint, AlignEnd)
		}
	}
}

// drawPlatter draws the disk from above: tracks, the spindle and the arm
// with its head over the cylinder head.
func (d *diskPicture) drawPlatter(c *canvas, head float64) {
	pal := c.pal
	r := d.platter
	R := r.W / 2
	cx, cy := r.CX(), r.CY()
	c.circle(cx, cy, R, pal.Panel2)
	rin, rout := R*0.22, R*0.94
	for i := 0; i <= 8; i++ {
		rr := lerp(rin, rout, float64(i)/8)
		c.ring(cx, cy, rr, 1, pal.Line)
	}
	c.circle(cx, cy, rin*0.7, pal.Panel)
	// The head sits on the track of its cylinder (the outermost is 0).
	hr := lerp(rout, rin, head/float64(max(1, d.tr.Cylinders-1)))
	c.ring(cx, cy, hr, 2, alpha(pal.Hand, 0.6))
	px, py := cx+R*1.05, cy+R*0.95 // the arm's pivot, outside the platter
	L := math.Hypot(px-cx, py-(cy-lerp(rin, rout, 0.5)))
	hx, hy := circleMeet(cx, cy, hr, px, py, L)
	c.line(px, py, hx, hy, 5, pal.Dim)
	c.circle(px, py, 8, pal.Dim)
	c.circle(hx, hy, 6, pal.Hand)
}

// circleMeet returns the upper-left point where the circle (x0, y0, r0)
// meets the circle (x1, y1, r1), or the nearest point when they do not.
func circleMeet(x0, y0, r0, x1, y1, r1 float64) (float64, float64) {
	dx, dy := x1-x0, y1-y0
	dd := math.Hypot(dx, dy)
	a := (r0*r0 - r1*r1 + dd*dd) / (2 * dd)
	h := math.Sqrt(max(0, r0*r0-a*a))
	mx, my := x0+a*dx/dd, y0+a*dy/dd
	return mx + h*dy/dd, my - h*dx/dd
}

// containsValue reports whether v is in vs.
func containsValue(vs []int64, v int64) bool {
	for _, x := range vs {
		if x == v {
			return true
		}
	}
	return false
}

// drawAxisLabels writes the axis's ends and, with requests, the requested
// cylinders, left to right; a label too close to the one before it goes a
// row up, so neighbours (54 and 61, 196 and 199) do not print over each other.
// Without requests, an end that an answer chip sits over is left unlabelled.
func (d *diskPicture) drawAxisLabels(c *canvas, requests bool) {
	pal, tr := c.pal, d.tr
	ends := []int{0, tr.Cylinders - 1}
	cyls := slices.Clone(ends)
	if requests {
		for _, s := range tr.Steps {
			cyls = append(cyls, s.Cylinder)
		}
	}
	slices.Sort(cyls)
	last := [2]float64{-1e9, -1e9}
	for _, v := range slices.Compact(cyls) {
		x, row := d.cx(float64(v)), 0
		if !requests && slices.ContainsFunc(d.ps, func(pk pick) bool { return pk.r.X < x+16 && pk.r.Right() > x-16 }) {
			continue // an answer chip sits over this end: its label would print across the chip
		}
		if x-last[0] < 26 {
			row = 1
		}
		last[row] = x
		px, clr := 12.0, pal.Dim
		if slices.Contains(ends, v) && !slices.ContainsFunc(tr.Steps, func(s disk.Step) bool { return s.Cylinder == v }) {
			px, clr = 13, pal.Faint
		}
		c.text(strconv.Itoa(v), x, d.axisY-14-float64(row)*14, px, clr, AlignCenter)
	}
}
