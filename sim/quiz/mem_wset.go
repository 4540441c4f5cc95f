package quiz

import (
	"errors"
	"slices"

	"github.com/osarena/osarena/sim/rng"
	"github.com/osarena/osarena/sim/scenario"
	"github.com/osarena/osarena/sim/wset"
)

// wsetLevel is what a difficulty means for the working set: the window Δ,
// the length of the reference string, the pages it uses and whether the
// window may be read as the closed interval [t−Δ, t] (Δ+1 references).
type wsetLevel struct {
	delta, refs [2]int
	pages       int
	closed      bool
}

var wsetLevels = [MaxDifficulty + 1]wsetLevel{
	1: {[2]int{3, 4}, [2]int{10, 12}, 6, false},
	2: {[2]int{4, 5}, [2]int{12, 14}, 7, false},
	3: {[2]int{5, 6}, [2]int{14, 16}, 8, false},
	4: {[2]int{6, 8}, [2]int{16, 20}, 9, false},
	5: {[2]int{6, 10}, [2]int{18, 24}, 10, true},
}

// genWSet draws a reference string with locality and asks about times
// whose window is full, starting at one where a window one reference
// longer would add a page (so the off-by-one mistake shows).
func genWSet(r *rng.Rand, d int) (any, []int, error) {
	lv := wsetLevels[d]
	c := wset.Config{Delta: between(r, lv.delta)}
	c.Refs = genRefs(r, between(r, lv.refs), lv.pages)
	if lv.closed && r.IntN(2) == 0 {
		c.Rules.Window = wset.WindowClosedInterval
	}
	length := c.Delta
	if c.Rules.Window == wset.WindowClosedInterval {
		length++
	}
	var telling, all []int
	for i := length; i < len(c.Refs); i++ { // step i is t = i+1
		all = append(all, i)
		if !slices.Contains(c.Refs[i-length+1:i+1], c.Refs[i-length]) {
			telling = append(telling, len(all)-1)
		}
	}
	if len(telling) == 0 {
		return c, all, nil
	}
	return c, all[telling[r.IntN(len(telling))]:], nil
}

func askWSet(sc any, step int) (*Question, error) {
	c := sc.(wset.Config)
	if len(c.At) > 0 {
		return nil, errors.New("must leave \"at\" out: the step is the time asked about")
	}
	tr, err := wset.Run(c)
	if err != nil {
		return nil, err
	}
	if err := checkStep(step, len(tr.Steps)); err != nil {
		return nil, err
	}
	doc, err := scenario.Encode("wset", c)
	if err != nil {
		return nil, err
	}
	t := step + 1
	s := tr.Steps[step]
	from := max(t-tr.Window+1, 1)
	q := &Question{Family: WSetAt, Topic: TopicWSet, Scenario: doc, Step: step,
		Rules: []Rule{{Name: "window", Value: tr.Rules.Window}}}
	args := []string{"t", itoa(t), "delta", itoa(tr.Delta), "from", itoa(from), "set", joinInts(s.Set),
		"size", itoa(s.Size), "window", itoa(tr.Window)}
	q.Prompt = T("wset.at.prompt."+tr.Rules.Window, args[:4]...)
	explain := "wset.at.explain." + tr.Rules.Window
	// A window one reference too short drops the oldest reference: say so
	// when that page is referenced nowhere else in the window.
	if edge := c.Refs[from-1]; t-from+1 == tr.Window && !slices.Contains(c.Refs[from:t], edge) {
		explain += ".edge"
		args = append(args, "edge", itoa(edge))
	}
	q.Explanation = T(explain, args...)
	values := make([]int64, len(s.Set))
	for i, p := range s.Set {
		values[i] = int64(p)
	}
	q.Answer = Answer{Kind: KindSet, Values: values}
	q.Wrong = wsetWrongs(c.Refs, t, tr.Window, s.Set, args)
	return q, nil
}

// wsetWrongs lists the pages a window one reference too long would add
// (the page referenced just before the window). A set answer cannot name
// the page a window one too short would drop, so the explanation does.
func wsetWrongs(refs []int, t, window int, set []int, args []string) []Misconception {
	var out []Misconception
	if before := t - window; before >= 1 {
		p := refs[before-1]
		if !slices.Contains(set, p) {
			out = append(out, Misconception{Value: int64(p), Why: T("wset.at.why.long", append(args, "page", itoa(p), "at", itoa(before))...)})
		}
	}
	return out
}
