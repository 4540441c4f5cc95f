package game

import (
	"time"

	"github.com/osarena/osarena/netcode"
	"github.com/osarena/osarena/sim/quiz"
)

// tourRequest is what a tournament scene asks for once connected: create a
// tournament (and register the host under nick, if set), or open the one
// with code (registering under nick while registration is open, or
// rejoining as the registered player; only watching when nick is "").
// The host token and a registration this browser remembers for code come
// from browser storage.
type tourRequest struct {
	create *netcode.CreateTournament
	code   string
	nick   string
	resume string // this tab's session to resume after a reload
	// startIn schedules the created tournament's start this long after it
	// is sent (on the server's clock); 0: the host starts it.
	startIn time.Duration
}

// tourScene is one tournament: it owns the connection, keeps the model
// from the server's TournamentState messages and shows the registration
// lobby, then the bracket (or league table) with the selected match's
// panel. A duel is played in a liveScene in duel mode that shares the
// connection: while one is on, it takes over the screen; at its end the
// tournament's own duel result (tour_duel_view.go) takes the podium's
// place and leads back here.
type tourScene struct {
	net     *netConn
	req     tourRequest
	created bool // CreateTournament went out
	m       tourModel
	duel    *liveScene
	duelID  uint16         // the duel's match, 0 if not known
	result  duelResultView // the duel's end, in place of its podium
	lang    quiz.Lang
	now     time.Time

	lobby   tourLobby
	bracket bracketView
	panel   matchPanel
	sel     uint16 // the selected match, 0 if none

	title, sub  string
	x, w, top   float64
	back        button
	lost        button
	banner      Rect     // "your match is ready" or the champion
	bannerText  string   // its words
	bannerLines []string // the ready match's words, wrapped to the room beside the button
	champion    bool
	open        button // the banner's button
	status      string
}

// newTour connects and returns the scene.
func newTour(a *app, req tourRequest) *tourScene {
	s := &tourScene{req: req, net: dialNet(wsURL(), req.resume, a.lang(), a.now)}
	switch sv := loadTour(); {
	case req.create != nil:
		s.m.saved = savedTour{Nick: req.nick, Seeding: req.create.Seeding}
	case sv.Code == req.code: // this browser's tournament: host token, registration
		s.m.saved = sv
		if req.nick != "" {
			s.m.saved.Nick = req.nick
		}
	default:
		s.m.saved = savedTour{Code: req.code, Nick: req.nick}
	}
	return s
}

// Name implements Scene: the duel's phase while one is on, else where the
// tournament is.
func (s *tourScene) Name() string {
	switch {
	case s.net.status == netLost:
		return "tour-lost"
	case s.inDuel():
		return s.duel.Name()
	case !s.m.have:
		return "tour-connecting"
	case s.m.st.Phase == netcode.TourRegistering:
		return "tour-lobby"
	}
	return "tour-bracket"
}

// Update implements Scene.
func (s *tourScene) Update(a *app) {
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
			s.quit(a)
		}
		return
	}
	if s.inDuel() {
		if s.duel.m.phase == netcode.PhasePodium {
			s.result.update(a, s)
		} else {
			s.duel.step(a)
		}
		return
	}
	s.x, s.w = a.column(1180)
	s.top = a.margin()
	s.back = button{name: "back", label: msgBack.in(s.lang), r: Rect{s.x, s.top, 96, 38}}
	if s.back.update(&a.in) || a.in.back && !s.lobby.typing() && s.sel == 0 {
		s.quit(a)
		return
	}
	st := &s.m.st
	s.title, s.sub = st.Name, ""
	if s.m.have {
		s.sub = formatName(st.Format, s.lang) + " · " + phaseName(st.Phase, s.lang) + " · " + st.Code
	}
	if !s.m.have {
		return
	}
	if st.Phase == netcode.TourRegistering {
		s.lobby.update(a, s)
		return
	}
	s.lobby.leave()
	s.layoutBracket(a)
}

