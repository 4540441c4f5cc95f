package game

import (
	"slices"

	"github.com/osarena/osarena/netcode"
	"github.com/osarena/osarena/sim/quiz"
)

// The bracket is laid out once per TournamentState in its own coordinates
// ("world" pixels at zoom 1); the bracket view then maps the world to the
// screen with a camera (bracket_view.go). Sizes of a match box and the
// gaps between boxes:
const (
	boxW     = 220.0 // a match box
	boxH     = 60.0  // two player rows of 30
	boxBadge = 22.0  // room above a box for its status badge
	colGap   = 64.0  // between rounds (the links run here)
	rowGap   = 14.0  // between two boxes of a round, below the badge
	headH    = 34.0  // a round's header above its column
	secGap   = 56.0  // between the winners' and the losers' brackets
	slotH    = boxBadge + boxH + rowGap
	colW     = boxW + colGap
)

// League tables: the standings' width and row height. At readZoom, the
// least zoom a phone starts at, the table (and the view's padding) fits a
// 360-pixel-wide phone's view (TestStandingsFitPhone).
const (
	tableW    = 380.0
	tableRowH = 34.0
)

// tableCols are the x of the table's columns: place, name, W-D-L, points
// and Buchholz (Swiss).
var tableCols = [...]float64{20, 44, 232, 292, 346}

// bracketBox is a match's box in world coordinates.
type bracketBox struct {
	id uint16
	r  Rect
}

// bracketLink joins a match to the match its winner (or, for the grand
// final's reset, its players) goes on to.
type bracketLink struct{ from, to uint16 }

// bracketHead is a header over a column of boxes (or over the table).
type bracketHead struct {
	label string
	x, y  float64 // the start of the line, vertically centred on y
	w     float64 // the column's width
}

// bracketLayout is where everything of a tournament's picture goes.
// League formats have a standings table (table, one row per standing)
// and the current round's pairings as boxes; elimination formats only
// boxes, links and headers.
type bracketLayout struct {
	boxes  []bracketBox
	links  []bracketLink
	heads  []bracketHead
	table  Rect   // the standings table, zero for elimination formats
	rows   []Rect // its rows, header row first
	round  int    // league formats: the round whose pairings are shown
	rounds int    // league formats: the rounds paired so far
	bounds Rect   // everything above
}

// box returns the box of match id.
func (l *bracketLayout) box(id uint16) (Rect, bool) {
	for _, b := range l.boxes {
		if b.id == id {
			return b.r, true
		}
	}
	return Rect{}, false
}

// layoutBracket lays out st's bracket (or, for round robin and Swiss, its
// standings and the pairings of round, 0 meaning the current round; on a
// narrow screen the pairings go under the table). It reads only the
// matches' Bracket, Round, Slot and Status, so it is the same for everyone
// watching.
func layoutBracket(st *netcode.TournamentState, lang quiz.Lang, round int, narrow bool) bracketLayout {
	var l bracketLayout
	switch st.Format {
	case netcode.FormatRoundRobin, netcode.FormatSwiss:
		l.layoutLeague(st, lang, round, narrow)
	default:
		l.layoutElimination(st, lang)
	}
	l.bounds = l.extent()
	return l
}

// byRound groups the matches of one bracket by round (1-based index) and
// slot order.
func byRound(ms []netcode.BracketMatch, bracket string) [][]netcode.BracketMatch {
	var rounds [][]netcode.BracketMatch
	for _, m := range ms {
		if m.Bracket != bracket || m.Round == 0 {
			continue
		}
		for len(rounds) < int(m.Round) {
			rounds = append(rounds, nil)
		}
		rounds[m.Round-1] = append(rounds[m.Round-1], m)
	}
	for _, r := range rounds {
		slices.SortFunc(r, func(a, b netcode.BracketMatch) int { return int(a.Slot) - int(b.Slot) })
	}
	return rounds
}

