package paging

import (
	"encoding/json"

	"github.com/osarena/osarena/sim/field"
)

// Limits on a TLB scenario.
const (
	MaxTLBEntries = 64
	// MaxTLBCells bounds accesses × entries, the size of the per-step
	// snapshots of the TLB's contents.
	MaxTLBCells = 1 << 21
)

// TLBConfig is a TLB scenario: the JSON object of kind "tlb" without its
// kind. Accesses are virtual addresses split by PageSize (left out, the
// page size is 1 and the addresses are page numbers); an access may name its
// process ("pid"), and {"switch":pid} is a context switch. With MemoryNS set,
// the trace also gives the effective access time at the measured hit ratio.
type TLBConfig struct {
	Entries  int      `json:"entries"`
	Policy   string   `json:"policy"` // "lru" or "fifo"
	PageSize int      `json:"page_size,omitempty"`
	Accesses []Access `json:"accesses"`
	Levels   int      `json:"levels,omitempty"` // page-table levels a miss walks; default 1
	MemoryNS int      `json:"memory_ns,omitempty"`
	TLBNS    int      `json:"tlb_ns,omitempty"`
	Rules    TLBRules `json:"rules,omitzero"`
}

// TLB replacement policies.
const (
	TLBLRU  = "lru"  // evict the entry used longest ago
	TLBFIFO = "fifo" // evict the entry loaded longest ago
)

// TLBRules are the named conventions of a TLB.
type TLBRules struct {
	// Switch is what a context switch does: "flush" (empty the TLB, the
	// default) or "asid" (keep entries tagged with their process's
	// address-space id; an entry matches only its own process).
	Switch string `json:"switch,omitempty"`
	// Load is where a missing entry goes while slots are free:
	// "lowest-free" (the only choice).
	Load string `json:"load,omitempty"`
	// TLBLookup is the EAT rule (see EATRules); echoed only with memory_ns.
	TLBLookup string `json:"tlb_lookup,omitempty"`
}

// Rule values.
const (
	SwitchFlush    = "flush"
	SwitchASID     = "asid"
	LoadLowestFree = "lowest-free"
)

// TLBEntry is the content of one TLB slot. Free stands for an empty slot
// and marshals as null.
type TLBEntry struct {
	PID  int `json:"pid"`
	Page int `json:"page"`
}

// Free is an empty TLB slot.
var Free = TLBEntry{PID: -1, Page: -1}

// MarshalJSON writes Free as null.
func (e TLBEntry) MarshalJSON() ([]byte, error) {
	if e.Page < 0 {
		return []byte("null"), nil
	}
	type plain TLBEntry
	return json.Marshal(plain(e))
}

// TLBStep is what one entry of the access list did. Event is "hit",
// "miss" or "switch" (an explicit {"switch":pid}); an access whose pid
// differs from the running process switches first (Switched).
type TLBStep struct {
	Event    string
	PID      int // the process running after the step
	VA       int
	VPN      int
	Offset   int
	Switched bool // this access switched processes before its lookup
	Flushed  int  // entries a flush cleared before the lookup
	Slot     int  // the slot that holds the page after the step (hit or miss)
	Victim   *TLBEntry
	TLB      []TLBEntry // slot contents after the step (Free when empty)
}

// MarshalJSON writes a switch as {"event":"switch","pid":…,"flushed":…,"tlb":[…]}
// and an access with its address fields.
func (s TLBStep) MarshalJSON() ([]byte, error) {
	type access struct {
		Event    string     `json:"event"`
		PID      int        `json:"pid"`
		VA       *int       `json:"va,omitempty"`
		VPN      *int       `json:"vpn,omitempty"`
		Offset   *int       `json:"offset,omitempty"`
		Hit      *bool      `json:"hit,omitempty"`
		Switched bool       `json:"switched,omitempty"`
		Flushed  int        `json:"flushed,omitempty"`
		Slot     *int       `json:"slot,omitempty"`
		Victim   *TLBEntry  `json:"victim"`
		TLB      []TLBEntry `json:"tlb"`
	}
	a := access{Event: s.Event, PID: s.PID, Switched: s.Switched, Flushed: s.Flushed, Victim: s.Victim, TLB: s.TLB}
	if s.Event != "switch" {
		hit := s.Event == "hit"
		a.VA, a.VPN, a.Offset, a.Hit, a.Slot = &s.VA, &s.VPN, &s.Offset, &hit, &s.Slot
	}
	return json.Marshal(a)
}

