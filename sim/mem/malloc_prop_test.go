package mem

import (
	"cmp"
	"fmt"
	"slices"
	"testing"

	"github.com/osarena/osarena/sim/rng"
)

// randomMalloc draws a valid malloc scenario of n ops: any policy, order,
// rules, header and alignment, variable or fixed partitions, and a mix of
// allocs, frees of live allocations and (variable only) compactions.
func randomMalloc(r *rng.Rand, n int) MallocConfig {
	c := MallocConfig{
		Policy: Fits[r.IntN(len(Fits))],
		Order:  Orders[r.IntN(len(Orders))],
		Base:   r.IntN(1000),
		Header: r.IntN(3) * 4,
		Align:  1 << r.IntN(4),
		Rules: MallocRules{
			Rover:     []string{RoverAfterLast, RoverAtLast}[r.IntN(2)],
			Remainder: []string{RemainderInPlace, RemainderReinsert}[r.IntN(2)],
		},
	}
	if r.IntN(4) == 0 {
		for range 1 + r.IntN(12) {
			c.Partitions = append(c.Partitions, 8+r.IntN(120))
		}
	} else {
		c.Size = 64 + r.IntN(2000)
		c.Coalesce = bp(r.IntN(3) > 0)
	}
	size := c.Size
	for _, p := range c.Partitions {
		size += p
	}
	var live []int
	allocated := 0
	for range n {
		switch k := r.IntN(10); {
		case k < 5 || len(live) == 0:
			c.Ops = append(c.Ops, alloc(1+r.IntN(max(1, size/6))))
			live = append(live, allocated)
			allocated++
		case k < 9:
			j := r.IntN(len(live))
			c.Ops = append(c.Ops, free(live[j]))
			live = slices.Delete(live, j, j+1)
		case c.Partitions == nil:
			c.Ops = append(c.Ops, compactOp())
		}
	}
	return c
}

// TestMallocInvariants runs thousands of random scenarios and checks every
// step: free and allocated spans tile [base, base+size) exactly (so blocks
// never overlap, stay inside memory, and free + allocated = size); with
// coalescing on, no two free entries touch; with fixed partitions every span
// is a whole partition; the figures agree with the lists; a failed alloc
// changes nothing.
func TestMallocInvariants(t *testing.T) {
	r := rng.New(1, rng.StreamMemory)
	for i := range 3000 {
		c := randomMalloc(r, 1+r.IntN(60))
		tr, err := RunMalloc(c)
		if err != nil {
			t.Fatalf("scenario %d: RunMalloc(%+v): %v", i, c, err)
		}
		requests := map[int]int{} // alloc ordinal → bytes requested
		ord := 0
		for j, s := range tr.Steps {
			if s.Alloc != nil {
				requests[ord] = *s.Alloc
				ord++
			}
			if err := checkStep(tr, s, requests); err != nil {
				t.Fatalf("scenario %d (%s fit, order %s, coalesce %v, rules %+v), step %d (%s): %v\nfree list %v\nallocated %v",
					i, tr.Policy, tr.Order, tr.Coalesce, tr.Rules, j, opCell(s), err, s.FreeList, s.Allocated)
			}
			if s.Alloc != nil && s.Addr < 0 && j > 0 && !slices.Equal(s.FreeList, tr.Steps[j-1].FreeList) {
				t.Fatalf("scenario %d step %d: a failed alloc changed the free list", i, j)
			}
		}
	}
}

