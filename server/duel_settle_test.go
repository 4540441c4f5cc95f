package server

import (
	"context"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/osarena/osarena/netcode"
	"github.com/osarena/osarena/server/room"
	"github.com/osarena/osarena/server/store"
	"github.com/osarena/osarena/server/store/sqlite"
)

// windowStore is a crashStore whose finished matches still reach the
// database after the crash: crashed before a duel's podium, it leaves the
// database as a kill -9 would right after the room's FinishMatch and before
// the tournament's result (the bracket match still open, the duel's room
// open without a snapshot).
type windowStore struct{ *crashStore }

func (w windowStore) FinishMatch(ctx context.Context, m store.Match) error {
	return w.crashStore.Store.FinishMatch(ctx, m)
}

// TestDuelResultSurvivesCrash: in a three-player cup (cy has a bye to the
// final), ada beats bob in their semifinal, and the server dies in the
// moment after the duel's finished match reached the store but before the
// bracket's result did. A new server on the same database records the
// semifinal from the stored match — played, ada's win, the podium's scores
// — and the final between cy and ada opens and starts. Async: ada's side
// was the one stored; after the restart it counts as played (she cannot
// play it again, her score stands) and bob's run decides the match.
func TestDuelResultSurvivesCrash(t *testing.T) {
	if testing.Short() {
		t.Skip("plays a duel over WebSockets")
	}
	for _, async := range []bool{false, true} {
		name := "live"
		if async {
			name = "async"
		}
		t.Run(name, func(t *testing.T) { duelResultSurvivesCrash(t, async) })
	}
}

