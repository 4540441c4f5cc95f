package room

import (
	"context"
	"slices"
	"testing"
	"time"

	"github.com/osarena/osarena/netcode"
)

// Nobody hosts a duel, and nobody is told they do: no player is marked
// Host in RoomState and no RoomJoined carries a host token (a client shown
// host controls would only have them refused).
func TestDuelHasNoHost(t *testing.T) {
	h := newHarness(t, testSettings(), Config{})
	h.r.duel = &Duel{Tournament: "TOURNY", Match: 1, Seats: 2}
	h.join("s1", "ada")
	h.join("s2", "bora")
	for _, s := range []string{"s1", "s2"} {
		if j := last[netcode.RoomJoined](t, h.out, "ch-"+s, netcode.TypeRoomJoined); j.HostToken != "" {
			t.Errorf("%s: RoomJoined %+v; want no host token in a duel", s, j)
		}
		st := last[netcode.RoomState](t, h.out, "ch-"+s, netcode.TypeRoomState)
		for _, p := range st.Players {
			if p.Host {
				t.Errorf("%s: RoomState marks %s as host; want nobody in a duel", s, p.Nickname)
			}
		}
	}
}

// A live duel starts when both seats are taken, moves on from each reveal
// after its pause without a host, refuses host commands, and reports both
// scores at the podium.
func TestDuelRunsItselfAndReports(t *testing.T) {
	h := newHarness(t, testSettings(), Config{})
	var got []DuelOutcome
	h.r.duel = &Duel{Tournament: "TOURNY", Match: 3, Seats: 2, Pause: 2 * time.Second,
		OnFinish: func(o DuelOutcome) { got = append(got, o) }}
	h.join("s1", "ada")
	if h.r.match != nil {
		t.Fatal("duel started with one of two seats")
	}
	h.join("s2", "bora")
	if h.r.phase != netcode.PhaseRound || h.r.match.round != 1 {
		t.Fatalf("phase %d; want round 1 once both joined", h.r.phase)
	}
	h.cmd("s1", netcode.TypeNext, netcode.Next{})
	if e := last[netcode.Error](t, h.out, "ch-s1", netcode.TypeError); e.Code != netcode.ErrNotHost {
		t.Errorf("Next in a duel: %+v; want ErrNotHost", e)
	}
	for round := 1; round <= 3; round++ {
		h.now = h.now.Add(time.Second)
		h.answer("s1", h.right())
		h.now = h.now.Add(time.Second)
		h.answer("s2", h.wrong())
		if h.r.phase != netcode.PhaseReveal {
			t.Fatalf("round %d: phase %d; want reveal", round, h.r.phase)
		}
		if w := h.r.nextWake(h.now); !w.Equal(h.now.Add(2 * time.Second)) {
			t.Errorf("round %d: next wake %v; want the pause's end", round, w)
		}
		h.advance(time.Second)
		if h.r.phase != netcode.PhaseReveal {
			t.Fatalf("round %d: moved on before the pause ended", round)
		}
		h.advance(time.Second)
	}
	if h.r.phase != netcode.PhasePodium || len(got) != 1 {
		t.Fatalf("phase %d, %d outcomes; want the podium and one outcome", h.r.phase, len(got))
	}
	o := got[0]
	if o.Tournament != "TOURNY" || o.Match != 3 || len(o.Scores) != 2 || o.MatchID == "" {
		t.Fatalf("outcome %+v", o)
	}
	a, b := o.Scores[0], o.Scores[1]
	if a.Session != "s1" || b.Session != "s2" || a.Score <= b.Score || a.Correct != 3 || b.Correct != 0 || a.TotalMs != 3000 || b.TotalMs != 6000 {
		t.Errorf("scores %+v %+v", a, b)
	}
}

// An unanswered round counts its whole limit in the total time.
func TestDuelTotalTimeCountsMissedRounds(t *testing.T) {
	h := newHarness(t, testSettings(), Config{})
	var got DuelOutcome
	h.r.duel = &Duel{Seats: 1, Pause: time.Second, OnFinish: func(o DuelOutcome) { got = o }}
	h.join("s1", "ada")
	for range 3 {
		h.advance(20 * time.Second) // the deadline passes
		h.advance(time.Second)      // the pause
	}
	if len(got.Scores) != 1 || got.Scores[0].TotalMs != 60000 || got.Scores[0].Answered != 0 {
		t.Fatalf("outcome %+v; want 60 s for three missed rounds", got)
	}
}

// CreateDuel runs a room on its goroutine with the given seed: two duels
// with one seed ask the same questions.
func TestCreateDuelSameSeedSameQuestions(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	out := &lockedOut{fakeOut: newFakeOut()}
	rs := NewRooms(ctx, out, Config{}, 0)
	defer rs.Wait()
	defer cancel()
	if _, err := rs.CreateDuel(Duel{Seats: 0}, testSettings(), 7); err == nil {
		t.Error("CreateDuel with no seats succeeded")
	}
	var qs [2][]byte
	for i := range 2 {
		r, err := rs.CreateDuel(Duel{Seats: 1}, testSettings(), 7)
		if err != nil {
			t.Fatal(err)
		}
		if r.cfg.MaxPlayers != 1 || r.cfg.Seed != 7 {
			t.Fatalf("duel room config %+v", r.cfg)
		}
		qs[i] = questionsFor(r.settings, r.cfg.Seed)[0].Scenario
	}
	if string(qs[0]) != string(qs[1]) {
		t.Error("one seed gave two question lists")
	}
}

