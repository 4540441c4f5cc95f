package room

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/osarena/osarena/netcode"
)

// threePlayers is a harness with host s1 and guests s2, s3, match started.
func threePlayers(t *testing.T, s netcode.Settings, cfg Config) *harness {
	h := newHarness(t, s, cfg)
	h.join("s1", "host")
	h.join("s2", "bora")
	h.join("s3", "민준")
	h.cmd("s1", netcode.TypeStartMatch, netcode.StartMatch{})
	return h
}

func TestMatchPhases(t *testing.T) {
	h := threePlayers(t, testSettings(), Config{})
	rs := last[netcode.RoundStart](t, h.out, "ch-s3", netcode.TypeRoundStart)
	if rs.Round != 1 || rs.Rounds != 3 || rs.StartMs != t0.UnixMilli() || rs.DeadlineMs != t0.Add(20*time.Second).UnixMilli() {
		t.Fatalf("RoundStart = round %d/%d start %d deadline %d", rs.Round, rs.Rounds, rs.StartMs, rs.DeadlineMs)
	}
	if rs.Question.Prompt.Key == "" || len(rs.Question.Scenario) == 0 {
		t.Errorf("RoundStart question has no prompt or scenario: %+v", rs.Question)
	}
	if h.r.phase != netcode.PhaseRound {
		t.Fatalf("phase %d; want round", h.r.phase)
	}

	// Round 1: everyone answers, the round closes early.
	h.now = h.now.Add(2 * time.Second)
	h.answer("s1", h.right())
	if a := last[netcode.Answered](t, h.out, "ch-s2", netcode.TypeAnswered); a.Count != 1 || a.Of != 3 {
		t.Errorf("Answered = %+v; want 1 of 3", a)
	}
	h.answer("s2", h.wrong())
	h.now = h.now.Add(8 * time.Second)
	h.answer("s3", h.right())
	rv := last[netcode.Reveal](t, h.out, "ch-s2", netcode.TypeReveal)
	if h.r.phase != netcode.PhaseReveal || rv.Round != 1 || len(rv.Results) != 3 || rv.Explanation.Key == "" {
		t.Fatalf("after three answers: phase %d, Reveal %+v", h.r.phase, rv)
	}
	// 2 s of 20: 500 + 500·18/20 = 950; 10 s: 750.
	wantOrder := []struct {
		id     uint32
		points int32
	}{{1, 950}, {3, 750}, {2, 0}}
	for i, w := range wantOrder {
		if r := rv.Results[i]; r.PlayerID != w.id || r.Points != w.points || r.Score != w.points {
			t.Errorf("leaderboard[%d] = %+v; want player %d with %d points", i, r, w.id, w.points)
		}
	}
	if r := rv.Results[2]; r.Credit != 0 || !r.Answered || r.Streak != 0 {
		t.Errorf("wrong answer result %+v", r)
	}

	// Round 2: nobody answers; the deadline closes it.
	h.cmd("s1", netcode.TypeNext, netcode.Next{})
	if rs := last[netcode.RoundStart](t, h.out, "ch-s1", netcode.TypeRoundStart); rs.Round != 2 {
		t.Fatalf("after Next: RoundStart round %d; want 2", rs.Round)
	}
	if w := h.r.nextWake(h.now); !w.Equal(h.now.Add(20 * time.Second)) {
		t.Errorf("nextWake = %v; want the deadline %v", w, h.now.Add(20*time.Second))
	}
	h.advance(19 * time.Second)
	if h.r.phase != netcode.PhaseRound {
		t.Fatalf("phase %d 1 s before the deadline; want round", h.r.phase)
	}
	h.advance(time.Second)
	if h.r.phase != netcode.PhaseReveal {
		t.Fatalf("phase %d at the deadline; want reveal", h.r.phase)
	}
	rv = last[netcode.Reveal](t, h.out, "ch-s1", netcode.TypeReveal)
	for _, r := range rv.Results {
		if r.Answered || r.Points != 0 || r.Streak != 0 {
			t.Errorf("unanswered result %+v", r)
		}
	}

	// Round 3, then the podium.
	h.cmd("s1", netcode.TypeNext, netcode.Next{})
	h.answer("s2", h.right())
	h.cmd("s1", netcode.TypeNext, netcode.Next{}) // host closes the round early
	if h.r.phase != netcode.PhaseReveal {
		t.Fatalf("Next during a round: phase %d; want reveal", h.r.phase)
	}
	h.cmd("s1", netcode.TypeNext, netcode.Next{})
	p := last[netcode.Podium](t, h.out, "ch-s3", netcode.TypePodium)
	if h.r.phase != netcode.PhasePodium || len(p.Summaries) != 3 {
		t.Fatalf("podium phase %d, %+v", h.r.phase, p)
	}
	if s := p.Summaries[0]; s.PlayerID != 2 || s.Rank != 1 || s.Correct != 1 || s.Answered != 2 || s.BestTopic != "replace" {
		t.Errorf("winner %+v; want player 2, rank 1, 1 correct of 2 answered, best topic replace", s)
	}
	if s := p.Summaries[1]; s.PlayerID != 1 || s.Score != 950 || s.AvgMs != 2000 {
		t.Errorf("second %+v; want player 1, 950, avg 2000 ms", s)
	}
	if st := last[netcode.RoomState](t, h.out, "ch-s2", netcode.TypeRoomState); st.Phase != netcode.PhasePodium || st.Round != 3 {
		t.Errorf("RoomState after podium: phase %d round %d", st.Phase, st.Round)
	}
	h.cmd("s1", netcode.TypeNext, netcode.Next{})
	if e := last[netcode.Error](t, h.out, "ch-s1", netcode.TypeError); e.Code != netcode.ErrWrongPhase {
		t.Errorf("Next on the podium: %+v; want ErrWrongPhase", e)
	}
}

