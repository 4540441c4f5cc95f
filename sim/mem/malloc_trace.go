package mem

import "strconv"

// Block is an allocated block in a snapshot. It encodes as the JSON triple
// [addr, size, alloc]: where the block starts, its bytes (header included)
// and the ordinal of the alloc op that made it.
type Block struct {
	Addr  int
	Size  int
	Alloc int
}

// MarshalJSON encodes b as [addr, size, alloc].
func (b Block) MarshalJSON() ([]byte, error) {
	out := append([]byte{'['}, strconv.Itoa(b.Addr)...)
	for _, v := range []int{b.Size, b.Alloc} {
		out = append(out, ',')
		out = append(out, strconv.Itoa(v)...)
	}
	return append(out, ']'), nil
}

// Stats are the fragmentation figures after a step.
type Stats struct {
	// Allocated is the bytes in allocated blocks (headers included); Free
	// the bytes in holes. Allocated + Free = the scenario's size.
	Allocated int `json:"allocated"`
	Free      int `json:"free"`
	// Largest is the largest free-list entry and Holes the number of
	// entries (without coalescing, touching entries count separately, as
	// the allocator sees them).
	Largest int `json:"largest"`
	Holes   int `json:"holes"`
	// External is the external fragmentation: free bytes outside the
	// largest hole (Free − Largest), the bytes no single request can use.
	External int `json:"external"`
	// Internal is the internal fragmentation: over the allocated blocks,
	// block size − header − bytes requested (alignment padding, and the
	// unused rest of a fixed partition).
	Internal int `json:"internal"`
}

// MallocStep is what one operation did.
type MallocStep struct {
	// The operation, as in the scenario: exactly one is set.
	Alloc   *int `json:"alloc,omitempty"`
	Free    *int `json:"free,omitempty"`
	Compact bool `json:"compact,omitempty"`
	// Addr is what the caller gets or gives back (Block + header); Block
	// where the block starts and Size its bytes, header included. Addr and
	// Block are -1 (Size 0) for a failed alloc, the free of a failed alloc
	// and compaction.
	Addr  int `json:"addr"`
	Block int `json:"block"`
	Size  int `json:"size"`
	// Searched is how many free-list entries the alloc examined. First and
	// next fit stop at the first fit; best and worst fit examine every
	// entry, unless the list is kept sorted their way (order size-asc for
	// best, size-desc for worst, with fixed partitions or rules.remainder
	// "reinsert"), when they stop as soon as the order settles the answer.
	Searched int `json:"searched"`
	// Hole is the free-list entry an alloc took its block from, as it was
	// before the split, or the hole a free made (after coalescing).
	Hole Span `json:"hole,omitzero"`
	// Moved is the bytes compaction copied and Moves the blocks it slid.
	Moved int    `json:"moved,omitempty"`
	Moves []Move `json:"moves,omitempty"`
	// Rover is next fit's rover after the step: the index in FreeList where
	// the next search starts.
	Rover *int `json:"rover,omitempty"`
	// FreeList is the free list after the step, in list order; Allocated
	// the allocated blocks by address.
	FreeList  []Span  `json:"free_list"`
	Allocated []Block `json:"allocated"`
	Stats     Stats   `json:"stats"`
}

// MallocTrace is the full run of a malloc scenario.
type MallocTrace struct {
	Policy     Fit          `json:"policy"`
	Order      string       `json:"order"`
	Coalesce   bool         `json:"coalesce"`
	Base       int          `json:"base"`
	Size       int          `json:"size"`
	Header     int          `json:"header"`
	Align      int          `json:"align"`
	Partitions []int        `json:"partitions,omitempty"`
	Rules      MallocRules  `json:"rules"`
	Steps      []MallocStep `json:"steps"`
	// Failed counts the allocs that found no hole; Moved the bytes all
	// compactions copied.
	Failed int `json:"failed"`
	Moved  int `json:"moved"`
}

// RunMalloc validates c and runs every operation, recording each step.
func RunMalloc(c MallocConfig) (*MallocTrace, error) {
	r, err := c.resolve()
	if err != nil {
		return nil, err
	}
	a := newAllocator(r)
	t := &MallocTrace{
		Policy: r.Policy, Order: r.Order, Coalesce: r.coalesce, Base: r.Base, Size: r.Size,
		Header: r.Header, Align: r.Align, Partitions: r.Partitions, Rules: r.Rules,
		Steps: make([]MallocStep, len(r.Ops)),
	}
	for i, op := range r.Ops {
		s := &t.Steps[i]
		s.Alloc, s.Free, s.Compact = op.Alloc, op.Free, op.Compact
		s.Addr, s.Block = -1, -1
		switch {
		case op.Alloc != nil:
			block, hole, searched := a.alloc(*op.Alloc)
			s.Searched, s.Hole = searched, hole
			if block.Addr < 0 {
				t.Failed++
			} else {
				s.Block, s.Size, s.Addr = block.Addr, block.Size, block.Addr+r.Header
			}
		case op.Free != nil:
			block, hole := a.free(*op.Free)
			if block.Addr >= 0 {
				s.Block, s.Size, s.Addr, s.Hole = block.Addr, block.Size, block.Addr+r.Header, hole
			}
		default:
			s.Moves = a.compact()
			for _, m := range s.Moves {
				s.Moved += m.Size
			}
			t.Moved += s.Moved
		}
		if r.Policy == NextFit {
			rover := a.list.rover
			s.Rover = &rover
		}
		s.FreeList = append([]Span{}, a.list.holes...)
		s.Allocated, s.Stats = a.snapshot()
	}
	return t, nil
}

// snapshot returns the allocated blocks by address and the figures.
func (a *allocator) snapshot() ([]Block, Stats) {
	live := a.liveByAddress()
	blocks := make([]Block, len(live))
	var st Stats
	for i, k := range live {
		h := a.handles[k]
		blocks[i] = Block{h.block, h.size, k}
		st.Allocated += h.size
		st.Internal += h.size - a.r.Header - h.request
	}
	for _, h := range a.list.holes {
		st.Free += h.Size
		st.Largest = max(st.Largest, h.Size)
	}
	st.Holes = len(a.list.holes)
	st.External = st.Free - st.Largest
	return blocks, st
}
