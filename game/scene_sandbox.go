package game

import (
	"encoding/json"
	"strconv"

	"github.com/osarena/osarena/sim/disk"
	"github.com/osarena/osarena/sim/quiz"
)

// sandboxScene is the homework checker: on the left (the whole screen on
// a phone) the simulation, its policy and settings, and a text box for the
// reference string or request queue; on the right (a second screen on a
// phone) the run, stepped through by sandboxView. What is typed runs as it
// is typed; a problem shows under the box in words. The setup is kept in
// browser storage.
type sandboxScene struct {
	set      sandboxSetup
	computed *sandboxSetup // what the run (or err) was made from
	err      *inputError
	view     sandboxView

	items, head, cyls *field // the text boxes of the current kind; nil when not on screen
	fieldsFor         sandboxKind
	showRun           bool // a phone shows the run instead of the setup

	lang      quiz.Lang
	narrow    bool
	x, w, top float64
	sub       []string
	summary   string // a phone's run screen: what runs
	setupR    Rect
	runR      Rect
	rows      []settingRow
	framesY   float64
	minus     button
	plus      button
	numbersY  float64 // the head and cylinder boxes' labels
	itemsY    float64
	hint      []string
	hintY     float64
	errLines  []string
	errY      float64
	show      button // a phone: to the run
	edit      button // a phone: back to the setup
	back      button
}

func newSandbox() *sandboxScene { return &sandboxScene{set: loadSandbox()} }

// Name implements Scene.
func (s *sandboxScene) Name() string { return "sandbox" }

// Update implements Scene.
func (s *sandboxScene) Update(a *app) {
	s.lang, s.narrow = a.lang(), a.narrow()
	lang := s.lang
	s.x, s.w = a.column(1220)
	s.top = a.margin() - 4
	runOnly := s.narrow && s.showRun
	s.back = button{name: "back", label: msgBack.in(lang), r: Rect{s.x + s.w - 110, s.top, 110, 40}}
	s.edit = button{name: "edit", label: msgSbEdit.in(lang), r: s.back.r}
	if runOnly {
		s.edit.r = Rect{s.x + s.w - 130, s.top, 130, 40}
	}
	y := s.top + 50
	if runOnly {
		s.sub, s.summary = nil, s.describeSetup()
		y += 18
	} else if s.narrow {
		s.sub = a.txt.Wrap(msgSandboxSub.in(lang), 15, s.w)
		y += float64(len(s.sub))*21 + 14
	} else { // one line beside the title, so the run gets the height
		s.sub = []string{msgSandboxSub.in(lang)}
		y += 6
	}
	if s.narrow {
		s.setupR = Rect{s.x, y, s.w, a.h - y - 12}
		s.runR = s.setupR
	} else {
		s.setupR = Rect{s.x, y, 340, a.h - y - 12}
		s.runR = Rect{s.x + 340 + 40, y, s.w - 380, a.h - y - 12}
	}

	if runOnly {
		s.removeFields()
	} else {
		s.layoutSetup(a, s.setupR)
	}
	s.recompute()
	typing := s.typing()
	if !s.narrow || s.showRun {
		s.view.update(a, s.runR, typing)
	}

	enter := s.enterInBox() // taken every frame, so a stale Enter never fires later
	switch {
	case runOnly && (s.edit.update(&a.in) || a.in.back):
		s.showRun = false
	case !runOnly && (s.back.update(&a.in) || a.in.back && !typing):
		s.removeFields()
		a.goTo(newTitle())
	case s.narrow && !runOnly && s.view.run != nil && (s.show.update(&a.in) || enter):
		s.showRun = true
		s.removeFields()
	case !s.narrow && enter:
		s.blurFields() // Enter leaves the box: the arrow keys step again
	}
}

