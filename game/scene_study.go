package game

import (
	"encoding/json"
	"strconv"
	"strings"
	"time"

	"github.com/osarena/osarena/netcode"
	"github.com/osarena/osarena/sim/quiz"
)

// studySessionKey is the session-storage key of this tab's study room: the
// resume token and the code, so a reload takes the seat back.
const studySessionKey = "osarena.study"

// studyPlay is how long a step's animation plays.
const studyPlay = 1400 * time.Millisecond

// savedStudy reads this tab's study session, if any.
func savedStudy() string {
	token, _, _ := strings.Cut(sessionGet(studySessionKey), " ")
	return token
}

func saveStudy(token, code string) {
	if token == "" {
		sessionSet(studySessionKey, "")
		return
	}
	sessionSet(studySessionKey, token+" "+code)
}

// studyRequest is what the study scene asks for once connected: create a
// study room, join one, or (resume set) take back this tab's seat.
type studyRequest struct {
	create *netcode.CreateStudy
	join   *netcode.JoinStudy
	resume string
}

// studyModel is the study room as this client knows it, only from server
// messages (apply).
type studyModel struct {
	me       uint32
	code     string
	st       *netcode.StudyState // nil until the first StudyState
	notice   netcode.ErrorCode
	noticeAt time.Time
	playing  int // the step index whose animation plays (from playAt), or -1
	playAt   time.Time
}

// apply updates the model with one server message.
func (m *studyModel) apply(msg netcode.Message, now time.Time) {
	switch v := msg.Msg.(type) {
	case *netcode.RoomJoined:
		m.me, m.code = v.PlayerID, v.Code
	case *netcode.StudyState:
		// One step further (played, or Forward): animate it.
		if m.st != nil && int(v.Cursor) == int(m.st.Cursor)+1 && len(v.Steps) >= len(m.st.Steps) {
			m.playing, m.playAt = int(v.Cursor)-1, now
		} else if m.st == nil || v.Cursor != m.st.Cursor {
			m.playing = -1
		}
		m.st, m.code = v, v.Code
	case *netcode.Error:
		m.notice, m.noticeAt = v.Code, now
	}
}

// member returns the member with id, or nil.
func (m *studyModel) member(id uint32) (int, *netcode.StudyMember) {
	if m.st == nil {
		return -1, nil
	}
	for i := range m.st.Members {
		if m.st.Members[i].ID == id {
			return i, &m.st.Members[i]
		}
	}
	return -1, nil
}

// studyScene is a study room: it owns the connection, keeps the model and
// draws the shared simulation with everyone's predictions (study_view.go).
type studyScene struct {
	net   *netConn
	req   studyRequest
	asked bool
	m     studyModel
	lang  quiz.Lang
	now   time.Time
	typed string // the input being typed on the keypad
	v     studyView

	status string
	lost   button
	leave  button
}

// newStudy connects and returns the scene.
func newStudy(a *app, req studyRequest) *studyScene {
	return &studyScene{req: req, m: studyModel{playing: -1}, net: dialNet(wsURL(), req.resume, a.lang(), a.now)}
}

// Name implements Scene.
func (s *studyScene) Name() string {
	switch {
	case s.net.status == netLost:
		return "study-lost"
	case s.m.st != nil && s.m.me != 0:
		return "study"
	}
	return "connecting"
}

// Update implements Scene.
func (s *studyScene) Update(a *app) {
	s.lang, s.now = a.lang(), a.now
	for _, msg := range s.net.poll(a.now) {
		if !s.handle(a, msg) {
			return
		}
	}
	s.status = s.net.statusText(s.lang)
	if s.m.notice != 0 && a.now.Sub(s.m.noticeAt) > 5*time.Second {
		s.m.notice = 0
	}
	if s.net.status == netLost {
		s.lost = button{name: "title", label: msgTitle.in(s.lang), r: Rect{a.w/2 - 110, a.h/2 + 40, 220, 50}, style: stylePrimary}
		if s.lost.update(&a.in) || a.in.enter {
			s.quit(a, false)
		}
		return
	}
	x, w := a.column(1220)
	s.leave = button{name: "leave", label: msgLeave.in(s.lang), r: Rect{x + w - 96, a.margin() - 6, 96, 36}}
	if s.m.st == nil {
		if s.leave.update(&a.in) {
			s.quit(a, true)
		}
		return
	}
	s.v.layout(a, s)
	if s.leave.update(&a.in) {
		s.quit(a, true)
		return
	}
	s.v.input(a, s)
}

// handle applies one message; it returns false when the scene has ended.
func (s *studyScene) handle(a *app, msg netcode.Message) bool {
	switch v := msg.Msg.(type) {
	case *netcode.Welcome:
		if s.req.resume != "" || s.m.me != 0 {
			if !v.Resumed {
				s.net.close()
				saveStudy("", "")
				a.goTo(newStudyStart(msgSeatGone.in(s.lang)))
				return false
			}
			break
		}
		if !s.asked {
			s.asked = true
			if s.req.create != nil {
				s.net.send(netcode.TypeCreateStudy, s.req.create)
			} else if s.req.join != nil {
				s.net.send(netcode.TypeJoinStudy, s.req.join)
			}
		}
	case *netcode.RoomJoined:
		saveStudy(s.net.session, v.Code)
	case *netcode.Error:
		if s.m.me == 0 && (v.About == netcode.TypeCreateStudy || v.About == netcode.TypeJoinStudy) {
			s.net.close()
			saveStudy("", "")
			a.goTo(newStudyStart(errorText(v.Code, s.lang)))
			return false
		}
	case *netcode.Disconnected:
		if !v.Retry {
			saveStudy("", "")
		}
	case *dialFailed:
		if !v.retry {
			saveStudy("", "")
		}
	}
	s.m.apply(msg, a.now)
	return true
}

