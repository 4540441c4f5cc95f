package tourney

import (
	"context"
	"testing"

	"github.com/osarena/osarena/netcode"
	"github.com/osarena/osarena/server/store"
)

// The host decides a ready match nobody finished: it goes to the chosen
// player by walkover, a side that played keeps its score, the next match
// opens, the store logs an "award" and keeps it across a restart. A match
// whose duel is being played, one not ready, a player not in the match and
// a wrong token are refused.
func TestHostAwardsUnplayedMatch(t *testing.T) {
	e := newEnv(t, nil)
	code, token := e.cup4(true, 0) // async, no deadline: only the host can end a no-show
	e.svc.Watch("ch-w", code)
	st := e.out.last(t, "ch-w")
	semi, other := matchOf(t, st, 1, "ada"), matchOf(t, st, 1, "bob")
	e.svc.Ready(e.who("ada"), code, int(semi.ID))
	e.duels.finish(t, int(semi.ID), map[string][2]int64{"s-ada": {1200, 5000}})
	e.svc.Ready(e.who("bob"), code, int(other.ID)) // bob is playing his side now

	for _, tc := range []struct {
		name   string
		token  string
		match  uint16
		winner string
		want   netcode.ErrorCode
	}{
		{"wrong token", "nope", semi.ID, "ada", netcode.ErrNotHost},
		{"not in the match", token, semi.ID, "bob", netcode.ErrBadSettings},
		{"being played", token, other.ID, "cy", netcode.ErrWrongPhase},
		{"no such match", token, 99, "ada", netcode.ErrWrongPhase},
	} {
		if got := e.svc.Correct(code, tc.token, int(tc.match), e.who(tc.winner).Player); got != tc.want {
			t.Errorf("%s: Correct = %v; want %v", tc.name, got, tc.want)
		}
	}
	if ec := e.svc.Correct(code, token, int(semi.ID), e.who("dee").Player); ec != netcode.ErrNone {
		t.Fatalf("award the semi to dee (who has not played): %v", ec)
	}
	st = e.out.last(t, "ch-w")
	m := find(t, st, "winners", 1, int(semi.Slot))
	if m.Status != "done" || !m.Walkover || nick(st, m.Winner) != "dee" || len(m.Scores) != 2 || m.Scores[0] != 1200 {
		t.Fatalf("awarded semi %+v; want done, dee by walkover, ada's 1200 kept", m)
	}
	if ec := e.svc.Correct(code, token, int(finalOf(t, st).ID), e.who("dee").Player); ec != netcode.ErrWrongPhase {
		t.Errorf("award the final before it is ready: %v; want ErrWrongPhase", ec)
	}
	rec, err := e.st.TournamentByCode(context.Background(), code)
	if err != nil {
		t.Fatal(err)
	}
	if len(rec.Corrections) != 1 || rec.Corrections[0].Reason != "award" || rec.Corrections[0].OldWinner != 0 ||
		rec.Corrections[0].NewWinner != e.who("dee").Player {
		t.Errorf("corrections logged %+v; want one award to dee", rec.Corrections)
	}

	// bob finishes; cy never plays: the host awards it to bob, the final opens.
	e.duels.finish(t, int(other.ID), map[string][2]int64{"s-bob": {900, 7000}})
	if ec := e.svc.Correct(code, token, int(other.ID), e.who("bob").Player); ec != netcode.ErrNone {
		t.Fatalf("award the other semi to bob: %v", ec)
	}
	st = e.out.last(t, "ch-w")
	if f := finalOf(t, st); f.Status != "ready" || nick(st, f.Players[0])+nick(st, f.Players[1]) != "bobdee" &&
		nick(st, f.Players[0])+nick(st, f.Players[1]) != "deebob" {
		t.Errorf("final %+v; want bob against dee, ready", f)
	}

	// A restart keeps both awards.
	e2 := newEnv(t, e.st)
	if err := e2.svc.Load(context.Background()); err != nil {
		t.Fatal(err)
	}
	got, _ := e2.svc.State(code)
	for _, want := range []struct {
		slot   int
		winner string
	}{{int(semi.Slot), "dee"}, {int(other.Slot), "bob"}} {
		if m := find(t, got, "winners", 1, want.slot); m.Status != "done" || !m.Walkover || nick(got, m.Winner) != want.winner {
			t.Errorf("reloaded semi %d: %+v; want %s by walkover", want.slot, m, want.winner)
		}
	}
	var n int
	for _, sm := range rec.Matches {
		if sm.Status == store.DuelWalkover {
			n++
		}
	}
	if n != 1 {
		t.Errorf("%d walkovers stored after the first award; want 1", n)
	}
}

// A live duel whose room is playing cannot be awarded.
func TestHostAwardRefusedWhileLive(t *testing.T) {
	e := newEnv(t, nil)
	code, token := e.cup4(false, 0)
	e.svc.Watch("ch-w", code)
	semi := matchOf(t, e.out.last(t, "ch-w"), 1, "ada")
	e.svc.Ready(e.who("ada"), code, int(semi.ID))
	if ec := e.svc.Correct(code, token, int(semi.ID), e.who("ada").Player); ec != netcode.ErrNone {
		t.Fatalf("award while only ada is ready (no room yet): %v", ec)
	}
	other := matchOf(t, e.out.last(t, "ch-w"), 1, "bob")
	e.svc.Ready(e.who("bob"), code, int(other.ID))
	e.svc.Ready(e.who("cy"), code, int(other.ID))
	if ec := e.svc.Correct(code, token, int(other.ID), e.who("cy").Player); ec != netcode.ErrWrongPhase {
		t.Errorf("award while the live duel is played: %v; want ErrWrongPhase", ec)
	}
}

// finalOf is the single-elimination final of st.
func finalOf(t *testing.T, st netcode.TournamentState) netcode.BracketMatch {
	t.Helper()
	return find(t, st, "winners", 2, 0)
}
