package replace

import "github.com/osarena/osarena/sim/rng"

// never is the next-use distance of a page that is not referenced again.
const never = int(^uint(0) >> 1)

// engine is the state of one simulation. It is shared by Count (no trace,
// no allocation per reference) and Run (which snapshots it after each step).
// Pages are indexes into where, which is sized by the largest page number.
type engine struct {
	c      Config
	k      int
	page   []int  // frame → page, -1 when free
	where  []int  // page → frame, -1 when not resident
	loaded []int  // frame → step at which its page was loaded
	last   []int  // frame → step of its page's latest reference
	count  []int  // frame → reference count under the count rule
	total  []int  // page → all-time reference count (count rule "all-time")
	ref    []bool // frame → reference bit
	dirty  []bool // frame → dirty bit
	used   int    // frames 0..used-1 hold pages; the rest are free
	hand   int    // clock hand, and FIFO's next victim
	prev   int    // frame of the previous reference (MRU's victim)
	// wasDirty tells whether the page the latest step evicted was dirty.
	wasDirty bool

	lru  lruList // LRU order of frames
	next []int   // OPT: step → step of the next reference to the same page
	heap optHeap // OPT: frames by next use, farthest first
	rnd  *rng.Rand
}

// decision holds what a trace records about how a victim was chosen. The
// engine fills it only when the caller asks (Run), never in Count.
type decision struct {
	distances     []int // OPT: steps to next use (never → -1); LRU: steps since last use
	counts        []int // LFU, MFU: reference counts
	secondChances []int // clock, eclock: frames whose reference bit was cleared, in sweep order
	sweeps        int   // eclock: passes made
}

func newEngine(c Config) *engine {
	k := c.Frames
	maxPage := 0
	for _, p := range c.Refs {
		maxPage = max(maxPage, p)
	}
	e := &engine{
		c: c, k: k,
		page: fill(make([]int, k), -1), where: fill(make([]int, maxPage+1), -1),
		loaded: make([]int, k), last: make([]int, k), count: make([]int, k),
		ref: make([]bool, k), dirty: make([]bool, k),
	}
	switch c.Policy {
	case LRU:
		e.lru = newLRUList(k)
	case LFU, MFU:
		if c.Rules.Count == CountAllTime {
			e.total = make([]int, maxPage+1)
		}
	case OPT:
		e.next = nextUses(c.Refs, maxPage)
		e.heap = newOptHeap(e)
	case Random:
		e.rnd = rng.New(c.Seed, rng.StreamReplace)
	}
	return e
}

func fill(s []int, v int) []int {
	for i := range s {
		s[i] = v
	}
	return s
}

// nextUses returns, for every step, the step of the next reference to the
// same page, or never. One backward pass: O(n).
func nextUses(refs []int, maxPage int) []int {
	next := make([]int, len(refs))
	seen := fill(make([]int, maxPage+1), never)
	for i := len(refs) - 1; i >= 0; i-- {
		next[i] = seen[refs[i]]
		seen[refs[i]] = i
	}
	return next
}

// step processes reference i. It returns whether it hit, the frame that now
// holds the page, and the evicted page (-1 if none). d, when not nil,
// receives the details of the victim choice.
func (e *engine) step(i int, d *decision) (hit bool, frame, victim int) {
	p := e.c.Refs[i]
	write := len(e.c.Writes) > 0 && e.c.Writes[i]
	victim = -1
	e.wasDirty = false
	if f := e.where[p]; f >= 0 {
		hit, frame = true, f
	} else {
		if e.used < e.k {
			frame = e.used
			e.used++
		} else {
			frame = e.choose(i, d)
			victim = e.page[frame]
			e.where[victim] = -1
			e.wasDirty = e.dirty[frame]
		}
		e.load(i, frame, p)
	}
	e.touch(i, frame, write)
	return hit, frame, victim
}

