package game

import (
	"image/color"

	"github.com/osarena/osarena/sim/quiz"
)

// The two small charts of a card on My progress, laid out in Update
// (accuracyChart, timeChart) and drawn from that layout in Draw. Solo
// practice and matches are told apart by place and shape as well as by
// colour: the solo bar is the left one of each pair and its points are
// round, the match bar the right one and its points square.

// chartPoint is one bucket's mean answer time on the time chart.
type chartPoint struct {
	x, y float64
	ok   bool // the bucket has answered questions
}

// chart is one laid-out chart.
type chart struct {
	title string
	r     Rect // the whole chart, title included
	plot  Rect // the plotting area
	bars  [nSources][]Rect
	pts   [nSources][]chartPoint
	ticks []chartTick // y-axis labels and grid lines
	xl    [2]string   // the labels under the first and the last bucket
	empty bool        // nothing to show in the range
}

// chartTick is a labelled horizontal grid line.
type chartTick struct {
	y     float64
	label string
}

// plotArea is the part of r that holds the bars or points: below the
// title, right of the y labels, above the x labels.
func plotArea(r Rect) Rect {
	return Rect{r.X + 40, r.Y + 26, max(0, r.W-46), max(0, r.H-26-20)}
}

// xLabels are the dates under the first and the last bucket.
func xLabels(rg statRange, today int32, lang quiz.Lang) [2]string {
	m, d := dayDate(rg.firstDay(0, today))
	last := msgToday
	if rg.width > 1 {
		last = msgThisWeek
	}
	return [2]string{msgDateShort.f(lang, m, d), last.in(lang)}
}

// slot is bucket i's horizontal extent in plot.
func slot(plot Rect, n, i int) (x, w float64) {
	w = plot.W / float64(n)
	return plot.X + float64(i)*w, w
}

// accuracyChart lays out s's accuracy per bucket as pairs of bars (solo,
// then match) on a fixed 0–100% axis. A bucket with questions but no
// credit keeps a 2-pixel stub, so "all wrong" differs from "not played".
func accuracyChart(r Rect, s *series, rg statRange, today int32, lang quiz.Lang) chart {
	c := chart{title: msgAccuracy.in(lang), r: r, plot: plotArea(r), xl: xLabels(rg, today, lang), empty: s.all().Asked == 0}
	p := c.plot
	c.ticks = []chartTick{{p.Bottom(), "0"}, {p.Y + p.H/2, "50%"}, {p.Y, "100%"}}
	for src := range nSources {
		c.bars[src] = make([]Rect, rg.buckets)
		for i, a := range s.buckets[src] {
			if a.Asked == 0 {
				continue
			}
			x, w := slot(p, rg.buckets, i)
			bw := min(w*0.36, 12)
			h := max(2, a.accuracy()*p.H)
			bx := x + w/2 - bw - 0.5
			if src == srcMatch {
				bx = x + w/2 + 0.5
			}
			c.bars[src][i] = Rect{bx, p.Bottom() - h, bw, h}
		}
	}
	return c
}

// timeChart lays out s's mean answer time per bucket as points (joined
// between neighbouring buckets) on an axis from 0 to timeScale of the
// largest mean.
func timeChart(r Rect, s *series, rg statRange, today int32, lang quiz.Lang) chart {
	c := chart{title: msgMeanTime.in(lang), r: r, plot: plotArea(r), xl: xLabels(rg, today, lang), empty: s.all().Answered == 0}
	p := c.plot
	var most float64
	for src := range nSources {
		for _, a := range s.buckets[src] {
			most = max(most, a.meanMs())
		}
	}
	top := timeScale(most)
	c.ticks = []chartTick{{p.Bottom(), "0"}, {p.Y + p.H/2, fmtSeconds(top/2, lang)}, {p.Y, fmtSeconds(top, lang)}}
	for src := range nSources {
		c.pts[src] = make([]chartPoint, rg.buckets)
		for i, a := range s.buckets[src] {
			if a.Answered == 0 {
				continue
			}
			x, w := slot(p, rg.buckets, i)
			c.pts[src][i] = chartPoint{x + w/2, p.Bottom() - min(1, a.meanMs()/1000/top)*p.H, true}
		}
	}
	return c
}

// fmtSeconds is an axis label: whole seconds, or one decimal below 10.
func fmtSeconds(s float64, lang quiz.Lang) string {
	if s != float64(int(s)) {
		return msgSeconds1.f(lang, s)
	}
	return msgSecondsAxis.f(lang, int(s))
}

// sourceColor is the colour of a source's bars and points.
func sourceColor(p *palette, src source) color.RGBA {
	if src == srcMatch {
		return p.Hand
	}
	return p.Accent
}

// draw draws the chart as laid out.
func (ch *chart) draw(c *canvas) {
	pal, p := c.pal, ch.plot
	c.text(ch.title, ch.r.X, ch.r.Y+9, 13, pal.Dim, AlignStart)
	for _, t := range ch.ticks {
		clr := alpha(pal.Line, 0.6)
		if t.y == p.Bottom() {
			clr = pal.Line
		}
		c.line(p.X, t.y, p.Right(), t.y, 1, clr)
		c.text(t.label, p.X-6, t.y, 12, pal.Faint, AlignEnd)
	}
	c.text(ch.xl[0], p.X, p.Bottom()+11, 12, pal.Faint, AlignStart)
	c.text(ch.xl[1], p.Right(), p.Bottom()+11, 12, pal.Faint, AlignEnd)
	if ch.empty {
		return // the panel says so once for both charts
	}
	for src := range nSources {
		clr := sourceColor(pal, src)
		for _, b := range ch.bars[src] {
			c.fill(b, min(2, b.W/2), clr)
		}
		pts := ch.pts[src]
		for i, pt := range pts {
			if pt.ok && i > 0 && pts[i-1].ok {
				c.line(pts[i-1].x, pts[i-1].y, pt.x, pt.y, 2, alpha(clr, 0.8))
			}
		}
		for _, pt := range pts {
			if pt.ok {
				marker(c, pt.x, pt.y, src, clr)
			}
		}
	}
}

// marker draws a source's point: a disc for solo, a square for matches.
func marker(c *canvas, x, y float64, src source, clr color.RGBA) {
	if src == srcMatch {
		c.fill(Rect{x - 4, y - 4, 8, 8}, 1, clr)
		return
	}
	c.circle(x, y, 4, clr)
}

// drawSourceLegend draws the two sources' keys from (x, y) (its vertical
// centre) and returns the x after them.
func drawSourceLegend(c *canvas, x, y float64, lang quiz.Lang) float64 {
	for src := range nSources {
		clr := sourceColor(c.pal, src)
		c.fill(Rect{x, y - 6, 5, 12}, 1, clr)
		marker(c, x+14, y, src, clr)
		label := msgSoloLegend
		if src == srcMatch {
			label = msgMatchLegend
		}
		l := label.in(lang)
		c.text(l, x+24, y, 13, c.pal.Dim, AlignStart)
		x += 24 + c.txt.Width(l, 13) + 20
	}
	return x
}

// totalsLine is a card's totals: questions, accuracy and mean time.
func totalsLine(a agg, lang quiz.Lang) string {
	mean := msgNone.in(lang)
	if a.Answered > 0 {
		mean = msgSeconds1.f(lang, a.meanMs()/1000)
	}
	return msgTotalsLine.f(lang, a.Asked, pct(a), mean)
}

// pct is a's accuracy in whole percent.
func pct(a agg) int { return int(a.accuracy()*100 + 0.5) }