// send sends a request to the room.
func (s *studyScene) send(t netcode.Type, msg any) { s.net.send(t, msg) }

// quit leaves the room (for good when leave is set) and returns to the title.
func (s *studyScene) quit(a *app, leave bool) {
	saveStudy("", "")
	n := s.net
	if leave && n.status == netOnline && s.m.me != 0 && n.send(netcode.TypeLeaveRoom, &netcode.LeaveRoom{}) {
		time.AfterFunc(500*time.Millisecond, n.close)
	} else {
		n.close()
	}
	a.goTo(newTitle())
}

// Draw implements Scene.
func (s *studyScene) Draw(c *canvas) {
	w := float64(c.dst.Bounds().Dx()) / c.s
	h := float64(c.dst.Bounds().Dy()) / c.s
	if s.net.status == netLost {
		y := s.lost.r.Y - 110
		c.text(msgLost.in(s.lang), w/2, y, 28, c.pal.Text, AlignCenter)
		c.text(closeText(s.net.code, s.lang), w/2, y+44, 17, c.pal.Dim, AlignCenter)
		s.lost.draw(c)
		return
	}
	if s.m.st == nil {
		c.text(msgConnecting.in(s.lang), w/2, h/2, 20, c.pal.Dim, AlignCenter)
		return
	}
	s.v.draw(c, s)
	s.leave.draw(c)
	text, col := s.status, c.pal.Victim
	if text == "" && s.m.notice != 0 {
		text, col = errorText(s.m.notice, s.lang), c.pal.Bad
	}
	if text != "" {
		c.flush()
		tw := min(w-24, c.txt.Width(text, 15)+36)
		r := Rect{(w - tw) / 2, h - 50, tw, 38}
		c.fill(r, 19, c.pal.Panel2)
		c.stroke(r, 19, 1.5, col)
		c.text(text, r.CX(), r.CY(), c.txt.Fit(text, 15, 12, r.W-24), c.pal.Text, AlignCenter)
	}
}

// Targets implements Scene.
func (s *studyScene) Targets() []Target {
	if s.net.status == netLost {
		return []Target{s.lost.target()}
	}
	if s.m.st == nil {
		return nil
	}
	return append(s.v.targets(), s.leave.target())
}

// studyHook is window.osarena.live in a study room, for browser tests.
type studyHook struct {
	Status      string        `json:"status"`
	Code        string        `json:"code"`
	Me          uint32        `json:"me"`
	Sim         string        `json:"sim"`
	Members     []hookMember  `json:"members"`
	Steps       int           `json:"steps"`
	Cursor      int           `json:"cursor"`
	Queue       []int32       `json:"queue"`
	Predictions []hookPredict `json:"predictions"` // for the next step
	Shown       *hookStep     `json:"shown"`       // the step on screen (Cursor-1), or null
	Markers     []hookMarker  `json:"markers"`     // prediction markers on the picture
	Playing     bool          `json:"playing"`     // a step's animation is playing
	Notice      int           `json:"notice"`
}

type hookMember struct {
	ID        uint32 `json:"id"`
	Nickname  string `json:"nickname"`
	Initial   string `json:"initial"`
	Connected bool   `json:"connected"`
}

type hookPredict struct {
	Member uint32 `json:"member"`
	Value  int32  `json:"value"`
}

type hookStep struct {
	Input       int32         `json:"input"`
	Answer      int32         `json:"answer"`
	Predictions []hookPredict `json:"predictions"`
	Explanation string        `json:"explanation"` // rendered in the interface language
}

type hookMarker struct {
	Initial string  `json:"initial"`
	Value   int32   `json:"value"`
	Right   int     `json:"right"` // 1 right, -1 wrong, 0 not played yet
	X       float64 `json:"x"`
	Y       float64 `json:"y"`
	W       float64 `json:"w"`
	H       float64 `json:"h"`
}

// liveJSON is the study hook as JSON (the game publishes it as window.osarena.live).
func (s *studyScene) liveJSON() string {
	h := studyHook{Status: netStatusNames[s.net.status], Code: s.m.code, Me: s.m.me, Notice: int(s.m.notice)}
	if st := s.m.st; st != nil {
		h.Sim, h.Steps, h.Cursor, h.Queue = st.Setup.Sim, len(st.Steps), int(st.Cursor), st.Queue
		for _, m := range st.Members {
			h.Members = append(h.Members, hookMember{m.ID, m.Nickname, m.Initial, m.Connected})
		}
		for _, p := range st.Predictions {
			h.Predictions = append(h.Predictions, hookPredict{p.Member, p.Value})
		}
		if st.Cursor > 0 {
			sp := st.Steps[st.Cursor-1]
			h.Shown = &hookStep{Input: sp.Input, Answer: sp.Answer, Explanation: sp.Explanation.Render(s.lang)}
			for _, p := range sp.Predictions {
				h.Shown.Predictions = append(h.Shown.Predictions, hookPredict{p.Member, p.Value})
			}
		}
		for _, mk := range s.v.markers {
			h.Markers = append(h.Markers, hookMarker{Initial: mk.initial, Value: mk.value, Right: mk.right,
				X: mk.r.X, Y: mk.r.Y, W: mk.r.W, H: mk.r.H})
		}
		h.Playing = s.v.playing
	}
	b, _ := json.Marshal(h)
	return string(b)
}

// itoa32 formats an int32.
func itoa32(v int32) string { return strconv.Itoa(int(v)) }
