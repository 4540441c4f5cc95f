package quiz

import (
	"encoding/json"
	"errors"
	"strconv"
	"strings"

	"github.com/osarena/osarena/sim/paging"
	"github.com/osarena/osarena/sim/rng"
	"github.com/osarena/osarena/sim/scenario"
)

// eatLevel is what a difficulty means for the effective access time: the
// page-table levels, memory and TLB times (unit × [lo, hi]), the hit ratio
// in thousandths and whether the TLB may be searched in parallel with the
// first table read.
type eatLevel struct {
	levels         [2]int
	memUnit, memLo int
	memHi          int
	tlbUnit        int
	tlbLo, tlbHi   int
	hitLo, hitHi   int // per mille
	hitStep        int // per mille
	parallel       bool
}

var eatLevels = [MaxDifficulty + 1]eatLevel{
	1: {[2]int{1, 1}, 100, 1, 1, 10, 1, 2, 800, 990, 10, false},
	2: {[2]int{1, 1}, 100, 1, 2, 10, 1, 5, 750, 990, 10, false},
	3: {[2]int{1, 2}, 50, 2, 4, 10, 1, 5, 700, 990, 10, false},
	4: {[2]int{2, 4}, 10, 5, 20, 5, 1, 10, 700, 995, 5, false},
	5: {[2]int{1, 4}, 10, 5, 20, 5, 1, 10, 700, 999, 1, true},
}

// genEAT draws times and then a hit ratio, among those the level allows,
// whose effective access time is a whole number of nanoseconds, so the
// answer is exact (tolerance 0).
func genEAT(r *rng.Rand, d int) (any, []int, error) {
	lv := eatLevels[d]
	var hs []int
	for range 20 {
		c := paging.EATConfig{
			Levels:   between(r, lv.levels),
			MemoryNS: lv.memUnit * between(r, [2]int{lv.memLo, lv.memHi}),
			TLBNS:    lv.tlbUnit * between(r, [2]int{lv.tlbLo, lv.tlbHi}),
		}
		if lv.parallel && r.IntN(2) == 0 {
			c.Rules.TLBLookup = paging.LookupParallel
		}
		hit, miss := c.TLBNS+c.MemoryNS, c.TLBNS+(c.Levels+1)*c.MemoryNS
		if c.Rules.TLBLookup == paging.LookupParallel {
			miss -= c.TLBNS
		}
		hs = hs[:0]
		for h := lv.hitLo; h <= lv.hitHi; h += lv.hitStep {
			if (h*hit+(1000-h)*miss)%1000 == 0 {
				hs = append(hs, h)
			}
		}
		if len(hs) > 0 {
			c.HitRatio = json.Number(permille(hs[r.IntN(len(hs))]))
			return c, []int{0}, nil
		}
	}
	return nil, nil, ErrNoCheckpoint
}

// permille writes h/1000 (0 ≤ h < 1000) as the shortest decimal: 980 → "0.98".
func permille(h int) string {
	s := strconv.Itoa(1000 + h)[1:]
	return "0." + strings.TrimRight(s, "0")
}

// eatOf is h·hit + (1−h)·miss, exactly.
func eatOf(h paging.Frac, hit, miss int) paging.Frac {
	return paging.NewFrac(h.Num*int64(hit)+(h.Den-h.Num)*int64(miss), h.Den)
}

func askEAT(sc any, step int) (*Question, error) {
	c := sc.(paging.EATConfig)
	if step != 0 {
		return nil, errors.New("must be 0: the question is about the whole formula")
	}
	tr, err := paging.RunEAT(c)
	if err != nil {
		return nil, err
	}
	doc, err := scenario.Encode("eat", c)
	if err != nil {
		return nil, err
	}
	k, m, t, h := tr.Levels, tr.MemoryNS, tr.TLBNS, tr.HitRatio
	hit, miss := tr.Terms[0].CostNS, tr.Terms[1].CostNS
	parallel := tr.Rules.TLBLookup == paging.LookupParallel
	q := &Question{Family: EATCompute, Topic: TopicEAT, Scenario: doc, Rules: []Rule{{Name: "tlb_lookup", Value: tr.Rules.TLBLookup}}}
	args := []string{"m", itoa(m), "t", itoa(t), "h", h.String(), "k", itoa(k),
		"miss_ratio", tr.Terms[1].Probability.String(), "hit_cost", itoa(hit), "miss_cost", itoa(miss),
		"reads", itoa(k + 1), "eat", tr.EATNS.String()}
	rule := "serial"
	if parallel {
		rule = "parallel"
	}
	q.Prompt = T("eat.compute.prompt."+rule, args[:8]...)
	q.Explanation = T("eat.compute.explain."+rule, args...)
	// The answer is exact when the generator made it whole; a pack's
	// scenario may not be, and then the answer is rounded half up and one
	// nanosecond either way is accepted.
	answer, tol := roundFrac(tr.EATNS), int64(0)
	if !tr.EATNS.IsInt() {
		tol = 1
	}
	q.Answer = Answer{Kind: KindNumber, Values: []int64{answer}, Tolerance: tol, Unit: Term("eat.unit.ns")}
	if tol == 0 {
		q.Wrong = eatWrongs(h, k, m, t, parallel, answer, args)
	}
	return q, nil
}

// eatWrongs lists the results, rounded, of the usual mistakes: the TLB
// time left out of a miss (or, searched in parallel, added to it), one
// table read instead of k, the data access left out of a miss, the TLB time
// left out of a hit, and the hit and miss ratios swapped.
func eatWrongs(h paging.Frac, k, m, t int, parallel bool, answer int64, args []string) []Misconception {
	w := wrongs{answer: answer}
	hit, miss := t+m, t+(k+1)*m
	if parallel {
		miss = (k + 1) * m
	}
	// A student who makes the mistake types the result rounded.
	add := func(f paging.Frac, key string) { w.add(roundFrac(f), T(key, args...)) }
	if parallel {
		add(eatOf(h, hit, t+(k+1)*m), "eat.compute.why.serial")
	} else {
		add(eatOf(h, hit, (k+1)*m), "eat.compute.why.notlb")
	}
	if k > 1 {
		add(eatOf(h, hit, miss-(k-1)*m), "eat.compute.why.onelevel")
	}
	add(eatOf(h, hit, miss-m), "eat.compute.why.nodata")
	add(eatOf(h, m, miss), "eat.compute.why.hitnotlb")
	swapped := paging.NewFrac(h.Den-h.Num, h.Den)
	add(eatOf(swapped, hit, miss), "eat.compute.why.swapped")
	return w.list
}

// roundFrac rounds a non-negative fraction half up.
func roundFrac(f paging.Frac) int64 { return (2*f.Num + f.Den) / (2 * f.Den) }
