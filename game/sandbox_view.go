package game

import (
	"strconv"
	"strings"
	"time"

	"github.com/osarena/osarena/sim/disk"
	"github.com/osarena/osarena/sim/quiz"
	"github.com/osarena/osarena/sim/replace"
)

// Durations of the sandbox's animations.
const (
	sandboxStepTime = 800 * time.Millisecond  // one step playing
	sandboxPlayGap  = 1200 * time.Millisecond // between steps when playing
)

// sandboxView is the run side of the sandbox: the picture of the state at
// the current step (frametable.go's frames, view_disk.go's platter and
// chart), the stepper (first, back, play, forward, last, and a slider with
// a dot per step), what the step did, the counts so far and in all, and the
// paper table. When the picture and the table do not both fit, two tabs
// show one at a time. It changes the run's position; it draws only in draw.
type sandboxView struct {
	run  *sandboxRun
	lang quiz.Lang
	r    Rect

	// Stepping and playing.
	playing  bool
	animAt   time.Time // when the step now playing began (zero: none)
	animStep int
	lastStep time.Time
	now      time.Time

	// The picture: one of these, for run.
	fl    frameLayout
	dp    *diskPicture
	dspec questionSpec

	table     gridTable
	tabs      []button // picture, table; none when both fit
	tab       int
	showPic   bool
	showTable bool

	stepText []string
	stepY    float64
	stats    []string
	statsX   float64
	statsY   float64
	side     bool // the counts stand beside the controls
	first    button
	prev     button
	play     button
	next     button
	last     button
	slider   Rect
	dragging bool // a press began on the slider and is held
	narrow   bool
}

// setRun shows r (nil: nothing to show), keeping the view's other state.
func (v *sandboxView) setRun(r *sandboxRun) {
	v.run, v.playing, v.animAt = r, false, time.Time{}
	v.dp = nil
	if r != nil && r.kind == kindDisk {
		v.dp = newDiskPicture(&v.dspec, r.dt)
	}
}

// stepView is the step the picture shows and how far it has played.
func (v *sandboxView) stepView() (step int, p float64) {
	if !v.animAt.IsZero() {
		if el := v.now.Sub(v.animAt); el < sandboxStepTime {
			return v.animStep, float64(el) / float64(sandboxStepTime)
		}
	}
	if v.run.pos == 0 {
		return 0, 0
	}
	return v.run.pos - 1, 1
}

// forward serves one more step, animated.
func (v *sandboxView) forward() {
	if v.run.forward() {
		v.animAt, v.animStep, v.lastStep = v.now, v.run.pos-1, v.now
	}
}

// seek jumps to position p at once.
func (v *sandboxView) seek(p int) {
	v.run.seek(p)
	v.animAt = time.Time{}
}

