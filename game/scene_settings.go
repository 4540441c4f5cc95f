package game

import "github.com/osarena/osarena/sim/quiz"

// settingsScene changes the language, timing, palette and sound; each change is
// saved at once.
type settingsScene struct {
	rows   []settingRow
	back   button
	top, x float64
	lang   quiz.Lang
}

// settingRow is one setting: a label and its options as chips.
type settingRow struct {
	label string
	y     float64
	opts  []button
}

func newSettings() *settingsScene { return &settingsScene{} }

// Name implements Scene.
func (s *settingsScene) Name() string { return "settings" }

// Update implements Scene.
func (s *settingsScene) Update(a *app) {
	st := &a.saved.Settings
	lang := a.lang()
	x, w := a.column(560)
	s.x, s.top = x, a.margin()+20
	y := s.top + 70
	s.rows = s.rows[:0]
	changed := false
	row := func(label string, names, labels []string, sel int, set func(int)) {
		rs, bottom := flow(a.txt, labels, x, y+30, w, 44, 10, 15)
		r := settingRow{label: label, y: y}
		for i := range labels {
			b := button{name: names[i], label: labels[i], r: rs[i], style: styleChip, selected: i == sel}
			if b.update(&a.in) && i != sel {
				set(i)
				changed = true
			}
			r.opts = append(r.opts, b)
		}
		s.rows = append(s.rows, r)
		y = bottom + 28
	}
	row(msgLanguage.in(lang), []string{"lang-en", "lang-ko"}, []string{"English", "한국어"}, b2i(st.Lang == quiz.Korean), func(i int) {
		st.Lang = quiz.Langs[i]
	})
	row(msgTiming.in(lang), []string{"timed-off", "timed-on"}, []string{msgUntimed.in(lang), msgTimed.in(lang)}, b2i(st.Timed), func(i int) {
		st.Timed = i == 1
	})
	row(msgColorBlind.in(lang), []string{"colorblind-off", "colorblind-on"}, []string{msgOff.in(lang), msgOn.in(lang)}, b2i(st.ColorBlind), func(i int) {
		st.ColorBlind = i == 1
	})
	row(msgSound.in(lang), []string{"sound-off", "sound-on"}, []string{msgOff.in(lang), msgOn.in(lang)}, b2i(!st.Mute), func(i int) {
		st.Mute = i == 0
		if i == 1 {
			a.play(cueCorrect) // a sample of what the game sounds like
		}
	})
	if changed {
		a.saved.save()
	}
	s.lang = a.lang()
	s.back = button{name: "back", label: msgBack.in(s.lang), r: Rect{x, y + 10, 140, 46}}
	if s.back.update(&a.in) || a.in.back {
		a.goTo(newTitle())
	}
}

// Draw implements Scene.
func (s *settingsScene) Draw(c *canvas) {
	c.text(msgSettings.in(s.lang), s.x, s.top+20, 30, c.pal.Text, AlignStart)
	for _, r := range s.rows {
		c.text(r.label, s.x, r.y+12, 15, c.pal.Dim, AlignStart)
		for i := range r.opts {
			r.opts[i].draw(c)
		}
	}
	s.back.draw(c)
}

// Targets implements Scene.
func (s *settingsScene) Targets() []Target {
	var ts []Target
	for _, r := range s.rows {
		for i := range r.opts {
			ts = append(ts, r.opts[i].target())
		}
	}
	return append(ts, s.back.target())
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}
