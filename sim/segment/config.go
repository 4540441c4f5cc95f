// Package segment translates logical addresses under segmentation and under
// paged segmentation, the way an OS course draws them: the top bits of an
// address select a segment, the segment-table length register (STLR) traps
// a segment number past the table, and each segment has a base, a limit,
// protection bits, a valid bit and a growth direction.
//
// A downward-growing segment (a stack) follows the OSTEP segmentation
// homework: its base is its exclusive top, and with a maximum segment size
// S = 2^(address_bits − segment_bits) an offset o maps to
// pa = base − (S − o), valid when S − o ≤ limit. So a valid upward access
// lands in [base, base+limit) and a valid downward one in [base−limit, base).
//
// Run translates a Config (kind "segment"), RunPaged a PagedConfig (kind
// "pagedseg": segment → per-segment page table → frame). Both validate
// first and never panic; Compile and CompilePaged give the allocation-free
// translators they use, for callers that translate many addresses.
// Everything is pure and deterministic; all functions are safe for
// concurrent use, and a compiled *Table or *PagedTable may be shared.
package segment

import (
	"math/bits"

	"github.com/osarena/osarena/sim/field"
)

// Limits on a scenario.
const (
	MaxAddressBits = 32      // logical addresses are below 2^32
	MaxSegments    = 64      // segment-table entries
	MaxAddresses   = 100_000 // addresses translated by one scenario
	MaxMemory      = 1 << 40 // bytes of physical memory a base, limit or frame may reach
)

// Grows is a segment's growth direction.
type Grows string

// The directions.
const (
	Up   Grows = "up"
	Down Grows = "down"
)

// Segment is one entry of a segment table.
type Segment struct {
	Base  int   `json:"base"`
	Limit int   `json:"limit"`
	Grows Grows `json:"grows,omitempty"` // "up" (default) or "down"
	// Prot is the rights, e.g. "rw" or "r-x"; empty means "rwx".
	Prot string `json:"prot,omitempty"`
	// Valid is the entry's valid bit; absent means true.
	Valid *bool `json:"valid,omitempty"`
}

// Rules are the named conventions of segment translation. The zero value
// means every default.
type Rules struct {
	// Check is the order of the checks after the STLR and valid-bit checks,
	// which always come first: "limit-first" (the bound check, then
	// protection; Silberschatz's translation figure) or "prot-first". It
	// only decides which trap is reported when an access breaks both.
	Check string `json:"check,omitempty"`
}

// Rule values.
const (
	CheckLimitFirst = "limit-first"
	CheckProtFirst  = "prot-first"
)

// Resolve validates r and fills every default.
func (r Rules) Resolve() (Rules, error) {
	err := field.Rule(&r.Check, "rules.check", CheckLimitFirst, CheckProtFirst)
	return r, err
}

// Config is a segmentation scenario: the JSON object of kind "segment"
// without its kind.
type Config struct {
	AddressBits int `json:"address_bits"`
	// SegmentBits is how many top address bits select the segment. Zero
	// means the default: ceil(log2(len(segments))), at least 1.
	SegmentBits int `json:"segment_bits,omitempty"`
	// Memory, when positive, is the size of physical memory in bytes; every
	// segment must then lie inside it.
	Memory    int       `json:"memory,omitempty"`
	Segments  []Segment `json:"segments"`
	Addresses []Access  `json:"addresses"`
	Rules     Rules     `json:"rules,omitzero"`
}

// Validate reports the first invalid field of c, or nil.
func (c Config) Validate() error {
	_, err := Compile(c)
	return err
}

// space is the split of a logical address: segment number, then offset.
type space struct {
	addrBits, segBits, offBits int
	maxSeg                     int // S = 2^offBits, the maximum segment size
}

// defaultSegmentBits is ceil(log2(n)), at least 1.
func defaultSegmentBits(n int) int {
	if n <= 2 {
		return 1
	}
	return bits.Len(uint(n - 1))
}

// checkSpace validates address_bits, segment_bits and the number of
// segments, which must fit in 2^segment_bits.
func checkSpace(addrBits, segBits, n int) (space, error) {
	if err := field.Range("address_bits", addrBits, 2, MaxAddressBits); err != nil {
		return space{}, err
	}
	if err := field.Len("segments", n, 1, MaxSegments); err != nil {
		return space{}, err
	}
	if segBits == 0 {
		segBits = defaultSegmentBits(n)
		if segBits > addrBits-1 {
			return space{}, field.Errorf("segments", "must have at most %d elements with address_bits %d", 1<<(addrBits-1), addrBits)
		}
	} else if err := field.Range("segment_bits", segBits, 1, addrBits-1); err != nil {
		return space{}, err
	} else if n > 1<<segBits {
		return space{}, field.Errorf("segments", "must have at most %d elements (2^segment_bits)", 1<<segBits)
	}
	off := addrBits - segBits
	return space{addrBits: addrBits, segBits: segBits, offBits: off, maxSeg: 1 << off}, nil
}

// checkMemory validates the optional memory size.
func checkMemory(m int) error {
	if m == 0 {
		return nil
	}
	return field.Range("memory", m, 1, MaxMemory)
}

// split returns the segment number and offset of va.
func (s space) split(va int) (seg, off int) {
	return va >> s.offBits, va & (s.maxSeg - 1)
}