// tree lays out an elimination tree whose first round starts at (x, y):
// round one's boxes one under the other, each later box centred between
// the two it comes from (when the round halves) or level with the one it
// comes from (when it does not, as in the losers' bracket). It returns
// the boxes' centres by match ID and the tree's height.
func (l *bracketLayout) tree(rounds [][]netcode.BracketMatch, x, y float64) (map[uint16]float64, float64) {
	cy := map[uint16]float64{}
	bottom := y
	var prev []netcode.BracketMatch
	for r, ms := range rounds {
		for i, m := range ms {
			var c float64
			switch {
			case r == 0 || len(prev) == 0:
				c = y + float64(i)*slotH + boxBadge + boxH/2
			case len(prev) == 2*len(ms) || len(prev) > len(ms):
				a := prev[min(2*i, len(prev)-1)]
				b := prev[min(2*i+1, len(prev)-1)]
				c = (cy[a.ID] + cy[b.ID]) / 2
				l.links = append(l.links, bracketLink{a.ID, m.ID})
				if b.ID != a.ID {
					l.links = append(l.links, bracketLink{b.ID, m.ID})
				}
			default: // as many as before: straight across
				a := prev[min(i, len(prev)-1)]
				c = cy[a.ID]
				l.links = append(l.links, bracketLink{a.ID, m.ID})
			}
			cy[m.ID] = c
			l.boxes = append(l.boxes, bracketBox{m.ID, Rect{x + float64(r)*colW, c - boxH/2, boxW, boxH}})
			bottom = max(bottom, c+boxH/2+rowGap)
		}
		prev = ms
	}
	return cy, bottom - y
}

// layoutElimination lays out single and double elimination: the winners'
// bracket on top, the losers' bracket under it, the grand final (and its
// reset) to the right, level between the two finals, and the third-place
// match under the final.
func (l *bracketLayout) layoutElimination(st *netcode.TournamentState, lang quiz.Lang) {
	win := byRound(st.Matches, "winners")
	los := byRound(st.Matches, "losers")
	gf := byRound(st.Matches, "grand_final")
	third := byRound(st.Matches, "third_place")
	y0 := headH
	if len(los) > 0 || len(gf) > 0 {
		y0 += headH // the section's name above the round headers
		l.heads = append(l.heads, bracketHead{label: msgWinnersBracket.in(lang), x: 0, y: headH / 2, w: colW * float64(len(win))})
	}
	wy, wh := l.tree(win, 0, y0)
	for r := range win {
		l.heads = append(l.heads, bracketHead{label: roundName(st.Format, "winners", r+1, len(win), lang), x: float64(r) * colW, y: y0 - headH/2, w: boxW})
	}
	lastX := float64(len(win)-1) * colW
	if len(third) > 0 && len(win) > 0 {
		fin := win[len(win)-1][0]
		top := max(wy[fin.ID]+boxH/2+rowGap+headH, y0+wh)
		l.heads = append(l.heads, bracketHead{label: msgThirdPlace.in(lang), x: lastX, y: top + headH/2, w: boxW})
		l.boxes = append(l.boxes, bracketBox{third[0][0].ID, Rect{lastX, top + headH + boxBadge, boxW, boxH}})
	}
	var lfinal float64
	cols := len(win)
	if len(los) > 0 {
		ly := y0 + wh + secGap
		l.heads = append(l.heads, bracketHead{label: msgLosersBracket.in(lang), x: 0, y: ly + headH/2, w: colW * float64(len(los))})
		ly += headH
		for r := range los {
			l.heads = append(l.heads, bracketHead{label: roundName(st.Format, "losers", r+1, len(los), lang), x: float64(r) * colW, y: ly + headH/2, w: boxW})
		}
		cy, _ := l.tree(los, 0, ly+headH)
		lfinal = cy[los[len(los)-1][0].ID]
		cols = max(cols, len(los))
	}
	if len(gf) > 0 && len(win) > 0 {
		wfinal := wy[win[len(win)-1][0].ID]
		c := wfinal
		if len(los) > 0 {
			c = (wfinal + lfinal) / 2
			l.links = append(l.links, bracketLink{los[len(los)-1][0].ID, gf[0][0].ID})
		}
		l.links = append(l.links, bracketLink{win[len(win)-1][0].ID, gf[0][0].ID})
		for r, ms := range gf {
			x := float64(cols+r) * colW
			l.boxes = append(l.boxes, bracketBox{ms[0].ID, Rect{x, c - boxH/2, boxW, boxH}})
			label := msgGrandFinal.in(lang)
			if r > 0 {
				label = msgGrandFinalReset.in(lang)
				l.links = append(l.links, bracketLink{gf[r-1][0].ID, ms[0].ID})
			}
			l.heads = append(l.heads, bracketHead{label: label, x: x, y: c - boxH/2 - boxBadge - headH/2, w: boxW})
		}
	}
}

