//go:build !js

package e2e

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/osarena/osarena/server"
	"github.com/osarena/osarena/sim/disk"
	"github.com/osarena/osarena/sim/quiz"
	"github.com/osarena/osarena/sim/replace"
)

// sandboxState is window.osarena.info in the sandbox (game/sandbox.go).
type sandboxState struct {
	Kind      string `json:"kind"`
	Policy    string `json:"policy"`
	Frames    int    `json:"frames"`
	Items     []int  `json:"items"`
	Pos       int    `json:"pos"`
	N         int    `json:"n"`
	Faults    int    `json:"faults"`
	FaultsNow int    `json:"faults_now"`
	FramesNow []int  `json:"frames_now"`
	Movement  int    `json:"movement"`
	HeadNow   int    `json:"head_now"`
	Error     string `json:"error"`
	View      string `json:"view"`
}

// dailyState is window.osarena.info on the daily challenge's page.
type dailyState struct {
	Date      string `json:"date"`
	Streak    int    `json:"streak"`
	Played    bool   `json:"played"`
	Score     int    `json:"score"`
	Questions int    `json:"questions"`
}

// TestSandbox plays the daily challenge (every question answered by
// clicking, the first one checked against sim/quiz; the result must be
// kept, with a streak, and a replay must not replace it), then uses the
// sandbox as a homework checker: types a reference string, steps forward
// and back with the buttons and the arrow keys, checks the frames and
// fault counts shown against sim/replace, shows a typing mistake's message,
// runs a disk queue against sim/disk, and does it again in Korean on a
// phone. Screenshots go to build/screenshots (daily-*, sandbox-*).
func TestSandbox(t *testing.T) {
	site := serveClient(t, server.Config{})
	url, shots := site.url, site.shots
	stopServer := site.stop

	parent, stop := context.WithTimeout(context.Background(), 8*time.Minute)
	defer stop()
	b := openBrowser(t, parent, shots)
	b.do(chromedp.EmulateViewport(1280, 720))
	b.do(chromedp.Navigate(url))
	b.waitScene("title")

	// The daily challenge: today's page, then every question.
	b.click("daily")
	b.waitScene("daily")
	d := b.daily()
	if today := time.Now().Format("2006-01-02"); d.Date != today || d.Played || d.Streak != 0 || d.Questions != 8 {
		t.Errorf("daily page before playing = %+v; want date %s, not played, streak 0, 8 questions", d, today)
	}
	b.shot("daily-1280x720")
	b.click("start")
	b.waitScene("round")
	score := b.playDaily("1280x720")
	b.waitScene("summary")
	b.shot("daily-summary-1280x720")
	b.click("change") // back to the daily page
	b.waitScene("daily")
	if d := b.daily(); !d.Played || d.Score != score || d.Streak != 1 {
		t.Errorf("daily page after playing = %+v; want played, score %d, streak 1", d, score)
	}
	b.shot("daily-played-1280x720")
	// A replay is practice: quitting it (or finishing it) keeps the first result.
	b.click("start")
	b.waitScene("round")
	b.click("quit")
	b.waitScene("title")
	b.shot("title-daily-played-1280x720")

	// The sandbox: a reference string typed in, stepped through.
	b.click("sandbox")
	b.waitScene("sandbox")
	b.waitFor(`window.osarena.info && window.osarena.info.view === "run"`)
	b.shot("sandbox-default-1280x720")
	b.click("kind-replace")
	b.click("policy-lru")
	refs := []int{1, 2, 3, 4, 1, 2, 5, 1, 2, 3, 4, 5}
	b.typeInto("items", "1 2 3 4, 1 2 5,1 2 3 4 5")
	b.waitFor(`window.osarena.info.items.length === 12`)
	tr, err := replace.Run(replace.Config{Policy: replace.LRU, Frames: 3, Refs: refs})
	if err != nil {
		t.Fatal(err)
	}
	s := b.sandbox()
	if s.Policy != "lru" || s.Frames != 3 || !slices.Equal(s.Items, refs) || s.Faults != tr.Faults || s.Error != "" {
		t.Fatalf("sandbox shows %+v; want LRU, 3 frames, refs %v, %d faults (sim/replace)", s, refs, tr.Faults)
	}
	b.leaveBox() // Enter leaves the text box, so the arrow keys step
	b.key(kb.End, `window.osarena.info.pos === 12`)
	b.key(kb.Home, `window.osarena.info.pos === 0`)
	for k := range 5 {
		b.hold("step-forward", fmt.Sprintf(`window.osarena.info.pos === %d`, k+1))
	}
	b.checkReplace(tr, 5)
	b.key(kb.ArrowLeft, `window.osarena.info.pos === 4`)
	b.key(kb.ArrowLeft, `window.osarena.info.pos === 3`)
	b.checkReplace(tr, 3)
	b.hold("step-back", `window.osarena.info.pos === 2`)
	b.checkReplace(tr, 2)
	b.key(kb.ArrowRight, `window.osarena.info.pos === 3`)
	b.checkReplace(tr, 3)
	time.Sleep(time.Second) // the step's animation ends
	b.shot("sandbox-replace-1280x720")
	b.hold("step-last", `window.osarena.info.pos === 12`)
	b.checkReplace(tr, len(refs))

	// A typing mistake is named, not crashed on.
	b.typeInto("items", "1 2 x 4")
	b.waitFor(`window.osarena.info.error !== ""`)
	if s := b.sandbox(); !strings.Contains(s.Error, `Item 3, "x"`) {
		t.Errorf("sandbox error for %q = %q; want it to name item 3, \"x\"", "1 2 x 4", s.Error)
	}
	b.shot("sandbox-error-1280x720")

	// A disk queue.
	b.click("kind-disk")
	b.click("disk-sstf")
	b.click("dir-down")
	b.typeInto("items", "98 183 37 122 14 124 65 67")
	b.typeInto("head", "53")
	b.typeInto("cylinders", "200")
	b.leaveBox()
	b.waitFor(`window.osarena.info.kind === "disk" && window.osarena.info.n === 8 && window.osarena.info.policy === "sstf"`)
	b.hold("step-last", `window.osarena.info.pos === 8`)
	dt, err := disk.Run(disk.Config{Policy: disk.SSTF, Cylinders: 200, Head: 53, Direction: disk.Down,
		Requests: []disk.Request{{Cylinder: 98}, {Cylinder: 183}, {Cylinder: 37}, {Cylinder: 122}, {Cylinder: 14}, {Cylinder: 124}, {Cylinder: 65}, {Cylinder: 67}}})
	if err != nil {
		t.Fatal(err)
	}
	if s := b.sandbox(); s.Movement != dt.Movement || s.HeadNow != dt.Steps[len(dt.Steps)-1].Cylinder || s.Error != "" {
		t.Errorf("disk sandbox shows %+v; want movement %d (sim/disk), head at %d", s, dt.Movement, dt.Steps[len(dt.Steps)-1].Cylinder)
	}
	b.hold("step-back", `window.osarena.info.pos === 7`)
	b.hold("step-back", `window.osarena.info.pos === 6`)
	if s := b.sandbox(); s.HeadNow != dt.Steps[len(dt.Steps)-3].Cylinder {
		t.Errorf("two steps back the head is at %d; want %d", s.HeadNow, dt.Steps[len(dt.Steps)-3].Cylinder)
	}
	time.Sleep(time.Second)
	b.shot("sandbox-disk-1280x720")

	// Korean, on a phone: the setup, then the run on its own screen.
	b.click("back")
	b.waitScene("title")
	b.phoneKorean()
	b.shot("title-ko-daily-390x844")
	b.tap("sandbox")
	b.waitScene("sandbox")
	b.tap("kind-replace")
	b.tap("policy-fifo")
	b.typeInto("items", "7 0 1 2 0 3 0 4 2 3 0 3 2 1 2 0 1 7 0 1")
	b.waitFor(`window.osarena.info.items.length === 20 && window.osarena.info.policy === "fifo"`)
	b.shot("sandbox-setup-ko-390x844")
	b.holdTouch("show-run", `window.osarena.info.view === "run"`)
	if s := b.sandbox(); s.Faults != 15 {
		t.Errorf("FIFO with 3 frames on the textbook string shows %d faults; want 15", s.Faults)
	}
	if b.visible("step-first") {
		b.holdTouch("step-first", `window.osarena.info.pos === 0`)
	}
	for k := range 4 {
		b.holdTouch("step-forward", fmt.Sprintf(`window.osarena.info.pos === %d`, k+1))
	}
	b.holdTouch("step-back", `window.osarena.info.pos === 3`)
	time.Sleep(time.Second)
	b.shot("sandbox-run-ko-390x844")
	if b.visible("tab-table") {
		b.tap("tab-table")
		b.shot("sandbox-table-ko-390x844")
	}
	b.holdTouch("edit", `window.osarena.info.view === "setup"`)
	b.holdTouch("kind-disk", `window.osarena.info.kind === "disk"`)
	b.holdTouch("show-run", `window.osarena.info.view === "run"`)
	b.holdTouch("step-forward", `window.osarena.info.pos === 1`)
	b.holdTouch("step-forward", `window.osarena.info.pos === 2`)
	time.Sleep(time.Second)
	b.shot("sandbox-disk-ko-390x844")
	b.holdTouch("edit", `window.osarena.info.view === "setup"`)
	b.holdTouch("back", `window.osarena.scene === "title"`)
	b.tap("daily")
	b.waitScene("daily")
	b.shot("daily-ko-390x844")

	// Offline: with the server stopped, the daily page and the sandbox come up.
	b.waitFor(`navigator.serviceWorker && navigator.serviceWorker.controller !== null`)
	b.waitForAsync(`caches.keys().then(ks => Promise.all(ks.map(k => caches.open(k).then(c => c.match("osarena.wasm"))))).then(rs => rs.some(Boolean))`)
	stopServer()
	b.do(chromedp.Reload())
	b.waitScene("title")
	b.tap("sandbox")
	b.waitScene("sandbox")
	b.waitFor(`window.osarena.info.kind === "disk" && window.osarena.info.n === 8`)
	b.do(chromedp.Reload()) // still offline
	b.waitScene("title")
	b.tap("daily")
	b.waitScene("daily")
	if d := b.daily(); d.Date != time.Now().Format("2006-01-02") || !d.Played {
		t.Errorf("daily page offline = %+v; want today, played (the result kept in browser storage)", d)
	}
	b.tap("start")
	b.waitScene("round")
	b.waitFor(`window.osarena.round && window.osarena.round.phase === "ask"`)
	b.shot("daily-offline-ko-390x844")
}

