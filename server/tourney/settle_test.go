package tourney

import (
	"context"
	"testing"
	"time"

	"github.com/osarena/osarena/netcode"
	"github.com/osarena/osarena/server/room"
	"github.com/osarena/osarena/server/store"
)

// line is one player of a finished match written by storeMatch: score,
// and the answer time of each round (0: not answered).
type line struct {
	name  string
	score int
	ms    []int
}

// storeMatch writes a finished duel of tournament code played on seed, as
// a room would just before a restart, ended at e's time.
func (e *env) storeMatch(id, code string, seed uint64, lines ...line) {
	e.t.Helper()
	m := store.Match{ID: id, Room: "DUELR", Tournament: code, SimVersion: 1, Seed: seed,
		Settings: room.StoreSettings(duelSettings()), Started: e.clock().Add(-time.Minute), Ended: e.clock()}
	for i, l := range lines {
		p := store.MatchPlayer{Player: e.who(l.name).Player, Seat: uint32(i + 1), Nickname: l.name, Rank: i + 1, Score: l.score}
		for r, ms := range l.ms {
			a := store.Answer{Player: p.Player, Round: r + 1, Family: "replace", Topic: "replace"}
			if ms > 0 {
				a.Answered, a.ElapsedMs, a.Values = true, ms, []int64{1}
				p.Answered++
			}
			m.Answers = append(m.Answers, a)
		}
		m.Players = append(m.Players, p)
	}
	if err := e.st.FinishMatch(context.Background(), m); err != nil {
		e.t.Fatal(err)
	}
}

// TestSettleLiveDuel: a live duel whose finished match reached the store
// but whose result did not (a restart between the two) is decided on Load
// from the stored match alone — winner, scores and total times as the room
// would have reported them — and the next match opens; a stored match of
// another seed, tournament or pair of players decides nothing.
func TestSettleLiveDuel(t *testing.T) {
	tests := []struct {
		name    string
		code    string // "" is the tournament's
		seedAdd uint64
		players [2]string
		correct bool // the host corrects the other semi after the match ended
		decided bool
	}{
		{"the duel's match", "", 0, [2]string{"ada", "dee"}, false, true},
		{"the players in the other order", "", 0, [2]string{"dee", "ada"}, false, true},
		{"another seed", "", 2, [2]string{"ada", "dee"}, false, false},
		{"another tournament", "ZZZZZZ", 0, [2]string{"ada", "dee"}, false, false},
		{"another pair", "", 0, [2]string{"ada", "bob"}, false, false},
		{"a correction since", "", 0, [2]string{"ada", "dee"}, true, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := newEnv(t, nil)
			code, token := e.cup4(false, 60)
			e.svc.Watch("ch-w", code)
			st := e.out.last(t, "ch-w")
			semi, other := matchOf(t, st, 1, "ada"), matchOf(t, st, 1, "bob")
			e.svc.Ready(e.who("bob"), code, int(other.ID))
			e.svc.Ready(e.who("cy"), code, int(other.ID))
			e.duels.finish(t, int(other.ID), map[string][2]int64{"s-bob": {500, 4000}, "s-cy": {300, 4000}})
			e.svc.Ready(e.who("ada"), code, int(semi.ID))
			e.svc.Ready(e.who("dee"), code, int(semi.ID)) // the room plays; its result never reaches the store
			e.advance(time.Minute)
			tc := code
			if tt.code != "" {
				tc = tt.code
			}
			scores := map[string]line{"ada": {"ada", 900, []int{1000, 1500, 500}}, "dee": {"dee", 1100, []int{2000, 0, 2000}},
				"bob": {"bob", 1100, []int{2000, 0, 2000}}}
			e.storeMatch("m-semi", tc, e.svc.get(code).seed(int(semi.ID))+tt.seedAdd, scores[tt.players[0]], scores[tt.players[1]])
			if tt.correct {
				e.advance(time.Second)
				if ec := e.svc.Correct(code, token, int(other.ID), e.who("cy").Player); ec != netcode.ErrNone {
					t.Fatalf("Correct: %v", ec)
				}
			}

			e2 := e.restart()
			e2.svc.Watch("ch-w", code)
			st = e2.out.last(t, "ch-w")
			got := find(t, st, "winners", 1, int(semi.Slot))
			final := find(t, st, "winners", 2, 0)
			rec, err := e2.st.TournamentByCode(context.Background(), code)
			if err != nil {
				t.Fatal(err)
			}
			if !tt.decided {
				if got.Status != "ready" || final.Status != "pending" {
					t.Errorf("semi %+v, final %+v; want the semi still open", got, final)
				}
				return
			}
			// dee scores more: 1100 against 900; times 5000 (one round missed: +20 s) against 3000.
			if got.Status != "done" || got.Walkover || nick(st, got.Winner) != "dee" || len(got.Scores) != 2 ||
				got.Scores[0] != 900 || got.Scores[1] != 1100 || got.TimesMs[0] != 3000 || got.TimesMs[1] != 24000 {
				t.Errorf("semi after the restart %+v; want dee's played win 1100–900 in 3000/24000 ms", got)
			}
			if pair := nick(st, final.Players[0]) + "–" + nick(st, final.Players[1]); final.Status != "ready" ||
				pair != "bob–dee" && pair != "dee–bob" ||
				final.DeadlineMs != e2.clock().Add(time.Minute).UnixMilli() {
				t.Errorf("final %+v; want bob–dee open with a deadline a minute from the restart", final)
			}
			var sm store.BracketMatch
			for _, m := range rec.Matches {
				if m.Round == 1 && m.Slot == int(semi.Slot) {
					sm = m
				}
			}
			if sm.Status != store.DuelDone || sm.Winner != e2.who("dee").Player || sm.MatchID != "m-semi" || sm.Result.ScoreB != 1100 {
				t.Errorf("stored semi %+v; want dee's win with match m-semi", sm)
			}
		})
	}
}

