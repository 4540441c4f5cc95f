package game

import (
	"image/color"
	"slices"
	"strconv"
	"strings"

	"github.com/osarena/osarena/netcode"
	"github.com/osarena/osarena/sim/disk"
	"github.com/osarena/osarena/sim/quiz"
	"github.com/osarena/osarena/sim/replace"
)

// studyColors tell members' markers apart; the initial inside says who.
var studyColors = []color.RGBA{rgb(0x4f9dff), rgb(0xf2b84b), rgb(0x3ecf8e), rgb(0xff79c6), rgb(0xc792ea), rgb(0x2ec4d6), rgb(0xff9f5a), rgb(0xb5e853)}

// studyMarker is one member's prediction on the picture.
type studyMarker struct {
	r       Rect
	initial string
	value   int32
	right   int // 1 right, -1 wrong, 0 not played yet
	col     color.RGBA
	mine    bool
}

// studyChip is one member in the header.
type studyChip struct {
	r         Rect
	initial   string
	nick      string
	col       color.RGBA
	connected bool
	me        bool
}

// studyMode is what the picture shows.
type studyMode int

const (
	studyEmpty   studyMode = iota // nothing proposed yet
	studyPending                  // the next step waits for predictions
	studyPlaying                  // a step's animation plays
	studyShown                    // a played step, at rest
	studyStart                    // the view is back before the first step
)

// studyView lays out and draws a study room. layout and input run in
// Update; draw only reads.
type studyView struct {
	lang   quiz.Lang
	narrow bool
	x, w   float64
	top    float64
	title  string
	chips  []studyChip

	mode    studyMode
	playing bool
	shown   *netcode.StudyStep // the step on screen (cursor-1), or nil
	prompt  []string
	promptY float64

	// the picture
	replace bool
	ftr     *replace.Trace // the windowed trace of every input, nil when there is none
	fl      frameLayout
	fv      frameView
	empty   []Rect // frame cards before the first reference
	dp      *diskPicture
	dst     picState
	picks   []pick
	markers []studyMarker

	stepLabel string
	explain   []string
	explainR  Rect

	// the panel: keypad, queue, history controls
	inputLabel string
	display    Rect
	keys       []button
	propose    button
	queueText  string
	queueY     float64
	counter    string
	counterY   float64
	back, fwd  button
	step       button
}

// layout places everything for the screen and the room's state.
func (v *studyView) layout(a *app, s *studyScene) {
	st := s.m.st
	v.lang, v.narrow = a.lang(), a.narrow()
	m := a.margin()
	v.x, v.w = a.column(1220)
	v.top = m
	v.title = msgStudy.in(v.lang) + " · " + msgStudyCode.f(v.lang, st.Code)

	// Members, in a row under the title.
	v.chips = v.chips[:0]
	cx, cy := v.x, m+(map[bool]float64{true: 38, false: 44})[v.narrow]
	for i, mb := range st.Members {
		w := 34 + a.txt.Width(mb.Nickname, 14) + 12
		if cx+w > v.x+v.w-4 && i > 0 {
			break // the rest do not fit: their markers still say who they are
		}
		v.chips = append(v.chips, studyChip{r: Rect{cx, cy, w, 26}, initial: mb.Initial, nick: mb.Nickname,
			col: studyColors[i%len(studyColors)], connected: mb.Connected, me: mb.ID == s.m.me})
		cx += w + 8
	}

	// What is on screen.
	steps, cur := len(st.Steps), int(st.Cursor)
	v.shown = nil
	if cur > 0 {
		v.shown = &st.Steps[cur-1]
	}
	p := 1.0
	elapsed := a.now.Sub(s.m.playAt)
	v.playing = s.m.playing == cur-1 && cur > 0 && elapsed < studyPlay
	switch {
	case v.playing:
		v.mode, p = studyPlaying, float64(elapsed)/float64(studyPlay)
	case cur == steps && len(st.Queue) > 0:
		v.mode = studyPending
	case cur > 0:
		v.mode = studyShown
	case steps > 0 || len(st.Queue) > 0:
		v.mode = studyStart
	default:
		v.mode = studyEmpty
	}

	// The panel on the right (wide) or the controls below (phone).
	lx, lw := v.x, v.w
	panelX, panelW := v.x, v.w
	if !v.narrow {
		panelW = 330
		lw = v.w - panelW - 32
		panelX = v.x + v.w - panelW
	}
	y := cy + 40
	v.promptY = y
	v.prompt = a.txt.Wrap(v.promptText(s), 15, lw)
	if len(v.prompt) > 2 {
		v.prompt = v.prompt[:2]
	}
	y += float64(len(v.prompt))*20 + 14

	v.replace = st.Setup.Sim == netcode.StudyReplace
	if v.replace {
		y = v.layoutFrames(a, s, lx, y, lw, p)
	} else {
		y = v.layoutDisk(a, s, lx, y, lw, p)
	}

	// The explanation of the step on screen.
	v.stepLabel, v.explain = "", nil
	if v.shown != nil {
		sp := v.shown
		switch {
		case !v.replace:
			v.stepLabel = msgStudyServed.f(v.lang, cur, sp.Input)
		case sp.Hit:
			v.stepLabel = msgStudyHit.f(v.lang, cur, sp.Input)
		default:
			v.stepLabel = msgStudyFault.f(v.lang, cur, sp.Input)
		}
		v.stepLabel += " · " + v.rightText(s, sp)
		v.explain = a.txt.Wrap(sp.Explanation.Render(v.lang), 15, lw-32)
		if len(v.explain) > 4 {
			v.explain = v.explain[:4]
		}
	}
	eh := 0.0
	if v.shown != nil {
		eh = 44 + float64(len(v.explain))*21
	}
	v.explainR = Rect{lx, y + 4, lw, eh}
	y = v.explainR.Bottom() + 12

	// History controls and the keypad.
	if v.narrow {
		v.layoutControls(panelX, y, panelW)
		v.layoutKeypad(a, s, panelX, v.step.r.Bottom()+14, panelW)
	} else {
		ky := cy + 40
		v.layoutKeypad(a, s, panelX, ky, panelW)
		v.layoutControls(panelX, v.counterY+14, panelW)
	}
	v.counter = msgStudyNoSteps.in(v.lang)
	if steps > 0 {
		v.counter = msgStudyStepOf.f(v.lang, cur, steps)
	}
}

