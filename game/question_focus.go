package game

import (
	"github.com/osarena/osarena/sim/quiz"
)

// A question's keyboard focus (focus.go): a ring the arrows, Tab and
// Shift+Tab, Home and End move over the answer targets — the picture's
// targets and a set answer's Submit, the choice buttons, or a typed
// answer's value boxes, keypad keys and Submit — so every answer can be
// given from the keyboard, however many targets there are. Keys 1–9 still
// choose the first nine directly, and digits still type. Enter or Space
// chooses the focused target (toggles it in a set answer; presses a key;
// on Submit, submits); Escape puts the ring away (a second Escape leaves as
// before). The ring shows only while the player steers with the keys
// (app.keyboard): never for someone pointing, and it steps aside while a
// typed answer is typed on the keyboard.

// pickRower is a picture whose targets form rows its geometry does not
// show: pickRows gives each pick's row (the disk's cylinder chips are
// staggered on two heights so they do not overlap, but they are one row
// along the axis).
type pickRower interface {
	pickRows() []int
}

// typedKind reports whether the answer is typed (a number or slots).
func (q *question) typedKind() bool {
	return q.spec.Kind == quiz.KindNumber || q.spec.Kind == quiz.KindSlots
}

// setFocus gives the focus this frame's targets: the choice buttons; or
// the picture's targets (whole, even where scrolled out of sight) and, for
// a set answer, Submit in a row of its own below them; or a typed answer's
// value boxes (when there are several), keys and Submit.
func (q *question) setFocus() {
	var items []focusItem
	add := func(ids []int, rs []Rect, rows []int) {
		if rows == nil {
			rows = rowsOf(rs)
		}
		for i, id := range ids {
			items = append(items, focusItem{id: id, r: rs[i], row: rows[i]})
		}
	}
	var ids []int
	var rs []Rect
	switch {
	case len(q.choices) > 0:
		for i := range q.choices {
			ids, rs = append(ids, i), append(rs, q.choices[i].r)
		}
		add(ids, rs, nil)
	case q.typedKind():
		for i, r := range q.slotBox {
			if len(q.slotBox) > 1 {
				ids, rs = append(ids, focusSlot(i)), append(rs, r)
			}
		}
		for i := range q.keys {
			ids, rs = append(ids, focusKey(i)), append(rs, q.keys[i].r)
		}
		if q.submit.name != "" {
			ids, rs = append(ids, focusSubmit), append(rs, q.submit.r)
		}
		add(ids, rs, nil)
	case len(q.whole) > 0:
		for i, p := range q.whole {
			ids, rs = append(ids, i), append(rs, p.r)
		}
		rows := rowsOf(rs)
		if pr, ok := q.pic.(pickRower); ok {
			if given := pr.pickRows(); len(given) == len(rs) {
				rows = given
			}
		}
		add(ids, rs, rows)
		if q.submit.name != "" {
			last := 0
			for _, row := range rows {
				last = max(last, row)
			}
			items = append(items, focusItem{id: focusSubmit, r: q.submit.r, row: last + 1})
		}
	}
	q.kf.set(items)
}

// steer moves the focus with this frame's keys and returns the id of the
// target Enter or Space chose (focusNone: none), and whether the ring took
// this frame's focus key (so Tab does not also move a typed answer to its
// next value). The first key only shows the ring (on the first target, or
// the one focused before), so a player sees where they are before anything
// moves. Escape with the ring showing puts it away and is used up. Enter
// with no ring showing submits a set answer with marks (keys 1–9, then
// Enter), leaves a typed answer's Enter to the keypad, and otherwise shows
// the ring.
func (q *question) steer(a *app) (chosen int, took bool) {
	in := &a.in
	k := in.nav()
	typing := q.typedKind()
	for _, ch := range in.chars {
		if typing && (ch >= '0' && ch <= '9' || ch == 't' || ch == 'T') {
			q.kf.hush = true // typing the answer: the ring steps aside
		}
	}
	if k != navNone && !(typing && q.kf.hush && (k == navNext || k == navPrev)) {
		q.kf.hush = false // Tab moves a hushed typed answer's value instead
	}
	was := q.kf.shown
	q.kf.shown = a.keyboard && !q.kf.hush && len(q.kf.items) > 0
	was = was && q.kf.shown
	switch {
	case in.back && was:
		q.kf.shown, q.kf.id, a.keyboard = false, focusNone, false
		in.back = false
		return focusNone, false
	case k != navNone && was:
		q.kf.move(k)
		took = true
	case k != navNone && q.kf.shown:
		took = true
	}
	if !in.enter || len(q.kf.items) == 0 {
		return focusNone, took
	}
	if was {
		it, _ := q.kf.at()
		return it.id, took
	}
	switch {
	case typing:
	case q.spec.Kind == quiz.KindSet && len(q.selected) > 0:
		return focusSubmit, took
	default:
		a.keyboard, q.kf.hush, q.kf.shown = true, false, true
	}
	return focusNone, took
}

// ringID is the id of the target the ring is on (focusNone: no ring).
func (q *question) ringID() int {
	if it, ok := q.kf.at(); ok && q.kf.shown && !q.answered {
		return it.id
	}
	return focusNone
}

// focusRect is where the ring goes: the focused target on the screen; ok
// is false when the ring does not show or the target is scrolled out of
// sight.
func (q *question) focusRect() (Rect, bool) {
	id := q.ringID()
	if k, ok := keyOfFocus(id); ok && k < len(q.keys) {
		return q.keys[k].r, true
	}
	if s, ok := slotOfFocus(id); ok && s < len(q.slotBox) {
		return q.slotBox[s], true
	}
	switch {
	case id == focusSubmit:
		return q.submit.r, q.submit.name != ""
	case id < 0:
	case len(q.choices) > 0:
		if id < len(q.choices) {
			return q.choices[id].r, true
		}
	case id < len(q.picks) && q.picks[id].r.W > 0:
		return q.picks[id].r, true
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
	o := r.Inset(-4)
	c.stroke(o, 11, 6, c.pal.Bg)
	c.stroke(o, 11, 3, c.pal.Focus)
}
