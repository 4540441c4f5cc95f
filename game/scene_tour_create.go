package game

import (
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/osarena/osarena/netcode"
	"github.com/osarena/osarena/sim/quiz"
)

// Choices for a tournament's duels.
var (
	duelRoundChoices   = []uint8{3, 5, 10}
	duelSecondsChoices = []uint16{20, 30, 60}
)

// tourSetupScene is the host's form for a new tournament: its name, the
// host's own nickname (empty: the host only organizes), the format (and a
// third-place match for single elimination), live or asynchronous duels,
// the time to play each duel once it is ready (or none), when it starts (the host starts it, or by itself in a few minutes),
// questions and seconds per duel, topics, and the seeding. On a short
// screen the form scrolls (drag or wheel); the text boxes move with it.
type tourSetupScene struct {
	name, nick *field
	opts       netcode.CreateTournament
	startIn    int // minutes from creation to the start; 0: the host starts
	rows       []hostRow
	create     button
	back       button
	lang       quiz.Lang
	x, w, top  float64
	nameY      float64
	nickY      float64
	scroll     float64
	height     float64 // the form's height, for the scroll's limit
	dragY      float64
	dragging   bool
	err        string
}

func newTourSetup() *tourSetupScene {
	return &tourSetupScene{opts: netcode.CreateTournament{
		Format: netcode.FormatSingle, Seeding: netcode.SeedRating,
		Duel: netcode.Settings{Topics: []string{string(quiz.TopicReplace)}, Difficulty: 2, Rounds: 5, Seconds: 30, Timed: true, Chain: 1},
	}}
}

// Name implements Scene.
func (s *tourSetupScene) Name() string { return "tour-settings" }

