package game

import (
	"slices"
	"testing"

	"github.com/osarena/osarena/assets/fonts"
	"github.com/osarena/osarena/sim/quiz"
)

// keyRig plays a question frame by frame from the keyboard, as Game.Update
// does: the input, then whether the player steers with the keys, then the
// question.
type keyRig struct {
	t    *testing.T
	a    *app
	q    *question
	step int
}

func newKeyRig(t *testing.T, want func(*quiz.Question, *question) bool) *keyRig {
	t.Helper()
	txt, err := NewText(fonts.TTF)
	if err != nil {
		t.Fatal(err)
	}
	a := &app{w: 1280, h: 800, scale: 1, txt: txt}
	for _, fam := range quiz.Families() {
		for d := quiz.MinDifficulty; d <= quiz.MaxDifficulty; d++ {
			qs, err := quiz.Chain(fam, 7, d, 3)
			if err != nil {
				continue
			}
			for _, qq := range qs {
				q, err := newQuestion(specOf(qq))
				if err != nil {
					continue
				}
				r := &keyRig{t: t, a: a, q: q, step: qq.Step}
				r.press(input{})
				if want(qq, q) {
					return r
				}
			}
		}
	}
	t.Fatal("no question fits")
	return nil
}

// press plays one frame with in and returns the answer it gave.
func (r *keyRig) press(in input) ([]int64, bool) {
	r.a.in = in
	r.a.keyboard = r.a.in.steer(r.a.keyboard)
	return r.q.update(r.a, Rect{90, 86, 1100, 700}, play{Step: r.step, Open: true})
}

// ring is the test hook's name of the focused target ("" for none).
func (r *keyRig) ring() string {
	name := ""
	for _, tg := range r.q.targets() {
		if tg.Focus {
			if name != "" {
				r.t.Fatalf("two targets focused: %s and %s", name, tg.Name)
			}
			name = tg.Name
		}
	}
	return name
}

var (
	keyTab   = input{tab: true}
	keyRight = input{right: true}
	keyDown  = input{down: true}
	keyEnd   = input{end: true}
	keyEnter = input{enter: true}
	keyEsc   = input{back: true}
)

// TestKeyboardSetAnswer marks a set answer's targets past the ninth (no
// digit key reaches them) with the ring and submits it.
func TestKeyboardSetAnswer(t *testing.T) {
	r := newKeyRig(t, func(qq *quiz.Question, q *question) bool {
		return qq.Answer.Kind == quiz.KindSet && len(q.picks) > 9
	})
	q := r.q
	if r.press(keyTab); r.ring() != q.picks[0].name {
		t.Fatalf("the first Tab: ring on %q, want the first target %q", r.ring(), q.picks[0].name)
	}
	r.press(keyEnter)
	if !slices.Equal(q.selected, []int64{q.picks[0].value}) {
		t.Errorf("Enter on the first target: selected %v, want %v", q.selected, q.picks[0].value)
	}
	r.press(keyEnter)
	if len(q.selected) != 0 {
		t.Errorf("Enter again: selected %v, want none (toggled off)", q.selected)
	}
	for range 9 {
		r.press(keyRight)
	}
	if r.ring() != q.picks[9].name {
		t.Fatalf("nine → later: ring on %q, want the tenth target %q", r.ring(), q.picks[9].name)
	}
	r.press(input{enter: true, chars: []rune{' '}}) // Space marks too
	if !slices.Equal(q.selected, []int64{q.picks[9].value}) {
		t.Errorf("Space on the tenth: selected %v, want %v", q.selected, q.picks[9].value)
	}
	r.press(keyEnd)
	if r.ring() != "submit" {
		t.Fatalf("End: ring on %q, want submit", r.ring())
	}
	got, ok := r.press(keyEnter)
	if !ok || !slices.Equal(got, []int64{q.picks[9].value}) {
		t.Errorf("Enter on Submit: answer %v (%v), want %v", got, ok, q.picks[9].value)
	}
}

// TestKeyboardChoice picks a picture's second target with the ring.
func TestKeyboardChoice(t *testing.T) {
	r := newKeyRig(t, func(qq *quiz.Question, q *question) bool {
		return qq.Answer.Kind == quiz.KindChoice && len(q.picks) >= 3
	})
	if r.press(keyEnter); r.ring() != r.q.picks[0].name {
		t.Fatalf("Enter with no ring: ring on %q, want it shown on %q", r.ring(), r.q.picks[0].name)
	}
	r.press(keyRight)
	got, ok := r.press(keyEnter)
	if want := r.q.picks[1].value; !ok || !slices.Equal(got, []int64{want}) {
		t.Errorf("→ Enter: answer %v (%v), want [%d]", got, ok, want)
	}
}

