package room

import (
	"bytes"
	"context"
	"log/slog"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/osarena/osarena/netcode"
	"github.com/osarena/osarena/server/store"
)

// slowStore is a memStore whose FinishMatch (and, with snaps set, whose
// SaveSnapshot of a reveal) waits until release is closed, as a slow or
// hung disk would; it says on waiting when such a write begins to wait.
type slowStore struct {
	*memStore
	snaps   bool
	release chan struct{}
	waiting chan string
}

func newSlowStore() *slowStore {
	return &slowStore{memStore: newMemStore(), release: make(chan struct{}), waiting: make(chan string, 16)}
}

func (s *slowStore) wait(ctx context.Context, what string) error {
	select {
	case s.waiting <- what:
	default:
	}
	select {
	case <-s.release:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

func (s *slowStore) FinishMatch(ctx context.Context, m store.Match) error {
	if err := s.wait(ctx, "match"); err != nil {
		return err
	}
	return s.memStore.FinishMatch(ctx, m)
}

func (s *slowStore) SaveSnapshot(ctx context.Context, snap store.Snapshot) error {
	if s.snaps && snap.Phase == int(netcode.PhaseReveal) {
		if err := s.wait(ctx, "snapshot"); err != nil {
			return err
		}
	}
	return s.memStore.SaveSnapshot(ctx, snap)
}

// matchCount is how many finished matches the store has.
func (m *memStore) matchCount() int {
	m.mu.Lock()
	defer m.mu.Unlock()
	return len(m.matches)
}

// revealSaved reports whether the store has a reveal's snapshot.
func (m *memStore) revealSaved() bool {
	m.mu.Lock()
	defer m.mu.Unlock()
	s, ok := m.snaps["ABCDEF"]
	return ok && s.Phase == int(netcode.PhaseReveal)
}

// stampOut is a lockedOut that notes, when a Reveal or a Podium goes out,
// what the store had then.
type stampOut struct {
	*lockedOut
	st      *memStore
	stamped map[netcode.Type]bool // the store had it when it went out
}

func (s *stampOut) GroupSend(g string, t netcode.Type, msg any) (uint32, error) {
	s.mu.Lock()
	switch t {
	case netcode.TypeReveal:
		s.stamped[t] = s.st.revealSaved()
	case netcode.TypePodium:
		s.stamped[t] = s.st.matchCount() == 1
	}
	s.mu.Unlock()
	return s.lockedOut.GroupSend(g, t, msg)
}

// sent reports whether ch has received a message of type t, and whether
// the store had what it shows when it went out.
func (s *stampOut) sent(ch string, t netcode.Type) (sent, stored bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return count(s.fakeOut, ch, t) > 0, s.stamped[t]
}

// awaitSent waits up to within for ch to receive a message of type t.
func (s *stampOut) awaitSent(t *testing.T, ch string, typ netcode.Type, within time.Duration) (stored bool) {
	t.Helper()
	for end := time.Now().Add(within); ; time.Sleep(5 * time.Millisecond) {
		if sent, stored := s.sent(ch, typ); sent {
			return stored
		}
		if time.Now().After(end) {
			t.Fatalf("%s received no message of type %d within %v", ch, typ, within)
		}
	}
}

// lockedBuf is a log's buffer, written by the room's and the saver's
// goroutines.
type lockedBuf struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuf) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuf) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// runHeld runs a one-round room of one player on st with the given hold,
// played to its reveal; it returns the room's outbox and log.
func runHeld(t *testing.T, st *slowStore, hold time.Duration) (*Room, *stampOut, *lockedBuf) {
	t.Helper()
	out := &stampOut{lockedOut: &lockedOut{fakeOut: newFakeOut()}, st: st.memStore, stamped: map[netcode.Type]bool{}}
	logs := &lockedBuf{}
	s := testSettings()
	s.Rounds = 1
	r, err := New("ABCDEF", "s1", s, out, Config{Store: st, Hold: hold, Seed: 42, Log: slog.New(slog.NewTextHandler(logs, nil))})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	go r.Run(ctx)
	t.Cleanup(func() { cancel(); <-r.Done() })
	reply := make(chan Reply, 1)
	submit(t, r, Join{Session: "s1", Channel: "ch-s1", Nickname: "Host", Player: 11, Reply: reply})
	if rep := <-reply; rep.Err != netcode.ErrNone {
		t.Fatalf("join: %+v", rep)
	}
	submit(t, r, Command{Session: "s1", Type: netcode.TypeStartMatch, Msg: netcode.StartMatch{}})
	out.awaitSent(t, "ch-s1", netcode.TypeRoundStart, 5*time.Second)
	out.mu.Lock()
	q := last[netcode.RoundStart](t, out.fakeOut, "ch-s1", netcode.TypeRoundStart).Question
	out.mu.Unlock()
	submit(t, r, Command{Session: "s1", Type: netcode.TypeAnswer, Msg: netcode.Answer{Round: 1, Values: wireAnswer(q)}})
	return r, out, logs
}

