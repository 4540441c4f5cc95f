package fs

import "strings"

// FreeStep is one operation and the structure after it.
type FreeStep struct {
	Op         string `json:"op"` // "alloc" or "free"
	N          int    `json:"n"`  // blocks asked for (alloc) or released (free)
	Contiguous bool   `json:"contiguous,omitempty"`
	// Of is the alloc op whose blocks a free releases.
	Of *int `json:"of,omitempty"`
	// OK is false when an alloc found too few free blocks (or no run long
	// enough); the structure is then unchanged.
	OK bool `json:"ok"`
	// Blocks are the blocks allocated or released, ascending.
	Blocks []int `json:"blocks"`
	// Visited counts the entries of the structure an alloc examines: bits
	// (bitmap), list nodes (linked), grouping blocks (grouping), runs
	// (counting). Reads counts those that are disk blocks: list nodes and
	// grouping blocks; the bitmap and the counting table are in memory.
	// Frees count neither.
	Visited int       `json:"visited"`
	Reads   int       `json:"reads"`
	State   FreeState `json:"state"`
}

// FreeState is the free-space structure at one moment. Only the member of
// the scenario's method is set, with Free, the number of free blocks.
type FreeState struct {
	Free int `json:"free"`
	// Bitmap has one character per block, block 0 first, under rules.bit.
	Bitmap string `json:"bitmap,omitempty"`
	// List is the free list from its head, in address order.
	List []int `json:"list,omitempty"`
	// Groups are the grouping blocks from the head: each lists the next
	// group_size free blocks, the last of which is the next grouping block.
	Groups []Group `json:"groups,omitempty"`
	// Runs are the (first block, count) entries of counting, by address.
	Runs []Run `json:"runs,omitempty"`
}

// Group is one grouping block and the free blocks it lists.
type Group struct {
	Block    int   `json:"block"`
	Pointers []int `json:"pointers"`
}

// Run is count consecutive free blocks from Start.
type Run struct {
	Start int `json:"start"`
	Count int `json:"count"`
}

// FreeSpaceTrace is the result of a freespace scenario.
type FreeSpaceTrace struct {
	Method    string      `json:"method"`
	Blocks    int         `json:"blocks"`
	GroupSize int         `json:"group_size,omitempty"`
	Rules     BitmapRules `json:"rules"`
	Initial   FreeState   `json:"initial"`
	Steps     []FreeStep  `json:"steps"`
	Failed    int         `json:"failed"` // allocs that could not be satisfied
}

// RunFreeSpace validates c and runs its operations.
//
// Every method allocates the same blocks, so the four structures always
// describe the same free set and differ only in their contents and in what
// an allocation walks: a non-contiguous alloc of n takes the n lowest free
// blocks; a contiguous one takes the lowest run of n free blocks (first
// fit). The free list and the grouping blocks are kept in address order.
// An alloc walks its structure from the start to the last block it takes
// (to the end when it fails): Visited is the number of entries examined
// (for a list node or grouping block, it is also read, since its pointer
// leads to the rest).
func RunFreeSpace(c FreeSpaceConfig) (*FreeSpaceTrace, error) {
	c, err := c.resolve()
	if err != nil {
		return nil, err
	}
	m := NewBitmap(c.Blocks)
	for _, b := range c.FreeBlocks {
		m.Release(b)
	}
	t := &FreeSpaceTrace{Method: c.Method, Blocks: c.Blocks, GroupSize: c.GroupSize, Rules: c.Rules,
		Steps: make([]FreeStep, len(c.Ops))}
	free := m.FreeBlocks(nil)
	t.Initial = c.state(m, free)
	got := make([][]int, len(c.Ops))
	for i, op := range c.Ops {
		s := &t.Steps[i]
		if op.Free != nil {
			k := *op.Free
			s.Op, s.Of, s.OK = "free", &k, true
			s.Blocks = got[k]
			for _, b := range got[k] {
				m.Release(b)
			}
			s.N = len(s.Blocks)
		} else {
			s.Op, s.N, s.Contiguous = "alloc", op.Alloc, op.Contiguous
			if op.Contiguous {
				var start int
				if start, s.OK = m.AllocRun(op.Alloc); s.OK {
					for b := start; b < start+op.Alloc; b++ {
						s.Blocks = append(s.Blocks, b)
					}
				}
			} else {
				s.Blocks, s.OK = m.AllocAny(op.Alloc, nil)
			}
			if !s.OK {
				t.Failed++
			}
			got[i] = s.Blocks
			s.Visited, s.Reads = c.walk(free, s.Blocks)
		}
		if s.Blocks == nil {
			s.Blocks = []int{}
		}
		free = m.FreeBlocks(free[:0])
		s.State = c.state(m, free)
	}
	return t, nil
}

// walk counts what an alloc examines in the structure as it stood before
// the alloc (free: the free blocks then, ascending), to reach the last
// block taken, or all of it when taken is empty (the alloc failed).
func (c FreeSpaceConfig) walk(free, taken []int) (visited, reads int) {
	pos := len(free) - 1 // position of the last block examined in free
	if len(taken) > 0 {
		last := taken[len(taken)-1]
		pos = 0
		for free[pos] != last {
			pos++
		}
	}
	switch c.Method {
	case BitmapMethod:
		if len(taken) > 0 {
			return taken[len(taken)-1] + 1, 0
		}
		return c.Blocks, 0
	case ListMethod:
		return pos + 1, pos + 1
	case GroupingMethod:
		if pos < 0 {
			return 0, 0
		}
		return pos/c.GroupSize + 1, pos/c.GroupSize + 1
	}
	runs := 0
	for i := 0; i <= pos; i++ {
		if i == 0 || free[i] != free[i-1]+1 {
			runs++
		}
	}
	return runs, 0
}

// state builds the structure of c's method for the free set free.
func (c FreeSpaceConfig) state(m *Bitmap, free []int) FreeState {
	st := FreeState{Free: len(free)}
	switch c.Method {
	case BitmapMethod:
		one, zero := byte('1'), byte('0')
		if c.Rules.Bit == BitOneUsed {
			one, zero = zero, one
		}
		var b strings.Builder
		b.Grow(c.Blocks)
		for i := range c.Blocks {
			if m.IsFree(i) {
				b.WriteByte(one)
			} else {
				b.WriteByte(zero)
			}
		}
		st.Bitmap = b.String()
	case ListMethod:
		st.List = append([]int{}, free...)
	case GroupingMethod:
		n := c.GroupSize
		for j := 0; j < len(free); j += n {
			st.Groups = append(st.Groups, Group{Block: free[j], Pointers: append([]int{}, free[j+1:min(j+n+1, len(free))]...)})
		}
	case CountingMethod:
		for i, b := range free {
			if i > 0 && b == free[i-1]+1 {
				st.Runs[len(st.Runs)-1].Count++
			} else {
				st.Runs = append(st.Runs, Run{Start: b, Count: 1})
			}
		}
	}
	return st
}
