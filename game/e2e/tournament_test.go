//go:build !js

package e2e

import (
	"context"
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/osarena/osarena/server"
)

// tourState is window.osarena.tour (game/tour_hook.go).
type tourState struct {
	Status   string   `json:"status"`
	Code     string   `json:"code"`
	Name     string   `json:"name"`
	Format   string   `json:"format"`
	Phase    string   `json:"phase"`
	Me       string   `json:"me"`
	Host     bool     `json:"host"`
	Entrants []string `json:"entrants"`
	Matches  []struct {
		ID        int      `json:"id"`
		Bracket   string   `json:"bracket"`
		Round     int      `json:"round"`
		Status    string   `json:"status"`
		Players   []string `json:"players"`
		Winner    string   `json:"winner"`
		Scores    []int32  `json:"scores"`
		Walkover  bool     `json:"walkover"`
		Live      bool     `json:"live"`
		Played    []bool   `json:"played"`
		Corrected bool     `json:"corrected"`
	} `json:"matches"`
	Standings []struct {
		Name   string  `json:"name"`
		Place  int     `json:"place"`
		Played int     `json:"played"`
		Wins   int     `json:"wins"`
		Draws  int     `json:"draws"`
		Losses int     `json:"losses"`
		Score  float64 `json:"score"`
		Out    bool    `json:"out"`
	} `json:"standings"`
	Champion string  `json:"champion"`
	Selected int     `json:"selected"`
	Duel     bool    `json:"duel"`
	Zoom     float64 `json:"zoom"`
}

func (b *browser) tour() tourState {
	b.t.Helper()
	return run(b, chromedp.Evaluate[tourState](`window.osarena.tour`))
}

// serveWeb builds the client and serves it from a real server on a free
// port; it returns the page's URL.
func serveWeb(t *testing.T, cfg server.Config) (url, shots string) {
	t.Helper()
	s := serveClient(t, cfg)
	return s.url, s.shots
}

