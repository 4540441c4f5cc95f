//go:build !js

package e2e

import (
	"context"
	"fmt"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"

	"github.com/osarena/osarena/netcode"
	"github.com/osarena/osarena/server"
)

// liveState is window.osarena.live (game/live_hook.go).
type liveState struct {
	Status  string `json:"status"`
	Code    string `json:"code"`
	Me      uint32 `json:"me"`
	Host    bool   `json:"host"`
	Phase   string `json:"phase"`
	Locked  bool   `json:"locked"`
	Players []struct {
		Nickname  string `json:"nickname"`
		Host      bool   `json:"host"`
		Connected bool   `json:"connected"`
	} `json:"players"`
	Round    int        `json:"round"`
	Rounds   int        `json:"rounds"`
	Family   string     `json:"family"`
	Kind     string     `json:"kind"`
	Scenario string     `json:"scenario"`
	Step     int        `json:"step"`
	Picks    []hookPick `json:"picks"`
	Answered [2]int     `json:"answered"`
	Left     int        `json:"left"`
	Board    []hookRow  `json:"board"`
	Podium   []hookRow  `json:"podium"`
}

type hookPick struct {
	Name  string `json:"name"`
	Value int64  `json:"value"`
}

type hookRow struct {
	ID       uint32 `json:"id"`
	Nickname string `json:"nickname"`
	Rank     int    `json:"rank"`
	Score    int32  `json:"score"`
	Points   int32  `json:"points"`
	Streak   uint16 `json:"streak"`
	Correct  bool   `json:"correct"`
}

