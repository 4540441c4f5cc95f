//go:build !js

package e2e

import (
	"context"
	"fmt"
	"regexp"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/osarena/osarena/server"
)

// TestTournamentScheduledStart: the host (Ada, in English) creates a
// tournament that starts by itself in 15 minutes; her lobby and the lobby
// of 하늘, who opens the shared link on a Korean phone and registers, both
// say when it starts and how soon. Then the host starts it early and,
// as 하늘 never plays, awards the final to 하늘 by walkover. Screenshots of
// the form, both lobbies and the award panel.
func TestTournamentScheduledStart(t *testing.T) {
	url, shots := serveWeb(t, server.Config{})
	parent, stop := context.WithTimeout(context.Background(), 5*time.Minute)
	defer stop()
	ada := openBrowser(t, parent, shots)
	sky := openBrowser(t, parent, shots)
	for _, b := range []*browser{ada, sky} {
		b.do(chromedp.EmulateViewport(1280, 720))
		b.do(chromedp.Navigate(url))
		b.waitScene("title")
	}

	ada.click("tournaments")
	ada.waitScene("tournaments")
	ada.click("create")
	ada.waitScene("tour-settings")
	ada.typeInto("tour-name", "Evening Cup")
	ada.typeInto("nickname", "Ada")
	ada.click("duel-async")
	ada.click("start-15")
	ada.click("deadline-86400") // a day to play each duel
	ada.shot("tour-settings-start-1280x720")
	for _, tg := range run(ada, chromedp.Evaluate[[]target](`window.osarena.targets`)) {
		if tg.Name == "create" && tg.Y+tg.H > 720 {
			t.Errorf("the Create button (bottom %.0f) is below a 1280×720 screen", tg.Y+tg.H)
		}
	}
	sent := time.Now()
	ada.click("create")
	ada.waitScene("tour-lobby")
	ada.waitFor(`window.osarena.tour.startMs > 0 && window.osarena.tour.me === "Ada"`)
	if got := run(ada, chromedp.Evaluate[int](`window.osarena.tour.deadlineSec`)); got != 86400 {
		t.Errorf("the tournament's time to play a duel is %d s; want the form's 1 day, 86400 s", got)
	}
	st := ada.tourSchedule()
	if d := time.UnixMilli(st.StartMs).Sub(sent); d < 14*time.Minute || d > 16*time.Minute {
		t.Errorf("the server has the start %v after the form was sent; want 15 minutes", d)
	}
	if st.Lapsed || !regexp.MustCompile(`^Starts at \d\d:\d\d \(in 1[45] min\)$`).MatchString(st.Schedule) {
		t.Errorf("the host's lobby says %q (lapsed %v); want Starts at HH:MM (in 15 min)", st.Schedule, st.Lapsed)
	}
	time.Sleep(300 * time.Millisecond)
	ada.shot("tour-lobby-start-host-1280x720")

	sky.phoneKorean()
	sky.do(chromedp.Navigate(url + "?t=" + st.Code))
	sky.waitScene("tour-lobby")
	sky.typeInto("nickname", "하늘")
	sky.tap("register")
	sky.waitFor(`window.osarena.tour.me === "하늘"`)
	if got := sky.tourSchedule().Schedule; !regexp.MustCompile(`^\d\d:\d\d에 시작 \(1[45]분 뒤\)$`).MatchString(got) {
		t.Errorf("the Korean lobby says %q; want HH:MM에 시작 (15분 뒤)", got)
	}
	time.Sleep(300 * time.Millisecond)
	sky.shot("tour-lobby-start-ko-390x844")
	ada.waitFor(`window.osarena.tour.entrants.length === 2`)
	if got := ada.tour().Phase; got != "registering" {
		t.Errorf("phase %q before the start time; want registering", got)
	}

	// The host starts before the time, and 하늘 never plays: the host
	// decides the final without it, by walkover.
	ada.click("start")
	ada.waitScene("tour-bracket")
	sky.waitScene("tour-bracket")
	final := ada.tour().Matches[0]
	if final.Status != "ready" || len(final.Players) != 2 || final.Players[1] != "하늘" {
		t.Fatalf("the final is %+v; want Ada against 하늘, ready", final)
	}
	ada.click(fmt.Sprintf("match-%d", final.ID))
	ada.waitFor(fmt.Sprintf(`window.osarena.tour.selected === %d`, final.ID))
	time.Sleep(300 * time.Millisecond)
	ada.shot("tour-award-panel-1280x720")
	ada.click("correct-1")
	for _, b := range []*browser{ada, sky} {
		b.waitFor(`window.osarena.tour.champion === "하늘"`)
	}
	if m := sky.tour().Matches[0]; m.Status != "done" || !m.Walkover || m.Winner != "하늘" {
		t.Errorf("the awarded final is %+v; want 하늘 by walkover", m)
	}
	if got := sky.tourSchedule().Schedule; got != "" {
		t.Errorf("after the start the lobby's line %q is still reported", got)
	}
}

// tourSchedule is the scheduled start as window.osarena.tour reports it.
type tourSchedule struct {
	Code     string `json:"code"`
	StartMs  int64  `json:"startMs"`
	Lapsed   bool   `json:"lapsed"`
	Schedule string `json:"schedule"`
}

func (b *browser) tourSchedule() tourSchedule {
	b.t.Helper()
	return run(b, chromedp.Evaluate[tourSchedule](`window.osarena.tour`))
}