// leagueRound is the round whose pairings a league shows: the first with a
// match still to play, else the last.
func leagueRound(ms []netcode.BracketMatch) int {
	cur, last := 0, 0
	for _, m := range ms {
		last = max(last, int(m.Round))
		if (m.Status == "ready" || m.Status == "pending") && (cur == 0 || int(m.Round) < cur) {
			cur = int(m.Round)
		}
	}
	if cur == 0 {
		return last
	}
	return cur
}

// layoutLeague lays out round robin and Swiss: the standings table on the
// left and one round's pairings (round, else the current one) to its
// right, in columns no taller than the table; when narrow, the pairings
// in one column under the table.
func (l *bracketLayout) layoutLeague(st *netcode.TournamentState, lang quiz.Lang, round int, narrow bool) {
	n := max(len(st.Standings), len(st.Entrants))
	l.heads = append(l.heads, bracketHead{label: msgStandings.in(lang), x: 0, y: headH / 2, w: tableW})
	l.table = Rect{0, headH, tableW, float64(n+1) * tableRowH}
	for i := 0; i <= n; i++ {
		l.rows = append(l.rows, Rect{0, headH + float64(i)*tableRowH, tableW, tableRowH})
	}
	for _, m := range st.Matches {
		l.rounds = max(l.rounds, int(m.Round))
	}
	l.round = leagueRound(st.Matches)
	if round >= 1 && round <= l.rounds {
		l.round = round
	}
	var ms []netcode.BracketMatch
	for _, m := range st.Matches {
		if int(m.Round) == l.round {
			ms = append(ms, m)
		}
	}
	slices.SortFunc(ms, func(a, b netcode.BracketMatch) int { return int(a.Slot) - int(b.Slot) })
	if len(ms) == 0 {
		return
	}
	perCol := max(4, int(l.table.H/slotH))
	x0, y0 := tableW+colGap, 0.0
	if narrow {
		perCol, x0, y0 = len(ms), 0, l.table.Bottom()+rowGap
	}
	cols := (len(ms) + perCol - 1) / perCol
	l.heads = append(l.heads, bracketHead{label: msgPairings.f(lang, l.round), x: x0, y: y0 + headH/2, w: float64(cols)*colW - colGap})
	for i, m := range ms {
		x := x0 + float64(i/perCol)*colW
		y := y0 + headH + float64(i%perCol)*slotH + boxBadge
		l.boxes = append(l.boxes, bracketBox{m.ID, Rect{x, y, boxW, boxH}})
	}
}

// extent is the rectangle around every box, header and the table, with a
// margin for the status badges.
func (l *bracketLayout) extent() Rect {
	var x0, y0, x1, y1 float64
	grow := func(r Rect) {
		x0, y0 = min(x0, r.X), min(y0, r.Y)
		x1, y1 = max(x1, r.Right()), max(y1, r.Bottom())
	}
	for _, b := range l.boxes {
		grow(Rect{b.r.X, b.r.Y - boxBadge, b.r.W, b.r.H + boxBadge})
	}
	for _, h := range l.heads {
		grow(Rect{h.x, h.y - headH/2, h.w, headH})
	}
	if l.table.H > 0 {
		grow(l.table)
	}
	return Rect{x0, y0, x1 - x0, y1 - y0}
}

// headRect is the rectangle a header takes.
func (h bracketHead) rect() Rect { return Rect{h.x, h.y - headH/2, h.w, headH} }

// ownPath returns the IDs of the matches entrant me plays or played, in
// match order: the viewing player's road through the bracket. me < 0 (a
// watcher) has none.
func ownPath(ms []netcode.BracketMatch, me int) []uint16 {
	if me < 0 {
		return nil
	}
	var ids []uint16
	for _, m := range ms {
		if len(m.Players) == 2 && (int(m.Players[0]) == me || int(m.Players[1]) == me) && m.Status != "void" {
			ids = append(ids, m.ID)
		}
	}
	slices.Sort(ids)
	return ids
}
