package game

import (
	"encoding/json"
	"slices"
	"strconv"
	"strings"

	"github.com/osarena/osarena/sim/quiz"
)

// questionSpec is what a question on screen is built from: the parts a solo
// round (a *quiz.Question, see specOf) and a live round (the server's
// question message) both have. The correct answer is not part of it: a live
// client learns it only at the reveal (question.reveal).
type questionSpec struct {
	Family   quiz.Family
	Scenario json.RawMessage // the scenario document; the picture runs it
	Step     int             // the checkpoint: the picture shows the state before this step
	Prompt   quiz.Text
	Kind     quiz.AnswerKind // choice, number, slots or set
	Slots    int             // values of a slots answer (2 for paging.split); ignored otherwise
	Choices  []quiz.Choice   // Value and Label are used (choice answers)
	Rules    []quiz.Rule     // shown under the prompt when the catalog names them
}

// specOf returns the spec of a generated question.
func specOf(q *quiz.Question) questionSpec {
	return questionSpec{Family: q.Family, Scenario: q.Scenario, Step: q.Step, Prompt: q.Prompt,
		Kind: q.Answer.Kind, Slots: len(q.Answer.Values), Choices: q.Choices, Rules: q.Rules}
}

// trapAllowed reports whether a number answer may be "it traps"
// (quiz.Trap): address translations.
func (sp *questionSpec) trapAllowed() bool {
	return sp.Kind == quiz.KindNumber && strings.HasSuffix(string(sp.Family), ".translate")
}

// play is how a scene drives the question each frame: which step of the
// trace the picture shows and how far it has played (0 = the state before
// the step, 1 = after it), and whether answers are taken. A solo round takes
// both from its own clock, a live round from the server's.
type play struct {
	Step int
	P    float64
	Open bool // the player may answer now
}

// question is the question component that solo and live rounds share: the
// picture for the family's scenario kind, the prompt, and the ways to
// answer — clicking the picture's targets (a frame, a cylinder, a disk, a
// hole, a block, a page), choice buttons, a keypad for numbers (with a TRAP
// key for translations), multi-select with Submit for sets; and from the
// keyboard: keys 1–9 for the first nine targets or choices, a focus ring
// the arrows, Tab, Shift+Tab, Home and End move over all of them with
// Enter or Space to choose (question_focus.go), and 0–9, T, Tab,
// Backspace and Enter on the keypad. It returns the answer as []int64
// once, and after reveal it lights the correct target up while the step
// plays.
//
// On a phone held upright the picture gets the height the prompt and the
// controls leave, and scrolls inside it when it is taller (picScroll): the
// controls are always on the screen.
//
// Use: q, err := newQuestion(spec); each Update call q.update(a, area, pl)
// (it returns the answer in the frame it is given); when the correct answer
// is known call q.reveal(correct, picked); in Draw call q.draw(c); report
// q.targets() to the test hook. q.bottom() is the y below what it drew.
type question struct {
	spec questionSpec
	pic  picture
	sc   picScroll // a tall picture on a phone scrolls
	lang quiz.Lang

	st       picState // what the picture shows this frame
	picks    []pick   // the picture's answer targets this frame (scrolled out of sight: empty rectangles)
	whole    []pick   // the same, never cut by scrolling (for the focus's geometry)
	kf       focus    // the keyboard focus over the targets
	choices  []button // choice buttons (when the picture offers no targets)
	keys     []button // keypad (number and slots answers)
	slotBox  []Rect   // one display box per typed value
	submit   button   // sets, numbers and slots
	prompt   []string
	promptR  Rect
	rules    string
	hint     []string // the line telling how to answer, wrapped
	hintY    float64
	end      float64
	narrow   bool
	answered bool

	typed    []string // digits typed per slot ("T" = trap)
	cur      int      // the slot typed into
	selected []int64  // chosen values of a set answer
	correct  []int64  // set by reveal
	picked   []int64  // set by reveal
}