// TestTournament runs a four-slot single-elimination bracket with three
// players in three browsers against the real server: the host (Ada)
// creates it with hand seeding, Bob joins by typing the code, 하늘 (in
// Korean) opens the shared ?t= link and registers there; the host moves
// 하늘 to the top seed, so 하늘 gets the bye; Ada and Bob play the
// semi-final as a live duel by clicking answers, Ada and 하늘 the final,
// and all three browsers see 하늘 crowned. Screenshots at every stage, and
// the bracket on a 390×844 phone.
func TestTournament(t *testing.T) {
	url, shots := serveWeb(t, server.Config{DuelPause: 3 * time.Second})
	parent, stop := context.WithTimeout(context.Background(), 10*time.Minute)
	defer stop()
	ada := openBrowser(t, parent, shots)
	bob := openBrowser(t, parent, shots)
	sky := openBrowser(t, parent, shots)
	all := []*browser{ada, bob, sky}
	for _, b := range all {
		b.do(chromedp.EmulateViewport(1280, 720))
		b.do(chromedp.Navigate(url))
		b.waitScene("title")
	}

	// Ada creates the tournament and registers herself.
	ada.click("tournaments")
	ada.waitScene("tournaments")
	ada.click("create")
	ada.waitScene("tour-settings")
	ada.typeInto("tour-name", "OS Cup")
	ada.typeInto("nickname", "Ada")
	for _, name := range []string{"format-single", "third-off", "duel-live", "rounds-3", "seconds-60", "seed-hand"} {
		ada.click(name)
	}
	ada.shot("tour-settings-1280x720")
	ada.click("create")
	ada.waitScene("tour-lobby")
	ada.waitFor(`window.osarena.tour.entrants && window.osarena.tour.entrants.length === 1 && window.osarena.tour.me === "Ada"`)
	code := ada.tour().Code
	if len(code) != 6 {
		t.Fatalf("the host's lobby shows tournament code %q; want six characters", code)
	}

	// Bob joins by the code.
	bob.click("tournaments")
	bob.waitScene("tournaments")
	bob.typeInto("nickname", "Bob")
	bob.typeInto("code", code)
	bob.shot("tour-join-1280x720")
	bob.click("join")
	bob.waitScene("tour-lobby")

	// 하늘, in Korean, opens the link the host shares and registers there.
	sky.click("settings")
	sky.waitScene("settings")
	sky.click("lang-ko")
	sky.waitFor(`window.osarena.lang === "ko"`)
	sky.do(chromedp.Navigate(url + "?t=" + code))
	sky.waitScene("tour-lobby")
	sky.typeInto("nickname", "하늘")
	sky.click("register")
	for _, b := range all {
		b.waitFor(`window.osarena.tour.entrants && window.osarena.tour.entrants.length === 3`)
	}
	if got := ada.tour().Entrants; !slices.Equal(got, []string{"Ada", "Bob", "하늘"}) {
		t.Errorf("the host's lobby lists %q; want Ada, Bob, 하늘 in registration order", got)
	}
	// Seeding by hand: 하늘 moves up to the top seed.
	ada.click("up-하늘")
	ada.waitFor(`window.osarena.tour.order && window.osarena.tour.order[1] === "하늘"`)
	ada.click("up-하늘")
	ada.waitFor(`window.osarena.tour.order[0] === "하늘"`)
	ada.shot("tour-lobby-host-1280x720")
	sky.shot("tour-lobby-guest-ko-1280x720")
	ada.click("start")
	for _, b := range all {
		b.waitScene("tour-bracket")
	}
	st := bob.tour()
	if !slices.Equal(st.Entrants, []string{"하늘", "Ada", "Bob"}) {
		t.Fatalf("seed order %q; want 하늘, Ada, Bob (the host's order)", st.Entrants)
	}
	var bye, semi, final int
	for _, m := range st.Matches {
		switch {
		case m.Round == 1 && m.Status == "bye":
			bye = m.ID
			if !slices.Contains(m.Players, "하늘") || !slices.Contains(m.Players, "bye") {
				t.Errorf("the bye is %+v; want the top seed 하늘 against nobody", m)
			}
		case m.Round == 1:
			semi = m.ID
			if m.Status != "ready" || !slices.Contains(m.Players, "Ada") || !slices.Contains(m.Players, "Bob") {
				t.Errorf("the semi-final is %+v; want Ada against Bob, ready", m)
			}
		case m.Round == 2:
			final = m.ID
		}
	}
	if bye == 0 || semi == 0 || final == 0 || len(st.Matches) != 3 {
		t.Fatalf("bracket %+v; want a bye, a semi-final and a final", st.Matches)
	}
	time.Sleep(300 * time.Millisecond)
	ada.shot("tour-bracket-start-1280x720")
	sky.shot("tour-bracket-start-ko-1280x720")

	// The bracket moves: zoom in, then fit again.
	z0 := bob.tour().Zoom
	bob.click("zoom-in")
	bob.waitFor(fmt.Sprintf(`window.osarena.tour.zoom > %v`, z0+0.01))
	bob.click("zoom-fit")
	bob.waitFor(fmt.Sprintf(`Math.abs(window.osarena.tour.zoom - %v) < 0.001`, z0))

	// The semi-final, a live duel: both open the match and get ready.
	semiName := fmt.Sprintf("match-%d", semi)
	ada.click(semiName)
	ada.waitFor(fmt.Sprintf(`window.osarena.tour.selected === %d && window.osarena.targets.some(t => t.name === "ready")`, semi))
	ada.shot("tour-match-panel-host-1280x720")
	ada.click("ready")
	bob.click("my-match") // the banner opens Bob's ready match
	bob.waitFor(fmt.Sprintf(`window.osarena.tour.selected === %d && window.osarena.targets.some(t => t.name === "ready")`, semi))
	bob.click("ready")
	playDuel(t, []*browser{ada, bob}, []bool{true, false}, "semi")
	for _, b := range all {
		b.waitFor(fmt.Sprintf(`window.osarena.tour.matches.some(m => m.id === %d && m.status === "done" && m.winner === "Ada")`, semi))
	}
	sky.waitFor(fmt.Sprintf(`window.osarena.tour.matches.some(m => m.id === %d && m.status === "ready")`, final))
	time.Sleep(300 * time.Millisecond)
	sky.shot("tour-bracket-final-ready-ko-1280x720")
	// Bob reloads: the tab goes straight back to the tournament, registered.
	bob.do(chromedp.Reload())
	bob.waitScene("tour-bracket")
	bob.waitFor(`window.osarena.tour.me === "Bob" && window.osarena.tour.status === "online"`)
	bob.phone(true)
	bob.shot("tour-bracket-bob-390x844")
	bob.tap(semiName)
	bob.waitFor(fmt.Sprintf(`window.osarena.tour.selected === %d`, semi))
	bob.shot("tour-bracket-panel-bob-390x844")
	bob.tap("close-match")
	bob.waitFor(`window.osarena.tour.selected === 0`)

	// The final: 하늘 (the bye) against Ada.
	finalName := fmt.Sprintf("match-%d", final)
	for _, b := range []*browser{sky, ada} {
		b.click(finalName)
		b.waitFor(fmt.Sprintf(`window.osarena.tour.selected === %d && window.osarena.targets.some(t => t.name === "ready")`, final))
		b.click("ready")
	}
	playDuel(t, []*browser{sky, ada}, []bool{true, false}, "final")
	for _, b := range all {
		b.waitFor(`window.osarena.tour.phase === "finished" && window.osarena.tour.champion !== ""`)
	}
	for _, b := range all {
		if got := b.tour().Champion; got != "하늘" {
			t.Errorf("a browser shows champion %q; want 하늘", got)
		}
	}
	time.Sleep(300 * time.Millisecond)
	ada.shot("tour-champion-host-1280x720")
	sky.shot("tour-champion-ko-1280x720")
	bob.shot("tour-champion-bob-390x844")
}