func TestAnswerRefused(t *testing.T) {
	tests := []struct {
		name   string
		setup  func(h *harness)
		answer func(h *harness) any
		want   netcode.ErrorCode
	}{
		{"late", func(h *harness) { h.now = h.now.Add(20*time.Second + time.Millisecond) },
			func(h *harness) any { return netcode.Answer{Round: 1, Values: h.right()} }, netcode.ErrLate},
		{"at the deadline is in time", func(h *harness) { h.now = h.now.Add(20 * time.Second) },
			func(h *harness) any { return netcode.Answer{Round: 1, Values: h.right()} }, netcode.ErrNone},
		{"duplicate", func(h *harness) { h.answer("s2", h.wrong()) },
			func(h *harness) any { return netcode.Answer{Round: 1, Values: h.right()} }, netcode.ErrDuplicate},
		{"too many values", nil,
			func(h *harness) any { return netcode.Answer{Round: 1, Values: append(h.right(), 1, 2, 3)} }, netcode.ErrMalformedAnswer},
		{"no values", nil,
			func(h *harness) any { return netcode.Answer{Round: 1} }, netcode.ErrMalformedAnswer},
		{"future round", nil,
			func(h *harness) any { return netcode.Answer{Round: 2, Values: h.right()} }, netcode.ErrMalformedAnswer},
		{"not an Answer", nil,
			func(h *harness) any { return nil }, netcode.ErrMalformedAnswer},
		{"after the reveal", func(h *harness) { h.cmd("s1", netcode.TypeNext, netcode.Next{}) },
			func(h *harness) any { return netcode.Answer{Round: 1, Values: []int64{0}} }, netcode.ErrLate},
		{"previous round", func(h *harness) {
			h.cmd("s1", netcode.TypeNext, netcode.Next{})
			h.cmd("s1", netcode.TypeNext, netcode.Next{})
		}, func(h *harness) any { return netcode.Answer{Round: 1, Values: []int64{0}} }, netcode.ErrLate},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := threePlayers(t, testSettings(), Config{})
			if tt.setup != nil {
				tt.setup(h)
			}
			h.cmd("s2", netcode.TypeAnswer, tt.answer(h))
			ack := last[netcode.AnswerAck](t, h.out, "ch-s2", netcode.TypeAnswerAck)
			if ack.Accepted != (tt.want == netcode.ErrNone) || ack.Reason != tt.want {
				t.Errorf("AnswerAck = %+v; want reason %d", ack, tt.want)
			}
		})
	}

	t.Run("lobby", func(t *testing.T) {
		h := newHarness(t, testSettings(), Config{})
		h.join("s1", "host")
		h.cmd("s1", netcode.TypeAnswer, netcode.Answer{Round: 1, Values: []int64{1}})
		if ack := last[netcode.AnswerAck](t, h.out, "ch-s1", netcode.TypeAnswerAck); ack.Accepted || ack.Reason != netcode.ErrWrongPhase {
			t.Errorf("answer in the lobby: %+v; want ErrWrongPhase", ack)
		}
	})
}