func duelResultSurvivesCrash(t *testing.T, async bool) {
	st, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "osarena.db"), sqlite.Options{Relaxed: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = st.Close() })
	cs := &crashStore{Store: st}
	_, url := newTestServer(t, Config{Store: windowStore{cs}, JoinsPerMinute: 600, DuelPause: 200 * time.Millisecond})

	host := &duelPlayer{name: "host"}
	host.dial(t, url, "")
	settings := room.DefaultSettings()
	settings.Rounds, settings.Seconds, settings.Topics = 2, 30, []string{"replace"}
	_ = host.c.Send(netcode.TypeCreateTournament, netcode.CreateTournament{Name: "window cup", Format: netcode.FormatSingle,
		Seeding: netcode.SeedHand, Duel: settings, Async: async, DeadlineSec: 600})
	created := awaitMsg[netcode.TournamentCreated](t, host.c, netcode.TypeTournamentCreated, nil)
	ada, bob, cy := &duelPlayer{name: "ada", right: true}, &duelPlayer{name: "bob"}, &duelPlayer{name: "cy"}
	for _, p := range []*duelPlayer{ada, bob, cy} {
		p.dial(t, url, "")
		_ = p.c.Send(netcode.TypeJoinTournament, netcode.JoinTournament{Code: created.Code, Nickname: p.name})
	}
	for len(host.tour.Entrants) < 3 {
		awaitMsg[netcode.TournamentState](t, host.c, netcode.TypeTournamentState, &host.tour)
	}
	var order []int64
	for _, n := range []string{"cy", "ada", "bob"} {
		i := slices.IndexFunc(host.tour.Entrants, func(e netcode.Entrant) bool { return e.Nickname == n })
		order = append(order, host.tour.Entrants[i].ID)
	}
	_ = host.c.Send(netcode.TypeStartTournament, netcode.StartTournament{Code: created.Code, HostToken: created.HostToken, Order: order})
	for ada.tour.Phase != netcode.TourRunning {
		awaitMsg[netcode.TournamentState](t, ada.c, netcode.TypeTournamentState, &ada.tour)
	}
	semi := playing(t, ada.tour, "ada", "ready")
	players := []*duelPlayer{ada, bob}
	if async {
		players = []*duelPlayer{ada}
	}
	for _, p := range players {
		_ = p.c.Send(netcode.TypeReadyDuel, netcode.ReadyDuel{Code: created.Code, MatchID: semi.ID})
	}
	for round := uint8(1); round <= 2; round++ {
		for _, p := range players {
			rs := awaitMsg[netcode.RoundStart](t, p.c, netcode.TypeRoundStart, nil)
			if rs.Round != round {
				t.Fatalf("%s: round %d; want %d", p.name, rs.Round, round)
			}
			if round == 2 {
				cs.crash() // the finished match is the last thing to reach the database
			}
			p.answer(t, rs)
		}
	}
	podium := awaitMsg[netcode.Podium](t, ada.c, netcode.TypePodium, nil)
	want := map[string]int32{}
	for _, s := range podium.Summaries {
		want[s.Nickname] = s.Score
	}
	adaPlayer, err := st.PlayerByToken(context.Background(), "dev-ada")
	if err != nil {
		t.Fatal(err)
	}
	var stored []store.Match
	waitUntilStored(t, "the semifinal's match", func() bool {
		stored, err = st.PlayerMatches(context.Background(), adaPlayer.ID, 5)
		return err == nil && len(stored) == 1
	})
	rec, err := st.TournamentByCode(context.Background(), created.Code)
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range rec.Matches {
		if m.Status != store.DuelOpen && m.Status != store.DuelBye && m.Status != store.DuelPending || m.Result != (store.DuelResult{}) {
			t.Fatalf("stored bracket before the restart %+v; want the semifinal still open, no scores (the crash window)", rec.Matches)
		}
	}
	for _, p := range []*duelPlayer{host, ada, bob, cy} {
		p.c.Close()
	}

	_, url2 := newTestServer(t, Config{Store: st, JoinsPerMinute: 600, DuelPause: 50 * time.Millisecond})
	for _, p := range []*duelPlayer{ada, bob, cy} {
		p.tour = netcode.TournamentState{}
		p.dial(t, url2, "")
		_ = p.c.Send(netcode.TypeJoinTournament, netcode.JoinTournament{Code: created.Code, Nickname: p.name})
		awaitMsg[netcode.TournamentState](t, p.c, netcode.TypeTournamentState, &p.tour)
	}
	if async {
		m := playing(t, bob.tour, "ada", "ready")
		if len(m.Scores) != 2 || m.Scores[side(bob.tour, m, "ada")] != want["ada"] {
			t.Fatalf("semifinal after the restart %+v; want open with ada's %d", m, want["ada"])
		}
		_ = ada.c.Send(netcode.TypeReadyDuel, netcode.ReadyDuel{Code: created.Code, MatchID: semi.ID})
		if e := awaitMsg[netcode.Error](t, ada.c, netcode.TypeError, nil); e.Code != netcode.ErrWrongPhase {
			t.Errorf("ada asks to play her stored side again: %+v; want ErrWrongPhase", e)
		}
		_ = bob.c.Send(netcode.TypeReadyDuel, netcode.ReadyDuel{Code: created.Code, MatchID: semi.ID})
		for range 2 {
			bob.answer(t, awaitMsg[netcode.RoundStart](t, bob.c, netcode.TypeRoundStart, nil))
		}
		bobs := awaitMsg[netcode.Podium](t, bob.c, netcode.TypePodium, &bob.tour)
		want["bob"] = bobs.Summaries[0].Score
		for playing(t, cy.tour, "cy", "").Status != "ready" {
			awaitMsg[netcode.TournamentState](t, cy.c, netcode.TypeTournamentState, &cy.tour)
		}
	}
	got := playing(t, cy.tour, "bob", "")
	if got.Status != "done" || got.Walkover || len(got.Scores) != 2 || cy.tour.Entrants[got.Winner].Nickname != "ada" ||
		got.Scores[side(cy.tour, got, "ada")] != want["ada"] || got.Scores[side(cy.tour, got, "bob")] != want["bob"] {
		t.Fatalf("semifinal after the restart %+v; want ada's played win, %v", got, want)
	}
	final := playing(t, cy.tour, "cy", "ready")
	if final.Round != 2 || !slices.ContainsFunc(final.Players, func(i int16) bool { return cy.tour.Entrants[i].Nickname == "ada" }) {
		t.Fatalf("final %+v; want cy against ada, open", final)
	}
	rec, err = st.TournamentByCode(context.Background(), created.Code)
	if err != nil {
		t.Fatal(err)
	}
	i := slices.IndexFunc(rec.Matches, func(m store.BracketMatch) bool {
		return m.Round == int(got.Round) && m.Slot == int(got.Slot) && m.Bracket == store.BracketMain
	})
	if i < 0 || rec.Matches[i].Status != store.DuelDone || rec.Matches[i].Winner != adaPlayer.ID ||
		!async && rec.Matches[i].MatchID != stored[0].ID {
		t.Fatalf("stored bracket after the restart %+v; want the semifinal done, ada's, with match %s", rec.Matches, stored[0].ID)
	}
	for _, p := range []*duelPlayer{cy, ada} {
		_ = p.c.Send(netcode.TypeReadyDuel, netcode.ReadyDuel{Code: created.Code, MatchID: final.ID})
	}
	for _, p := range []*duelPlayer{cy, ada} {
		if rs := awaitMsg[netcode.RoundStart](t, p.c, netcode.TypeRoundStart, nil); rs.Round != 1 {
			t.Errorf("%s: the final starts at round %d; want 1", p.name, rs.Round)
		}
	}
}

// playing is the match of st that the player named name plays, with the
// given status ("" for any; the latest such).
func playing(t *testing.T, st netcode.TournamentState, name, status string) netcode.BracketMatch {
	t.Helper()
	var found *netcode.BracketMatch
	for i, m := range st.Matches {
		if (status == "" || m.Status == status) && side(st, m, name) >= 0 {
			found = &st.Matches[i]
		}
	}
	if found == nil {
		t.Fatalf("%s plays no %q match in %+v", name, status, st.Matches)
	}
	return *found
}

// side is the index of the player named name in m.Players, or -1.
func side(st netcode.TournamentState, m netcode.BracketMatch, name string) int {
	return slices.IndexFunc(m.Players, func(i int16) bool {
		return i >= 0 && int(i) < len(st.Entrants) && st.Entrants[i].Nickname == name
	})
}
