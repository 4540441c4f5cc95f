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

// hostRow is one setting: a label at (x, y) and its options as chips.
type hostRow struct {
	label string
	x, y  float64
	opts  []button
}

// settingsForm is a room's settings as rows of chips: topics, difficulty,
// questions, the room's language, timed or untimed scoring and seconds per
// question. The host fills it before creating a room and again from the
// lobby; set holds the choices.
type settingsForm struct {
	set  netcode.Settings
	rows []hostRow
}

// layout places the rows in the column [x, x+w) from y (two columns below
// the topics on a wide screen), applies this frame's presses to set, and
// returns the y below the form.
func (f *settingsForm) layout(a *app, lang quiz.Lang, x, y, w float64) float64 {
	st := &f.set
	chipH, gap, px := 40.0, 8.0, 15.0
	if a.narrow() {
		chipH, gap, px = 36, 6, 14
	}
	f.rows = f.rows[:0]
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
		f.rows = append(f.rows, r)
		y = bottom + 18
	}

	all := quiz.Topics()
	names, labels := []string{"topic-all"}, []string{msgAllTopics.in(lang)}
	for _, t := range all {
		names, labels = append(names, "topic-"+string(t)), append(labels, term("topic."+string(t), lang))
	}
	row(msgTopics.in(lang), names, labels, func(i int) bool {
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
	row(msgDifficulty.in(lang), names, labels, func(i int) bool { return int(st.Difficulty) == i+1 },
		func(i int) { st.Difficulty = uint8(i + 1) })

	names, labels = nil, nil
	for _, n := range roundChoices {
		names, labels = append(names, "rounds-"+strconv.Itoa(int(n))), append(labels, strconv.Itoa(int(n)))
	}
	row(msgRounds.in(lang), names, labels, func(i int) bool { return st.Rounds == roundChoices[i] },
		func(i int) { st.Rounds = roundChoices[i] })

	row(msgRoomLang.in(lang), []string{"room-en", "room-ko"}, []string{"English", "한국어"},
		func(i int) bool { return st.Lang == string(quiz.Langs[i]) }, func(i int) { st.Lang = string(quiz.Langs[i]) })
	leftEnd := y
	if half {
		cx, y = x+cw+28, colTop
	}
	row(msgTimer.in(lang), []string{"timed-on", "timed-off"}, []string{msgTimedScore.in(lang), msgUntimedScore.in(lang)},
		func(i int) bool { return st.Timed == (i == 0) }, func(i int) { st.Timed = i == 0 })

	names, labels = nil, nil
	for _, n := range secondsChoices {
		names, labels = append(names, "seconds-"+strconv.Itoa(int(n))), append(labels, strconv.Itoa(int(n)))
	}
	row(msgSeconds.in(lang), names, labels, func(i int) bool { return st.Seconds == secondsChoices[i] },
		func(i int) { st.Seconds = secondsChoices[i] })

	y = max(y, leftEnd)
	return y
}

// draw draws the rows.
func (f *settingsForm) draw(c *canvas) {
	for _, r := range f.rows {
		c.text(r.label, r.x, r.y+10, 15, c.pal.Dim, AlignStart)
		for i := range r.opts {
			r.opts[i].draw(c)
		}
	}
}

// targets lists every chip of the form.
func (f *settingsForm) targets() []Target {
	var ts []Target
	for _, r := range f.rows {
		for i := range r.opts {
			ts = append(ts, r.opts[i].target())
		}
	}
	return ts
}