func submit(t *testing.T, r *Room, in Input) {
	t.Helper()
	if err := r.Submit(in); err != nil {
		t.Fatalf("submit %T: %v", in, err)
	}
}

// wireAnswer is a well-formed answer to q.
func wireAnswer(q netcode.Question) []int64 {
	switch q.Kind {
	case "choice":
		return []int64{q.Choices[0].Value}
	case "slots":
		return make([]int64, q.Slots)
	}
	return []int64{0}
}

// TestPodiumAfterTheStore: a room holds the podium until the store has the
// finished match, however long that takes within the bound, and keeps
// handling inputs meanwhile.
func TestPodiumAfterTheStore(t *testing.T) {
	st := newSlowStore()
	r, out, logs := runHeld(t, st, time.Minute)
	if stored := out.awaitSent(t, "ch-s1", netcode.TypeReveal, 5*time.Second); !stored {
		t.Errorf("the Reveal went out before its snapshot was in the store")
	}
	submit(t, r, Command{Session: "s1", Type: netcode.TypeNext, Msg: netcode.Next{}})
	select {
	case <-st.waiting:
	case <-time.After(5 * time.Second):
		t.Fatal("the finished match was never written")
	}
	// The room still takes inputs (a newcomer joins, and is answered on
	// Reply at once), but says nothing until the store has the match.
	reply := make(chan Reply, 1)
	submit(t, r, Join{Session: "s2", Channel: "ch-s2", Nickname: "Bora", Reply: reply})
	select {
	case rep := <-reply:
		if rep.Err != netcode.ErrNone {
			t.Errorf("join while holding: %+v", rep)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("the room did not handle a join while it held the podium")
	}
	time.Sleep(100 * time.Millisecond)
	if sent, _ := out.sent("ch-s1", netcode.TypePodium); sent {
		t.Fatal("the Podium went out while the store was still writing the match")
	}
	if sent, _ := out.sent("ch-s2", netcode.TypeRoomJoined); sent {
		t.Error("the newcomer's RoomJoined overtook the held Podium")
	}
	close(st.release)
	if stored := out.awaitSent(t, "ch-s1", netcode.TypePodium, 5*time.Second); !stored {
		t.Error("the Podium went out before the store had the match")
	}
	out.awaitSent(t, "ch-s2", netcode.TypePodium, 5*time.Second) // the newcomer's catch-up, after it
	if strings.Contains(logs.String(), "announced before") {
		t.Errorf("log %q; want no early announcement", logs.String())
	}
}

// TestHoldBounded: when the store hangs (or keeps failing) the room
// announces after the bound anyway and says so in its log, and the saver
// keeps at the write until it lands.
func TestHoldBounded(t *testing.T) {
	tests := []struct {
		name  string
		snaps bool          // the reveal's snapshot hangs too
		fail  int           // writes that fail before any lands (then no hang)
		want  netcode.Type  // the announcement that waits for the bound
		hold  time.Duration // the bound
	}{
		{"hung store, podium", false, 0, netcode.TypePodium, 300 * time.Millisecond},
		{"hung store, reveal", true, 0, netcode.TypeReveal, 300 * time.Millisecond},
		{"failing store, podium", false, 5, netcode.TypePodium, 200 * time.Millisecond},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st := newSlowStore()
			st.snaps = tt.snaps
			if tt.fail > 0 {
				close(st.release)
			}
			r, out, logs := runHeld(t, st, tt.hold)
			if tt.want == netcode.TypeReveal {
				start := time.Now()
				if stored := out.awaitSent(t, "ch-s1", netcode.TypeReveal, 5*time.Second); stored {
					t.Errorf("Reveal stored when it went out; want it out before (the store hangs)")
				}
				if d := time.Since(start); d < tt.hold/2 {
					t.Errorf("Reveal out after %v; want about %v", d, tt.hold)
				}
				close(st.release)
				waitUntil(t, "the reveal's snapshot lands", st.revealSaved)
				return
			}
			out.awaitSent(t, "ch-s1", netcode.TypeReveal, 5*time.Second)
			st.mu.Lock()
			st.failures = tt.fail // the match's write fails, and its retries
			st.mu.Unlock()
			start := time.Now()
			submit(t, r, Command{Session: "s1", Type: netcode.TypeNext, Msg: netcode.Next{}})
			if stored := out.awaitSent(t, "ch-s1", netcode.TypePodium, 5*time.Second); stored {
				t.Errorf("Podium stored when it went out; want it out before (the store is down)")
			}
			if d := time.Since(start); d < tt.hold/2 || d > 5*tt.hold {
				t.Errorf("Podium out after %v; want about %v", d, tt.hold)
			}
			if !strings.Contains(logs.String(), "announced before they were saved") {
				t.Errorf("log %q; want the early announcement logged", logs.String())
			}
			if tt.fail == 0 {
				close(st.release)
			}
			waitUntil(t, "the finished match lands", func() bool { return st.matchCount() == 1 })
		})
	}
}

