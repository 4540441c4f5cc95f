package server

import (
	"context"
	"errors"
	"time"

	"github.com/osarena/osarena/netcode"
	"github.com/osarena/osarena/server/room"
	"github.com/osarena/osarena/server/store"
	"github.com/osarena/osarena/server/tourney"
)

// maxDevice bounds Hello.Device, in bytes.
const maxDevice = 64

// storeWait bounds one store call made on a connection's goroutine.
const storeWait = 5 * time.Second

// seePlayer returns the store's player for ss's device, creating it on
// first sight and recording the nickname, or 0 without a store or when the
// store fails (the player then plays unrecorded). A session without a
// device token is a player of its own ("session:" + token). Called on the
// connection's goroutine before a Join, never by a room.
func (s *Server) seePlayer(ss *session, nickname string) int64 {
	if s.cfg.Store == nil {
		return 0
	}
	s.mu.Lock()
	device, token := ss.device, ss.token
	s.mu.Unlock()
	if device == "" {
		device = "session:" + token
	}
	if nick, err := room.NormalizeNickname(nickname); err == nil {
		nickname = nick
	}
	ctx, cancel := context.WithTimeout(s.ctx, storeWait)
	defer cancel()
	p, err := s.cfg.Store.SeePlayer(ctx, device, nickname)
	if err != nil {
		s.cfg.Log.Warn("store: see player", "err", err)
		return 0
	}
	s.mu.Lock()
	ss.player = p.ID
	s.mu.Unlock()
	return p.ID
}

// restore brings back the open rooms of the store with their snapshots
// (room.Restore: a running match, or the seats of a lobby or a podium), and
// a detached session for every seat so that its player resumes with
// Hello.Resume within the grace period. Tournament duels' rooms are left
// to restoreDuels, which needs the tournaments loaded: restore returns
// them. Called by New.
func (s *Server) restore() ([]store.Room, map[string]*store.Snapshot, error) {
	ctx, cancel := context.WithTimeout(s.ctx, 30*time.Second)
	defer cancel()
	recs, err := s.cfg.Store.OpenRooms(ctx)
	if err != nil {
		return nil, nil, err
	}
	snaps, err := s.cfg.Store.Snapshots(ctx)
	if err != nil {
		return nil, nil, err
	}
	byRoom := map[string]*store.Snapshot{}
	for i := range snaps {
		byRoom[snaps[i].Room] = &snaps[i]
	}
	cfg := s.rooms.Config()
	var errs []error
	var duels []store.Room
	for _, rec := range recs {
		if rec.Mode == "duel" {
			duels = append(duels, rec)
			continue
		}
		r, err := room.Restore(rec, byRoom[rec.Code], s.layer, cfg)
		if err == nil {
			err = s.rooms.Restore(r)
		}
		if err != nil {
			errs = append(errs, err)
			continue
		}
		s.cfg.Log.Info("room resumed", "room", rec.Code, "seats", s.detachSeats(r, byRoom[rec.Code]))
	}
	if len(errs) > 0 {
		s.cfg.Log.Warn("rooms not resumed", "err", errors.Join(errs...))
	}
	return duels, byRoom, nil
}

// detachSeats makes a detached session in r for every seat of snap whose
// session the server does not know, and returns how many it made.
func (s *Server) detachSeats(r *room.Room, snap *store.Snapshot) int {
	if snap == nil {
		return 0
	}
	now := time.Now()
	seats := 0
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, st := range snap.Seats {
		if st.Session != "" && s.sessions[st.Session] == nil {
			s.sessions[st.Session] = &session{token: st.Session, room: r, detached: now, player: st.Player}
			seats++
		}
	}
	return seats
}

// restoreDuels brings back the tournament duels that were being played
// when the server stopped (after the tournaments are loaded). A duel whose
// snapshot holds its running match comes back with its seats
// (room.RestoreDuel: it waits for both players, keeps the rounds already
// revealed and plays the interrupted round again) and is tied to its
// bracket match again (tourney.ResumeDuel), so its result is recorded as
// if nothing had happened. A duel that had not started its match, or
// whose bracket match is no longer open, is closed: its bracket match, if
// open, is played again when its players ask. A duel whose finished match
// reached the store was already decided from it when the tournaments
// loaded (tourney's settle), so its room is closed too.
func (s *Server) restoreDuels(recs []store.Room, byRoom map[string]*store.Snapshot) {
	ctx, cancel := context.WithTimeout(s.ctx, 30*time.Second)
	defer cancel()
	cfg := s.rooms.Config()
	var errs []error
	for _, rec := range recs {
		if err := s.restoreDuel(rec, byRoom[rec.Code], cfg); err != nil {
			s.cfg.Log.Info("duel not resumed", "room", rec.Code, "tournament", rec.Tournament, "why", err)
			if err := s.cfg.Store.CloseRoom(ctx, rec.Code, time.Now()); err != nil {
				errs = append(errs, err)
			}
		}
	}
	if len(errs) > 0 {
		s.cfg.Log.Warn("duel rooms not closed", "err", errors.Join(errs...))
	}
}

func (s *Server) restoreDuel(rec store.Room, snap *store.Snapshot, cfg room.Config) error {
	if snap == nil || (snap.Phase != int(netcode.PhaseRound) && snap.Phase != int(netcode.PhaseReveal)) {
		return errors.New("no running match")
	}
	rd := tourney.ResumedDuel{Tournament: rec.Tournament, Room: rec.Code, Seed: snap.Seed}
	for _, st := range snap.Seats {
		rd.Seats = append(rd.Seats, tourney.Who{Session: st.Session, Player: st.Player, Nickname: st.Nickname})
	}
	spec, ok := s.tours.ResumeDuel(rd)
	if !ok {
		return errors.New("no open bracket match")
	}
	finish, abort := spec.OnFinish, spec.OnAbort
	r, err := room.RestoreDuel(rec, snap, room.Duel{Tournament: spec.Tournament, Match: spec.Match, Seats: len(spec.Seats),
		Pause: s.cfg.DuelPause, OnFinish: func(o room.DuelOutcome) { go finish(o) }, OnAbort: func() { go abort() }},
		s.layer, cfg)
	if err == nil {
		err = s.rooms.Restore(r)
	}
	if err != nil {
		abort() // the bracket match is open again
		return err
	}
	s.cfg.Log.Info("duel resumed", "room", rec.Code, "tournament", rec.Tournament, "match", spec.Match,
		"seats", s.detachSeats(r, snap))
	return nil
}
