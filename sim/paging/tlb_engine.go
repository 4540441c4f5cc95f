package paging

// tlb is the state of one TLB run. Lookups go through a map from (pid,
// page) to slot; no outcome depends on map order, since victims are chosen
// by scanning the slots in order.
type tlb struct {
	c      TLBConfig
	ob     int
	pid    int        // the running process
	used   []bool     // slot → holds an entry
	entry  []TLBEntry // slot → its entry
	loaded []int      // slot → tick it was loaded (FIFO)
	last   []int      // slot → tick it was last used (LRU)
	where  map[TLBEntry]int
	tick   int
}

func newTLB(c TLBConfig) *tlb {
	k := c.Entries
	return &tlb{
		c: c, ob: log2(c.PageSize),
		used: make([]bool, k), entry: make([]TLBEntry, k),
		loaded: make([]int, k), last: make([]int, k),
		where: make(map[TLBEntry]int, k),
	}
}

// switchTo makes pid the running process; under the flush rule it empties
// the TLB and returns how many entries it cleared.
func (t *tlb) switchTo(pid int) (flushed int) {
	t.pid = pid
	if t.c.Rules.Switch != SwitchFlush {
		return 0
	}
	for s := range t.used {
		if t.used[s] {
			flushed++
			t.used[s] = false
		}
	}
	clear(t.where)
	return flushed
}

// step processes one entry of the access list.
func (t *tlb) step(a Access) TLBStep {
	t.tick++
	if a.Switch {
		f := t.switchTo(a.PID)
		return TLBStep{Event: "switch", PID: a.PID, Flushed: f}
	}
	s := TLBStep{VA: a.VA, VPN: a.VA >> t.ob, Offset: a.VA & (t.c.PageSize - 1)}
	if a.PID != CurrentPID && a.PID != t.pid {
		s.Switched = true
		s.Flushed = t.switchTo(a.PID)
	}
	s.PID = t.pid
	key := TLBEntry{PID: t.pid, Page: s.VPN}
	if slot, ok := t.where[key]; ok {
		s.Event, s.Slot = "hit", slot
		t.last[slot] = t.tick
		return s
	}
	s.Event = "miss"
	slot := t.lowestFree()
	if slot < 0 {
		slot = t.victim()
		v := t.entry[slot]
		s.Victim = &v
		delete(t.where, v)
	}
	t.used[slot], t.entry[slot] = true, key
	t.loaded[slot], t.last[slot] = t.tick, t.tick
	t.where[key] = slot
	s.Slot = slot
	return s
}

func (t *tlb) lowestFree() int {
	if len(t.where) == len(t.used) {
		return -1
	}
	for s, u := range t.used {
		if !u {
			return s
		}
	}
	return -1
}

// victim returns the slot the policy evicts from a full TLB: the oldest by
// load time (FIFO) or by last use (LRU). Ticks are distinct, so there is
// never a tie.
func (t *tlb) victim() int {
	age := t.last
	if t.c.Policy == TLBFIFO {
		age = t.loaded
	}
	v := 0
	for s := range age {
		if age[s] < age[v] {
			v = s
		}
	}
	return v
}

// snapshot copies the slot contents into dst (a free slot is Free).
func (t *tlb) snapshot(dst []TLBEntry) {
	for s := range dst {
		if t.used[s] {
			dst[s] = t.entry[s]
		} else {
			dst[s] = Free
		}
	}
}
