package tourney

import (
	"context"
	"errors"
	"slices"
	"time"

	"github.com/osarena/osarena/netcode"
	"github.com/osarena/osarena/server/room"
	"github.com/osarena/osarena/server/store"
	"github.com/osarena/osarena/server/tournament"
)

// Matches reads the store's finished matches (store.Matches satisfies it).
type Matches interface {
	// PlayerMatches returns up to limit of the player's finished matches,
	// newest first, with players but without answers.
	PlayerMatches(ctx context.Context, player int64, limit int) ([]store.Match, error)
	// Match returns a finished match with its players and answers.
	Match(ctx context.Context, id string) (store.Match, error)
}

// recentMatches bounds how many of a player's latest finished matches
// settle looks through for a duel's.
const recentMatches = 50

// open is a ready match settle looks for, with its seed, its sides'
// entrants and the sides that have not played.
type open struct {
	id       int
	seed     uint64
	players  [2]int64
	unplayed []int
}

// settle decides, from the store's finished matches, the ready matches of
// c (just loaded) whose duel finished but whose result did not reach the
// store: a room writes its finished match and the tournament its result
// one after the other, and a restart may come between. A duel's finished
// match is tied to its bracket match as ResumeDuel ties a room: by the
// tournament's code, the match's seed (each match has its own) and the
// players — both sides' for a live duel, the side's own for an
// asynchronous side that has not played. Its outcome (room.StoredOutcome:
// scores and total times as the room reported them) is taken as the
// room's, so the match is decided, or the side counts as played, exactly
// as if the restart had not come; the next matches open with their
// deadlines from now. A match that ended before the latest of
// corrections is not taken: the correction may have undone it. Store
// errors leave the match open, as before, and are returned.
func (s *Service) settle(ctx context.Context, c *cup, corrections []store.Correction) error {
	ms := s.cfg.Matches
	if ms == nil || c == nil {
		return nil
	}
	var since time.Time
	for _, corr := range corrections {
		if corr.At.After(since) {
			since = corr.At
		}
	}
	c.mu.Lock()
	var todo []open
	if c.phase == netcode.TourRunning && c.t != nil {
		for _, m := range c.t.Matches {
			d := c.duels[m.ID]
			if d == nil || m.Status != tournament.Ready {
				continue
			}
			o := open{id: m.ID, seed: c.seed(m.ID)}
			for sd, i := range m.Players {
				if i >= 0 && i < len(c.seeded) {
					o.players[sd] = c.seeded[i].id
				}
				if d.played[sd] == nil {
					o.unplayed = append(o.unplayed, sd)
				}
			}
			if o.players[0] > 0 && o.players[1] > 0 && len(o.unplayed) > 0 {
				todo = append(todo, o)
			}
		}
	}
	async := c.opts.Async
	c.mu.Unlock()

	var errs []error
	for _, o := range todo {
		var groups [][]int64 // the players of each finished match to find
		if async {
			for _, sd := range o.unplayed {
				groups = append(groups, []int64{o.players[sd]})
			}
		} else {
			groups = append(groups, o.players[:])
		}
		for _, players := range groups {
			m, ok, err := stored(ctx, ms, c.code, o.seed, since, players)
			if err != nil {
				errs = append(errs, err)
			}
			if !ok {
				continue
			}
			out := room.StoredOutcome(m)
			out.Match = o.id
			s.cfg.Log.Info("tournament: duel settled from its stored match", "tournament", c.code, "match", o.id, "stored", m.ID)
			s.finished(c, o.id, out)
		}
	}
	return errors.Join(errs...)
}

// stored finds the finished match of tournament code played on seed by
// exactly players, ended after since, with its answers.
func stored(ctx context.Context, ms Matches, code string, seed uint64, since time.Time, players []int64) (store.Match, bool, error) {
	list, err := ms.PlayerMatches(ctx, players[0], recentMatches)
	if err != nil {
		return store.Match{}, false, err
	}
	for _, m := range list {
		if m.Tournament != code || m.Seed != seed || !m.Ended.After(since) || len(m.Players) != len(players) {
			continue
		}
		all := true
		for _, p := range m.Players {
			all = all && slices.Contains(players, p.Player)
		}
		if !all {
			continue
		}
		full, err := ms.Match(ctx, m.ID)
		if err != nil {
			return store.Match{}, false, err
		}
		return full, true, nil
	}
	return store.Match{}, false, nil
}
