package game

import (
	"cmp"
	"slices"

	"github.com/osarena/osarena/sim/quiz"
)

// The keyboard focus of a question: a ring the arrows, Tab and Shift+Tab,
// Home and End move over the answer targets (the picture's targets, then a
// set answer's Submit; or the choice buttons), so every answer can be given
// from the keyboard, however many targets there are. Keys 1–9 still choose
// the first nine directly. Enter or Space chooses the focused target
// (toggles it in a set answer; on Submit, submits). The ring shows only
// while the player steers with the keys (app.keyboard): never for someone
// pointing.

// navKey is a key that moves the focus.
type navKey int

const (
	navNone  navKey = iota
	navLeft         // ←: the previous target in reading order
	navRight        // →: the next target in reading order
	navUp           // ↑: the nearest target in the row above
	navDown         // ↓: the nearest target in the row below
	navNext         // Tab: the next target, from the last back to the first
	navPrev         // Shift+Tab: the previous target, from the first to the last
	navFirst        // Home
	navLast         // End
)

// Focus ids that are not the index of a pick or a choice button.
const (
	focusNone   = -1 // nothing focused yet
	focusSubmit = -2 // a set answer's Submit
)

// focusItem is one target the focus may rest on.
type focusItem struct {
	id  int  // the index of a pick or a choice button, or focusSubmit
	r   Rect // where it is (a pick scrolled out of sight: where it would be)
	row int  // its row: moves up and down go from row to row
}

// focus is the keyboard cursor over a question's targets. set gives it the
// frame's targets; move moves it; at returns the focused one. It keeps the
// focused target's id across frames, so a layout change (a resize, a
// scroll) keeps the focus on the same target. It only reads geometry: it
// is tested without drawing.
type focus struct {
	items []focusItem // this frame's targets in reading order: by row, then left to right
	id    int         // the focused target, focusNone before the first key
	shown bool        // the ring shows (the player steers with the keys)
}

// newFocus returns a focus on nothing yet.
func newFocus() focus { return focus{id: focusNone} }

// set gives the focus this frame's targets and puts them in reading order
// (by row, then by x, then as given).
func (f *focus) set(items []focusItem) {
	f.items = append(f.items[:0], items...)
	slices.SortStableFunc(f.items, func(a, b focusItem) int {
		return cmp.Or(cmp.Compare(a.row, b.row), cmp.Compare(a.r.X, b.r.X))
	})
}

// index is the position of the focused target in the reading order: the
// first target when the focused one is gone (or none was), -1 when there
// are no targets.
func (f *focus) index() int {
	if len(f.items) == 0 {
		return -1
	}
	return max(0, slices.IndexFunc(f.items, func(it focusItem) bool { return it.id == f.id }))
}

// at returns the focused target (the first one when the focused one is
// gone); ok is false when there are no targets.
func (f *focus) at() (focusItem, bool) {
	i := f.index()
	if i < 0 {
		return focusItem{}, false
	}
	return f.items[i], true
}

// move moves the focus by k. Left and right follow the reading order and
// stop at its ends; Tab and Shift+Tab wrap around; up and down go to the
// target of the next row above or below whose centre is nearest in x (the
// leftmost on a tie), and stay when there is no such row.
func (f *focus) move(k navKey) {
	i := f.index()
	if i < 0 {
		return
	}
	n := len(f.items)
	switch k {
	case navLeft:
		i = max(0, i-1)
	case navRight:
		i = min(n-1, i+1)
	case navNext:
		i = (i + 1) % n
	case navPrev:
		i = (i - 1 + n) % n
	case navFirst:
		i = 0
	case navLast:
		i = n - 1
	case navUp, navDown:
		i = f.vertical(i, k == navDown)
	}
	f.id = f.items[i].id
}

// vertical is the target a move from item i up or down lands on.
func (f *focus) vertical(i int, down bool) int {
	cur := f.items[i]
	row, found := 0, false
	for _, it := range f.items { // the nearest row in that direction
		if down && it.row > cur.row && (!found || it.row < row) || !down && it.row < cur.row && (!found || it.row > row) {
			row, found = it.row, true
		}
	}
	if !found {
		return i
	}
	best, dist := i, 0.0
	for j, it := range f.items {
		if it.row != row {
			continue
		}
		d := it.r.CX() - cur.r.CX()
		if d < 0 {
			d = -d
		}
		if best == i || d < dist {
			best, dist = j, d
		}
	}
	return best
}

