package server

import (
	"context"
	"time"

	"github.com/osarena/osarena/netcode"
	"github.com/osarena/osarena/server/room"
	"github.com/osarena/osarena/server/tourney"
)

// Tournaments (issue 8): the server hands tournament requests to the
// tourney service on the connection's reader goroutine, implements the
// service's Duels by seating players in duel rooms, and ticks the service's
// deadlines once a second from a goroutine of its own.

// newTourney builds the tournament service and reloads the store's
// unfinished tournaments, deciding the duels whose finished matches reached
// the store but whose results did not. Called by New, which then calls tickTourney
// (after the interrupted duels are tied to their matches again, so that no
// deadline walks one over first).
func (s *Server) newTourney() {
	cfg := tourney.Config{Out: s.layer, Duels: s, Log: s.cfg.Log}
	if s.cfg.Store != nil {
		cfg.Store, cfg.Stats, cfg.Matches = s.cfg.Store, s.cfg.Store, s.cfg.Store
	}
	s.tours = tourney.New(cfg)
	if s.cfg.Store != nil {
		ctx, cancel := context.WithTimeout(s.ctx, 30*time.Second)
		defer cancel()
		if err := s.tours.Load(ctx); err != nil {
			s.cfg.Log.Warn("tournaments not resumed", "err", err)
		}
	}
}

// tickTourney ticks the tournaments' deadlines once a second until the
// server shuts down.
func (s *Server) tickTourney() {
	go func() {
		t := time.NewTicker(time.Second)
		defer t.Stop()
		for {
			select {
			case <-s.ctx.Done():
				return
			case now := <-t.C:
				s.tours.Tick(now)
			}
		}
	}()
}

// who is the sender of a tournament request. The store's player is looked
// up once per session (and again when a nickname is given).
func (c *conn) who(nickname string) tourney.Who {
	s := c.s
	s.mu.Lock()
	player, device := c.session.player, c.session.device
	s.mu.Unlock()
	if player == 0 || nickname != "" {
		player = s.seePlayer(c.session, nickname)
	}
	return tourney.Who{Session: c.session.token, Channel: c.inbox.Name(), Nickname: nickname, Player: player, Device: device}
}

// tournament handles a tournament request on the reader goroutine.
func (c *conn) tournament(t netcode.Type, msg any) {
	s := c.s
	ec := netcode.ErrNone
	switch m := msg.(type) {
	case *netcode.CreateTournament:
		if !s.joins.allow(c.addr, time.Now()) {
			ec = netcode.ErrTooManyJoins
			break
		}
		_, _, ec = s.tours.Create(c.who(""), *m)
	case *netcode.JoinTournament:
		if !s.joins.allow(c.addr, time.Now()) {
			ec = netcode.ErrTooManyJoins
			break
		}
		ec = s.tours.Join(c.who(m.Nickname), m.Code)
	case *netcode.WatchTournament:
		ec = s.tours.Watch(c.inbox.Name(), m.Code)
	case *netcode.StartTournament:
		ec = s.tours.Start(m.Code, m.HostToken, m.Order)
	case *netcode.CorrectResult:
		ec = s.tours.Correct(m.Code, m.HostToken, int(m.MatchID), m.Winner)
	case *netcode.ReadyDuel:
		ec = s.tours.Ready(c.who(""), m.Code, int(m.MatchID))
	}
	if ec != netcode.ErrNone {
		c.refuse(ec, t)
	}
}

// StartDuel implements tourney.Duels: it makes a duel room and seats the
// players' sessions in it on their current connections, taking them out of
// a finished duel's room first. The room starts the match itself once all
// have joined; its outcome goes to spec.OnFinish on a goroutine of its own.
// Called with the tournament's lock held: it never waits on a room.
func (s *Server) StartDuel(spec tourney.DuelSpec) (string, netcode.ErrorCode) {
	type seat struct {
		w       tourney.Who
		ss      *session
		channel string
		old     *room.Room
	}
	seats := make([]seat, 0, len(spec.Seats))
	s.mu.Lock()
	for _, w := range spec.Seats {
		ss := s.sessions[w.Session]
		switch {
		case ss == nil || ss.conn == nil:
			s.mu.Unlock()
			return "", netcode.ErrNotInRoom
		case ss.room != nil && !ss.room.IsDuel():
			s.mu.Unlock()
			return "", netcode.ErrAlreadyInRoom
		}
		seats = append(seats, seat{w: w, ss: ss, channel: ss.conn.inbox.Name(), old: ss.room})
	}
	s.mu.Unlock()
	finish, abort := spec.OnFinish, spec.OnAbort
	r, err := s.rooms.CreateDuel(room.Duel{Tournament: spec.Tournament, Match: spec.Match, Seats: len(seats),
		Pause: s.cfg.DuelPause, OnFinish: func(o room.DuelOutcome) { go finish(o) }, OnAbort: func() { go abort() }},
		spec.Settings, spec.Seed)
	if err != nil {
		return "", netcode.ErrRoomFull
	}
	for _, st := range seats {
		if st.old != nil {
			_ = st.old.Submit(room.Leave{Session: st.w.Session})
		}
		s.setRoom(st.ss, r)
		if err := r.Submit(room.Join{Session: st.w.Session, Channel: st.channel, Nickname: st.w.Nickname,
			Player: max(st.w.Player, 0), Seat: true}); err != nil {
			s.cfg.Log.Warn("duel join not delivered", "room", r.Code(), "err", err)
		}
	}
	return r.Code(), netcode.ErrNone
}
