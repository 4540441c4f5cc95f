package room

import (
	"reflect"
	"slices"
	"testing"
	"time"

	"github.com/osarena/osarena/netcode"
	"github.com/osarena/osarena/server/store"
	"github.com/osarena/osarena/sim/scenario"
)

// seatNames is the nicknames of a snapshot's seats and the host's.
func seatNames(s store.Snapshot) (names []string, host string) {
	for _, st := range s.Seats {
		names = append(names, st.Nickname)
		if st.Host {
			host = st.Nickname
		}
	}
	return names, host
}

// playToPodium plays the open match to its podium: every session answers
// every round right and the host (the first session) moves on.
func playToPodium(h *harness, sessions ...string) {
	h.t.Helper()
	for h.r.phase != netcode.PhasePodium {
		if h.r.phase == netcode.PhaseRound {
			for _, s := range sessions {
				h.answer(s, h.right())
			}
		}
		h.cmd(sessions[0], netcode.TypeNext, netcode.Next{})
	}
}

// TestSeatsSavedWhenTheyChange: every change of the seats (join, leave,
// kick, host, settings) queues one snapshot of them, in the lobby, during
// the match and on the podium; a drop, a resume or a lock does not (the
// lock is in the room's record). The host's change also saves the record.
func TestSeatsSavedWhenTheyChange(t *testing.T) {
	h := newHarness(t, testSettings(), Config{Store: newMemStore()})
	two := testSettings()
	two.Rounds = 2
	steps := []struct {
		name   string
		do     func(h *harness)
		saved  bool
		phase  netcode.Phase
		seats  []string
		host   string
		locked bool
	}{
		{"host joins", func(h *harness) { joinAs(h, "s1", "Host", 11) }, true, netcode.PhaseLobby, []string{"Host"}, "Host", false},
		{"bora joins", func(h *harness) { joinAs(h, "s2", "Bora", 12) }, true, netcode.PhaseLobby, []string{"Host", "Bora"}, "Host", false},
		{"cy joins, anonymous", func(h *harness) { joinAs(h, "s3", "Cy", 0) }, true, netcode.PhaseLobby, []string{"Host", "Bora", "Cy"}, "Host", false},
		{"dan joins", func(h *harness) { joinAs(h, "s4", "Dan", 14) }, true, netcode.PhaseLobby, []string{"Host", "Bora", "Cy", "Dan"}, "Host", false},
		{"bora drops", func(h *harness) { h.r.handle(h.now, Drop{Session: "s2", Channel: "ch-s2"}) }, false, netcode.PhaseLobby, nil, "", false},
		{"bora resumes", func(h *harness) { h.r.handle(h.now, Resume{Session: "s2", Channel: "ch-s2"}) }, false, netcode.PhaseLobby, nil, "", false},
		{"lock", func(h *harness) { h.cmd("s1", netcode.TypeLock, netcode.Lock{Locked: true}) }, false, netcode.PhaseLobby, nil, "", true},
		{"settings", func(h *harness) { h.cmd("s1", netcode.TypeUpdateSettings, netcode.UpdateSettings{Settings: two}) }, true, netcode.PhaseLobby, []string{"Host", "Bora", "Cy", "Dan"}, "Host", true},
		{"kick cy", func(h *harness) { h.cmd("s1", netcode.TypeKick, netcode.Kick{PlayerID: 3}) }, true, netcode.PhaseLobby, []string{"Host", "Bora", "Dan"}, "Host", true},
		{"host leaves", func(h *harness) { h.r.handle(h.now, Leave{Session: "s1"}) }, true, netcode.PhaseLobby, []string{"Bora", "Dan"}, "Bora", true},
		{"dan's seat expires", func(h *harness) {
			h.r.handle(h.now, Drop{Session: "s4", Channel: "ch-s4"})
			h.advance(time.Minute)
		}, true, netcode.PhaseLobby, []string{"Bora"}, "Bora", true},
		{"unlock, eve joins", func(h *harness) {
			h.cmd("s2", netcode.TypeLock, netcode.Lock{Locked: false})
			joinAs(h, "s5", "Eve", 15)
		}, true, netcode.PhaseLobby, []string{"Bora", "Eve"}, "Bora", false},
		{"the match starts", func(h *harness) { h.cmd("s2", netcode.TypeStartMatch, netcode.StartMatch{}) }, true, netcode.PhaseRound, []string{"Bora", "Eve"}, "Bora", false},
		{"fay joins mid-round", func(h *harness) { joinAs(h, "s6", "Fay", 16) }, true, netcode.PhaseRound, []string{"Bora", "Eve", "Fay"}, "Bora", false},
		{"an answer", func(h *harness) { h.answer("s5", h.wrong()) }, false, netcode.PhaseRound, nil, "", false},
		{"the podium", func(h *harness) { playToPodium(h, "s2", "s5", "s6") }, true, netcode.PhasePodium, []string{"Bora", "Eve", "Fay"}, "Bora", false},
		{"fay leaves the podium", func(h *harness) { h.r.handle(h.now, Leave{Session: "s6"}) }, true, netcode.PhasePodium, []string{"Bora", "Eve"}, "Bora", false},
	}
	var seq int64
	for _, st := range steps {
		st.do(h)
		snap, rec := h.r.saver.snap, h.r.saver.room
		if snap == nil || rec == nil {
			t.Fatalf("after %s: snapshot %v, record %v; want both", st.name, snap, rec)
		}
		if saved := snap.Seq != seq; saved != st.saved {
			t.Fatalf("after %s: snapshot Seq %d (was %d): saved %v; want %v", st.name, snap.Seq, seq, saved, st.saved)
		}
		seq = snap.Seq
		if rec.Locked != st.locked {
			t.Errorf("after %s: record Locked %v; want %v", st.name, rec.Locked, st.locked)
		}
		if !st.saved {
			continue
		}
		names, host := seatNames(*snap)
		if netcode.Phase(snap.Phase) != st.phase || !slices.Equal(names, st.seats) || host != st.host {
			t.Errorf("after %s: snapshot phase %d seats %v host %q; want %d %v %q", st.name, snap.Phase, names, host, st.phase, st.seats, st.host)
		}
		if want := h.r.players[h.r.host].playerID; rec.HostPlayer != want {
			t.Errorf("after %s: record's host player %d; want %d", st.name, rec.HostPlayer, want)
		}
		if st.phase == netcode.PhaseLobby && (snap.MatchID != lobbyMatch("ABCDEF") || snap.Settings.Rounds != int(h.r.settings.Rounds)) {
			t.Errorf("after %s: lobby snapshot of match %q with %d rounds", st.name, snap.MatchID, snap.Settings.Rounds)
		}
	}
	// The finished match was queued before the podium's snapshot, which
	// has the final standings of every player who finished.
	snap := h.r.saver.snap
	if len(h.r.saver.matches) != 1 || h.r.saver.matches[0].ID != snap.MatchID || snap.Round != 2 || snap.Rounds != 2 {
		t.Fatalf("finished matches %d; podium snapshot of match %q round %d/%d", len(h.r.saver.matches), snap.MatchID, snap.Round, snap.Rounds)
	}
	if got, want := wirePodium(snap.Podium), h.r.match.podium; !reflect.DeepEqual(got, want) || len(want.Summaries) != 3 {
		t.Errorf("podium snapshot %+v; want %+v", got, want)
	}
	for _, l := range snap.Podium {
		if want := map[uint32]int64{2: 12, 5: 15}[l.Seat]; l.Player != want {
			t.Errorf("podium line %+v: player %d; want %d (0: left the room)", l, l.Player, want)
		}
	}
}

