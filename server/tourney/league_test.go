package tourney

import (
	"context"
	"testing"

	"github.com/osarena/osarena/netcode"
)

// playReady plays every ready match of the tournament: a full tie when
// draw says so, else the first side wins.
func (e *env) playReady(code string, draw bool) int {
	e.t.Helper()
	st, _ := e.svc.State(code)
	n := 0
	for _, m := range st.Matches {
		if m.Status != "ready" {
			continue
		}
		a, b := st.Entrants[m.Players[0]].Nickname, st.Entrants[m.Players[1]].Nickname
		e.svc.Ready(e.who(a), code, int(m.ID))
		e.svc.Ready(e.who(b), code, int(m.ID))
		sb := int64(0)
		if draw {
			sb = 100
		}
		e.duels.finish(e.t, int(m.ID), map[string][2]int64{"s-" + a: {100, 50}, "s-" + b: {sb, 50}})
		n++
	}
	return n
}

// Swiss: a full tie is a draw, the next round is paired when one ends,
// and a restart mid-tournament reloads the paired rounds.
func TestSwissDrawsPairsAndReloads(t *testing.T) {
	e := newEnv(t, nil)
	code, token, ec := e.svc.Create(e.who("host"), netcode.CreateTournament{Name: "swiss", Format: netcode.FormatSwiss,
		Seeding: netcode.SeedRandom, Duel: duelSettings()})
	if ec != netcode.ErrNone {
		t.Fatal(ec)
	}
	for _, n := range []string{"ada", "bob", "cy", "dee"} {
		e.svc.Join(e.who(n), code)
	}
	if ec := e.svc.Start(code, token, nil); ec != netcode.ErrNone {
		t.Fatal(ec)
	}
	if n := e.playReady(code, true); n != 2 {
		t.Fatalf("round 1 played %d matches; want 2", n)
	}
	st, _ := e.svc.State(code)
	draws := 0
	for _, m := range st.Matches {
		if m.Draw {
			draws++
		}
	}
	if draws != 2 || len(st.Matches) != 4 {
		t.Fatalf("%d draws and %d matches after round 1; want 2 and round 2 paired", draws, len(st.Matches))
	}
	e2 := newEnv(t, e.st)
	if err := e2.svc.Load(context.Background()); err != nil {
		t.Fatal(err)
	}
	got, _ := e2.svc.State(code)
	if len(got.Matches) != 4 || got.Matches[3].Status != "ready" || got.Matches[0].Draw != true {
		t.Fatalf("reloaded %+v", got.Matches)
	}
	if n := e2.playReady(code, false); n != 2 {
		t.Fatalf("round 2 played %d", n)
	}
	if st, _ := e2.svc.State(code); st.Phase != netcode.TourFinished || st.Champion < 0 || st.Standings[0].Score != 1.5 {
		t.Fatalf("after two Swiss rounds: phase %d champion %d standings %+v", st.Phase, st.Champion, st.Standings)
	}
}

// Round robin plays every pairing; the standings decide the champion.
func TestRoundRobinFinishes(t *testing.T) {
	e := newEnv(t, nil)
	code, token, _ := e.svc.Create(e.who("host"), netcode.CreateTournament{Name: "league", Format: netcode.FormatRoundRobin,
		Duel: duelSettings()})
	for _, n := range []string{"ada", "bob", "cy"} {
		e.svc.Join(e.who(n), code)
	}
	e.svc.Start(code, token, nil)
	played := 0
	for range 5 {
		played += e.playReady(code, false)
	}
	st, _ := e.svc.State(code)
	if played != 3 || st.Phase != netcode.TourFinished || st.Champion != st.Standings[0].Entrant {
		t.Fatalf("played %d; phase %d champion %d standings %+v", played, st.Phase, st.Champion, st.Standings)
	}
}

// A duel room that empties before its podium frees the match: the
// players ask again and a new duel starts.
func TestAbortedDuelCanBePlayedAgain(t *testing.T) {
	e := newEnv(t, nil)
	code, _ := e.cup4(false, 0)
	e.svc.Watch("ch-w", code)
	m := matchOf(t, e.out.last(t, "ch-w"), 1, "ada")
	e.svc.Ready(e.who("ada"), code, int(m.ID))
	e.svc.Ready(e.who("dee"), code, int(m.ID))
	if ec := e.svc.Ready(e.who("ada"), code, int(m.ID)); ec != netcode.ErrWrongPhase {
		t.Errorf("ready while the duel plays: %v", ec)
	}
	e.duels.specs[0].OnAbort()
	if got := find(t, e.out.last(t, "ch-w"), "winners", 1, int(m.Slot)); got.Room != "" || got.Status != "ready" {
		t.Fatalf("after the abort %+v", got)
	}
	e.svc.Ready(e.who("dee"), code, int(m.ID))
	e.svc.Ready(e.who("ada"), code, int(m.ID))
	if len(e.duels.specs) != 2 {
		t.Fatalf("%d duels; want a second one", len(e.duels.specs))
	}
	e.duels.specs[0].OnAbort() // the old room's report is stale
	if got := find(t, e.out.last(t, "ch-w"), "winners", 1, int(m.Slot)); got.Room == "" {
		t.Error("a stale abort freed the new duel")
	}
}
