package paging

import (
	"math/bits"
)

// Fault reasons of a walk.
const (
	FaultInvalid  = "invalid"              // the entry's valid bit is clear
	FaultBadFrame = "frame-outside-memory" // the entry names a frame past the end of memory
)

// WalkResult is one address's walk.
type WalkResult struct {
	VA      int   `json:"va"`
	Indexes []int `json:"indexes"` // the index into each level's table
	Offset  int   `json:"offset"`
	// EntryAddrs and Entries are the physical address and value of the
	// entry read at each level, up to and including a faulting one.
	EntryAddrs []int    `json:"entry_addrs"`
	Entries    []uint64 `json:"entries"`
	// Frames are the frame numbers the entries read gave (valid or not).
	Frames []int `json:"frames"`
	// Fault is the 0-based level whose entry stopped the walk, or nil.
	Fault  *int   `json:"fault"`
	Reason string `json:"reason,omitempty"`
	PA     *int   `json:"pa"`
	Value  *int   `json:"value"` // the byte at PA
}

// WalkOverhead compares the tables present in memory with one linear table
// for the same address space.
type WalkOverhead struct {
	// Tables counts the tables reachable from the root, per level.
	Tables []int `json:"tables"`
	// TableBytes is the size of one table at each level.
	TableBytes       []int `json:"table_bytes"`
	MultilevelBytes  int   `json:"multilevel_bytes"`
	SingleLevelBytes int   `json:"single_level_bytes"`
	// MappedPages counts the valid entries of the last level.
	MappedPages int `json:"mapped_pages"`
}

// WalkTrace is the run of a page-walk scenario.
type WalkTrace struct {
	PageSize int          `json:"page_size"`
	VABits   int          `json:"va_bits"`
	Levels   []int        `json:"levels"`
	PTE      PTEFormat    `json:"pte"`
	Root     int          `json:"root"`
	Rules    WalkRules    `json:"rules"`
	Results  []WalkResult `json:"results"`
	Faults   int          `json:"faults"`
	Overhead WalkOverhead `json:"overhead"`
}

// walker translates through a memory image.
type walker struct {
	mem      []byte
	ps, ob   int
	levels   []int
	shift    []int // bit position of each level's index
	bytes    int
	valid    uint64
	pfn      uint64
	pfnShift int
	root     int
	pages    int
	little   bool
}

func newWalker(c WalkConfig, r WalkRules, mem []byte) *walker {
	w := &walker{
		mem: mem, ps: c.PageSize, ob: log2(c.PageSize), levels: c.Levels, bytes: c.PTE.Bytes,
		valid: c.PTE.ValidMask, pfn: c.PTE.PFNMask, pfnShift: bits.TrailingZeros64(c.PTE.PFNMask),
		root: c.Root, pages: len(mem) / c.PageSize, little: r.ByteOrder == LittleEndian,
	}
	w.shift = make([]int, len(c.Levels))
	s := w.ob
	for i := len(c.Levels) - 1; i >= 0; i-- {
		w.shift[i] = s
		s += c.Levels[i]
	}
	return w
}

// entry reads the entry at physical address a.
func (w *walker) entry(a int) uint64 {
	var v uint64
	for i := range w.bytes {
		b := uint64(w.mem[a+i])
		if w.little {
			v |= b << (8 * i)
		} else {
			v = v<<8 | b
		}
	}
	return v
}

// translate walks va; it returns the physical address or -1, and fills r
// when r is not nil.
func (w *walker) translate(va int, r *WalkResult) int {
	table := w.root
	for l, b := range w.levels {
		idx := va >> w.shift[l] & (1<<b - 1)
		a := table*w.ps + idx*w.bytes
		e := w.entry(a)
		f := int((e & w.pfn) >> w.pfnShift)
		if r != nil {
			r.Indexes = append(r.Indexes, idx)
			r.EntryAddrs = append(r.EntryAddrs, a)
			r.Entries = append(r.Entries, e)
			r.Frames = append(r.Frames, f)
		}
		reason := ""
		switch {
		case e&w.valid == 0:
			reason = FaultInvalid
		case f >= w.pages:
			reason = FaultBadFrame
		}
		if reason != "" {
			if r != nil {
				lv := l
				r.Fault, r.Reason = &lv, reason
			}
			return -1
		}
		table = f
	}
	return table*w.ps + va&(w.ps-1)
}

// RunWalk validates c and walks every address.
func RunWalk(c WalkConfig) (*WalkTrace, error) {
	rules, mem, err := c.resolve()
	if err != nil {
		return nil, err
	}
	w := newWalker(c, rules, mem)
	t := &WalkTrace{PageSize: c.PageSize, VABits: c.VABits, Levels: c.Levels, PTE: c.PTE, Root: c.Root, Rules: rules,
		Results: make([]WalkResult, len(c.Addresses))}
	for i, a := range c.Addresses {
		r := &t.Results[i]
		r.VA, r.Offset = a.VA, a.VA&(c.PageSize-1)
		if pa := w.translate(a.VA, r); pa >= 0 {
			v := int(mem[pa])
			r.PA, r.Value = &pa, &v
		} else {
			t.Faults++
		}
	}
	t.Overhead = w.overhead(c.VABits)
	return t, nil
}

// overhead counts the tables reachable from the root, each table once per
// level, scanning each table once: at most levels × pages tables.
func (w *walker) overhead(vaBits int) WalkOverhead {
	n := len(w.levels)
	o := WalkOverhead{Tables: make([]int, n), TableBytes: make([]int, n)}
	cur := []int{w.root}
	for l, b := range w.levels {
		o.Tables[l] = len(cur)
		o.TableBytes[l] = (1 << b) * w.bytes
		o.MultilevelBytes += len(cur) * o.TableBytes[l]
		seen := make([]bool, w.pages)
		var next []int
		for _, table := range cur {
			for idx := range 1 << b {
				e := w.entry(table*w.ps + idx*w.bytes)
				f := int((e & w.pfn) >> w.pfnShift)
				if e&w.valid == 0 || f >= w.pages {
					continue
				}
				if l == n-1 {
					o.MappedPages++
				} else if !seen[f] {
					seen[f] = true
					next = append(next, f)
				}
			}
		}
		cur = next
	}
	o.SingleLevelBytes = (1 << (vaBits - w.ob)) * w.bytes
	return o
}
