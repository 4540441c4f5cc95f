package room

import (
	"context"
	"testing"
	"time"

	"github.com/osarena/osarena/netcode"
)

// heldDuel is a one-seat duel room driven by hand whose announcements are
// held as if Run's saver ran (hold.go); the test writes for the saver with
// store.
func heldDuel(t *testing.T, hold, pause time.Duration, onFinish func(DuelOutcome)) (*harness, *memStore) {
	t.Helper()
	st := newMemStore()
	h := newHarness(t, testSettings(), Config{Store: st, Hold: hold})
	h.r.saving = true
	h.r.duel = &Duel{Tournament: "TOURNY", Match: 3, Seats: 1, Pause: pause, OnFinish: onFinish}
	h.join("s1", "ada")
	return h, st
}

// store writes everything the room queued for the store, as the saver
// would, and lets the room see it at the current time.
func (h *harness) store() {
	for h.r.saver.writeOne(context.Background()) {
	}
	h.r.handle(h.now, Tick{})
}

// A duel reports its outcome only when its held podium goes out, that is
// once the store has the finished match: not before (the tournament would
// save the result and announce the next match first).
func TestDuelReportsWhenThePodiumGoesOut(t *testing.T) {
	var (
		got            []DuelOutcome
		podiums, saved int // when OnFinish was called
	)
	var h *harness
	var st *memStore
	h, st = heldDuel(t, time.Minute, time.Second, func(o DuelOutcome) {
		got = append(got, o)
		podiums, saved = count(h.out, "ch-s1", netcode.TypePodium), st.matchCount()
	})
	for round := 1; round <= 3; round++ {
		h.answer("s1", h.right())
		h.store()              // the reveal goes out
		h.advance(time.Second) // the pause
	}
	if h.r.phase != netcode.PhasePodium {
		t.Fatalf("phase %d; want the podium", h.r.phase)
	}
	h.advance(30 * time.Second) // within the hold
	if n := count(h.out, "ch-s1", netcode.TypePodium); n != 0 || len(got) != 0 {
		t.Fatalf("before the store has the match: %d podiums sent, %d outcomes; want 0 and 0", n, len(got))
	}
	h.store()
	if len(got) != 1 || podiums != 1 || saved != 1 {
		t.Fatalf("after the store has the match: %d outcomes, reported with %d podiums sent and %d matches saved; want 1, 1, 1",
			len(got), podiums, saved)
	}
	if o := got[0]; o.Match != 3 || o.MatchID == "" || len(o.Scores) != 1 || o.Scores[0].Correct != 3 {
		t.Errorf("outcome %+v; want match 3, all three right", o)
	}
}

// A store that hangs past the hold's bound delays the outcome to the bound,
// with the podium.
func TestDuelReportsAtTheHoldsBound(t *testing.T) {
	var got []DuelOutcome
	h, _ := heldDuel(t, 2*time.Second, time.Second, func(o DuelOutcome) { got = append(got, o) })
	for range 3 {
		h.answer("s1", h.right())
		h.store()
		h.advance(time.Second)
	}
	h.advance(time.Second)
	if len(got) != 0 {
		t.Fatalf("%d outcomes a second into a 2 s hold; want 0", len(got))
	}
	h.advance(time.Second)
	if n := count(h.out, "ch-s1", netcode.TypePodium); n != 1 || len(got) != 1 {
		t.Fatalf("at the bound: %d podiums, %d outcomes; want 1 and 1", n, len(got))
	}
}

// A duel's reveal shows for its whole pause from when it goes out, however
// long the store held it, and the next round's clock starts when its
// RoundStart goes out (not while it waits behind a held reveal).
func TestDuelPauseCountsFromTheHeldReveal(t *testing.T) {
	tests := []struct {
		name   string
		pause  time.Duration
		stored time.Duration // how long the reveal's snapshot takes to store
	}{
		{"a slow store, a longer pause", 3 * time.Second, 2 * time.Second},
		{"a pause shorter than the store", time.Second, 1500 * time.Millisecond},
		{"a fast store", time.Second, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h, _ := heldDuel(t, time.Minute, tt.pause, nil)
			h.answer("s1", h.right())
			if n := count(h.out, "ch-s1", netcode.TypeReveal); n != 0 {
				t.Fatalf("%d reveals before the store has the snapshot; want 0", n)
			}
			h.now = h.now.Add(tt.stored)
			h.store()
			sent := h.now
			if n, rs := count(h.out, "ch-s1", netcode.TypeReveal), count(h.out, "ch-s1", netcode.TypeRoundStart); n != 1 || rs != 1 {
				t.Fatalf("once stored: %d reveals, %d round starts; want 1 and 1 (round 1's only)", n, rs)
			}
			h.advance(tt.pause - time.Millisecond)
			if rs := count(h.out, "ch-s1", netcode.TypeRoundStart); rs != 1 {
				t.Fatalf("%v after the Reveal went out: %d round starts; want 1 (the pause is %v)", h.now.Sub(sent), rs, tt.pause)
			}
			if w := h.r.nextWake(h.now); !w.Equal(sent.Add(tt.pause)) {
				t.Errorf("next wake %v after the Reveal; want %v", w.Sub(sent), tt.pause)
			}
			h.advance(time.Millisecond)
			rs := last[netcode.RoundStart](t, h.out, "ch-s1", netcode.TypeRoundStart)
			start := sent.Add(tt.pause)
			if rs.Round != 2 || rs.StartMs != start.UnixMilli() || rs.DeadlineMs != start.Add(20*time.Second).UnixMilli() {
				t.Errorf("RoundStart round %d, start %d, deadline %d; want round 2 from %d to %d",
					rs.Round, rs.StartMs, rs.DeadlineMs, start.UnixMilli(), start.Add(20*time.Second).UnixMilli())
			}
		})
	}
}