// load puts page p into frame at step i.
func (e *engine) load(i, frame, p int) {
	e.page[frame], e.where[p] = p, frame
	e.loaded[frame] = i
	e.dirty[frame] = false
	e.count[frame] = 0
	switch e.c.Policy {
	case Clock, EClock:
		// The bit set here is the bit on load; touch must not override it.
		e.ref[frame] = e.c.Rules.RefOnLoad == RefOnLoadSet
		e.hand = (frame + 1) % e.k
	case FIFO:
		e.hand = (frame + 1) % e.k
	case LFU, MFU:
		if e.total != nil {
			e.count[frame] = e.total[p]
		}
	}
}

// touch records the reference at step i to the page in frame.
func (e *engine) touch(i, frame int, write bool) {
	loadedNow := e.loaded[frame] == i
	if write {
		e.dirty[frame] = true
	}
	if !loadedNow || e.c.Policy != Clock && e.c.Policy != EClock {
		e.ref[frame] = true
	}
	e.last[frame] = i
	e.prev = frame
	switch e.c.Policy {
	case LRU:
		e.lru.moveToBack(frame)
	case LFU, MFU:
		e.count[frame]++
		if e.total != nil {
			e.total[e.page[frame]]++
		}
	case OPT:
		e.heap.set(frame, e.next[i])
	}
}

// choose picks the frame to evict at step i, when every frame is full.
func (e *engine) choose(i int, d *decision) int {
	switch e.c.Policy {
	case FIFO:
		return e.hand
	case LRU:
		if d != nil {
			d.distances = make([]int, e.k)
			for f := range e.k {
				d.distances[f] = i - e.last[f]
			}
		}
		return e.lru.front()
	case MRU:
		return e.prev
	case LFU, MFU:
		return e.chooseByCount(d)
	case OPT:
		if d != nil {
			d.distances = make([]int, e.k)
			for f := range e.k {
				d.distances[f] = -1
				if n := e.heap.key[f]; n != never {
					d.distances[f] = n - i
				}
			}
		}
		return e.heap.top()
	case Clock:
		return e.clock(d)
	case EClock:
		return e.enhancedClock(d)
	default: // Random
		return e.rnd.IntN(e.k)
	}
}

// chooseByCount picks LFU's least or MFU's most referenced frame, breaking
// ties by the count_tie rule.
func (e *engine) chooseByCount(d *decision) int {
	best := 0
	for f := 1; f < e.k; f++ {
		a, b := e.count[f], e.count[best]
		if e.c.Policy == MFU {
			a, b = b, a
		}
		if a < b || a == b && e.olderThan(f, best) {
			best = f
		}
	}
	if d != nil {
		d.counts = append([]int(nil), e.count...)
	}
	return best
}

// olderThan reports whether frame a loses a count tie to frame b.
func (e *engine) olderThan(a, b int) bool {
	if e.c.Rules.CountTie == CountTieFIFO {
		return e.loaded[a] < e.loaded[b]
	}
	return e.last[a] < e.last[b]
}

// clock runs the second-chance sweep from the hand.
func (e *engine) clock(d *decision) int {
	for e.ref[e.hand] {
		e.ref[e.hand] = false
		if d != nil {
			d.secondChances = append(d.secondChances, e.hand)
		}
		e.hand = (e.hand + 1) % e.k
	}
	return e.hand
}

// enhancedClock looks for the lowest (reference, dirty) class in up to four
// passes from the hand: (0,0) without changing anything; (0,1) clearing the
// reference bit of every frame it passes; then (0,0) and (0,1) again.
func (e *engine) enhancedClock(d *decision) int {
	for pass := range 4 {
		wantDirty := pass%2 == 1
		for j := range e.k {
			f := (e.hand + j) % e.k
			if !e.ref[f] && e.dirty[f] == wantDirty {
				if d != nil {
					d.sweeps = pass + 1
				}
				return f
			}
			if wantDirty && e.ref[f] {
				e.ref[f] = false
				if d != nil {
					d.secondChances = append(d.secondChances, f)
				}
			}
		}
	}
	panic("replace: enhanced clock found no victim in four passes") // unreachable: pass 4 finds (0,1) if pass 3 found no (0,0)
}
