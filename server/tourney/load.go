package tourney

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"slices"

	"github.com/osarena/osarena/netcode"
	"github.com/osarena/osarena/server/room"
	"github.com/osarena/osarena/server/store"
	"github.com/osarena/osarena/server/tournament"
)

// Load brings back every tournament of the store that is not finished
// (after a restart): its entrants and seeds, the bracket generated again
// from the seeds with every stored result replayed in order, the duels'
// scores and deadlines, and the scheduled start. With Config.Matches set,
// a duel whose finished match reached the store but whose result did not
// (the server stopped between the two writes) is decided from the stored
// match, as if the room had reported it (see settle). Players rejoin the
// group with JoinTournament. A start or a deadline that passed while the
// server was down is acted on by the next Tick. Call it before the service
// is used; tournaments that fail to load are skipped and reported in the
// error.
func (s *Service) Load(ctx context.Context) error {
	st := s.cfg.Store
	if st == nil {
		return nil
	}
	list, err := st.ActiveTournaments(ctx)
	if err != nil {
		return err
	}
	var errs []error
	for _, head := range list {
		rec, err := st.Tournament(ctx, head.ID)
		var c *cup
		if err == nil {
			c, err = s.load(rec)
		}
		if err != nil {
			errs = append(errs, fmt.Errorf("tournament %s: %w", head.Code, err))
			continue
		}
		if err := s.settle(ctx, c, rec.Corrections); err != nil {
			s.cfg.Log.Warn("tournament: stored duels not settled", "tournament", c.code, "err", err)
		}
	}
	return errors.Join(errs...)
}

func (s *Service) load(rec store.Tournament) (*cup, error) {
	opts := netcode.CreateTournament{Name: rec.Name, ThirdPlace: rec.Options.ThirdPlace,
		Rounds: uint8(rec.Options.SwissRounds), Seeding: rec.Options.Seeding, Duel: room.WireSettings(rec.Options.Duel),
		Async: rec.Options.Async, DeadlineSec: uint32(rec.Schedule.RoundEvery.Seconds())}
	for f, m := range formats {
		if m.s == rec.Format {
			opts.Format = f
		}
	}
	if opts.Format == "" {
		return nil, fmt.Errorf("unknown format %q", rec.Format)
	}
	c := &cup{svc: s, id: rec.ID, code: rec.Code, host: rec.Host, opts: opts, phase: netcode.TourRegistering,
		created: rec.Created, start: rec.Schedule.Start, lapsed: rec.Options.StartLapsed,
		duels: map[int]*duel{}, scores: map[int]played{}, saved: map[key]store.BracketMatch{}}
	ents := slices.Clone(rec.Entrants)
	slices.SortStableFunc(ents, func(a, b store.Entrant) int {
		return cmp.Or(a.Registered.Compare(b.Registered), cmp.Compare(a.Player, b.Player))
	})
	for _, e := range ents {
		c.entrants = append(c.entrants, &entrant{id: e.Player, nick: e.Nickname, registered: e.Registered})
	}
	if rec.State != store.TournamentRegistering {
		if err := c.replay(ents, rec.Matches); err != nil {
			return nil, err
		}
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.byCode[c.code] != nil {
		return nil, errors.New("code taken")
	}
	s.byCode[c.code] = c
	return c, nil
}

// replay rebuilds a started tournament's bracket from the seeds and the
// stored matches.
func (c *cup) replay(ents []store.Entrant, ms []store.BracketMatch) error {
	seeded := slices.Clone(ents)
	seeded = slices.DeleteFunc(seeded, func(e store.Entrant) bool { return e.Seed == 0 })
	slices.SortStableFunc(seeded, func(a, b store.Entrant) int { return cmp.Compare(a.Seed, b.Seed) })
	players := make([]tournament.Entrant, len(seeded))
	for i, e := range seeded {
		en := c.entrant(e.Player)
		c.seeded = append(c.seeded, en)
		players[i] = en.wire()
	}
	t, err := tournament.New(c.options(), players)
	if err != nil {
		return err
	}
	c.t, c.phase = t, netcode.TourRunning
	byKey := map[key]store.BracketMatch{}
	for _, m := range ms {
		byKey[key{m.Bracket, m.Round, m.Slot}] = m
	}
	id := func(i int) int64 {
		if i >= 0 && i < len(c.seeded) {
			return c.seeded[i].id
		}
		return 0
	}
	for progress := true; progress; {
		progress = false
		for _, mid := range t.Ready() {
			m := t.Matches[mid-1]
			sm, ok := byKey[keyOf(m)]
			if !ok || sm.PlayerA != id(m.Players[0]) || sm.PlayerB != id(m.Players[1]) ||
				sm.Status != store.DuelDone && sm.Status != store.DuelWalkover {
				continue
			}
			r := tournament.Result{Winner: c.index(sm.Winner), Walkover: sm.Status == store.DuelWalkover}
			if sm.Winner == 0 {
				r = tournament.Result{Winner: tournament.None, Draw: true}
			}
			if err := t.Record(mid, r); err != nil {
				return err
			}
			progress = true
		}
		if !progress && t.Options.Format == tournament.Swiss && len(t.Ready()) == 0 && !t.Finished() {
			_, err := t.PairNextRound()
			progress = err == nil
		}
	}
	for _, m := range t.Matches {
		sm, ok := byKey[keyOf(m)]
		if !ok {
			continue
		}
		if sm.Result != (store.DuelResult{}) || sm.MatchID != "" {
			c.scores[m.ID] = played{result: sm.Result, matchID: sm.MatchID}
		}
		if m.Status == tournament.Ready {
			d := &duel{players: m.Players, deadline: sm.Deadline}
			if r := sm.Result; r.ScoreA != 0 || r.TimeA != 0 {
				d.played[0] = &side{score: int32(r.ScoreA), totalMs: r.TimeA}
			}
			if r := sm.Result; r.ScoreB != 0 || r.TimeB != 0 {
				d.played[1] = &side{score: int32(r.ScoreB), totalMs: r.TimeB}
			}
			c.duels[m.ID] = d
		}
		c.saved[keyOf(m)] = sm
	}
	if t.Finished() {
		c.phase = netcode.TourFinished
	}
	return nil
}