// promptText says what to do now.
func (v *studyView) promptText(s *studyScene) string {
	st := s.m.st
	switch {
	case int(st.Cursor) < len(st.Steps):
		return msgStudyPast.in(v.lang)
	case len(st.Queue) == 0 && len(st.Steps) == 0:
		return msgStudyStart.in(v.lang)
	case len(st.Queue) == 0:
		return msgStudyIdle.in(v.lang)
	case st.Setup.Sim == netcode.StudyReplace:
		return msgStudyAskFrame.f(v.lang, st.Queue[0]) + "  " + msgStudyPredicted.f(v.lang, len(st.Predictions), len(st.Members))
	}
	return msgStudyAskCyl.in(v.lang) + "  " + msgStudyPredicted.f(v.lang, len(st.Predictions), len(st.Members))
}

// rightText names who predicted the step right.
func (v *studyView) rightText(s *studyScene, sp *netcode.StudyStep) string {
	if len(sp.Predictions) == 0 {
		return msgStudyNobody.in(v.lang)
	}
	var who []string
	for _, p := range sp.Predictions {
		if _, mb := s.m.member(p.Member); mb != nil && p.Value == sp.Answer {
			who = append(who, mb.Initial)
		}
	}
	if len(who) == 0 {
		who = []string{"—"}
	}
	return msgStudyRight.f(v.lang, strings.Join(who, ", "))
}

// predictions returns the predictions the picture shows: the next step's
// while it waits, else the shown step's (with right or wrong).
func (v *studyView) predictions(s *studyScene) ([]netcode.StudyPrediction, *netcode.StudyStep) {
	switch v.mode {
	case studyPending:
		return s.m.st.Predictions, nil
	case studyShown:
		return v.shown.Predictions, v.shown
	case studyPlaying:
		return v.shown.Predictions, nil
	}
	return nil, nil
}

// marker makes member's marker for value centred at (x, y).
func (v *studyView) marker(a *app, s *studyScene, p netcode.StudyPrediction, x, y float64, sp *netcode.StudyStep) studyMarker {
	i, mb := s.m.member(p.Member)
	mk := studyMarker{initial: "?", value: p.Value, col: studyColors[0]}
	if mb != nil {
		mk.initial, mk.col, mk.mine = mb.Initial, studyColors[i%len(studyColors)], mb.ID == s.m.me
	}
	w := max(26, a.txt.Width(mk.initial, 14)+14)
	mk.r = Rect{x - w/2, y - 13, w, 26}
	if sp != nil {
		mk.right = -1
		if p.Value == sp.Answer {
			mk.right = 1
		}
	}
	return mk
}

