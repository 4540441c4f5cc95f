package tourney

import (
	"context"
	crand "crypto/rand"
	"encoding/binary"
	"log/slog"
	"math/rand/v2"
	"strings"
	"sync"
	"time"

	"github.com/osarena/osarena/netcode"
	"github.com/osarena/osarena/server/room"
	"github.com/osarena/osarena/server/store"
	"github.com/osarena/osarena/server/tournament"
)

// Outbox is how the service speaks to connections: the channel layer.
// Its methods never block.
type Outbox interface {
	GroupAdd(group, channel string) error
	GroupSend(group string, t netcode.Type, msg any) (uint32, error)
	Send(channel string, t netcode.Type, msg any) error
}

// Duels starts duel rooms; the server implements it with room.Rooms.
type Duels interface {
	// StartDuel makes a duel room for spec and seats its players (the
	// room sends them RoomJoined and the rounds). It returns the room's
	// code, or an error code for the player who asked (ErrAlreadyInRoom:
	// a player sits in a room that is not a duel; ErrNotInRoom: a player
	// is not connected). It must not wait on a room.
	StartDuel(spec DuelSpec) (string, netcode.ErrorCode)
}

// DuelSpec is a duel to start.
type DuelSpec struct {
	Tournament string // the tournament's code
	Match      int
	Seats      []Who
	Settings   netcode.Settings
	Seed       uint64
	// OnFinish is to be called once with the outcome, OnAbort instead when
	// the room ends before its podium (everyone left). Both take the
	// tournament's lock and write the store: call them on a goroutine of
	// their own, never on a room's.
	OnFinish func(room.DuelOutcome)
	OnAbort  func()
}

// Who is the sender of a request.
type Who struct {
	Session  string // the session token (stable across reconnects within the grace period)
	Channel  string // the connection's channel in the layer
	Nickname string
	Player   int64 // the store's Player.ID, or 0 without a store
	// Device is Hello.Device (the browser's identity token), or "". Without
	// a store it keeps a player's entrant identity when the session does
	// not survive (a reload after the session was forgotten).
	Device string
}

// Config configures a Service.
type Config struct {
	Out   Outbox
	Duels Duels
	// Store keeps tournaments; nil keeps them in memory only.
	Store store.Tournaments
	// Stats, if set, rates players for seeding by past results.
	Stats store.Stats
	// Matches, if set, is where Load finds the finished matches of duels
	// whose results did not reach the store before a restart.
	Matches Matches
	Clock   func() time.Time // [time.Now]
	// Rand draws random seedings [a PCG seeded from crypto/rand].
	Rand *rand.Rand
	Log  *slog.Logger // [slog.Default()]
}

// Service holds the tournaments.
type Service struct {
	cfg Config

	mu     sync.Mutex // guards byCode, anon and rng
	byCode map[string]*cup
	anon   map[string]int64 // device (else session) → synthetic entrant ID (no store)
	rng    *rand.Rand
}

// New returns a service with no tournaments (Load brings back the stored).
func New(cfg Config) *Service {
	if cfg.Clock == nil {
		cfg.Clock = time.Now
	}
	if cfg.Log == nil {
		cfg.Log = slog.Default()
	}
	if cfg.Rand == nil {
		var b [16]byte
		_, _ = crand.Read(b[:])
		cfg.Rand = rand.New(rand.NewPCG(binary.LittleEndian.Uint64(b[:8]), binary.LittleEndian.Uint64(b[8:])))
	}
	return &Service{cfg: cfg, byCode: map[string]*cup{}, anon: map[string]int64{}, rng: cfg.Rand}
}

// storeWait bounds every store call.
const storeWait = 5 * time.Second

func (s *Service) ctx() (context.Context, context.CancelFunc) {
	return context.WithTimeout(context.Background(), storeWait)
}

