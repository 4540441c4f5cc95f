package tourney

import (
	"cmp"
	"hash/fnv"
	"time"

	"github.com/osarena/osarena/netcode"
	"github.com/osarena/osarena/server/room"
	"github.com/osarena/osarena/server/store"
	"github.com/osarena/osarena/server/tournament"
)

// duel is a ready match being waited for or played. Sides are 0 and 1, as
// in tournament.Match.Players.
type duel struct {
	players  [2]int    // the match's players when the duel opened
	deadline time.Time // zero: none
	ready    [2]bool   // live: the side asked to play
	room     string    // live: the duel's room while it is played
	playing  [2]string // async: the side's solo room while it plays
	sessions [2]string // the session seated for each side
	played   [2]*side  // the sides' outcomes so far
}

// side is one side's outcome of a duel.
type side struct {
	score   int32
	totalMs int64
}

// played is a match's duel record: scores, times and the finished match.
type played struct {
	result  store.DuelResult
	matchID string
}

// Ready is who's ReadyDuel. Live: once both players asked, their duel room
// starts. Async: who plays alone at once, on the match's seed.
func (s *Service) Ready(who Who, code string, matchID int) netcode.ErrorCode {
	c := s.get(code)
	if c == nil {
		return netcode.ErrUnknownRoom
	}
	id := s.id(who)
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.phase != netcode.TourRunning || matchID < 1 || matchID > len(c.t.Matches) {
		return netcode.ErrWrongPhase
	}
	m := c.t.Matches[matchID-1]
	d := c.duels[matchID]
	if m.Status != tournament.Ready || d == nil {
		return netcode.ErrWrongPhase
	}
	me := c.index(id)
	sd := -1
	for i, p := range m.Players {
		if p == me && me >= 0 {
			sd = i
		}
	}
	if sd < 0 {
		return netcode.ErrNotInRoom
	}
	e := c.seeded[me]
	e.session, e.channel = who.Session, who.Channel
	seat := func(e *entrant) Who {
		return Who{Session: e.session, Channel: e.channel, Nickname: e.nick, Player: max(e.id, 0)}
	}
	spec := DuelSpec{Tournament: c.code, Match: matchID, Settings: c.opts.Duel, Seed: c.seed(matchID),
		OnFinish: func(o room.DuelOutcome) { s.finished(c, matchID, o) }}
	var rc string // the room's code, set below under c.mu, read by aborted under c.mu
	spec.OnAbort = func() { s.aborted(c, matchID, &rc) }
	if c.opts.Async {
		if d.played[sd] != nil || d.playing[sd] != "" {
			return netcode.ErrWrongPhase
		}
		spec.Seats = []Who{seat(e)}
		code, ec := s.cfg.Duels.StartDuel(spec)
		if ec != netcode.ErrNone {
			return ec
		}
		rc = code
		d.playing[sd], d.sessions[sd] = rc, e.session
		c.broadcast()
		return netcode.ErrNone
	}
	if d.room != "" {
		return netcode.ErrWrongPhase
	}
	d.ready[sd] = true
	if d.ready[0] && d.ready[1] {
		a, b := c.seeded[m.Players[0]], c.seeded[m.Players[1]]
		spec.Seats = []Who{seat(a), seat(b)}
		code, ec := s.cfg.Duels.StartDuel(spec)
		if ec != netcode.ErrNone {
			d.ready = [2]bool{}
			return ec
		}
		rc = code
		d.room, d.sessions = rc, [2]string{a.session, b.session}
	}
	c.broadcast()
	return netcode.ErrNone
}

// seed is the questions' seed of a match: the same for both sides.
func (c *cup) seed(matchID int) uint64 {
	h := fnv.New64a()
	_, _ = h.Write([]byte(c.id))
	_, _ = h.Write([]byte{byte(matchID), byte(matchID >> 8)})
	return h.Sum64() | 1
}

// finished takes a duel room's outcome (or, after a restart, one rebuilt
// from the stored match: see settle). A score is a side's when its session
// is the one seated for the side or its player is the side's entrant. It
// takes the tournament's lock and writes the store: call it on a goroutine
// of its own, not a room's.
func (s *Service) finished(c *cup, matchID int, o room.DuelOutcome) {
	c.mu.Lock()
	defer c.mu.Unlock()
	d := c.duels[matchID]
	if c.t == nil || d == nil || c.t.Matches[matchID-1].Status != tournament.Ready {
		return // decided meanwhile (a walkover or a correction)
	}
	for sd := range 2 {
		var id int64
		if i := d.players[sd]; i >= 0 && i < len(c.seeded) {
			id = c.seeded[i].id
		}
		for _, sc := range o.Scores {
			if sc.Session == d.sessions[sd] && sc.Session != "" || sc.Player > 0 && sc.Player == id {
				d.played[sd] = &side{score: sc.Score, totalMs: sc.TotalMs}
				d.playing[sd] = ""
			}
		}
	}
	pl := c.scores[matchID]
	pl.matchID = o.MatchID
	pl.result = d.result()
	c.scores[matchID] = pl
	now := s.cfg.Clock()
	if !c.opts.Async || d.played[0] != nil && d.played[1] != nil {
		c.decide(now, matchID, false)
		return
	}
	c.persist(nil) // one side has played: keep its score
	c.broadcast()
}

