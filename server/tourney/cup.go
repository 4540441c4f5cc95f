package tourney

import (
	"slices"
	"strconv"
	"sync"
	"time"

	"github.com/osarena/osarena/netcode"
	"github.com/osarena/osarena/server/room"
	"github.com/osarena/osarena/server/store"
	"github.com/osarena/osarena/server/tournament"
)

// cup is one tournament. Every field but svc, id and code is guarded by mu
// (see the package doc).
type cup struct {
	svc  *Service
	id   string // the store's key, and the host token
	code string

	mu       sync.Mutex
	host     int64
	opts     netcode.CreateTournament
	phase    uint8
	created  time.Time
	start    time.Time  // the scheduled start; zero: the host starts
	lapsed   bool       // the scheduled start came with fewer than two entrants
	entrants []*entrant // registration order
	seeded   []*entrant // seed order once started: tournament player i is seeded[i]
	t        *tournament.Tournament
	duels    map[int]*duel              // by match ID: ready matches being played or waited for
	scores   map[int]played             // by match ID: the duel's scores and finished match
	saved    map[key]store.BracketMatch // the bracket as last written to the store
}

// entrant is a registered player; session and channel are the latest the
// player used.
type entrant struct {
	id               int64
	nick             string
	rating           float64
	session, channel string
	registered       time.Time
}

func (c *cup) group() string { return "tour." + c.code }

func (c *cup) entrant(id int64) *entrant {
	for _, e := range c.entrants {
		if e.id == id {
			return e
		}
	}
	return nil
}

// index is the tournament player index of entrant id, or -1.
func (c *cup) index(id int64) int {
	return slices.IndexFunc(c.seeded, func(e *entrant) bool { return e.id == id })
}

func (c *cup) watch(channel string) {
	_ = c.svc.cfg.Out.GroupAdd(c.group(), channel)
	_ = c.svc.cfg.Out.Send(channel, netcode.TypeTournamentState, c.state())
}

func (c *cup) broadcast() {
	_, _ = c.svc.cfg.Out.GroupSend(c.group(), netcode.TypeTournamentState, c.state())
}

// state is the wire's TournamentState.
func (c *cup) state() netcode.TournamentState {
	st := netcode.TournamentState{Code: c.code, Name: c.opts.Name, Format: c.opts.Format, Phase: c.phase,
		Async: c.opts.Async, Champion: -1, DeadlineSec: c.opts.DeadlineSec}
	if !c.start.IsZero() {
		st.StartMs, st.StartLapsed = c.start.UnixMilli(), c.lapsed
	}
	list := c.entrants
	if c.t != nil {
		list = c.seeded
	}
	for i, e := range list {
		w := netcode.Entrant{ID: e.id, Nickname: e.nick}
		if c.t != nil {
			w.Seed = uint16(i + 1)
		}
		st.Entrants = append(st.Entrants, w)
	}
	if c.t == nil {
		return st
	}
	for _, m := range c.t.Matches {
		w := netcode.BracketMatch{ID: uint16(m.ID), Bracket: string(m.Bracket), Round: uint8(m.Round), Slot: uint16(m.Slot),
			Players: []int16{int16(m.Players[0]), int16(m.Players[1])}, Status: string(m.Status), Winner: -1}
		if r := m.Result; r != nil && m.Status == tournament.Done {
			w.Winner, w.Draw, w.Walkover = int16(r.Winner), r.Draw, r.Walkover
		}
		if d := c.duels[m.ID]; d != nil {
			if !d.deadline.IsZero() {
				w.DeadlineMs = d.deadline.UnixMilli()
			}
			w.Room = d.room
		}
		if sc, ok := c.scores[m.ID]; ok && sc.result != (store.DuelResult{}) {
			w.Scores = []int32{int32(sc.result.ScoreA), int32(sc.result.ScoreB)}
			w.TimesMs = []int64{sc.result.TimeA, sc.result.TimeB}
		}
		st.Matches = append(st.Matches, w)
	}
	for _, s := range c.t.Standings() {
		st.Standings = append(st.Standings, netcode.Standing{Entrant: int16(s.Player), Place: uint16(s.Place),
			Played: uint16(s.Played), Wins: uint16(s.Wins), Draws: uint16(s.Draws), Losses: uint16(s.Losses),
			Score: s.Score, Buchholz: s.Buchholz, Eliminated: s.Eliminated})
	}
	if p, ok := c.t.Champion(); ok {
		st.Champion = int16(p)
	}
	return st
}

