package game

import (
	"github.com/osarena/osarena/netcode"
	"github.com/osarena/osarena/sim/quiz"
)

// statsScene is My progress: per card, accuracy and mean answer time over
// the last 14 days or 12 weeks, with the totals, the best topic and the
// topic to practise next. It shows the local solo history at once and
// asks the server for match results on its own connection, without
// waiting: they join the charts when (and if) they arrive.
type statsScene struct {
	lang   quiz.Lang
	rg     statRange
	today  int32
	sel    int // the card shown on a narrow screen
	server history
	fetch  fetchState
	net    *netConn
	dirty  bool

	ss         []series
	best, next int

	// Layout, from Update.
	wide     bool
	x, w     float64
	top      float64
	titleY   float64
	legendY  float64
	back     button
	ranges   [2]button
	cards    []button // a narrow screen's card chips
	tiles    [3]Rect  // totals, best, next
	practise button   // the "practise next" tile
	panels   []statsPanel
}

// statsPanel is one card's panel: its frame and its two charts.
type statsPanel struct {
	i         int // index in ss
	r         Rect
	acc, time chart
}

// fetchState is how the server's match results stand.
type fetchState int

const (
	fetchWaiting fetchState = iota // connecting or asked
	fetchGot                       // Stats arrived
	fetchNone                      // the server keeps none for this device
	fetchOffline                   // no connection (yet: dialling goes on)
)

var fetchNames = [...]string{"waiting", "got", "none", "offline"}

func newStats() *statsScene { return &statsScene{rg: rangeDays, dirty: true, best: -1, next: -1} }

// Name implements Scene.
func (s *statsScene) Name() string { return "stats" }

// Update implements Scene.
func (s *statsScene) Update(a *app) {
	s.lang = a.lang()
	s.pollNet(a)
	if today := localDay(a.now); today != s.today {
		s.today, s.dirty = today, true
	}
	s.rebuild(a)
	switch {
	case s.back.update(&a.in) || a.in.back:
		s.leave(a, newTitle())
		return
	case s.practise.update(&a.in) && s.next >= 0:
		s.leave(a, newPractice(s.ss[s.next].card))
		return
	}
	for i, rg := range []statRange{rangeDays, rangeWeeks} {
		if s.ranges[i].update(&a.in) && s.rg != rg {
			s.rg, s.dirty = rg, true
		}
	}
	for i := range s.cards {
		if s.cards[i].update(&a.in) && s.sel != i {
			s.sel, s.dirty = i, true
		}
	}
	if s.dirty {
		s.rebuild(a) // lay the choice out before it is drawn
	}
}

// rebuild sums the histories again when something changed, and lays the
// scene out.
func (s *statsScene) rebuild(a *app) {
	if s.dirty {
		s.ss = buildSeries([nSources]history{a.saved.History, s.server}, s.rg, s.today)
		s.best, s.next = ranked(s.ss)
		s.dirty = false
	}
	s.layout(a)
}

// leave closes the connection and goes to next.
func (s *statsScene) leave(a *app, next Scene) {
	if s.net != nil {
		s.net.close()
		s.net = nil
	}
	a.goTo(next)
}

// pollNet dials once, asks for the statistics on Welcome, and takes the
// answer; it never waits.
func (s *statsScene) pollNet(a *app) {
	if s.net == nil {
		if s.fetch == fetchWaiting {
			s.net = dialNet(wsURL(), "", s.lang, a.now)
		}
		return
	}
	for _, m := range s.net.poll(a.now) {
		switch v := m.Msg.(type) {
		case *netcode.Welcome:
			_, off := a.now.Zone()
			s.net.send(netcode.TypeGetStats, netcode.GetStats{Days: serverDays, UTCOffsetMin: int16(off / 60)})
		case *netcode.Stats:
			s.server, s.fetch, s.dirty = serverHistory(v.Lines), fetchGot, true
		case *netcode.Error:
			if v.About == netcode.TypeGetStats {
				s.fetch = fetchNone
			}
		case *dialFailed, *netcode.Disconnected:
			if s.fetch == fetchWaiting {
				s.fetch = fetchOffline // dialling goes on; a later answer still counts
			}
		}
	}
	if s.fetch == fetchGot || s.fetch == fetchNone || s.net.status == netLost {
		s.net.close()
		s.net = nil
		if s.fetch == fetchWaiting {
			s.fetch = fetchOffline
		}
	}
}

