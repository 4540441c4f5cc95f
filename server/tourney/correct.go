package tourney

import (
	"errors"

	"github.com/osarena/osarena/netcode"
	"github.com/osarena/osarena/server/store"
	"github.com/osarena/osarena/server/tournament"
)

// Correct replaces a played match's result (host): winner is an entrant
// ID. Results that depended on the old outcome are undone (their duels are
// played again) and the correction is logged in the store.
func (s *Service) Correct(code, hostToken string, matchID int, winner int64) netcode.ErrorCode {
	c := s.get(code)
	if c == nil {
		return netcode.ErrUnknownRoom
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	switch {
	case hostToken != c.id:
		return netcode.ErrNotHost
	case c.t == nil || matchID < 1 || matchID > len(c.t.Matches):
		return netcode.ErrWrongPhase
	}
	m := c.t.Matches[matchID-1]
	if m.Status != tournament.Done {
		return netcode.ErrWrongPhase
	}
	now := s.cfg.Clock()
	old := c.stored(m)
	undone, err := c.t.Correct(matchID, tournament.Result{Winner: c.index(winner), At: now})
	switch {
	case errors.Is(err, tournament.ErrResult):
		return netcode.ErrBadSettings
	case err != nil:
		return netcode.ErrWrongPhase
	}
	corr := &store.Correction{Bracket: old.Bracket, Round: old.Round, Slot: old.Slot, By: c.host, Reason: "host",
		At: now, OldWinner: old.Winner, NewWinner: winner, Old: old.Result, New: old.Result}
	if c.phase == netcode.TourFinished && !c.t.Finished() {
		c.phase = netcode.TourRunning
		c.updateRecord()
	}
	c.advance(now, corr, undone)
	return netcode.ErrNone
}
