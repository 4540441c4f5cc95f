//go:build !js

package e2e

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/osarena/osarena/server"
)

// TestTournamentMore runs the tournament paths TestTournament leaves out,
// with the same three browsers throughout (Ada hosts, Bob, and 하늘 in
// Korean):
//
//   - a double-elimination tournament with asynchronous duels, to the end:
//     the winners' bracket, the losers' final, the grand final; every
//     browser sees each result and the champion. The first duel is played
//     one side at a time, so the others see a half-played match.
//   - the host corrects the grand final: its loser (from the losers'
//     bracket) now won it, so the tournament runs again and every browser
//     shows the grand final's reset ready, and no champion.
//   - a round robin: after its first round every browser's standings are
//     what the results say; the host steps back to round 1's pairings
//     (the view has moved on to round 2), corrects that round's match, and
//     every table turns over.
//
// Screenshots of the double-elimination bracket (1280×720 and a 390×844
// phone in Korean), the async duel screens and the standings.
func TestTournamentMore(t *testing.T) {
	url, shots := serveWeb(t, server.Config{DuelPause: time.Second})
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
	sky.click("settings")
	sky.waitScene("settings")
	sky.click("lang-ko")
	sky.waitFor(`window.osarena.lang === "ko"`)
	sky.click("back")
	sky.waitScene("title")

	// (a) Double elimination, async duels. Hand seeding in registration
	// order: Ada 1 (a bye), Bob 2, 하늘 3.
	gatherTour(t, all, "DE Cup", "format-double")
	st := ada.tour()
	wb1 := findMatch(t, st, "winners", 1, "ready")
	if !slices.Equal(wb1.Players, []string{"Bob", "하늘"}) {
		t.Fatalf("the winners' first round is %+v; want Bob against 하늘", wb1)
	}
	time.Sleep(300 * time.Millisecond)
	ada.shot("tour-double-start-1280x720")
	sky.phone(true)
	sky.shot("tour-double-banner-ko-390x844")
	sky.phone(false)

	// Bob plays his side alone first; the others see it half played.
	playAsync(t, []*browser{bob}, []bool{false}, wb1.ID, "async-first", "Waiting for 하늘")
	for _, b := range all {
		b.waitFor(fmt.Sprintf(`window.osarena.tour.matches.some(m => m.id === %d && m.status === "ready" && m.played[0] && !m.played[1])`, wb1.ID))
	}
	bob.click(fmt.Sprintf("match-%d", wb1.ID))
	bob.waitFor(fmt.Sprintf(`window.osarena.tour.selected === %d`, wb1.ID))
	if bob.visible("ready") {
		t.Errorf("Bob, who has played his side of match %d, is offered to play it again", wb1.ID)
	}
	time.Sleep(200 * time.Millisecond)
	bob.shot("tour-async-played-waiting-1280x720")
	bob.click("close-match")
	sky.shot("tour-async-opponent-played-ko-1280x720")
	playAsync(t, []*browser{sky}, []bool{true}, wb1.ID, "async-second-ko", "승리했습니다")
	waitWinner(all, wb1.ID, "하늘")

	// The winners' final: Ada beats 하늘, who drops to the losers' final.
	wbf := findMatch(t, ada.tour(), "winners", 2, "ready")
	playAsync(t, []*browser{ada, sky}, []bool{true, false}, wbf.ID, "", "")
	waitWinner(all, wbf.ID, "Ada")
	lf := findMatch(t, ada.tour(), "losers", 0, "ready")
	if !sameSet(lf.Players, []string{"Bob", "하늘"}) {
		t.Fatalf("the losers' final is %+v; want Bob against 하늘", lf)
	}
	time.Sleep(300 * time.Millisecond)
	ada.shot("tour-double-losers-ready-1280x720")
	playAsync(t, []*browser{bob, sky}, []bool{true, false}, lf.ID, "", "")
	waitWinner(all, lf.ID, "Bob")

	// The grand final: Ada (unbeaten) beats Bob; no reset is needed.
	gf := findMatch(t, ada.tour(), "grand_final", 1, "ready")
	if !slices.Equal(gf.Players, []string{"Ada", "Bob"}) {
		t.Fatalf("the grand final is %+v; want Ada (winners' bracket) against Bob (losers' bracket)", gf)
	}
	playAsync(t, []*browser{ada, bob}, []bool{true, false}, gf.ID, "", "")
	for _, b := range all {
		b.waitFor(`window.osarena.tour.phase === "finished" && window.osarena.tour.champion === "Ada"`)
	}
	time.Sleep(300 * time.Millisecond)
	ada.shot("tour-double-champion-1280x720")
	sky.shot("tour-double-champion-ko-1280x720")
	sky.phone(true)
	sky.shot("tour-double-champion-ko-390x844")
	sky.phone(false)

	// (c) The host corrects the grand final: Bob won it. Bob's first loss
	// is Ada's first too, so the reset decides.
	ada.click(fmt.Sprintf("match-%d", gf.ID))
	ada.waitFor(fmt.Sprintf(`window.osarena.tour.selected === %d && window.osarena.targets.some(t => t.name === "correct-1")`, gf.ID))
	ada.shot("tour-double-correct-panel-1280x720")
	ada.click("correct-1")
	for _, b := range all {
		b.waitFor(fmt.Sprintf(`window.osarena.tour.matches.some(m => m.id === %d && m.winner === "Bob" && m.corrected) && window.osarena.tour.champion === "" && window.osarena.tour.phase === "running"`, gf.ID))
	}
	time.Sleep(300 * time.Millisecond)
	ada.shot("tour-double-corrected-panel-1280x720")
	ada.click("close-match")
	reset := findMatch(t, ada.tour(), "grand_final", 2, "ready")
	if !sameSet(reset.Players, []string{"Ada", "Bob"}) {
		t.Fatalf("the grand final's reset is %+v; want Ada against Bob", reset)
	}
	for _, b := range all[1:] {
		if got := findMatch(t, b.tour(), "grand_final", 2, "ready"); got.ID != reset.ID {
			t.Errorf("a browser shows the reset as match %d; want %d", got.ID, reset.ID)
		}
	}
	time.Sleep(300 * time.Millisecond)
	ada.shot("tour-double-reset-1280x720")
	sky.phone(true)
	sky.shot("tour-double-reset-ko-390x844")
	sky.phone(false)

	// (b) A round robin: the first round, then the standings.
	for _, b := range all {
		b.click("back")
		b.waitScene("title")
	}
	gatherTour(t, all, "League", "format-roundrobin")
	st = ada.tour()
	var first []int
	for _, m := range st.Matches {
		if m.Round == 1 && m.Status == "ready" {
			first = append(first, m.ID)
		}
	}
	if len(first) != 1 {
		t.Fatalf("round 1 of a three-player round robin has ready matches %v; want one (and a bye)", first)
	}
	rr := findMatch(t, st, "league", 1, "ready")
	by := map[string]*browser{"Ada": ada, "Bob": bob, "하늘": sky}
	playAsync(t, []*browser{by[rr.Players[0]], by[rr.Players[1]]}, []bool{true, false}, rr.ID, "", "")
	waitWinner(all, rr.ID, rr.Players[0])
	for _, b := range all {
		checkStandings(t, b)
	}
	time.Sleep(300 * time.Millisecond)
	ada.shot("tour-standings-1280x720")
	sky.shot("tour-standings-ko-1280x720")
	sky.phone(true)
	sky.shot("tour-standings-ko-390x844")
	sky.phone(false)

	// The host corrects it: the other player won; every table turns over.
	// The view shows round 2 now: the host steps back to round 1.
	ada.waitFor(`window.osarena.tour.pairings === 2`)
	ada.click("round-prev")
	ada.waitFor(`window.osarena.tour.pairings === 1`)
	ada.click(fmt.Sprintf("match-%d", rr.ID))
	ada.waitFor(`window.osarena.targets.some(t => t.name === "correct-1")`)
	ada.click("correct-1")
	waitWinner(all, rr.ID, rr.Players[1])
	ada.click("close-match")
	for _, b := range all {
		b.waitFor(fmt.Sprintf(`window.osarena.tour.standings[0].name === %q`, rr.Players[1]))
		checkStandings(t, b)
	}
	time.Sleep(300 * time.Millisecond)
	bob.shot("tour-standings-corrected-1280x720")
}

