package netcode_test

import (
	"time"

	"github.com/osarena/osarena/netcode"
	"github.com/osarena/osarena/sim/quiz"
)

// room is a fake room: a lobby, then rounds of generated questions that
// the host advances with Next, then a podium. Its lock is held while it
// sends, which is fine for a test server.
type room struct {
	s        *fakeServer
	code     string
	settings netcode.Settings
	seats    []*seat
	phase    netcode.Phase
	round    int
	q        *quiz.Question
	start    netcode.RoundStart
	answers  map[uint32][]int64
	elapsed  map[uint32]int64
	timer    *time.Timer
}

type seat struct {
	id      uint32
	nick    string
	host    bool
	c       *conn
	session string
	score   int32
	streak  int
	correct uint16
}

const codeLetters = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"

func (s *fakeServer) createRoom(c *conn, m *netcode.CreateRoom) {
	s.mu.Lock()
	n := len(s.rooms) + 1
	code := make([]byte, 6)
	for i := 5; i >= 0; i-- {
		code[i] = codeLetters[n%len(codeLetters)]
		n /= len(codeLetters)
	}
	r := &room{s: s, code: string(code), settings: m.Settings, phase: netcode.PhaseLobby}
	if r.settings.Rounds == 0 {
		r.settings.Rounds = 3
	}
	if r.settings.Seconds == 0 {
		r.settings.Seconds = 10
	}
	s.rooms[r.code] = r
	s.mu.Unlock()
	s.lockRooms()
	defer s.unlockRooms()
	r.add(c, m.Nickname, true)
}

func (s *fakeServer) joinRoom(c *conn, m *netcode.JoinRoom) {
	s.mu.Lock()
	r := s.rooms[m.Code]
	s.mu.Unlock()
	if r == nil {
		c.send(netcode.TypeError, &netcode.Error{Code: netcode.ErrUnknownRoom, About: netcode.TypeJoinRoom})
		return
	}
	s.lockRooms()
	defer s.unlockRooms()
	if r.phase != netcode.PhaseLobby {
		c.send(netcode.TypeError, &netcode.Error{Code: netcode.ErrWrongPhase, About: netcode.TypeJoinRoom})
		return
	}
	r.add(c, m.Nickname, false)
}

// One lock for every room keeps the fake simple.
func (s *fakeServer) lockRooms()   { s.roomsMu.Lock() }
func (s *fakeServer) unlockRooms() { s.roomsMu.Unlock() }

func (r *room) add(c *conn, nick string, host bool) {
	st := &seat{id: uint32(len(r.seats) + 1), nick: nick, host: host, c: c, session: c.session}
	r.seats = append(r.seats, st)
	c.room, c.player = r, st.id
	token := ""
	if host {
		token = "host-" + r.code
	}
	c.send(netcode.TypeRoomJoined, &netcode.RoomJoined{Code: r.code, PlayerID: st.id, HostToken: token})
	r.broadcast(netcode.TypeRoomState, r.state())
}

func (r *room) state() *netcode.RoomState {
	st := &netcode.RoomState{Code: r.code, Phase: r.phase, Settings: r.settings, Round: uint8(r.round)}
	for _, p := range r.seats {
		st.Players = append(st.Players, netcode.Player{ID: p.id, Nickname: p.nick, Host: p.host, Connected: p.c != nil, Score: p.score, Streak: uint16(p.streak)})
	}
	return st
}

func (r *room) broadcast(t netcode.Type, msg any) {
	for _, p := range r.seats {
		if p.c != nil {
			p.c.send(t, msg)
		}
	}
}

func (r *room) seatOf(c *conn) *seat {
	for _, p := range r.seats {
		if p.id == c.player {
			return p
		}
	}
	return nil
}

// resume seats a reconnected session again and brings it up to date.
func (s *fakeServer) resume(c *conn) {
	s.lockRooms()
	defer s.unlockRooms()
	s.mu.Lock()
	rooms := make([]*room, 0, len(s.rooms))
	for _, r := range s.rooms {
		rooms = append(rooms, r)
	}
	s.mu.Unlock()
	for _, r := range rooms {
		for _, p := range r.seats {
			if p.session == c.session {
				p.c, c.room, c.player = c, r, p.id
				c.send(netcode.TypeRoomState, r.state())
				if r.phase == netcode.PhaseRound {
					c.send(netcode.TypeRoundStart, &r.start)
				}
				return
			}
		}
	}
}

func (r *room) disconnected(c *conn) {
	r.s.lockRooms()
	defer r.s.unlockRooms()
	if p := r.seatOf(c); p != nil && p.c == c {
		p.c = nil
	}
}

