package game

import (
	"image/color"
	"math"
	"strconv"

	"github.com/osarena/osarena/sim/quiz"
	"github.com/osarena/osarena/sim/replace"
)

// frameLayout is where the frame-table view puts things, computed in
// Update for the screen at hand.
type frameLayout struct {
	refLabel float64 // y of the "reference string" label
	refs     []Rect  // one cell per reference
	incoming Rect    // where the next reference waits
	frames   []Rect  // one card per frame
	handY    float64 // y of the clock hand's tip
	bottom   float64 // y below the view
	refBits  bool    // the policy keeps reference bits (clock)
	writes   bool    // the scenario writes, so dirty bits matter
	bits     bool    // either: the frames show a row of bits
}

// layoutFrameTable lays the view out in the column [x, x+w) from y down.
func layoutFrameTable(tr *replace.Trace, x, y, w float64, narrow bool) frameLayout {
	var l frameLayout
	n, k := len(tr.Steps), tr.Frames
	l.refBits = len(tr.Steps[0].RefBits) > 0
	for _, s := range tr.Steps {
		l.writes = l.writes || s.Write
	}
	l.bits = l.refBits || l.writes
	// The reference string: one row, or two when the cells would be small.
	gap := 6.0
	rows, per := 1, n
	cs := math.Min(52, (w+gap)/float64(n)-gap)
	if cs < 30 {
		rows, per = 2, (n+1)/2
		cs = math.Min(52, (w+gap)/float64(per)-gap)
	}
	l.refLabel = y + 8
	y += 24
	for r := range rows {
		cnt := min(per, n-r*per)
		for _, cx := range rowLayout(x, w, cnt, cs, gap) {
			l.refs = append(l.refs, Rect{cx, y, cs, cs})
		}
		y += cs + 20
	}
	y += 10
	// The frames, with the next reference beside them (wide) or above them.
	fgap := 16.0
	if narrow {
		fgap = 8
	}
	avail := w
	if narrow {
		l.incoming = Rect{x + w/2 - 44, y + 22, 88, 64}
		y += 104
	} else {
		l.incoming = Rect{0, 0, 104, 78}
		avail = w - l.incoming.W - 48
	}
	fw := math.Min(160, (avail-float64(k-1)*fgap)/float64(k))
	fh := clamp(fw*1.05, 100, 168)
	if l.bits {
		fh = clamp(fw*1.2, 118, 180)
	}
	left, fwidth := x, w
	if !narrow {
		group := l.incoming.W + 48 + float64(k)*fw + float64(k-1)*fgap
		gx := x + (w-group)/2
		l.incoming.X, l.incoming.Y = gx, y+(fh-l.incoming.H)/2+10
		left, fwidth = gx+l.incoming.W+48, group-l.incoming.W-48
	}
	for _, fx := range rowLayout(left, fwidth, k, fw, fgap) {
		l.frames = append(l.frames, Rect{fx, y, fw, fh})
	}
	y += fh
	if tr.Steps[0].Hand != nil {
		l.handY = y + 6
		y += 52
	} else {
		y += 16
	}
	l.bottom = y
	return l
}

// frameView is what the view shows: a step of the trace played to p
// (0 = the state before the step, 1 = after it) and what is marked.
type frameView struct {
	tr      *replace.Trace
	step    int
	p       float64
	lit     int  // frame lit up as the correct answer, or -1
	wrong   int  // frame the player wrongly picked, or -1
	hover   int  // frame under the pointer, or -1
	keys    bool // show the 1–9 key of each frame
	reveal  bool // the victim may be tinted (the answer is known)
	lang    quiz.Lang
	compact bool
}

// state returns frame contents and bits before step s (s = 0: empty).
func state(tr *replace.Trace, s int) (pages []replace.Nullable, ref, dirty []int, hand int) {
	if s == 0 {
		pages = make([]replace.Nullable, tr.Frames)
		for i := range pages {
			pages[i] = replace.Null
		}
		return pages, make([]int, tr.Frames), make([]int, tr.Frames), 0
	}
	st := tr.Steps[s-1]
	if st.Hand != nil {
		hand = *st.Hand
	}
	return st.Frames, st.RefBits, st.Dirty, hand
}