// newQuestion runs the spec's scenario and returns the question on it.
func newQuestion(spec questionSpec) (*question, error) {
	q := &question{spec: spec, kf: newFocus()}
	pic, err := newPicture(&q.spec)
	if err != nil {
		return nil, err
	}
	n := 1
	if spec.Kind == quiz.KindSlots {
		n = max(1, spec.Slots)
	}
	q.pic, q.typed = pic, make([]string, n)
	return q, nil
}

// reveal shows the correct answer and the player's (nil: none). From now on
// the picture lights the correct target and marks a wrong pick.
func (q *question) reveal(correct, picked []int64) {
	q.correct, q.picked, q.answered = correct, picked, true
}

// update lays the question out in area for this frame, reads the input when
// pl.Open and returns the answer in the frame it is given.
func (q *question) update(a *app, area Rect, pl play) (answer []int64, ok bool) {
	sp := &q.spec
	q.lang, q.narrow = a.lang(), a.narrow()
	px := q.promptPx()
	pointed := sp.Kind == quiz.KindChoice || sp.Kind == quiz.KindSet
	typed := sp.Kind == quiz.KindNumber || sp.Kind == quiz.KindSlots

	// The column the picture gets and the one the prompt and controls get.
	picR, ctlR := area, area
	if typed && !q.narrow && area.W >= 760 {
		side := min(340, area.W*0.36)
		picR.W = area.W - side - 28
		ctlR = Rect{picR.Right() + 28, area.Y, side, area.H}
	}
	q.prompt = a.txt.Wrap(sp.Prompt.Render(q.lang), px, ctlR.W)
	q.rules = q.ruleLine()
	promptH := float64(len(q.prompt))*px*1.45 + 8
	if q.rules != "" {
		promptH += 22
	}
	ctlH := 0.0
	switch {
	case typed:
		ctlH = q.keypadH()
	case sp.Kind == quiz.KindSet:
		ctlH = 62 + 26
	default:
		ctlH = 62 + 26
	}
	stacked := picR == ctlR
	if stacked { // the picture leaves room below
		picR.H = max(160, area.H-promptH-ctlH)
	}
	bottom := q.layoutPicture(a, picR, stacked && q.narrow)
	y := bottom + 6
	if ctlR != picR && picR.W != area.W {
		y = ctlR.Y + 4
	}
	q.promptR = Rect{ctlR.X, y, ctlR.W, promptH}
	y += promptH + 4

	// Choices, keypad or Submit.
	q.st = picState{step: pl.Step, p: pl.P, lang: q.lang, hover: -1, keys: pl.Open && len(q.picks) <= 9,
		reveal: q.answered || !pl.Open, selected: q.selected}
	q.st.lit, q.st.wrong = q.correct, q.wrongPicks()
	q.choices, q.keys, q.slotBox, q.hint = q.choices[:0], q.keys[:0], q.slotBox[:0], nil
	q.submit = button{}
	switch {
	case pointed && len(q.picks) > 0:
		q.hint = a.txt.Wrap(q.pickHint(), 14, ctlR.W)
		q.hintY = y + 8
		y += 6 + 20*float64(len(q.hint))
		if sp.Kind == quiz.KindSet {
			y = q.layoutSubmit(ctlR, y)
		}
	case sp.Kind == quiz.KindChoice:
		y = q.layoutChoices(a, ctlR, y)
	case typed:
		y = q.layoutKeypad(ctlR, y)
	}
	q.end = max(y, bottom)
	q.setFocus()
	if !pl.Open || q.answered {
		q.disable()
		return nil, false
	}
	return q.read(a)
}

func (q *question) promptPx() float64 {
	if q.narrow {
		return 16
	}
	return 18
}