// TestLiveMatch plays a live match against the real server in two
// browsers: the host creates a room, the guest (in Korean) types a Korean
// nickname through IME composition and joins by the code the host's page
// shows; both answer every question by clicking, see the same leaderboard
// and podium; the guest reloads mid-round and lands back in the round with
// the time that is left, then finishes on a phone-sized screen.
func TestLiveMatch(t *testing.T) {
	site := serveClient(t, server.Config{})
	url, shots := site.url, site.shots

	parent, stop := context.WithTimeout(context.Background(), 8*time.Minute)
	defer stop()
	host := openBrowser(t, parent, shots)
	guest := openBrowser(t, parent, shots)
	for _, b := range []*browser{host, guest} {
		b.do(chromedp.EmulateViewport(1280, 720))
		b.do(chromedp.Navigate(url))
		b.waitScene("title")
	}

	// The host: nickname, settings, room.
	host.click("friends")
	host.waitScene("friends")
	host.typeInto("nickname", "Ada")
	host.click("create")
	host.waitScene("host-settings")
	for _, name := range []string{"difficulty-1", "rounds-10", "timed-on", "seconds-60"} {
		host.click(name)
	}
	host.shot("live-host-settings-1280x720")
	host.click("create")
	host.waitScene("lobby")
	code := host.live().Code
	if len(code) != 6 {
		t.Fatalf("the host's lobby shows room code %q; want six characters", code)
	}

	// The guest, in Korean: a nickname typed through the IME, then the code.
	guest.click("settings")
	guest.waitScene("settings")
	guest.click("lang-ko")
	guest.waitFor(`window.osarena.lang === "ko"`)
	guest.click("back")
	guest.waitScene("title")
	guest.click("friends")
	guest.waitScene("friends")
	guest.click("nickname")
	guest.compose("ㄱ", "기", "김")
	guest.insert("하늘")
	guest.typeInto("code", code)
	guest.shot("live-join-ko-1280x720")
	guest.phone(true)
	guest.shot("live-join-ko-390x844")
	guest.click("join")
	guest.waitScene("lobby")
	host.waitFor(`window.osarena.live.players.length === 2`)
	if got := host.live().Players[1].Nickname; got != "김하늘" {
		t.Errorf("the host sees the guest as %q; want 김하늘", got)
	}
	host.click("lock")
	host.waitFor(`window.osarena.live.locked === true`)
	host.click("lock")
	host.waitFor(`window.osarena.live.locked === false`)
	// The host changes the room from 10 questions to 5 in the lobby; the
	// guest's lobby shows the change (the match below plays 5 rounds).
	guest.waitFor(`window.osarena.live.rounds === 10`)
	host.click("edit-settings")
	host.waitFor(`window.osarena.targets.some(t => t.name === "save-settings")`)
	host.click("rounds-5")
	host.shot("live-lobby-settings-host-1280x720")
	host.click("save-settings")
	guest.waitFor(`window.osarena.live.rounds === 5`)
	host.shot("live-lobby-host-1280x720")
	guest.shot("live-lobby-guest-ko-390x844")
	guest.phone(false)
	guest.shot("live-lobby-guest-ko-1280x720")

	host.click("start")
	for round := 1; round <= 5; round++ {
		for _, b := range []*browser{host, guest} {
			b.waitFor(fmt.Sprintf(`window.osarena.scene === "live-round" && window.osarena.live.round === %d && window.osarena.live.picks !== undefined`, round))
		}
		if round == 1 {
			host.shot("live-round1-host-1280x720")
			guest.shot("live-round1-guest-ko-1280x720")
		}
		if round == 3 {
			// The guest drops and comes back: the reload resumes the
			// session and lands in the same round with the time left.
			before := guest.live().Left
			guest.phone(true)
			guest.do(chromedp.Reload())
			guest.waitFor(`window.osarena.scene === "live-round" && window.osarena.live.round === 3`)
			after := guest.live()
			if after.Left <= 0 || after.Left > before {
				t.Errorf("after the reload the guest's countdown shows %d s; want 1–%d s", after.Left, before)
			}
			t.Logf("resume: countdown %d s before the reload, %d s after", before, after.Left)
			guest.shot("live-round3-resumed-ko-390x844")
		}
		host.answer(true)
		guest.answer(round != 2) // one wrong answer, for the misconception
		for _, b := range []*browser{host, guest} {
			b.waitFor(fmt.Sprintf(`window.osarena.scene === "reveal" && window.osarena.live.board && window.osarena.live.board.length === 2 && window.osarena.live.round === %d`, round))
		}
		hb, gb := host.live().Board, guest.live().Board
		if !reflect.DeepEqual(hb, gb) {
			t.Errorf("round %d: the leaderboards differ:\nhost  %+v\nguest %+v", round, hb, gb)
		}
		if round <= 2 {
			time.Sleep(1500 * time.Millisecond) // the step plays out
			host.shot(fmt.Sprintf("live-reveal%d-host-1280x720", round))
		}
		if round == 2 {
			guest.shot("live-reveal2-guest-ko-1280x720")
		}
		if round == 4 {
			guest.shot("live-reveal4-guest-ko-390x844")
		}
		host.click("next")
	}
	for _, b := range []*browser{host, guest} {
		b.waitFor(`window.osarena.scene === "podium" && window.osarena.live.podium && window.osarena.live.podium.length === 2`)
	}
	hp, gp := host.live().Podium, guest.live().Podium
	if !reflect.DeepEqual(hp, gp) {
		t.Errorf("the podiums differ:\nhost  %+v\nguest %+v", hp, gp)
	}
	if hp[0].Nickname != "Ada" {
		t.Errorf("podium = %+v; want Ada first (she answered every question right)", hp)
	}
	host.shot("live-podium-host-1280x720")
	guest.shot("live-podium-guest-ko-390x844")
}

// openBrowser starts a chromium of its own (its own profile, so its own
// storage) and returns a tab in it.
func openBrowser(t *testing.T, parent context.Context, shots string) *browser {
	alloc, cancelAlloc := chromedp.NewExecAllocator(parent,
		chromedp.ExecPath("chromium"),
		chromedp.Headless, chromedp.NoSandbox, chromedp.NoFirstRun, chromedp.NoDefaultBrowserCheck,
		// Mesa's llvmpipe through ANGLE draws faster than SwiftShader
		// (CLIENT-NOTES.md), which matters with two browsers on two cores.
		chromedp.Flag("use-gl", "angle"), chromedp.Flag("use-angle", "gl-egl"), chromedp.Flag("ignore-gpu-blocklist", true),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-background-timer-throttling", true),
		chromedp.Flag("disable-renderer-backgrounding", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1280, 720),
	)
	t.Cleanup(cancelAlloc)
	ctx, cancel := chromedp.NewContext(alloc)
	t.Cleanup(cancel)
	return &browser{t: t, ctx: ctx, shots: shots}
}