// layoutBracket lays out the running or finished tournament: a banner
// (your ready match, or the champion), the bracket view, and the selected
// match's panel over it.
func (s *tourScene) layoutBracket(a *app) {
	y := s.top + 52
	if a.narrow() {
		y += 22
	}
	s.banner, s.bannerText, s.champion, s.open = Rect{}, "", false, button{}
	if s.m.st.Phase == netcode.TourFinished {
		s.champion = true
		s.bannerText = msgChampion.f(s.lang, s.m.champion())
		s.banner = Rect{s.x, y, s.w, 56}
	} else if bm := s.m.myReady(); bm != nil && s.sel != bm.ID {
		other, _ := s.m.name(bm.Players[1-side(bm, s.m.me())])
		s.bannerText = msgYourMatchReady.f(s.lang, other)
		s.bannerLines = bannerLines(a.txt, s.bannerText, s.w-bannerButtonW-bannerPad*3)
		h := max(52, float64(len(s.bannerLines))*bannerLineH+2*bannerPad)
		s.banner = Rect{s.x, y, s.w, h}
		s.open = button{name: "my-match", label: msgOpenMatch.in(s.lang), style: stylePrimary,
			r: Rect{s.banner.Right() - bannerButtonW - bannerPad/2 - 4, y + (h-36)/2, bannerButtonW, 36}}
		if s.open.update(&a.in) {
			s.sel = bm.ID
		}
	}
	if s.banner.H > 0 {
		y = s.banner.Bottom() + 12
	}
	view := Rect{s.x, y, s.w, a.h - y - a.margin()}
	panelOpen := s.sel != 0 && s.m.match(s.sel) != nil
	s.panel.r = Rect{}
	if panelOpen {
		s.panel.layout(a, s, view)
	}
	s.bracket.block = s.panel.r // the panel lies over the bracket
	switch id := s.bracket.update(a, &s.m, view); {
	case id != 0:
		s.sel = id
		s.panel.layout(a, s, view)
		s.bracket.clipShown(s.panel.r)
	case panelOpen && s.panel.act(a, s):
		s.sel = 0
	}
}

// handle applies one message; it returns false when the scene has ended.
func (s *tourScene) handle(a *app, msg netcode.Message) bool {
	switch v := msg.Msg.(type) {
	case *netcode.Welcome:
		s.welcome()
	case *netcode.TournamentCreated:
		s.m.saved.Code, s.m.saved.HostToken = v.Code, v.HostToken
		s.m.saved.save()
		setTourTab(s.net.session, v.Code)
		if s.m.saved.Nick != "" {
			s.net.send(netcode.TypeJoinTournament, &netcode.JoinTournament{Code: v.Code, Nickname: s.m.saved.Nick})
		}
	case *netcode.TournamentState:
		if s.m.saved.Code == "" || s.m.saved.Code == v.Code {
			s.m.saved.Code, s.m.saved.Name = v.Code, v.Name
			s.m.apply(v)
			s.m.saved.save()
		}
	case *netcode.Error:
		return s.refused(a, v)
	case *netcode.RoomJoined, *netcode.RoomState, *netcode.RoundStart, *netcode.AnswerAck,
		*netcode.Answered, *netcode.Reveal, *netcode.Podium:
		s.duelMessage(msg)
	}
	return true
}

// welcome asks for what the scene wants on a new connection: the first
// time, create or open the tournament; after a reconnect, rejoin its
// group (JoinTournament again for a registered player).
func (s *tourScene) welcome() {
	code := s.m.saved.Code
	switch {
	case code == "" && s.req.create != nil && !s.created:
		s.created = true
		create := *s.req.create
		if s.req.startIn > 0 {
			create.StartMs = s.net.serverMs(s.now) + s.req.startIn.Milliseconds()
		}
		s.net.send(netcode.TypeCreateTournament, &create)
		return
	case code == "":
		return
	case s.m.saved.Nick != "":
		s.net.send(netcode.TypeJoinTournament, &netcode.JoinTournament{Code: code, Nickname: s.m.saved.Nick})
	default:
		s.net.send(netcode.TypeWatchTournament, &netcode.WatchTournament{Code: code})
	}
	setTourTab(s.net.session, code)
}

// refused handles an Error: a tournament that does not exist sends the
// player back to the tournaments screen; a refused registration leaves
// them watching; anything else is shown for a while.
func (s *tourScene) refused(a *app, e *netcode.Error) bool {
	switch {
	case e.About == netcode.TypeCreateTournament,
		e.Code == netcode.ErrUnknownRoom && (e.About == netcode.TypeJoinTournament || e.About == netcode.TypeWatchTournament):
		text := errorText(e.Code, s.lang)
		if e.Code == netcode.ErrUnknownRoom {
			text = msgNoTournament.in(s.lang)
		}
		s.lobby.leave()
		s.net.close()
		setTourTab("", "")
		a.goTo(newTours(text))
		return false
	case e.About == netcode.TypeJoinTournament:
		if s.m.me() < 0 || s.m.st.Phase == netcode.TourRegistering {
			s.m.saved.Nick = ""
			s.m.saved.save()
			s.net.send(netcode.TypeWatchTournament, &netcode.WatchTournament{Code: s.m.saved.Code})
		}
	case e.About == netcode.TypeReadyDuel:
		clear(s.m.asked)
	}
	if s.inDuel() {
		s.duel.m.apply(netcode.Message{Msg: e}, s.now)
	}
	s.m.notice, s.m.noticeAt = e.Code, s.now
	return true
}