func TestStreaks(t *testing.T) {
	tests := []struct {
		name   string
		timed  bool
		after  time.Duration
		plan   []bool // right or wrong per round
		points []int32
	}{
		{"instant, all right", true, 0, []bool{true, true, true, true, true, true, true}, []int32{1000, 1050, 1100, 1150, 1200, 1250, 1250}},
		{"a miss resets", true, 0, []bool{true, true, false, true}, []int32{1000, 1050, 0, 1000}},
		{"at the deadline", true, 20 * time.Second, []bool{true, true}, []int32{500, 550}},
		{"untimed", false, 5 * time.Minute, []bool{true, true, true}, []int32{1000, 1050, 1100}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := testSettings()
			s.Rounds, s.Timed = uint8(len(tt.plan)), tt.timed
			h := newHarness(t, s, Config{})
			h.join("s1", "solo")
			h.cmd("s1", netcode.TypeStartMatch, netcode.StartMatch{})
			if rs := last[netcode.RoundStart](t, h.out, "ch-s1", netcode.TypeRoundStart); (rs.DeadlineMs == 0) == tt.timed {
				t.Fatalf("timed %v but DeadlineMs %d", tt.timed, rs.DeadlineMs)
			}
			var total int32
			for i, right := range tt.plan {
				h.now = h.now.Add(tt.after)
				v := h.wrong()
				if right {
					v = h.right()
				}
				if ack := h.answer("s1", v); !ack.Accepted {
					t.Fatalf("round %d: answer refused %+v", i+1, ack)
				}
				rv := last[netcode.Reveal](t, h.out, "ch-s1", netcode.TypeReveal)
				total += tt.points[i]
				if r := rv.Results[0]; r.Points != tt.points[i] || r.Score != total {
					t.Errorf("round %d: points %d score %d; want %d, %d", i+1, r.Points, r.Score, tt.points[i], total)
				}
				h.cmd("s1", netcode.TypeNext, netcode.Next{})
			}
			if h.r.phase != netcode.PhasePodium {
				t.Errorf("phase %d after the last round; want podium", h.r.phase)
			}
		})
	}
}

func TestPodiumTies(t *testing.T) {
	s := testSettings()
	s.Rounds = 1
	h := newHarness(t, s, Config{})
	h.join("s1", "a")
	h.join("s2", "b")
	h.join("s3", "c")
	h.cmd("s1", netcode.TypeStartMatch, netcode.StartMatch{})
	h.answer("s2", h.right())
	h.answer("s3", h.right())
	h.answer("s1", h.wrong())
	h.cmd("s1", netcode.TypeNext, netcode.Next{})
	p := last[netcode.Podium](t, h.out, "ch-s1", netcode.TypePodium)
	want := []struct {
		id   uint32
		rank uint16
	}{{2, 1}, {3, 1}, {1, 3}}
	for i, w := range want {
		if got := p.Summaries[i]; got.PlayerID != w.id || got.Rank != w.rank {
			t.Errorf("Summaries[%d] = player %d rank %d; want player %d rank %d", i, got.PlayerID, got.Rank, w.id, w.rank)
		}
	}
}