// layout places everything for a.w × a.h: on a wide screen every card's
// panel in a grid; on a narrow one, chips to pick a card and its panel.
func (s *statsScene) layout(a *app) {
	s.wide = a.w >= 900 && a.h >= 560
	lang := s.lang
	maxW := 1200.0
	if !s.wide {
		maxW = 560
	}
	s.x, s.w = a.column(maxW)
	x, w := s.x, s.w
	s.top = a.margin()
	y := s.top
	backW := 110.0
	if !s.wide {
		backW = 84
	}
	s.back = button{name: "back", label: msgBack.in(lang), r: Rect{x, y, backW, 40}}
	s.titleY = y + 20
	chipW := 104.0
	if s.wide {
		s.ranges[0].r = Rect{x + w - 2*chipW - 8, y + 2, chipW, 36}
	} else {
		y += 50
		chipW = (w - 8) / 2
		s.ranges[0].r = Rect{x, y, chipW, 36}
	}
	s.ranges[1].r = Rect{s.ranges[0].r.Right() + 8, s.ranges[0].r.Y, chipW, 36}
	for i, rg := range []statRange{rangeDays, rangeWeeks} {
		s.ranges[i].name, s.ranges[i].style, s.ranges[i].selected = "range-"+rg.name, styleChip, s.rg == rg
		s.ranges[i].label = []msg{msgRange14, msgRange12w}[i].in(lang)
	}
	y += 52
	// Three tiles: totals, best topic, practise next.
	if s.wide {
		tw := (w - 2*14) / 3
		for i := range s.tiles {
			s.tiles[i] = Rect{x + float64(i)*(tw+14), y, tw, 64}
		}
		y += 64 + 14
	} else {
		s.tiles[0] = Rect{x, y, w, 54}
		tw := (w - 8) / 2
		s.tiles[1] = Rect{x, y + 62, tw, 78}
		s.tiles[2] = Rect{x + tw + 8, y + 62, tw, 78}
		y += 62 + 78 + 8
	}
	s.practise = button{name: "practise-next", r: s.tiles[2], disabled: s.next < 0}
	s.legendY = y + 10
	y += 28
	if !s.wide {
		y += 20 // the status line goes under the legend
	}
	s.panels = s.panels[:0]
	s.cards = s.cards[:0]
	bottom := a.h - a.margin()
	if s.wide {
		cols, gap := 3, 14.0
		rows := (len(s.ss) + cols - 1) / cols
		pw := (w - float64(cols-1)*gap) / float64(cols)
		ph := (bottom - y - float64(rows-1)*gap) / float64(rows)
		for i := range s.ss {
			r := Rect{x + float64(i%cols)*(pw+gap), y + float64(i/cols)*(ph+gap), pw, ph}
			s.panels = append(s.panels, s.panel(i, r))
		}
		return
	}
	// Narrow: the cards as chips, two to a row, then the chosen card's panel.
	cw := (w - 8) / 2
	for i := range s.ss {
		r := Rect{x + float64(i%2)*(cw+8), y + float64(i/2)*42, cw, 36}
		s.cards = append(s.cards, button{name: "card-" + string(s.ss[i].card), label: cardName(s.ss[i].card, lang),
			r: r, style: styleChip, selected: i == s.sel})
	}
	y += float64((len(s.ss)+1)/2)*42 + 4
	if s.sel < len(s.ss) {
		s.panels = append(s.panels, s.panel(s.sel, Rect{x, y, w, max(260, bottom-y)}))
	}
}

// panel lays out card i's panel in r: the charts side by side when it is
// wide enough, else one above the other.
func (s *statsScene) panel(i int, r Rect) statsPanel {
	in := Rect{r.X + 16, r.Y + 56, r.W - 32, r.H - 56 - 10}
	var ra, rt Rect
	if in.W >= 600 || (s.wide && in.W >= 300) {
		cw := (in.W - 18) / 2
		ra, rt = Rect{in.X, in.Y, cw, in.H}, Rect{in.X + cw + 18, in.Y, cw, in.H}
	} else {
		ch := (in.H - 12) / 2
		ra, rt = Rect{in.X, in.Y, in.W, ch}, Rect{in.X, in.Y + ch + 12, in.W, ch}
	}
	ss := &s.ss[i]
	return statsPanel{i: i, r: r, acc: accuracyChart(ra, ss, s.rg, s.today, s.lang), time: timeChart(rt, ss, s.rg, s.today, s.lang)}
}

// cardName is a title card's name.
func cardName(card quiz.Topic, lang quiz.Lang) string {
	for _, ti := range topics {
		if ti.topic == card {
			return ti.name.in(lang)
		}
	}
	return string(card)
}

// statusText says where the match results stand.
func (s *statsScene) statusText() string {
	switch s.fetch {
	case fetchGot:
		return msgStatsServer.in(s.lang)
	case fetchNone:
		return msgStatsNoMatch.in(s.lang)
	case fetchOffline:
		return msgStatsOffline.in(s.lang)
	}
	return msgStatsFetching.in(s.lang)
}

// Targets implements Scene.
func (s *statsScene) Targets() []Target {
	ts := []Target{s.back.target(), s.ranges[0].target(), s.ranges[1].target()}
	for i := range s.cards {
		ts = append(ts, s.cards[i].target())
	}
	if !s.practise.disabled {
		ts = append(ts, s.practise.target())
	}
	return ts
}