// duelMessage hands a room message to the duel, starting one when a duel
// room seats this player. A reload that resumes into a duel already at
// its podium leaves that room at once.
func (s *tourScene) duelMessage(msg netcode.Message) {
	if s.duel == nil {
		if rs, ok := msg.Msg.(*netcode.RoomState); ok && rs.Phase == netcode.PhasePodium {
			s.net.send(netcode.TypeLeaveRoom, &netcode.LeaveRoom{})
			return
		}
		s.duel = &liveScene{net: s.net, duel: true, back: s.endDuel, lang: s.lang}
		s.duelID, s.result = s.m.duelMatch(), duelResultView{}
	}
	s.duel.m.apply(msg, s.now)
}

// endDuel leaves the finished duel's room and shows the bracket again.
func (s *tourScene) endDuel(*app) {
	s.net.send(netcode.TypeLeaveRoom, &netcode.LeaveRoom{})
	s.duel, s.sel, s.duelID = nil, 0, 0
}

// quit closes the connection and returns to the title; the tournament
// stays remembered (the tournaments screen offers to go back to it).
func (s *tourScene) quit(a *app) {
	s.lobby.leave()
	setTourTab("", "")
	s.net.close()
	a.goTo(newTitle())
}

// Draw implements Scene.
func (s *tourScene) Draw(c *canvas) {
	p := c.pal
	if s.net.status == netLost {
		w := float64(c.dst.Bounds().Dx()) / c.s
		y := s.lost.r.Y - 110
		c.text(msgLost.in(s.lang), w/2, y, 28, p.Text, AlignCenter)
		c.text(closeText(s.net.code, s.lang), w/2, y+44, 17, p.Dim, AlignCenter)
		s.lost.draw(c)
		return
	}
	if s.inDuel() && s.duel.m.phase == netcode.PhasePodium {
		s.result.draw(c, s)
		s.drawStatus(c)
		return
	}
	if s.inDuel() {
		s.duel.Draw(c)
		return
	}
	s.back.draw(c)
	if !s.m.have {
		w := float64(c.dst.Bounds().Dx()) / c.s
		h := float64(c.dst.Bounds().Dy()) / c.s
		c.text(msgConnecting.in(s.lang), w/2, h/2, 20, p.Dim, AlignCenter)
		return
	}
	tx := s.back.r.Right() + 16
	if s.w < 600 {
		c.text(clipText(c.txt, s.title, 20, s.x+s.w-tx), tx, s.top+12, 20, p.Text, AlignStart)
		c.text(clipText(c.txt, s.sub, 14, s.w), s.x, s.top+58, 14, p.Dim, AlignStart)
	} else {
		c.text(clipText(c.txt, s.title, 24, s.w*0.5), tx, s.top+19, 24, p.Text, AlignStart)
		c.text(s.sub, s.x+s.w, s.top+19, 15, p.Dim, AlignEnd)
	}
	if s.m.st.Phase == netcode.TourRegistering {
		s.lobby.draw(c, s)
	} else {
		s.drawBracket(c)
	}
	s.drawStatus(c)
}

// Targets implements Scene.
func (s *tourScene) Targets() []Target {
	if s.net.status == netLost {
		return []Target{s.lost.target()}
	}
	if s.inDuel() && s.duel.m.phase == netcode.PhasePodium {
		return s.result.targets()
	}
	if s.inDuel() {
		return s.duel.Targets()
	}
	ts := []Target{s.back.target()}
	if !s.m.have {
		return ts
	}
	if s.m.st.Phase == netcode.TourRegistering {
		return append(ts, s.lobby.targets()...)
	}
	if s.open.name != "" {
		ts = append(ts, s.open.target())
	}
	ts = append(ts, s.bracket.targets()...)
	if s.sel != 0 && s.m.match(s.sel) != nil {
		ts = append(ts, s.panel.targets()...)
	}
	return ts
}

// inDuel reports whether a duel has the screen: from its first round (the
// moment in the duel room's lobby, while both seats fill, stays on the
// bracket) to the podium.
func (s *tourScene) inDuel() bool { return s.duel != nil && s.duel.m.phase > netcode.PhaseLobby }