// aborted takes a duel room that ended before its podium (everyone left):
// its players may ask to play again (live), or the side may play again
// (async); the deadline still applies. Same goroutine rule as finished.
func (s *Service) aborted(c *cup, matchID int, room *string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	d := c.duels[matchID]
	if d == nil || *room == "" {
		return
	}
	changed := false
	if d.room == *room {
		d.room, d.ready, changed = "", [2]bool{}, true
	}
	for sd := range 2 {
		if d.playing[sd] == *room {
			d.playing[sd], changed = "", true
		}
	}
	if changed {
		c.broadcast()
	}
}

// inPlay reports whether the duel is being played: its live room, or an
// asynchronous side's.
func (d *duel) inPlay() bool { return d.room != "" || d.playing[0] != "" || d.playing[1] != "" }

func (d *duel) result() store.DuelResult {
	var r store.DuelResult
	if a := d.played[0]; a != nil {
		r.ScoreA, r.TimeA = int(a.score), a.totalMs
	}
	if b := d.played[1]; b != nil {
		r.ScoreB, r.TimeB = int(b.score), b.totalMs
	}
	return r
}

// decide records a ready match's result from its duel: a side that did not
// play loses (by walkover when walkover is set); otherwise the higher score
// wins, then the lower total time; a full tie is a draw in league formats
// and goes to the higher seed in elimination. Neither side playing gives
// the match to the higher seed.
func (c *cup) decide(now time.Time, matchID int, walkover bool) {
	m := c.t.Matches[matchID-1]
	d := c.duels[matchID]
	a, b := d.played[0], d.played[1]
	r := tournament.Result{At: now, Walkover: walkover && (a == nil || b == nil)}
	seedSide := 0
	if m.Players[1] < m.Players[0] {
		seedSide = 1
	}
	w := seedSide
	switch {
	case a == nil && b == nil:
	case a == nil:
		w = 1
	case b == nil:
		w = 0
	default:
		switch cmp.Or(cmp.Compare(b.score, a.score), cmp.Compare(a.totalMs, b.totalMs)) {
		case -1:
			w = 0
		case 1:
			w = 1
		default:
			if m.Bracket == tournament.League {
				r.Draw = true
			}
		}
	}
	r.Winner = m.Players[w]
	if r.Draw {
		r.Winner = tournament.None
	}
	if err := c.t.Record(matchID, r); err != nil {
		c.svc.cfg.Log.Error("tournament: record", "tournament", c.code, "err", err)
		return
	}
	delete(c.duels, matchID)
	c.advance(now, nil, nil)
}

// walkovers decides every ready duel past its deadline. A duel being
// played — a live duel's room, or an asynchronous side's (one restored
// after a restart too) — is left to finish: its outcome decides the match,
// or, when the other side has not played, the next tick after it (or after
// the room ends without one) walks it over. It reports whether anything
// changed.
func (c *cup) walkovers(now time.Time) bool {
	changed := false
	for _, m := range c.t.Matches {
		d := c.duels[m.ID]
		if d == nil || m.Status != tournament.Ready || d.deadline.IsZero() || now.Before(d.deadline) || d.inPlay() {
			continue
		}
		if !c.opts.Async { // a live player who asked showed up
			for sd := range 2 {
				if d.ready[sd] && d.played[sd] == nil {
					d.played[sd] = &side{}
				}
			}
		}
		c.decide(now, m.ID, true)
		changed = true
	}
	return changed
}

// advance follows a change of the bracket: pairs the next Swiss round when
// one is due, opens a duel (with its deadline) for every newly ready match
// and forgets the duels of matches no longer ready, writes the changes
// (corr: a correction), finishes the tournament when it is over, and sends
// the new state to the group. undone are matches whose results a correction
// undid.
func (c *cup) advance(now time.Time, corr *store.Correction, undone []int) {
	for _, id := range undone {
		delete(c.scores, id)
	}
	for c.t.Options.Format == tournament.Swiss && len(c.t.Ready()) == 0 && !c.t.Finished() {
		if _, err := c.t.PairNextRound(); err != nil {
			break
		}
	}
	for id, d := range c.duels {
		if m := c.t.Matches[id-1]; m.Status != tournament.Ready || m.Players != d.players {
			delete(c.duels, id)
			delete(c.scores, id)
		}
	}
	for _, id := range c.t.Ready() {
		if c.duels[id] == nil {
			d := &duel{players: c.t.Matches[id-1].Players}
			if c.opts.DeadlineSec > 0 {
				d.deadline = now.Add(time.Duration(c.opts.DeadlineSec) * time.Second)
			}
			c.duels[id] = d
		}
	}
	c.persist(corr)
	if c.t.Finished() && c.phase != netcode.TourFinished {
		c.phase = netcode.TourFinished
		c.updateRecord()
	}
	c.broadcast()
}
