package tourney

import (
	"github.com/osarena/osarena/netcode"
	"github.com/osarena/osarena/server/room"
	"github.com/osarena/osarena/server/tournament"
)

// ResumedDuel is a duel room brought back after a restart: its
// tournament's code, the room's code, the seed of its questions (which
// names the bracket match: every match has its own, see cup.seed) and its
// seats (Session and Player of each).
type ResumedDuel struct {
	Tournament string
	Room       string
	Seed       uint64
	Seats      []Who
}

// ResumeDuel ties a duel room restored after a restart (call Load first)
// back to its bracket match: the ready match of rd.Tournament whose seed is
// rd.Seed and among whose players is every seat's. From then on the match
// is being played in rd.Room — a live duel's room, or an asynchronous
// side's — as if StartDuel had made it: nobody can start it a second time,
// a live duel's deadline does not walk it over while its players come
// back, and the returned spec's OnFinish and OnAbort (call them on a
// goroutine of their own) take the room's outcome or its end. ok is false
// when no such match is open (it was decided meanwhile, or is played
// elsewhere, or the tournament is gone): the caller closes the room, and
// the match, if open, is played again.
func (s *Service) ResumeDuel(rd ResumedDuel) (spec DuelSpec, ok bool) {
	c := s.get(rd.Tournament)
	if c == nil || len(rd.Seats) == 0 || len(rd.Seats) > 2 {
		return DuelSpec{}, false
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.phase != netcode.TourRunning {
		return DuelSpec{}, false
	}
	for _, m := range c.t.Matches {
		d := c.duels[m.ID]
		if c.seed(m.ID) != rd.Seed || m.Status != tournament.Ready || d == nil {
			continue
		}
		var sides []int
		for _, w := range rd.Seats {
			me := c.index(w.Player)
			sd := -1
			for i, p := range m.Players {
				if p == me && me >= 0 {
					sd = i
				}
			}
			if sd < 0 || len(sides) > 0 && sides[0] == sd {
				return DuelSpec{}, false
			}
			sides = append(sides, sd)
		}
		if c.opts.Async {
			sd := sides[0]
			if len(sides) != 1 || d.played[sd] != nil || d.playing[sd] != "" {
				return DuelSpec{}, false
			}
			d.playing[sd], d.sessions[sd] = rd.Room, rd.Seats[0].Session
		} else {
			if d.room != "" {
				return DuelSpec{}, false
			}
			d.room, d.ready, d.sessions = rd.Room, [2]bool{true, true}, [2]string{}
			for i, sd := range sides {
				d.sessions[sd] = rd.Seats[i].Session
			}
		}
		for i, sd := range sides {
			if e := c.seeded[m.Players[sd]]; e.session == "" {
				e.session = rd.Seats[i].Session
			}
		}
		id, rc := m.ID, rd.Room
		spec = DuelSpec{Tournament: c.code, Match: id, Seats: rd.Seats, Settings: c.opts.Duel, Seed: rd.Seed,
			OnFinish: func(o room.DuelOutcome) { s.finished(c, id, o) },
			OnAbort:  func() { s.aborted(c, id, &rc) }}
		c.broadcast()
		return spec, true
	}
	return DuelSpec{}, false
}
