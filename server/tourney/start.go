package tourney

import (
	"slices"
	"strconv"
	"time"

	"github.com/osarena/osarena/netcode"
	"github.com/osarena/osarena/server/store"
	"github.com/osarena/osarena/server/tournament"
)

// Start closes registration, seeds the entrants (by rating, by the host's
// order, or at random, as the tournament was created), generates the
// bracket and opens the first duels. Only the host token may start, at any
// time before a scheduled start too.
func (s *Service) Start(code, hostToken string, order []int64) netcode.ErrorCode {
	c := s.get(code)
	if c == nil {
		return netcode.ErrUnknownRoom
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if hostToken != c.id {
		return netcode.ErrNotHost
	}
	return c.begin(s.cfg.Clock(), order)
}

// scheduled starts a registering tournament whose scheduled start has come
// (hand seeding then follows registration order). With fewer than two
// entrants it does not start: the start lapses (kept in the store, and
// sent to everyone as TournamentState.StartLapsed), registration stays
// open, and the host starts it by hand, as a host would when a class
// shows up late; nothing is thrown away.
func (c *cup) scheduled(now time.Time) {
	if c.start.IsZero() || c.lapsed || now.Before(c.start) {
		return
	}
	if len(c.entrants) >= 2 {
		if e := c.begin(now, nil); e == netcode.ErrNone {
			return
		}
		c.svc.cfg.Log.Warn("tournament: scheduled start failed", "tournament", c.code)
	}
	c.lapsed = true
	c.updateRecord()
	c.broadcast()
}

// begin is Start once the caller is known to be allowed: c.mu is held.
func (c *cup) begin(now time.Time, order []int64) netcode.ErrorCode {
	s := c.svc
	if c.phase != netcode.TourRegistering || len(c.entrants) < 2 {
		return netcode.ErrWrongPhase
	}
	c.rate()
	players := make([]tournament.Entrant, len(c.entrants))
	for i, e := range c.entrants {
		players[i] = e.wire()
	}
	switch c.opts.Seeding {
	case netcode.SeedHand:
		ids := make([]string, 0, len(players))
		for _, id := range order {
			if c.entrant(id) == nil || slices.Contains(ids, strconv.FormatInt(id, 10)) {
				return netcode.ErrBadSettings
			}
			ids = append(ids, strconv.FormatInt(id, 10))
		}
		for _, p := range players { // the rest in registration order
			if !slices.Contains(ids, p.ID) {
				ids = append(ids, p.ID)
			}
		}
		var err error
		if players, err = tournament.SeedByOrder(players, ids); err != nil {
			return netcode.ErrBadSettings
		}
	case netcode.SeedRandom:
		s.mu.Lock()
		players = tournament.SeedRandom(players, s.rng)
		s.mu.Unlock()
	default:
		players = tournament.SeedByRating(players)
	}
	t, err := tournament.New(c.options(), players)
	if err != nil {
		return netcode.ErrBadSettings
	}
	c.seeded = c.seeded[:0]
	for _, p := range players {
		id, _ := strconv.ParseInt(p.ID, 10, 64)
		c.seeded = append(c.seeded, c.entrant(id))
	}
	c.t, c.phase = t, netcode.TourRunning
	if st := s.cfg.Store; st != nil {
		ids := make([]int64, len(c.seeded))
		for i, e := range c.seeded {
			ids[i] = e.id
		}
		ctx, cancel := s.ctx()
		if err := st.SetSeeds(ctx, c.id, ids); err != nil {
			s.cfg.Log.Warn("tournament: set seeds", "tournament", c.code, "err", err)
		}
		cancel()
	}
	c.updateRecord()
	c.advance(now, nil, nil)
	return netcode.ErrNone
}

// options are the bracket's options.
func (c *cup) options() tournament.Options {
	return tournament.Options{Format: formats[c.opts.Format].t, ThirdPlace: c.opts.ThirdPlace, Rounds: int(c.opts.Rounds)}
}

// rate fills the entrants' ratings from their past results: the mean credit
// of every answer the store has (0 without stats).
func (c *cup) rate() {
	st := c.svc.cfg.Stats
	if st == nil {
		return
	}
	for _, e := range c.entrants {
		if e.id <= 0 {
			continue
		}
		ctx, cancel := c.svc.ctx()
		stats, err := st.Stats(ctx, store.StatsQuery{Player: e.id, By: store.ByTopic})
		cancel()
		if err != nil {
			continue
		}
		var credit int64
		var asked int
		for _, s := range stats {
			credit, asked = credit+s.Credit, asked+s.Asked
		}
		if asked > 0 {
			e.rating = float64(credit) / float64(asked)
		}
	}
}