func TestDropAndResume(t *testing.T) {
	h := threePlayers(t, testSettings(), Config{})
	h.now = h.now.Add(time.Second)
	h.answer("s2", h.right())
	h.cmd("s1", netcode.TypeNext, netcode.Next{}) // close round 1: s2 scores
	h.cmd("s1", netcode.TypeNext, netcode.Next{}) // open round 2
	deadline := last[netcode.RoundStart](t, h.out, "ch-s2", netcode.TypeRoundStart).DeadlineMs
	score := h.r.players[2].score

	h.now = h.now.Add(3 * time.Second)
	h.r.handle(h.now, Drop{Session: "s2", Channel: "ch-s2"})
	st := last[netcode.RoomState](t, h.out, "ch-s1", netcode.TypeRoomState)
	if st.Players[1].Connected || st.Players[1].Score != score {
		t.Fatalf("after drop: %+v; want seat held, disconnected, score %d", st.Players[1], score)
	}
	h.answer("s1", h.right())
	if a := last[netcode.Answered](t, h.out, "ch-s1", netcode.TypeAnswered); a.Of != 2 {
		t.Errorf("Answered.Of = %d with one player dropped; want 2", a.Of)
	}

	h.now = h.now.Add(10 * time.Second) // 13 s into the round
	c := make(chan Reply, 1)
	h.r.handle(h.now, Resume{Session: "s2", Channel: "ch-s2b", Reply: c})
	if r := <-c; r.Err != netcode.ErrNone || r.PlayerID != 2 {
		t.Fatalf("Resume = %+v", r)
	}
	if got := types(h.out.got["ch-s2b"]); len(got) < 3 || got[0] != netcode.TypeRoomJoined || got[1] != netcode.TypeRoomState || got[2] != netcode.TypeRoundStart {
		t.Fatalf("resumed channel got %v; want RoomJoined, RoomState, RoundStart", got)
	}
	rs := last[netcode.RoundStart](t, h.out, "ch-s2b", netcode.TypeRoundStart)
	if rs.Round != 2 || rs.DeadlineMs != deadline {
		t.Errorf("resumed RoundStart round %d deadline %d; want round 2, deadline %d", rs.Round, rs.DeadlineMs, deadline)
	}
	h.cmd("s2", netcode.TypeAnswer, netcode.Answer{Round: 2, Values: h.right()})
	if ack := last[netcode.AnswerAck](t, h.out, "ch-s2b", netcode.TypeAnswerAck); !ack.Accepted {
		t.Errorf("answer after resume refused: %+v", ack)
	}
	h.answer("s3", h.wrong())
	rv := last[netcode.Reveal](t, h.out, "ch-s2b", netcode.TypeReveal)
	for _, r := range rv.Results {
		if r.PlayerID == 2 && (r.Score <= score || r.Streak != 2) {
			t.Errorf("resumed player's result %+v; want score above %d and streak 2", r, score)
		}
	}
}

// A player who comes back during a reveal gets the question before the
// reveal, so the client can draw the picture the explanation is about.
func TestResumeDuringReveal(t *testing.T) {
	h := threePlayers(t, testSettings(), Config{})
	h.now = h.now.Add(time.Second)
	h.r.handle(h.now, Drop{Session: "s2", Channel: "ch-s2"})
	h.answer("s1", h.right())
	h.cmd("s1", netcode.TypeNext, netcode.Next{}) // close round 1
	if h.r.phase != netcode.PhaseReveal {
		t.Fatalf("phase %v; want reveal", h.r.phase)
	}
	c := make(chan Reply, 1)
	h.r.handle(h.now, Resume{Session: "s2", Channel: "ch-s2b", Reply: c})
	if r := <-c; r.Err != netcode.ErrNone {
		t.Fatalf("Resume = %+v", r)
	}
	got := types(h.out.got["ch-s2b"])
	want := []netcode.Type{netcode.TypeRoomJoined, netcode.TypeRoomState, netcode.TypeRoundStart, netcode.TypeReveal}
	if !slices.Equal(got, want) {
		t.Fatalf("resumed during the reveal, channel got %v; want %v", got, want)
	}
	if rs := last[netcode.RoundStart](t, h.out, "ch-s2b", netcode.TypeRoundStart); rs.Round != 1 {
		t.Errorf("resumed RoundStart is round %d; want 1, the round being revealed", rs.Round)
	}
}

