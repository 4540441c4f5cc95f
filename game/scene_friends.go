package game

import (
	"strings"

	"github.com/osarena/osarena/netcode"
)

// nickKey is the browser-storage key of the last nickname used.
const nickKey = "osarena.nick"

// codeLen is the length of a room code; codeAlphabet its letters (no 0, O,
// 1 or I), used to tidy what a player types.
const (
	codeLen      = 6
	codeAlphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
)

// friendsScene starts a live match: a nickname, then either "Create a
// room" (on to the host's settings) or a room code and "Join". Both text
// boxes are HTML inputs over the canvas (see field), so Korean IME works.
type friendsScene struct {
	entryForm    // nickname and room code
	create, join button
	back         button
	x, w, top    float64
	nickY, codeY float64
	orY          float64
}

// newFriends returns the scene; err is a message to show (a refusal that
// sent the player back here), or "".
func newFriends(err string) *friendsScene { return &friendsScene{entryForm: entryForm{err: err}} }

// Name implements Scene.
func (s *friendsScene) Name() string { return "friends" }

// Update implements Scene.
func (s *friendsScene) Update(a *app) {
	s.lang = a.lang()
	if s.nick == nil {
		s.nick = newField("nick", storageGet(nickKey), msgNickHint.in(s.lang), 40, false)
		s.code = newField("code", "", msgCodeHint.in(s.lang), 12, true)
		if s.nick.value() == "" {
			s.nick.focus()
		}
	}
	s.x, s.w = a.column(460)
	s.top = max(a.margin()+8, (a.h-470)/2)
	y := s.top + 70
	s.nickY = y
	s.nick.place(Rect{s.x, y + 26, s.w, 48}, 18)
	y += 26 + 48 + 16
	s.create = button{name: "create", label: msgCreateRoom.in(s.lang), r: Rect{s.x, y, s.w, 52}, style: stylePrimary}
	y += 52 + 34
	s.orY = y
	y += 22
	s.codeY = y
	bw := 110.0
	s.code.place(Rect{s.x, y + 26, s.w - bw - 10, 48}, 20)
	s.join = button{name: "join", label: msgJoinRoom.in(s.lang), r: Rect{s.x + s.w - bw, y + 26, bw, 48}}
	y += 26 + 48 + 36
	s.back = button{name: "back", label: msgBack.in(s.lang), r: Rect{s.x, y, 120, 44}}

	switch {
	case s.back.update(&a.in) || a.in.back && !s.nick.focused() && !s.code.focused():
		s.leave()
		a.goTo(newTitle())
	case s.create.update(&a.in) || s.nick.takeEnter():
		if nick, ok := s.nickname(); ok {
			storageSet(nickKey, nick)
			s.leave()
			a.goTo(newHostSetup(nick))
		}
	case s.join.update(&a.in) || s.code.takeEnter():
		nick, ok := s.nickname()
		if !ok {
			return
		}
		code, ok := s.roomCode()
		if !ok {
			return
		}
		storageSet(nickKey, nick)
		s.leave()
		a.goTo(newLive(a, liveRequest{join: &netcode.JoinRoom{Code: code, Nickname: nick}}))
	}
}

// tidyCode keeps the letters of a room code a player typed, in capitals.
func tidyCode(s string) string {
	var b strings.Builder
	for _, r := range strings.ToUpper(s) {
		if strings.ContainsRune(codeAlphabet, r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// Draw implements Scene.
func (s *friendsScene) Draw(c *canvas) {
	p := c.pal
	c.text(msgFriends.in(s.lang), s.x, s.top+20, 28, p.Text, AlignStart)
	c.text(msgFriendsSub.in(s.lang), s.x, s.top+50, 15, p.Dim, AlignStart)
	c.text(msgNickname.in(s.lang), s.x, s.nickY+12, 15, p.Dim, AlignStart)
	s.create.draw(c)
	c.line(s.x, s.orY, s.x+s.w, s.orY, 1, p.Line)
	label := msgOrJoin.in(s.lang)
	lw := c.txt.Width(label, 14) + 20
	c.fill(Rect{s.x + s.w/2 - lw/2, s.orY - 10, lw, 20}, 0, p.Bg)
	c.text(label, s.x+s.w/2, s.orY, 14, p.Faint, AlignCenter)
	c.text(msgRoomCode.in(s.lang), s.x, s.codeY+12, 15, p.Dim, AlignStart)
	s.join.draw(c)
	s.back.draw(c)
	if s.err != "" {
		c.text(s.err, s.x, s.back.r.Bottom()+26, 15, p.Bad, AlignStart)
	}
}

// Targets implements Scene.
func (s *friendsScene) Targets() []Target {
	return []Target{
		{Name: "nickname", R: s.nick.shown}, s.create.target(),
		{Name: "code", R: s.code.shown}, s.join.target(), s.back.target(),
	}
}
