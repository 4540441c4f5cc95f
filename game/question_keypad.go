package game

import (
	"strconv"

	"github.com/osarena/osarena/sim/quiz"
)

// The typed answers of a question: number answers (with a TRAP key for
// address translations) and slots answers (several numbers, such as the
// page number and offset of paging.split), entered on an on-screen keypad
// or the keyboard (digits, T, Tab or comma for the next slot, Shift+Tab
// for the one before, Backspace, Enter).

// typedNumber is the number answer typed so far, for a scene to display.
func (q *question) numberAnswer() ([]int64, bool) {
	out := make([]int64, len(q.typed))
	for i, s := range q.typed {
		switch {
		case s == "T":
			out[i] = quiz.Trap
		case s == "":
			return nil, false
		default:
			v, err := strconv.ParseInt(s, 10, 64)
			if err != nil {
				return nil, false
			}
			out[i] = v
		}
	}
	return out, true
}

func (q *question) keyH() float64 {
	if q.narrow {
		return 44
	}
	return 48
}

// keypadH is the height layoutKeypad takes.
func (q *question) keypadH() float64 {
	if q.narrow {
		h := 48 + 8 + 2*q.keyH() + 8 + 12
		if len(q.typed) > 1 {
			h += 50 + 12
		}
		return h
	}
	return 56 + 4*q.keyH() + 3*8 + 14 + 62
}

// keyLabels are the keypad's keys: digits, erase and (for translations) TRAP.
func (q *question) keyLabels() []string {
	labels := []string{"1", "2", "3", "4", "5", "6", "7", "8", "9", "←", "0", ""}
	if q.spec.trapAllowed() {
		labels[11] = msgTrapKey.in(q.lang)
	}
	return labels
}

func keyName(i int, l string) string {
	switch i {
	case 9:
		return "key-erase"
	case 11:
		return "key-trap"
	}
	return "key-" + l
}

// layoutKeypad places the typed values' boxes, the keys and Submit: a
// 3×4 phone-style pad on wide screens; on a phone, where the picture needs
// the height, the values and Submit in one row over two rows of six keys.
func (q *question) layoutKeypad(r Rect, y float64) float64 {
	if q.narrow {
		return q.layoutKeypadNarrow(r, y)
	}
	n := len(q.typed)
	bw := (r.W - float64(n-1)*10) / float64(n)
	for i := range n {
		q.slotBox = append(q.slotBox, Rect{r.X + float64(i)*(bw+10), y, bw, 48})
	}
	y += 56
	kw := min(110, (r.W-16)/3)
	kh := q.keyH()
	xs := rowLayout(r.X, r.W, 3, kw, 8)
	for i, l := range q.keyLabels() {
		if l != "" {
			q.keys = append(q.keys, button{name: keyName(i, l), label: l, r: Rect{xs[i%3], y + float64(i/3)*(kh+8), kw, kh}})
		}
	}
	y += 4*kh + 3*8 + 14
	left := xs[0]
	q.submit = button{name: "submit", label: msgSubmitAnswer.in(q.lang), r: Rect{left, y, xs[2] + kw - left, 50}, style: stylePrimary}
	_, full := q.numberAnswer()
	q.submit.disabled = !full
	return y + 62
}

func (q *question) layoutKeypadNarrow(r Rect, y float64) float64 {
	n := len(q.typed)
	boxW, sw := r.W, 0.0
	if n == 1 {
		sw = min(130, r.W*0.36)
		boxW = r.W - sw - 10
	}
	bw := (boxW - float64(n-1)*10) / float64(n)
	for i := range n {
		q.slotBox = append(q.slotBox, Rect{r.X + float64(i)*(bw+10), y, bw, 48})
	}
	submit := Rect{r.X + boxW + 10, y, sw, 48}
	y += 56
	kh := q.keyH()
	kw := (r.W - 5*6) / 6
	// 1 2 3 4 5 6 / 7 8 9 0 ← TRAP
	order := []int{0, 1, 2, 3, 4, 5, 6, 7, 8, 10, 9, 11}
	labels := q.keyLabels()
	for k, i := range order {
		if labels[i] != "" {
			q.keys = append(q.keys, button{name: keyName(i, labels[i]), label: labels[i],
				r: Rect{r.X + float64(k%6)*(kw+6), y + float64(k/6)*(kh+8), kw, kh}})
		}
	}
	y += 2*kh + 8 + 8
	if n > 1 {
		y += 4
		submit = Rect{r.X, y, r.W, 50}
		y += 50 + 8
	}
	q.submit = button{name: "submit", label: msgSubmitAnswer.in(q.lang), r: submit, style: stylePrimary}
	_, full := q.numberAnswer()
	q.submit.disabled = !full
	return y + 12
}

