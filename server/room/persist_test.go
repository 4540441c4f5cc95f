package room

import (
	"context"
	"errors"
	"log/slog"
	"sync"
	"testing"
	"time"

	"github.com/osarena/osarena/netcode"
	"github.com/osarena/osarena/server/store"
)

// memStore is a Store in memory whose writes fail while failures > 0.
type memStore struct {
	mu       sync.Mutex
	failures int
	rooms    map[string]store.Room
	snaps    map[string]store.Snapshot
	matches  []store.Match
	closed   []string
}

func newMemStore() *memStore {
	return &memStore{rooms: map[string]store.Room{}, snaps: map[string]store.Snapshot{}}
}

func (m *memStore) fail() error {
	if m.failures > 0 {
		m.failures--
		return errors.New("disk on fire")
	}
	return nil
}

func (m *memStore) SaveRoom(_ context.Context, r store.Room) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if err := m.fail(); err != nil {
		return err
	}
	m.rooms[r.Code] = r
	return nil
}
func (m *memStore) Room(context.Context, string) (store.Room, error) { return store.Room{}, nil }
func (m *memStore) OpenRooms(context.Context) ([]store.Room, error)  { return nil, nil }
func (m *memStore) CloseRoom(_ context.Context, code string, _ time.Time) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if err := m.fail(); err != nil {
		return err
	}
	m.closed = append(m.closed, code)
	delete(m.snaps, code)
	return nil
}
func (m *memStore) SaveSnapshot(_ context.Context, s store.Snapshot) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if err := m.fail(); err != nil {
		return err
	}
	if old, ok := m.snaps[s.Room]; ok && old.MatchID == s.MatchID && s.Seq <= old.Seq {
		return store.ErrStale
	}
	m.snaps[s.Room] = s
	return nil
}
func (m *memStore) Snapshot(context.Context, string) (store.Snapshot, error) {
	return store.Snapshot{}, store.ErrNotFound
}
func (m *memStore) Snapshots(context.Context) ([]store.Snapshot, error) { return nil, nil }
func (m *memStore) FinishMatch(_ context.Context, x store.Match) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if err := m.fail(); err != nil {
		return err
	}
	m.matches = append(m.matches, x)
	if s, ok := m.snaps[x.Room]; ok && s.MatchID == x.ID {
		delete(m.snaps, x.Room)
	}
	return nil
}
func (m *memStore) Match(context.Context, string) (store.Match, error) { return store.Match{}, nil }
func (m *memStore) PlayerMatches(context.Context, int64, int) ([]store.Match, error) {
	return nil, nil
}

// joinAs seats session as the store's player pid.
func joinAs(h *harness, session, nick string, pid int64) {
	h.t.Helper()
	c := make(chan Reply, 1)
	h.r.handle(h.now, Join{Session: session, Channel: "ch-" + session, Nickname: nick, Player: pid, Seat: true, Reply: c})
	if rep := <-c; rep.Err != netcode.ErrNone {
		h.t.Fatalf("join %s: %v", session, rep.Err)
	}
}

// TestSaverKeepsEveryFinishedMatch: with a failing disk, the saver retries;
// every finished match is written, in order, and only the latest snapshot.
func TestSaverKeepsEveryFinishedMatch(t *testing.T) {
	st := newMemStore()
	st.failures = 3
	s := newSaver("ABCDEF", st, slog.New(slog.DiscardHandler))
	s.saveRoom(store.Room{Code: "ABCDEF"})
	for i := range 3 {
		s.saveSnapshot(store.Snapshot{Room: "ABCDEF", MatchID: "m9", Seq: int64(i + 1)})
		s.finishMatch(store.Match{ID: string(rune('a' + i)), Room: "ABCDEF"})
	}
	s.saveSnapshot(store.Snapshot{Room: "ABCDEF", MatchID: "m9", Seq: 7})
	go s.run()
	s.stop()
	if len(st.matches) != 3 || st.matches[0].ID != "a" || st.matches[2].ID != "c" {
		t.Fatalf("matches written %+v; want a, b, c", st.matches)
	}
	if got := st.snaps["ABCDEF"]; got.Seq != 7 || len(st.rooms) != 1 {
		t.Fatalf("snapshot %+v, rooms %d; want Seq 7, 1 room", got, len(st.rooms))
	}
}

