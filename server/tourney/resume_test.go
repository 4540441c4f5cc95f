package tourney

import (
	"context"
	"testing"
	"time"

	"github.com/osarena/osarena/netcode"
	"github.com/osarena/osarena/server/room"
)

// restart is a new service over e's store with the tournaments loaded, at
// e's time.
func (e *env) restart() *env {
	e.t.Helper()
	e2 := newEnv(e.t, e.st)
	e2.now = e.clock()
	if err := e2.svc.Load(context.Background()); err != nil {
		e.t.Fatal(err)
	}
	return e2
}

// TestResumeLiveDuel: after a restart, a live duel's room that comes back
// is tied to its bracket match by its seed and seats: only once, only by
// its players; the deadline passes without a walkover while it is played,
// and its outcome decides the match.
func TestResumeLiveDuel(t *testing.T) {
	e := newEnv(t, nil)
	code, _ := e.cup4(false, 60)
	e.svc.Watch("ch-w", code)
	semi := matchOf(t, e.out.last(t, "ch-w"), 1, "ada")
	e.svc.Ready(e.who("ada"), code, int(semi.ID))
	e.svc.Ready(e.who("dee"), code, int(semi.ID))
	seed := e.duels.specs[0].Seed

	e2 := e.restart()
	e2.svc.Watch("ch-w", code)
	ada, dee, bob := e2.who("ada"), e2.who("dee"), e2.who("bob")
	refused := []struct {
		name string
		rd   ResumedDuel
	}{
		{"another seed", ResumedDuel{Tournament: code, Room: "DUELX", Seed: seed + 2, Seats: []Who{ada, dee}}},
		{"a stranger's seat", ResumedDuel{Tournament: code, Room: "DUELX", Seed: seed, Seats: []Who{ada, bob}}},
		{"one side twice", ResumedDuel{Tournament: code, Room: "DUELX", Seed: seed, Seats: []Who{ada, ada}}},
		{"no tournament", ResumedDuel{Tournament: "NOPE22", Room: "DUELX", Seed: seed, Seats: []Who{ada, dee}}},
	}
	for _, tt := range refused {
		if _, ok := e2.svc.ResumeDuel(tt.rd); ok {
			t.Errorf("ResumeDuel with %s succeeded; want refused", tt.name)
		}
	}
	spec, ok := e2.svc.ResumeDuel(ResumedDuel{Tournament: code, Room: "DUELB", Seed: seed, Seats: []Who{dee, ada}})
	if !ok || spec.Match != int(semi.ID) || spec.OnFinish == nil || spec.OnAbort == nil {
		t.Fatalf("ResumeDuel = %+v, %v; want match %d", spec, ok, semi.ID)
	}
	if _, ok := e2.svc.ResumeDuel(ResumedDuel{Tournament: code, Room: "DUELC", Seed: seed, Seats: []Who{ada, dee}}); ok {
		t.Error("a second room resumed the same duel")
	}
	if m := find(t, e2.out.last(t, "ch-w"), "winners", 1, int(semi.Slot)); m.Room != "DUELB" {
		t.Errorf("resumed match %+v; want played in DUELB", m)
	}
	if ec := e2.svc.Ready(ada, code, int(semi.ID)); ec != netcode.ErrWrongPhase {
		t.Errorf("ada asks to play the resumed duel again: %v; want ErrWrongPhase", ec)
	}
	e2.advance(2 * time.Minute) // past the deadline: the room is playing
	if m := find(t, e2.out.last(t, "ch-w"), "winners", 1, int(semi.Slot)); m.Status != "ready" {
		t.Fatalf("resumed match %+v after its deadline; want still ready (played)", m)
	}
	spec.OnFinish(room.DuelOutcome{Tournament: code, Match: spec.Match, MatchID: "m1", Scores: []room.DuelScore{
		{Session: ada.Session, Player: ada.Player, Score: 900, TotalMs: 3000},
		{Session: dee.Session, Player: dee.Player, Score: 100, TotalMs: 2000}}})
	st := e2.out.last(t, "ch-w")
	if m := find(t, st, "winners", 1, int(semi.Slot)); m.Status != "done" || m.Walkover || nick(st, m.Winner) != "ada" || m.Scores[0] != 900 {
		t.Fatalf("resumed match after its outcome %+v; want ada's win by 900", m)
	}
}

