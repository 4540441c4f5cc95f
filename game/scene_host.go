package game

import (
	"slices"
	"strconv"

	"github.com/osarena/osarena/netcode"
	"github.com/osarena/osarena/sim/quiz"
)

// Choices the host picks from.
var (
	roundChoices   = []uint8{5, 10, 15, 20}
	secondsChoices = []uint16{10, 20, 30, 60}
)

// hostScene is the host's settings before the room exists: topics,
// difficulty, questions, seconds per question, timed or untimed scoring,
// and the room's language. Create opens the room with them.
type hostScene struct {
	nick   string
	set    netcode.Settings
	rows   []hostRow
	create button
	back   button
	lang   quiz.Lang
	x, top float64
}

// hostRow is one setting: a label at (x, y) and its options as chips.
type hostRow struct {
	label string
	x, y  float64
	opts  []button
}

// newHostSetup returns the host's settings screen for nickname nick.
func newHostSetup(nick string) *hostScene {
	return &hostScene{nick: nick, set: netcode.Settings{
		Topics: []string{string(quiz.TopicReplace)}, Difficulty: 2, Rounds: 5, Seconds: 30, Timed: true, Chain: 1,
	}}
}

// Name implements Scene.
func (s *hostScene) Name() string { return "host-settings" }

// Update implements Scene.
func (s *hostScene) Update(a *app) {
	s.lang = a.lang()
	if s.set.Lang == "" {
		s.set.Lang = string(s.lang)
	}
	st := &s.set
	x, w := a.column(820)
	s.x, s.top = x, a.margin()+6
	y := s.top + 48
	chipH, gap, px := 40.0, 8.0, 15.0
	if a.narrow() {
		chipH, gap, px = 36, 6, 14
	}
	s.rows = s.rows[:0]
	cx, cw := x, w // the column rows go into
	row := func(label string, names, labels []string, selected func(int) bool, set func(int)) {
		rs, bottom := flow(a.txt, labels, cx, y+26, cw, chipH, gap, px)
		r := hostRow{label: label, x: cx, y: y}
		for i := range labels {
			b := button{name: names[i], label: labels[i], r: rs[i], style: styleChip, selected: selected(i)}
			if b.update(&a.in) {
				set(i)
			}
			r.opts = append(r.opts, b)
		}
		s.rows = append(s.rows, r)
		y = bottom + 18
	}

	all := quiz.Topics()
	names, labels := []string{"topic-all"}, []string{msgAllTopics.in(s.lang)}
	for _, t := range all {
		names, labels = append(names, "topic-"+string(t)), append(labels, term("topic."+string(t), s.lang))
	}
	row(msgTopics.in(s.lang), names, labels, func(i int) bool {
		if i == 0 {
			return len(st.Topics) == 0
		}
		return slices.Contains(st.Topics, string(all[i-1]))
	}, func(i int) {
		if i == 0 {
			st.Topics = nil
			return
		}
		t := string(all[i-1])
		if j := slices.Index(st.Topics, t); j >= 0 {
			st.Topics = slices.Delete(st.Topics, j, j+1)
		} else {
			st.Topics = append(st.Topics, t)
		}
	})

	// Below the topics, two columns on wide screens.
	half := !a.narrow()
	colTop := y
	if half {
		cw = (w - 28) / 2
	}
	names, labels = nil, nil
	for d := quiz.MinDifficulty; d <= quiz.MaxDifficulty; d++ {
		names, labels = append(names, "difficulty-"+strconv.Itoa(d)), append(labels, strconv.Itoa(d))
	}
	row(msgDifficulty.in(s.lang), names, labels, func(i int) bool { return int(st.Difficulty) == i+1 },
		func(i int) { st.Difficulty = uint8(i + 1) })

	names, labels = nil, nil
	for _, n := range roundChoices {
		names, labels = append(names, "rounds-"+strconv.Itoa(int(n))), append(labels, strconv.Itoa(int(n)))
	}
	row(msgRounds.in(s.lang), names, labels, func(i int) bool { return st.Rounds == roundChoices[i] },
		func(i int) { st.Rounds = roundChoices[i] })

	row(msgRoomLang.in(s.lang), []string{"room-en", "room-ko"}, []string{"English", "한국어"},
		func(i int) bool { return st.Lang == string(quiz.Langs[i]) }, func(i int) { st.Lang = string(quiz.Langs[i]) })
	leftEnd := y
	if half {
		cx, y = x+cw+28, colTop
	}
	row(msgTimer.in(s.lang), []string{"timed-on", "timed-off"}, []string{msgTimedScore.in(s.lang), msgUntimedScore.in(s.lang)},
		func(i int) bool { return st.Timed == (i == 0) }, func(i int) { st.Timed = i == 0 })

	names, labels = nil, nil
	for _, n := range secondsChoices {
		names, labels = append(names, "seconds-"+strconv.Itoa(int(n))), append(labels, strconv.Itoa(int(n)))
	}
	row(msgSeconds.in(s.lang), names, labels, func(i int) bool { return st.Seconds == secondsChoices[i] },
		func(i int) { st.Seconds = secondsChoices[i] })

	y = max(y, leftEnd)

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
		a.goTo(newLive(a, liveRequest{create: &netcode.CreateRoom{Nickname: s.nick, Settings: s.set}}))
	}
}

// Draw implements Scene.
func (s *hostScene) Draw(c *canvas) {
	c.text(msgRoomSettings.in(s.lang), s.x, s.top+18, 26, c.pal.Text, AlignStart)
	for _, r := range s.rows {
		c.text(r.label, r.x, r.y+10, 15, c.pal.Dim, AlignStart)
		for i := range r.opts {
			r.opts[i].draw(c)
		}
	}
	s.create.draw(c)
	s.back.draw(c)
}

// Targets implements Scene.
func (s *hostScene) Targets() []Target {
	var ts []Target
	for _, r := range s.rows {
		for i := range r.opts {
			ts = append(ts, r.opts[i].target())
		}
	}
	return append(ts, s.create.target(), s.back.target())
}
