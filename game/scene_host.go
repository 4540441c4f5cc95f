package game

import (
	"github.com/osarena/osarena/netcode"
	"github.com/osarena/osarena/sim/quiz"
)

// hostScene is the host's settings before the room exists: topics,
// difficulty, questions, seconds per question, timed or untimed scoring,
// and the room's language. Create opens the room with them.
type hostScene struct {
	nick   string
	form   settingsForm
	create button
	back   button
	lang   quiz.Lang
	x, top float64
}

// newHostSetup returns the host's settings screen for nickname nick.
func newHostSetup(nick string) *hostScene {
	return &hostScene{nick: nick, form: settingsForm{set: netcode.Settings{
		Topics: []string{string(quiz.TopicReplace)}, Difficulty: 2, Rounds: 5, Seconds: 30, Timed: true, Chain: 1,
	}}}
}

// Name implements Scene.
func (s *hostScene) Name() string { return "host-settings" }

// Update implements Scene.
func (s *hostScene) Update(a *app) {
	s.lang = a.lang()
	if s.form.set.Lang == "" {
		s.form.set.Lang = string(s.lang)
	}
	x, w := a.column(820)
	s.x, s.top = x, a.margin()+6
	y := s.form.layout(a, s.lang, x, s.top+48, w)

	bw := min(w, 240.0)
	s.create = button{name: "create", label: msgCreateRoom.in(s.lang), r: Rect{x + w - bw, y + 4, bw, 52}, style: stylePrimary}
	s.back = button{name: "back", label: msgBack.in(s.lang), r: Rect{x, y + 4, min(140, w-bw-12), 52}}
	if a.narrow() {
		s.create.r = Rect{x, y + 4, w, 50}
		s.back.r = Rect{x, y + 64, w, 44}
	}
	switch {
	case s.back.update(&a.in) || a.in.back:
		a.goTo(newFriends(""))
	case s.create.update(&a.in) || a.in.enter:
		a.goTo(newLive(a, liveRequest{create: &netcode.CreateRoom{Nickname: s.nick, Settings: s.form.set}}))
	}
}

// Draw implements Scene.
func (s *hostScene) Draw(c *canvas) {
	c.text(msgRoomSettings.in(s.lang), s.x, s.top+18, 26, c.pal.Text, AlignStart)
	s.form.draw(c)
	s.create.draw(c)
	s.back.draw(c)
}

// Targets implements Scene.
func (s *hostScene) Targets() []Target {
	return append(s.form.targets(), s.create.target(), s.back.target())
}