// readKeypad takes a typed answer's input: a picture target, a value box
// or a key pressed, the characters typed, Tab and Shift+Tab (when the
// focus ring did not take them), Backspace, and Enter; chosen is the
// target the focus ring chose this frame (focusNone: none), took whether
// it took the frame's focus key.
func (q *question) readKeypad(in *input, chosen int, took bool) ([]int64, bool) {
	for _, p := range q.picks { // a picture's target types its value
		if in.pressed(p.r) {
			q.typed[q.cur] = strconv.FormatInt(p.value, 10)
		}
	}
	for i, r := range q.slotBox {
		if in.pressed(r) {
			q.cur = i
		}
	}
	if s, ok := slotOfFocus(chosen); ok && s < len(q.typed) {
		q.cur = s
	}
	for i := range q.keys {
		if k, ok := keyOfFocus(chosen); q.keys[i].update(in) || ok && k == i {
			q.pressKey(i)
		}
	}
	for _, ch := range in.chars {
		switch {
		case chosen != focusNone: // Space chose the focused target
		case ch >= '0' && ch <= '9':
			q.typeDigit(string(ch))
		case (ch == 't' || ch == 'T') && q.spec.trapAllowed():
			q.typed[q.cur] = "T"
		case ch == '\t' || ch == ',' || ch == ' ':
			q.cur = (q.cur + 1) % len(q.typed)
		}
	}
	if in.tab && !took { // Tab and Shift+Tab: the next and the previous value
		n := len(q.typed)
		if in.shift {
			q.cur = (q.cur + n - 1) % n
		} else {
			q.cur = (q.cur + 1) % n
		}
	}
	if in.erase {
		q.erase()
	}
	v, full := q.numberAnswer()
	q.submit.disabled = !full
	if q.submit.update(in) || chosen == focusSubmit || chosen == focusNone && in.enter && len(in.chars) == 0 {
		if full {
			return q.finish(v)
		}
		if q.typed[q.cur] != "" && q.cur+1 < len(q.typed) {
			q.cur++ // Enter moves to the next slot
		}
	}
	return nil, false
}

// pressKey does what keypad key i does: erase, TRAP, or type its digit.
func (q *question) pressKey(i int) {
	switch q.keys[i].name {
	case "key-erase":
		q.erase()
	case "key-trap":
		q.typed[q.cur] = "T"
	default:
		q.typeDigit(q.keys[i].label)
	}
}

func (q *question) typeDigit(d string) {
	s := q.typed[q.cur]
	if s == "T" || s == "0" {
		s = ""
	}
	if len(s) < 12 {
		q.typed[q.cur] = s + d
	}
}

func (q *question) erase() {
	s := q.typed[q.cur]
	if s == "" && q.cur > 0 {
		q.cur--
		return
	}
	if s == "T" {
		s = "x"
	}
	if s != "" {
		q.typed[q.cur] = s[:len(s)-1]
	}
}

// drawSlots draws the typed values; after the reveal, each with the right one.
func (q *question) drawSlots(c *canvas) {
	pal := c.pal
	for i, r := range q.slotBox {
		s := q.typed[i]
		if s == "T" {
			s = msgTrapKey.in(q.lang)
		}
		edge, w := pal.Line, 1.5
		if i == q.cur && !q.answered {
			edge, w = pal.Accent, 2.5
		}
		label := ""
		if len(q.slotBox) > 1 {
			label = slotName(q.spec.Family, i, q.lang)
		}
		if q.answered && i < len(q.correct) {
			ok := i < len(q.picked) && q.picked[i] == q.correct[i]
			edge, w = pal.Bad, 3
			if ok {
				edge = pal.Good
			}
			if !ok {
				label = msgAnswerWas.f(q.lang, valueText(q.correct[i], q.lang))
			}
		}
		c.fill(r, 10, pal.Panel)
		c.stroke(r, 10, w, edge)
		if label != "" {
			c.text(label, r.X+10, r.Y+13, 13, pal.Dim, AlignStart)
		}
		if s == "" && !q.answered {
			s = "…"
		}
		c.text(s, r.Right()-14, r.CY()+5, c.txt.Fit(s, 24, 14, r.W-24), pal.Text, AlignEnd)
	}
}

// slotName names slot i of a slots answer.
func slotName(f quiz.Family, i int, lang quiz.Lang) string {
	if f == quiz.PagingSplit {
		return []msg{msgPageNumber, msgOffset}[min(i, 1)].in(lang)
	}
	return strconv.Itoa(i + 1)
}

// valueText writes a number answer, "trap" for quiz.Trap.
func valueText(v int64, lang quiz.Lang) string {
	if v == quiz.Trap {
		return msgTrapKey.in(lang)
	}
	return strconv.FormatInt(v, 10)
}