// restoreHarness rebuilds h's room from what its saver holds (the record
// and the last snapshot), as a restart would, at time at.
func restoreHarness(t *testing.T, h *harness, at time.Time) *harness {
	t.Helper()
	snap := *h.r.saver.snap
	out := newFakeOut()
	r, err := Restore(*h.r.saver.room, &snap, out, Config{Clock: func() time.Time { return at }, Store: newMemStore()})
	if err != nil {
		t.Fatal(err)
	}
	return &harness{t: t, r: r, out: out, now: at}
}

// resume brings session back on channel "back-"+session.
func (h *harness) resume(session string) Reply {
	c := make(chan Reply, 1)
	h.r.handle(h.now, Resume{Session: session, Channel: "back-" + session, Reply: c})
	return <-c
}

// TestRestoreLobby: a lobby comes back after a restart with its seats,
// host, lock and settings. Its players resume by session (the host with the
// host token), the lock still refuses newcomers, and the host starts the
// match.
func TestRestoreLobby(t *testing.T) {
	h := newHarness(t, testSettings(), Config{Store: newMemStore()})
	joinAs(h, "s1", "Host", 11)
	joinAs(h, "s2", "Bora", 12)
	joinAs(h, "s3", "민수", 0)
	s := testSettings()
	s.Rounds, s.Lang = 4, "ko"
	h.cmd("s1", netcode.TypeUpdateSettings, netcode.UpdateSettings{Settings: s})
	h.cmd("s1", netcode.TypeLock, netcode.Lock{Locked: true})
	h.r.handle(h.now, Leave{Session: "s1"}) // Bora hosts now

	later := h.now.Add(time.Hour)
	g := restoreHarness(t, h, later)
	if g.r.phase != netcode.PhaseLobby || !g.r.locked || g.r.match != nil || !reflect.DeepEqual(g.r.settings, s) {
		t.Fatalf("restored: phase %d locked %v match %v settings %+v; want the locked lobby with %+v", g.r.phase, g.r.locked, g.r.match, g.r.settings, s)
	}
	tests := []struct {
		session   string
		want      uint32
		hostToken string
	}{
		{"s2", 2, h.r.HostToken()},
		{"s3", 3, ""},
		{"s1", 0, ""}, // left before the restart
	}
	for _, tt := range tests {
		rep := g.resume(tt.session)
		if tt.want == 0 {
			if rep.Err != netcode.ErrNotInRoom {
				t.Errorf("resume %s = %+v; want ErrNotInRoom", tt.session, rep)
			}
			continue
		}
		j := last[netcode.RoomJoined](t, g.out, "back-"+tt.session, netcode.TypeRoomJoined)
		if rep.Err != netcode.ErrNone || j.PlayerID != tt.want || j.HostToken != tt.hostToken || j.Code != "ABCDEF" {
			t.Errorf("resume %s = %+v, %+v; want player %d, host token %q", tt.session, rep, j, tt.want, tt.hostToken)
		}
	}
	st := last[netcode.RoomState](t, g.out, "back-s2", netcode.TypeRoomState)
	want := []netcode.Player{{ID: 2, Nickname: "Bora", Host: true, Connected: true}, {ID: 3, Nickname: "민수", Connected: true}}
	if st.Phase != netcode.PhaseLobby || !st.Locked || !reflect.DeepEqual(st.Players, want) {
		t.Fatalf("RoomState after restore %+v; want the locked lobby with %+v", st, want)
	}
	if rep := g.join("s7", "Newcomer"); rep.Err != netcode.ErrRoomLocked {
		t.Errorf("join a restored locked lobby = %+v; want ErrRoomLocked", rep)
	}
	g.cmd("s2", netcode.TypeStartMatch, netcode.StartMatch{})
	for _, ch := range []string{"back-s2", "back-s3"} {
		if rs := last[netcode.RoundStart](t, g.out, ch, netcode.TypeRoundStart); rs.Round != 1 || rs.Rounds != 4 {
			t.Errorf("%s: RoundStart %d/%d; want 1/4", ch, rs.Round, rs.Rounds)
		}
	}
	if snap := g.r.saver.snap; snap == nil || snap.Seq <= h.r.saver.snap.Seq || snap.Phase != int(netcode.PhaseRound) {
		t.Errorf("the restored room's next snapshot %+v; want the round's, Seq above %d", snap, h.r.saver.snap.Seq)
	}
}