// Update implements Scene.
func (s *tourSetupScene) Update(a *app) {
	s.lang = a.lang()
	o := &s.opts
	if o.Duel.Lang == "" {
		o.Duel.Lang = string(s.lang)
	}
	if s.name == nil {
		s.name = newField("tour-name", "", msgTourNameHint.in(s.lang), 80, false)
		s.nick = newField("nick", storageGet(nickKey), msgNickHint.in(s.lang), 40, false)
		s.name.focus()
	}
	s.scrollInput(a)
	x, w := a.column(820)
	s.x, s.w = x, w
	s.top = a.margin() + 6 - s.scroll
	y := s.top + 50
	chipH, gap, px := 36.0, 8.0, 15.0
	if a.narrow() {
		chipH, gap, px = 36, 6, 14
	}
	// The name and the nickname: side by side when wide.
	fw := w
	if !a.narrow() {
		fw = (w - 28) / 2
	}
	s.nameY = y
	s.name.place(Rect{x, y + 24, fw, 46}, 18)
	if a.narrow() {
		y += 24 + 46 + 14
	}
	s.nickY = y
	nx := x
	if !a.narrow() {
		nx = x + fw + 28
	}
	s.nick.place(Rect{nx, y + 24, fw, 46}, 18)
	y += 24 + 46 + 18

	// Rows sit a little closer on a short screen, so that a 1280×720
	// one shows the whole form, Create included, without scrolling.
	rowGap := 14.0
	if a.h < 800 {
		rowGap = 8
	}
	s.rows = s.rows[:0]
	cx, cw := x, w // the column rows go into: two columns when wide
	half := !a.narrow()
	if half {
		cw = (w - 28) / 2
	}
	row := func(label string, names, labels []string, selected func(int) bool, set func(int)) {
		rs, bottom := flow(a.txt, labels, cx, y+24, cw, chipH, gap, px)
		r := hostRow{label: label, x: cx, y: y}
		for i := range labels {
			b := button{name: names[i], label: labels[i], r: rs[i], style: styleChip, selected: selected(i)}
			if b.update(&a.in) {
				set(i)
			}
			r.opts = append(r.opts, b)
		}
		s.rows = append(s.rows, r)
		y = bottom + rowGap
	}
	colTop := y
	formats := []string{netcode.FormatSingle, netcode.FormatDouble, netcode.FormatRoundRobin, netcode.FormatSwiss}
	row(msgFormat.in(s.lang), []string{"format-single", "format-double", "format-roundrobin", "format-swiss"},
		[]string{msgFmtSingle.in(s.lang), msgFmtDouble.in(s.lang), msgFmtRoundRobin.in(s.lang), msgFmtSwiss.in(s.lang)},
		func(i int) bool { return o.Format == formats[i] },
		func(i int) {
			o.Format = formats[i]
			o.ThirdPlace = o.ThirdPlace && o.Format == netcode.FormatSingle
		})
	if o.Format == netcode.FormatSingle {
		row(msgThirdPlaceOpt.in(s.lang), []string{"third-on", "third-off"}, []string{msgOn.in(s.lang), msgOff.in(s.lang)},
			func(i int) bool { return o.ThirdPlace == (i == 0) }, func(i int) { o.ThirdPlace = i == 0 })
	}
	row(msgDuels.in(s.lang), []string{"duel-live", "duel-async"}, []string{msgDuelLive.in(s.lang), msgDuelAsync.in(s.lang)},
		func(i int) bool { return o.Async == (i == 1) }, func(i int) { o.Async = i == 1 })
	var names, labels []string
	for _, sec := range deadlineChoices {
		names, labels = append(names, "deadline-"+strconv.Itoa(int(sec))), append(labels, deadlineLabel(sec, s.lang))
	}
	row(msgDeadlineOpt.in(s.lang), names, labels, func(i int) bool { return o.DeadlineSec == deadlineChoices[i] },
		func(i int) { o.DeadlineSec = deadlineChoices[i] })
	leftEnd := y
	if half {
		cx, y = x+cw+28, colTop
	}
	names, labels = nil, nil
	for _, n := range duelRoundChoices {
		names, labels = append(names, "rounds-"+strconv.Itoa(int(n))), append(labels, strconv.Itoa(int(n)))
	}
	row(msgDuelQuestions.in(s.lang), names, labels, func(i int) bool { return o.Duel.Rounds == duelRoundChoices[i] },
		func(i int) { o.Duel.Rounds = duelRoundChoices[i] })
	names, labels = nil, nil
	for _, n := range duelSecondsChoices {
		names, labels = append(names, "seconds-"+strconv.Itoa(int(n))), append(labels, strconv.Itoa(int(n)))
	}
	row(msgSeconds.in(s.lang), names, labels, func(i int) bool { return o.Duel.Seconds == duelSecondsChoices[i] },
		func(i int) { o.Duel.Seconds = duelSecondsChoices[i] })
	seeds := []string{netcode.SeedRating, netcode.SeedRandom, netcode.SeedHand}
	row(msgSeeding.in(s.lang), []string{"seed-rating", "seed-random", "seed-hand"},
		[]string{msgSeedRating.in(s.lang), msgSeedRandom.in(s.lang), msgSeedHand.in(s.lang)},
		func(i int) bool { return o.Seeding == seeds[i] }, func(i int) { o.Seeding = seeds[i] })
	names, labels = nil, nil
	for _, n := range startChoices {
		name := "start-" + strconv.Itoa(n)
		if n == 0 {
			name = "start-host"
		}
		names, labels = append(names, name), append(labels, startLabel(n, s.lang))
	}
	row(msgStartWhen.in(s.lang), names, labels, func(i int) bool { return s.startIn == startChoices[i] },
		func(i int) { s.startIn = startChoices[i] })
	cx, cw, y = x, w, max(y, leftEnd)
	all := quiz.Topics()
	names, labels = []string{"topic-all"}, []string{msgAllTopics.in(s.lang)}
	for _, t := range all {
		names, labels = append(names, "topic-"+string(t)), append(labels, term("topic."+string(t), s.lang))
	}
	row(msgTopics.in(s.lang), names, labels, func(i int) bool {
		if i == 0 {
			return len(o.Duel.Topics) == 0
		}
		return slices.Contains(o.Duel.Topics, string(all[i-1]))
	}, func(i int) {
		if i == 0 {
			o.Duel.Topics = nil
			return
		}
		t := string(all[i-1])
		if j := slices.Index(o.Duel.Topics, t); j >= 0 {
			o.Duel.Topics = slices.Delete(o.Duel.Topics, j, j+1)
		} else {
			o.Duel.Topics = append(o.Duel.Topics, t)
		}
	})

	bw := min(w, 240.0)
	s.create = button{name: "create", label: msgCreateTour.in(s.lang), r: Rect{x + w - bw, y + 4, bw, 52}, style: stylePrimary}
	s.back = button{name: "back", label: msgBack.in(s.lang), r: Rect{x, y + 4, min(140, w-bw-12), 52}}
	if a.narrow() {
		s.create.r = Rect{x, y + 4, w, 50}
		s.back.r = Rect{x, y + 64, w, 44}
	}
	s.height = s.back.r.Bottom() + 40 + s.scroll - (a.margin() + 6)
	switch {
	case s.back.update(&a.in) || a.in.back && !s.name.focused() && !s.nick.focused():
		s.leave()
		a.goTo(newTours(""))
	case s.create.update(&a.in) || s.name.takeEnter() || s.nick.takeEnter():
		s.submit(a)
	}
}

