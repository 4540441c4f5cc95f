package game

import (
	"time"

	"github.com/osarena/osarena/netcode"
	"github.com/osarena/osarena/sim/quiz"
)

// liveRequest is what a live scene asks for once connected: create a room,
// join one, or (resume set) take back this tab's seat.
type liveRequest struct {
	create *netcode.CreateRoom
	join   *netcode.JoinRoom
	resume string
}

// liveScene is a live match in a room: it owns the connection, keeps the
// room's model from the server's messages and shows the phase the room is
// in — lobby, round, reveal with the leaderboard, podium — each drawn by a
// view of its own (live_*.go). The test hook's scene name is the phase's.
type liveScene struct {
	net    *netConn
	req    liveRequest
	asked  bool // the request went out on the current connection
	m      liveModel
	lang   quiz.Lang
	now    time.Time
	server int64 // the server clock this frame, Unix ms

	lobby  lobbyView
	round  roundView
	reveal revealView
	podium podiumView

	status string // the connection in words, "" when online
	lost   button // back to the title once the connection is lost
	here   button // after CloseTakenOver: take the seat back in this tab
	leave  button

	// duel is set when the scene plays a tournament duel inside the
	// tournament scene, which owns the connection and feeds the model:
	// nobody hosts, the room moves on by itself, and back returns to the
	// bracket from the podium.
	duel bool
	back func(a *app)
}

// newLive connects and returns the scene.
func newLive(a *app, req liveRequest) *liveScene {
	return &liveScene{req: req, net: dialNet(wsURL(), req.resume, a.lang(), a.now)}
}

// firstScene is the scene the client opens with: back into this tab's
// room when it holds a live session (a reload), the tournament of a
// ?t=CODE link, back into this tab's tournament after a reload, else the
// title.
func firstScene(a *app) Scene {
	if token, _ := savedLive(); token != "" {
		return newLive(a, liveRequest{resume: token})
	}
	if code := tidyCode(takeTourParam()); len(code) == codeLen { // a shared tournament link
		token, tab := tourTab()
		if tab != code {
			token = ""
		}
		return newTour(a, tourRequest{code: code, resume: token})
	}
	if token := savedStudy(); token != "" {
		return newStudy(a, studyRequest{resume: token})
	}
	if token, code := tourTab(); code != "" {
		return newTour(a, tourRequest{code: code, resume: token})
	}
	return newTitle()
}

// Name implements Scene: the room's phase, for the test hook.
func (s *liveScene) Name() string {
	switch {
	case s.net.status == netLost:
		return "live-lost"
	case s.m.phase == netcode.PhaseLobby:
		return "lobby"
	case s.m.phase == netcode.PhaseRound:
		return "live-round"
	case s.m.phase == netcode.PhaseReveal:
		return "reveal"
	case s.m.phase == netcode.PhasePodium:
		return "podium"
	}
	return "connecting"
}

// Update implements Scene.
func (s *liveScene) Update(a *app) {
	s.lang, s.now = a.lang(), a.now
	for _, msg := range s.net.poll(a.now) {
		if !s.handle(a, msg) {
			return
		}
	}
	s.step(a)
}

// step lays the scene out and acts on the input, once the messages of the
// frame are applied.
func (s *liveScene) step(a *app) {
	s.lang, s.now = a.lang(), a.now
	s.server = s.net.serverMs(a.now)
	s.status = s.net.statusText(s.lang)
	if s.m.notice != 0 && a.now.Sub(s.m.noticeAt) > 5*time.Second {
		s.m.notice = 0
	}
	x, w := a.column(1180)
	s.leave = button{name: "leave", label: msgLeave.in(s.lang), r: Rect{x + w - 96, a.margin() - 10, 96, 36}}
	if s.net.status == netLost {
		s.lost = button{name: "title", label: msgTitle.in(s.lang), r: Rect{a.w/2 - 110, a.h/2 + 40, 220, 50}, style: stylePrimary}
		s.here = button{}
		if s.net.code == netcode.CloseTakenOver && s.net.session != "" {
			// Another tab holds the seat; this one may take it back.
			s.here = button{name: "play-here", label: msgPlayHere.in(s.lang), r: s.lost.r, style: stylePrimary}
			s.lost.r.Y += 62
			s.lost.style = styleNormal
			if s.here.update(&a.in) || a.in.enter {
				session := s.net.session
				s.net.close()
				saveLive(session, s.m.code)
				a.goTo(newLive(a, liveRequest{resume: session}))
				return
			}
		}
		if s.lost.update(&a.in) || a.in.enter && s.here.name == "" {
			s.quit(a, false)
		}
		return
	}
	if s.duel {
		s.leave = button{}
	} else if s.leave.update(&a.in) {
		s.quit(a, true)
		return
	}
	switch s.m.phase {
	case netcode.PhaseLobby:
		s.lobby.update(a, s)
	case netcode.PhaseRound:
		s.round.update(a, s)
	case netcode.PhaseReveal:
		s.reveal.update(a, s)
	case netcode.PhasePodium:
		s.podium.update(a, s)
	}
}

