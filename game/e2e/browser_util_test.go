//go:build !js

package e2e

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
)

// browser drives one tab and fails the test on any error.
type browser struct {
	t     *testing.T
	ctx   context.Context
	shots string
}

// target is one clickable thing as window.osarena reports it; Focus: the
// keyboard's focus ring is on it, Selected: it is marked.
type target struct {
	Name     string  `json:"name"`
	X        float64 `json:"x"`
	Y        float64 `json:"y"`
	W        float64 `json:"w"`
	H        float64 `json:"h"`
	Focus    bool    `json:"focus"`
	Selected bool    `json:"selected"`
}

// roundState is window.osarena.round.
type roundState struct {
	Family     string `json:"family"`
	Seed       uint64 `json:"seed"`
	Difficulty int    `json:"difficulty"`
	Count      int    `json:"count"`
	Index      int    `json:"index"`
	Phase      string `json:"phase"`
	Score      int    `json:"score"`
	Correct    int    `json:"correct"`
}

func run[T any](b *browser, a chromedp.Action[T]) T {
	b.t.Helper()
	v, err := chromedp.Run(b.ctx, a)
	if err != nil {
		b.t.Fatalf("chromedp: %v", err)
	}
	return v
}

func (b *browser) do(a chromedp.Action[chromedp.Void]) { b.t.Helper(); run(b, a) }

// waitFor polls the page until expr is true (30 s at most).
func (b *browser) waitFor(expr string) {
	b.t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, 30*time.Second)
	defer cancel()
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](expr, chromedp.WithPollingInterval(50*time.Millisecond))); err != nil {
		if png, err := chromedp.Run(b.ctx, chromedp.CaptureScreenshot()); err == nil {
			_ = os.WriteFile(filepath.Join(b.shots, "failed-wait.png"), png, 0o644) // what the page showed
		}
		scene, _ := chromedp.Run(b.ctx, chromedp.Evaluate[string](`JSON.stringify(window.osarena)`))
		b.t.Fatalf("waiting for %s: %v (window.osarena = %s)", expr, err, scene)
	}
}

// waitForAsync polls until the promise expr resolves to true.
func (b *browser) waitForAsync(expr string) {
	b.t.Helper()
	for end := time.Now().Add(30 * time.Second); time.Now().Before(end); time.Sleep(200 * time.Millisecond) {
		if ok, err := chromedp.Run(b.ctx, chromedp.Evaluate[bool](expr, chromedp.EvalAwaitPromise)); err == nil && ok {
			return
		}
	}
	b.t.Fatalf("waiting for %s: timed out", expr)
}

func (b *browser) waitScene(name string) {
	b.t.Helper()
	b.waitFor(`window.osarena && window.osarena.ready && window.osarena.scene === "` + name + `"`)
}

// loadTimes says when, in performance.now milliseconds, the page had the
// font, started the compiled wasm, and drew the first interactive frame:
// the font is fetched in parallel with the wasm, and the first screen
// waits for it only if it arrives after the wasm has started.
func (b *browser) loadTimes() string {
	b.t.Helper()
	type times struct{ Font, Wasm, Ready float64 }
	v := run(b, chromedp.Evaluate[times](
		`({Font: window.osarena.fontAt || 0, Wasm: window.osarena.wasmAt || 0, Ready: window.osarena.readyAt || 0})`))
	wait := "the font was there first"
	if v.Font > v.Wasm {
		wait = fmt.Sprintf("the first screen waited %.0f ms for the font", v.Font-v.Wasm)
	}
	return fmt.Sprintf("font at %.0f ms, wasm started at %.0f ms, first interactive frame at %.0f ms (%s)", v.Font, v.Wasm, v.Ready, wait)
}

func (b *browser) round() roundState {
	b.t.Helper()
	return run(b, chromedp.Evaluate[roundState](`window.osarena.round`))
}

// click clicks the middle of the target called name, as a person would.
func (b *browser) click(name string) {
	b.t.Helper()
	ts := run(b, chromedp.Evaluate[[]target](`window.osarena.targets`))
	for _, tg := range ts {
		if tg.Name == name {
			x, y := tg.X+tg.W/2, tg.Y+tg.H/2
			b.mouse(input.DispatchMouseEventTypeMouseMoved, x, y)
			b.mouse(input.DispatchMouseEventTypeMousePressed, x, y)
			b.tick() // the button stays down for a tick, as a person's does
			b.mouse(input.DispatchMouseEventTypeMouseReleased, x, y)
			b.tick() // let an Update see it (a fixed sleep lost clicks on a loaded machine)
			return
		}
	}
	var names []string
	for _, tg := range ts {
		names = append(names, tg.Name)
	}
	b.t.Fatalf("click %q: no such target on screen (targets: %s)", name, strings.Join(names, ", "))
}

