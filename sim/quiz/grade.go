package quiz

import "slices"

// FullCredit is the credit of a completely right answer, in thousandths.
const FullCredit = 1000

// Grade is the verdict on a response.
type Grade struct {
	// Credit is in thousandths: FullCredit for a right answer, a share for a
	// partly right multi-slot answer, 0 for a wrong or missing one.
	Credit int `json:"credit"`
	// Slots marks each slot right or wrong (slots and set answers).
	Slots []bool `json:"slots,omitempty"`
	// Why names the misconception a wrong answer matches, when one does (for
	// a set answer: the first wrong value that matches one).
	Why Text `json:"why,omitzero"`
}

// Correct reports whether the answer earned full credit.
func (g Grade) Correct() bool { return g.Credit == FullCredit }

// Grade grades a response: the values the player gave, in the answer's
// shape. A response of the wrong length earns nothing.
func (q *Question) Grade(resp []int64) Grade {
	a := q.Answer
	switch a.Kind {
	case KindChoice, KindNumber:
		if len(resp) != 1 || len(a.Values) != 1 {
			return Grade{}
		}
		d := resp[0] - a.Values[0]
		if d < 0 {
			d = -d
		}
		if d <= a.Tolerance {
			return Grade{Credit: FullCredit}
		}
		return Grade{Why: q.why(resp[0])}
	case KindSlots:
		if len(resp) != len(a.Values) {
			return Grade{}
		}
		g := Grade{Slots: make([]bool, len(resp))}
		right := 0
		for i, v := range resp {
			if v == a.Values[i] {
				g.Slots[i] = true
				right++
			}
		}
		g.Credit = right * FullCredit / len(a.Values)
		return g
	case KindSet:
		seen := map[int64]bool{}
		g := Grade{Slots: make([]bool, len(resp))}
		right, wrong := 0, 0
		for i, v := range resp {
			switch {
			case seen[v]:
				wrong++ // a value twice counts against the player
			case slices.Contains(a.Values, v):
				g.Slots[i] = true
				right++
			default:
				wrong++
			}
			seen[v] = true
		}
		if len(a.Values) > 0 {
			g.Credit = max(0, right-wrong) * FullCredit / len(a.Values)
		}
		for i, v := range resp {
			if !g.Slots[i] {
				if g.Why = q.why(v); !g.Why.IsZero() {
					break
				}
			}
		}
		return g
	}
	return Grade{}
}

// why returns the misconception behind a wrong single value, if known.
func (q *Question) why(v int64) Text {
	for _, c := range q.Choices {
		if c.Value == v {
			return c.Why
		}
	}
	for _, m := range q.Wrong {
		if m.Value == v {
			return m.Why
		}
	}
	return Text{}
}

// Scoring constants of DESIGN.md §4.
const (
	BasePoints     = 500  // a correct answer at the deadline
	SpeedPoints    = 500  // added for an instant answer, falling linearly to 0 at the deadline
	UntimedPoints  = 1000 // a correct answer when the host turned timing off
	StreakStep     = 50   // bonus per correct answer in the streak before this one
	MaxStreakBonus = 250
)

// Points scores a graded answer. elapsedMs is the server-measured answer
// time and limitMs the time limit; streak is the number of consecutive
// fully correct answers just before this one. A correct answer earns
// 500 + 500 × (1 − t/T), rounded half up (or 1000 when untimed), plus a
// streak bonus of 50 per earlier answer in the streak, capped at 250; a
// partly right answer earns its share of the base and speed points and no
// bonus; a wrong or missing one earns 0. It also returns the new streak.
func Points(g Grade, elapsedMs, limitMs int64, timed bool, streak int) (points, newStreak int) {
	if g.Credit <= 0 {
		return 0, 0
	}
	base := int64(UntimedPoints)
	if timed && limitMs > 0 {
		t := min(max(elapsedMs, 0), limitMs)
		// 500 + 500(T−t)/T, rounded half up, in integers.
		base = BasePoints + (2*SpeedPoints*(limitMs-t)+limitMs)/(2*limitMs)
	}
	points = int(base * int64(g.Credit) / FullCredit)
	if !g.Correct() {
		return points, 0
	}
	return points + min(StreakStep*streak, MaxStreakBonus), streak + 1
}