// drawFrameTable draws the reference string, the next reference, the frames
// with their bits and the clock hand.
func drawFrameTable(c *canvas, l *frameLayout, v *frameView) {
	p, pal, lang := v.p, c.pal, v.lang
	st := v.tr.Steps[v.step]
	c.text(msgRefString.in(lang), l.refs[0].X, l.refLabel, 14, pal.Dim, AlignStart)
	drawLegend(c, l, lang)
	for i, r := range l.refs {
		s := v.tr.Steps[i]
		bg, fg := pal.Panel, pal.Text
		if i < v.step || i == v.step && p >= 1 {
			bg, fg = pal.Bg, pal.Dim
		}
		c.fill(r, 7, bg)
		if i == v.step {
			c.stroke(r.Inset(-2), 8, 2.5, pal.Accent)
		} else {
			c.stroke(r, 7, 1, pal.Line)
		}
		c.text(strconv.Itoa(s.Ref), r.CX(), r.CY()+1, math.Min(20, r.H*0.5), fg, AlignCenter)
		if s.Write {
			c.fill(Rect{r.Right() - 9, r.Y + 3, 6, 6}, 1, pal.Dirt)
		}
		if i < v.step || i == v.step && p >= 1 {
			if s.Hit {
				c.circle(r.CX(), r.Bottom()+9, 4.5, pal.Good)
				c.circle(r.CX(), r.Bottom()+9, 2.5, pal.Bg)
			} else {
				c.circle(r.CX(), r.Bottom()+9, 4.5, pal.Bad)
			}
		}
	}
	pages, ref, dirty, hand := state(v.tr, v.step)
	if p >= 0.7 {
		pages, ref, dirty = st.Frames, st.RefBits, st.Dirty
		if st.Hand != nil {
			hand = *st.Hand
		}
	}
	target := st.Frame
	for f, r := range l.frames {
		drawFrame(c, l, v, f, r, pages[f], bitAt(ref, f), bitAt(dirty, f), f == target)
	}
	// The next reference, waiting in its slot and then flying into its frame;
	// once the step has played, the slot previews the reference after it.
	c.stroke(l.incoming, 10, 1.5, pal.Line)
	c.text(msgIncoming.in(lang), l.incoming.CX(), l.incoming.Y-14, 14, pal.Dim, AlignCenter)
	if p >= 1 && v.step+1 < len(v.tr.Steps) {
		c.text(strconv.Itoa(v.tr.Steps[v.step+1].Ref), l.incoming.CX(), l.incoming.CY(), 28, pal.Faint, AlignCenter)
	}
	c.flush() // the flying card covers the frames' numbers
	if p < 0.7 {
		t := easeInOut((p - 0.2) / 0.5)
		fr := l.frames[target]
		dst := Rect{fr.CX() - l.incoming.W/2, fr.CY() - l.incoming.H/2, l.incoming.W, l.incoming.H}
		r := Rect{lerp(l.incoming.X, dst.X, t), lerp(l.incoming.Y, dst.Y, t), l.incoming.W, l.incoming.H}
		c.fill(r, 10, pal.Accent)
		c.text(strconv.Itoa(st.Ref), r.CX(), r.CY()-6, 30, pal.AccentText, AlignCenter)
		label := msgPage.f(lang, st.Ref)
		if st.Write {
			label += " · " + msgWrite.in(lang)
		}
		c.text(label, r.CX(), r.Bottom()-12, 13, pal.AccentText, AlignCenter)
	}
	if l.handY > 0 {
		drawHand(c, l, v, hand)
	}
}

func bitAt(bits []int, f int) int {
	if f < len(bits) {
		return bits[f]
	}
	return -1
}