// handle applies one message; it returns false when the scene has ended.
func (s *liveScene) handle(a *app, msg netcode.Message) bool {
	switch v := msg.Msg.(type) {
	case *netcode.Welcome:
		if s.req.resume != "" || s.m.me != 0 {
			if !v.Resumed { // the seat is gone (a stale token, or a drop past the grace)
				s.net.close()
				saveLive("", "")
				a.goTo(newFriends(msgSeatGone.in(s.lang)))
				return false
			}
			break
		}
		if !s.asked {
			s.asked = true
			if s.req.create != nil {
				s.net.send(netcode.TypeCreateRoom, s.req.create)
			} else if s.req.join != nil {
				s.net.send(netcode.TypeJoinRoom, s.req.join)
			}
		}
	case *netcode.RoomJoined:
		saveLive(s.net.session, v.Code)
	case *netcode.Error:
		if s.m.me == 0 && (v.About == netcode.TypeCreateRoom || v.About == netcode.TypeJoinRoom) {
			s.net.close()
			saveLive("", "")
			a.goTo(newFriends(errorText(v.Code, s.lang)))
			return false
		}
	case *netcode.Disconnected:
		if !v.Retry {
			saveLive("", "")
		}
	case *dialFailed:
		if !v.retry {
			saveLive("", "")
		}
	}
	s.m.apply(msg, a.now)
	return true
}

// quit leaves the room (for good when leave is set: LeaveRoom, then the
// connection closes once the frame had time to go) and returns to the title.
func (s *liveScene) quit(a *app, leave bool) {
	saveLive("", "")
	n := s.net
	if leave && n.status == netOnline && s.m.me != 0 && n.send(netcode.TypeLeaveRoom, &netcode.LeaveRoom{}) {
		time.AfterFunc(500*time.Millisecond, n.close)
	} else {
		n.close()
	}
	a.goTo(newTitle())
}

// Draw implements Scene.
func (s *liveScene) Draw(c *canvas) {
	if s.net.status == netLost {
		s.drawLost(c)
		return
	}
	switch s.m.phase {
	case netcode.PhaseLobby:
		s.lobby.draw(c, s)
	case netcode.PhaseRound:
		s.round.draw(c, s)
	case netcode.PhaseReveal:
		s.reveal.draw(c, s)
	case netcode.PhasePodium:
		s.podium.draw(c, s)
	default:
		w := float64(c.dst.Bounds().Dx()) / c.s
		h := float64(c.dst.Bounds().Dy()) / c.s
		c.text(msgConnecting.in(s.lang), w/2, h/2, 20, c.pal.Dim, AlignCenter)
	}
	if s.m.phase != 0 && s.leave.name != "" {
		s.leave.draw(c)
	}
	s.drawStatus(c)
}

// drawStatus shows the connection's trouble, or a refusal, at the bottom.
func (s *liveScene) drawStatus(c *canvas) {
	text, col := s.status, c.pal.Victim
	if text == "" && s.m.notice != 0 {
		text, col = errorText(s.m.notice, s.lang), c.pal.Bad
	}
	if text == "" || s.m.phase == 0 && s.net.status == netConnecting {
		return
	}
	c.flush()
	w := float64(c.dst.Bounds().Dx()) / c.s
	h := float64(c.dst.Bounds().Dy()) / c.s
	tw := min(w-24, c.txt.Width(text, 15)+36)
	r := Rect{(w - tw) / 2, h - 54, tw, 38}
	c.fill(r, 19, c.pal.Panel2)
	c.stroke(r, 19, 1.5, col)
	c.text(text, r.CX(), r.CY(), c.txt.Fit(text, 15, 12, r.W-24), c.pal.Text, AlignCenter)
}

func (s *liveScene) drawLost(c *canvas) {
	w := float64(c.dst.Bounds().Dx()) / c.s
	p := c.pal
	y := s.lost.r.Y - 110
	c.text(msgLost.in(s.lang), w/2, y, 28, p.Text, AlignCenter)
	c.text(closeText(s.net.code, s.lang), w/2, y+44, 17, p.Dim, AlignCenter)
	if s.here.name != "" {
		s.here.draw(c)
	}
	s.lost.draw(c)
}

// Targets implements Scene.
func (s *liveScene) Targets() []Target {
	if s.net.status == netLost {
		if s.here.name != "" {
			return []Target{s.here.target(), s.lost.target()}
		}
		return []Target{s.lost.target()}
	}
	var ts []Target
	switch s.m.phase {
	case netcode.PhaseLobby:
		ts = s.lobby.targets()
	case netcode.PhaseRound:
		ts = s.round.targets(s)
	case netcode.PhaseReveal:
		ts = s.reveal.targets(s)
	case netcode.PhasePodium:
		ts = s.podium.targets()
	case 0:
		return nil
	}
	if s.leave.name == "" {
		return ts
	}
	return append(ts, s.leave.target())
}