// playDuel plays a live duel between two browsers already seated: every
// round answered by clicking, right or wrong as said; both have the same
// podium, the first is told they won, then both go back to the bracket.
func playDuel(t *testing.T, bs []*browser, right []bool, tag string) {
	t.Helper()
	for _, b := range bs {
		b.waitFor(`window.osarena.tour && window.osarena.tour.duel === true`)
	}
	rounds := 0
	for round := 1; ; round++ {
		for _, b := range bs {
			b.waitFor(fmt.Sprintf(`window.osarena.scene === "podium" || (window.osarena.scene === "live-round" && window.osarena.live.round === %d && window.osarena.live.picks !== undefined)`, round))
		}
		if bs[0].live().Phase == "podium" {
			break
		}
		rounds = round
		if round == 1 {
			bs[0].shot("tour-" + tag + "-round1-1280x720")
		}
		for i, b := range bs {
			b.answer(right[i])
		}
		for _, b := range []*browser{bs[1], bs[0]} {
			b.waitFor(fmt.Sprintf(`window.osarena.scene === "reveal" && window.osarena.live.round === %d || window.osarena.scene === "podium" || window.osarena.live.round > %d`, round, round))
			if round == 1 && b == bs[1] {
				b.shot("tour-" + tag + "-reveal1-1280x720")
			}
		}
		if round > 10 {
			t.Fatalf("%s: the duel did not end after %d rounds", tag, round)
		}
	}
	if rounds != 3 {
		t.Errorf("%s: %d rounds played; want 3 (the tournament's questions per duel)", tag, rounds)
	}
	for _, b := range bs {
		b.waitFor(`window.osarena.scene === "podium" && window.osarena.live.podium && window.osarena.live.podium.length === 2`)
	}
	if got := bs[0].live().Podium[0].Nickname; got != bs[0].tour().Me {
		t.Errorf("%s: the podium puts %q first; want %q, who answered every question right", tag, got, bs[0].tour().Me)
	}
	// The duel's end says who won, once the bracket has the result.
	bs[0].waitFor(`["You won", "승리했습니다"].includes(window.osarena.tour.duelResult)`)
	bs[0].shot("tour-" + tag + "-result-1280x720")
	for _, b := range bs {
		b.click("bracket")
		b.waitScene("tour-bracket")
	}
}
