package game

import (
	"strings"
	"time"

	"github.com/osarena/osarena/netcode"
	"github.com/osarena/osarena/sim/quiz"
)

// liveSessionKey is the session-storage key of the live session: the
// resume token and the room code, so a reloaded tab takes its seat back.
const liveSessionKey = "osarena.live"

// savedLive reads the live session this tab had, if any.
func savedLive() (token, code string) {
	token, code, _ = strings.Cut(sessionGet(liveSessionKey), " ")
	return token, code
}

// saveLive remembers the live session ("" forgets it).
func saveLive(token, code string) {
	if token == "" {
		sessionSet(liveSessionKey, "")
		return
	}
	sessionSet(liveSessionKey, token+" "+code)
}

// liveModel is the room as this client knows it, built only from server
// messages (apply); the live scene draws from it. It holds no images.
type liveModel struct {
	me       uint32 // this player's ID, 0 before RoomJoined
	code     string
	room     netcode.RoomState
	phase    netcode.Phase // from the latest message that says (0: not in a room)
	start    *netcode.RoundStart
	spec     questionSpec
	q        *question // the question on screen, nil when it cannot be drawn
	answered netcode.Answered
	mine     []int64 // what this player answered this round
	ack      *netcode.AnswerAck
	reveal   *netcode.Reveal
	shownAt  time.Time // when the reveal arrived (the step plays from then)
	podium   *netcode.Podium
	notice   netcode.ErrorCode // the last refusal, shown for a while
	noticeAt time.Time
}

// apply updates the model with one server message.
func (m *liveModel) apply(msg netcode.Message, now time.Time) {
	switch v := msg.Msg.(type) {
	case *netcode.RoomJoined:
		m.me, m.code = v.PlayerID, v.Code
		if m.phase == 0 {
			m.phase = netcode.PhaseLobby
		}
	case *netcode.RoomState:
		m.room, m.code = *v, v.Code
		m.phase = v.Phase
		if v.Phase == netcode.PhaseLobby {
			m.start, m.q, m.reveal, m.podium = nil, nil, nil, nil
		}
	case *netcode.RoundStart:
		m.openRound(v)
	case *netcode.AnswerAck:
		if m.start != nil && v.Round == m.start.Round {
			m.ack = v
			if !v.Accepted {
				m.notice, m.noticeAt = v.Reason, now
			}
		}
	case *netcode.Answered:
		if m.start != nil && v.Round == m.start.Round {
			m.answered = *v
		}
	case *netcode.Reveal:
		m.phase, m.reveal, m.shownAt = netcode.PhaseReveal, v, now
		if m.q != nil && (m.start == nil || m.start.Round == v.Round) {
			m.q.reveal(v.Answer, m.myResult().Values)
		}
		m.updateScores(v)
	case *netcode.Podium:
		m.phase, m.podium = netcode.PhasePodium, v
	case *netcode.Error:
		m.notice, m.noticeAt = v.Code, now
	}
}

// openRound shows a new question (or the same one again after a resume).
func (m *liveModel) openRound(v *netcode.RoundStart) {
	same := m.start != nil && m.start.Round == v.Round && m.start.StartMs == v.StartMs
	m.phase, m.start = netcode.PhaseRound, v
	if same && m.q != nil {
		return
	}
	m.reveal, m.podium, m.ack, m.mine = nil, nil, nil, nil
	m.answered = netcode.Answered{Round: v.Round, Of: uint16(m.connected())}
	q := &v.Question
	m.spec = questionSpec{Family: quiz.Family(q.Family), Scenario: q.Scenario, Step: int(q.Step), Prompt: q.Prompt,
		Kind: quiz.AnswerKind(q.Kind), Slots: int(q.Slots), Rules: q.Rules}
	for _, c := range q.Choices {
		m.spec.Choices = append(m.spec.Choices, quiz.Choice{Value: c.Value, Label: c.Label})
	}
	m.q = liveQuestion(m.spec)
}

// updateScores copies a reveal's scores and streaks into the player list.
func (m *liveModel) updateScores(v *netcode.Reveal) {
	for _, r := range v.Results {
		for i := range m.room.Players {
			if p := &m.room.Players[i]; p.ID == r.PlayerID {
				p.Score, p.Streak = r.Score, r.Streak
			}
		}
	}
}

// myResult is this player's result in the reveal (zero if none).
func (m *liveModel) myResult() netcode.Result {
	if m.reveal != nil {
		for _, r := range m.reveal.Results {
			if r.PlayerID == m.me {
				return r
			}
		}
	}
	return netcode.Result{}
}

// player returns the player with id, or nil.
func (m *liveModel) player(id uint32) *netcode.Player {
	for i := range m.room.Players {
		if m.room.Players[i].ID == id {
			return &m.room.Players[i]
		}
	}
	return nil
}

// nickname is id's nickname, or "?" for a player who has left.
func (m *liveModel) nickname(id uint32) string {
	if p := m.player(id); p != nil {
		return p.Nickname
	}
	if m.podium != nil {
		for _, s := range m.podium.Summaries {
			if s.PlayerID == id {
				return s.Nickname
			}
		}
	}
	return "?"
}

// isHost reports whether this player is the room's host.
func (m *liveModel) isHost() bool {
	p := m.player(m.me)
	return p != nil && p.Host
}

// connected counts the players online.
func (m *liveModel) connected() int {
	n := 0
	for _, p := range m.room.Players {
		if p.Connected {
			n++
		}
	}
	return n
}

// remaining is the time left in the round on the server's clock; untimed
// rounds report false.
func (m *liveModel) remaining(serverMs int64) (time.Duration, bool) {
	if m.start == nil || m.start.DeadlineMs == 0 {
		return 0, false
	}
	return max(0, time.Duration(m.start.DeadlineMs-serverMs)*time.Millisecond), true
}

// liveQuestion builds the question component for a spec; a family with no
// picture yet still gets its prompt and controls (nil only if even that fails).
func liveQuestion(spec questionSpec) *question {
	if q, err := newQuestion(spec); err == nil {
		return q
	}
	n := 1
	if spec.Kind == quiz.KindSlots {
		n = max(1, spec.Slots)
	}
	return &question{spec: spec, pic: noPicture{}, typed: make([]string, n), kf: newFocus()}
}

// noPicture stands in for a scenario kind the client cannot draw yet.
type noPicture struct{}

func (noPicture) layout(_ *Text, _, y, _, _ float64, _ bool) float64 { return y }
func (noPicture) picks() []pick                                      { return nil }
func (noPicture) draw(*canvas, *picState)                            {}