// ruleLine names the rules the catalog has words for, or "".
func (q *question) ruleLine() string {
	var parts []string
	for _, r := range q.spec.Rules {
		s := term("rule."+r.Name+"."+r.Value, q.lang)
		if !strings.HasPrefix(s, "⟦") {
			parts = append(parts, s)
		}
	}
	if len(parts) == 0 {
		return ""
	}
	return msgRules.in(q.lang) + strings.Join(parts, " · ")
}

// wrongPicks are the picked values that are not correct (after reveal).
func (q *question) wrongPicks() []int64 {
	var out []int64
	for _, v := range q.picked {
		if !slices.Contains(q.correct, v) {
			out = append(out, v)
		}
	}
	return out
}

func (q *question) pickHint() string {
	n := min(9, len(q.picks))
	if q.narrow { // a phone: no keys to name
		if q.spec.Kind == quiz.KindSet {
			return msgPickSetTap.f(q.lang, q.picks[0].noun(q.lang))
		}
		return msgPickOneTap.f(q.lang, q.picks[0].noun(q.lang))
	}
	if q.spec.Kind == quiz.KindSet {
		return msgPickSet.f(q.lang, q.picks[0].noun(q.lang), n)
	}
	return msgPickOne.f(q.lang, q.picks[0].noun(q.lang), n)
}

func (q *question) layoutSubmit(r Rect, y float64) float64 {
	bw := min(220, r.W)
	q.submit = button{name: "submit", label: msgSubmitAnswer.in(q.lang), r: Rect{r.X + r.W - bw, y, bw, 50}, style: stylePrimary}
	q.submit.disabled = len(q.selected) == 0
	if q.narrow {
		q.submit.r.X, q.submit.r.W = r.X, r.W
	}
	return y + 62
}

func (q *question) layoutChoices(a *app, r Rect, y float64) float64 {
	labels := make([]string, len(q.spec.Choices))
	for i, ch := range q.spec.Choices {
		labels[i] = ch.Label.Render(q.lang)
	}
	bw := min(200, (r.W-12*float64(len(labels)-1))/float64(max(1, len(labels))))
	var rs []Rect
	if bw >= 120 {
		for _, x := range rowLayout(r.X, r.W, len(labels), bw, 12) {
			rs = append(rs, Rect{x, y, bw, 50})
		}
		y += 62
	} else {
		rs, y = flow(a.txt, labels, r.X, y, r.W, 48, 10, 16)
		y += 12
	}
	for i, ch := range q.spec.Choices {
		b := button{name: "choice-" + strconv.FormatInt(ch.Value, 10), label: labels[i], r: rs[i]}
		if q.answered {
			b.good = slices.Contains(q.correct, ch.Value)
			b.bad = !b.good && slices.Contains(q.picked, ch.Value)
		}
		q.choices = append(q.choices, b)
	}
	if !q.answered && !q.narrow {
		hint := msgChoiceArrows.in(q.lang)
		if len(labels) <= 9 {
			hint = msgChoiceKeys.f(q.lang, len(labels))
		}
		q.hint, q.hintY = a.txt.Wrap(hint, 14, r.W), y+4
		y += 6 + 20*float64(len(q.hint))
	}
	return y
}

// disable greys the controls out (not open, or answered).
func (q *question) disable() {
	for i := range q.keys {
		q.keys[i].disabled = true
	}
	q.submit.disabled = true
	for i := range q.choices {
		q.choices[i].disabled = !q.choices[i].good && !q.choices[i].bad
	}
	q.st.keys = false
	q.hint = nil
	q.kf.shown = false
}