// get returns the tournament with code (as typed), or nil.
func (s *Service) get(code string) *cup {
	c, ok := room.NormalizeCode(code)
	if !ok {
		return nil
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.byCode[c]
}

// id is who's entrant ID: the store's player, or without a store a
// synthetic negative ID per device (per session when there is no device
// token), so that a registered player who reconnects on a new session is
// still the same entrant.
func (s *Service) id(who Who) int64 {
	if who.Player != 0 {
		return who.Player
	}
	key := "s:" + who.Session
	if who.Device != "" {
		key = "d:" + who.Device
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	id, ok := s.anon[key]
	if !ok {
		id = -int64(len(s.anon) + 1)
		s.anon[key] = id
	}
	return id
}

// formats maps the wire's formats to the package's and the store's.
var formats = map[string]struct {
	t tournament.Format
	s string
}{
	netcode.FormatSingle:     {tournament.SingleElimination, store.FormatSingle},
	netcode.FormatDouble:     {tournament.DoubleElimination, store.FormatDouble},
	netcode.FormatRoundRobin: {tournament.RoundRobin, store.FormatRoundRobin},
	netcode.FormatSwiss:      {tournament.Swiss, store.FormatSwiss},
}

// MaxName bounds a tournament's name, in bytes.
const MaxName = 80

// Create makes a tournament hosted by who, who also watches it. It answers
// the code and the host token, or an error code.
func (s *Service) Create(who Who, m netcode.CreateTournament) (code, hostToken string, e netcode.ErrorCode) {
	f, ok := formats[m.Format]
	if m.Seeding == "" {
		m.Seeding = netcode.SeedRating
	}
	m.Duel.Timed = true // a duel ranks by time on a tie
	if m.Duel.Chain == 0 {
		m.Duel.Chain = 1
	}
	name := strings.TrimSpace(m.Name)
	switch {
	case !ok, name == "", len(name) > MaxName, !room.ValidSettings(m.Duel),
		m.Seeding != netcode.SeedRating && m.Seeding != netcode.SeedHand && m.Seeding != netcode.SeedRandom,
		m.ThirdPlace && f.t != tournament.SingleElimination, m.Rounds != 0 && f.t != tournament.Swiss,
		m.DeadlineSec > netcode.MaxDeadlineSec:
		return "", "", netcode.ErrBadSettings
	}
	now := s.cfg.Clock()
	var start time.Time
	if m.StartMs != 0 {
		start = time.UnixMilli(m.StartMs)
		if !start.After(now) || start.Sub(now) > netcode.MaxStartAheadSec*time.Second {
			return "", "", netcode.ErrBadStart
		}
	}
	m.Name = name
	c := &cup{svc: s, id: room.NewToken(), host: s.id(who), opts: m, phase: netcode.TourRegistering,
		created: now, start: start, duels: map[int]*duel{}, scores: map[int]played{}, saved: map[key]store.BracketMatch{}}
	s.mu.Lock()
	c.code = room.NewCode()
	for s.byCode[c.code] != nil {
		c.code = room.NewCode()
	}
	s.byCode[c.code] = c
	s.mu.Unlock()
	c.mu.Lock()
	defer c.mu.Unlock()
	if st := s.cfg.Store; st != nil {
		ctx, cancel := s.ctx()
		defer cancel()
		if err := st.CreateTournament(ctx, c.record()); err != nil {
			s.cfg.Log.Warn("tournament: create", "err", err)
			s.mu.Lock()
			delete(s.byCode, c.code)
			s.mu.Unlock()
			return "", "", netcode.ErrBadSettings
		}
	}
	_ = s.cfg.Out.Send(who.Channel, netcode.TypeTournamentCreated, netcode.TournamentCreated{Code: c.code, HostToken: c.id})
	c.watch(who.Channel)
	return c.code, c.id, netcode.ErrNone
}

// Watch adds channel to the tournament's group and sends it the state.
func (s *Service) Watch(channel, code string) netcode.ErrorCode {
	c := s.get(code)
	if c == nil {
		return netcode.ErrUnknownRoom
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.watch(channel)
	return netcode.ErrNone
}

// Join registers who (while registering), or rejoins a registered player
// to the group; either way who watches the tournament from now on.
func (s *Service) Join(who Who, code string) netcode.ErrorCode {
	c := s.get(code)
	if c == nil {
		return netcode.ErrUnknownRoom
	}
	id := s.id(who)
	c.mu.Lock()
	defer c.mu.Unlock()
	if e := c.entrant(id); e != nil {
		e.session, e.channel = who.Session, who.Channel
		c.watch(who.Channel)
		return netcode.ErrNone
	}
	if c.phase != netcode.TourRegistering {
		return netcode.ErrWrongPhase
	}
	nick, err := room.NormalizeNickname(who.Nickname)
	if err != nil {
		return netcode.ErrBadNickname
	}
	if len(c.entrants) >= tournament.MaxPlayers {
		return netcode.ErrRoomFull
	}
	for _, e := range c.entrants {
		if strings.EqualFold(e.nick, nick) {
			return netcode.ErrNicknameTaken
		}
	}
	e := &entrant{id: id, nick: nick, session: who.Session, channel: who.Channel, registered: s.cfg.Clock()}
	if st := s.cfg.Store; st != nil {
		ctx, cancel := s.ctx()
		defer cancel()
		if err := st.Register(ctx, c.id, store.Entrant{Player: id, Nickname: nick, Registered: e.registered}); err != nil {
			s.cfg.Log.Warn("tournament: register", "err", err)
			return netcode.ErrWrongPhase
		}
	}
	c.entrants = append(c.entrants, e)
	_ = s.cfg.Out.GroupAdd(c.group(), who.Channel)
	c.broadcast()
	return netcode.ErrNone
}

// Tick acts on the clock: a tournament whose scheduled start has come
// starts (or, with fewer than two entrants, its start lapses: it stays
// open for its host to start), and every ready duel past its deadline is decided by walkover.
// The server calls it once a second with the time; tests call it with a
// fake one. After a restart the first Tick catches up on whatever fell due
// while the server was down.
func (s *Service) Tick(now time.Time) {
	s.mu.Lock()
	cups := make([]*cup, 0, len(s.byCode))
	for _, c := range s.byCode {
		cups = append(cups, c)
	}
	s.mu.Unlock()
	for _, c := range cups {
		c.mu.Lock()
		if c.phase == netcode.TourRegistering {
			c.scheduled(now)
		}
		if c.phase == netcode.TourRunning {
			c.walkovers(now) // each decision sends the state
		}
		c.mu.Unlock()
	}
}

// State returns the tournament's state, for tests and diagnostics.
func (s *Service) State(code string) (netcode.TournamentState, bool) {
	c := s.get(code)
	if c == nil {
		return netcode.TournamentState{}, false
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.state(), true
}
