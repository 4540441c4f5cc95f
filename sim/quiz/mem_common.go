package quiz

import (
	"fmt"

	"github.com/osarena/osarena/sim/rng"
)

// wrongs collects the misconceptions of a number answer: each wrong value
// once, never the answer itself, in the order they were added (the most
// telling first).
type wrongs struct {
	answer int64
	list   []Misconception
}

// add records that value v comes from the mistake why, unless v is the
// answer or already explained.
func (w *wrongs) add(v int64, why Text) {
	if v == w.answer {
		return
	}
	for _, m := range w.list {
		if m.Value == v {
			return
		}
	}
	w.list = append(w.list, Misconception{Value: v, Why: why})
}

// addrAnswer is the value of a translation: the physical address, or Trap.
func addrAnswer(pa int, ok bool) int64 {
	if !ok {
		return Trap
	}
	return int64(pa)
}

// checkStep reports whether step indexes a list of n.
func checkStep(step, n int) error {
	if step < 0 || step >= n {
		return fmt.Errorf("must be between 0 and %d", n-1)
	}
	return nil
}

// allSteps returns 0, 1, ..., n-1.
func allSteps(n int) []int {
	s := make([]int, n)
	for i := range s {
		s[i] = i
	}
	return s
}

// pick returns one of xs.
func pick[T any](r *rng.Rand, xs ...T) T { return xs[r.IntN(len(xs))] }

// i64 formats an int64.
func i64(v int64) string { return itoa(int(v)) }
