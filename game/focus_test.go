package game

import (
	"slices"
	"testing"
)

// grid lays out focus items: row r of widths ws, 10 apart, 50 tall, each
// row 60 below the last; ids count from 0 in reading order.
func grid(rows ...[]float64) []focusItem {
	var items []focusItem
	for r, ws := range rows {
		x := 0.0
		for _, w := range ws {
			items = append(items, focusItem{id: len(items), r: Rect{x, float64(r) * 60, w, 50}, row: r})
			x += w + 10
		}
	}
	return items
}

// TestFocusMove moves the focus over a three-row layout:
//
//	row 0: 0 1 2 3   (50 wide each)
//	row 1: 4 ....... 5   (200 and 50 wide)
//	row 2: 6 (submit, 220 wide)
func TestFocusMove(t *testing.T) {
	layout := grid([]float64{50, 50, 50, 50}, []float64{200, 50}, []float64{220})
	// One row of chips along an axis, staggered: 0 and 2 low, 1 and 3 high.
	staggered := []focusItem{
		{id: 0, r: Rect{0, 30, 40, 24}}, {id: 1, r: Rect{30, 0, 40, 24}},
		{id: 2, r: Rect{55, 30, 40, 24}}, {id: 3, r: Rect{200, 0, 40, 24}},
	}
	cases := []struct {
		name     string
		items    []focusItem
		from     int
		key      navKey
		want     int
		wantNone bool
	}{
		{"right goes to the next in the row", layout, 1, navRight, 2, false},
		{"left goes to the one before in the row", layout, 2, navLeft, 1, false},
		{"right at a row's end goes on to the next row", layout, 3, navRight, 4, false},
		{"left at a row's start goes back to the row above's end", layout, 4, navLeft, 3, false},
		{"right at the last wraps to the first", layout, 6, navRight, 0, false},
		{"left at the first wraps to the last", layout, 0, navLeft, 6, false},
		{"down goes to the nearest in x in the row below", layout, 1, navDown, 4, false},
		{"down from the right goes to the nearest on the right", layout, 3, navDown, 5, false},
		{"up goes to the nearest in x in the row above", layout, 5, navUp, 3, false},
		{"up from a wide target goes to the one under its centre", layout, 4, navUp, 1, false},
		{"down to a row of one", layout, 5, navDown, 6, false},
		{"up in the top row stays", layout, 2, navUp, 2, false},
		{"down in the bottom row stays", layout, 6, navDown, 6, false},
		{"Tab goes to the next", layout, 2, navNext, 3, false},
		{"Tab at the last wraps to the first", layout, 6, navNext, 0, false},
		{"Shift+Tab at the first wraps to the last", layout, 0, navPrev, 6, false},
		{"Shift+Tab goes back across a row", layout, 4, navPrev, 3, false},
		{"Home", layout, 5, navFirst, 0, false},
		{"End", layout, 1, navLast, 6, false},
		{"nothing focused yet: a move starts from the first", layout, focusNone, navRight, 1, false},
		{"the focused target is gone: from the first", layout, 42, navNext, 1, false},
		{"down from a high chip of a staggered row to the nearest low one", staggered, 1, navDown, 2, false},
		{"up from a low chip of a staggered row to the nearest high one", staggered, 2, navUp, 1, false},
		{"down from a low chip of a staggered row stays", staggered, 2, navDown, 2, false},
		{"right along a staggered row", staggered, 1, navRight, 2, false},
		{"a lone target stays focused", grid([]float64{50}), 0, navNext, 0, false},
		{"no targets: nothing is focused", nil, focusNone, navRight, focusNone, true},
		{"no targets, Tab: nothing is focused", nil, focusNone, navNext, focusNone, true},
	}
	for _, c := range cases {
		f := newFocus()
		f.set(c.items)
		f.id = c.from
		f.move(c.key)
		it, ok := f.at()
		if c.wantNone {
			if ok || f.id != focusNone {
				t.Errorf("%s: got focus on %d (ok %v), want none", c.name, f.id, ok)
			}
			continue
		}
		if !ok || it.id != c.want {
			t.Errorf("%s: from %d by %d got %d (ok %v), want %d", c.name, c.from, c.key, it.id, ok, c.want)
		}
	}
}

// TestFocusReadingOrder: set puts targets given in any order into reading
// order, and Tab visits them all in it and comes back.
func TestFocusReadingOrder(t *testing.T) {
	items := grid([]float64{50, 50, 50}, []float64{50, 50})
	shuffled := []focusItem{items[4], items[1], items[3], items[0], items[2]}
	f := newFocus()
	f.set(shuffled)
	var got []int
	for range len(items) + 1 {
		it, _ := f.at()
		got = append(got, it.id)
		f.move(navNext)
	}
	if want := []int{0, 1, 2, 3, 4, 0}; !slices.Equal(got, want) {
		t.Errorf("Tab order: got %v, want %v", got, want)
	}
}

// TestRowsOf groups rectangles into rows as a reader sees them.
func TestRowsOf(t *testing.T) {
	cases := []struct {
		name string
		rs   []Rect
		want []int
	}{
		{"none", nil, []int{}},
		{"one row in any order", []Rect{{100, 0, 40, 40}, {0, 0, 40, 40}, {50, 5, 40, 40}}, []int{0, 0, 0}},
		{"two rows, given bottom first", []Rect{{0, 60, 40, 40}, {0, 0, 40, 40}, {50, 62, 40, 30}}, []int{1, 0, 1}},
		{"a column is a row each", []Rect{{0, 0, 40, 20}, {0, 30, 40, 20}, {0, 60, 40, 20}}, []int{0, 1, 2}},
		{"staggered chips just below the first start a row", []Rect{{0, 0, 40, 20}, {30, 22, 40, 20}}, []int{0, 1}},
	}
	for _, c := range cases {
		if got := rowsOf(c.rs); !slices.Equal(got, c.want) {
			t.Errorf("%s: got %v, want %v", c.name, got, c.want)
		}
	}
}

// TestFocusIDs: keypad keys and value boxes have ids of their own that
// never meet a pick's, a choice's or Submit's.
func TestFocusIDs(t *testing.T) {
	for i := range 13 {
		if k, ok := keyOfFocus(focusKey(i)); !ok || k != i {
			t.Errorf("keyOfFocus(focusKey(%d)) = %d, %v; want %d, true", i, k, ok, i)
		}
		if s, ok := slotOfFocus(focusSlot(i)); !ok || s != i {
			t.Errorf("slotOfFocus(focusSlot(%d)) = %d, %v; want %d, true", i, s, ok, i)
		}
		if _, ok := slotOfFocus(focusKey(i)); ok {
			t.Errorf("focusKey(%d) reads as a value box", i)
		}
	}
	for _, id := range []int{0, 5, 99, focusNone, focusSubmit} {
		if _, ok := keyOfFocus(id); ok {
			t.Errorf("keyOfFocus(%d) reads as a key", id)
		}
		if _, ok := slotOfFocus(id); ok {
			t.Errorf("slotOfFocus(%d) reads as a value box", id)
		}
	}
}
