// Package replace simulates demand paging with a fixed number of frames under
// the page-replacement policies of an OS course: FIFO, LRU, LFU, MFU, MRU,
// OPT (Belady's optimal), second-chance clock, enhanced clock (reference and
// dirty bit) and seeded random. It also sweeps frame counts to expose
// Belady's anomaly and splits frames among processes.
//
// Every convention textbooks disagree on is a named rule (see Rules) with the
// defaults of DESIGN.md §2; a trace echoes the rules that decided it.
// Everything here is pure and deterministic: the same Config gives the same
// Trace on every platform. Functions are safe for concurrent use.
package replace

import (
	"github.com/osarena/osarena/sim/field"
)

// Policy names a page-replacement policy.
type Policy string

// The policies.
const (
	FIFO   Policy = "fifo"   // evict the page loaded longest ago
	LRU    Policy = "lru"    // evict the page used longest ago
	LFU    Policy = "lfu"    // evict the page with the fewest references
	MFU    Policy = "mfu"    // evict the page with the most references
	MRU    Policy = "mru"    // evict the page used most recently
	OPT    Policy = "opt"    // evict the page whose next use is farthest away
	Clock  Policy = "clock"  // second chance: skip (and clear) referenced pages
	EClock Policy = "eclock" // enhanced clock: lowest (reference, dirty) class
	Random Policy = "random" // evict a frame drawn from the seeded stream
)

// Policies lists every policy in the order the interface shows them.
var Policies = []Policy{FIFO, LRU, LFU, MFU, MRU, OPT, Clock, EClock, Random}

// Limits on a scenario. Run records a snapshot per reference, so it takes
// at most MaxRefs; Count records nothing and takes up to MaxCountRefs.
const (
	MaxFrames    = 64
	MaxRefs      = 100_000
	MaxCountRefs = 1 << 27
	MaxPage      = 999_999
)

// Config is a page-replacement scenario: the JSON object of kind "replace"
// without its kind.
type Config struct {
	Policy Policy `json:"policy"`
	Frames int    `json:"frames"`
	Refs   []int  `json:"refs"`
	// Writes marks which references write their page (sets the dirty bit).
	// Empty means all reads; otherwise one entry per reference.
	Writes []bool `json:"writes,omitempty"`
	// Seed drives the random policy; other policies ignore it.
	Seed  uint64 `json:"seed,omitempty"`
	Rules Rules  `json:"rules,omitzero"`
}

// Rules are the named conventions of page replacement. The zero value means
// every default; Resolve fills them in.
type Rules struct {
	// Load says where a faulting page goes while frames are free.
	Load string `json:"load,omitempty"` // "lowest-free"
	// OptTie breaks OPT's tie among pages never used again.
	OptTie string `json:"opt_tie,omitempty"` // "lowest-frame", "earliest-loaded", "latest-loaded"
	// Count is what LFU and MFU count.
	Count string `json:"count,omitempty"` // "since-load" (reset on eviction), "all-time"
	// CountTie breaks LFU and MFU ties.
	CountTie string `json:"count_tie,omitempty"` // "lru", "fifo"
	// RefOnLoad is the clock reference bit of a page just loaded.
	RefOnLoad string `json:"ref_on_load,omitempty"` // "1", "0"
	// Hand is how the clock hand moves.
	Hand string `json:"hand,omitempty"` // "past-loaded": starts at frame 0, advances past the loaded frame, stays on a hit
}

// Rule values.
const (
	LoadLowestFree    = "lowest-free"
	TieLowestFrame    = "lowest-frame"
	TieEarliestLoaded = "earliest-loaded"
	TieLatestLoaded   = "latest-loaded"
	CountSinceLoad    = "since-load"
	CountAllTime      = "all-time"
	CountTieLRU       = "lru"
	CountTieFIFO      = "fifo"
	RefOnLoadSet      = "1"
	RefOnLoadClear    = "0"
	HandPastLoaded    = "past-loaded"
)

// Resolve validates r, fills every default, and keeps only the rules that
// matter to policy p, so a trace echoes exactly the rules that decided it.
func (r Rules) Resolve(p Policy) (Rules, error) {
	checks := []struct {
		v       *string
		name    string
		choices []string
	}{
		{&r.Load, "rules.load", []string{LoadLowestFree}},
		{&r.OptTie, "rules.opt_tie", []string{TieLowestFrame, TieEarliestLoaded, TieLatestLoaded}},
		{&r.Count, "rules.count", []string{CountSinceLoad, CountAllTime}},
		{&r.CountTie, "rules.count_tie", []string{CountTieLRU, CountTieFIFO}},
		{&r.RefOnLoad, "rules.ref_on_load", []string{RefOnLoadSet, RefOnLoadClear}},
		{&r.Hand, "rules.hand", []string{HandPastLoaded}},
	}
	for _, c := range checks {
		if err := field.Rule(c.v, c.name, c.choices...); err != nil {
			return Rules{}, err
		}
	}
	out := Rules{Load: r.Load}
	switch p {
	case OPT:
		out.OptTie = r.OptTie
	case LFU, MFU:
		out.Count, out.CountTie = r.Count, r.CountTie
	case Clock, EClock:
		out.RefOnLoad, out.Hand = r.RefOnLoad, r.Hand
	}
	return out, nil
}

// Validate reports the first invalid field of c, or nil.
func (c Config) Validate() error {
	_, err := c.resolve(MaxRefs)
	return err
}

// resolve validates c, allowing up to maxRefs references, and returns it
// with its rules resolved.
func (c Config) resolve(maxRefs int) (Config, error) {
	if err := field.OneOf("policy", string(c.Policy), policyNames()...); err != nil {
		return c, err
	}
	if err := field.Range("frames", c.Frames, 1, MaxFrames); err != nil {
		return c, err
	}
	if err := checkRefs(c.Refs, c.Writes, maxRefs); err != nil {
		return c, err
	}
	r, err := c.Rules.Resolve(c.Policy)
	if err != nil {
		return c, err
	}
	c.Rules = r
	return c, nil
}

func checkRefs(refs []int, writes []bool, maxRefs int) error {
	if err := field.Len("refs", len(refs), 1, maxRefs); err != nil {
		return err
	}
	for i, p := range refs {
		if err := field.Range(field.Index("refs", i), p, 0, MaxPage); err != nil {
			return err
		}
	}
	if len(writes) != 0 && len(writes) != len(refs) {
		return field.Errorf("writes", "must have one entry per reference (%d), or be left out", len(refs))
	}
	return nil
}

func policyNames() []string {
	names := make([]string, len(Policies))
	for i, p := range Policies {
		names[i] = string(p)
	}
	return names
}
