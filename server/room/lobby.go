package room

import (
	"slices"
	"strings"
	"time"

	"github.com/osarena/osarena/netcode"
)

// join seats a new player (or, for a session already seated, resumes it).
func (r *Room) join(now time.Time, in Join) Reply {
	if p := r.bySessionPlayer(in.Session); p != nil {
		return r.resume(now, Resume{Session: in.Session, Channel: in.Channel})
	}
	about := netcode.TypeJoinRoom
	if r.study != nil {
		about = netcode.TypeJoinStudy
	}
	refuse := func(code netcode.ErrorCode) Reply {
		r.sendError(in.Channel, code, about)
		return Reply{Err: code}
	}
	nick, err := NormalizeNickname(in.Nickname)
	switch {
	case r.duel != nil && !in.Seat: // a duel's seats are the tournament's to give
		return refuse(netcode.ErrWrongPhase)
	case r.kicked[in.Session]:
		return refuse(netcode.ErrRoomLocked)
	case r.locked && in.Session != r.hostSession:
		return refuse(netcode.ErrRoomLocked)
	case len(r.players) >= r.cfg.MaxPlayers:
		return refuse(netcode.ErrRoomFull)
	case err != nil:
		return refuse(netcode.ErrBadNickname)
	}
	for _, id := range r.order {
		if strings.EqualFold(r.players[id].nickname, nick) {
			return refuse(netcode.ErrNicknameTaken)
		}
	}
	if err := r.out.GroupAdd(r.group, in.Channel); err != nil {
		return Reply{Err: netcode.ErrNotInRoom} // the connection is gone
	}
	r.nextID++
	p := &player{id: r.nextID, session: in.Session, channel: in.Channel, nickname: nick, connected: true, playerID: in.Player}
	p.resetMatch()
	r.players[p.id] = p
	r.order = append(r.order, p.id)
	r.bySession[in.Session] = p.id
	r.seatsChanged()
	joined := netcode.RoomJoined{Code: r.code, PlayerID: p.id}
	if r.host == 0 {
		r.host, r.hostSession = p.id, in.Session
		r.saveRoom() // with the host's player
	}
	if p.id == r.host && r.duel == nil { // nobody hosts a duel
		joined.HostToken = r.hostToken
	}
	_ = r.out.Send(in.Channel, netcode.TypeRoomJoined, joined)
	r.broadcastState()
	r.catchUp(p)
	r.duelJoined(now)
	return Reply{PlayerID: p.id}
}

// resume moves a seated session to a new channel.
func (r *Room) resume(now time.Time, in Resume) Reply {
	p := r.bySessionPlayer(in.Session)
	if p == nil {
		return Reply{Err: netcode.ErrNotInRoom}
	}
	if err := r.out.GroupAdd(r.group, in.Channel); err != nil {
		return Reply{Err: netcode.ErrNotInRoom}
	}
	if p.channel != in.Channel {
		if p.connected {
			r.out.Close(p.channel, netcode.CloseTakenOver)
		}
		_ = r.out.GroupDiscard(r.group, p.channel)
	}
	p.channel, p.connected, p.droppedAt = in.Channel, true, time.Time{}
	joined := netcode.RoomJoined{Code: r.code, PlayerID: p.id}
	if p.id == r.host && r.duel == nil { // nobody hosts a duel
		joined.HostToken = r.hostToken
	}
	_ = r.out.Send(p.channel, netcode.TypeRoomJoined, joined)
	r.broadcastState()
	r.catchUp(p)
	return Reply{PlayerID: p.id}
}

// catchUp sends a player who (re)joins mid-match what is on screen: the
// open round with its deadline, the last reveal, or the podium.
func (r *Room) catchUp(p *player) {
	m := r.match
	if m == nil {
		return
	}
	switch r.phase {
	case netcode.PhaseRound:
		_ = r.out.Send(p.channel, netcode.TypeRoundStart, m.start)
		if _, ok := m.answers[p.id]; ok {
			_ = r.out.Send(p.channel, netcode.TypeAnswerAck, netcode.AnswerAck{Round: uint8(m.round), Accepted: true})
		}
	case netcode.PhaseReveal:
		// The question first, so a player who comes back during the
		// reveal can see the picture the answer and explanation are about.
		if m.start.Round == m.lastReveal.Round {
			_ = r.out.Send(p.channel, netcode.TypeRoundStart, m.start)
		}
		_ = r.out.Send(p.channel, netcode.TypeReveal, m.lastReveal)
	case netcode.PhasePodium:
		_ = r.out.Send(p.channel, netcode.TypePodium, m.podium)
	}
}

