package segment

import (
	"github.com/osarena/osarena/sim/field"
)

// Trap names why a translation failed.
const (
	TrapRange   = "range"      // the address does not fit in address_bits (Translate only; Run rejects it)
	TrapSTLR    = "stlr"       // segment number ≥ STLR, the number of segments
	TrapInvalid = "invalid"    // the segment's valid bit is 0
	TrapLimit   = "limit"      // the offset passes the segment's limit
	TrapProt    = "protection" // the segment does not allow the operation
	TrapPage    = "page"       // paged segmentation: the page-table entry is invalid
)

// Result is the translation of one access.
type Result struct {
	VA      int `json:"va"`
	Op      Op  `json:"op"`
	Segment int `json:"segment"`
	Offset  int `json:"offset"`
	// Back is, for a downward segment, how far below the base the access
	// falls: S − offset. It is 0 for upward segments and STLR traps.
	Back  int  `json:"back,omitempty"`
	Valid bool `json:"valid"`
	// PA is the physical address, or Null on a trap.
	PA Nullable `json:"pa"`
	// Trap is one of the Trap constants, empty when Valid.
	Trap string `json:"trap,omitempty"`
	// Why explains the trap in one line (Run fills it; Translate does not).
	Why string `json:"why,omitempty"`
}

// entry is a resolved segment-table entry.
type entry struct {
	base, limit int
	down        bool
	prot        Prot
	valid       bool
}

// Table is a compiled segment table: an allocation-free translator.
type Table struct {
	space
	segs      []entry
	protFirst bool
	resolved  Config
}

// Compile validates c and returns its translator.
func Compile(c Config) (*Table, error) {
	sp, err := checkSpace(c.AddressBits, c.SegmentBits, len(c.Segments))
	if err != nil {
		return nil, err
	}
	c.SegmentBits = sp.segBits
	if err := checkMemory(c.Memory); err != nil {
		return nil, err
	}
	t := &Table{space: sp, segs: make([]entry, len(c.Segments))}
	segs := make([]Segment, len(c.Segments))
	for i, s := range c.Segments {
		e, err := checkSegment(field.Index("segments", i), s, sp, c.Memory)
		if err != nil {
			return nil, err
		}
		t.segs[i] = e
		segs[i] = resolvedSegment(s, e)
	}
	c.Segments = segs
	if err := checkAccesses(c.Addresses, sp.addrBits); err != nil {
		return nil, err
	}
	if c.Rules, err = c.Rules.Resolve(); err != nil {
		return nil, err
	}
	t.protFirst = c.Rules.Check == CheckProtFirst
	t.resolved = c
	return t, nil
}

func checkSegment(name string, s Segment, sp space, memory int) (entry, error) {
	e := entry{base: s.Base, limit: s.Limit, valid: s.Valid == nil || *s.Valid}
	if err := field.OneOf(field.Sub(name, "grows"), string(s.Grows), string(Up), string(Down)); s.Grows != "" && err != nil {
		return e, err
	}
	e.down = s.Grows == Down
	if err := field.Range(field.Sub(name, "base"), s.Base, 0, MaxMemory); err != nil {
		return e, err
	}
	if s.Limit < 0 || s.Limit > sp.maxSeg {
		return e, field.Errorf(field.Sub(name, "limit"), "must be between 0 and %d (the maximum segment size 2^%d)", sp.maxSeg, sp.offBits)
	}
	if e.down && s.Limit > s.Base {
		return e, field.Errorf(field.Sub(name, "limit"), "must be at most the base %d: a downward segment occupies [base-limit, base)", s.Base)
	}
	top := s.Base + s.Limit
	if e.down {
		top = s.Base
	}
	if memory > 0 && top > memory {
		if e.down {
			return e, field.Errorf(field.Sub(name, "base"), "must be at most memory %d: a downward segment's base is its exclusive top", memory)
		}
		return e, field.Errorf(field.Sub(name, "limit"), "puts the segment past memory: base %d + limit %d > memory %d", s.Base, s.Limit, memory)
	}
	var err error
	e.prot, err = parseProt(field.Sub(name, "prot"), s.Prot)
	return e, err
}

// resolvedSegment is s with its defaults written out, as a trace echoes it.
func resolvedSegment(s Segment, e entry) Segment {
	s.Grows = Up
	if e.down {
		s.Grows = Down
	}
	s.Prot = e.prot.String()
	v := e.valid
	s.Valid = &v
	return s
}

// Config returns the configuration t was compiled from, with every default
// resolved (segment_bits, grows, prot, valid, rules).
func (t *Table) Config() Config { return t.resolved }

// Translate translates one access. It never allocates or panics.
func (t *Table) Translate(va int, op Op) Result {
	r := Result{VA: va, Op: op, PA: Null}
	if va < 0 || va >= 1<<t.addrBits {
		r.Trap = TrapRange
		return r
	}
	r.Segment, r.Offset = t.split(va)
	if r.Segment >= len(t.segs) {
		r.Trap = TrapSTLR
		return r
	}
	e := &t.segs[r.Segment]
	if !e.valid {
		r.Trap = TrapInvalid
		return r
	}
	inside := r.Offset < e.limit
	if e.down {
		r.Back = t.maxSeg - r.Offset
		inside = r.Back <= e.limit
	}
	allowed := e.prot.allows(op)
	switch {
	case t.protFirst && !allowed:
		r.Trap = TrapProt
	case !inside:
		r.Trap = TrapLimit
	case !allowed:
		r.Trap = TrapProt
	default:
		r.Valid = true
		if e.down {
			r.PA = Nullable(e.base - r.Back)
		} else {
			r.PA = Nullable(e.base + r.Offset)
		}
	}
	return r
}
