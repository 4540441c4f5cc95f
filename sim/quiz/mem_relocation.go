package quiz

import (
	"slices"

	"github.com/osarena/osarena/sim/mem"
	"github.com/osarena/osarena/sim/rng"
	"github.com/osarena/osarena/sim/scenario"
)

// relocLevel is what a difficulty means for base/limit translation: the
// register ranges (value = unit × [lo, hi]), how many addresses, and whether
// the limit may hold the partition's end (rule limit=end) instead of its size.
type relocLevel struct {
	baseUnit, baseLo, baseHi    int
	limitUnit, limitLo, limitHi int
	addresses                   int
	endRule                     bool
}

var relocLevels = [MaxDifficulty + 1]relocLevel{
	1: {1000, 1, 9, 100, 3, 9, 4, false},
	2: {100, 10, 99, 10, 20, 99, 4, false},
	3: {1, 1000, 9999, 1, 200, 1999, 5, false},
	4: {1, 10000, 99999, 1, 1000, 9999, 5, false},
	5: {1, 10000, 99999, 1, 1000, 9999, 6, true},
}

// genRelocation draws registers and a mix of addresses: plainly legal,
// plainly out of range, the two sides of the limit, and (from difficulty 3)
// addresses between the limit and base+limit, which only a student who
// compares with base+limit lets through.
func genRelocation(r *rng.Rand, d int) (any, []int, error) {
	lv := relocLevels[d]
	base := lv.baseUnit * (lv.baseLo + r.IntN(lv.baseHi-lv.baseLo+1))
	size := lv.limitUnit * (lv.limitLo + r.IntN(lv.limitHi-lv.limitLo+1))
	kinds := []int{0, 0, 1, 2, 3}
	if d >= 3 {
		kinds = append(kinds, 4, 4)
	}
	c := mem.RelocationConfig{Base: base, Limit: size, Addresses: make([]int, lv.addresses)}
	for i := range c.Addresses {
		va := -1
		for va < 0 || slices.Contains(c.Addresses[:i], va) {
			va = relocAddress(r, kinds[r.IntN(len(kinds))], base, size)
			if d <= 2 && va%10 != 0 && va != size-1 {
				va -= va % 10 // round numbers at the easy levels
			}
		}
		c.Addresses[i] = va
	}
	if lv.endRule && r.IntN(2) == 0 {
		c.Rules.Limit, c.Limit = mem.LimitEnd, base+size
	}
	return c, allSteps(len(c.Addresses)), nil
}

// relocAddress draws an address of one kind for registers base and size.
func relocAddress(r *rng.Rand, kind, base, size int) int {
	var va int
	switch kind {
	case 0: // legal
		va = r.IntN(size)
	case 1: // the last legal address
		va = size - 1
	case 2: // the first illegal one
		va = size
	case 3: // well past the end
		va = size + 1 + r.IntN(size)
	default: // past the limit but below base+limit
		va = size + 1 + r.IntN(base)
	}
	return va
}

func askRelocation(sc any, step int) (*Question, error) {
	c := sc.(mem.RelocationConfig)
	tr, err := mem.RunRelocation(c)
	if err != nil {
		return nil, err
	}
	if err := checkStep(step, len(tr.Results)); err != nil {
		return nil, err
	}
	doc, err := scenario.Encode("relocation", c)
	if err != nil {
		return nil, err
	}
	res := tr.Results[step]
	va, base, limit := res.VA, tr.Base, tr.Limit
	end := tr.Rules.Limit == mem.LimitEnd
	q := &Question{Family: RelocationTranslate, Topic: TopicRelocation, Scenario: doc, Step: step,
		Rules: []Rule{{Name: "limit", Value: tr.Rules.Limit}}}
	args := []string{"base", itoa(base), "limit", itoa(limit), "va", itoa(va), "pa", itoa(base + va)}
	rule := "size"
	if end {
		rule = "end"
	}
	q.Prompt = T("relocation.translate.prompt."+rule, args[:6]...)
	answer := addrAnswer(int(res.PA), res.Valid)
	q.Answer = Answer{Kind: KindNumber, Values: []int64{answer}}
	w := wrongs{answer: answer}
	size := limit
	if end {
		size = limit - base
	}
	switch {
	case res.Valid:
		q.Explanation = T("relocation.translate.explain.valid."+rule, args...)
		if base != 0 {
			w.add(int64(va), T("relocation.translate.why.nobase", args...))
		}
		if va == size-1 {
			w.add(Trap, T("relocation.translate.why.last."+rule, args...))
		} else {
			w.add(Trap, T("relocation.translate.why.valid."+rule, args...))
		}
	default:
		q.Explanation = T("relocation.translate.explain.trap."+rule, args...)
		switch {
		case va == size:
			w.add(int64(base+va), T("relocation.translate.why.offbyone."+rule, args...))
		case !end && va < base+limit:
			w.add(int64(base+va), T("relocation.translate.why.baselimit", append(args, "sum", itoa(base+limit))...))
		case end && va < limit:
			w.add(int64(base+va), T("relocation.translate.why.endsize", args...))
		default:
			w.add(int64(base+va), T("relocation.translate.why.nolimit", args...))
		}
	}
	q.Wrong = w.list
	return q, nil
}
