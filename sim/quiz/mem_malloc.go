package quiz

import (
	"errors"
	"fmt"
	"slices"

	"github.com/osarena/osarena/sim/mem"
	"github.com/osarena/osarena/sim/rng"
	"github.com/osarena/osarena/sim/scenario"
)

// mallocLevel is what a difficulty means for contiguous allocation: the
// fit policies, how many holes the setup leaves, the size unit, whether
// blocks carry a header and alignment, and whether the free list may be
// kept in another order than by address.
type mallocLevel struct {
	policies        []mem.Fit
	holes           [2]int
	unit            int
	hole, used, req [2]int // sizes in units
	padded, orders  bool
}

var mallocLevels = [MaxDifficulty + 1]mallocLevel{
	1: {[]mem.Fit{mem.FirstFit, mem.BestFit, mem.WorstFit}, [2]int{3, 4}, 100, [2]int{1, 12}, [2]int{2, 9}, [2]int{1, 6}, false, false},
	2: {mem.Fits, [2]int{4, 4}, 10, [2]int{2, 40}, [2]int{5, 30}, [2]int{2, 20}, false, false},
	3: {mem.Fits, [2]int{4, 5}, 1, [2]int{20, 400}, [2]int{50, 300}, [2]int{10, 200}, false, false},
	4: {mem.Fits, [2]int{4, 5}, 1, [2]int{20, 400}, [2]int{50, 300}, [2]int{10, 200}, true, false},
	5: {mem.Fits, [2]int{5, 6}, 1, [2]int{20, 400}, [2]int{50, 300}, [2]int{10, 200}, true, true},
}

// genMalloc lays out memory as holes between allocated blocks: it
// allocates every piece in address order (one hole, so any policy places
// them the same way), frees the pieces that become holes, then asks about
// the requests that follow, starting at one where the policies disagree.
func genMalloc(r *rng.Rand, d int) (any, []int, error) {
	lv := mallocLevels[d]
	for range 32 {
		c := mem.MallocConfig{Policy: pick(r, lv.policies...), Base: 1000 * r.IntN(10)}
		if lv.padded {
			c.Header, c.Align = pick(r, 4, 8), pick(r, 4, 8, 16)
		}
		if lv.orders && r.IntN(2) == 0 {
			c.Order = pick(r, mem.OrderSizeAsc, mem.OrderSizeDesc, mem.OrderFront, mem.OrderBack)
		}
		align := max(c.Align, 1)
		// block sizes that a request of size-header bytes fills exactly
		block := func(lohi [2]int) int {
			units := lv.unit * between(r, lohi)
			return (units+align-1)/align*align + c.Header
		}
		n := between(r, lv.holes)
		var ops []mem.Op
		var holes []int // alloc ordinals to free
		for i := range 2 * n {
			size := block(lv.used)
			if i%2 == 0 {
				holes = append(holes, i)
				size = block(lv.hole)
			}
			ops = append(ops, mem.Op{Alloc: intp(size - c.Header)})
			c.Size += size
		}
		if r.IntN(2) == 0 {
			c.Size += block(lv.hole) // a hole at the top
		}
		for _, k := range holes {
			ops = append(ops, mem.Op{Free: intp(k)})
		}
		first := len(ops)
		for range 2 + r.IntN(2) {
			ops = append(ops, mem.Op{Alloc: intp(lv.unit * between(r, lv.req))})
		}
		c.Ops = ops
		tr, err := mem.RunMalloc(c)
		if err != nil {
			return nil, nil, err
		}
		var steps []int
		for i := first; i < len(ops); i++ {
			s := tr.Steps[i]
			if s.Block < 0 || len(tr.Steps[i-1].FreeList) < 2 {
				break
			}
			if len(steps) == 0 && !mallocDisagree(tr, i) {
				continue
			}
			steps = append(steps, i)
		}
		if len(steps) > 0 {
			return c, steps, nil
		}
	}
	return nil, nil, ErrNoCheckpoint
}

func intp(v int) *int { return &v }

// mallocDisagree reports whether at least two fit policies would take
// different holes at step i.
func mallocDisagree(tr *mem.MallocTrace, i int) bool {
	st := mallocBefore(tr, i)
	seen := -1
	for _, p := range mem.Fits {
		h := st.pick(p)
		if seen >= 0 && h != seen {
			return true
		}
		seen = h
	}
	return false
}

// mallocState is the free list just before an alloc, as a student reads it.
type mallocState struct {
	holes []mem.Span
	rover int // next fit's rover (0 for other policies)
	need  int // the block size the request takes
}

