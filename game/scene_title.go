package game

import "github.com/osarena/osarena/sim/quiz"

// titleScene lists the topics with the player's progress in each, and
// leads to solo practice and, through titleLinks, everything else.
type titleScene struct {
	cards []button // one per topic, in the course's order
	links []button // one per titleLinks entry
	top   float64  // y of the title line
	footY float64
	lang  quiz.Lang
	subs  []string // the links' second lines, made once (they read storage)
}

// titleLink is a button under the topic cards: the test hook's name, its
// label, and the scene it opens.
type titleLink struct {
	name    string
	label   msg
	primary bool
	open    func(a *app) Scene
	sub     func(a *app) string // a second line under the label, or nil
}

// titleLinks are the title's buttons under the topic cards, in reading
// order: on a wide screen the first row is for playing alone (and the
// settings), the second for playing with others.
var titleLinks = []titleLink{
	{name: "daily", label: msgDaily, open: func(*app) Scene { return newDailyScene() }, sub: dailyLinkSub},
	{name: "sandbox", label: msgSandbox, open: func(*app) Scene { return newSandbox() }, sub: sandboxLinkSub},
	{name: "progress", label: msgMyProgress, open: func(*app) Scene { return newStats() }},
	{name: "settings", label: msgSettings, open: func(*app) Scene { return newSettings() }},
	{name: "friends", label: msgFriends, primary: true, open: func(*app) Scene { return newFriends("") }},
	{name: "tournaments", label: msgTournaments, primary: true, open: func(*app) Scene { return newTours("") }},
	{name: "study", label: msgStudy, open: func(*app) Scene { return newStudyStart("") }},
}

func newTitle() *titleScene { return &titleScene{} }

// Name implements Scene.
func (s *titleScene) Name() string { return "title" }

// Update implements Scene.
func (s *titleScene) Update(a *app) {
	lang := a.lang()
	if s.subs == nil || s.lang != lang {
		s.subs = make([]string, len(titleLinks))
		for i, l := range titleLinks {
			if l.sub != nil {
				s.subs[i] = l.sub(a)
			}
		}
	}
	s.lang = lang
	x, w := a.column(920)
	cols := 1
	if w >= 640 {
		cols = 2
	}
	// Link buttons: four to a row on a wide screen, two on a phone.
	perRow, linkH, gap := 4, 46.0, 12.0
	if a.narrow() {
		perRow, linkH, gap = 2, 44, 8
	}
	linkRows := (len(titleLinks) + perRow - 1) / perRow
	rows := (len(topics) + cols - 1) / cols
	cardH := 76.0
	links := float64(linkRows)*(linkH+gap) + 8
	if 130+float64(rows)*(cardH+gap)+links+40 > a.h-2*a.margin() {
		cardH = 60 // a phone: smaller cards so every button stays on screen
	}
	block := 130 + float64(rows)*(cardH+gap) + links + 40
	s.top = max(a.margin()+10, (a.h-block)/2)
	y0 := s.top + 130
	cw := (w - float64(cols-1)*gap) / float64(cols)
	s.cards = s.cards[:0]
	for i, t := range topics {
		r := Rect{x + float64(i%cols)*(cw+gap), y0 + float64(i/cols)*(cardH+gap), cw, cardH}
		b := button{name: "topic-" + string(t.topic), label: t.name.in(lang), r: r, disabled: !t.ready}
		switch p, ok := a.saved.Topics[t.topic]; {
		case !t.ready:
			b.sub = msgSoon.in(lang)
		case ok && p.Answered > 0:
			b.sub = msgProgress.f(lang, p.Correct, p.Answered, p.Best)
		default:
			b.sub = msgNotPlayed.in(lang)
		}
		if b.update(&a.in) {
			a.goTo(newPractice(t.topic))
		}
		s.cards = append(s.cards, b)
	}
	y := y0 + float64(rows)*(cardH+gap) + 8
	lw := (w - float64(perRow-1)*gap) / float64(perRow)
	s.links = s.links[:0]
	for i, l := range titleLinks {
		row, col := i/perRow, i%perRow
		inRow := min(perRow, len(titleLinks)-row*perRow)
		rx := x + (w-(float64(inRow)*lw+float64(inRow-1)*gap))/2 + float64(col)*(lw+gap)
		b := button{name: l.name, label: l.label.in(lang), sub: s.subs[i], r: Rect{rx, y + float64(row)*(linkH+gap), lw, linkH}}
		if l.primary {
			b.style = stylePrimary
		}
		if b.update(&a.in) {
			a.goTo(l.open(a))
		}
		s.links = append(s.links, b)
	}
	s.footY = y + float64(linkRows)*(linkH+gap) + 18
	if a.in.digit == 1 || a.in.enter {
		a.goTo(newPractice(quiz.TopicReplace))
	}
}

// Draw implements Scene.
func (s *titleScene) Draw(c *canvas) {
	p := c.pal
	cx := float64(c.dst.Bounds().Dx()) / c.s / 2
	c.text("OS Arena", cx, s.top+30, 44, p.Text, AlignCenter)
	c.text(msgTagline.in(s.lang), cx, s.top+78, 17, p.Dim, AlignCenter)
	c.text(msgSolo.in(s.lang), s.cards[0].r.X, s.top+112, 15, p.Dim, AlignStart)
	for i := range s.cards {
		drawTopicCard(c, &s.cards[i])
	}
	for i := range s.links {
		s.links[i].draw(c)
	}
	c.text(msgOffline.in(s.lang), cx, s.footY, 14, p.Faint, AlignCenter)
}

// drawTopicCard draws a topic as a card: name, progress, and a play arrow.
func drawTopicCard(c *canvas, b *button) {
	p := c.pal
	bg := p.Panel
	if b.hover {
		bg = p.Panel2
	}
	c.fill(b.r, 12, bg)
	edge := p.Line
	if !b.disabled {
		edge = alpha(p.Accent, 0.7)
	}
	c.stroke(b.r, 12, 1.5, edge)
	fg, sub := p.Text, p.Dim
	if b.disabled {
		fg, sub = p.Faint, p.Faint
	}
	c.text(b.label, b.r.X+20, b.r.Y+27, 19, fg, AlignStart)
	c.text(b.sub, b.r.X+20, b.r.Y+53, 14, sub, AlignStart)
	if !b.disabled {
		c.triangle(b.r.Right()-34, b.r.CY(), 0, 14, 9, p.Accent)
	}
}

// Targets implements Scene.
func (s *titleScene) Targets() []Target {
	var ts []Target
	for i := range s.cards {
		if !s.cards[i].disabled {
			ts = append(ts, s.cards[i].target())
		}
	}
	for i := range s.links {
		ts = append(ts, s.links[i].target())
	}
	return ts
}