// read takes this frame's input and returns an answer when one is complete.
func (q *question) read(a *app) ([]int64, bool) {
	in := &a.in
	for i, p := range q.picks {
		if in.over(p.r) {
			q.st.hover = i
		}
	}
	chosen, took := q.steer(a)
	switch q.spec.Kind {
	case quiz.KindChoice:
		for i := range q.choices {
			if q.choices[i].update(in) || in.digit == i+1 || chosen == i {
				return q.finish([]int64{q.spec.Choices[i].Value})
			}
		}
		for i, p := range q.picks {
			if in.pressed(p.r) || in.digit == i+1 || chosen == i {
				return q.finish([]int64{p.value})
			}
		}
	case quiz.KindSet:
		for i, p := range q.picks {
			if in.pressed(p.r) || in.digit == i+1 || chosen == i {
				q.toggle(p.value)
			}
			if in.digit == i+1 {
				q.kf.id = i // the ring, when it shows, follows a quick key
			}
		}
		q.submit.disabled = len(q.selected) == 0
		if (q.submit.update(in) || chosen == focusSubmit) && len(q.selected) > 0 {
			return q.finish(slices.Sorted(slices.Values(q.selected)))
		}
	default:
		return q.readKeypad(in, chosen, took)
	}
	return nil, false
}

func (q *question) toggle(v int64) {
	if i := slices.Index(q.selected, v); i >= 0 {
		q.selected = slices.Delete(q.selected, i, i+1)
		return
	}
	q.selected = append(q.selected, v)
}

// finish records that an answer was given; the controls lock.
func (q *question) finish(v []int64) ([]int64, bool) {
	q.answered = true
	q.picked = v
	q.disable()
	return v, true
}

// bottom is the y below the question's picture and controls.
func (q *question) bottom() float64 { return q.end }

// draw draws the picture, the prompt and the controls; it changes nothing.
func (q *question) draw(c *canvas) {
	pal := c.pal
	st := q.st
	st.ring = -1
	if _, ok := q.focusRect(); ok && len(q.choices) == 0 && !q.typedKind() {
		st.ring = q.ringID()
	}
	q.sc.draw(c, func() { q.pic.draw(c, &st) })
	c.flush()
	px := q.promptPx()
	y := c.lines(q.prompt, q.promptR.X, q.promptR.Y, px, px*1.45, pal.Text, AlignStart)
	if q.rules != "" {
		c.text(q.rules, q.promptR.X, y+10, 14, pal.Dim, AlignStart)
	}
	for i := range q.choices {
		q.choices[i].draw(c)
	}
	q.drawSlots(c)
	for i := range q.keys {
		if q.answered && q.narrow {
			break // a phone's explanation covers them: no key tops peeking out
		}
		q.keys[i].draw(c)
	}
	if q.submit.name != "" && (!q.answered || len(q.keys) > 0) {
		q.submit.draw(c)
	}
	c.lines(q.hint, q.promptR.X, q.hintY, 14, 20, pal.Dim, AlignStart)
	q.drawFocus(c)
}

// targets lists the clickable things for the test hook: the picture's
// targets and the choice buttons while answers are open, the keypad, Submit;
// the one the focus ring is on says so.
func (q *question) targets() []Target {
	var ts []Target
	ring := q.ringID()
	if !q.answered && q.st.keys || !q.answered && len(q.hint) > 0 {
		for i, p := range q.picks {
			if p.r.W > 0 { // not scrolled out of sight
				ts = append(ts, Target{Name: p.name, R: p.r, Focus: ring == i && len(q.choices) == 0 && !q.typedKind(),
					Selected: slices.Contains(q.selected, p.value)})
			}
		}
	}
	if !q.answered {
		for i, r := range q.slotBox {
			ts = append(ts, Target{Name: "slot-" + strconv.Itoa(i), R: r, Focus: ring == focusSlot(i), Text: q.typed[i]})
		}
	}
	for i := range q.choices {
		if !q.choices[i].disabled && !q.answered {
			t := q.choices[i].target()
			t.Focus = ring == i
			ts = append(ts, t)
		}
	}
	for i := range q.keys {
		if !q.keys[i].disabled && !q.answered {
			t := q.keys[i].target()
			t.Focus = ring == focusKey(i)
			ts = append(ts, t)
		}
	}
	if q.submit.name != "" && !q.submit.disabled {
		t := q.submit.target()
		t.Focus = ring == focusSubmit
		ts = append(ts, t)
	}
	return ts
}