// scrollInput scrolls a form taller than the screen by wheel or drag.
func (s *tourSetupScene) scrollInput(a *app) {
	limit := max(0, s.height-(a.h-2*a.margin()))
	if a.in.wheel != 0 {
		s.scroll -= a.in.wheel * 40
	}
	switch {
	case a.in.press:
		s.dragY, s.dragging = a.in.y, true
	case a.in.held && s.dragging:
		s.scroll -= a.in.heldY - s.dragY
		s.dragY = a.in.heldY
	default:
		s.dragging = false
	}
	s.scroll = clamp(s.scroll, 0, limit)
}

// submit checks the form and creates the tournament.
func (s *tourSetupScene) submit(a *app) {
	name := strings.Join(strings.Fields(s.name.value()), " ")
	if name == "" {
		s.err = msgNeedTourName.in(s.lang)
		s.name.focus()
		return
	}
	nick := ""
	if strings.TrimSpace(s.nick.value()) != "" {
		var ok bool
		if nick, ok = cleanNick(s.nick.value()); !ok {
			s.err = msgNeedNick.in(s.lang)
			s.nick.focus()
			return
		}
		storageSet(nickKey, nick)
	}
	o := s.opts
	o.Name = name
	s.leave()
	a.goTo(newTour(a, tourRequest{create: &o, nick: nick, startIn: time.Duration(s.startIn) * time.Minute}))
}

func (s *tourSetupScene) leave() {
	s.name.remove()
	s.nick.remove()
}

// Draw implements Scene.
func (s *tourSetupScene) Draw(c *canvas) {
	p := c.pal
	c.text(msgTourSettings.in(s.lang), s.x, s.top+18, 26, p.Text, AlignStart)
	c.text(msgTourName.in(s.lang), s.name.shown.X, s.nameY+10, 15, p.Dim, AlignStart)
	c.text(msgNickname.in(s.lang)+" · "+msgOrganizeHint.in(s.lang), s.nick.shown.X, s.nickY+10, 15, p.Dim, AlignStart)
	for _, r := range s.rows {
		c.text(r.label, r.x, r.y+10, 15, p.Dim, AlignStart)
		for i := range r.opts {
			r.opts[i].draw(c)
		}
	}
	s.create.draw(c)
	s.back.draw(c)
	if s.err != "" {
		c.text(s.err, s.x, s.create.r.Y-14, 15, p.Bad, AlignStart)
	}
}

// Targets implements Scene.
func (s *tourSetupScene) Targets() []Target {
	ts := []Target{{Name: "tour-name", R: s.name.shown}, {Name: "nickname", R: s.nick.shown}}
	for _, r := range s.rows {
		for i := range r.opts {
			ts = append(ts, r.opts[i].target())
		}
	}
	return append(ts, s.create.target(), s.back.target())
}
