package quiz

import (
	"errors"
	"fmt"

	"github.com/osarena/osarena/sim/replace"
	"github.com/osarena/osarena/sim/rng"
	"github.com/osarena/osarena/sim/scenario"
)

// genReplaceWhole draws a scenario for a question about the whole string.
func genReplaceWhole(r *rng.Rand, d int) (any, []int, error) {
	return genReplaceConfig(r, d), []int{0}, nil
}

func askFaults(sc any, step int) (*Question, error) {
	c := sc.(replace.Config)
	if step != 0 {
		return nil, errors.New("must be 0: the question is about the whole string")
	}
	if c.Policy == replace.Random {
		return nil, fmt.Errorf("random replacement cannot be predicted")
	}
	q, tr, err := replaceQuestion(ReplaceFaults, c, 0)
	if err != nil {
		return nil, err
	}
	policy, frames := policyTerm(c.Policy), itoa(c.Frames)
	q.Prompt = T("replace.faults.prompt", "policy", policy, "frames", frames)
	q.Answer = Answer{Kind: KindNumber, Values: []int64{int64(tr.Faults)}, Unit: Term("unit.faults")}
	q.Explanation = T("replace.faults.explain", "policy", policy, "frames", frames, "faults", itoa(tr.Faults), "hits", itoa(tr.Hits), "refs", itoa(len(c.Refs)))
	seen := map[int64]bool{int64(tr.Faults): true}
	for _, other := range []replace.Policy{replace.FIFO, replace.LRU, replace.OPT, replace.Clock, replace.LFU, replace.MRU} {
		if other == c.Policy {
			continue
		}
		oc := c
		oc.Policy, oc.Rules = other, replace.Rules{}
		n, err := replace.Count(oc)
		if err != nil {
			return nil, err
		}
		if !seen[int64(n)] {
			seen[int64(n)] = true
			q.Wrong = append(q.Wrong, Misconception{Value: int64(n), Why: T("replace.faults.why.policy", "policy", policy, "other", policyTerm(other))})
		}
	}
	cold := min(c.Frames, distinctPages(c.Refs))
	if v := int64(tr.Faults - cold); !seen[v] {
		q.Wrong = append(q.Wrong, Misconception{Value: v, Why: T("replace.faults.why.cold", "cold", itoa(cold))})
	}
	return q, nil
}

func distinctPages(refs []int) int {
	seen := map[int]bool{}
	for _, p := range refs {
		seen[p] = true
	}
	return len(seen)
}

// anomalies are reference strings on which one more frame gives one more
// fault (found by a search over random strings, plus the classic one). A
// "yes" Belady question takes one and renames its pages, because random
// strings show the anomaly too rarely to search for at question time.
var anomalies = []struct {
	policy replace.Policy
	frames int
	refs   []int
}{
	{replace.FIFO, 3, []int{1, 2, 3, 4, 1, 2, 5, 1, 2, 3, 4, 5}}, // the classic: 9 → 10 faults
	{replace.FIFO, 3, []int{3, 0, 1, 1, 0, 2, 2, 0, 3, 0, 4, 3, 1, 0, 1, 1, 2, 4}},
	{replace.FIFO, 3, []int{1, 3, 4, 2, 0, 4, 3, 3, 2, 4, 1, 3, 4, 4, 2, 0, 1}},
	{replace.FIFO, 3, []int{4, 1, 1, 4, 5, 0, 1, 0, 4, 1, 3, 4, 1, 1, 2, 0, 3, 3}},
	{replace.FIFO, 3, []int{4, 3, 3, 3, 4, 0, 2, 2, 4, 0, 3, 1, 4, 3, 1, 0, 2, 1}},
	{replace.FIFO, 3, []int{1, 0, 4, 2, 0, 1, 1, 0, 1, 2, 0, 3, 1, 0, 0, 4, 2, 3}},
	{replace.FIFO, 3, []int{3, 2, 5, 4, 4, 3, 5, 4, 2, 3, 3, 1, 3, 0, 2, 5, 1}},
	{replace.FIFO, 4, []int{5, 0, 2, 1, 4, 5, 0, 3, 4, 1, 5, 0, 2, 1, 4, 3, 4, 1}},
	{replace.Clock, 3, []int{1, 3, 3, 2, 0, 2, 1, 4, 4, 1, 3, 3, 2, 2, 4, 0, 4}},
	{replace.Clock, 3, []int{5, 4, 5, 2, 4, 4, 1, 4, 3, 5, 1, 0, 1, 2, 1, 4, 3, 4}},
	{replace.Clock, 3, []int{3, 3, 1, 0, 5, 5, 1, 3, 5, 1, 5, 2, 3, 1, 1, 3}},
	{replace.Clock, 3, []int{2, 1, 1, 3, 0, 1, 2, 1, 1, 4, 4, 2, 1, 2, 2, 1, 4}},
	{replace.Clock, 3, []int{2, 0, 4, 1, 4, 3, 1, 2, 1, 0, 1, 4, 4, 0, 0, 1, 1}},
	{replace.Clock, 3, []int{2, 5, 2, 5, 1, 2, 1, 1, 5, 0, 5, 2, 5, 0, 4, 2, 5, 5}},
	{replace.Clock, 4, []int{2, 0, 2, 1, 1, 2, 3, 5, 0, 4, 2, 0, 1, 3, 5, 1, 1, 5}},
	{replace.Clock, 4, []int{3, 5, 3, 2, 4, 4, 1, 5, 3, 0, 3, 5, 2, 4, 2}},
	{replace.Clock, 4, []int{3, 4, 4, 4, 4, 1, 2, 3, 1, 1, 5, 4, 4, 0, 3, 0, 4}},
	{replace.Clock, 4, []int{4, 4, 5, 3, 5, 1, 4, 1, 5, 0, 0, 5, 5, 2, 4, 2, 5}},
	{replace.Clock, 4, []int{1, 5, 3, 1, 5, 5, 0, 4, 5, 4, 1, 5, 0, 0, 2, 4, 1, 5}},
	{replace.Clock, 4, []int{5, 4, 4, 2, 0, 2, 3, 4, 1, 5, 4, 5}},
}