// layoutSetup lays the setup out in r: the rows of chips, the frame count
// or the head and cylinder boxes, the items box with its hint and problem.
func (s *sandboxScene) layoutSetup(a *app, r Rect) {
	lang, set := s.lang, &s.set
	y := r.Y
	s.rows = s.rows[:0]
	row := func(label string, names, labels []string, sel int, choose func(int)) {
		rs, bottom := flow(a.txt, labels, r.X, y+26, r.W, 38, 8, 15)
		sr := settingRow{label: label, y: y}
		for i := range labels {
			b := button{name: names[i], label: labels[i], r: rs[i], style: styleChip, selected: i == sel}
			if b.update(&a.in) && i != sel {
				choose(i)
			}
			sr.opts = append(sr.opts, b)
		}
		s.rows = append(s.rows, sr)
		y = bottom + 18
	}
	kinds := []sandboxKind{kindReplace, kindDisk}
	row(msgSbSimulation.in(lang), []string{"kind-replace", "kind-disk"}, []string{msgSbReplace.in(lang), msgSbDisk.in(lang)},
		indexOf(kinds, set.Kind), func(i int) { set.Kind = kinds[i] })
	var names, labels []string
	if set.Kind == kindReplace {
		for _, p := range sandboxPolicies {
			names, labels = append(names, "policy-"+string(p)), append(labels, policyName(p))
		}
		row(msgPolicy.in(lang), names, labels, indexOf(sandboxPolicies, set.Policy), func(i int) { set.Policy = sandboxPolicies[i] })
		// Frames: − n +.
		s.framesY = y
		s.minus = button{name: "frames-minus", label: "−", r: Rect{r.X, y + 26, 48, 40}, disabled: set.Frames <= 1}
		s.plus = button{name: "frames-plus", label: "+", r: Rect{r.X + 48 + 72, y + 26, 48, 40}, disabled: set.Frames >= sandboxMaxFrames}
		if s.minus.update(&a.in) {
			set.Frames--
		}
		if s.plus.update(&a.in) {
			set.Frames++
		}
		y += 26 + 40 + 18
	} else {
		for _, p := range sandboxDiskPolicies {
			names, labels = append(names, "disk-"+string(p)), append(labels, term("disk.policy."+string(p), lang))
		}
		row(msgPolicy.in(lang), names, labels, indexOf(sandboxDiskPolicies, set.Disk), func(i int) { set.Disk = sandboxDiskPolicies[i] })
	}
	s.ensureFields()
	if set.Kind == kindDisk {
		s.numbersY = y
		half := (r.W - 12) / 2
		s.head.place(Rect{r.X, y + 26, half, 44}, 17)
		s.cyls.place(Rect{r.X + half + 12, y + 26, half, 44}, 17)
		set.Head, set.Cylinders = s.head.value(), s.cyls.value()
		y += 26 + 44 + 18
		last := "?"
		if n, err := strconv.Atoi(set.Cylinders); err == nil && n >= 2 {
			last = strconv.Itoa(n - 1)
		}
		dirs := []string{disk.Up, disk.Down}
		row(msgSbDirection.in(lang), []string{"dir-up", "dir-down"}, []string{msgSbUp.f(lang, last), msgSbDown.in(lang)},
			indexOf(dirs, set.Direction), func(i int) { set.Direction = dirs[i] })
	}
	s.itemsY = y
	s.items.place(Rect{r.X, y + 26, r.W, 48}, 18)
	hint := msgSbRefsHint
	if set.Kind == kindReplace {
		set.Refs = s.items.value()
	} else {
		set.Queue = s.items.value()
		hint = msgSbQueueHint
	}
	y += 26 + 48 + 8
	s.hint = a.txt.Wrap(hint.in(lang), 13, r.W)
	s.hintY = y
	y += float64(len(s.hint))*19 + 6
	s.errY = y
	s.errLines = nil
	s.recompute() // what is typed runs as it is typed
	if s.err != nil {
		s.errLines = a.txt.Wrap(s.err.in(lang), 15, r.W)
	}
	y += max(1, float64(len(s.errLines)))*21 + 12
	s.show = button{name: "show-run", label: msgSbShowRun.in(lang), r: Rect{r.X, y, r.W, 50}, style: stylePrimary, disabled: s.view.run == nil}
}

// recompute runs the setup again when it changed, keeping the position
// (clamped) so that two policies can be compared at the same step.
func (s *sandboxScene) recompute() {
	if s.computed != nil && *s.computed == s.set {
		return
	}
	pos := 0
	if s.view.run != nil && s.computed != nil && s.computed.Kind == s.set.Kind {
		pos = s.view.run.pos
	}
	set := s.set
	s.computed = &set
	run, e := runSandbox(set)
	s.err = e
	if run != nil {
		run.seek(pos)
	}
	s.view.setRun(run)
	set.save()
}

// ensureFields puts the text boxes of the current kind on the page.
func (s *sandboxScene) ensureFields() {
	if s.items != nil && s.fieldsFor == s.set.Kind {
		return
	}
	s.removeFields()
	s.fieldsFor = s.set.Kind
	if s.set.Kind == kindReplace {
		s.items = newField("sandbox-refs", s.set.Refs, "7 0 1 2 0 3", 200, false)
		return
	}
	s.items = newField("sandbox-queue", s.set.Queue, "98 183 37 122", 200, false)
	s.head = newField("sandbox-head", s.set.Head, "53", 6, false)
	s.cyls = newField("sandbox-cylinders", s.set.Cylinders, "200", 6, false)
}

func (s *sandboxScene) removeFields() {
	for _, f := range []**field{&s.items, &s.head, &s.cyls} {
		if *f != nil {
			(*f).remove()
			*f = nil
		}
	}
}

func (s *sandboxScene) blurFields() {
	for _, f := range []*field{s.items, s.head, s.cyls} {
		if f != nil {
			f.blur()
		}
	}
}

// typing reports whether a text box has the keyboard.
func (s *sandboxScene) typing() bool {
	for _, f := range []*field{s.items, s.head, s.cyls} {
		if f != nil && f.focused() {
			return true
		}
	}
	return false
}

