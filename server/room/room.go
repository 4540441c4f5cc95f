package room

import (
	"context"
	"crypto/rand"
	"encoding/binary"
	"errors"
	"log/slog"
	"time"

	"github.com/osarena/osarena/netcode"
	"github.com/osarena/osarena/server/study"
)

// Errors.
var (
	ErrFull   = errors.New("room: input queue full")
	ErrClosed = errors.New("room: closed")
	// ErrBadDuel refuses CreateDuel's settings or seats.
	ErrBadDuel = errors.New("room: bad duel")
)

// Outbox is how a room speaks to players: the channel layer
// (server/layer.Layer satisfies it). Its methods must never block.
type Outbox interface {
	GroupAdd(group, channel string) error
	GroupDiscard(group, channel string) error
	GroupSend(group string, t netcode.Type, msg any) (uint32, error)
	Send(channel string, t netcode.Type, msg any) error
	Close(channel string, code netcode.CloseCode)
}

// Config tunes a room. Zero fields take the defaults.
type Config struct {
	Grace      time.Duration // how long a dropped player's seat is held (60 s)
	Queue      int           // capacity of the input queue (256)
	MaxPlayers int           // seats (100)
	Seed       uint64        // question seed; 0 draws one from crypto/rand
	// Clock is the room goroutine's clock (time.Now); tests call handle
	// with their own times instead.
	Clock func() time.Time
	// OnReveal, if set, is called by the room goroutine after it closes a
	// round, with how long after the round was due to close the Reveal was
	// queued (the round latency).
	OnReveal func(late time.Duration)
	// Store, if set, keeps the room, its match snapshots and its finished
	// matches (see persist.go); nil keeps nothing.
	Store Store
	// Log receives the saver's errors (slog.Default()).
	Log *slog.Logger
	// Hold bounds how long a room with a store holds a reveal or a podium
	// for the store to have it (hold.go) before it announces it anyway (2 s).
	Hold time.Duration
}

func (c Config) withDefaults() Config {
	if c.Grace <= 0 {
		c.Grace = 60 * time.Second
	}
	if c.Queue <= 0 {
		c.Queue = 256
	}
	if c.MaxPlayers <= 0 {
		c.MaxPlayers = 100
	}
	if c.Seed == 0 {
		var b [8]byte
		_, _ = rand.Read(b[:])
		c.Seed = binary.LittleEndian.Uint64(b[:]) | 1
	}
	if c.Clock == nil {
		c.Clock = time.Now
	}
	if c.Hold <= 0 {
		c.Hold = 2 * time.Second
	}
	return c
}

// Room is one room. Code, HostToken, Submit and Done may be called from any
// goroutine; everything else belongs to the goroutine running Run.
type Room struct {
	code        string
	group       string
	hostToken   string
	hostSession string
	out         Outbox // gate, which wraps the layer
	gate        *gate
	cfg         Config
	in          chan Input
	done        chan struct{}
	created     time.Time

	phase     netcode.Phase
	locked    bool
	settings  netcode.Settings
	players   map[uint32]*player
	order     []uint32 // player IDs, ascending
	bySession map[string]uint32
	kicked    map[string]bool
	nextID    uint32
	host      uint32
	match     *match
	closed    bool

	saver *saver // nil without a store
	// saving says the saver's goroutine runs (Run started it): only then
	// does the room hold announcements for it (hold.go).
	saving bool
	seq    int64 // the last snapshot's Seq
	// seatsDirty says the seats changed since they were last saved; handle
	// saves them once, after the input (persist.go).
	seatsDirty bool

	duel  *Duel        // nil unless the room is a tournament duel (duel.go)
	study *study.Board // nil unless the room is a study room (study.go)
	// studySent is when the last StudyState went out; studyDirty says a
	// change since then waits for studyGap to pass.
	studySent  time.Time
	studyDirty bool
	// duelNext is when a duel's reveal gives way to the next round: Pause
	// after the Reveal went out, zero while it is held.
	duelNext time.Time
	// duelWait says a duel restored after a restart waits for its seats
	// (RestoreDuel).
	duelWait bool
}

// New makes a room whose host is the session hostSession (the first Join
// from that session takes the host's seat). settings must be valid.
func New(code, hostSession string, settings netcode.Settings, out Outbox, cfg Config) (*Room, error) {
	if !ValidSettings(settings) {
		return nil, errors.New("room: new: bad settings")
	}
	r := newRoom(code, NewToken(), settings, out, cfg.withDefaults())
	r.hostSession = hostSession
	r.saveRoom()
	return r, nil
}

func newRoom(code, hostToken string, settings netcode.Settings, out Outbox, cfg Config) *Room {
	g := &gate{out: out}
	r := &Room{
		code: code, group: "room." + code, hostToken: hostToken,
		out: g, gate: g, cfg: cfg, in: make(chan Input, cfg.Queue), done: make(chan struct{}),
		created: cfg.Clock(), phase: netcode.PhaseLobby, settings: settings,
		players: map[uint32]*player{}, bySession: map[string]uint32{}, kicked: map[string]bool{},
	}
	if cfg.Store != nil {
		r.saver = newSaver(code, cfg.Store, cfg.Log)
	}
	return r
}

// Code is the room's code.
func (r *Room) Code() string { return r.code }

// Group is the room's group in the channel layer.
func (r *Room) Group() string { return r.group }

// HostToken proves host rights; it is sent to the host in RoomJoined.
func (r *Room) HostToken() string { return r.hostToken }

// Done is closed when the room has ended (Run returned).
func (r *Room) Done() <-chan struct{} { return r.done }