// daily reads the daily page's state.
func (b *browser) daily() dailyState {
	b.t.Helper()
	return run(b, chromedp.Evaluate[dailyState](`window.osarena.info`))
}

// sandbox reads the sandbox's state.
func (b *browser) sandbox() sandboxState {
	b.t.Helper()
	return run(b, chromedp.Evaluate[sandboxState](`window.osarena.info`))
}

// key holds one key (a kb constant such as kb.ArrowLeft) down until the
// page shows expr is true, then lets go: a slow frame rate (software
// WebGL on a busy machine) must not miss a quick press.
func (b *browser) key(k, expr string) {
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
	b.waitFor(expr)
	send(es[len(es)-1])
	time.Sleep(100 * time.Millisecond)
}

// hold presses the mouse on the target called name and keeps it down
// until the page shows expr is true: like key, for a slow frame rate.
func (b *browser) hold(name, expr string) {
	b.t.Helper()
	ts := run(b, chromedp.Evaluate[[]target](`window.osarena.targets`))
	i := slices.IndexFunc(ts, func(t target) bool { return t.Name == name })
	if i < 0 {
		b.t.Fatalf("hold %q: no such target on screen (%d targets)", name, len(ts))
	}
	x, y := ts[i].X+ts[i].W/2, ts[i].Y+ts[i].H/2
	mouse := func(typ input.DispatchMouseEventType) {
		b.do(chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
			p := input.DispatchMouseEventParams{Type: typ, X: x, Y: y, Button: input.MouseButtonLeft, ClickCount: 1}
			_, err := cdp.Call(ctx, t, input.DispatchMouseEvent, p)
			return err
		}))
	}
	mouse(input.DispatchMouseEventTypeMouseMoved)
	mouse(input.DispatchMouseEventTypeMousePressed)
	b.waitFor(expr)
	mouse(input.DispatchMouseEventTypeMouseReleased)
	time.Sleep(100 * time.Millisecond)
}

