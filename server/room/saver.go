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
// of its own and calls stop when the room ends.
type saver struct {
	code string
	st   Store
	log  *slog.Logger

	mu      sync.Mutex
	room    *store.Room
	snap    *store.Snapshot
	matches []store.Match
	closeAt time.Time // the room closed: CloseRoom after the rest
	wake    chan struct{}
	quit    chan struct{} // closed by stop
	done    chan struct{} // closed when run returns
}

func newSaver(code string, st Store, log *slog.Logger) *saver {
	if log == nil {
		log = slog.Default()
	}
	return &saver{code: code, st: st, log: log, wake: make(chan struct{}, 1),
		quit: make(chan struct{}), done: make(chan struct{})}
}

func (s *saver) poke() {
	select {
	case s.wake <- struct{}{}:
	default:
	}
}

func (s *saver) saveRoom(r store.Room) {
	s.mu.Lock()
	s.room = &r
	s.mu.Unlock()
	s.poke()
}

func (s *saver) saveSnapshot(snap store.Snapshot) {
	s.mu.Lock()
	s.snap = &snap
	s.mu.Unlock()
	s.poke()
}

// finishMatch queues a finished match; a pending snapshot of the same match
// is dropped (FinishMatch deletes the stored one).
func (s *saver) finishMatch(m store.Match) {
	s.mu.Lock()
	s.matches = append(s.matches, m)
	if s.snap != nil && s.snap.MatchID == m.ID {
		s.snap = nil
	}
	s.mu.Unlock()
	s.poke()
}

// closeRoom queues CloseRoom, written after everything queued before it.
func (s *saver) closeRoom(at time.Time) {
	s.mu.Lock()
	s.closeAt = at
	s.mu.Unlock()
	s.poke()
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
		m = &s.matches[0]
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