// TestResumeAsyncDuel: an asynchronous side's room comes back for that
// side only, not for a side that has played; an abort lets the side play
// again.
func TestResumeAsyncDuel(t *testing.T) {
	e := newEnv(t, nil)
	code, _ := e.cup4(true, 3600)
	e.svc.Watch("ch-w", code)
	semi := matchOf(t, e.out.last(t, "ch-w"), 1, "ada")
	e.svc.Ready(e.who("ada"), code, int(semi.ID))
	e.duels.finish(t, int(semi.ID), map[string][2]int64{"s-ada": {1200, 5000}})
	e.svc.Ready(e.who("dee"), code, int(semi.ID))
	seed := e.duels.specs[1].Seed

	e2 := e.restart()
	e2.svc.Watch("ch-w", code)
	if _, ok := e2.svc.ResumeDuel(ResumedDuel{Tournament: code, Room: "DUELX", Seed: seed, Seats: []Who{e2.who("ada")}}); ok {
		t.Error("ada's side resumed though she has played")
	}
	spec, ok := e2.svc.ResumeDuel(ResumedDuel{Tournament: code, Room: "DUELC", Seed: seed, Seats: []Who{e2.who("dee")}})
	if !ok || spec.Match != int(semi.ID) {
		t.Fatalf("ResumeDuel = %+v, %v; want dee's side of match %d", spec, ok, semi.ID)
	}
	if ec := e2.svc.Ready(e2.who("dee"), code, int(semi.ID)); ec != netcode.ErrWrongPhase {
		t.Errorf("dee asks again while her side is played: %v; want ErrWrongPhase", ec)
	}
	spec.OnAbort()
	if ec := e2.svc.Ready(e2.who("dee"), code, int(semi.ID)); ec != netcode.ErrNone {
		t.Errorf("dee asks again after the resumed room ended: %v; want ErrNone", ec)
	}
	e2.duels.finish(t, int(semi.ID), map[string][2]int64{"s-dee": {1500, 9000}})
	st := e2.out.last(t, "ch-w")
	if m := find(t, st, "winners", 1, int(semi.Slot)); m.Status != "done" || nick(st, m.Winner) != "dee" || m.Scores[0] != 1200 {
		t.Errorf("semi %+v; want dee over ada's 1200 kept across the restart", m)
	}
}

// An asynchronous side being played when the deadline passes — its room
// restored after a restart that outlasted the deadline, or simply a long
// game — is not walked over: its outcome decides the match, or, when the
// other side never played, the match is walked over once the side has
// finished or its room has ended.
func TestAsyncSideInPlayPastTheDeadline(t *testing.T) {
	tests := []struct {
		name      string
		restart   bool
		adaPlayed bool   // ada's side finished before the deadline
		end       string // how dee's side ends: "finish" or "abort"
		winner    string
		walkover  bool
	}{
		{"restored, both play", true, true, "finish", "dee", false},
		{"restored, the other never played", true, false, "finish", "dee", true},
		{"restored, the side's room ends", true, true, "abort", "ada", true},
		{"a long game, both play", false, true, "finish", "dee", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := newEnv(t, nil)
			code, _ := e.cup4(true, 3600)
			e.svc.Watch("ch-w", code)
			semi := matchOf(t, e.out.last(t, "ch-w"), 1, "ada")
			if tt.adaPlayed {
				e.svc.Ready(e.who("ada"), code, int(semi.ID))
				e.duels.finish(t, int(semi.ID), map[string][2]int64{"s-ada": {1200, 5000}})
			}
			e.svc.Ready(e.who("dee"), code, int(semi.ID))
			spec := e.duels.specs[len(e.duels.specs)-1]
			if tt.restart {
				e.mu.Lock()
				e.now = e.now.Add(2 * time.Hour) // the server was down past the deadline
				e.mu.Unlock()
				e = e.restart()
				e.svc.Watch("ch-w", code)
				var ok bool
				spec, ok = e.svc.ResumeDuel(ResumedDuel{Tournament: code, Room: "DUELC", Seed: spec.Seed, Seats: []Who{e.who("dee")}})
				if !ok {
					t.Fatal("dee's side did not resume")
				}
				e.advance(time.Second) // the first tick after the restart
			} else {
				e.advance(2 * time.Hour)
			}
			if m := find(t, e.out.last(t, "ch-w"), "winners", 1, int(semi.Slot)); m.Status != "ready" {
				t.Fatalf("semi %+v past the deadline while dee plays; want it still ready", m)
			}
			if tt.end == "abort" {
				spec.OnAbort()
			} else {
				spec.OnFinish(room.DuelOutcome{Tournament: code, Match: spec.Match, MatchID: "m-dee",
					Scores: []room.DuelScore{{Session: "s-dee", Player: e.who("dee").Player, Score: 1500, TotalMs: 9000}}})
			}
			e.advance(time.Second)
			st := e.out.last(t, "ch-w")
			m := find(t, st, "winners", 1, int(semi.Slot))
			if m.Status != "done" || nick(st, m.Winner) != tt.winner || m.Walkover != tt.walkover {
				t.Errorf("semi %+v (winner %s); want %s, walkover %v", m, nick(st, m.Winner), tt.winner, tt.walkover)
			}
			if tt.end == "finish" && m.Scores[1] != 1500 {
				t.Errorf("semi scores %v; want dee's 1500 kept", m.Scores)
			}
		})
	}
}