// update lays the view out in r and handles the stepper, the slider, the
// tabs, a click on a table column and the keys (unless typing, when a text
// box has the keys).
func (v *sandboxView) update(a *app, r Rect, typing bool) {
	v.lang, v.r, v.now, v.narrow = a.lang(), r, a.now, a.narrow()
	if v.run == nil {
		return
	}
	run := v.run
	if !v.animAt.IsZero() && v.now.Sub(v.animAt) >= sandboxStepTime {
		v.animAt = time.Time{}
	}
	if v.playing && v.animAt.IsZero() && v.now.Sub(v.lastStep) >= sandboxPlayGap {
		if run.pos >= run.n {
			v.playing = false
		} else {
			v.forward()
		}
	}

	// The stepper block (buttons, slider, what the step did, the counts),
	// measured first: it keeps its place whatever the picture's size.
	v.stepText = a.txt.Wrap(v.describe(), 15, r.W)
	v.stats = v.statLines()
	bh := 44.0
	bw := min(76, (r.W-4*8-110)/4)
	pw := min(120, r.W-4*bw-4*8)
	controlsW := 4*bw + pw + 32
	// Beside the controls when there is room, else under them: the counts
	// (and the keys, on a keyboard).
	v.side = r.W-controlsW-24 >= 300
	stepperH := float64(len(v.stepText))*21 + 8 + bh + 12 + 26 + 10
	if !v.side {
		stepperH += float64(len(v.stats))*21 + 6
	}

	// The picture and the table: both when they fit, else tabs.
	if run.kind == kindReplace {
		v.table = replaceTable(run.rt, run.pos, v.lang)
	} else {
		v.table = diskTable(run, v.lang)
	}
	picH := v.layoutPicture(a, r.X, r.Y, r.W, r.H-stepperH)
	tableH := v.table.layout(a.txt, r.X, 0, r.W, v.narrow)
	v.tabs = v.tabs[:0]
	y := r.Y
	if picH-r.Y+stepperH+tableH+8 <= r.H {
		v.showPic, v.showTable = true, true
		y = picH
	} else {
		names := []string{"tab-picture", "tab-table"}
		labels := []string{msgSbPicture.in(v.lang), msgSbTable.in(v.lang)}
		rs, bottom := flow(a.txt, labels, r.X, r.Y, r.W, 36, 8, 15)
		for i := range labels {
			b := button{name: names[i], label: labels[i], r: rs[i], style: styleChip, selected: i == v.tab}
			if b.update(&a.in) {
				v.tab = i
			}
			v.tabs = append(v.tabs, b)
		}
		v.showPic, v.showTable = v.tab == 0, v.tab == 1
		y = bottom + 12
		if v.showPic {
			y = v.layoutPicture(a, r.X, y, r.W, r.Bottom()-y-stepperH)
		}
	}

	// The stepper.
	v.stepY = y + 4
	y = v.stepY + float64(len(v.stepText))*21 + 8
	v.statsX, v.statsY = r.X+controlsW+24, y+4
	xs := []float64{r.X, r.X + bw + 8, r.X + 2*bw + 16, r.X + 2*bw + pw + 24, r.X + 3*bw + pw + 32}
	v.first = button{name: "step-first", label: "|◀", r: Rect{xs[0], y, bw, bh}}
	v.prev = button{name: "step-back", label: "◀", r: Rect{xs[1], y, bw, bh}}
	v.play = button{name: "step-play", label: msgSbPlay.in(v.lang), r: Rect{xs[2], y, pw, bh}}
	v.next = button{name: "step-forward", label: "▶", r: Rect{xs[3], y, bw, bh}, style: stylePrimary}
	v.last = button{name: "step-last", label: "▶|", r: Rect{xs[4], y, bw, bh}}
	if v.playing {
		v.play.label = msgSbPause.in(v.lang)
	}
	v.first.disabled, v.prev.disabled = run.pos == 0, run.pos == 0
	v.next.disabled, v.last.disabled = run.pos == run.n, run.pos == run.n
	y += bh + 12
	v.slider = Rect{r.X, y, controlsW, 26}
	y += 26 + 10
	if !v.side {
		v.statsX, v.statsY = r.X, y
		y += float64(len(v.stats))*21 + 6
	}
	if v.showTable {
		v.table.layout(a.txt, r.X, y+8, r.W, v.narrow)
	}

	in := &a.in
	if !in.held && !in.press {
		v.dragging = false
	}
	switch {
	case v.first.update(in) || !typing && in.home:
		v.playing = false
		v.seek(0)
	case v.prev.update(in) || !typing && in.left:
		v.playing = false
		if run.back() {
			v.animAt = time.Time{}
		}
	case v.next.update(in) || !typing && in.right:
		v.playing = false
		v.forward()
	case v.last.update(in) || !typing && in.end:
		v.playing = false
		v.seek(run.n)
	case v.play.update(in) || !typing && in.enter:
		v.playing = !v.playing
		if v.playing && run.pos >= run.n {
			v.seek(0)
		}
		v.lastStep = v.now.Add(-sandboxPlayGap) // the first step at once
	case in.press && v.slider.Inset(-6).Contains(in.x, in.y) || v.dragging && in.held:
		// A drag that began on the slider scrubs, wherever the pointer goes.
		v.playing, v.dragging = false, true
		x := in.heldX
		if in.press {
			x = in.x
		}
		if p := v.sliderPos(x); p != run.pos {
			v.seek(p)
		}
	case in.press && v.showTable:
		if j := v.table.colAt(in.x, in.y); j >= 0 {
			v.playing = false
			if run.kind == kindReplace {
				v.seek(j + 1)
			} else {
				v.seek(j)
			}
		}
	}
	// The tables and counts follow a step taken this frame.
	if run.kind == kindReplace {
		v.table.cur, v.table.done = run.pos-1, run.pos
	} else {
		v.table.cur, v.table.done = run.pos, run.pos+1
	}
	v.stepText = a.txt.Wrap(v.describe(), 15, r.W)
	v.stats = v.statLines()
}

// layoutPicture places the picture from y in the width w with about h of
// height and returns the y below it.
func (v *sandboxView) layoutPicture(a *app, x, y, w, h float64) float64 {
	if v.run.kind == kindReplace {
		v.fl = layoutFrameTable(v.run.rt, x, y, w, v.narrow)
		return v.fl.bottom
	}
	return v.dp.layout(a.txt, x, y, w, max(h, 200), v.narrow)
}

// sliderPos is the position nearest x on the slider.
func (v *sandboxView) sliderPos(x float64) int {
	n := v.run.n
	f := (x - v.slider.X - 10) / max(1, v.slider.W-20)
	return max(0, min(n, int(f*float64(n)+0.5)))
}

// sliderX is where position p sits on the slider.
func (v *sandboxView) sliderX(p int) float64 {
	return v.slider.X + 10 + (v.slider.W-20)*float64(p)/float64(max(1, v.run.n))
}