// TestRestorePodium: a room restored on its podium shows the final
// standings (a player who left the podium included) and the scores, refuses
// answers and Next, seats a newcomer under a new number, and starts the
// next match with the questions it would have drawn.
func TestRestorePodium(t *testing.T) {
	h := newHarness(t, testSettings(), Config{Store: newMemStore()})
	joinAs(h, "s1", "Host", 11)
	joinAs(h, "s2", "Bora", 12)
	joinAs(h, "s3", "Cy", 13)
	h.cmd("s1", netcode.TypeStartMatch, netcode.StartMatch{})
	playToPodium(h, "s1", "s2", "s3")
	h.r.handle(h.now, Leave{Session: "s3"})
	podium, scores := h.r.match.podium, map[uint32]int32{}
	for _, id := range h.r.order {
		scores[id] = h.r.players[id].score
	}

	g := restoreHarness(t, h, h.now.Add(time.Hour))
	if g.r.phase != netcode.PhasePodium || g.r.host != 1 || len(g.r.order) != 2 {
		t.Fatalf("restored: phase %d host %d seats %v; want the podium, host 1, 2 seats", g.r.phase, g.r.host, g.r.order)
	}
	g.resume("s1")
	g.resume("s2")
	if got := last[netcode.Podium](t, g.out, "back-s2", netcode.TypePodium); !reflect.DeepEqual(got, podium) {
		t.Errorf("Podium after restore %+v; want %+v", got, podium)
	}
	st := last[netcode.RoomState](t, g.out, "back-s1", netcode.TypeRoomState)
	if st.Phase != netcode.PhasePodium || st.Round != 3 || len(st.Players) != 2 {
		t.Fatalf("RoomState after restore %+v; want the podium after round 3, 2 players", st)
	}
	for _, p := range st.Players {
		if p.Score != scores[p.ID] || p.Score == 0 {
			t.Errorf("player %d score %d; want %d", p.ID, p.Score, scores[p.ID])
		}
	}
	g.cmd("s2", netcode.TypeAnswer, netcode.Answer{Round: 3, Values: []int64{1}})
	if ack := last[netcode.AnswerAck](t, g.out, "back-s2", netcode.TypeAnswerAck); ack.Accepted || ack.Reason != netcode.ErrWrongPhase {
		t.Errorf("answer on a restored podium: %+v; want ErrWrongPhase", ack)
	}
	g.cmd("s1", netcode.TypeNext, netcode.Next{})
	if e := last[netcode.Error](t, g.out, "back-s1", netcode.TypeError); e.Code != netcode.ErrWrongPhase {
		t.Errorf("Next on a restored podium: %+v; want ErrWrongPhase", e)
	}
	if rep := g.join("s9", "Dan"); rep.PlayerID != 4 {
		t.Errorf("newcomer on the restored podium = %+v; want player 4 (3 is on the podium)", rep)
	}

	h.cmd("s1", netcode.TypeStartMatch, netcode.StartMatch{})
	g.cmd("s1", netcode.TypeStartMatch, netcode.StartMatch{})
	if g.r.phase != netcode.PhaseRound || !reflect.DeepEqual(g.r.match.start.Question, h.r.match.start.Question) {
		t.Errorf("next match after restore: phase %d, question %+v; want %+v", g.r.phase, g.r.match.start.Question, h.r.match.start.Question)
	}
}

