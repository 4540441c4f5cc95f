package server

import (
	"context"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/osarena/osarena/netcode"
	"github.com/osarena/osarena/server/room"
	"github.com/osarena/osarena/server/store/sqlite"
)

// A tournament outlives its server: after a restart on the same store a
// watcher sees its entrants and bracket, and a registered player rejoins
// by device.
func TestTournamentSurvivesRestart(t *testing.T) {
	path := filepath.Join(t.TempDir(), "osarena.db")
	st, err := sqlite.Open(context.Background(), path, sqlite.Options{Relaxed: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = st.Close() })
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()

	s1, url := newTestServer(t, Config{Store: st, JoinsPerMinute: 600})
	host := dialTour(t, ctx, url, "host")
	settings := room.DefaultSettings()
	_ = host.c.Send(netcode.TypeCreateTournament, netcode.CreateTournament{Name: "cup", Format: netcode.FormatSingle, Duel: settings})
	var created *netcode.TournamentCreated
	for created == nil {
		select {
		case m := <-host.c.Incoming():
			created, _ = m.Msg.(*netcode.TournamentCreated)
		case <-time.After(5 * time.Second):
			t.Fatal("no TournamentCreated")
		}
	}
	go host.run(ctx, created.Code)
	for _, n := range []string{"ada", "bob", "cy"} {
		p := dialTour(t, ctx, url, n)
		go p.run(ctx, created.Code)
		_ = p.c.Send(netcode.TypeJoinTournament, netcode.JoinTournament{Code: created.Code, Nickname: n})
	}
	host.waitFor("three entrants", func(s netcode.TournamentState) bool { return len(s.Entrants) == 3 })
	_ = host.c.Send(netcode.TypeStartTournament, netcode.StartTournament{Code: created.Code, HostToken: created.HostToken})
	before := host.waitFor("the bracket", func(s netcode.TournamentState) bool { return s.Phase == netcode.TourRunning })
	sctx, scancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer scancel()
	if err := s1.Shutdown(sctx); err != nil {
		t.Fatal(err)
	}

	_, url2 := newTestServer(t, Config{Store: st, JoinsPerMinute: 600})
	w := dialTour(t, ctx, url2, "watcher")
	go w.run(ctx, created.Code)
	_ = w.c.Send(netcode.TypeWatchTournament, netcode.WatchTournament{Code: created.Code})
	after := w.waitFor("the reloaded tournament", func(s netcode.TournamentState) bool { return s.Phase == netcode.TourRunning })
	if len(after.Entrants) != 3 || len(after.Matches) != len(before.Matches) {
		t.Fatalf("after the restart %+v; before %+v", after, before)
	}
	for i := range after.Matches {
		if a, b := after.Matches[i], before.Matches[i]; a.Status != b.Status || a.Players[0] != b.Players[0] || a.Players[1] != b.Players[1] {
			t.Errorf("match %d: %+v after, %+v before", i+1, a, b)
		}
	}
	ada := dialTour(t, ctx, url2, "ada") // the same device: the same entrant
	go ada.run(ctx, created.Code)
	_ = ada.c.Send(netcode.TypeJoinTournament, netcode.JoinTournament{Code: created.Code, Nickname: "ada"})
	rejoined := ada.waitFor("ada's state", func(s netcode.TournamentState) bool { return len(s.Entrants) == 3 })
	ada.mu.Lock()
	defer ada.mu.Unlock()
	for _, e := range ada.errs {
		// A duel that had started before the shutdown came back with the
		// server (TestDuelSurvivesCrash): its players resume it with their
		// sessions, and a second ReadyDuel for it is refused.
		if e.About == netcode.TypeReadyDuel && e.Code == netcode.ErrWrongPhase && slices.ContainsFunc(rejoined.Matches,
			func(m netcode.BracketMatch) bool { return m.Room != "" }) {
			continue
		}
		t.Errorf("ada rejoining got %+v", e)
	}
}
