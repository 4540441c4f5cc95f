package segment

import (
	"math/bits"

	"github.com/osarena/osarena/sim/field"
)

// Limits on a paged-segmentation scenario.
const (
	MaxPageSize = 1 << 20 // bytes
	MaxPTEs     = 1 << 16 // page-table entries over all segments
)

// PagedSegment is one entry of the segment table under paged segmentation:
// it points at the segment's own page table.
type PagedSegment struct {
	// Limit is the segment's length in bytes; absent means
	// len(page_table) × page_size. An offset at or past it traps.
	Limit *int `json:"limit,omitempty"`
	// PageTable maps the segment's pages to frames; null is an invalid
	// entry (the page is not in memory).
	PageTable []Nullable `json:"page_table"`
	Prot      string     `json:"prot,omitempty"`  // rights, as in Segment; empty means "rwx"
	Valid     *bool      `json:"valid,omitempty"` // the valid bit; absent means true
}

// PagedConfig is a paged-segmentation scenario: the JSON object of kind
// "pagedseg" without its kind. A logical address is split into segment
// number (the top segment_bits), page number and offset within the page.
type PagedConfig struct {
	AddressBits int `json:"address_bits"`
	// SegmentBits defaults, as in Config, to ceil(log2(len(segments))), at least 1.
	SegmentBits int `json:"segment_bits,omitempty"`
	PageSize    int `json:"page_size"`
	// Memory, when positive, is physical memory in bytes; every frame must
	// lie inside it.
	Memory    int            `json:"memory,omitempty"`
	Segments  []PagedSegment `json:"segments"`
	Addresses []Access       `json:"addresses"`
	Rules     Rules          `json:"rules,omitzero"`
}

// Validate reports the first invalid field of c, or nil.
func (c PagedConfig) Validate() error {
	_, err := CompilePaged(c)
	return err
}

// PagedResult is the translation of one access under paged segmentation.
type PagedResult struct {
	VA      int `json:"va"`
	Op      Op  `json:"op"`
	Segment int `json:"segment"`
	// SegOffset is the offset within the segment: page × page_size + offset.
	SegOffset int `json:"seg_offset"`
	Page      int `json:"page"`
	Offset    int `json:"offset"`
	// Frame is the frame the page-table entry names, or Null when the
	// translation trapped before reading it or the entry is invalid.
	Frame Nullable `json:"frame"`
	Valid bool     `json:"valid"`
	PA    Nullable `json:"pa"`
	Trap  string   `json:"trap,omitempty"`
	Why   string   `json:"why,omitempty"`
}

type pagedEntry struct {
	limit int
	pages []Nullable
	prot  Prot
	valid bool
}

// PagedTable is a compiled paged-segmentation table: an allocation-free
// translator.
type PagedTable struct {
	space
	pageBits  int
	segs      []pagedEntry
	protFirst bool
	resolved  PagedConfig
}

// CompilePaged validates c and returns its translator.
func CompilePaged(c PagedConfig) (*PagedTable, error) {
	sp, err := checkSpace(c.AddressBits, c.SegmentBits, len(c.Segments))
	if err != nil {
		return nil, err
	}
	c.SegmentBits = sp.segBits
	if c.PageSize < 1 || c.PageSize > min(MaxPageSize, sp.maxSeg) || c.PageSize&(c.PageSize-1) != 0 {
		return nil, field.Errorf("page_size", "must be a power of two between 1 and %d (the maximum segment size)", min(MaxPageSize, sp.maxSeg))
	}
	if err := checkMemory(c.Memory); err != nil {
		return nil, err
	}
	if c.Memory > 0 && c.Memory < c.PageSize {
		return nil, field.Errorf("memory", "must hold at least one page of %d bytes", c.PageSize)
	}
	t := &PagedTable{space: sp, pageBits: bits.TrailingZeros(uint(c.PageSize)), segs: make([]pagedEntry, len(c.Segments))}
	pagesPerSeg := sp.maxSeg / c.PageSize
	lastFrame := MaxMemory/c.PageSize - 1
	if c.Memory > 0 {
		lastFrame = c.Memory/c.PageSize - 1
	}
	segs := make([]PagedSegment, len(c.Segments))
	total := 0
	for i, s := range c.Segments {
		name := field.Index("segments", i)
		pt := field.Sub(name, "page_table")
		if err := field.Len(pt, len(s.PageTable), 1, pagesPerSeg); err != nil {
			return nil, field.Errorf(pt, "must have between 1 and %d entries (max segment size %d / page_size %d)", pagesPerSeg, sp.maxSeg, c.PageSize)
		}
		if total += len(s.PageTable); total > MaxPTEs {
			return nil, field.Errorf(pt, "brings the page tables past %d entries in all", MaxPTEs)
		}
		for p, f := range s.PageTable {
			if f < Null || f > Nullable(lastFrame) {
				return nil, field.Errorf(field.Index(pt, p), "must be a frame between 0 and %d (memory / page_size), or null", lastFrame)
			}
		}
		e := pagedEntry{limit: len(s.PageTable) * c.PageSize, pages: s.PageTable, valid: s.Valid == nil || *s.Valid}
		if s.Limit != nil {
			if err := field.Range(field.Sub(name, "limit"), *s.Limit, 0, e.limit); err != nil {
				return nil, field.Errorf(field.Sub(name, "limit"), "must be between 0 and %d (len(page_table) × page_size)", e.limit)
			}
			e.limit = *s.Limit
		}
		if e.prot, err = parseProt(field.Sub(name, "prot"), s.Prot); err != nil {
			return nil, err
		}
		t.segs[i] = e
		lim, v := e.limit, e.valid
		segs[i] = PagedSegment{Limit: &lim, PageTable: s.PageTable, Prot: e.prot.String(), Valid: &v}
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

// Config returns the configuration t was compiled from, with every default
// resolved.
func (t *PagedTable) Config() PagedConfig { return t.resolved }

// Translate translates one access: STLR check, valid bit, limit (then
// protection, or the other way round under rule check=prot-first), then the
// page-table entry. It never allocates or panics.
func (t *PagedTable) Translate(va int, op Op) PagedResult {
	r := PagedResult{VA: va, Op: op, Frame: Null, PA: Null}
	if va < 0 || va >= 1<<t.addrBits {
		r.Trap = TrapRange
		return r
	}
	r.Segment, r.SegOffset = t.split(va)
	r.Page, r.Offset = r.SegOffset>>t.pageBits, r.SegOffset&(1<<t.pageBits-1)
	if r.Segment >= len(t.segs) {
		r.Trap = TrapSTLR
		return r
	}
	e := &t.segs[r.Segment]
	allowed := e.prot.allows(op)
	switch {
	case !e.valid:
		r.Trap = TrapInvalid
	case t.protFirst && !allowed:
		r.Trap = TrapProt
	case r.SegOffset >= e.limit:
		r.Trap = TrapLimit
	case !allowed:
		r.Trap = TrapProt
	case e.pages[r.Page] == Null:
		r.Trap = TrapPage
	default:
		r.Valid = true
		r.Frame = e.pages[r.Page]
		r.PA = Nullable(int(r.Frame)<<t.pageBits | r.Offset)
	}
	return r
}