// TestRestorePhases: what a restored quiz room shows, by its snapshot.
func TestRestorePhases(t *testing.T) {
	seats := []store.Seat{{Seat: 1, Session: "s1", Nickname: "Host"}, {Seat: 2, Session: "s2", Nickname: "Bora", Host: true}}
	podium := []store.MatchPlayer{{Seat: 2, Nickname: "Bora", Rank: 1, Score: 900}, {Seat: 1, Nickname: "Host", Rank: 2}}
	tests := []struct {
		name  string
		snap  *store.Snapshot
		phase netcode.Phase
		seats int
		host  uint32
	}{
		{"no snapshot", nil, netcode.PhaseLobby, 0, 0},
		{"lobby", &store.Snapshot{Phase: int(netcode.PhaseLobby), MatchID: "lobby-ABCDEF", Seats: seats}, netcode.PhaseLobby, 2, 2},
		{"lobby, no host", &store.Snapshot{Phase: int(netcode.PhaseLobby), MatchID: "lobby-ABCDEF", Seats: seats[:1]}, netcode.PhaseLobby, 1, 1},
		{"podium", &store.Snapshot{Phase: int(netcode.PhasePodium), MatchID: "m1", Round: 3, Rounds: 3, Seats: seats, Podium: podium}, netcode.PhasePodium, 2, 2},
		{"podium without standings", &store.Snapshot{Phase: int(netcode.PhasePodium), MatchID: "m1", Round: 3, Seats: seats}, netcode.PhaseLobby, 2, 2},
		{"round of another simulator", &store.Snapshot{Phase: int(netcode.PhaseRound), MatchID: "m1", SimVersion: scenario.Version + 1,
			Settings: StoreSettings(testSettings()), Round: 1, Rounds: 3, Seats: seats}, netcode.PhaseLobby, 2, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := store.Room{Code: "ABCDEF", HostToken: "tok", Mode: "quiz", Settings: StoreSettings(testSettings())}
			if tt.snap != nil {
				tt.snap.Room = "ABCDEF"
			}
			r, err := Restore(rec, tt.snap, newFakeOut(), Config{Clock: func() time.Time { return t0 }})
			if err != nil {
				t.Fatalf("Restore: %v", err)
			}
			if r.phase != tt.phase || len(r.order) != tt.seats || r.host != tt.host || (r.match != nil) != (tt.phase == netcode.PhasePodium) {
				t.Errorf("Restore: phase %d, %d seats, host %d, match %v; want %d, %d, %d", r.phase, len(r.order), r.host, r.match != nil, tt.phase, tt.seats, tt.host)
			}
		})
	}
}
