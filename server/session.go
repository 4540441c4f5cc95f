package server

import (
	"time"

	"github.com/osarena/osarena/server/room"
)

// session is a player's identity across reconnects: Welcome.Session is its
// token. Its fields are guarded by Server.mu.
type session struct {
	token    string
	conn     *conn      // the live connection, or nil
	room     *room.Room // the room the player sits in, or nil
	detached time.Time  // when conn became nil
	device   string     // Hello.Device, or "" (set by the handshake)
	player   int64      // the store's Player.ID, once known
}

// attach gives the session to c, returning the connection it replaces.
// With token "" or an unknown token it makes a new session (resumed false);
// stale reports a token that is no longer known.
func (s *Server) attach(c *conn, token string) (ss *session, old *conn, resumed, stale bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if token != "" {
		if ss = s.sessions[token]; ss == nil {
			return nil, nil, false, true
		}
		old, ss.conn = ss.conn, c
		return ss, old, true, false
	}
	ss = &session{token: room.NewToken(), conn: c}
	s.sessions[ss.token] = ss
	return ss, nil, false, false
}

// detach marks c's session connectionless; a session in no room is
// forgotten at once.
func (s *Server) detach(c *conn) (r *room.Room) {
	s.mu.Lock()
	defer s.mu.Unlock()
	ss := c.session
	if ss == nil || ss.conn != c {
		return nil
	}
	ss.conn, ss.detached = nil, time.Now()
	if ss.room == nil {
		delete(s.sessions, ss.token)
	}
	return ss.room
}

func (s *Server) roomOf(ss *session) *room.Room {
	s.mu.Lock()
	defer s.mu.Unlock()
	return ss.room
}

func (s *Server) setRoom(ss *session, r *room.Room) {
	s.mu.Lock()
	defer s.mu.Unlock()
	ss.room = r
}
