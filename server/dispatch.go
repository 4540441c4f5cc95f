package server

import (
	"reflect"
	"time"

	"github.com/osarena/osarena/netcode"
	"github.com/osarena/osarena/server/room"
	"github.com/osarena/osarena/server/study"
)

// joinWait bounds how long a connection waits for a room to answer a join.
const joinWait = 5 * time.Second

// dispatch handles one decoded client frame on the reader goroutine. It
// returns a close code when the client broke the protocol, else 0.
func (c *conn) dispatch(t netcode.Type, msg any) netcode.CloseCode {
	s := c.s
	switch t {
	case netcode.TypePing:
		p := msg.(*netcode.Ping)
		_ = s.layer.Send(c.inbox.Name(), netcode.TypePong, netcode.Pong{ClientMs: p.ClientMs, ServerMs: time.Now().UnixMilli()})
	case netcode.TypeCreateRoom:
		c.create(msg.(*netcode.CreateRoom))
	case netcode.TypeJoinRoom:
		c.join(msg.(*netcode.JoinRoom))
	case netcode.TypeLeaveRoom:
		if r := s.roomOf(c.session); r != nil {
			_ = r.Submit(room.Leave{Session: c.session.token})
			s.setRoom(c.session, nil)
		}
	case netcode.TypeCreateStudy:
		c.createStudy(msg.(*netcode.CreateStudy))
	case netcode.TypeJoinStudy:
		c.joinStudy(msg.(*netcode.JoinStudy))
	case netcode.TypeUpdateSettings, netcode.TypeKick, netcode.TypeLock,
		netcode.TypeStartMatch, netcode.TypeNext, netcode.TypeAnswer,
		netcode.TypePropose, netcode.TypePredict, netcode.TypeStep, netcode.TypeBack, netcode.TypeForward:
		r := s.roomOf(c.session)
		if r == nil {
			c.refuse(netcode.ErrNotInRoom, t)
			return 0
		}
		cmd := room.Command{Session: c.session.token, Type: t, Msg: reflect.ValueOf(msg).Elem().Interface()}
		if err := r.Submit(cmd); err != nil {
			c.refuse(netcode.ErrWrongPhase, t) // the room is ending or swamped: try again
		}
	case netcode.TypeCreateTournament, netcode.TypeJoinTournament, netcode.TypeWatchTournament,
		netcode.TypeStartTournament, netcode.TypeCorrectResult, netcode.TypeReadyDuel:
		c.tournament(t, msg)
	case netcode.TypeGetStats:
		c.getStats(msg.(*netcode.GetStats))
	default: // Hello again, or a server-to-client type
		return netcode.CloseBadMessage
	}
	return 0
}

func (c *conn) refuse(code netcode.ErrorCode, about netcode.Type) {
	c.s.metrics.refused.Add(1)
	_ = c.s.layer.Send(c.inbox.Name(), netcode.TypeError, netcode.Error{Code: code, About: about})
}

// mayJoin checks the preconditions shared by CreateRoom and JoinRoom.
func (c *conn) mayJoin(t netcode.Type) bool {
	switch {
	case c.s.roomOf(c.session) != nil:
		c.refuse(netcode.ErrAlreadyInRoom, t)
	case !c.s.joins.allow(c.addr, time.Now()):
		c.refuse(netcode.ErrTooManyJoins, t)
	default:
		return true
	}
	return false
}

func (c *conn) create(m *netcode.CreateRoom) {
	t := netcode.TypeCreateRoom
	if !c.mayJoin(t) {
		return
	}
	settings := m.Settings
	if settings.Difficulty == 0 && settings.Rounds == 0 && settings.Seconds == 0 {
		settings = room.DefaultSettings()
	}
	if _, err := room.NormalizeNickname(m.Nickname); err != nil {
		c.refuse(netcode.ErrBadNickname, t)
		return
	}
	if !room.ValidSettings(settings) {
		c.refuse(netcode.ErrBadSettings, t)
		return
	}
	r, err := c.s.rooms.Create(c.session.token, settings)
	if err != nil {
		c.refuse(netcode.ErrRoomFull, t)
		return
	}
	c.enter(r, m.Nickname, t)
}

func (c *conn) join(m *netcode.JoinRoom) {
	t := netcode.TypeJoinRoom
	if !c.mayJoin(t) {
		return
	}
	r := c.s.rooms.Get(m.Code)
	if r == nil || r.IsStudy() {
		c.refuse(netcode.ErrUnknownRoom, t)
		return
	}
	c.enter(r, m.Nickname, t)
}

// createStudy makes a study room (netcode/messages_study.go) and seats its host.
func (c *conn) createStudy(m *netcode.CreateStudy) {
	t := netcode.TypeCreateStudy
	if !c.mayJoin(t) {
		return
	}
	if _, err := room.NormalizeNickname(m.Nickname); err != nil {
		c.refuse(netcode.ErrBadNickname, t)
		return
	}
	if !study.ValidSetup(m.Setup) {
		c.refuse(netcode.ErrBadSettings, t)
		return
	}
	r, err := c.s.rooms.CreateStudy(c.session.token, m.Setup)
	if err != nil {
		c.refuse(netcode.ErrRoomFull, t)
		return
	}
	c.enter(r, m.Nickname, t)
}

// joinStudy joins a study room by its code (a quiz room's code is unknown here).
func (c *conn) joinStudy(m *netcode.JoinStudy) {
	t := netcode.TypeJoinStudy
	if !c.mayJoin(t) {
		return
	}
	r := c.s.rooms.Get(m.Code)
	if r == nil || !r.IsStudy() {
		c.refuse(netcode.ErrUnknownRoom, t)
		return
	}
	c.enter(r, m.Nickname, t)
}

// enter asks r for a seat and waits for the answer; the room itself sends
// RoomJoined and RoomState, or the Error.
func (c *conn) enter(r *room.Room, nickname string, t netcode.Type) {
	rep, ok := c.ask(r, room.Join{Session: c.session.token, Channel: c.inbox.Name(), Nickname: nickname, Addr: c.addr,
		Player: c.s.seePlayer(c.session, nickname)})
	switch {
	case !ok:
		c.refuse(netcode.ErrUnknownRoom, t)
	case rep.Err == netcode.ErrNone:
		c.s.setRoom(c.session, r)
	default:
		c.s.metrics.refused.Add(1)
	}
}

// ask submits a Join or Resume and waits for the room's reply.
func (c *conn) ask(r *room.Room, in room.Input) (room.Reply, bool) {
	reply := make(chan room.Reply, 1)
	switch v := in.(type) {
	case room.Join:
		v.Reply = reply
		in = v
	case room.Resume:
		v.Reply = reply
		in = v
	}
	if r.Submit(in) != nil {
		return room.Reply{}, false
	}
	select {
	case rep := <-reply:
		return rep, true
	case <-r.Done():
	case <-time.After(joinWait):
	}
	return room.Reply{}, false
}

func roomResume(c *conn) room.Input {
	return room.Resume{Session: c.session.token, Channel: c.inbox.Name()}
}

func roomDrop(c *conn) room.Input {
	return room.Drop{Session: c.session.token, Channel: c.inbox.Name()}
}
