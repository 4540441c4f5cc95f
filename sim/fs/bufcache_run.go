package fs

// BufStep is what happened at one reference.
type BufStep struct {
	Ref   int  `json:"ref"`
	Write bool `json:"write,omitempty"`
	Hit   bool `json:"hit"`
	// Buffer holds the block after the step.
	Buffer int `json:"buffer"`
	// Victim is the block evicted to make room, or null.
	Victim Buf `json:"victim"`
	// DiskRead is set on a miss: the block is read into its buffer (also
	// for a write, which then changes the buffer).
	DiskRead bool `json:"disk_read"`
	// DiskWrites are the blocks written to disk at this step: the dirty
	// victim (write-back) or the written block (write-through).
	DiskWrites []int `json:"disk_writes,omitempty"`
	// Buffers are every buffer's block after the step.
	Buffers []Buf `json:"buffers"`
	// Dirty marks the buffers whose block differs from the disk (write-back).
	Dirty []int `json:"dirty,omitempty"`
	// Counts are the LFU reference counts of every buffer after the step.
	Counts []int `json:"counts,omitempty"`
}

// BufCacheTrace is the result of a bufcache scenario.
type BufCacheTrace struct {
	Policy  string        `json:"policy"`
	Buffers int           `json:"buffers"`
	Rules   BufCacheRules `json:"rules"`
	Steps   []BufStep     `json:"steps"`
	Hits    int           `json:"hits"`
	Misses  int           `json:"misses"`
	// HitRatio is Hits / (Hits + Misses), an IEEE-754 division (exact to
	// the last bit on every platform).
	HitRatio   float64 `json:"hit_ratio"`
	DiskReads  int     `json:"disk_reads"`
	DiskWrites int     `json:"disk_writes"` // including the flush
	// Flush lists the dirty blocks written at the end, by buffer (write-back).
	Flush []int `json:"flush"`
}

// bufEngine is the state of one buffer-cache run.
type bufEngine struct {
	c      BufCacheConfig
	block  []int       // buffer → block, -1 when free
	where  map[int]int // block → buffer, for the blocks held
	dirty  []bool
	last   []int // buffer → step of its latest reference
	loaded []int // buffer → step its block was loaded
	count  []int // buffer → LFU count
	total  map[int]int
	used   int
}

// RunBufCache validates c and runs its references through the cache. A
// miss loads the block into the lowest free buffer, or into the victim's:
// LRU evicts the buffer used longest ago, LFU the one with the lowest count
// (ties by rules.count_tie). Every miss is one disk read, writes included
// (write-allocate: the block is read, then changed in its buffer).
func RunBufCache(c BufCacheConfig) (*BufCacheTrace, error) {
	c, err := c.resolve()
	if err != nil {
		return nil, err
	}
	k := c.Buffers
	e := &bufEngine{c: c, block: make([]int, k), where: map[int]int{}, dirty: make([]bool, k),
		last: make([]int, k), loaded: make([]int, k), count: make([]int, k), total: map[int]int{}}
	for i := range e.block {
		e.block[i] = -1
	}
	back := c.Rules.Write == WriteBack
	t := &BufCacheTrace{Policy: c.Policy, Buffers: k, Rules: c.Rules, Steps: make([]BufStep, len(c.Refs)), Flush: []int{}}
	bufs := make([]Buf, len(c.Refs)*k)
	var dirty, counts []int
	if back {
		dirty = make([]int, len(c.Refs)*k)
	}
	if c.Policy == LFUCache {
		counts = make([]int, len(c.Refs)*k)
	}
	for i, ref := range c.Refs {
		s := &t.Steps[i]
		s.Ref, s.Victim = ref, Empty
		s.Write = len(c.Writes) > 0 && c.Writes[i]
		f, hit := e.where[ref]
		if !hit {
			if e.used < k {
				f = e.used
				e.used++
			} else {
				f = e.victim()
				s.Victim = Buf(e.block[f])
				delete(e.where, e.block[f])
				if e.dirty[f] {
					s.DiskWrites = append(s.DiskWrites, e.block[f])
				}
			}
			e.block[f], e.where[ref], e.loaded[f], e.dirty[f], e.count[f] = ref, f, i, false, 0
			if c.Rules.Count == "all-time" {
				e.count[f] = e.total[ref]
			}
			s.DiskRead = true
			t.Misses++
		} else {
			t.Hits++
		}
		s.Hit, s.Buffer = hit, f
		e.last[f] = i
		e.count[f]++
		e.total[ref]++
		if s.Write {
			if back {
				e.dirty[f] = true
			} else {
				s.DiskWrites = append(s.DiskWrites, ref)
			}
		}
		t.DiskWrites += len(s.DiskWrites)
		s.Buffers = bufs[i*k : (i+1)*k : (i+1)*k]
		for j, b := range e.block {
			s.Buffers[j] = Buf(b)
		}
		if back {
			s.Dirty = dirty[i*k : (i+1)*k : (i+1)*k]
			for j, d := range e.dirty {
				if d {
					s.Dirty[j] = 1
				}
			}
		}
		if counts != nil {
			s.Counts = counts[i*k : (i+1)*k : (i+1)*k]
			copy(s.Counts, e.count)
		}
	}
	for f, d := range e.dirty {
		if d {
			t.Flush = append(t.Flush, e.block[f])
		}
	}
	t.DiskWrites += len(t.Flush)
	t.DiskReads = t.Misses
	t.HitRatio = float64(t.Hits) / float64(t.Hits+t.Misses)
	return t, nil
}

// victim picks the buffer to evict when every buffer is full.
func (e *bufEngine) victim() int {
	best := 0
	for f := 1; f < len(e.block); f++ {
		switch {
		case e.c.Policy == LRUCache:
			if e.last[f] < e.last[best] {
				best = f
			}
		case e.count[f] != e.count[best]:
			if e.count[f] < e.count[best] {
				best = f
			}
		case e.c.Rules.CountTie == "fifo":
			if e.loaded[f] < e.loaded[best] {
				best = f
			}
		default:
			if e.last[f] < e.last[best] {
				best = f
			}
		}
	}
	return best
}