func (r *room) input(c *conn, t netcode.Type, msg any) {
	r.s.lockRooms()
	defer r.s.unlockRooms()
	p := r.seatOf(c)
	refuse := func(code netcode.ErrorCode) { c.send(netcode.TypeError, &netcode.Error{Code: code, About: t}) }
	switch m := msg.(type) {
	case *netcode.StartMatch:
		switch {
		case !p.host:
			refuse(netcode.ErrNotHost)
		case r.phase != netcode.PhaseLobby:
			refuse(netcode.ErrWrongPhase)
		default:
			r.startRound(1)
		}
	case *netcode.Next:
		switch {
		case !p.host:
			refuse(netcode.ErrNotHost)
		case r.phase != netcode.PhaseReveal:
			refuse(netcode.ErrWrongPhase)
		case r.round >= int(r.settings.Rounds):
			r.podium()
		default:
			r.startRound(r.round + 1)
		}
	case *netcode.Answer:
		r.answer(c, p, m)
	}
}

func (r *room) startRound(n int) {
	fams := quiz.Families()
	r.s.mu.Lock()
	r.s.seed++
	seed := r.s.seed
	r.s.mu.Unlock()
	q, err := quiz.Generate(fams[int(seed)%len(fams)], seed, max(1, int(r.settings.Difficulty)))
	if err != nil {
		panic("fake server: " + err.Error())
	}
	r.round, r.q, r.phase = n, q, netcode.PhaseRound
	r.answers, r.elapsed = map[uint32][]int64{}, map[uint32]int64{}
	now := r.s.nowMs()
	r.start = netcode.RoundStart{Round: uint8(n), Rounds: r.settings.Rounds, Question: wireQuestion(q), StartMs: now, DeadlineMs: now + int64(r.settings.Seconds)*1000}
	r.broadcast(netcode.TypeRoundStart, &r.start)
	r.timer = time.AfterFunc(time.Duration(r.settings.Seconds)*time.Second, func() {
		r.s.lockRooms()
		defer r.s.unlockRooms()
		if r.phase == netcode.PhaseRound && r.round == n {
			r.reveal()
		}
	})
}

// wireQuestion is what players see of q.
func wireQuestion(q *quiz.Question) netcode.Question {
	w := netcode.Question{Family: string(q.Family), Difficulty: uint8(q.Difficulty), Scenario: q.Scenario, Step: uint16(q.Step),
		Prompt: q.Prompt, Kind: string(q.Answer.Kind), Slots: uint8(len(q.Answer.Values)), Unit: q.Answer.Unit, Rules: q.Rules}
	for _, ch := range q.Choices {
		w.Choices = append(w.Choices, netcode.Choice{Value: ch.Value, Label: ch.Label})
	}
	return w
}

func (r *room) answer(c *conn, p *seat, m *netcode.Answer) {
	ack := &netcode.AnswerAck{Round: m.Round}
	switch {
	case r.phase != netcode.PhaseRound || int(m.Round) != r.round:
		ack.Reason = netcode.ErrWrongPhase
	case r.answers[p.id] != nil:
		ack.Reason = netcode.ErrDuplicate
	case len(m.Values) == 0:
		ack.Reason = netcode.ErrMalformedAnswer
	default:
		ack.Accepted = true
		r.answers[p.id] = m.Values
		r.elapsed[p.id] = r.s.nowMs() - r.start.StartMs
	}
	c.send(netcode.TypeAnswerAck, ack)
	if !ack.Accepted {
		return
	}
	r.broadcast(netcode.TypeAnswered, &netcode.Answered{Round: uint8(r.round), Count: uint16(len(r.answers)), Of: uint16(len(r.seats))})
	if len(r.answers) == len(r.seats) {
		r.reveal()
	}
}

func (r *room) reveal() {
	r.timer.Stop()
	r.phase = netcode.PhaseReveal
	rv := &netcode.Reveal{Round: uint8(r.round), Answer: r.q.Answer.Values, Explanation: r.q.Explanation}
	for _, p := range r.seats {
		res := netcode.Result{PlayerID: p.id}
		if v, ok := r.answers[p.id]; ok {
			g := r.q.Grade(v)
			pts, streak := quiz.Points(g, r.elapsed[p.id], int64(r.settings.Seconds)*1000, r.settings.Timed, p.streak)
			p.score += int32(pts)
			p.streak = streak
			if g.Correct() {
				p.correct++
			}
			res = netcode.Result{PlayerID: p.id, Answered: true, Values: v, Credit: uint16(g.Credit), Points: int32(pts), ElapsedMs: int32(r.elapsed[p.id]), Why: g.Why}
		} else {
			p.streak = 0
		}
		res.Score, res.Streak = p.score, uint16(p.streak)
		rv.Results = append(rv.Results, res)
	}
	r.broadcast(netcode.TypeReveal, rv)
}

func (r *room) podium() {
	r.phase = netcode.PhasePodium
	pd := &netcode.Podium{}
	for i, p := range r.seats {
		pd.Summaries = append(pd.Summaries, netcode.Summary{PlayerID: p.id, Nickname: p.nick, Rank: uint16(i + 1), Score: p.score, Correct: p.correct, Answered: uint16(r.round)})
	}
	r.broadcast(netcode.TypePodium, pd)
}
