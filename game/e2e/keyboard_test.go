//go:build !js

package e2e

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/osarena/osarena/server"
	"github.com/osarena/osarena/sim/quiz"
)

// TestKeyboardRound plays a solo round of free-space bitmap questions (a
// set answer over many blocks, more than keys 1–9 reach) from the keyboard
// only: Tab shows the focus ring, the arrows move it to each right block,
// Enter marks it, the arrows reach Submit and Enter submits; Enter goes on
// to the next question. It checks the hook's focused target at every step
// and that each answer counts as right, and photographs the ring (on a
// block, and in the colour-blind palette on a disk's cylinder and on the
// keypad, whose keys type a number answer).
func TestKeyboardRound(t *testing.T) {
	site := serveClient(t, server.Config{})
	parent, stop := context.WithTimeout(context.Background(), 8*time.Minute)
	defer stop()
	b := openBrowser(t, parent, site.shots)
	b.do(chromedp.EmulateViewport(1280, 720))
	b.do(chromedp.Navigate(site.url))
	b.waitScene("title")

	b.hold("topic-fileblock", sceneIs("practice"))
	for _, name := range []string{"family-bitmap", "difficulty-3", "timed-off"} {
		b.hold(name, chosen(name))
	}
	b.hold("start", sceneIs("round"))
	b.waitFor(`window.osarena.round && window.osarena.round.phase === "ask"`)
	if f := b.focus(); f != "" {
		t.Errorf("after clicking Start: the ring is on %q; want no ring for a pointing player", f)
	}
	r := b.round()
	qs, err := quiz.Chain(quiz.Family(r.Family), r.Seed, r.Difficulty, r.Count)
	if err != nil {
		t.Fatalf("quiz.Chain(%s, %d): %v", r.Family, r.Seed, err)
	}
	for i, q := range qs {
		b.waitFor(fmt.Sprintf(`window.osarena.round.index === %d && window.osarena.round.phase === "ask"`, i))
		if b.focus() == "" {
			b.key(kb.Tab, `window.osarena.focus !== ""`)
		}
		for j, v := range q.Answer.Values {
			name := b.targetOf(q, v)
			b.moveFocus(name)
			if i == 0 && j == 1 {
				b.shot("keyboard-ring-1280x720")
			}
			b.key(kb.Enter, chosen(name))
		}
		b.moveFocus("submit")
		b.key(kb.Enter, `window.osarena.round.phase !== "ask"`)
		b.waitFor(fmt.Sprintf(`window.osarena.round.phase === "explain" && window.osarena.round.correct === %d`, i+1))
		if i+1 < len(qs) {
			b.key(kb.Enter, fmt.Sprintf(`window.osarena.round.index === %d`, i+1))
		} else {
			b.key(kb.Enter, `window.osarena.scene === "summary"`)
		}
	}
	if got := b.round(); got.Correct != len(qs) {
		t.Errorf("summary: %d of %d right; want all answered right by keys", got.Correct, len(qs))
	}

	// The colour-blind palette, on a disk's cylinders along the axis.
	b.hold("title", sceneIs("title"))
	b.hold("settings", sceneIs("settings"))
	b.hold("colorblind-on", chosen("colorblind-on"))
	b.hold("back", sceneIs("title"))
	b.hold("topic-disk", sceneIs("practice"))
	for _, name := range []string{"family-next", "difficulty-3"} {
		b.hold(name, chosen(name))
	}
	b.hold("start", sceneIs("round"))
	b.waitFor(`window.osarena.round && window.osarena.round.phase === "ask"`)
	r = b.round()
	if qs, err = quiz.Chain(quiz.Family(r.Family), r.Seed, r.Difficulty, r.Count); err != nil {
		t.Fatalf("quiz.Chain(%s, %d): %v", r.Family, r.Seed, err)
	}
	b.key(kb.Tab, `window.osarena.focus !== ""`)
	b.moveFocus(b.targetOf(qs[0], qs[0].Answer.Values[0]))
	b.shot("keyboard-ring-colorblind-1280x720")
	b.key(kb.Enter, `window.osarena.round.phase !== "ask"`)
	b.waitFor(`window.osarena.round.phase === "explain" && window.osarena.round.correct === 1`)
	b.key(kb.Escape, `window.osarena.scene !== "round"`)

	// A number answer: the keypad's keys, then Submit, with the ring.
	b.waitScene("practice")
	b.hold("family-movement", chosen("family-movement"))
	b.hold("start", sceneIs("round"))
	b.waitFor(`window.osarena.round && window.osarena.round.phase === "ask"`)
	r = b.round()
	if qs, err = quiz.Chain(quiz.Family(r.Family), r.Seed, r.Difficulty, r.Count); err != nil {
		t.Fatalf("quiz.Chain(%s, %d): %v", r.Family, r.Seed, err)
	}
	b.key(kb.Tab, `window.osarena.focus !== ""`)
	want := strconv.FormatInt(qs[0].Answer.Values[0], 10)
	for j, d := range want {
		b.moveFocus("key-" + string(d))
		if j == 0 {
			b.shot("keyboard-ring-keypad-colorblind-1280x720")
		}
		b.key(kb.Enter, fmt.Sprintf(`window.osarena.targets.some(t => t.name === "slot-0" && t.text === %q)`, want[:j+1]))
	}
	b.moveFocus("submit")
	b.key(kb.Enter, `window.osarena.round.phase !== "ask"`)
	b.waitFor(`window.osarena.round.phase === "explain" && window.osarena.round.correct === 1`)
}

