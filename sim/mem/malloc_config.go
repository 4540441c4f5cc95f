package mem

import (
	"github.com/osarena/osarena/sim/field"
)

// Fit names how an allocation picks a free block.
type Fit string

// The fit policies.
const (
	FirstFit Fit = "first" // the first block in list order that is large enough
	BestFit  Fit = "best"  // the smallest block that is large enough
	WorstFit Fit = "worst" // the largest block
	NextFit  Fit = "next"  // first fit, resuming where the last search left off (rules.rover)
)

// Fits lists every fit policy in the order the interface shows them.
var Fits = []Fit{FirstFit, BestFit, WorstFit, NextFit}

// Free-list orders: where a freed block (or, with rules.remainder
// "reinsert", a split remainder) goes in the free list. The first is the
// default.
const (
	OrderAddress  = "address"   // by address, lowest first
	OrderSizeAsc  = "size-asc"  // by size, smallest first; equal sizes by address
	OrderSizeDesc = "size-desc" // by size, largest first; equal sizes by address
	OrderFront    = "front"     // at the front (LIFO)
	OrderBack     = "back"      // at the back (FIFO)
)

// Orders lists every free-list order, the default first.
var Orders = []string{OrderAddress, OrderSizeAsc, OrderSizeDesc, OrderFront, OrderBack}

// Limits on a malloc scenario. A trace snapshots the free list and the
// allocated blocks after every operation, so MaxMallocOps and MaxPartitions
// bound its size: holes and blocks together stay under 2·MaxMallocOps+1
// per step (MaxPartitions with fixed partitions), a few MB in all.
const (
	MaxMallocOps  = 1000
	MaxPartitions = 256
	MaxHeader     = 4096
	MaxAlign      = 4096
)

// MallocConfig is a contiguous-allocation scenario: the JSON object of kind
// "malloc" without its kind.
type MallocConfig struct {
	Policy Fit `json:"policy"`
	// Order is the free-list order, one of Orders; empty means "address".
	// It is a named rule that sits at the top level, where DESIGN.md §3
	// puts it.
	Order string `json:"order,omitempty"`
	// Coalesce merges a freed block with every free block whose addresses
	// touch it. Nil means true for variable partitions and false for fixed
	// ones, where it must not be set to true.
	Coalesce *bool `json:"coalesce,omitempty"`
	// Base is the address of the first byte managed; Size the number of
	// bytes. With fixed partitions Size may be 0 (it becomes their sum).
	Base int `json:"base"`
	Size int `json:"size"`
	// Header is the bytes of bookkeeping in front of every block; Align
	// rounds each request up to a multiple of itself before the header is
	// added (0 means 1).
	Header int `json:"header,omitempty"`
	Align  int `json:"align,omitempty"`
	// Partitions, when given, switches to fixed partitions: the sizes of the
	// partitions laid end to end from Base. Each allocation takes a whole
	// partition chosen by the fit policy; nothing is split or merged.
	Partitions []int       `json:"partitions,omitempty"`
	Ops        []Op        `json:"ops"`
	Rules      MallocRules `json:"rules,omitzero"`
}

// Op is one allocator operation; exactly one field is set.
type Op struct {
	// Alloc requests this many bytes.
	Alloc *int `json:"alloc,omitempty"`
	// Free releases what the Free-th alloc op of the scenario returned
	// (counting from 0, failed allocations included). Freeing a failed
	// allocation is a no-op, like free(NULL).
	Free *int `json:"free,omitempty"`
	// Compact slides every allocated block to the low end of memory.
	Compact bool `json:"compact,omitempty"`
}

// MallocRules are the named conventions of contiguous allocation besides
// the free-list order.
type MallocRules struct {
	// Rover is where next fit resumes: "after-last" (the default) starts at
	// the list entry after the block it last allocated from; "at-last" starts
	// at that block itself (its remainder, if one is left). When the entry
	// the rover points at leaves the list (allocated whole or merged away),
	// the rover moves on to the entry that followed it; it wraps from the
	// end of the list to the front, and compaction resets it to the front.
	Rover string `json:"rover,omitempty"`
	// Remainder is where a split leaves the rest of a free block:
	// "in-place" (the default) keeps it where the block stood in the list;
	// "reinsert" takes it out and puts it back where the order puts it.
	Remainder string `json:"remainder,omitempty"`
}

// Rule values of MallocRules.
const (
	RoverAfterLast    = "after-last"
	RoverAtLast       = "at-last"
	RemainderInPlace  = "in-place"
	RemainderReinsert = "reinsert"
)

