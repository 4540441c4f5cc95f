package room

import (
	"testing"
	"time"

	"github.com/osarena/osarena/netcode"
	"github.com/osarena/osarena/server/store"
)

// TestRestoreDuel: a tournament duel restored after a restart keeps the
// rounds already revealed, waits (in its lobby, the clock stopped) until
// its seats are back or freed, then plays the interrupted round again from
// its start, or the next round, or goes to the podium; its outcome counts
// every round.
func TestRestoreDuel(t *testing.T) {
	tests := []struct {
		name     string
		revealed int  // rounds revealed before the restart
		open     bool // and the next round opened
		absent   bool // s2 never comes back
		want     int  // the round played first after the restart (0: the podium)
	}{
		{"round 1 open", 0, true, false, 1},
		{"at the first reveal", 1, false, false, 2},
		{"round 2 open", 1, true, false, 2},
		{"at the last reveal", 3, false, false, 0},
		{"round 2 open, bora gone", 1, true, true, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := newHarness(t, testSettings(), Config{Store: newMemStore()})
			h.r.duel = &Duel{Tournament: "TOURNY", Match: 3, Seats: 2, Pause: 2 * time.Second}
			joinAs(h, "s1", "ada", 11)
			joinAs(h, "s2", "bora", 12)
			for i := range tt.revealed {
				h.answer("s1", h.right())
				h.answer("s2", h.wrong())
				if i < tt.revealed-1 || tt.open {
					h.advance(2 * time.Second)
				}
			}
			snap, rec := *h.r.saver.snap, *h.r.saver.room
			scores := map[uint32]int32{1: h.r.players[1].score, 2: h.r.players[2].score}

			later := h.now.Add(time.Hour)
			var got []DuelOutcome
			d := Duel{Tournament: "TOURNY", Match: 3, Seats: 2, Pause: 2 * time.Second,
				OnFinish: func(o DuelOutcome) { got = append(got, o) }}
			out := newFakeOut()
			r, err := RestoreDuel(rec, &snap, d, out, Config{Clock: func() time.Time { return later }, Store: newMemStore()})
			if err != nil {
				t.Fatal(err)
			}
			g := &harness{t: t, r: r, out: out, now: later}
			if r.phase != netcode.PhaseLobby || len(r.order) != 2 || !r.IsDuel() {
				t.Fatalf("restored duel: phase %d, %d seats; want the lobby with 2", r.phase, len(r.order))
			}
			g.advance(time.Minute / 2)
			g.resume("s1")
			if n := count(out, "back-s1", netcode.TypeRoundStart); n != 0 || r.phase != netcode.PhaseLobby {
				t.Fatalf("with one of two back: %d RoundStarts, phase %d; want none, the lobby", n, r.phase)
			}
			st := last[netcode.RoomState](t, out, "back-s1", netcode.TypeRoomState)
			for _, p := range st.Players {
				if p.Score != scores[p.ID] {
					t.Errorf("player %d's score after the restart %d; want %d", p.ID, p.Score, scores[p.ID])
				}
			}
			players := []string{"s1", "s2"}
			if tt.absent {
				players = players[:1]
				g.advance(time.Minute) // bora's seat is freed
			} else {
				g.resume("s2")
			}
			if tt.want == 0 {
				if r.phase != netcode.PhasePodium || len(got) != 1 {
					t.Fatalf("phase %d, %d outcomes; want the podium at once", r.phase, len(got))
				}
			} else {
				rs := last[netcode.RoundStart](t, out, "back-s1", netcode.TypeRoundStart)
				if int(rs.Round) != tt.want || rs.StartMs != g.now.UnixMilli() || rs.DeadlineMs != g.now.Add(20*time.Second).UnixMilli() {
					t.Fatalf("first round after the restart %d (start %d, deadline %d); want %d from now (%d)", rs.Round, rs.StartMs, rs.DeadlineMs, tt.want, g.now.UnixMilli())
				}
				for r.phase != netcode.PhasePodium {
					round := uint8(r.match.round)
					g.cmd("s1", netcode.TypeAnswer, netcode.Answer{Round: round, Values: g.right()})
					if !tt.absent {
						g.cmd("s2", netcode.TypeAnswer, netcode.Answer{Round: round, Values: g.wrong()})
					}
					g.advance(2 * time.Second)
				}
			}
			if len(got) != 1 || len(got[0].Scores) != len(players) || got[0].Match != 3 || got[0].MatchID != snap.MatchID {
				t.Fatalf("outcomes %+v; want one of match 3 (%s) with %d scores", got, snap.MatchID, len(players))
			}
			a := got[0].Scores[0]
			if a.Session != "s1" || a.Correct != 3 || a.Answered != 3 || a.Score < scores[1] || a.Score == 0 {
				t.Errorf("ada's outcome %+v; want all 3 rounds right, from %d up", a, scores[1])
			}
			if !tt.absent {
				if b := got[0].Scores[1]; b.Session != "s2" || b.Correct != 0 || b.Answered != 3 {
					t.Errorf("bora's outcome %+v; want 3 rounds answered wrong", b)
				}
			}
		})
	}
}

// RestoreDuel refuses a snapshot of no running match.
func TestRestoreDuelRefuses(t *testing.T) {
	rec := store.Room{Code: "ABCDEF", Mode: "duel", Settings: StoreSettings(testSettings())}
	seats := []store.Seat{{Seat: 1, Session: "s1", Nickname: "ada"}}
	for _, snap := range []*store.Snapshot{nil, {Room: "ABCDEF", Phase: int(netcode.PhaseLobby), Seats: seats},
		{Room: "ABCDEF", Phase: int(netcode.PhasePodium), Seats: seats}} {
		if _, err := RestoreDuel(rec, snap, Duel{Seats: 2}, newFakeOut(), Config{}); err == nil {
			t.Errorf("RestoreDuel(%+v) succeeded; want ErrBadDuel", snap)
		}
	}
}