func waitUntil(t *testing.T, what string, f func() bool) {
	t.Helper()
	for end := time.Now().Add(10 * time.Second); !f(); time.Sleep(10 * time.Millisecond) {
		if time.Now().After(end) {
			t.Fatalf("%s: not within 10 s", what)
		}
	}
}

// TestSaverSettled: settled(mark()) is false while anything queued up to
// the mark is unwritten, a newer snapshot that replaces a pending one keeps
// the older one's place, and later writes do not hold back earlier marks.
func TestSaverSettled(t *testing.T) {
	st := newMemStore()
	s := newSaver("ABCDEF", st, slog.New(slog.DiscardHandler))
	if !s.settled(s.mark()) {
		t.Fatal("an empty saver is not settled")
	}
	s.saveSnapshot(store.Snapshot{Room: "ABCDEF", MatchID: "m", Seq: 1})
	first := s.mark()
	s.saveSnapshot(store.Snapshot{Room: "ABCDEF", MatchID: "m", Seq: 2}) // replaces Seq 1
	s.finishMatch(store.Match{ID: "x", Room: "ABCDEF"})
	second := s.mark()
	for _, g := range []uint64{first, second} {
		if s.settled(g) {
			t.Errorf("settled(%d) before any write; want false", g)
		}
	}
	for s.writeOne(context.Background()) {
	}
	s.saveRoom(store.Room{Code: "ABCDEF"})
	if !s.settled(second) || s.settled(s.mark()) {
		t.Errorf("after the writes: settled(%d) %v, settled(%d) %v; want true, false", second, s.settled(second), s.mark(), s.settled(s.mark()))
	}
}