// TestKeyboardKeypad types a number on the keypad's keys with the ring,
// and a slots answer on the keyboard, where typing puts the ring away and
// Tab moves to the next value.
func TestKeyboardKeypad(t *testing.T) {
	r := newKeyRig(t, func(qq *quiz.Question, q *question) bool { return qq.Answer.Kind == quiz.KindNumber })
	if r.press(keyTab); r.ring() != "key-1" {
		t.Fatalf("the first Tab: ring on %q, want key-1", r.ring())
	}
	r.press(keyEnter)
	r.press(keyRight)
	if r.ring() != "key-2" {
		t.Fatalf("→: ring on %q, want key-2", r.ring())
	}
	r.press(keyEnter)
	r.press(keyDown)
	if r.ring() != "key-5" {
		t.Fatalf("↓: ring on %q, want key-5", r.ring())
	}
	r.press(keyEnd)
	if r.ring() != "submit" {
		t.Fatalf("End: ring on %q, want submit", r.ring())
	}
	if got, ok := r.press(keyEnter); !ok || !slices.Equal(got, []int64{12}) {
		t.Errorf("1, 2, Submit by the ring: answer %v (%v), want [12]", got, ok)
	}

	r = newKeyRig(t, func(qq *quiz.Question, q *question) bool { return qq.Answer.Kind == quiz.KindSlots })
	r.press(keyTab)
	if r.ring() != "slot-0" {
		t.Fatalf("slots, the first Tab: ring on %q, want slot-0", r.ring())
	}
	r.press(input{digit: 3, chars: []rune{'3'}})
	if r.ring() != "" {
		t.Errorf("typing: ring on %q, want it away", r.ring())
	}
	r.press(keyTab)
	if r.ring() != "" || r.q.cur != 1 {
		t.Errorf("Tab after typing: ring on %q, value %d; want no ring, value 1", r.ring(), r.q.cur)
	}
	r.press(input{digit: 4, chars: []rune{'4'}})
	if got, ok := r.press(keyEnter); !ok || !slices.Equal(got, []int64{3, 4}) {
		t.Errorf("3 Tab 4 Enter: answer %v (%v), want [3 4]", got, ok)
	}
}

// TestKeyboardRingShowsOnlyForKeys: no ring before a focus key or after a
// press; Escape puts the ring away and is used up, a second one is not.
func TestKeyboardRingShowsOnlyForKeys(t *testing.T) {
	r := newKeyRig(t, func(qq *quiz.Question, q *question) bool {
		return qq.Answer.Kind == quiz.KindChoice && len(q.picks) >= 2
	})
	if r.ring() != "" {
		t.Errorf("before any key: ring on %q, want none", r.ring())
	}
	r.press(keyTab)
	r.press(keyTab)
	if r.ring() != r.q.picks[1].name {
		t.Fatalf("Tab Tab: ring on %q, want %q", r.ring(), r.q.picks[1].name)
	}
	r.press(input{press: true, x: -100, y: -100}) // a click on nothing
	if r.ring() != "" {
		t.Errorf("after a click: ring on %q, want none", r.ring())
	}
	r.press(keyTab)
	if r.ring() != r.q.picks[1].name {
		t.Errorf("Tab after a click: ring on %q, want it back on %q", r.ring(), r.q.picks[1].name)
	}
	r.press(keyEsc)
	if r.ring() != "" || r.a.in.back {
		t.Errorf("Escape: ring on %q, Escape left for the scene %v; want no ring, Escape used up", r.ring(), r.a.in.back)
	}
	r.press(keyEsc)
	if !r.a.in.back {
		t.Errorf("a second Escape was used up; want it left for the scene (to leave)")
	}
	if r.press(keyTab); r.ring() != r.q.picks[0].name {
		t.Errorf("Tab after Escape: ring on %q, want it from the first, %q", r.ring(), r.q.picks[0].name)
	}
}

// TestKeyboardNoTargets: a question whose picture has no targets and no
// buttons to focus (a blank one) takes focus keys and Enter without a ring.
func TestKeyboardNoTargets(t *testing.T) {
	txt, err := NewText(fonts.TTF)
	if err != nil {
		t.Fatal(err)
	}
	a := &app{w: 1280, h: 800, scale: 1, txt: txt}
	q := liveQuestion(questionSpec{Kind: quiz.KindSet})
	for _, in := range []input{keyTab, keyRight, keyEnter, keyEsc} {
		a.in = in
		a.keyboard = a.in.steer(a.keyboard)
		if _, ok := q.update(a, Rect{90, 86, 1100, 700}, play{Open: true}); ok {
			t.Errorf("%+v answered a question with nothing to answer", in)
		}
		if id := q.ringID(); id != focusNone {
			t.Errorf("%+v: ring on %d, want none", in, id)
		}
	}
}

// TestSteer: a focus key says the player steers with the keys, a press of
// the mouse or a finger says they point; other input keeps what was.
func TestSteer(t *testing.T) {
	cases := []struct {
		name string
		in   input
		was  bool
		want bool
	}{
		{"Tab", keyTab, false, true},
		{"an arrow", keyDown, false, true},
		{"Shift+Tab", input{tab: true, shift: true}, false, true},
		{"a press", input{press: true}, true, false},
		{"a press with an arrow", input{press: true, right: true}, true, false},
		{"a digit keeps steering", input{digit: 3}, true, true},
		{"Enter keeps pointing", keyEnter, false, false},
		{"nothing", input{}, true, true},
	}
	for _, c := range cases {
		if got := c.in.steer(c.was); got != c.want {
			t.Errorf("%s after %v: got %v, want %v", c.name, c.was, got, c.want)
		}
	}
}

// TestSettle: a pointer left resting lights nothing up while the player
// steers with the keys; moved, or when pointing, it does.
func TestSettle(t *testing.T) {
	cases := []struct {
		name     string
		last     [2]float64
		keyboard bool
		want     bool
	}{
		{"resting, keys", [2]float64{10, 20}, true, false},
		{"moved, keys", [2]float64{11, 20}, true, true},
		{"resting, pointing", [2]float64{10, 20}, false, true},
	}
	for _, c := range cases {
		in := input{hover: true, hoverX: 10, hoverY: 20}
		last := c.last
		in.settle(&last, c.keyboard)
		if in.hover != c.want || last != [2]float64{10, 20} {
			t.Errorf("%s: hover %v, last %v; want hover %v, last [10 20]", c.name, in.hover, last, c.want)
		}
	}
}