// genBelady draws a string and a frame count k for "does k+1 frames fault
// more than k". Half the questions show the anomaly (a renamed string from
// anomalies; clock ones from difficulty 3); the others draw a random string
// for FIFO, LRU or OPT, where a rise is possible only for FIFO.
func genBelady(r *rng.Rand, d int) (any, []int, error) {
	if r.IntN(2) == 0 {
		n := 8 // FIFO ones
		if d >= 3 {
			n = len(anomalies)
		}
		a := anomalies[r.IntN(n)]
		names := r.Perm(10)
		refs := make([]int, len(a.refs))
		for i, v := range a.refs {
			refs[i] = names[v]
		}
		return replace.SweepConfig{Policy: a.policy, Refs: refs, MaxFrames: a.frames + 1}, []int{a.frames}, nil
	}
	policies := []replace.Policy{replace.FIFO, replace.LRU, replace.OPT}
	if d >= 3 {
		policies = append(policies, replace.Clock)
	}
	k := 2 + r.IntN(3)
	return replace.SweepConfig{Policy: policies[r.IntN(len(policies))], Refs: genRefs(r, 12+2*d, 5+d/2), MaxFrames: k + 1}, []int{k}, nil
}

// askBelady asks whether step+1 frames fault more than step frames; the
// scenario is a belady sweep whose max_frames is step+1.
func askBelady(sc any, step int) (*Question, error) {
	c := sc.(replace.SweepConfig)
	if step < 1 || step+1 > replace.MaxFrames || c.MaxFrames != step+1 {
		return nil, errors.New("must be the smaller frame count, and max_frames one more")
	}
	sw, err := replace.RunSweep(c)
	if err != nil {
		return nil, err
	}
	doc, err := scenario.Encode("belady", c)
	if err != nil {
		return nil, err
	}
	fewer, more := sw.Faults[step-1], sw.Faults[step]
	args := []string{"policy", policyTerm(c.Policy), "fewer", itoa(step), "more", itoa(step + 1), "faults_fewer", itoa(fewer), "faults_more", itoa(more)}
	q := &Question{Family: ReplaceBelady, Topic: TopicReplace, Scenario: doc, Step: step, Rules: replaceRules(sw.Rules)}
	q.Prompt = T("replace.belady.prompt", args[:6]...)
	stack := c.Policy == replace.LRU || c.Policy == replace.OPT
	yesWhy, noWhy := T("replace.belady.why.usually"), T("replace.belady.why.anomaly")
	if stack {
		yesWhy = T("replace.belady.why.stack", "policy", policyTerm(c.Policy))
	}
	if more > fewer {
		q.Answer = Answer{Kind: KindChoice, Values: []int64{1}}
		q.Explanation = T("replace.belady.explain.yes", args...)
		yesWhy = Text{}
	} else {
		q.Answer = Answer{Kind: KindChoice, Values: []int64{0}}
		q.Explanation = T("replace.belady.explain", args...)
		noWhy = Text{}
	}
	q.Choices = []Choice{{Value: 1, Label: T("choice.yes"), Why: yesWhy}, {Value: 0, Label: T("choice.no"), Why: noWhy}}
	return q, nil
}
