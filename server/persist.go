package server

import (
	"context"
	"errors"
	"time"

	"github.com/osarena/osarena/server/room"
	"github.com/osarena/osarena/server/store"
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
// Hello.Resume within the grace period. Called by New.
func (s *Server) restore() error {
	ctx, cancel := context.WithTimeout(s.ctx, 30*time.Second)
	defer cancel()
	recs, err := s.cfg.Store.OpenRooms(ctx)
	if err != nil {
		return err
	}
	snaps, err := s.cfg.Store.Snapshots(ctx)
	if err != nil {
		return err
	}
	byRoom := map[string]*store.Snapshot{}
	for i := range snaps {
		byRoom[snaps[i].Room] = &snaps[i]
	}
	cfg := s.rooms.Config()
	now := time.Now()
	var errs []error
	for _, rec := range recs {
		if rec.Mode == "duel" {
			// An interrupted tournament duel is not resumed: its bracket
			// match is still open and its players ask to play it again.
			if err := s.cfg.Store.CloseRoom(ctx, rec.Code, now); err != nil {
				errs = append(errs, err)
			}
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
		seats := 0
		if snap := byRoom[rec.Code]; snap != nil {
			s.mu.Lock()
			for _, st := range snap.Seats {
				if st.Session != "" && s.sessions[st.Session] == nil {
					s.sessions[st.Session] = &session{token: st.Session, room: r, detached: now, player: st.Player}
					seats++
				}
			}
			s.mu.Unlock()
		}
		s.cfg.Log.Info("room resumed", "room", rec.Code, "seats", seats)
	}
	if len(errs) > 0 {
		s.cfg.Log.Warn("rooms not resumed", "err", errors.Join(errs...))
	}
	return nil
}