// layoutFrames lays out the frame table with the inputs so far (a window
// of them on a long run) and the markers on the frames.
func (v *studyView) layoutFrames(a *app, s *studyScene, x, y, w, p float64) float64 {
	st := s.m.st
	k := int(st.Setup.Frames)
	refs := make([]int, 0, len(st.Steps)+len(st.Queue))
	for _, sp := range st.Steps {
		refs = append(refs, int(sp.Input))
	}
	for _, q := range st.Queue {
		refs = append(refs, int(q))
	}
	v.ftr, v.picks, v.markers, v.empty = nil, v.picks[:0], v.markers[:0], v.empty[:0]
	var tr *replace.Trace
	if len(refs) > 0 {
		tr, _ = replace.Run(replace.Config{Policy: replace.Policy(st.Setup.Policy), Frames: k, Refs: refs})
	}
	if tr == nil {
		fw := min(160, (w-float64(k-1)*16)/float64(k))
		for _, fx := range rowLayout(x, w, k, fw, 16) {
			v.empty = append(v.empty, Rect{fx, y + 30, fw, 120})
		}
		for i, r := range v.empty {
			v.picks = append(v.picks, pick{name: "frame-" + strconv.Itoa(i), value: int64(i), r: r})
		}
		return y + 30 + 120 + 20
	}
	cur := int(st.Cursor)
	f, fp := 0, 0.0 // the step index shown and how far it has played
	switch v.mode {
	case studyPending:
		f = len(st.Steps)
	case studyPlaying:
		f, fp = cur-1, p
	case studyShown:
		f, fp = cur-1, 1
	}
	// A window of the reference string around f on a long run.
	win := 20
	if v.narrow {
		win = 12
	}
	lo := 0
	if n := len(tr.Steps); n > win {
		lo = max(0, min(f-(win-4), n-win))
		if lo > 0 && f-lo < 1 {
			lo = f - 1
		}
		wt := *tr
		wt.Steps = tr.Steps[lo:min(n, lo+win)]
		tr = &wt
	}
	v.ftr = tr
	v.fl = layoutFrameTable(tr, x, y, w, v.narrow)
	v.fv = frameView{tr: tr, step: f - lo, p: fp, lit: -1, wrong: -1, hover: -1, lang: v.lang}
	if v.mode == studyShown || v.mode == studyPlaying && fp >= 0.7 {
		v.fv.lit = int(v.shown.Answer)
	}
	if v.mode == studyPending {
		for i, r := range v.fl.frames {
			v.picks = append(v.picks, pick{name: "frame-" + strconv.Itoa(i), value: int64(i), r: r})
			if a.in.over(r) {
				v.fv.hover = i
			}
		}
	}
	preds, sp := v.predictions(s)
	for fi, r := range v.fl.frames {
		var here []netcode.StudyPrediction
		for _, pr := range preds {
			if int(pr.Value) == fi {
				here = append(here, pr)
			}
		}
		xs := rowLayout(r.X, r.W, len(here), 28, 4)
		for j, pr := range here {
			v.markers = append(v.markers, v.marker(a, s, pr, xs[j]+14, r.Y-5, sp))
		}
	}
	return v.fl.bottom
}

