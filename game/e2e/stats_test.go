//go:build !js

package e2e

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/osarena/osarena/server"
	"github.com/osarena/osarena/server/store"
	"github.com/osarena/osarena/server/store/sqlite"
)

// statsState is window.osarena.stats (game/stats_hook.go).
type statsState struct {
	Range  string      `json:"range"`
	Server string      `json:"server"`
	Best   string      `json:"best"`
	Next   string      `json:"next"`
	Cards  []statsCard `json:"cards"`
}

type statsCard struct {
	Card  string     `json:"card"`
	Shown bool       `json:"shown"`
	Solo  []statsBar `json:"solo"`
	Match []statsBar `json:"match"`
}

type statsBar struct {
	Asked int `json:"asked"`
	Pct   int `json:"pct"`
	Ms    int `json:"ms"` // 0: none answered
	BarH  int `json:"barH"`
}

// card returns the card called name.
func (s statsState) card(name string) statsCard {
	for _, c := range s.Cards {
		if c.Card == name {
			return c
		}
	}
	return statsCard{}
}

// today returns the card's last bucket (today) for a source.
func (s statsState) today(card string, match bool) (statsBar, bool) {
	for _, c := range s.Cards {
		if c.Card == card {
			bars := c.Solo
			if match {
				bars = c.Match
			}
			if len(bars) == 0 {
				return statsBar{}, c.Shown
			}
			return bars[len(bars)-1], c.Shown
		}
	}
	return statsBar{}, false
}

// TestStats plays a short solo round, opens My progress and checks that
// today's bar shows it; then a match result is put in the server's store
// under this browser's device token and My progress shows it beside the
// solo one. Screenshots in Korean at 1280×720 and on a 390×844 phone.
func TestStats(t *testing.T) {
	ctx := context.Background()
	st, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "osarena.db"), sqlite.Options{Relaxed: true})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	site := serveClient(t, server.Config{Store: st})
	url, shots := site.url, site.shots

	parent, stop := context.WithTimeout(ctx, 5*time.Minute)
	defer stop()
	b := openBrowser(t, parent, shots)
	b.do(chromedp.EmulateViewport(1280, 720))
	b.do(chromedp.Navigate(url))
	b.waitScene("title")

	// Nothing played yet: My progress is empty and the server knows no one.
	b.click("progress")
	b.waitScene("stats")
	b.waitFor(`window.osarena.stats && window.osarena.stats.server !== "waiting"`)
	if s := b.stats(); s.Server != "none" || s.Best != "" {
		t.Errorf("My progress before playing: server %q, best %q; want none and no best", s.Server, s.Best)
	}
	b.shot("stats-empty-1280x720")
	b.click("back")
	b.waitScene("title")

	// A solo round of five victim questions, the second answered wrong.
	b.click("topic-replace")
	b.waitScene("practice")
	for _, name := range []string{"family-victim", "policy-lru", "difficulty-1", "timed-off"} {
		b.click(name)
	}
	b.click("start")
	b.waitScene("round")
	_, correct := b.playRound("stats", 1)
	b.waitScene("summary")
	asked := b.round().Count
	b.click("title")
	b.waitScene("title")

	b.click("progress")
	b.waitScene("stats")
	b.waitFor(`window.osarena.stats && window.osarena.stats.server !== "waiting"`)
	s := b.stats()
	bar, shown := s.today("replace", false)
	wantPct := (100*correct + asked/2) / asked
	if bar.Asked != asked || bar.Pct != wantPct || bar.Ms <= 0 || !shown {
		t.Errorf("page replacement today (solo) = %+v, shown %v; want %d asked, %d%%, a mean time, shown", bar, shown, asked, wantPct)
	}
	// The plot is about 150 px high at 1280×720: the bar's height is its accuracy.
	if bar.BarH < wantPct || bar.BarH > 2*wantPct {
		t.Errorf("page replacement's bar is %d px high; want about %d%% of the plot (between %d and %d px)", bar.BarH, wantPct, wantPct, 2*wantPct)
	}
	if s.Best != "replace" && asked >= 5 {
		t.Errorf("best topic %q; want replace, the only one played", s.Best)
	}
	b.click("range-weeks")
	b.waitFor(`window.osarena.stats.range === "weeks"`)
	if bar, _ := b.stats().today("replace", false); bar.Asked != asked {
		t.Errorf("this week's page replacement (solo) = %+v; want %d asked", bar, asked)
	}
	b.shot("stats-weeks-1280x720")
	b.click("range-days")

	// A match played on the server under this browser's device token.
	device := run(b, chromedp.Evaluate[string](`localStorage.getItem("osarena.device") || ""`))
	if len(device) != 32 {
		t.Fatalf("device token %q; want 32 hex digits", device)
	}
	finishMatch(t, st, device, time.Now())
	pastMatches(t, st, device, time.Now())
	b.click("back")
	b.waitScene("title")

	// Korean, then My progress with both sources.
	b.click("settings")
	b.waitScene("settings")
	b.click("lang-ko")
	b.waitFor(`window.osarena.lang === "ko"`)
	b.click("back")
	b.waitScene("title")
	b.click("progress")
	b.waitScene("stats")
	b.waitFor(`window.osarena.stats && window.osarena.stats.server === "got"`)
	s = b.stats()
	if bar, _ := s.today("disk", true); bar.Asked != 6 || bar.Pct != 50 || bar.Ms != 7000 || bar.BarH == 0 {
		t.Errorf("disk scheduling today (matches) = %+v; want 6 asked, 50%%, 7000 ms, drawn", bar)
	}
	if bar, _ := s.today("paging", true); bar.Asked != 5 || bar.Pct != 100 {
		t.Errorf("paging today (matches, TLB questions) = %+v; want 5 asked, 100%%", bar)
	}
	if bar, _ := s.today("replace", false); bar.Asked != asked {
		t.Errorf("page replacement today (solo) after the match = %+v; want %d asked", bar, asked)
	}
	if c := s.card("replace"); len(c.Match) != 14 || c.Match[1].Asked != 5 || c.Match[1].Pct != 40 || c.Match[11].Pct != 100 || c.Match[11].Ms != 5000 {
		t.Errorf("page replacement's match buckets = %+v; want 5 questions at 40%% twelve days ago and at 100%% in 5 s two days ago", c.Match)
	}
	if s.Best != "paging" || s.Next != "disk" {
		t.Errorf("best %q, next %q; want paging (100%%) and disk (50%%)", s.Best, s.Next)
	}
	b.shot("stats-ko-1280x720")

	// A phone held upright: pick a card by touch; every target on screen.
	b.do(chromedp.EmulateViewport(390, 844, chromedp.EmulateScale(3), chromedp.EmulateTouch))
	b.do(chromedp.Reload())
	b.waitScene("title")
	b.shot("title-progress-ko-390x844")
	b.tap("progress")
	b.waitScene("stats")
	b.waitFor(`window.osarena.stats && window.osarena.stats.server === "got"`)
	for _, name := range []string{"back", "range-days", "range-weeks", "card-disk", "card-fileblock", "practise-next"} {
		b.waitFor(fmt.Sprintf(`window.osarena.targets.some(t => t.name === %q && t.y + t.h <= window.innerHeight)`, name))
	}
	if _, shown := b.stats().today("replace", false); !shown {
		t.Errorf("on a phone the first card is not shown at first")
	}
	b.shot("stats-ko-390x844")
	b.tap("card-disk")
	b.waitFor(`window.osarena.stats.cards.some(c => c.card === "disk" && c.shown)`)
	b.shot("stats-disk-ko-390x844")
	b.tap("practise-next")
	b.waitScene("practice")
}