// describe says what the current step did.
func (v *sandboxView) describe() string {
	run, lang := v.run, v.lang
	step := msgSbStep.f(lang, run.pos, run.n) + " · "
	if run.kind == kindReplace {
		if run.pos == 0 {
			return step + msgSbStart.in(lang)
		}
		st := run.rt.Steps[run.pos-1]
		switch {
		case st.Hit:
			return step + msgSbHit.f(lang, st.Ref, st.Frame)
		case st.Victim == replace.Null:
			return step + msgSbFault.f(lang, st.Ref, st.Frame)
		}
		s := step + msgSbFaultVictim.f(lang, st.Ref, int(st.Victim), st.Frame)
		if st.WriteBack {
			s += msgSbWriteBack.f(lang, int(st.Victim))
		}
		return s
	}
	tr := run.dt
	if run.pos == 0 {
		switch tr.Direction {
		case disk.Up:
			return step + msgSbDiskStart.f(lang, tr.Head, msgSbUpWord.in(lang))
		case disk.Down:
			return step + msgSbDiskStart.f(lang, tr.Head, msgSbDownWord.in(lang))
		}
		return step + msgSbDiskStartF.f(lang, tr.Head)
	}
	st := tr.Steps[run.pos-1]
	if len(st.Via) > 0 {
		via := make([]string, len(st.Via))
		for i, c := range st.Via {
			via[i] = strconv.Itoa(c)
		}
		return step + msgSbServedVia.f(lang, st.Cylinder, st.Distance, st.From, strings.Join(via, ", "))
	}
	return step + msgSbServed.f(lang, st.Cylinder, st.Distance, st.From)
}

// statLines are the counts so far and of the whole run.
func (v *sandboxView) statLines() []string {
	run, lang := v.run, v.lang
	if run.kind == kindReplace {
		tr := run.rt
		return []string{
			msgSbFaultsNow.f(lang, run.faults(run.pos), run.pos),
			msgSbFaultsAll.f(lang, tr.Faults, tr.Hits, percentOf(tr.Faults, len(tr.Steps))),
		}
	}
	tr := run.dt
	all := msgSbMoveAll.f(lang, tr.Movement)
	if tr.Movement != tr.MovementWithoutReturn {
		all = msgSbMoveNoReturn.f(lang, tr.Movement, tr.MovementWithoutReturn)
	}
	return []string{msgSbMoveNow.f(lang, run.movement(run.pos)), all}
}

// draw draws the view.
func (v *sandboxView) draw(c *canvas) {
	if v.run == nil {
		return
	}
	pal := c.pal
	for i := range v.tabs {
		v.tabs[i].draw(c)
	}
	step, p := v.stepView()
	if v.showPic {
		if v.run.kind == kindReplace {
			fv := frameView{tr: v.run.rt, step: step, p: p, lit: -1, wrong: -1, hover: -1, reveal: true, lang: v.lang}
			drawFrameTable(c, &v.fl, &fv)
		} else {
			st := picState{step: step, p: p, lang: v.lang, hover: -1, reveal: true}
			v.dp.draw(c, &st)
		}
		c.flush()
	}
	c.lines(v.stepText, v.r.X, v.stepY, 15, 21, pal.Text, AlignStart)
	for _, b := range []*button{&v.first, &v.prev, &v.play, &v.next, &v.last} {
		b.draw(c)
	}
	// The slider: a track, a dot per step, the knob at the position.
	s := v.slider
	c.fill(Rect{s.X + 10, s.CY() - 2, s.W - 20, 4}, 2, pal.Line)
	c.fill(Rect{s.X + 10, s.CY() - 2, v.sliderX(v.run.pos) - s.X - 10, 4}, 2, pal.Accent)
	if gap := (s.W - 20) / float64(max(1, v.run.n)); gap >= 7 {
		for i := 0; i <= v.run.n; i++ {
			col := pal.Faint
			if i <= v.run.pos {
				col = pal.Accent
			}
			c.circle(v.sliderX(i), s.CY(), 3, col)
		}
	}
	c.circle(v.sliderX(v.run.pos), s.CY(), 9, pal.Accent)
	c.circle(v.sliderX(v.run.pos), s.CY(), 4, pal.Bg)
	y := v.statsY
	for i, l := range v.stats {
		col := pal.Dim
		if i == len(v.stats)-1 {
			col = pal.Text
		}
		c.text(l, v.statsX, y+10, 15, col, AlignStart)
		y += 21
	}
	if v.side && !v.narrow {
		c.text(msgSbKeys.in(v.lang), v.statsX, y+14, 13, pal.Faint, AlignStart)
	}
	if v.showTable {
		v.table.draw(c)
	}
}

// targets lists the view's clickable things for the test hook.
func (v *sandboxView) targets() []Target {
	if v.run == nil {
		return nil
	}
	var ts []Target
	for i := range v.tabs {
		ts = append(ts, v.tabs[i].target())
	}
	for _, b := range []*button{&v.first, &v.prev, &v.play, &v.next, &v.last} {
		if !b.disabled {
			ts = append(ts, b.target())
		}
	}
	ts = append(ts, Target{Name: "slider", R: v.slider})
	if v.showTable {
		ts = append(ts, Target{Name: "table", R: v.table.bounds()})
	}
	return ts
}