// phone switches the tab to a phone held upright (390×844, scale 2) or
// back to 1280×720, and gives the game a moment to lay itself out again.
func (b *browser) phone(on bool) {
	b.t.Helper()
	if on {
		b.do(chromedp.EmulateViewport(390, 844, chromedp.EmulateScale(2)))
	} else {
		b.do(chromedp.EmulateViewport(1280, 720))
	}
	time.Sleep(700 * time.Millisecond)
}

// live reads window.osarena.live.
func (b *browser) live() liveState {
	b.t.Helper()
	return run(b, chromedp.Evaluate[liveState](`window.osarena.live`))
}

// typeInto clicks the text box called name and types s into it.
func (b *browser) typeInto(name, s string) {
	b.t.Helper()
	b.click(name)
	run(b, chromedp.Evaluate[bool](`(document.activeElement.select(), true)`))
	b.insert(s)
}

// insert commits text at the caret, as an IME or a paste does.
func (b *browser) insert(s string) {
	b.t.Helper()
	if err := chromedp.Do(b.ctx, chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := cdp.Call(ctx, t, input.InsertText, input.InsertTextParams{Text: s})
		return err
	})); err != nil {
		b.t.Fatalf("insert %q: %v", s, err)
	}
}

// compose types a syllable the way a Korean IME does: each step replaces
// the composition (ㄱ → 기 → 김), then the last is committed.
func (b *browser) compose(steps ...string) {
	b.t.Helper()
	err := chromedp.Do(b.ctx, chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		for _, s := range steps {
			n := int64(len([]rune(s)))
			if _, err := cdp.Call(ctx, t, input.ImeSetComposition, input.ImeSetCompositionParams{Text: s, SelectionStart: n, SelectionEnd: n}); err != nil {
				return err
			}
		}
		_, err := cdp.Call(ctx, t, input.InsertText, input.InsertTextParams{Text: steps[len(steps)-1]})
		return err
	}))
	if err != nil {
		b.t.Fatalf("compose %q: %v", steps, err)
	}
}

// answer answers the open question by clicking, rightly or (right false)
// wrongly; the right answer comes from the client's own sim via
// netcode.LocalAnswer on the question the page reports.
func (b *browser) answer(right bool) {
	b.t.Helper()
	l := b.live()
	q := netcode.Question{Family: l.Family, Scenario: []byte(l.Scenario), Step: uint16(l.Step)}
	vals, ok := netcode.LocalAnswer(&q)
	if !ok {
		b.t.Fatalf("round %d: cannot compute the answer to %s", l.Round, l.Family)
	}
	v := vals[0]
	switch l.Kind {
	case "choice":
		if !right {
			v = b.otherChoice(l, v)
		}
		for _, p := range l.Picks {
			if p.Value == v {
				b.click(p.Name)
				return
			}
		}
		b.click("choice-" + strconv.FormatInt(v, 10))
	case "number":
		if !right {
			v++
		}
		for _, d := range strconv.FormatInt(v, 10) {
			b.click("key-" + string(d))
		}
		if b.visible("submit") {
			b.click("submit")
		} else {
			b.do(chromedp.KeyEvent("\r")) // Enter submits too
		}
	default:
		b.t.Fatalf("round %d: answering %s questions (%s) is not scripted", l.Round, l.Kind, l.Family)
	}
}

// visible reports whether the target called name is inside the viewport.
func (b *browser) visible(name string) bool {
	b.t.Helper()
	return run(b, chromedp.Evaluate[bool](`window.osarena.targets.some(t => t.name === "`+name+`" && t.y + t.h <= window.innerHeight)`))
}

// otherChoice returns a value other than v that a target on screen answers.
func (b *browser) otherChoice(l liveState, v int64) int64 {
	for _, p := range l.Picks {
		if p.Value != v {
			return p.Value
		}
	}
	for _, t := range run(b, chromedp.Evaluate[[]target](`window.osarena.targets`)) {
		if w, ok := strings.CutPrefix(t.Name, "choice-"); ok {
			if x, err := strconv.ParseInt(w, 10, 64); err == nil && x != v {
				return x
			}
		}
	}
	return v
}