// holdTouch is hold with a finger, for a phone: the target must be wholly
// on the screen.
func (b *browser) holdTouch(name, expr string) {
	b.t.Helper()
	ts := run(b, chromedp.Evaluate[[]target](`window.osarena.targets`))
	vw := run(b, chromedp.Evaluate[[]float64](`[window.innerWidth, window.innerHeight]`))
	i := slices.IndexFunc(ts, func(t target) bool { return t.Name == name })
	if i < 0 {
		b.t.Fatalf("holdTouch %q: no such target on screen (%d targets)", name, len(ts))
	}
	tg := ts[i]
	if tg.X < 0 || tg.Y < 0 || tg.X+tg.W > vw[0]+0.5 || tg.Y+tg.H > vw[1]+0.5 {
		b.t.Fatalf("holdTouch %q: the target (%.0f,%.0f %.0f×%.0f) is not inside the %.0f×%.0f screen", name, tg.X, tg.Y, tg.W, tg.H, vw[0], vw[1])
	}
	touch := func(typ input.DispatchTouchEventType, pts []*input.TouchPoint) {
		b.do(chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
			_, err := cdp.Call(ctx, t, input.DispatchTouchEvent, input.DispatchTouchEventParams{Type: typ, TouchPoints: pts})
			return err
		}))
	}
	touch(input.DispatchTouchEventTypeTouchStart, []*input.TouchPoint{{X: tg.X + tg.W/2, Y: tg.Y + tg.H/2}})
	b.waitFor(expr)
	touch(input.DispatchTouchEventTypeTouchEnd, []*input.TouchPoint{})
	time.Sleep(100 * time.Millisecond)
}

