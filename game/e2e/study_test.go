//go:build !js

package e2e

import (
	"context"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/osarena/osarena/server"
)

// studyHookState is window.osarena.live in a study room (game/scene_study.go).
type studyHookState struct {
	Status  string `json:"status"`
	Code    string `json:"code"`
	Me      uint32 `json:"me"`
	Sim     string `json:"sim"`
	Members []struct {
		ID       uint32 `json:"id"`
		Nickname string `json:"nickname"`
		Initial  string `json:"initial"`
	} `json:"members"`
	Steps       int            `json:"steps"`
	Cursor      int            `json:"cursor"`
	Queue       []int32        `json:"queue"`
	Predictions []studyPredict `json:"predictions"`
	Shown       *struct {
		Input       int32          `json:"input"`
		Answer      int32          `json:"answer"`
		Predictions []studyPredict `json:"predictions"`
		Explanation string         `json:"explanation"`
	} `json:"shown"`
	Markers []struct {
		Initial string  `json:"initial"`
		Value   int32   `json:"value"`
		Right   int     `json:"right"`
		X       float64 `json:"x"`
		Y       float64 `json:"y"`
		W       float64 `json:"w"`
		H       float64 `json:"h"`
	} `json:"markers"`
	Playing bool `json:"playing"`
}

type studyPredict struct {
	Member uint32 `json:"member"`
	Value  int32  `json:"value"`
}

func (b *browser) study() studyHookState {
	b.t.Helper()
	return run(b, chromedp.Evaluate[studyHookState](`window.osarena.live`))
}

// propose types n on the study keypad and adds it to the queue.
func (b *browser) propose(n int) {
	b.t.Helper()
	for _, d := range fmt.Sprint(n) {
		b.click("key-" + string(d))
	}
	b.click("propose")
}

// settle waits until the step's animation has played.
func (b *browser) settle() {
	b.t.Helper()
	b.waitFor(`window.osarena.live && window.osarena.live.playing === false`)
}

