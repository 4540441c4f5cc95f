package quiz

import (
	"fmt"
	"strings"
	"testing"

	"github.com/osarena/osarena/sim/internal/golden"
	"github.com/osarena/osarena/sim/replace"
)

// Golden questions pin a few questions per family — prompt, answer, choices
// with their misconceptions, explanation — rendered in both languages. The
// same files are checked natively and under wasm, so they also prove that
// generation is byte-identical across platforms.
func TestGoldenQuestions(t *testing.T) {
	for _, fam := range Families() {
		t.Run(string(fam), func(t *testing.T) {
			var b strings.Builder
			for _, c := range []struct {
				seed uint64
				d    int
			}{{1, 1}, {2, 3}, {3, 5}} {
				q, err := Generate(fam, c.seed, c.d)
				if err != nil {
					t.Fatal(err)
				}
				fmt.Fprintf(&b, "== seed %d difficulty %d step %d\nscenario %s\nanswer %s %v\n", c.seed, c.d, q.Step, q.Scenario, q.Answer.Kind, q.Answer.Values)
				for _, r := range q.Rules {
					fmt.Fprintf(&b, "rule %s=%s\n", r.Name, r.Value)
				}
				for _, l := range Langs {
					fmt.Fprintf(&b, "[%s] %s\n", l, q.Prompt.Render(l))
					for _, ch := range q.Choices {
						fmt.Fprintf(&b, "[%s]   %d: %s", l, ch.Value, ch.Label.Render(l))
						if !ch.Why.IsZero() {
							fmt.Fprintf(&b, " — %s", ch.Why.Render(l))
						}
						b.WriteString("\n")
					}
					for _, m := range q.Wrong {
						fmt.Fprintf(&b, "[%s]   wrong %d: %s\n", l, m.Value, m.Why.Render(l))
					}
					fmt.Fprintf(&b, "[%s] → %s\n", l, q.Explanation.Render(l))
				}
			}
			golden.Bytes(t, string(fam)+".txt", []byte(b.String()))
		})
	}
}

func TestAnomalyTableRises(t *testing.T) {
	for i, a := range anomalies {
		fewer, err := replace.Count(replace.Config{Policy: a.policy, Frames: a.frames, Refs: a.refs})
		if err != nil {
			t.Fatal(err)
		}
		more, err := replace.Count(replace.Config{Policy: a.policy, Frames: a.frames + 1, Refs: a.refs})
		if err != nil {
			t.Fatal(err)
		}
		if more <= fewer {
			t.Errorf("anomalies[%d] (%s, %d frames): %d faults, %d with one more frame; want a rise", i, a.policy, a.frames, fewer, more)
		}
	}
}

func TestPoints(t *testing.T) {
	full, none, half := Grade{Credit: FullCredit}, Grade{}, Grade{Credit: 500}
	tests := []struct {
		name              string
		g                 Grade
		elapsed, limit    int64
		timed             bool
		streak            int
		points, newStreak int
	}{
		{"instant", full, 0, 20000, true, 0, 1000, 1},
		{"at the deadline", full, 20000, 20000, true, 0, 500, 1},
		{"halfway", full, 10000, 20000, true, 0, 750, 1},
		{"rounds half up", full, 1, 3, true, 0, 833, 1}, // 500 + 500·2/3 = 833.33
		{"past the deadline counts as the deadline", full, 25000, 20000, true, 0, 500, 1},
		{"streak bonus", full, 10000, 20000, true, 2, 850, 3},
		{"streak bonus capped", full, 10000, 20000, true, 9, 1000, 10},
		{"untimed", full, 15000, 20000, false, 0, 1000, 1},
		{"untimed with streak", full, 15000, 20000, false, 1, 1050, 2},
		{"wrong breaks the streak", none, 1000, 20000, true, 4, 0, 0},
		{"partial credit, no bonus, streak ends", half, 0, 20000, true, 3, 500, 0},
	}
	for _, tt := range tests {
		p, s := Points(tt.g, tt.elapsed, tt.limit, tt.timed, tt.streak)
		if p != tt.points || s != tt.newStreak {
			t.Errorf("%s: Points(%d, %d, %d, %v, %d) = %d, %d; want %d, %d", tt.name, tt.g.Credit, tt.elapsed, tt.limit, tt.timed, tt.streak, p, s, tt.points, tt.newStreak)
		}
	}
}

func TestGradeKinds(t *testing.T) {
	tests := []struct {
		name   string
		a      Answer
		resp   []int64
		credit int
	}{
		{"choice right", Answer{Kind: KindChoice, Values: []int64{7}}, []int64{7}, 1000},
		{"choice wrong", Answer{Kind: KindChoice, Values: []int64{7}}, []int64{2}, 0},
		{"choice, two values", Answer{Kind: KindChoice, Values: []int64{7}}, []int64{7, 2}, 0},
		{"no response", Answer{Kind: KindChoice, Values: []int64{7}}, nil, 0},
		{"number within tolerance", Answer{Kind: KindNumber, Values: []int64{122}, Tolerance: 1}, []int64{121}, 1000},
		{"number outside tolerance", Answer{Kind: KindNumber, Values: []int64{122}, Tolerance: 1}, []int64{124}, 0},
		{"slots, 3 of 4", Answer{Kind: KindSlots, Values: []int64{1, 2, 3, 4}}, []int64{1, 2, 0, 4}, 750},
		{"slots, wrong length", Answer{Kind: KindSlots, Values: []int64{1, 2}}, []int64{1}, 0},
		{"set, any order", Answer{Kind: KindSet, Values: []int64{0, 2, 3}}, []int64{3, 0, 2}, 1000},
		{"set, one missing", Answer{Kind: KindSet, Values: []int64{0, 2, 3}}, []int64{3, 0}, 666},
		{"set, one extra", Answer{Kind: KindSet, Values: []int64{0, 2, 3}}, []int64{3, 0, 2, 1}, 666},
		{"set, repeated value", Answer{Kind: KindSet, Values: []int64{0, 2}}, []int64{0, 0}, 0},
		{"set, all wrong", Answer{Kind: KindSet, Values: []int64{0, 2}}, []int64{1, 3, 4}, 0},
	}
	for _, tt := range tests {
		q := &Question{Answer: tt.a}
		if g := q.Grade(tt.resp); g.Credit != tt.credit {
			t.Errorf("%s: Grade(%v) against %v = %d; want %d", tt.name, tt.resp, tt.a.Values, g.Credit, tt.credit)
		}
	}
}
