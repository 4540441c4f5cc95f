package game

import (
	"strconv"

	"github.com/osarena/osarena/netcode"
)

// Choices of the study setup screen.
var (
	studyReplacePolicies = []string{"fifo", "lru", "lfu", "mfu", "mru", "clock"}
	studyDiskPolicies    = []string{"fcfs", "sstf", "scan", "cscan", "look", "clook"}
	studyFrameChoices    = []uint8{3, 4, 5}
	studyHeadChoices     = []uint16{0, 53, 100, 150}
)

// studyStartScene opens a study room: a nickname, the simulation (page
// replacement with its policy and frames, or disk scheduling with its
// policy, start cylinder and direction) and "Create", or a code and "Join".
// The text boxes are HTML inputs (field), so Korean IME works.
type studyStartScene struct {
	entryForm    // nickname and room code
	setup        netcode.StudySetup
	rows         []hostRow
	create, join button
	back         button
	x, w, top    float64
	nickY, codeY float64
	orY          float64
}

// newStudyStart returns the scene; err is a refusal to show, or "".
func newStudyStart(err string) *studyStartScene {
	return &studyStartScene{entryForm: entryForm{err: err}, setup: netcode.StudySetup{Sim: netcode.StudyReplace, Policy: "lru", Frames: 3,
		Cylinders: 200, Head: 53, Direction: "up"}}
}

// Name implements Scene.
func (s *studyStartScene) Name() string { return "study-start" }