// A duel whose players all leave before the podium reports an abort.
func TestDuelAbortsWhenEmptied(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	rs := NewRooms(ctx, &lockedOut{fakeOut: newFakeOut()}, Config{}, 0)
	aborted := make(chan struct{})
	r, err := rs.CreateDuel(Duel{Seats: 2, OnAbort: func() { close(aborted) }}, testSettings(), 7)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{"s1", "s2"} {
		if err := r.Submit(Join{Session: s, Channel: "ch-" + s, Nickname: s, Seat: true}); err != nil {
			t.Fatal(err)
		}
	}
	for _, s := range []string{"s1", "s2"} {
		_ = r.Submit(Leave{Session: s})
	}
	select {
	case <-aborted:
	case <-time.After(5 * time.Second):
		t.Fatal("no abort")
	}
	cancel()
	rs.Wait()
}

// StoredOutcome gives, from the finished match the room queued for the
// store, the outcome the room reported at its podium (sessions and the
// bracket match aside): the same scores, and total times with each missed
// round counted as the whole limit.
func TestStoredOutcome(t *testing.T) {
	tests := []struct {
		name   string
		missed int // the round s2 lets pass unanswered (0: none)
	}{
		{"both answer every round", 0},
		{"s2 misses round 2", 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := newHarness(t, testSettings(), Config{Store: newMemStore()})
			var got []DuelOutcome
			h.r.duel = &Duel{Tournament: "TOURNY", Match: 3, Seats: 2, Pause: time.Second,
				OnFinish: func(o DuelOutcome) { got = append(got, o) }}
			joinAs(h, "s1", "ada", 11)
			joinAs(h, "s2", "bora", 12)
			for round := 1; round <= 3; round++ {
				h.now = h.now.Add(time.Duration(round) * 700 * time.Millisecond)
				h.answer("s1", h.right())
				if round == tt.missed {
					h.advance(20 * time.Second) // the deadline passes
				} else {
					h.now = h.now.Add(1300 * time.Millisecond)
					h.answer("s2", h.wrong())
				}
				h.advance(time.Second) // the pause
			}
			if len(got) != 1 || len(h.r.saver.matches) != 1 {
				t.Fatalf("%d outcomes, %d finished matches queued; want 1 and 1", len(got), len(h.r.saver.matches))
			}
			want := got[0]
			want.Match = 0
			for i := range want.Scores {
				want.Scores[i].Session = ""
			}
			stored := StoredOutcome(h.r.saver.matches[0].Match)
			if stored.Tournament != want.Tournament || stored.MatchID != want.MatchID || stored.Match != 0 {
				t.Errorf("StoredOutcome = %+v; want tournament %s, match ID %s", stored, want.Tournament, want.MatchID)
			}
			if !slices.EqualFunc(sortedScores(stored.Scores), sortedScores(want.Scores), func(a, b DuelScore) bool { return a == b }) {
				t.Errorf("StoredOutcome scores = %+v; want %+v", stored.Scores, want.Scores)
			}
		})
	}
}

func sortedScores(s []DuelScore) []DuelScore {
	s = slices.Clone(s)
	slices.SortFunc(s, func(a, b DuelScore) int { return int(a.Player - b.Player) })
	return s
}

// A duel's room takes only the players the server seats (Join.Seat): a
// JoinRoom from anyone else — a watcher who saw the code, even into a seat
// freed after the grace period — is refused with ErrWrongPhase, while a
// seated player's JoinRoom gives its seat back.
func TestDuelRefusesNewcomers(t *testing.T) {
	h := newHarness(t, testSettings(), Config{})
	h.r.duel = &Duel{Tournament: "TOURNY", Match: 1, Seats: 2}
	h.join("s1", "ada")
	h.join("s2", "bora")
	h.r.handle(h.now, Drop{Session: "s2", Channel: "ch-s2"})
	tests := []struct {
		name     string
		session  string
		freeSeat bool // bora drops again and her seat is freed first
		want     netcode.ErrorCode
	}{
		{"a watcher, seats taken", "w1", false, netcode.ErrWrongPhase},
		{"the dropped player comes back", "s2", false, netcode.ErrNone},
		{"a watcher, into a freed seat", "w2", true, netcode.ErrWrongPhase},
	}
	for _, tt := range tests {
		if tt.freeSeat {
			h.r.handle(h.now, Drop{Session: "s2", Channel: "ch-s2"})
			h.advance(61 * time.Second) // the grace period frees bora's seat
			if len(h.r.players) != 1 {
				t.Fatalf("%d players after the grace; want 1", len(h.r.players))
			}
		}
		c := make(chan Reply, 1)
		h.r.handle(h.now, Join{Session: tt.session, Channel: "ch-" + tt.session, Nickname: "Watcher" + tt.session, Reply: c})
		if rep := <-c; rep.Err != tt.want {
			t.Errorf("%s: JoinRoom answered %v; want %v", tt.name, rep.Err, tt.want)
		}
		if tt.want != netcode.ErrNone {
			if e := last[netcode.Error](t, h.out, "ch-"+tt.session, netcode.TypeError); e.Code != tt.want || e.About != netcode.TypeJoinRoom {
				t.Errorf("%s: Error %+v; want %v about JoinRoom", tt.name, e, tt.want)
			}
		}
	}
	if _, seated := h.r.bySession["w2"]; seated {
		t.Error("the watcher took the freed seat")
	}
}