// gatherTour has bs[0] create a tournament (async duels of three
// questions, seeded by hand) in the given format, registering as Ada; the
// others join by its code as Bob and 하늘; the host starts it and every
// browser shows the bracket.
func gatherTour(t *testing.T, bs []*browser, name, format string) {
	t.Helper()
	host := bs[0]
	host.click("tournaments")
	host.waitScene("tournaments")
	host.click("create")
	host.waitScene("tour-settings")
	host.typeInto("tour-name", name)
	host.typeInto("nickname", "Ada")
	for _, opt := range []string{format, "duel-async", "rounds-3", "seconds-20", "seed-hand"} {
		host.click(opt)
	}
	host.click("create")
	host.waitScene("tour-lobby")
	host.waitFor(`window.osarena.tour.entrants && window.osarena.tour.entrants.length === 1`)
	code := host.tour().Code
	for i, nick := range []string{"Bob", "하늘"} {
		b := bs[i+1]
		b.click("tournaments")
		b.waitScene("tournaments")
		b.typeInto("nickname", nick)
		b.typeInto("code", code)
		b.click("join")
		b.waitScene("tour-lobby")
		host.waitFor(fmt.Sprintf(`window.osarena.tour.entrants.length === %d`, i+2))
	}
	host.click("start")
	for _, b := range bs {
		b.waitScene("tour-bracket")
	}
	if got := host.tour().Entrants; !slices.Equal(got, []string{"Ada", "Bob", "하늘"}) {
		t.Fatalf("%s: seed order %q; want Ada, Bob, 하늘 (registration order)", name, got)
	}
}

