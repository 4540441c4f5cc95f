package mem

import (
	"cmp"
	"slices"
)

// handle is what one alloc op returned.
type handle struct {
	block   int // where the block starts, or -1 when the alloc failed
	size    int // bytes the block takes, header included
	request int // bytes the caller asked for
	live    bool
}

// allocator is the state of one malloc simulation. RunMalloc snapshots it
// after every operation; benchmarks drive it directly.
type allocator struct {
	r       resolved
	list    freeList
	handles []handle // by alloc ordinal
	// sorted tells that the list is kept sorted by its size order, so best
	// fit (size-asc) and worst fit (size-desc) can stop early.
	sorted bool
}

func newAllocator(r resolved) *allocator {
	a := &allocator{r: r, list: freeList{order: r.Order}}
	sizeOrder := r.Order == OrderSizeAsc || r.Order == OrderSizeDesc
	a.sorted = sizeOrder && (r.fixed || r.Rules.Remainder == RemainderReinsert)
	if !r.fixed {
		a.list.holes = []Span{{r.Base, r.Size}}
		return a
	}
	addr := r.Base
	for _, p := range r.Partitions {
		s := Span{addr, p}
		if sizeOrder {
			a.list.insert(s)
		} else {
			a.list.holes = append(a.list.holes, s)
		}
		addr += p
	}
	a.list.rover = 0
	return a
}

// need is the block size a request of n bytes takes: n rounded up to the
// alignment, plus the header.
func (a *allocator) need(n int) int {
	al := a.r.Align
	return (n+al-1)/al*al + a.r.Header
}

// pick chooses the hole for a block of need bytes under the fit policy. It
// returns the hole's index (-1 when none fits) and how many entries it
// examined. Ties go to the earliest entry in list order (next fit: the
// earliest from the rover).
func (a *allocator) pick(policy Fit, need int) (idx, searched int) {
	holes := a.list.holes
	n := len(holes)
	switch {
	case policy == FirstFit || policy == BestFit && a.sorted && a.r.Order == OrderSizeAsc:
		for i, h := range holes {
			if h.Size >= need {
				return i, i + 1
			}
		}
		return -1, n
	case policy == WorstFit && a.sorted && a.r.Order == OrderSizeDesc:
		if n > 0 && holes[0].Size >= need {
			return 0, 1
		}
		return -1, min(n, 1)
	case policy == NextFit:
		for j := range n {
			i := (a.list.rover + j) % n
			if holes[i].Size >= need {
				return i, j + 1
			}
		}
		return -1, n
	}
	idx = -1
	for i, h := range holes {
		if h.Size < need {
			continue
		}
		if idx < 0 || policy == BestFit && h.Size < holes[idx].Size || policy == WorstFit && h.Size > holes[idx].Size {
			idx = i
		}
	}
	return idx, n
}

// alloc serves a request of n bytes and returns the block (-1 on failure),
// the hole it came from and the entries searched.
func (a *allocator) alloc(n int) (block Span, hole Span, searched int) {
	need := a.need(n)
	idx, searched := a.pick(a.r.Policy, need)
	if idx < 0 {
		a.handles = append(a.handles, handle{block: -1, request: n})
		return Span{-1, 0}, Span{}, searched
	}
	l := &a.list
	hole = l.holes[idx]
	block = Span{hole.Addr, need}
	switch {
	case a.r.fixed || hole.Size == need:
		block.Size = hole.Size
		l.removeAt(idx)
		l.rover = idx
	case a.r.Rules.Remainder == RemainderReinsert:
		l.removeAt(idx)
		l.rover = idx
		l.normalize()
		j := l.insert(Span{hole.Addr + need, hole.Size - need})
		if a.r.Rules.Rover == RoverAtLast {
			l.rover = j
		}
	default:
		l.holes[idx] = Span{hole.Addr + need, hole.Size - need}
		l.rover = idx
		if a.r.Rules.Rover != RoverAtLast {
			l.rover = idx + 1
		}
	}
	l.normalize()
	a.handles = append(a.handles, handle{block: block.Addr, size: block.Size, request: n, live: true})
	return block, hole, searched
}

// free releases alloc k and returns the block released (Addr -1 when alloc
// k had failed: nothing happens) and the hole it became after coalescing.
func (a *allocator) free(k int) (block, hole Span) {
	h := &a.handles[k]
	if !h.live {
		return Span{-1, 0}, Span{}
	}
	h.live = false
	block = Span{h.block, h.size}
	hole = block
	if a.r.coalesce {
		l := &a.list
		if i := l.find(func(s Span) bool { return s.End() == hole.Addr }); i >= 0 {
			hole = Span{l.holes[i].Addr, l.holes[i].Size + hole.Size}
			l.removeAt(i)
		}
		if i := l.find(func(s Span) bool { return s.Addr == block.End() }); i >= 0 {
			hole.Size += l.holes[i].Size
			l.removeAt(i)
		}
	}
	a.list.insert(hole)
	return block, hole
}

// Move is one block compaction slid down.
type Move struct {
	Alloc int `json:"alloc"` // the alloc op whose block moved
	From  int `json:"from"`  // old block address
	To    int `json:"to"`    // new block address
	Size  int `json:"size"`  // bytes moved (the whole block, header included)
}

// compact slides every live block, in address order, down against the one
// below it (the first against Base), leaves one hole above them, resets the
// rover and returns the moves made.
func (a *allocator) compact() []Move {
	live := a.liveByAddress()
	var moves []Move
	next := a.r.Base
	for _, k := range live {
		h := &a.handles[k]
		if h.block != next {
			moves = append(moves, Move{Alloc: k, From: h.block, To: next, Size: h.size})
			h.block = next
		}
		next += h.size
	}
	a.list.holes = a.list.holes[:0]
	if end := a.r.Base + a.r.Size; next < end {
		a.list.holes = append(a.list.holes, Span{next, end - next})
	}
	a.list.rover = 0
	return moves
}

// liveByAddress returns the ordinals of the live allocations by address.
func (a *allocator) liveByAddress() []int {
	var live []int
	for k, h := range a.handles {
		if h.live {
			live = append(live, k)
		}
	}
	slices.SortFunc(live, func(x, y int) int { return cmp.Compare(a.handles[x].block, a.handles[y].block) })
	return live
}