// drawFrame draws one frame card.
func drawFrame(c *canvas, l *frameLayout, v *frameView, f int, r Rect, page replace.Nullable, ref, dirty int, target bool) {
	pal := c.pal
	st := v.tr.Steps[v.step]
	bg, edge, ew := pal.Panel, pal.Line, 1.5
	switch {
	case f == v.lit:
		bg, edge, ew = mix(pal.Panel, pal.Good, 0.18), pal.Good, 3.5
	case f == v.wrong:
		bg, edge, ew = mix(pal.Panel, pal.Bad, 0.15), pal.Bad, 3.5
	case f == v.hover:
		bg, edge, ew = pal.Panel2, pal.Accent, 2.5
	}
	c.fill(r, 12, bg)
	c.stroke(r, 12, ew, edge)
	c.text(msgFrame.f(v.lang, f), r.X+12, r.Y+17, 13, pal.Dim, AlignStart)
	if v.keys && f < 9 {
		k := Rect{r.Right() - 26, r.Y + 7, 19, 19}
		c.stroke(k, 4, 1.2, pal.Faint)
		c.text(strconv.Itoa(f+1), k.CX(), k.CY(), 12, pal.Dim, AlignCenter)
	}
	numY := r.Y + r.H*0.47
	if !l.bits {
		numY = r.Y + r.H*0.55
	}
	big := math.Min(44, r.W*0.36)
	switch {
	case target && st.Victim != replace.Null && v.p > 0 && v.p < 0.45:
		// The victim leaves: it lifts and fades.
		e := easeInOut(v.p / 0.45)
		c.text(strconv.Itoa(int(st.Victim)), r.CX(), numY-28*e, big, alpha(pal.Victim, 1-e), AlignCenter)
	case target && v.p >= 0.45 && v.p < 0.7:
		// Empty while the new page is on its way.
	case page == replace.Null:
		c.text(msgEmpty.in(v.lang), r.CX(), numY, 14, pal.Faint, AlignCenter)
	default:
		clr := pal.Text
		if target && v.reveal && st.Victim == page && v.p < 0.7 {
			clr = pal.Victim
		}
		if target && v.p >= 0.7 && v.p < 1 {
			clr = mix(pal.Accent, pal.Text, (v.p-0.7)/0.3)
		}
		c.text(strconv.Itoa(int(page)), r.CX(), numY, big, clr, AlignCenter)
	}
	if !l.bits {
		return
	}
	chips := []struct {
		name string
		v    int
		on   color.RGBA
	}{{"R", ref, pal.Accent}, {"D", dirty, pal.Dirt}}
	if !l.refBits {
		chips = chips[1:]
	} else if !l.writes {
		chips = chips[:1]
	}
	cw := math.Min(40, (r.W-30)/2)
	xs := rowLayout(r.X, r.W, len(chips), cw, 8)
	for i, ch := range chips {
		if ch.v < 0 {
			continue
		}
		cr := Rect{xs[i], r.Bottom() - 30, cw, 22}
		if ch.v == 1 {
			c.fill(cr, 5, ch.on)
			c.text(ch.name+" 1", cr.CX(), cr.CY(), 13, pal.AccentText, AlignCenter)
		} else {
			c.stroke(cr, 5, 1.2, pal.Faint)
			c.text(ch.name+" 0", cr.CX(), cr.CY(), 13, pal.Dim, AlignCenter)
		}
	}
}

// drawHand draws the clock hand under the frame it points at, sweeping
// forward while the step plays.
func drawHand(c *canvas, l *frameLayout, v *frameView, _ int) {
	k := len(l.frames)
	before, after := 0, 0
	if v.step > 0 && v.tr.Steps[v.step-1].Hand != nil {
		before = *v.tr.Steps[v.step-1].Hand
	}
	st := v.tr.Steps[v.step]
	if st.Hand != nil {
		after = *st.Hand
	}
	dist := (after - before + k) % k
	dist += k * (len(st.SecondChances) / k)
	pos := float64(before) + float64(dist)*easeInOut((v.p-0.1)/0.6)
	f := math.Mod(pos, float64(k))
	// Between the last frame and the first the hand jumps back (it wraps).
	i := int(f)
	x := lerp(l.frames[i].CX(), l.frames[(i+1)%k].CX(), f-float64(i))
	if i == k-1 {
		x = l.frames[i].CX()
	}
	c.triangle(x, l.handY+16, -math.Pi/2, 14, 9, c.pal.Hand)
	c.text(msgHand.in(v.lang), x, l.handY+27, 13, c.pal.Hand, AlignCenter)
}

// drawLegend explains the marks under the reference string, right-aligned
// above it: a filled dot is a fault, a ring a hit, a corner square a write.
func drawLegend(c *canvas, l *frameLayout, lang quiz.Lang) {
	pal := c.pal
	right := 0.0
	for _, r := range l.refs {
		right = max(right, r.Right())
	}
	items := []string{msgFaultShort.in(lang), msgHitShort.in(lang)}
	if l.writes {
		items = append(items, msgWrite.in(lang))
	}
	w := 0.0
	for _, it := range items {
		w += 16 + c.txt.Width(it, 14) + 14
	}
	// Right-aligned above the string, but never over the label on its left
	// (a short string's cells end early).
	x, y := max(right-w+14, l.refs[0].X+c.txt.Width(msgRefString.in(lang), 14)+24), l.refLabel
	for i, it := range items {
		switch i {
		case 0:
			c.circle(x+5, y, 4.5, pal.Bad)
		case 1:
			c.circle(x+5, y, 4.5, pal.Good)
			c.circle(x+5, y, 2.5, pal.Bg)
		case 2:
			c.fill(Rect{x + 2, y - 3, 6, 6}, 1, pal.Dirt)
		}
		c.text(it, x+16, y, 14, pal.Dim, AlignStart)
		x += 16 + c.txt.Width(it, 14) + 14
	}
}