// Validate reports the first invalid field of c, or nil.
func (c MallocConfig) Validate() error {
	_, err := c.resolve()
	return err
}

// resolved is a valid scenario with every default filled in.
type resolved struct {
	MallocConfig
	coalesce bool
	fixed    bool
}

// resolve validates c and returns it with its defaults filled in.
func (c MallocConfig) resolve() (resolved, error) {
	r := resolved{MallocConfig: c}
	if err := field.OneOf("policy", string(c.Policy), fitNames()...); err != nil {
		return r, err
	}
	if err := field.Rule(&r.Order, "order", Orders...); err != nil {
		return r, err
	}
	if err := field.Rule(&r.Rules.Rover, "rules.rover", RoverAfterLast, RoverAtLast); err != nil {
		return r, err
	}
	if err := field.Rule(&r.Rules.Remainder, "rules.remainder", RemainderInPlace, RemainderReinsert); err != nil {
		return r, err
	}
	if c.Policy != NextFit {
		r.Rules.Rover = ""
	}
	if err := field.Range("base", c.Base, 0, MaxAddress); err != nil {
		return r, err
	}
	if err := field.Range("header", c.Header, 0, MaxHeader); err != nil {
		return r, err
	}
	if r.Align == 0 {
		r.Align = 1
	}
	if err := field.Range("align", r.Align, 1, MaxAlign); err != nil {
		return r, err
	}
	if err := r.resolvePartitions(); err != nil {
		return r, err
	}
	if err := field.Range("size", r.Size, 1, MaxAddress); err != nil {
		return r, err
	}
	return r, checkOps(c.Ops, r.fixed)
}

// resolvePartitions checks fixed partitions and settles size and coalescing.
func (r *resolved) resolvePartitions() error {
	r.fixed = r.Partitions != nil
	if !r.fixed {
		r.coalesce = r.Coalesce == nil || *r.Coalesce
		return nil
	}
	r.Rules.Remainder = "" // nothing is split
	if r.Coalesce != nil && *r.Coalesce {
		return field.Errorf("coalesce", "must be false or left out with fixed partitions: partitions never merge")
	}
	if err := field.Len("partitions", len(r.Partitions), 1, MaxPartitions); err != nil {
		return err
	}
	sum := 0
	for i, p := range r.Partitions {
		if err := field.Range(field.Index("partitions", i), p, 1, MaxAddress); err != nil {
			return err
		}
		sum += p
	}
	switch {
	case sum > MaxAddress:
		return field.Errorf("partitions", "must add up to at most %d (they add up to %d)", MaxAddress, sum)
	case r.Size == 0:
		r.Size = sum
	case r.Size != sum:
		return field.Errorf("size", "must be 0 or the sum of the partitions (%d), not %d", sum, r.Size)
	}
	return nil
}

// checkOps checks that every op is one thing and that each free names an
// earlier alloc not freed before.
func checkOps(ops []Op, fixed bool) error {
	if err := field.Len("ops", len(ops), 1, MaxMallocOps); err != nil {
		return err
	}
	var freedBy []int // alloc ordinal → op index that freed it, or -1
	for i, op := range ops {
		name := field.Index("ops", i)
		n := 0
		if op.Alloc != nil {
			n++
		}
		if op.Free != nil {
			n++
		}
		if op.Compact {
			n++
		}
		if n != 1 {
			return field.Errorf(name, "must have exactly one of alloc, free or compact (true)")
		}
		switch {
		case op.Alloc != nil:
			if err := field.Range(field.Sub(name, "alloc"), *op.Alloc, 1, MaxAddress); err != nil {
				return err
			}
			freedBy = append(freedBy, -1)
		case op.Free != nil:
			k := *op.Free
			if len(freedBy) == 0 {
				return field.Errorf(field.Sub(name, "free"), "names an alloc, but no alloc comes before it")
			}
			if err := field.Range(field.Sub(name, "free"), k, 0, len(freedBy)-1); err != nil {
				return err
			}
			if j := freedBy[k]; j >= 0 {
				return field.Errorf(field.Sub(name, "free"), "frees alloc %d a second time (ops[%d] freed it)", k, j)
			}
			freedBy[k] = i
		case fixed:
			return field.Errorf(field.Sub(name, "compact"), "is not possible with fixed partitions")
		}
	}
	return nil
}

func fitNames() []string {
	names := make([]string, len(Fits))
	for i, f := range Fits {
		names[i] = string(f)
	}
	return names
}