// enterInBox reports whether Enter was pressed in a text box this frame.
func (s *sandboxScene) enterInBox() bool {
	hit := false
	for _, f := range []*field{s.items, s.head, s.cyls} {
		if f != nil && f.takeEnter() {
			hit = true
		}
	}
	return hit
}

// describeSetup names what runs, for a phone's run screen: "FIFO · 3 frames".
func (s *sandboxScene) describeSetup() string {
	if s.set.Kind == kindDisk {
		return term("disk.policy."+string(s.set.Disk), s.lang) + " · " + msgSbHead.in(s.lang) + " " + s.set.Head
	}
	return policyName(s.set.Policy) + " · " + msgFrames.f(s.lang, s.set.Frames)
}

// Draw implements Scene.
func (s *sandboxScene) Draw(c *canvas) {
	pal, lang := c.pal, s.lang
	runOnly := s.narrow && s.showRun
	c.text(msgSandbox.in(lang), s.x, s.top+18, 26, pal.Text, AlignStart)
	if runOnly {
		c.text(s.summary, s.x, s.top+48, 15, pal.Accent, AlignStart)
		s.edit.draw(c)
	} else {
		if s.narrow {
			c.lines(s.sub, s.x, s.top+42, 15, 21, pal.Dim, AlignStart)
		} else {
			x := s.x + c.txt.Width(msgSandbox.in(lang), 26) + 24
			c.text(s.sub[0], x, s.top+20, c.txt.Fit(s.sub[0], 15, 12, s.back.r.X-x-16), pal.Dim, AlignStart)
		}
		s.back.draw(c)
		s.drawSetup(c)
	}
	if s.narrow && !s.showRun {
		return
	}
	if s.view.run == nil {
		c.text(msgSbFixInput.in(lang), s.runR.X, s.runR.Y+20, 16, pal.Dim, AlignStart)
		return
	}
	s.view.draw(c)
}

func (s *sandboxScene) drawSetup(c *canvas) {
	pal, lang := c.pal, s.lang
	if !s.narrow {
		c.fill(Rect{s.setupR.Right() + 19, s.setupR.Y, 1, s.setupR.H}, 0, pal.Line)
	}
	for _, r := range s.rows {
		c.text(r.label, s.setupR.X, r.y+10, 14, pal.Dim, AlignStart)
		for i := range r.opts {
			r.opts[i].draw(c)
		}
	}
	if s.set.Kind == kindReplace {
		c.text(msgSbFrames.in(lang), s.setupR.X, s.framesY+10, 14, pal.Dim, AlignStart)
		s.minus.draw(c)
		s.plus.draw(c)
		c.text(strconv.Itoa(s.set.Frames), s.minus.r.Right()+36, s.minus.r.CY(), 22, pal.Text, AlignCenter)
		c.text(msgSbRefs.in(lang), s.setupR.X, s.itemsY+10, 14, pal.Dim, AlignStart)
	} else {
		c.text(msgSbHead.in(lang), s.setupR.X, s.numbersY+10, 14, pal.Dim, AlignStart)
		c.text(msgSbCylinders.in(lang), s.cyls.shown.X, s.numbersY+10, 14, pal.Dim, AlignStart)
		c.text(msgSbQueue.in(lang), s.setupR.X, s.itemsY+10, 14, pal.Dim, AlignStart)
	}
	c.lines(s.hint, s.setupR.X, s.hintY, 13, 19, pal.Faint, AlignStart)
	c.lines(s.errLines, s.setupR.X, s.errY, 15, 21, pal.Bad, AlignStart)
	if s.narrow {
		s.show.draw(c)
	}
}

// Targets implements Scene.
func (s *sandboxScene) Targets() []Target {
	var ts []Target
	if s.narrow && s.showRun {
		ts = append(ts, s.edit.target())
	} else {
		ts = append(ts, s.back.target())
		for _, r := range s.rows {
			for i := range r.opts {
				ts = append(ts, r.opts[i].target())
			}
		}
		if s.set.Kind == kindReplace {
			for _, b := range []*button{&s.minus, &s.plus} {
				if !b.disabled {
					ts = append(ts, b.target())
				}
			}
		}
		if s.items != nil {
			ts = append(ts, Target{Name: "items", R: s.items.shown})
		}
		if s.head != nil {
			ts = append(ts, Target{Name: "head", R: s.head.shown}, Target{Name: "cylinders", R: s.cyls.shown})
		}
		if s.narrow && !s.show.disabled {
			ts = append(ts, s.show.target())
		}
	}
	if !s.narrow || s.showRun {
		ts = append(ts, s.view.targets()...)
	}
	return ts
}

// hookInfo implements informer: the run as it is shown.
func (s *sandboxScene) hookInfo() string {
	in := sandboxInfo{Kind: s.set.Kind, View: "setup"}
	if !s.narrow || s.showRun {
		in.View = "run"
	}
	if s.view.run != nil {
		s.view.run.info(&in)
	}
	if s.err != nil {
		in.Error = s.err.Error()
	}
	b, _ := json.Marshal(in)
	return string(b)
}