// Submit queues an input without waiting. It fails with ErrFull when the
// queue is full and ErrClosed when the room has ended.
func (r *Room) Submit(in Input) error {
	select {
	case <-r.done:
		return ErrClosed
	default:
	}
	select {
	case r.in <- in:
		return nil
	default:
		return ErrFull
	}
}

// Run is the room's goroutine: it handles inputs and timer wake-ups until
// the room empties or ctx ends, then closes Done.
//
// With a store, Run's saver goroutine writes the room's state meanwhile;
// Run waits for it to write what is pending before it returns, and closes
// the room's record only when the room ended by itself (not when ctx
// ended: a server that shuts down resumes the room when it restarts).
// Meanwhile the room holds its reveals and podiums until the saver has
// written them (hold.go); whatever it still holds when it ends goes out
// after the saver's last writes.
func (r *Room) Run(ctx context.Context) {
	defer close(r.done)
	defer r.duelEnded()
	if r.saver != nil {
		go r.saver.run()
		r.saving = true
		defer func() {
			if r.closed {
				r.saver.closeRoom(r.cfg.Clock())
			}
			r.saver.stop()
			r.releaseHolds()
		}()
	}
	timer := time.NewTimer(time.Hour)
	defer timer.Stop()
	for !r.closed {
		now := r.cfg.Clock()
		if wake := r.nextWake(now); !wake.IsZero() {
			timer.Reset(max(wake.Sub(now), 0))
		} else {
			timer.Reset(time.Hour)
		}
		var in Input = Tick{}
		select {
		case <-ctx.Done():
			return
		case in = <-r.in:
		case <-timer.C:
		case <-r.wrote(): // a held announcement may go out
		}
		r.handle(r.cfg.Clock(), in)
	}
}

// nextWake is when the room must next act on the clock, or zero.
func (r *Room) nextWake(now time.Time) time.Time {
	var w time.Time
	earlier := func(t time.Time) {
		if w.IsZero() || t.Before(w) {
			w = t
		}
	}
	if len(r.players) == 0 {
		earlier(r.created.Add(r.cfg.Grace))
	}
	for _, id := range r.order {
		if p := r.players[id]; !p.connected {
			earlier(p.droppedAt.Add(r.cfg.Grace))
		}
	}
	if m := r.match; m != nil && r.phase == netcode.PhaseRound && !m.deadline.IsZero() {
		earlier(m.deadline)
	}
	if r.duel != nil && r.match != nil && r.phase == netcode.PhaseReveal && !r.duelNext.IsZero() {
		earlier(r.duelNext)
	}
	if r.studyDirty {
		earlier(r.studySent.Add(studyGap))
	}
	if h := r.holdWake(); !h.IsZero() {
		earlier(h)
	}
	return w
}

// handle applies one input at time now. Only the room's goroutine (or a
// test, in place of it) calls it.
func (r *Room) handle(now time.Time, in Input) {
	switch in := in.(type) {
	case Join:
		reply(in.Reply, r.join(now, in))
	case Resume:
		reply(in.Reply, r.resume(now, in))
	case Drop:
		r.drop(now, in)
	case Leave:
		if p := r.bySessionPlayer(in.Session); p != nil {
			r.remove(now, p, 0)
		}
	case Command:
		r.command(now, in)
	case Tick:
	}
	r.tick(now)
	r.flushStudy(now)
	r.saveSeats(now)
	r.settleHolds(now)
}

func reply(c chan<- Reply, rep Reply) {
	if c == nil {
		return
	}
	select {
	case c <- rep:
	default: // the asker's reply channel must have room; never block
	}
}

// tick acts on the clock: closes a round past its deadline, frees seats
// held past the grace period, ends an empty room.
func (r *Room) tick(now time.Time) {
	if m := r.match; m != nil && r.phase == netcode.PhaseRound && !m.deadline.IsZero() && !now.Before(m.deadline) {
		r.reveal(now, m.deadline)
	}
	r.duelTick(now)
	for _, id := range append([]uint32(nil), r.order...) {
		p := r.players[id]
		if !p.connected && !now.Before(p.droppedAt.Add(r.cfg.Grace)) {
			r.remove(now, p, 0)
		}
	}
	r.duelResume(now)
	if len(r.players) == 0 && (r.nextID > 0 || !now.Before(r.created.Add(r.cfg.Grace))) {
		r.closed = true
	}
}

func (r *Room) bySessionPlayer(session string) *player {
	if id, ok := r.bySession[session]; ok {
		return r.players[id]
	}
	return nil
}

// connectedCount is the number of connected players.
func (r *Room) connectedCount() int {
	n := 0
	for _, id := range r.order {
		if r.players[id].connected {
			n++
		}
	}
	return n
}

// state is the room's RoomState.
func (r *Room) state() netcode.RoomState {
	s := netcode.RoomState{Code: r.code, Phase: r.phase, Locked: r.locked, Settings: r.settings}
	for _, id := range r.order {
		s.Players = append(s.Players, r.players[id].wire(r.wireHost()))
	}
	if r.match != nil {
		s.Round = uint8(r.match.round)
	}
	return s
}

func (r *Room) broadcastState() {
	if r.study != nil {
		_, _ = r.out.GroupSend(r.group, netcode.TypeStudyState, r.studyState())
		r.saveStudy()
		r.studySent, r.studyDirty = r.cfg.Clock(), false
		return
	}
	_, _ = r.out.GroupSend(r.group, netcode.TypeRoomState, r.state())
}

func (r *Room) sendError(channel string, code netcode.ErrorCode, about netcode.Type) {
	_ = r.out.Send(channel, netcode.TypeError, netcode.Error{Code: code, About: about})
}