// hookMatch is one match of window.osarena.tour.
type hookMatch = struct {
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
}

// findMatch returns the one match of bracket with status in round (any
// round when 0), failing unless there is exactly one.
func findMatch(t *testing.T, st tourState, bracket string, round int, status string) hookMatch {
	t.Helper()
	var found []hookMatch
	for _, m := range st.Matches {
		if m.Bracket == bracket && (round == 0 || m.Round == round) && m.Status == status {
			found = append(found, m)
		}
	}
	if len(found) != 1 {
		t.Fatalf("%d %s matches of %s round %d; want one (matches: %+v)", len(found), status, bracket, round, st.Matches)
	}
	return found[0]
}

// waitWinner waits until every browser shows match id won by winner.
func waitWinner(bs []*browser, id int, winner string) {
	for _, b := range bs {
		b.t.Helper()
		b.waitFor(fmt.Sprintf(`window.osarena.tour.matches.some(m => m.id === %d && m.status === "done" && m.winner === %q)`, id, winner))
	}
}

func sameSet(a, b []string) bool {
	return slices.Equal(slices.Sorted(slices.Values(a)), slices.Sorted(slices.Values(b)))
}

// playAsync has each browser play its side of async match id alone, at
// the same time: open the match, Play, answer every question right or
// wrong as said, and back to the bracket from the duel's end, whose
// headline for the first browser must be result, when given. A non-empty
// tag saves screenshots of the first browser's duel (and of its end on a
// phone too, for a tag ending in "-ko").
func playAsync(t *testing.T, bs []*browser, right []bool, id int, tag, result string) {
	t.Helper()
	for _, b := range bs {
		b.click(fmt.Sprintf("match-%d", id))
		b.waitFor(fmt.Sprintf(`window.osarena.tour.selected === %d && window.osarena.targets.some(t => t.name === "ready")`, id))
		if tag != "" && b == bs[0] {
			b.shot("tour-" + tag + "-panel-1280x720")
		}
		b.click("ready")
	}
	for round := 1; ; round++ {
		for _, b := range bs {
			b.waitFor(fmt.Sprintf(`window.osarena.scene === "podium" || (window.osarena.scene === "live-round" && window.osarena.live.round === %d && window.osarena.live.picks !== undefined)`, round))
		}
		if bs[0].live().Phase == "podium" {
			if round != 4 {
				t.Errorf("match %d: %d questions; want 3", id, round-1)
			}
			break
		}
		if round > 5 {
			t.Fatalf("match %d: the duel did not end after %d questions", id, round)
		}
		if tag != "" && round == 1 {
			bs[0].shot("tour-" + tag + "-round-1280x720")
		}
		for i, b := range bs {
			b.answer(right[i])
		}
		for _, b := range bs {
			b.waitFor(fmt.Sprintf(`window.osarena.scene === "reveal" && window.osarena.live.round === %d || window.osarena.scene === "podium" || window.osarena.live.round > %d`, round, round))
		}
		if tag != "" && round == 1 {
			bs[0].shot("tour-" + tag + "-reveal-1280x720")
		}
	}
	for _, b := range bs {
		b.waitFor(`window.osarena.scene === "podium" && window.osarena.live.podium && window.osarena.live.podium.length === 1`)
	}
	if result != "" {
		bs[0].waitFor(fmt.Sprintf(`window.osarena.tour.duelResult === %q`, result))
	}
	if tag != "" {
		time.Sleep(300 * time.Millisecond)
		bs[0].shot("tour-" + tag + "-result-1280x720")
		if strings.HasSuffix(tag, "-ko") {
			bs[0].phone(true)
			bs[0].shot("tour-" + tag + "-result-390x844")
			bs[0].phone(false)
		}
	}
	for _, b := range bs {
		b.click("bracket")
		b.waitScene("tour-bracket")
	}
}