// TLBTrace is the run of a TLB scenario.
type TLBTrace struct {
	Entries  int       `json:"entries"`
	Policy   string    `json:"policy"`
	PageSize int       `json:"page_size"`
	Rules    TLBRules  `json:"rules"`
	Steps    []TLBStep `json:"steps"`
	Hits     int       `json:"hits"`
	Misses   int       `json:"misses"`
	Flushes  int       `json:"flushes"`
	// HitRatio is hits / (hits + misses), exact; absent without accesses.
	HitRatio *Frac `json:"hit_ratio"`
	// EAT is the effective access time at HitRatio (with memory_ns).
	EAT *EATTrace `json:"eat,omitempty"`
}

// Validate reports the first invalid field of c, or nil.
func (c TLBConfig) Validate() error {
	_, err := c.resolve()
	return err
}

func (c TLBConfig) resolve() (TLBConfig, error) {
	if err := field.Range("entries", c.Entries, 1, MaxTLBEntries); err != nil {
		return c, err
	}
	if err := field.OneOf("policy", c.Policy, TLBLRU, TLBFIFO); err != nil {
		return c, err
	}
	if err := checkPageSize("page_size", c.PageSize, true); err != nil {
		return c, err
	}
	c.PageSize = orOne(c.PageSize)
	if err := checkAccesses("accesses", c.Accesses, accessRules{min: 1, limit: maxAddr, pids: true, switches: true}); err != nil {
		return c, err
	}
	if len(c.Accesses)*c.Entries > MaxTLBCells {
		return c, field.Errorf("accesses", "must have at most %d elements with a %d-entry TLB", MaxTLBCells/c.Entries, c.Entries)
	}
	if c.Levels == 0 {
		c.Levels = 1
	}
	if err := field.Range("levels", c.Levels, 1, MaxLevels); err != nil {
		return c, err
	}
	if err := field.Range("memory_ns", c.MemoryNS, 0, MaxNS); err != nil {
		return c, err
	}
	if err := field.Range("tlb_ns", c.TLBNS, 0, MaxNS); err != nil {
		return c, err
	}
	r := c.Rules
	if err := field.Rule(&r.Switch, "rules.switch", SwitchFlush, SwitchASID); err != nil {
		return c, err
	}
	if err := field.Rule(&r.Load, "rules.load", LoadLowestFree); err != nil {
		return c, err
	}
	er, err := EATRules{TLBLookup: r.TLBLookup}.Resolve()
	if err != nil {
		return c, err
	}
	r.TLBLookup = ""
	if c.MemoryNS > 0 {
		r.TLBLookup = er.TLBLookup
	}
	c.Rules = r
	return c, nil
}

// RunTLB validates c and runs every access through the TLB.
func RunTLB(c TLBConfig) (*TLBTrace, error) {
	c, err := c.resolve()
	if err != nil {
		return nil, err
	}
	tl := newTLB(c)
	tl.pid = pids(c.Accesses[:1], 0)[0] // the first process named runs from the start
	t := &TLBTrace{Entries: c.Entries, Policy: c.Policy, PageSize: c.PageSize, Rules: c.Rules, Steps: make([]TLBStep, len(c.Accesses))}
	slots := make([]TLBEntry, len(c.Accesses)*c.Entries)
	for i, a := range c.Accesses {
		s := tl.step(a)
		s.TLB = slots[i*c.Entries : (i+1)*c.Entries : (i+1)*c.Entries]
		tl.snapshot(s.TLB)
		t.Steps[i] = s
		switch s.Event {
		case "hit":
			t.Hits++
		case "miss":
			t.Misses++
		}
		if s.Flushed > 0 || (s.Event == "switch" || s.Switched) && c.Rules.Switch == SwitchFlush {
			t.Flushes++
		}
	}
	if n := t.Hits + t.Misses; n > 0 {
		h := NewFrac(int64(t.Hits), int64(n))
		t.HitRatio = &h
		if c.MemoryNS > 0 {
			t.EAT = eat(c.Levels, c.MemoryNS, c.TLBNS, h, EATRules{TLBLookup: c.Rules.TLBLookup})
		}
	}
	return t, nil
}