// TestRestoreRoundPastDeadline: a room restored from the snapshot of an
// open round whose deadline passed during the outage reveals it at once,
// with the scores and streaks from before; the seats resume by session.
func TestRestoreRoundPastDeadline(t *testing.T) {
	h := newHarness(t, testSettings(), Config{Store: newMemStore()})
	joinAs(h, "s1", "Host", 11)
	joinAs(h, "s2", "Bora", 12)
	h.cmd("s1", netcode.TypeStartMatch, netcode.StartMatch{})
	h.answer("s1", h.right())
	h.answer("s2", h.wrong())
	before := h.r.match.lastReveal
	h.cmd("s1", netcode.TypeNext, netcode.Next{}) // round 2 opens: its snapshot
	snap := *h.r.saver.snap
	if snap.Round != 2 || snap.Phase != int(netcode.PhaseRound) || snap.Deadline.IsZero() || len(snap.Answers) != 2 {
		t.Fatalf("snapshot %+v", snap)
	}
	rec := *h.r.saver.room

	later := snap.Deadline.Add(time.Minute)
	out := newFakeOut()
	r, err := Restore(rec, &snap, out, Config{Clock: func() time.Time { return later }, Store: newMemStore()})
	if err != nil {
		t.Fatal(err)
	}
	if r.HostToken() != h.r.HostToken() || r.phase != netcode.PhaseRound || r.match.round != 2 ||
		r.match.questions[1].Family != h.r.match.questions[1].Family {
		t.Fatalf("restored room: phase %d round %d", r.phase, r.match.round)
	}
	c := make(chan Reply, 1)
	r.handle(later, Resume{Session: "s2", Channel: "new-s2", Reply: c})
	if rep := <-c; rep.Err != netcode.ErrNone || rep.PlayerID != 2 {
		t.Fatalf("resume: %+v", rep)
	}
	rv := last[netcode.Reveal](t, out, "new-s2", netcode.TypeReveal)
	if rv.Round != 2 {
		t.Fatalf("reveal of round %d; want 2 at once (deadline passed)", rv.Round)
	}
	for _, res := range rv.Results {
		for _, b := range before.Results {
			if b.PlayerID == res.PlayerID && (res.Score != b.Score || res.Answered) {
				t.Errorf("player %d after restore: score %d answered %v; want %d, not answered", res.PlayerID, res.Score, res.Answered, b.Score)
			}
		}
	}
	if p := r.players[1]; p.connected || p.session != "s1" || r.host != 1 {
		t.Errorf("host seat %+v host %d; want s1 held, disconnected", p, r.host)
	}
}

// TestRestoreReveal: a room restored at a reveal shows the same standings.
func TestRestoreReveal(t *testing.T) {
	h := newHarness(t, testSettings(), Config{Store: newMemStore()})
	joinAs(h, "s1", "Host", 11)
	joinAs(h, "s2", "Bora", 12)
	h.cmd("s1", netcode.TypeStartMatch, netcode.StartMatch{})
	h.answer("s1", h.right())
	h.answer("s2", h.wrong())
	snap := *h.r.saver.snap
	r, err := Restore(*h.r.saver.room, &snap, newFakeOut(), Config{Clock: func() time.Time { return h.now }})
	if err != nil {
		t.Fatal(err)
	}
	got, want := r.match.lastReveal, h.r.match.lastReveal
	if r.phase != netcode.PhaseReveal || len(got.Results) != len(want.Results) {
		t.Fatalf("restored phase %d reveal %+v", r.phase, got)
	}
	for i := range want.Results {
		g, w := got.Results[i], want.Results[i]
		if g.PlayerID != w.PlayerID || g.Score != w.Score || g.Streak != w.Streak || g.Credit != w.Credit || g.Points != w.Points {
			t.Errorf("result %d: %+v; want %+v", i, g, w)
		}
	}
}