// leaveBox presses Enter in the focused text box and waits for the game
// to take the keyboard back.
func (b *browser) leaveBox() {
	b.t.Helper()
	b.do(chromedp.KeyEvent("\r"))
	b.waitFor(`document.activeElement === null || document.activeElement.tagName !== "INPUT"`)
}

// checkReplace waits for the sandbox to stand at pos and checks the frames
// and fault count it shows against the trace.
func (b *browser) checkReplace(tr *replace.Trace, pos int) {
	b.t.Helper()
	b.waitFor(fmt.Sprintf(`window.osarena.info.pos === %d`, pos))
	s := b.sandbox()
	faults := 0
	for _, st := range tr.Steps[:pos] {
		if !st.Hit {
			faults++
		}
	}
	var frames []int
	for _, p := range tr.Steps[pos-1].Frames {
		frames = append(frames, int(p))
	}
	if s.FaultsNow != faults || !slices.Equal(s.FramesNow, frames) || s.Faults != tr.Faults {
		b.t.Errorf("sandbox at step %d shows %d faults so far, frames %v, %d in all; want %d, %v, %d (sim/replace)",
			pos, s.FaultsNow, s.FramesNow, s.Faults, faults, frames, tr.Faults)
	}
}

// playDaily answers every question of the daily challenge right by
// clicking, checking the first against sim/quiz, and returns the score.
func (b *browser) playDaily(tag string) int {
	b.t.Helper()
	var seen []string
	for i := range 8 {
		b.waitFor(fmt.Sprintf(`window.osarena.round && window.osarena.round.index === %d && window.osarena.round.phase === "ask"`, i))
		r := b.round()
		if r.Count != 8 {
			b.t.Fatalf("daily round has %d questions; want 8", r.Count)
		}
		q, err := quiz.Generate(quiz.Family(r.Family), r.Seed, r.Difficulty)
		if err != nil {
			b.t.Fatalf("quiz.Generate(%s, %d, %d): %v", r.Family, r.Seed, r.Difficulty, err)
		}
		seen = append(seen, string(q.Topic))
		if i == 0 {
			b.shot("daily-question-" + tag)
		}
		b.answerRight(q, b.click)
		b.waitFor(fmt.Sprintf(`window.osarena.round.index === %d && window.osarena.round.phase === "explain"`, i))
		if got := b.round(); got.Correct != i+1 {
			b.t.Errorf("daily question %d (%s) answered right, but %d are counted correct; want %d", i, r.Family, got.Correct, i+1)
		}
		if i == 0 {
			b.shot("daily-answer-" + tag)
		}
		b.click("next")
	}
	b.t.Logf("daily challenge topics: %v", seen)
	return b.round().Score
}
