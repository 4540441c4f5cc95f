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