// tap touches the middle of the target called name with one finger, as a
// phone player would. Unlike click, it fails when the target is not wholly
// inside the viewport: a player cannot tap what is off the screen.
func (b *browser) tap(name string) {
	b.t.Helper()
	ts := run(b, chromedp.Evaluate[[]target](`window.osarena.targets`))
	vw := run(b, chromedp.Evaluate[[]float64](`[window.innerWidth, window.innerHeight]`))
	for _, tg := range ts {
		if tg.Name != name {
			continue
		}
		if tg.X < 0 || tg.Y < 0 || tg.X+tg.W > vw[0]+0.5 || tg.Y+tg.H > vw[1]+0.5 {
			b.t.Fatalf("tap %q: the target (%.0f,%.0f %.0f×%.0f) is not inside the %.0f×%.0f screen", name, tg.X, tg.Y, tg.W, tg.H, vw[0], vw[1])
		}
		x, y := tg.X+tg.W/2, tg.Y+tg.H/2
		b.do(chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
			start := input.DispatchTouchEventParams{Type: input.DispatchTouchEventTypeTouchStart, TouchPoints: []*input.TouchPoint{{X: x, Y: y}}}
			_, err := cdp.Call(ctx, t, input.DispatchTouchEvent, start)
			return err
		}))
		b.tick() // a finger stays down for a tick
		b.do(chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
			end := input.DispatchTouchEventParams{Type: input.DispatchTouchEventTypeTouchEnd, TouchPoints: []*input.TouchPoint{}}
			_, err := cdp.Call(ctx, t, input.DispatchTouchEvent, end)
			return err
		}))
		b.tick() // let an Update see it
		return
	}
	var names []string
	for _, tg := range ts {
		names = append(names, tg.Name)
	}
	b.t.Fatalf("tap %q: no such target on screen (targets: %s)", name, strings.Join(names, ", "))
}

// mouse sends one mouse event with the left button at (x, y).
func (b *browser) mouse(typ input.DispatchMouseEventType, x, y float64) {
	b.t.Helper()
	b.do(chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		p := input.DispatchMouseEventParams{Type: typ, X: x, Y: y, Button: input.MouseButtonLeft, ClickCount: 1}
		if typ == input.DispatchMouseEventTypeMouseMoved {
			p.Button, p.ClickCount = input.MouseButtonNone, 0
		} else if typ == input.DispatchMouseEventTypeMousePressed {
			p.Buttons = 1
		}
		_, err := cdp.Call(ctx, t, input.DispatchMouseEvent, p)
		return err
	}))
}

// tick waits until the page has drawn at least one more animation frame
// and at least 40 ms have passed. The game updates in requestAnimationFrame
// at 60 ticks a second, counted by elapsed time: on a fast machine a frame
// may run no tick, but 40 ms hold two; on a loaded one (a frame of 200 ms)
// one frame holds a tick. Either way an Update has seen what was just done,
// which a fixed sleep did not promise.
func (b *browser) tick() {
	b.t.Helper()
	run(b, chromedp.Evaluate[bool](`new Promise(r => {
		const t0 = performance.now();
		const f = () => performance.now() - t0 >= 40 ? r(true) : requestAnimationFrame(f);
		requestAnimationFrame(f);
	})`, chromedp.EvalAwaitPromise))
}

// shot saves a screenshot as build/screenshots/<name>.png.
func (b *browser) shot(name string) {
	b.t.Helper()
	png := run(b, chromedp.CaptureScreenshot())
	if err := os.WriteFile(filepath.Join(b.shots, name+".png"), png, 0o644); err != nil {
		b.t.Fatal(err)
	}
}

func containsAll(s string, subs ...string) bool {
	for _, x := range subs {
		if !strings.Contains(s, x) {
			return false
		}
	}
	return true
}

// moduleRoot finds the directory of go.mod above the test.
func moduleRoot(t *testing.T) string {
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("no go.mod above the test")
		}
		dir = parent
	}
}

// frameStats summarises the intervals between animation frames.
type frameStats struct {
	n                  int
	p50, p95, max, avg float64 // milliseconds
}

func (f frameStats) String() string {
	if f.n == 0 {
		return "no frames"
	}
	return fmt.Sprintf("%d frames, median %.1f ms, p95 %.1f ms, max %.1f ms (%.1f fps)", f.n, f.p50, f.p95, f.max, 1000/f.avg)
}

// frameTimes records the page's requestAnimationFrame intervals (the
// game draws in that loop, so a slow Draw shows as a long interval) until
// done is true or limit passes.
func (b *browser) frameTimes(done string, limit time.Duration) frameStats {
	b.t.Helper()
	js := fmt.Sprintf(`new Promise(resolve => {
		const ts = [];
		const step = t => {
			ts.push(t);
			if (ts.length > 1 && ((%s) || t - ts[0] > %d)) {
				resolve(ts.slice(1).map((x, i) => x - ts[i]));
				return;
			}
			requestAnimationFrame(step);
		};
		requestAnimationFrame(step);
	})`, done, limit.Milliseconds())
	d := run(b, chromedp.Evaluate[[]float64](js, chromedp.EvalAwaitPromise))
	if len(d) == 0 {
		return frameStats{}
	}
	sum := 0.0
	for _, x := range d {
		sum += x
	}
	slices.Sort(d)
	q := func(p float64) float64 { return d[min(len(d)-1, int(p*float64(len(d))))] }
	return frameStats{n: len(d), p50: q(0.5), p95: q(0.95), max: d[len(d)-1], avg: sum / float64(len(d))}
}
