package game

import (
	"cmp"
	"math"
	"slices"
)

// The keyboard focus: a cursor over a screen's targets that the arrows,
// Tab and Shift+Tab, Home and End move. It only reads geometry (tested
// without drawing); question_focus.go puts it on a question's targets.

// navKey is a key that moves the focus.
type navKey int

const (
	navNone  navKey = iota
	navLeft         // ←: the target before in reading order (the end of the row above after a row's first)
	navRight        // →: the target after in reading order (the next row's first after a row's last)
	navUp           // ↑: the nearest target in the row above
	navDown         // ↓: the nearest target in the row below
	navNext         // Tab: the next target, from the last back to the first
	navPrev         // Shift+Tab: the previous target, from the first to the last
	navFirst        // Home
	navLast         // End
)

// Focus ids that are not the index of a pick or a choice button: a set or
// typed answer's Submit, keypad key i (focusKey(i)) and typed value box i
// (focusSlot(i)).
const (
	focusNone   = -1 // nothing focused yet
	focusSubmit = -2
	focusKeys   = -100
	focusSlots  = -1000
)

// focusKey is the focus id of keypad key i.
func focusKey(i int) int { return focusKeys - i }

// focusSlot is the focus id of typed value box i.
func focusSlot(i int) int { return focusSlots - i }

// keyOfFocus returns the keypad key a focus id names (ok false: none).
func keyOfFocus(id int) (int, bool) {
	return focusKeys - id, id <= focusKeys && id > focusSlots
}

// slotOfFocus returns the typed value box a focus id names (ok false: none).
func slotOfFocus(id int) (int, bool) { return focusSlots - id, id <= focusSlots }

// focusItem is one target the focus may rest on.
type focusItem struct {
	id  int  // the index of a pick or a choice button, or a focus id above
	r   Rect // where it is (a pick scrolled out of sight: where it would be)
	row int  // its row: moves up and down go from row to row
}

// focus is the keyboard cursor over a screen's targets. set gives it the
// frame's targets; move moves it; at returns the focused one. It keeps the
// focused target's id across frames, so a layout change (a resize, a
// scroll) keeps the focus on the same target. shown and hush are for the
// screen that owns it: whether the ring shows this frame, and whether the
// player put it away (typing, Escape) until the next focus key.
type focus struct {
	items []focusItem // this frame's targets in reading order: by row, then left to right
	id    int         // the focused target, focusNone before the first key
	shown bool        // the ring shows (the player steers with the keys)
	hush  bool        // the ring stays away until an arrow
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

// move moves the focus by k. Left and right follow the reading order
// across rows and wrap around at its ends, as Tab and Shift+Tab do; up and
// down go to the target of the nearest row above or below whose centre is
// nearest in x (the first on a tie), and stay in the top and bottom row
// (but for a target of that row lying higher or lower: see vertical).
// With no targets it does nothing; with a focused target gone it starts
// from the first.
func (f *focus) move(k navKey) {
	i := f.index()
	if i < 0 {
		return
	}
	n := len(f.items)
	switch k {
	case navRight, navNext:
		i = (i + 1) % n
	case navLeft, navPrev:
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

// vertical is the target a move from item i up or down lands on: in the
// nearest row that way, the one nearest in x; with no row that way, the
// nearest in x of the targets of its own row that lie that way (chips
// staggered on two heights along one axis), else i.
func (f *focus) vertical(i int, down bool) int {
	cur := f.items[i]
	row, found := 0, false
	for _, it := range f.items { // the nearest row in that direction
		if down && it.row > cur.row && (!found || it.row < row) || !down && it.row < cur.row && (!found || it.row > row) {
			row, found = it.row, true
		}
	}
	way := func(it focusItem) bool {
		if found {
			return it.row == row
		}
		dy := it.r.CY() - cur.r.CY()
		if !down {
			dy = -dy
		}
		return it.row == cur.row && dy > cur.r.H/4
	}
	best, dist := i, 0.0
	for j, it := range f.items {
		if !way(it) {
			continue
		}
		if d := math.Abs(it.r.CX() - cur.r.CX()); best == i || d < dist {
			best, dist = j, d
		}
	}
	return best
}

// rowsOf groups rectangles into rows the way a reader sees them: going
// down the rectangles by their vertical middle, one joins the current row
// when its middle lies above the bottom of the row's first rectangle, else
// it starts the next row. It returns each rectangle's row (0 is the top).
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