// rowsOf groups rectangles into rows the way a reader sees them: going
// down the rectangles by their top, one joins the current row when its
// vertical middle lies within the row's first rectangle, else it starts
// the next row. It returns each rectangle's row (0 is the top row).
func rowsOf(rs []Rect) []int {
	order := make([]int, len(rs))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(rs[a].CY(), rs[b].CY()) })
	rows := make([]int, len(rs))
	row, first := -1, Rect{}
	for _, i := range order {
		if row < 0 || rs[i].CY() >= first.Bottom() {
			row, first = row+1, rs[i]
		}
		rows[i] = row
	}
	return rows
}

// pickRower is a picture whose targets form rows its geometry does not
// show: pickRows gives each pick's row (the disk's cylinder chips are
// staggered on two heights so they do not overlap, but they are one row
// along the axis).
type pickRower interface {
	pickRows() []int
}

// setFocus gives the focus this frame's targets: the choice buttons, or
// the picture's targets (whole, even where scrolled out of sight) and, for
// a set answer, Submit in a row of its own below them. A typed answer has
// none: the keyboard types it.
func (q *question) setFocus() {
	var items []focusItem
	switch {
	case len(q.choices) > 0:
		rs := make([]Rect, len(q.choices))
		for i := range q.choices {
			rs[i] = q.choices[i].r
		}
		for i, row := range rowsOf(rs) {
			items = append(items, focusItem{id: i, r: rs[i], row: row})
		}
	case (q.spec.Kind == quiz.KindChoice || q.spec.Kind == quiz.KindSet) && len(q.whole) > 0:
		rs := make([]Rect, len(q.whole))
		for i, p := range q.whole {
			rs[i] = p.r
		}
		rows := rowsOf(rs)
		if pr, ok := q.pic.(pickRower); ok {
			if given := pr.pickRows(); len(given) == len(rs) {
				rows = given
			}
		}
		last := 0
		for i, row := range rows {
			items = append(items, focusItem{id: i, r: rs[i], row: row})
			last = max(last, row)
		}
		if q.submit.name != "" {
			items = append(items, focusItem{id: focusSubmit, r: q.submit.r, row: last + 1})
		}
	}
	q.kf.set(items)
}

// steer moves the focus with this frame's keys and returns the id of the
// target Enter or Space chose (focusNone: none). The first key only shows
// the ring (on the first target, or the one focused before), so a player
// sees where they are before anything moves. Enter with no ring showing
// submits a set answer with marks (keys 1–9, then Enter), and otherwise
// shows the ring.
func (q *question) steer(a *app) int {
	in := &a.in
	was := q.kf.shown
	q.kf.shown = a.keyboard && len(q.kf.items) > 0
	if !q.kf.shown {
		was = false
	}
	if k := in.nav(); k != navNone && was {
		q.kf.move(k)
	}
	if !in.enter || len(q.kf.items) == 0 {
		return focusNone
	}
	if was {
		it, _ := q.kf.at()
		return it.id
	}
	if q.spec.Kind == quiz.KindSet && len(q.selected) > 0 {
		return focusSubmit
	}
	a.keyboard, q.kf.shown = true, true
	return focusNone
}

// focusRect is where the ring goes: the focused target on the screen; ok
// is false when the ring does not show or the target is scrolled out of
// sight.
func (q *question) focusRect() (Rect, bool) {
	it, ok := q.kf.at()
	if !ok || !q.kf.shown || q.answered {
		return Rect{}, false
	}
	switch {
	case it.id == focusSubmit:
		return q.submit.r, true
	case len(q.choices) > 0 && it.id < len(q.choices):
		return q.choices[it.id].r, true
	case it.id >= 0 && it.id < len(q.picks) && q.picks[it.id].r.W > 0:
		return q.picks[it.id].r, true
	}
	return Rect{}, false
}

// drawFocus draws the focus ring: a bright line a few pixels outside the
// target over a dark halo, so it reads on any fill in either palette and
// is never mistaken for a selected (accent), correct or wrong target.
func (q *question) drawFocus(c *canvas) {
	r, ok := q.focusRect()
	if !ok {
		return
	}
	c.flush()
	o := r.Inset(-3.5)
	c.stroke(o, 10, 5, c.pal.Bg)
	c.stroke(o, 10, 2.5, c.pal.Focus)
}