func mallocBefore(tr *mem.MallocTrace, i int) mallocState {
	prev := tr.Steps[i-1]
	st := mallocState{holes: prev.FreeList}
	if prev.Rover != nil {
		st.rover = *prev.Rover
	}
	req := *tr.Steps[i].Alloc
	st.need = (req+tr.Align-1)/tr.Align*tr.Align + tr.Header
	return st
}

// pick returns the index of the hole policy p takes (ties to the earliest
// in list order; next fit from the rover), or -1 when none fits.
func (st mallocState) pick(p mem.Fit) int {
	n := len(st.holes)
	best := -1
	for j := range n {
		i := j
		if p == mem.NextFit {
			i = (st.rover + j) % n
		}
		h := st.holes[i]
		if h.Size < st.need {
			continue
		}
		switch {
		case best < 0:
			best = i
		case p == mem.BestFit && h.Size < st.holes[best].Size, p == mem.WorstFit && h.Size > st.holes[best].Size:
			best = i
		}
		if best >= 0 && (p == mem.FirstFit || p == mem.NextFit) {
			return best
		}
	}
	return best
}

func askMalloc(sc any, step int) (*Question, error) {
	c := sc.(mem.MallocConfig)
	tr, err := mem.RunMalloc(c)
	if err != nil {
		return nil, err
	}
	if err := checkStep(step, len(tr.Steps)); err != nil {
		return nil, err
	}
	s := tr.Steps[step]
	if s.Alloc == nil || step == 0 || s.Block < 0 {
		return nil, errors.New("must be an alloc that succeeds, after at least one other operation")
	}
	doc, err := scenario.Encode("malloc", c)
	if err != nil {
		return nil, err
	}
	st := mallocBefore(tr, step)
	got := st.pick(tr.Policy)
	if got < 0 || st.holes[got] != s.Hole {
		return nil, fmt.Errorf("quiz: malloc %s picks %v, the simulator %v", tr.Policy, got, s.Hole)
	}
	q := &Question{Family: MallocFit, Topic: TopicMalloc, Scenario: doc, Step: step, Rules: []Rule{
		{Name: "order", Value: tr.Order}, {Name: "coalesce", Value: fmt.Sprint(tr.Coalesce)},
		{Name: "rover", Value: tr.Rules.Rover}, {Name: "remainder", Value: tr.Rules.Remainder}}}
	hole := st.holes[got]
	args := []string{"policy", Term("malloc.policy." + string(tr.Policy)), "order", Term("malloc.order." + tr.Order),
		"req", itoa(*s.Alloc), "header", itoa(tr.Header), "align", itoa(tr.Align),
		"need", itoa(st.need), "addr", itoa(hole.Addr), "size", itoa(hole.Size),
		"rover", itoa(st.holes[st.rover].Addr)}
	padded := ""
	if tr.Header > 0 || tr.Align > 1 {
		padded = ".padded"
	}
	q.Prompt = T("malloc.fit.prompt"+padded, args[:10]...)
	q.Explanation = T("malloc.fit.explain."+string(tr.Policy)+padded, args...)
	q.Answer = Answer{Kind: KindChoice, Values: []int64{int64(hole.Addr)}}
	byAddr := slices.Clone(st.holes)
	slices.SortFunc(byAddr, func(a, b mem.Span) int { return a.Addr - b.Addr })
	for _, h := range byAddr {
		ch := Choice{Value: int64(h.Addr), Label: T("malloc.fit.choice", "addr", itoa(h.Addr), "size", itoa(h.Size))}
		if h != hole {
			ch.Why = mallocWhy(st, tr.Policy, h, args)
		}
		q.Choices = append(q.Choices, ch)
	}
	return q, nil
}

// mallocWhy names the misconception behind choosing hole h: the policy that
// would take it (next fit only when next fit is asked about: the first-fit
// reading then means "searched from the front"), or a hole too small.
func mallocWhy(st mallocState, policy mem.Fit, h mem.Span, args []string) Text {
	hargs := append(slices.Clone(args), "hole_addr", itoa(h.Addr), "hole_size", itoa(h.Size))
	for _, p := range mem.Fits {
		if p == policy || p == mem.NextFit {
			continue
		}
		if i := st.pick(p); i >= 0 && st.holes[i] == h {
			key := "malloc.fit.why." + string(p)
			if policy == mem.NextFit && p == mem.FirstFit {
				key = "malloc.fit.why.front"
			}
			return T(key, hargs...)
		}
	}
	if h.Size < st.need {
		return T("malloc.fit.why.small", hargs...)
	}
	return T("malloc.fit.why.other."+string(policy), hargs...)
}
