package segment

import "fmt"

// Trace is the run of a segmentation scenario.
type Trace struct {
	AddressBits int `json:"address_bits"`
	SegmentBits int `json:"segment_bits"`
	OffsetBits  int `json:"offset_bits"`
	// MaxSegment is S = 2^offset_bits, the largest a segment can be.
	MaxSegment int `json:"max_segment"`
	// STLR is the segment-table length: segment numbers from STLR up trap.
	STLR   int `json:"stlr"`
	Memory int `json:"memory,omitempty"`
	// Segments is the segment table with every default written out.
	Segments []Segment `json:"segments"`
	Rules    Rules     `json:"rules"`
	Results  []Result  `json:"results"`
	Valid    int       `json:"valid"`
	Traps    int       `json:"traps"`
}

// Run validates c and translates every address.
func Run(c Config) (*Trace, error) {
	t, err := Compile(c)
	if err != nil {
		return nil, err
	}
	rc := t.resolved
	tr := &Trace{
		AddressBits: t.addrBits, SegmentBits: t.segBits, OffsetBits: t.offBits,
		MaxSegment: t.maxSeg, STLR: len(t.segs), Memory: rc.Memory,
		Segments: rc.Segments, Rules: rc.Rules, Results: make([]Result, len(rc.Addresses)),
	}
	for i, a := range rc.Addresses {
		r := t.Translate(a.VA, a.op())
		r.Why = t.why(r)
		if r.Valid {
			tr.Valid++
		} else {
			tr.Traps++
		}
		tr.Results[i] = r
	}
	return tr, nil
}

// why explains a trap in one line.
func (t *Table) why(r Result) string {
	switch r.Trap {
	case TrapRange:
		return fmt.Sprintf("address %d does not fit in %d bits", r.VA, t.addrBits)
	case TrapSTLR:
		return fmt.Sprintf("segment %d >= STLR %d", r.Segment, len(t.segs))
	case TrapInvalid:
		return fmt.Sprintf("segment %d is marked invalid", r.Segment)
	case TrapLimit:
		e := t.segs[r.Segment]
		if e.down {
			return fmt.Sprintf("%d below the base > limit %d (downward segment)", r.Back, e.limit)
		}
		return fmt.Sprintf("offset %d >= limit %d", r.Offset, e.limit)
	case TrapProt:
		return fmt.Sprintf("%s not allowed by protection %s", r.Op, t.segs[r.Segment].prot)
	}
	return ""
}