// sceneIs is true on the page when the scene called name shows.
func sceneIs(name string) string { return fmt.Sprintf(`window.osarena.scene === %q`, name) }

// chosen is true on the page when the chip called name is chosen.
func chosen(name string) string {
	return fmt.Sprintf(`window.osarena.targets.some(t => t.name === %q && t.selected)`, name)
}

// focus is the name of the target the focus ring is on ("" for none).
func (b *browser) focus() string {
	b.t.Helper()
	return run(b, chromedp.Evaluate[string](`window.osarena.focus || ""`))
}

// targetOf is the name of q's picture target for value v.
func (b *browser) targetOf(q *quiz.Question, v int64) string {
	b.t.Helper()
	suffix := "-" + strconv.FormatInt(v, 10)
	for _, t := range run(b, chromedp.Evaluate[[]target](`window.osarena.targets`)) {
		if strings.HasSuffix(t.Name, suffix) && !strings.HasPrefix(t.Name, "key-") && !strings.HasPrefix(t.Name, "choice-") {
			return t.Name
		}
	}
	b.t.Fatalf("%s: no target for value %d", q.Family, v)
	return ""
}

// moveFocus moves the focus ring to the target called name with the
// arrows, as a player looking at the screen would: down or up while the
// target is in another row, else left or right; and with Tab from where an
// arrow does not move the ring or the arrows come back.
func (b *browser) moveFocus(name string) {
	b.t.Helper()
	seen := map[string]int{}
	for range 60 {
		ts := run(b, chromedp.Evaluate[[]target](`window.osarena.targets`))
		var cur, want *target
		for i := range ts {
			if ts[i].Name == name {
				want = &ts[i]
			}
			if ts[i].Focus {
				cur = &ts[i]
			}
		}
		if want == nil || cur == nil {
			b.t.Fatalf("moveFocus %q: the ring is on %v, the target is %v", name, cur, want)
		}
		if cur.Name == name {
			return
		}
		seen[cur.Name]++
		k := kb.Tab
		if seen[cur.Name] == 1 {
			switch wy := want.Y + want.H/2; {
			case wy > cur.Y+cur.H:
				k = kb.ArrowDown
			case wy < cur.Y:
				k = kb.ArrowUp
			case want.X+want.W/2 > cur.X+cur.W/2:
				k = kb.ArrowRight
			default:
				k = kb.ArrowLeft
			}
		}
		if !b.keyTry(k, fmt.Sprintf(`window.osarena.focus !== %q`, cur.Name), 3*time.Second) {
			seen[cur.Name]++
		}
	}
	b.t.Fatalf("moveFocus %q: not there after 60 keys (the ring is on %q)", name, b.focus())
}

// keyTry holds one key down until the page shows expr is true or wait has
// passed, lets go, and reports whether expr came true.
func (b *browser) keyTry(k, expr string, wait time.Duration) bool {
	b.t.Helper()
	es := kb.Encode([]rune(k)[0])
	send := func(e *input.DispatchKeyEventParams) {
		b.do(chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
			_, err := cdp.Call(ctx, t, input.DispatchKeyEvent, *e)
			return err
		}))
	}
	for _, e := range es[:len(es)-1] {
		send(e)
	}
	ctx, cancel := context.WithTimeout(b.ctx, wait)
	_, err := chromedp.Run(ctx, chromedp.Poll[bool](expr, chromedp.WithPollingInterval(50*time.Millisecond)))
	cancel()
	send(es[len(es)-1])
	time.Sleep(100 * time.Millisecond)
	return err == nil
}