// layoutDisk lays out the platter and the axis with the path so far (the
// last steps of a long run), the waiting requests as chips to tap, and
// the markers above them.
func (v *studyView) layoutDisk(a *app, s *studyScene, x, y, w, p float64) float64 {
	st := s.m.st
	cur := int(st.Cursor)
	end, done := cur, cur
	dp := 0.0
	switch v.mode {
	case studyPending:
		end, done = len(st.Steps), len(st.Steps)
	case studyPlaying:
		done, dp = cur-1, p
	}
	win := 12
	if v.narrow {
		win = 8
	}
	lo := max(0, end-win)
	tr := &disk.Trace{Policy: disk.Policy(st.Setup.Policy), Cylinders: int(st.Setup.Cylinders), Head: int(st.Setup.Head)}
	if lo > 0 {
		path := st.Steps[lo-1].Path
		tr.Head = int(path[len(path)-1])
	}
	for _, sp := range st.Steps[lo:end] {
		ds := disk.Step{From: int(sp.Path[0]), Cylinder: int(sp.Path[len(sp.Path)-1])}
		for _, c := range sp.Path[1 : len(sp.Path)-1] {
			ds.Via = append(ds.Via, int(c))
		}
		for _, c := range sp.Jump {
			ds.Jump = append(ds.Jump, int(c))
		}
		tr.Steps = append(tr.Steps, ds)
	}
	spec := &questionSpec{Family: quiz.DiskNext}
	if v.mode == studyPending {
		var cyls []int64
		for _, q := range st.Queue {
			cyls = append(cyls, int64(q))
		}
		slices.Sort(cyls)
		for _, c := range slices.Compact(cyls) {
			spec.Choices = append(spec.Choices, quiz.Choice{Value: c})
		}
	}
	v.dp = newDiskPicture(spec, tr)
	h := 330.0
	bottom := v.dp.layout(a.txt, x, y, w, h, v.narrow)
	v.dst = picState{step: done - lo, p: dp, lang: v.lang, hover: -1}
	v.picks, v.markers = v.picks[:0], v.markers[:0]
	for i, pk := range v.dp.picks() {
		v.picks = append(v.picks, pk)
		if a.in.over(pk.r) {
			v.dst.hover = i
		}
	}
	preds, sp := v.predictions(s)
	byCyl := map[int32][]netcode.StudyPrediction{} // looked up, never iterated
	var cyls []int32
	for _, pr := range preds {
		if len(byCyl[pr.Value]) == 0 {
			cyls = append(cyls, pr.Value)
		}
		byCyl[pr.Value] = append(byCyl[pr.Value], pr)
	}
	for _, c := range cyls {
		here := byCyl[c]
		cx := v.dp.cx(float64(c))
		xs := rowLayout(cx-float64(len(here))*15, float64(len(here))*30, len(here), 28, 2)
		for j, pr := range here {
			v.markers = append(v.markers, v.marker(a, s, pr, xs[j]+14, v.dp.axisY-84, sp))
		}
	}
	return bottom
}

// layoutKeypad places the input display, the digit keys and Add.
func (v *studyView) layoutKeypad(a *app, s *studyScene, x, y, w float64) {
	st := s.m.st
	if st.Setup.Sim == netcode.StudyReplace {
		v.inputLabel = msgStudyNextRef.in(v.lang) + " (" + msgStudyPageRange.in(v.lang) + ")"
	} else {
		v.inputLabel = msgStudyNextReq.in(v.lang) + " (" + msgStudyCylRange.f(v.lang, int(st.Setup.Cylinders)-1) + ")"
	}
	v.keys = v.keys[:0]
	key := func(name, label string, r Rect) {
		v.keys = append(v.keys, button{name: name, label: label, r: r})
	}
	if v.narrow {
		v.display = Rect{x, y + 22, w, 40}
		ky, kh, gap := v.display.Bottom()+8, 42.0, 6.0
		kw := (w - 5*gap) / 6
		row1 := []string{"1", "2", "3", "4", "5", "←"}
		row2 := []string{"6", "7", "8", "9", "0"}
		for i, l := range row1 {
			name := "key-" + l
			if l == "←" {
				name = "key-erase"
			}
			key(name, l, Rect{x + float64(i)*(kw+gap), ky, kw, kh})
		}
		for i, l := range row2 {
			key("key-"+l, l, Rect{x + float64(i)*(kw+gap), ky + kh + gap, kw, kh})
		}
		v.propose = button{name: "propose", label: msgStudyPropose.in(v.lang), r: Rect{x + 5*(kw+gap), ky + kh + gap, kw, kh}, style: stylePrimary}
		v.queueY = ky + 2*kh + gap + 18
		v.counterY = v.queueY
	} else {
		v.display = Rect{x, y + 22, w, 48}
		ky, kh, gap := v.display.Bottom()+10, 46.0, 8.0
		kw := (w - 2*gap) / 3
		labels := []string{"1", "2", "3", "4", "5", "6", "7", "8", "9", "←", "0"}
		for i, l := range labels {
			name := "key-" + l
			if l == "←" {
				name = "key-erase"
			}
			key(name, l, Rect{x + float64(i%3)*(kw+gap), ky + float64(i/3)*(kh+gap), kw, kh})
		}
		v.propose = button{name: "propose", label: msgStudyPropose.in(v.lang), r: Rect{x + 2*(kw+gap), ky + 3*(kh+gap), kw, kh}, style: stylePrimary}
		v.queueY = ky + 4*(kh+gap) + 12
		v.counterY = v.queueY + 26
	}
	v.propose.disabled = s.typed == ""
	var qs []string
	for _, q := range st.Queue {
		qs = append(qs, itoa32(q))
	}
	v.queueText = msgStudyQueueNone.in(v.lang)
	if len(qs) > 0 {
		v.queueText = msgStudyQueue.f(v.lang, strings.Join(qs, ", "))
	}
}

