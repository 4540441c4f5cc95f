package tourney

import (
	"errors"
	"slices"

	"github.com/osarena/osarena/netcode"
	"github.com/osarena/osarena/server/store"
	"github.com/osarena/osarena/server/tournament"
)

// Correction reasons in the store's log (store.Correction.Reason).
const (
	reasonCorrect = "host"  // a played result replaced
	reasonAward   = "award" // a ready match decided without being played
)

// Correct is the host's CorrectResult: winner is an entrant ID. A played
// match's result is replaced: results that depended on the old outcome are
// undone (their duels are played again). A match that is ready but not
// played is awarded to winner by walkover, unless its duel is being played
// (ErrWrongPhase): a side that has played keeps its score. Either way the
// store logs the change.
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
	switch m.Status {
	case tournament.Done:
	case tournament.Ready:
		return c.award(m, winner)
	default:
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
	corr := &store.Correction{Bracket: old.Bracket, Round: old.Round, Slot: old.Slot, By: c.host, Reason: reasonCorrect,
		At: now, OldWinner: old.Winner, NewWinner: winner, Old: old.Result, New: old.Result}
	if c.phase == netcode.TourFinished && !c.t.Finished() {
		c.phase = netcode.TourRunning
		c.updateRecord()
	}
	c.advance(now, corr, undone)
	return netcode.ErrNone
}

// award decides ready match m for entrant winner by walkover (c.mu held).
func (c *cup) award(m tournament.Match, winner int64) netcode.ErrorCode {
	w := c.index(winner)
	if w < 0 || !slices.Contains(m.Players[:], w) {
		return netcode.ErrBadSettings
	}
	if d := c.duels[m.ID]; d != nil && (d.room != "" || d.playing[0] != "" || d.playing[1] != "") {
		return netcode.ErrWrongPhase // being played: let it finish
	}
	now := c.svc.cfg.Clock()
	old := c.stored(m)
	if err := c.t.Record(m.ID, tournament.Result{Winner: w, Walkover: true, At: now}); err != nil {
		return netcode.ErrWrongPhase
	}
	delete(c.duels, m.ID)
	corr := &store.Correction{Bracket: old.Bracket, Round: old.Round, Slot: old.Slot, By: c.host, Reason: reasonAward,
		At: now, NewWinner: winner, Old: old.Result, New: old.Result}
	c.advance(now, corr, nil)
	return netcode.ErrNone
}
