package room

import (
	"context"
	"errors"
	"log/slog"
	"sync"
	"time"

	"github.com/osarena/osarena/server/store"
)

// Store is what a room keeps on disk (server/store.Store satisfies it).
type Store interface {
	store.Rooms
	store.Matches
}

// saver writes a room's state to the store on its own goroutine, so that
// the room's goroutine never waits on the disk. It holds only the latest
// room record and the latest snapshot (a newer one replaces a pending one:
// Seq keeps the order), but every finished match, which is never dropped:
// a failed write is retried until it succeeds or the store refuses it for
// good.
//
// The room's goroutine calls saveRoom, saveSnapshot, finishMatch and
// closeRoom, which never block on the disk; Run starts run on a goroutine
// of its own and calls stop when the room ends. After every pass of writes
// (whether they succeeded or not) run signals wrote, so that a room holding
// an announcement (hold.go) can ask settled whether the store has what the
// announcement shows.
//
// Every queued item takes the next generation; mark is the generation of
// the last one queued, and settled(g) reports that nothing queued at or
// before g is still waiting. A replaced room record or snapshot keeps the
// generation of the oldest state it stands for, so a newer snapshot that
// replaces one a room waits for keeps it waiting until it is written.
type saver struct {
	code string
	st   Store
	log  *slog.Logger

	mu       sync.Mutex
	gen      uint64 // the last generation queued
	room     *store.Room
	roomGen  uint64 // the oldest unwritten generation of room
	snap     *store.Snapshot
	snapGen  uint64
	matches  []queuedMatch
	closeAt  time.Time // the room closed: CloseRoom after the rest
	closeGen uint64
	wake     chan struct{}
	wrote    chan struct{} // signalled (never blocking) after each pass of writes
	quit     chan struct{} // closed by stop
	done     chan struct{} // closed when run returns
}

func newSaver(code string, st Store, log *slog.Logger) *saver {
	if log == nil {
		log = slog.Default()
	}
	return &saver{code: code, st: st, log: log, wake: make(chan struct{}, 1), wrote: make(chan struct{}, 1),
		quit: make(chan struct{}), done: make(chan struct{})}
}

func (s *saver) poke() { signal(s.wake) }

// signal sends on a channel of capacity 1 without blocking: a signal
// already waiting stands for this one.
func signal(c chan struct{}) {
	select {
	case c <- struct{}{}:
	default:
	}
}

// queuedMatch is a finished match waiting to be written, with its
// generation.
type queuedMatch struct {
	store.Match
	gen uint64
}

// next takes the next generation; s.mu is held.
func (s *saver) next() uint64 {
	s.gen++
	return s.gen
}

func (s *saver) saveRoom(r store.Room) {
	s.mu.Lock()
	g := s.next()
	if s.room == nil {
		s.roomGen = g
	}
	s.room = &r
	s.mu.Unlock()
	s.poke()
}

func (s *saver) saveSnapshot(snap store.Snapshot) {
	s.mu.Lock()
	g := s.next()
	if s.snap == nil {
		s.snapGen = g
	}
	s.snap = &snap
	s.mu.Unlock()
	s.poke()
}

// finishMatch queues a finished match; a pending snapshot of the same match
// is dropped (FinishMatch deletes the stored one).
func (s *saver) finishMatch(m store.Match) {
	s.mu.Lock()
	g := s.next()
	s.matches = append(s.matches, queuedMatch{m, g})
	if s.snap != nil && s.snap.MatchID == m.ID {
		s.snap = nil
	}
	s.mu.Unlock()
	s.poke()
}

// closeRoom queues CloseRoom, written after everything queued before it.
func (s *saver) closeRoom(at time.Time) {
	s.mu.Lock()
	g := s.next()
	if s.closeAt.IsZero() {
		s.closeGen = g
	}
	s.closeAt = at
	s.mu.Unlock()
	s.poke()
}

// mark is the generation of the last item queued.
func (s *saver) mark() uint64 {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.gen
}

// settled reports whether everything queued at or before generation g is
// in the store (or was refused by it for good).
func (s *saver) settled(g uint64) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	switch {
	case s.room != nil && s.roomGen <= g, s.snap != nil && s.snapGen <= g, !s.closeAt.IsZero() && s.closeGen <= g:
		return false
	}
	for _, m := range s.matches {
		if m.gen <= g {
			return false
		}
	}
	return true
}

// stop asks run to write what is pending and return, and waits for it.
func (s *saver) stop() {
	close(s.quit)
	<-s.done
}

// run writes until stop; then it writes what is pending (bounded by a
// timeout) and returns.
func (s *saver) run() {
	defer close(s.done)
	backoff := 50 * time.Millisecond
	for {
		quitting := false
		select {
		case <-s.wake:
		case <-s.quit:
			quitting = true
		}
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		for s.writeOne(ctx) {
			if ctx.Err() != nil {
				break
			}
		}
		failed := ctx.Err() == nil && s.pending()
		cancel()
		signal(s.wrote)
		if quitting {
			// Shutting down: keep trying for a while rather than lose it.
			for deadline := time.Now().Add(10 * time.Second); s.pending() && time.Now().Before(deadline); {
				time.Sleep(100 * time.Millisecond)
				ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
				for s.writeOne(ctx) {
				}
				cancel()
			}
			if s.pending() {
				s.log.Error("room state not saved at shutdown", "room", s.code)
			}
			return
		}
		if failed { // a write failed: retry after a pause
			select {
			case <-time.After(backoff):
			case <-s.quit:
			}
			backoff = min(2*backoff, 5*time.Second)
			s.poke()
		} else {
			backoff = 50 * time.Millisecond
		}
	}
}

// pending reports whether anything queued is not yet in the store: false
// means every write queued so far has committed (or was refused for good).
func (s *saver) pending() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.room != nil || s.snap != nil || len(s.matches) > 0 || !s.closeAt.IsZero()
}

// writeOne writes the oldest kind of pending item (room, matches, snapshot,
// close, in that order). It reports whether it wrote one and more may be
// pending; false when nothing is pending or a write failed (the item stays
// queued unless the store refused it for good).
func (s *saver) writeOne(ctx context.Context) bool {
	s.mu.Lock()
	room, snap, closeAt := s.room, s.snap, s.closeAt
	var m *store.Match
	if len(s.matches) > 0 {
		m = &s.matches[0].Match
	}
	s.mu.Unlock()
	var err error
	switch {
	case room != nil:
		err = s.st.SaveRoom(ctx, *room)
		s.mu.Lock()
		if err == nil && s.room == room {
			s.room = nil
		}
		s.mu.Unlock()
	case m != nil:
		err = s.st.FinishMatch(ctx, *m)
		if errors.Is(err, store.ErrExists) {
			err = nil // written before (a resumed match finished again)
		}
		s.mu.Lock()
		if err == nil {
			s.matches = s.matches[1:]
		}
		s.mu.Unlock()
	case snap != nil:
		err = s.st.SaveSnapshot(ctx, *snap)
		if errors.Is(err, store.ErrStale) {
			err = nil
		}
		s.mu.Lock()
		if err == nil && s.snap == snap {
			s.snap = nil
		}
		s.mu.Unlock()
	case !closeAt.IsZero():
		err = s.st.CloseRoom(ctx, s.code, closeAt)
		if errors.Is(err, store.ErrNotFound) {
			err = nil
		}
		s.mu.Lock()
		s.closeAt = time.Time{}
		s.mu.Unlock()
	default:
		return false
	}
	if err != nil {
		s.log.Warn("room state not saved; retrying", "room", s.code, "err", err)
		return false
	}
	return true
}