func checkStep(tr *MallocTrace, s MallocStep, requests map[int]int) error {
	type span struct {
		Span
		free bool
	}
	var spans []span
	for _, h := range s.FreeList {
		spans = append(spans, span{h, true})
	}
	for _, b := range s.Allocated {
		spans = append(spans, span{Span{b.Addr, b.Size}, false})
	}
	slices.SortFunc(spans, func(x, y span) int { return cmp.Compare(x.Addr, y.Addr) })
	at, free, allocated := tr.Base, 0, 0
	for k, sp := range spans {
		if sp.Size <= 0 || sp.Addr != at {
			return fmt.Errorf("span %v: want a non-empty span starting at %d (overlap or gap)", sp.Span, at)
		}
		if tr.Coalesce && sp.free && k > 0 && spans[k-1].free {
			return fmt.Errorf("free spans %v and %v touch with coalescing on", spans[k-1].Span, sp.Span)
		}
		if sp.free {
			free += sp.Size
		} else {
			allocated += sp.Size
		}
		at = sp.End()
	}
	if at != tr.Base+tr.Size {
		return fmt.Errorf("spans end at %d; want %d", at, tr.Base+tr.Size)
	}
	if free+allocated != tr.Size || s.Stats.Free != free || s.Stats.Allocated != allocated {
		return fmt.Errorf("free %d + allocated %d (stats %d + %d); want size %d", free, allocated, s.Stats.Free, s.Stats.Allocated, tr.Size)
	}
	if tr.Partitions != nil {
		starts := map[Span]bool{}
		addr := tr.Base
		for _, p := range tr.Partitions {
			starts[Span{addr, p}] = true
			addr += p
		}
		for _, sp := range spans {
			if !starts[sp.Span] {
				return fmt.Errorf("span %v is not a partition", sp.Span)
			}
		}
	}
	largest, internal := 0, 0
	for _, h := range s.FreeList {
		largest = max(largest, h.Size)
	}
	for _, b := range s.Allocated {
		internal += b.Size - tr.Header - requests[b.Alloc]
		if b.Size-tr.Header < requests[b.Alloc] {
			return fmt.Errorf("block %v is smaller than header %d + request %d", b, tr.Header, requests[b.Alloc])
		}
	}
	want := Stats{Allocated: allocated, Free: free, Largest: largest, Holes: len(s.FreeList), External: free - largest, Internal: internal}
	if s.Stats != want {
		return fmt.Errorf("stats %+v; want %+v", s.Stats, want)
	}
	return nil
}

// TestBestFitRemainder checks, on thousands of random allocator states,
// that for the same request best fit never leaves a larger remainder than
// first fit (and worst fit never a smaller one), that all three fail
// together, and that best and worst fit's early stop on a sorted list picks
// what a full scan picks.
func TestBestFitRemainder(t *testing.T) {
	r := rng.New(2, rng.StreamMemory)
	checked := 0
	for i := range 2000 {
		c := randomMalloc(r, 1+r.IntN(40))
		c.Policy = FirstFit
		res, err := c.resolve()
		if err != nil {
			t.Fatalf("scenario %d: %v", i, err)
		}
		a := newAllocator(res)
		for _, op := range res.Ops {
			switch {
			case op.Alloc != nil:
				need := a.need(*op.Alloc)
				first, _ := a.pick(FirstFit, need)
				best, _ := a.pick(BestFit, need)
				worst, _ := a.pick(WorstFit, need)
				if (first < 0) != (best < 0) || (first < 0) != (worst < 0) {
					t.Fatalf("scenario %d: need %d in %v: first %d, best %d, worst %d; want all to fail or none", i, need, a.list.holes, first, best, worst)
				}
				if first >= 0 {
					h := a.list.holes
					if h[best].Size > h[first].Size || h[worst].Size < h[first].Size {
						t.Fatalf("scenario %d: need %d in %v: remainders first %d, best %d, worst %d; want best <= first <= worst",
							i, need, h, h[first].Size-need, h[best].Size-need, h[worst].Size-need)
					}
					checked++
				}
				if a.sorted {
					sorted := a.sorted
					a.sorted = false
					fullBest, _ := a.pick(BestFit, need)
					fullWorst, _ := a.pick(WorstFit, need)
					a.sorted = sorted
					if res.Order == OrderSizeAsc && fullBest != best || res.Order == OrderSizeDesc && fullWorst != worst {
						t.Fatalf("scenario %d: need %d in sorted %v: early stop picked best %d worst %d; full scan %d %d", i, need, a.list.holes, best, worst, fullBest, fullWorst)
					}
				}
				a.alloc(*op.Alloc)
			case op.Free != nil:
				a.free(*op.Free)
			default:
				a.compact()
			}
		}
	}
	if checked < 10000 {
		t.Fatalf("only %d successful requests compared; want at least 10000", checked)
	}
}
