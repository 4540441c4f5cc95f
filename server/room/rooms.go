package room

import (
	"context"
	"errors"
	"sync"

	"github.com/osarena/osarena/netcode"
)

// ErrTooManyRooms refuses a room when the server holds its maximum.
var ErrTooManyRooms = errors.New("room: too many rooms")

// Rooms is the registry of live rooms: it creates them, runs each on its
// own goroutine and forgets it when it ends. Safe for concurrent use.
type Rooms struct {
	ctx context.Context
	out Outbox
	cfg Config
	max int

	mu    sync.Mutex
	rooms map[string]*Room
	wg    sync.WaitGroup
}

// NewRooms returns a registry whose rooms speak through out, use cfg, and
// stop when ctx ends. max bounds the live rooms (0: 10 000).
func NewRooms(ctx context.Context, out Outbox, cfg Config, max int) *Rooms {
	if max <= 0 {
		max = 10000
	}
	return &Rooms{ctx: ctx, out: out, cfg: cfg, max: max, rooms: map[string]*Room{}}
}

// Create makes a room with a fresh code, hosted by hostSession, and starts
// its goroutine.
func (rs *Rooms) Create(hostSession string, s netcode.Settings) (*Room, error) {
	rs.mu.Lock()
	defer rs.mu.Unlock()
	if len(rs.rooms) >= rs.max {
		return nil, ErrTooManyRooms
	}
	code := NewCode()
	for rs.rooms[code] != nil {
		code = NewCode()
	}
	r, err := New(code, hostSession, s, rs.out, rs.cfg)
	if err != nil {
		return nil, err
	}
	rs.start(r)
	return r, nil
}

// start runs r's goroutine; rs.mu is held.
func (rs *Rooms) start(r *Room) {
	rs.rooms[r.code] = r
	rs.wg.Go(func() {
		r.Run(rs.ctx)
		rs.mu.Lock()
		delete(rs.rooms, r.code)
		rs.mu.Unlock()
	})
}

// Restore registers a room rebuilt by Restore (after a restart) and starts
// its goroutine. It fails when the code is taken or the registry is full.
func (rs *Rooms) Restore(r *Room) error {
	rs.mu.Lock()
	defer rs.mu.Unlock()
	if len(rs.rooms) >= rs.max {
		return ErrTooManyRooms
	}
	if rs.rooms[r.code] != nil {
		return errors.New("room: restore: code " + r.code + " is taken")
	}
	rs.start(r)
	return nil
}

// Config is the configuration the registry gives its rooms.
func (rs *Rooms) Config() Config { return rs.cfg }

// Get returns the live room with code (normalised as a player typed it),
// or nil.
func (rs *Rooms) Get(code string) *Room {
	c, ok := NormalizeCode(code)
	if !ok {
		return nil
	}
	rs.mu.Lock()
	defer rs.mu.Unlock()
	return rs.rooms[c]
}

// Len is the number of live rooms.
func (rs *Rooms) Len() int {
	rs.mu.Lock()
	defer rs.mu.Unlock()
	return len(rs.rooms)
}

// Wait waits for every room goroutine to return (after ctx ends).
func (rs *Rooms) Wait() { rs.wg.Wait() }