// TestStudyRoom: two browsers share a page-replacement study room. One
// proposes a reference, both predict, both initials show as markers on the
// frames they picked, the step plays and both see the same state and
// explanation; stepping back works for both. Then a disk-scheduling room
// on a phone-sized screen in Korean.
func TestStudyRoom(t *testing.T) {
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
	host.shot("study-title-1280x720")

	// The host opens an LRU room with three frames.
	host.click("study")
	host.waitScene("study-start")
	host.typeInto("nickname", "Ada")
	host.click("policy-lru")
	host.click("frames-3")
	host.shot("study-start-1280x720")
	host.click("create")
	host.waitScene("study")
	code := host.study().Code
	if len(code) != 6 {
		t.Fatalf("the study room's code is %q; want six characters", code)
	}
	host.shot("study-empty-1280x720")

	// The guest joins by the code with a Korean nickname.
	guest.click("study")
	guest.waitScene("study-start")
	guest.click("nickname")
	guest.compose("ㄱ", "기", "김")
	guest.insert("민수")
	guest.typeInto("code", code)
	guest.click("join")
	guest.waitScene("study")
	host.waitFor(`window.osarena.live.members.length === 2`)
	if got := host.study().Members; got[0].Initial != "A" || got[1].Nickname != "김민수" || got[1].Initial != "김" {
		t.Fatalf("the host sees members %+v; want Ada (A) and 김민수 (김)", got)
	}

	// The guest proposes page 7; both predict; the markers are on the frames.
	guest.propose(7)
	for _, b := range []*browser{host, guest} {
		b.waitFor(`window.osarena.live.queue && (window.osarena.live.queue || []).length === 1 && window.osarena.live.queue[0] === 7`)
	}
	host.click("frame-0")
	guest.click("frame-2")
	for _, b := range []*browser{host, guest} {
		b.waitFor(`window.osarena.live.markers && window.osarena.live.markers.length === 2`)
	}
	ts := run(host, chromedp.Evaluate[[]target](`window.osarena.targets`))
	frames := map[string]target{}
	for _, tg := range ts {
		frames[tg.Name] = tg
	}
	for _, mk := range host.study().Markers {
		f := frames[fmt.Sprintf("frame-%d", mk.Value)]
		cx, cy := mk.X+mk.W/2, mk.Y+mk.H/2
		if cx < f.X || cx > f.X+f.W || cy < f.Y-mk.H || cy > f.Y+f.H {
			t.Errorf("marker %s for frame %d at (%.0f,%.0f) is not on the frame (%+v)", mk.Initial, mk.Value, cx, cy, f)
		}
	}
	if got := initials(host.study()); got != "A,김" {
		t.Errorf("markers on the host's picture: %s; want A,김", got)
	}
	if got := initials(guest.study()); got != "A,김" {
		t.Errorf("markers on the guest's picture: %s; want A,김", got)
	}
	host.shot("study-predict-host-1280x720")
	guest.shot("study-predict-guest-1280x720")

	// The step plays for both.
	host.click("step")
	for _, b := range []*browser{host, guest} {
		b.waitFor(`window.osarena.live.steps === 1 && window.osarena.live.cursor === 1`)
	}
	time.Sleep(500 * time.Millisecond)
	guest.shot("study-playing-guest-1280x720")
	host.settle()
	guest.settle()
	hs, gs := host.study(), guest.study()
	if hs.Shown == nil || gs.Shown == nil || !reflect.DeepEqual(hs.Shown, gs.Shown) || hs.Shown.Answer != 0 {
		t.Fatalf("after the step: host shows %+v, guest %+v; want the same step, page 7 into frame 0", hs.Shown, gs.Shown)
	}
	if !strings.Contains(hs.Shown.Explanation, "fault") {
		t.Errorf("the explanation %q does not say the reference faulted", hs.Shown.Explanation)
	}
	rights := map[string]int{}
	for _, mk := range hs.Markers {
		rights[mk.Initial] = mk.Right
	}
	if rights["A"] != 1 || rights["김"] != -1 {
		t.Errorf("marker verdicts %v; want A right, 김 wrong", rights)
	}
	host.shot("study-step1-host-1280x720")

	// Three more references, then a prediction of LRU's victim.
	host.propose(0)
	guest.propose(1)
	host.waitFor(`(window.osarena.live.queue || []).length === 2`)
	host.propose(2)
	host.waitFor(`(window.osarena.live.queue || []).length === 3`)
	for i := 2; i <= 3; i++ {
		guest.click("step")
		host.waitFor(fmt.Sprintf(`window.osarena.live.steps === %d`, i))
		guest.waitFor(fmt.Sprintf(`window.osarena.live.steps === %d`, i))
		host.settle()
		guest.settle()
	}
	host.click("frame-0") // LRU evicts page 7, in frame 0
	guest.click("frame-1")
	host.waitFor(`(window.osarena.live.predictions || []).length === 2`)
	host.shot("study-predict-victim-host-1280x720")
	host.click("step")
	for _, b := range []*browser{host, guest} {
		b.waitFor(`window.osarena.live.steps === 4`)
		b.settle()
	}
	hs, gs = host.study(), guest.study()
	if !reflect.DeepEqual(hs.Shown, gs.Shown) || hs.Shown.Answer != 0 || !strings.Contains(hs.Shown.Explanation, "LRU") {
		t.Errorf("step 4: host %+v, guest %+v; want frame 0 and an LRU explanation", hs.Shown, gs.Shown)
	}
	host.shot("study-step4-host-1280x720")
	guest.phone(true)
	guest.shot("study-step4-guest-390x844")
	guest.phone(false)

	// Back through the history, for both.
	guest.click("back")
	for _, b := range []*browser{host, guest} {
		b.waitFor(`window.osarena.live.cursor === 3`)
	}
	if got := host.study().Shown; got == nil || got.Input != 1 {
		t.Errorf("after Back the host shows step %+v; want step 3 (page 1)", got)
	}
	host.shot("study-back-host-1280x720")
	host.click("forward")
	guest.waitFor(`window.osarena.live.cursor === 4`)

	// A disk room, in Korean, on a phone.
	guest.click("leave")
	guest.waitScene("title")
	guest.click("settings")
	guest.waitScene("settings")
	guest.click("lang-ko")
	guest.waitFor(`window.osarena.lang === "ko"`)
	guest.click("back")
	guest.waitScene("title")
	guest.phone(true)
	guest.tap("study")
	guest.waitScene("study-start")
	guest.tap("sim-disk")
	guest.tap("policy-scan")
	guest.tap("head-53")
	guest.tap("dir-up")
	guest.shot("study-start-disk-ko-390x844")
	guest.tap("create")
	guest.waitScene("study")
	for _, c := range []int{98, 37, 183} {
		guest.propose(c)
	}
	guest.waitFor(`(window.osarena.live.queue || []).length === 3`)
	guest.tap("cyl-98")
	guest.waitFor(`(window.osarena.live.markers || []).length === 1`)
	guest.shot("study-disk-predict-ko-390x844")
	guest.tap("step")
	guest.waitFor(`window.osarena.live.steps === 1`)
	guest.settle()
	if got := guest.study().Shown; got == nil || got.Answer != 98 {
		t.Errorf("SCAN from 53 going up served %+v; want 98", got)
	}
	guest.tap("step")
	guest.waitFor(`window.osarena.live.steps === 2`)
	guest.settle()
	guest.shot("study-disk-step-ko-390x844")
	guest.phone(false)
	guest.shot("study-disk-step-ko-1280x720")
}

// initials lists the markers' initials, sorted as the hook gives them.
func initials(s studyHookState) string {
	var out []string
	for _, mk := range s.Markers {
		out = append(out, mk.Initial)
	}
	return strings.Join(out, ",")
}