// TestSettleAsyncSide: an asynchronous side whose run reached the store
// but not the bracket counts as played after a restart: it cannot play
// again, its score stands, and the other side's run decides the match.
func TestSettleAsyncSide(t *testing.T) {
	e := newEnv(t, nil)
	code, _ := e.cup4(true, 3600)
	e.svc.Watch("ch-w", code)
	semi := matchOf(t, e.out.last(t, "ch-w"), 1, "ada")
	e.svc.Ready(e.who("ada"), code, int(semi.ID))
	e.storeMatch("m-ada", code, e.duels.specs[0].Seed, line{"ada", 1200, []int{1000, 1000, 1000}})
	e.storeMatch("m-old", code, e.duels.specs[0].Seed+2, line{"dee", 2000, []int{1000, 1000, 1000}})

	e2 := e.restart()
	e2.svc.Watch("ch-w", code)
	if m := find(t, e2.out.last(t, "ch-w"), "winners", 1, int(semi.Slot)); m.Status != "ready" || len(m.Scores) != 2 || m.Scores[0] != 1200 || m.Scores[1] != 0 {
		t.Fatalf("semi after the restart %+v; want open with ada's 1200 (dee has not played)", m)
	}
	if ec := e2.svc.Ready(e2.who("ada"), code, int(semi.ID)); ec != netcode.ErrWrongPhase {
		t.Errorf("ada asks to play her stored side again: %v; want ErrWrongPhase", ec)
	}
	if ec := e2.svc.Ready(e2.who("dee"), code, int(semi.ID)); ec != netcode.ErrNone {
		t.Fatalf("dee asks to play: %v", ec)
	}
	e2.duels.finish(t, int(semi.ID), map[string][2]int64{"s-dee": {1100, 9000}})
	st := e2.out.last(t, "ch-w")
	if m := find(t, st, "winners", 1, int(semi.Slot)); m.Status != "done" || nick(st, m.Winner) != "ada" || m.Scores[1] != 1100 {
		t.Errorf("semi %+v; want ada's 1200 over dee's 1100", m)
	}
}