func TestGraceExpiry(t *testing.T) {
	h := newHarness(t, testSettings(), Config{Grace: 10 * time.Second})
	h.join("s1", "host")
	h.join("s2", "guest")
	h.r.handle(h.now, Drop{Session: "s1", Channel: "ch-s1"})
	if w := h.r.nextWake(h.now); !w.Equal(h.now.Add(10 * time.Second)) {
		t.Errorf("nextWake = %v; want the end of the grace period", w)
	}
	h.advance(9 * time.Second)
	if len(h.r.players) != 2 {
		t.Fatalf("seat freed before the grace period ended")
	}
	h.advance(time.Second)
	st := last[netcode.RoomState](t, h.out, "ch-s2", netcode.TypeRoomState)
	if len(st.Players) != 1 || !st.Players[0].Host || st.Players[0].ID != 2 {
		t.Errorf("after the grace period: %+v; want guest alone and host", st.Players)
	}
	c := make(chan Reply, 1)
	h.r.handle(h.now, Resume{Session: "s1", Channel: "ch-s1b", Reply: c})
	if r := <-c; r.Err != netcode.ErrNotInRoom {
		t.Errorf("Resume after the grace period = %+v; want ErrNotInRoom", r)
	}
	h.r.handle(h.now, Leave{Session: "s2"})
	if !h.r.closed {
		t.Errorf("room not closed once empty")
	}
}

func TestReplacedConnection(t *testing.T) {
	h := newHarness(t, testSettings(), Config{})
	h.join("s1", "host")
	c := make(chan Reply, 1)
	h.r.handle(h.now, Resume{Session: "s1", Channel: "ch-new", Reply: c})
	<-c
	if code := h.out.closed["ch-s1"]; code != netcode.CloseTakenOver {
		t.Errorf("old channel closed with %d; want CloseTakenOver", code)
	}
	h.r.handle(h.now, Drop{Session: "s1", Channel: "ch-s1"}) // the old connection's drop comes late
	if !h.r.players[1].connected {
		t.Errorf("a stale Drop disconnected the new connection")
	}
}

func TestRunLoop(t *testing.T) {
	out := &lockedOut{fakeOut: newFakeOut()}
	r, err := New("RUNRUN", "s1", testSettings(), out, Config{Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go r.Run(ctx)
	c := make(chan Reply, 1)
	if err := r.Submit(Join{Session: "s1", Channel: "c1", Nickname: "host", Reply: c}); err != nil {
		t.Fatal(err)
	}
	if rep := <-c; rep.PlayerID != 1 {
		t.Fatalf("Join via Run = %+v", rep)
	}
	if err := r.Submit(Leave{Session: "s1"}); err != nil {
		t.Fatal(err)
	}
	select {
	case <-r.Done():
	case <-time.After(2 * time.Second):
		t.Fatal("room did not end once empty")
	}
	if err := r.Submit(Tick{}); err != ErrClosed {
		t.Errorf("Submit after the end = %v; want ErrClosed", err)
	}
}

func TestRooms(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	rs := NewRooms(ctx, &lockedOut{fakeOut: newFakeOut()}, Config{}, 2)
	a, err := rs.Create("s1", testSettings())
	if err != nil {
		t.Fatal(err)
	}
	if _, err := rs.Create("s2", testSettings()); err != nil {
		t.Fatal(err)
	}
	if _, err := rs.Create("s3", testSettings()); err != ErrTooManyRooms {
		t.Errorf("third room of 2: %v; want ErrTooManyRooms", err)
	}
	if got := rs.Get(" " + strings.ToLower(a.Code())); got != a {
		t.Errorf("Get(lower-case code) = %v; want the room", got)
	}
	if rs.Get("ZZZZZZ") != nil && a.Code() != "ZZZZZZ" {
		t.Errorf("Get(unknown) found a room")
	}
	cancel()
	rs.Wait()
	if n := rs.Len(); n != 0 {
		t.Errorf("Len() after shutdown = %d; want 0", n)
	}
}