// drop holds a disconnected player's seat.
func (r *Room) drop(now time.Time, in Drop) {
	p := r.bySessionPlayer(in.Session)
	if p == nil || !p.connected || (in.Channel != "" && in.Channel != p.channel) {
		return
	}
	_ = r.out.GroupDiscard(r.group, p.channel)
	p.connected, p.droppedAt = false, now
	r.broadcastState()
	r.maybeCloseRound(now)
}

// remove takes a player's seat away. A kicked player's connection is closed
// with CloseKicked; the host's role passes to the lowest connected ID.
func (r *Room) remove(now time.Time, p *player, code netcode.CloseCode) {
	_ = r.out.GroupDiscard(r.group, p.channel)
	if code != 0 && p.connected {
		r.out.Close(p.channel, code)
	}
	delete(r.players, p.id)
	delete(r.bySession, p.session)
	r.order = slices.DeleteFunc(r.order, func(id uint32) bool { return id == p.id })
	r.seatsChanged()
	if m := r.match; m != nil {
		delete(m.answers, p.id)
	}
	if r.study != nil {
		r.study.Forget(p.id)
	}
	if r.host == p.id {
		r.host = 0
		for _, id := range r.order {
			if r.players[id].connected {
				r.host = id
				break
			}
		}
		if r.host == 0 && len(r.order) > 0 {
			r.host = r.order[0]
		}
		if r.host != 0 {
			r.hostSession = r.players[r.host].session
			r.saveRoom() // with the new host's player
		}
	}
	if len(r.players) > 0 {
		r.broadcastState()
		r.maybeCloseRound(now)
	}
}

// command handles a seated player's request.
func (r *Room) command(now time.Time, in Command) {
	p := r.bySessionPlayer(in.Session)
	if p == nil {
		return // the server answers ErrNotInRoom before it gets here
	}
	switch isStudy := r.study != nil; {
	case isStudy && IsStudyType(in.Type):
		r.studyCommand(now, p, in)
		return
	case isStudy != IsStudyType(in.Type) && in.Type != netcode.TypeKick && in.Type != netcode.TypeLock:
		r.sendError(p.channel, netcode.ErrWrongPhase, in.Type) // a quiz request in a study room, or the reverse
		return
	}
	if in.Type == netcode.TypeAnswer {
		a, _ := in.Msg.(netcode.Answer)
		r.answer(now, p, a, in.Msg != nil)
		return
	}
	if p.id != r.host || r.duel != nil {
		r.sendError(p.channel, netcode.ErrNotHost, in.Type)
		return
	}
	switch msg := in.Msg.(type) {
	case netcode.UpdateSettings:
		switch {
		case r.phase != netcode.PhaseLobby && r.phase != netcode.PhasePodium:
			r.sendError(p.channel, netcode.ErrWrongPhase, in.Type)
		case !ValidSettings(msg.Settings):
			r.sendError(p.channel, netcode.ErrBadSettings, in.Type)
		default:
			r.settings = msg.Settings
			r.broadcastState()
			r.saveRoom()
			r.seatsChanged() // the lobby's snapshot carries the settings too
		}
	case netcode.Kick:
		victim := r.players[msg.PlayerID]
		if victim == nil || victim.id == p.id {
			r.sendError(p.channel, netcode.ErrNotInRoom, in.Type)
			return
		}
		r.kicked[victim.session] = true
		r.remove(now, victim, netcode.CloseKicked)
	case netcode.Lock:
		r.locked = msg.Locked
		r.broadcastState()
		r.saveRoom()
	case netcode.StartMatch:
		if r.phase != netcode.PhaseLobby && r.phase != netcode.PhasePodium {
			r.sendError(p.channel, netcode.ErrWrongPhase, in.Type)
			return
		}
		r.startMatch(now)
	case netcode.Next:
		r.next(now, p)
	default:
		r.sendError(p.channel, netcode.ErrWrongPhase, in.Type)
	}
}