// record is the tournament as the store keeps it (without entrants and
// bracket).
func (c *cup) record() store.Tournament {
	state := store.TournamentRegistering
	switch c.phase {
	case netcode.TourRunning:
		state = store.TournamentRunning
	case netcode.TourFinished:
		state = store.TournamentFinished
	}
	return store.Tournament{ID: c.id, Code: c.code, Name: c.opts.Name, Format: formats[c.opts.Format].s, Host: c.host,
		State: state, Created: c.created,
		Schedule: store.Schedule{Start: c.start, RoundEvery: time.Duration(c.opts.DeadlineSec) * time.Second},
		Options: store.TournamentOptions{ThirdPlace: c.opts.ThirdPlace, SwissRounds: int(c.opts.Rounds),
			Async: c.opts.Async, Seeding: c.opts.Seeding, Duel: room.StoreSettings(c.opts.Duel), StartLapsed: c.lapsed}}
}

// key is a bracket match's key in the store.
type key struct {
	bracket     string
	round, slot int
}

var brackets = map[tournament.Bracket]string{
	tournament.Winners: store.BracketMain, tournament.League: store.BracketMain,
	tournament.Losers: store.BracketLosers, tournament.GrandFinal: store.BracketFinal,
	tournament.ThirdPlace: store.BracketThird,
}

func keyOf(m tournament.Match) key { return key{brackets[m.Bracket], m.Round, m.Slot} }

// stored is match m as the store keeps it, keeping the duel's scores and
// finished match ID from what was saved before.
func (c *cup) stored(m tournament.Match) store.BracketMatch {
	k := keyOf(m)
	sc := c.scores[m.ID]
	sm := store.BracketMatch{Bracket: k.bracket, Round: k.round, Slot: k.slot, Result: sc.result, MatchID: sc.matchID}
	player := func(i int) int64 {
		if i >= 0 && i < len(c.seeded) {
			return c.seeded[i].id
		}
		return 0
	}
	sm.PlayerA, sm.PlayerB = player(m.Players[0]), player(m.Players[1])
	switch m.Status {
	case tournament.Pending:
		sm.Status = store.DuelPending
	case tournament.Ready:
		sm.Status = store.DuelOpen
	case tournament.ByeWin:
		sm.Status = store.DuelBye
	case tournament.Void:
		sm.Status = "void"
	case tournament.Done:
		sm.Status = store.DuelDone
		if m.Result.Walkover {
			sm.Status = store.DuelWalkover
		}
	}
	if m.Result != nil && !m.Result.Draw && m.Status == tournament.Done {
		sm.Winner = player(m.Result.Winner)
	}
	if d := c.duels[m.ID]; d != nil {
		sm.Deadline = d.deadline
	}
	return sm
}

// persist writes every bracket match that changed since the last write:
// through CorrectResult when corr is set (winners may change), else
// SaveMatches. A failing store is logged; play goes on in memory.
func (c *cup) persist(corr *store.Correction) {
	var changed []store.BracketMatch
	for _, m := range c.t.Matches {
		sm := c.stored(m)
		if old, ok := c.saved[keyOf(m)]; !ok || !equal(old, sm) {
			changed = append(changed, sm)
		}
		c.saved[keyOf(m)] = sm
	}
	st := c.svc.cfg.Store
	if st == nil || (len(changed) == 0 && corr == nil) {
		return
	}
	ctx, cancel := c.svc.ctx()
	defer cancel()
	var err error
	if corr != nil {
		err = st.CorrectResult(ctx, c.id, *corr, changed)
	} else {
		err = st.SaveMatches(ctx, c.id, changed)
	}
	if err != nil {
		c.svc.cfg.Log.Warn("tournament: save bracket", "tournament", c.code, "err", err)
	}
}

func equal(a, b store.BracketMatch) bool {
	return a.Bracket == b.Bracket && a.Round == b.Round && a.Slot == b.Slot && a.PlayerA == b.PlayerA &&
		a.PlayerB == b.PlayerB && a.Winner == b.Winner && a.Status == b.Status && a.Deadline.Equal(b.Deadline) &&
		a.MatchID == b.MatchID && a.Result == b.Result
}

// updateRecord writes the tournament's state to the store.
func (c *cup) updateRecord() {
	if st := c.svc.cfg.Store; st != nil {
		ctx, cancel := c.svc.ctx()
		defer cancel()
		if err := st.UpdateTournament(ctx, c.record()); err != nil {
			c.svc.cfg.Log.Warn("tournament: update", "tournament", c.code, "err", err)
		}
	}
}

func (e *entrant) wire() tournament.Entrant {
	return tournament.Entrant{ID: strconv.FormatInt(e.id, 10), Name: e.nick, Rating: e.rating}
}