// checkStandings compares a league's standings as browser b shows them
// with what the matches it shows say: a win is a point, a round-robin bye
// nothing; places by points, then seed (the other tie-breaks are all zero
// after one round).
func checkStandings(t *testing.T, b *browser) {
	t.Helper()
	st := b.tour()
	type line struct {
		name                       string
		played, wins, losses, seed int
	}
	lines := map[string]*line{}
	for i, n := range st.Entrants {
		lines[n] = &line{name: n, seed: i + 1}
	}
	for _, m := range st.Matches {
		if m.Status != "done" {
			continue
		}
		for _, p := range m.Players {
			lines[p].played++
			if p == m.Winner {
				lines[p].wins++
			} else {
				lines[p].losses++
			}
		}
	}
	var want []*line
	for _, n := range st.Entrants {
		want = append(want, lines[n])
	}
	slices.SortStableFunc(want, func(x, y *line) int { return cmp.Or(cmp.Compare(y.wins, x.wins), cmp.Compare(x.seed, y.seed)) })
	if len(st.Standings) != len(want) {
		t.Fatalf("%s: %d lines of standings; want %d", st.Me, len(st.Standings), len(want))
	}
	for i, w := range want {
		g := st.Standings[i]
		if g.Name != w.name || g.Place != i+1 || g.Played != w.played || g.Wins != w.wins || g.Losses != w.losses || g.Draws != 0 || g.Score != float64(w.wins) {
			t.Errorf("%s's standings line %d = %+v; want %s, place %d, played %d, %d-0-%d, %d points", st.Me, i+1, g, w.name, i+1, w.played, w.wins, w.losses, w.wins)
		}
	}
}