// Update implements Scene.
func (s *studyStartScene) Update(a *app) {
	s.lang = a.lang()
	if s.nick == nil {
		s.nick = newField("nick", storageGet(nickKey), msgNickHint.in(s.lang), 40, false)
		s.code = newField("code", "", msgCodeHint.in(s.lang), 12, true)
		if s.nick.value() == "" {
			s.nick.focus()
		}
	}
	narrow := a.narrow()
	s.x, s.w = a.column(560)
	chipH, gap, px := 38.0, 8.0, 15.0
	if narrow {
		chipH, gap, px = 34, 6, 14
	}
	s.top = a.margin() + 4
	if !narrow {
		s.top = max(s.top, (a.h-700)/2)
	}
	y := s.top + 70
	s.nickY = y
	s.nick.place(Rect{s.x, y + 24, s.w, 44}, 17)
	y += 24 + 44 + 14
	st := &s.setup
	s.rows = s.rows[:0]
	row := func(label string, names, labels []string, selected func(int) bool, set func(int)) {
		rs, bottom := flow(a.txt, labels, s.x, y+24, s.w, chipH, gap, px)
		r := hostRow{label: label, x: s.x, y: y}
		for i := range labels {
			b := button{name: names[i], label: labels[i], r: rs[i], style: styleChip, selected: selected(i)}
			if b.update(&a.in) {
				set(i)
			}
			r.opts = append(r.opts, b)
		}
		s.rows = append(s.rows, r)
		y = bottom + 12
	}
	row(msgStudyPicks.in(s.lang), []string{"sim-replace", "sim-disk"}, []string{msgStudyReplace.in(s.lang), msgStudyDisk.in(s.lang)},
		func(i int) bool { return st.Sim == []string{netcode.StudyReplace, netcode.StudyDisk}[i] },
		func(i int) {
			st.Sim = []string{netcode.StudyReplace, netcode.StudyDisk}[i]
			st.Policy = []string{"lru", "sstf"}[i]
		})
	pols, key := studyReplacePolicies, "policy."
	if st.Sim == netcode.StudyDisk {
		pols, key = studyDiskPolicies, "disk.policy."
	}
	var names, labels []string
	for _, p := range pols {
		names, labels = append(names, "policy-"+p), append(labels, term(key+p, s.lang))
	}
	row(msgStudyPolicy.in(s.lang), names, labels, func(i int) bool { return st.Policy == pols[i] }, func(i int) { st.Policy = pols[i] })
	if st.Sim == netcode.StudyReplace {
		names, labels = nil, nil
		for _, f := range studyFrameChoices {
			names, labels = append(names, "frames-"+strconv.Itoa(int(f))), append(labels, strconv.Itoa(int(f)))
		}
		row(msgStudyFrames.in(s.lang), names, labels, func(i int) bool { return st.Frames == studyFrameChoices[i] },
			func(i int) { st.Frames = studyFrameChoices[i] })
	} else {
		names, labels = nil, nil
		for _, h := range studyHeadChoices {
			names, labels = append(names, "head-"+strconv.Itoa(int(h))), append(labels, strconv.Itoa(int(h)))
		}
		row(msgStudyHead.f(s.lang, st.Cylinders-1), names, labels,
			func(i int) bool { return st.Head == studyHeadChoices[i] }, func(i int) { st.Head = studyHeadChoices[i] })
		dirs := []string{"up", "down"}
		row(msgStudyDir.in(s.lang), []string{"dir-up", "dir-down"}, []string{msgStudyUp.in(s.lang), msgStudyDown.in(s.lang)},
			func(i int) bool { return st.Direction == dirs[i] }, func(i int) { st.Direction = dirs[i] })
	}
	s.create = button{name: "create", label: msgStudyCreate.in(s.lang), r: Rect{s.x, y + 4, s.w, 50}, style: stylePrimary}
	y += 4 + 50 + 30
	s.orY = y
	y += 16
	s.codeY = y
	bw := 110.0
	s.code.place(Rect{s.x, y + 24, s.w - bw - 10, 44}, 19)
	s.join = button{name: "join", label: msgJoinRoom.in(s.lang), r: Rect{s.x + s.w - bw, y + 24, bw, 44}}
	y += 24 + 44 + 20
	s.back = button{name: "back", label: msgBack.in(s.lang), r: Rect{s.x, y, 120, 42}}

	switch {
	case s.back.update(&a.in) || a.in.back && !s.nick.focused() && !s.code.focused():
		s.leave()
		a.goTo(newTitle())
	case s.create.update(&a.in) || s.nick.takeEnter():
		if nick, ok := s.nickname(); ok {
			storageSet(nickKey, nick)
			s.leave()
			a.goTo(newStudy(a, studyRequest{create: &netcode.CreateStudy{Nickname: nick, Setup: s.setup}}))
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
		a.goTo(newStudy(a, studyRequest{join: &netcode.JoinStudy{Code: code, Nickname: nick}}))
	}
}

// Draw implements Scene.
func (s *studyStartScene) Draw(c *canvas) {
	p := c.pal
	c.text(msgStudy.in(s.lang), s.x, s.top+16, 28, p.Text, AlignStart)
	sub := msgStudySub.in(s.lang)
	c.text(sub, s.x, s.top+46, c.txt.Fit(sub, 15, 12, s.w), p.Dim, AlignStart)
	c.text(msgNickname.in(s.lang), s.x, s.nickY+10, 15, p.Dim, AlignStart)
	for _, r := range s.rows {
		c.text(r.label, r.x, r.y+10, 15, p.Dim, AlignStart)
		for i := range r.opts {
			r.opts[i].draw(c)
		}
	}
	s.create.draw(c)
	c.line(s.x, s.orY, s.x+s.w, s.orY, 1, p.Line)
	label := msgStudyOrJoin.in(s.lang)
	lw := c.txt.Width(label, 14) + 20
	c.fill(Rect{s.x + s.w/2 - lw/2, s.orY - 10, lw, 20}, 0, p.Bg)
	c.text(label, s.x+s.w/2, s.orY, 14, p.Faint, AlignCenter)
	c.text(msgRoomCode.in(s.lang), s.x, s.codeY+10, 15, p.Dim, AlignStart)
	s.join.draw(c)
	s.back.draw(c)
	if s.err != "" {
		c.text(s.err, s.back.r.Right()+16, s.back.r.CY(), c.txt.Fit(s.err, 15, 12, s.w-136), p.Bad, AlignStart)
	}
}

// Targets implements Scene.
func (s *studyStartScene) Targets() []Target {
	ts := []Target{{Name: "nickname", R: s.nick.shown}}
	for _, r := range s.rows {
		for i := range r.opts {
			ts = append(ts, r.opts[i].target())
		}
	}
	return append(ts, s.create.target(), Target{Name: "code", R: s.code.shown}, s.join.target(), s.back.target())
}