// stats reads window.osarena.stats.
func (b *browser) stats() statsState {
	b.t.Helper()
	return run(b, chromedp.Evaluate[statsState](`window.osarena.stats`))
}

// finishMatch stores a finished match of the device's player that ended
// at end: six disk questions (three right, 7 s each) and five TLB ones
// (all right, 3 s each).
func finishMatch(t *testing.T, st *sqlite.Store, device string, end time.Time) {
	t.Helper()
	var as []store.Answer
	for i := range 11 {
		a := store.Answer{Round: i + 1, Family: "disk.next", Topic: "disk", Answered: true, ElapsedMs: 7000}
		if i%2 == 0 {
			a.Credit = 1000
		}
		if i >= 6 {
			a.Family, a.Topic, a.Credit, a.ElapsedMs = "tlb.hitmiss", "tlb", 1000, 3000
		}
		as = append(as, a)
	}
	storeMatch(t, st, device, "stats-e2e", end, as)
}

// pastMatches stores six earlier matches of page replacement, every other
// day from 12 days ago to 2 days ago, five questions each, getting better
// (2, 2, 3, 3, 4, 5 right) and faster (12 s down to 5 s a question).
func pastMatches(t *testing.T, st *sqlite.Store, device string, now time.Time) {
	t.Helper()
	right := []int{2, 2, 3, 3, 4, 5}
	for k, ago := range []int{12, 10, 8, 6, 4, 2} {
		var as []store.Answer
		for i := range 5 {
			a := store.Answer{Round: i + 1, Family: "replace.victim", Topic: "replace", Answered: true, ElapsedMs: 12000 - 1400*k}
			if i < right[k] {
				a.Credit = 1000
			}
			as = append(as, a)
		}
		storeMatch(t, st, device, fmt.Sprintf("past-%d", ago), now.AddDate(0, 0, -ago), as)
	}
}

// storeMatch stores a finished match of the device's player, in a room of
// its own, with the answers given (their Player is filled in).
func storeMatch(t *testing.T, st *sqlite.Store, device, id string, end time.Time, as []store.Answer) {
	t.Helper()
	ctx := context.Background()
	p, err := st.SeePlayer(ctx, device, "민지")
	if err != nil {
		t.Fatal(err)
	}
	for i := range as {
		as[i].Player = p.ID
	}
	m := store.Match{ID: id, Room: "R-" + id, Started: end.Add(-5 * time.Minute), Ended: end,
		Players: []store.MatchPlayer{{Player: p.ID, Seat: 1, Nickname: "민지", Rank: 1}}, Answers: as}
	if err := st.SaveRoom(ctx, store.Room{Code: m.Room, Mode: "quiz", Created: m.Started}); err != nil {
		t.Fatal(err)
	}
	if err := st.FinishMatch(ctx, m); err != nil {
		t.Fatal(err)
	}
}
