package game

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/osarena/osarena/sim/quiz"
	"github.com/osarena/osarena/sim/replace"
)

// practiceScene picks what a solo round asks: the question family, the
// policy, the difficulty and whether answers are timed.
type practiceScene struct {
	topic  quiz.Topic
	rows   []settingRow
	start  button
	back   button
	x, top float64
	lang   quiz.Lang
	err    string
}

func newPractice(t quiz.Topic) *practiceScene { return &practiceScene{topic: t} }

// Name implements Scene.
func (s *practiceScene) Name() string { return "practice" }

// Update implements Scene.
func (s *practiceScene) Update(a *app) {
	o := a.opts.forCard(s.topic).orDefault()
	lang := a.lang()
	s.lang = lang
	x, w := a.column(760)
	s.x, s.top = x, a.margin()+14
	y := s.top + 58
	s.rows = s.rows[:0]
	row := func(label string, names, labels []string, sel int, disabled func(int) bool, set func(int)) {
		rs, bottom := flow(a.txt, labels, x, y+28, w, 42, 8, 15)
		r := settingRow{label: label, y: y}
		for i := range labels {
			b := button{name: names[i], label: labels[i], r: rs[i], style: styleChip, selected: i == sel}
			b.disabled = disabled != nil && disabled(i)
			if b.update(&a.in) {
				set(i)
			}
			r.opts = append(r.opts, b)
		}
		s.rows = append(s.rows, r)
		y = bottom + 22
	}
	fams := cardFamilies(s.topic)
	var names, labels []string
	for _, f := range fams {
		_, what, _ := strings.Cut(string(f), ".")
		name := "family-" + what
		if slices.Contains(names, name) { // paging.translate and pagewalk.translate on one card
			name = "family-" + strings.ReplaceAll(string(f), ".", "-")
		}
		names, labels = append(names, name), append(labels, familyName(f, lang))
	}
	row(msgQuestion.in(lang), names, labels, indexOf(fams, o.family), nil, func(i int) { o.family = fams[i] })

	if o.family == quiz.ReplaceVictim || o.family == quiz.ReplaceHitFault || o.family == quiz.ReplaceFaults {
		names, labels = []string{"policy-any"}, []string{msgAny.in(lang)}
		sel := 0
		for i, p := range policies {
			names = append(names, "policy-"+string(p.p))
			labels = append(labels, policyName(p.p))
			if p.p == o.policy {
				sel = i + 1
			}
		}
		row(msgPolicy.in(lang), names, labels, sel, nil, func(i int) {
			o.policy = ""
			if i > 0 {
				o.policy = policies[i-1].p
				o.difficulty = max(o.difficulty, policies[i-1].level)
			}
		})
	} else {
		o.policy = ""
	}
	names, labels = nil, nil
	for d := quiz.MinDifficulty; d <= quiz.MaxDifficulty; d++ {
		names, labels = append(names, "difficulty-"+strconv.Itoa(d)), append(labels, strconv.Itoa(d))
	}
	lowest := 1
	if o.policy != "" {
		lowest = minLevel(o.policy)
	}
	row(msgDifficulty.in(lang), names, labels, o.difficulty-1, func(i int) bool { return i+1 < lowest },
		func(i int) { o.difficulty = i + 1 })
	st := &a.saved.Settings
	row(msgTiming.in(lang), []string{"timed-off", "timed-on"}, []string{msgUntimed.in(lang), msgTimed.in(lang)}, b2i(st.Timed), nil,
		func(i int) {
			if st.Timed != (i == 1) {
				st.Timed = i == 1
				a.saved.save()
			}
		})
	a.opts = o

	bw := min(w, 240.0)
	s.start = button{name: "start", label: msgStart.in(lang), r: Rect{x + w - bw, y + 6, bw, 52}, style: stylePrimary}
	s.back = button{name: "back", label: msgBack.in(lang), r: Rect{x, y + 6, min(140, w-bw-12), 52}}
	if a.narrow() {
		s.start.r = Rect{x, y + 6, w, 52}
		s.back.r = Rect{x, y + 70, w, 46}
	}
	if s.back.update(&a.in) || a.in.back {
		a.goTo(newTitle())
		return
	}
	if s.start.update(&a.in) || a.in.enter {
		seed := uint64(a.now.UnixNano()/1000) % (1 << 40)
		qs, seed, err := newQuestions(o, seed)
		if err != nil {
			s.err = err.Error()
			return
		}
		r, err := newRound(s.topic, o, seed, qs, st.Timed, a.now)
		if err != nil {
			s.err = err.Error()
			return
		}
		a.goTo(newRoundScene(r))
	}
}

// Draw implements Scene.
func (s *practiceScene) Draw(c *canvas) {
	name := ""
	for _, t := range topics {
		if t.topic == s.topic {
			name = t.name.in(s.lang)
		}
	}
	c.text(fmt.Sprintf("%s · %s", msgSolo.in(s.lang), name), s.x, s.top+18, 26, c.pal.Text, AlignStart)
	for _, r := range s.rows {
		c.text(r.label, s.x, r.y+11, 15, c.pal.Dim, AlignStart)
		for i := range r.opts {
			r.opts[i].draw(c)
		}
	}
	s.start.draw(c)
	s.back.draw(c)
	if s.err != "" {
		c.text(s.err, s.x, s.back.r.Bottom()+24, 14, c.pal.Bad, AlignStart)
	}
}

// Targets implements Scene.
func (s *practiceScene) Targets() []Target {
	var ts []Target
	for _, r := range s.rows {
		for i := range r.opts {
			if !r.opts[i].disabled {
				ts = append(ts, r.opts[i].target())
			}
		}
	}
	return append(ts, s.start.target(), s.back.target())
}

// policyName is a policy's short name on a chip.
func policyName(p replace.Policy) string {
	switch p {
	case replace.Clock:
		return "Clock"
	case replace.EClock:
		return "Enhanced clock"
	}
	return term("policy."+string(p), quiz.English)
}

func indexOf[T comparable](xs []T, x T) int {
	for i, v := range xs {
		if v == x {
			return i
		}
	}
	return -1
}