// layoutControls places Back, Forward and Play step from y.
func (v *studyView) layoutControls(x, y, w float64) {
	h := 46.0
	if v.narrow {
		bw := (w - 16) * 0.3
		v.back = button{name: "back", label: msgStudyBack.in(v.lang), r: Rect{x, y, bw, h}}
		v.fwd = button{name: "forward", label: msgStudyForward.in(v.lang), r: Rect{x + bw + 8, y, bw, h}}
		v.step = button{name: "step", label: msgStudyStep.in(v.lang), r: Rect{x + 2*bw + 16, y, w - 2*bw - 16, h}, style: stylePrimary}
		return
	}
	bw := (w - 8) / 2
	v.back = button{name: "back", label: msgStudyBack.in(v.lang), r: Rect{x, y, bw, h}}
	v.fwd = button{name: "forward", label: msgStudyForward.in(v.lang), r: Rect{x + bw + 8, y, bw, h}}
	v.step = button{name: "step", label: msgStudyStep.in(v.lang), r: Rect{x, y + h + 10, w, 54}, style: stylePrimary}
}

// input acts on this frame's input: keys, proposals, predictions, steps.
func (v *studyView) input(a *app, s *studyScene) {
	st := s.m.st
	limit := 2
	if st.Setup.Sim == netcode.StudyDisk {
		limit = len(strconv.Itoa(int(st.Setup.Cylinders) - 1))
	}
	typeDigit := func(d string) {
		if len(s.typed) < limit {
			s.typed = strings.TrimLeft(s.typed+d, "0")
			if s.typed == "" {
				s.typed = "0"
			}
		}
	}
	for i := range v.keys {
		if v.keys[i].update(&a.in) {
			if v.keys[i].name == "key-erase" {
				s.typed = s.typed[:max(0, len(s.typed)-1)]
			} else {
				typeDigit(v.keys[i].label)
			}
		}
	}
	for _, r := range a.in.chars {
		if r >= '0' && r <= '9' {
			typeDigit(string(r))
		}
	}
	if a.in.erase {
		s.typed = s.typed[:max(0, len(s.typed)-1)]
	}
	v.propose.disabled = s.typed == ""
	if (v.propose.update(&a.in) || a.in.enter) && s.typed != "" {
		n, err := strconv.Atoi(s.typed)
		if err == nil {
			s.send(netcode.TypePropose, &netcode.Propose{Input: int32(n)})
		}
		s.typed = ""
	}
	cur, steps := int(st.Cursor), len(st.Steps)
	v.back.disabled = cur == 0
	v.fwd.disabled = cur >= steps
	v.step.disabled = cur != steps || len(st.Queue) == 0
	switch {
	case v.back.update(&a.in):
		s.send(netcode.TypeBack, &netcode.Back{})
	case v.fwd.update(&a.in):
		s.send(netcode.TypeForward, &netcode.Forward{})
	case v.step.update(&a.in):
		s.send(netcode.TypeStep, &netcode.Step{})
	}
	if v.mode == studyPending {
		for _, pk := range v.picks {
			if a.in.pressed(pk.r) {
				s.send(netcode.TypePredict, &netcode.Predict{Value: int32(pk.value)})
			}
		}
	}
}

// targets are the clickable things, for the test hook.
func (v *studyView) targets() []Target {
	var ts []Target
	if v.mode == studyPending {
		for _, pk := range v.picks {
			ts = append(ts, Target{Name: pk.name, R: pk.r})
		}
	}
	for i := range v.keys {
		ts = append(ts, v.keys[i].target())
	}
	ts = append(ts, v.propose.target())
	for _, b := range []*button{&v.back, &v.fwd, &v.step} {
		if !b.disabled {
			ts = append(ts, b.target())
		}
	}
	return ts
}
