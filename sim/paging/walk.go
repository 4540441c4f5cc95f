package paging

import (
	enchex "encoding/hex"
	"strings"

	"github.com/osarena/osarena/sim/field"
)

// Limits on a page-walk scenario.
const (
	MaxWalkLevels  = 5       // levels of a multilevel table
	MaxMemoryBytes = 1 << 20 // simulated physical memory
	MaxWalkVABits  = 48      // width of a virtual address
)

// WalkConfig is a multilevel page-walk scenario: the JSON object of kind
// "pagewalk" without its kind, in the format of OSTEP's
// paging-multilevel-translate homework. Physical memory is a list of pages,
// each a hex string of PageSize bytes (spaces allowed; "" or null is a page
// of zeros). A virtual address is split, from the top, into one index per
// level (Levels gives each one's bits) and the offset; the walk starts at
// the table in page Root.
type WalkConfig struct {
	PageSize  int       `json:"page_size"`
	VABits    int       `json:"va_bits"`
	Levels    []int     `json:"levels"`
	PTE       PTEFormat `json:"pte"`
	Root      int       `json:"root"`
	Memory    []string  `json:"memory"`
	Addresses []Access  `json:"addresses"`
	Rules     WalkRules `json:"rules,omitzero"`
}

// PTEFormat describes a page-table entry in memory: its size, the bit that
// marks it valid and the bits that hold the frame number (shifted down by
// the mask's trailing zeros).
type PTEFormat struct {
	Bytes     int    `json:"bytes"`
	ValidMask uint64 `json:"valid_mask"`
	PFNMask   uint64 `json:"pfn_mask"`
}

// WalkRules are the named conventions of a page walk.
type WalkRules struct {
	// ByteOrder is how a multi-byte entry is read: "big" (the bytes as the
	// hex dump shows them, most significant first) or "little" (x86).
	ByteOrder string `json:"byte_order,omitempty"`
}

// Rule values.
const (
	BigEndian    = "big"
	LittleEndian = "little"
)

// Validate reports the first invalid field of c, or nil.
func (c WalkConfig) Validate() error {
	_, _, err := c.resolve()
	return err
}

// resolve validates c and returns its rules and memory image.
func (c WalkConfig) resolve() (WalkRules, []byte, error) {
	r := c.Rules
	if err := checkPageSize("page_size", c.PageSize, false); err != nil {
		return r, nil, err
	}
	if c.PageSize > MaxMemoryBytes {
		return r, nil, field.Errorf("page_size", "must be at most %d in a page walk", MaxMemoryBytes)
	}
	p := c.PTE
	if err := field.Range("pte.bytes", p.Bytes, 1, 8); err != nil {
		return r, nil, err
	}
	top := ^uint64(0) >> (64 - 8*p.Bytes)
	if p.ValidMask == 0 || p.ValidMask&^top != 0 {
		return r, nil, field.Errorf("pte.valid_mask", "must be a non-zero mask within %d bits", 8*p.Bytes)
	}
	if p.PFNMask == 0 || p.PFNMask&^top != 0 {
		return r, nil, field.Errorf("pte.pfn_mask", "must be a non-zero mask within %d bits", 8*p.Bytes)
	}
	if p.PFNMask&p.ValidMask != 0 {
		return r, nil, field.Errorf("pte.pfn_mask", "must not overlap pte.valid_mask")
	}
	if err := field.Len("levels", len(c.Levels), 1, MaxWalkLevels); err != nil {
		return r, nil, err
	}
	ob := log2(c.PageSize)
	sum, parts := ob, []string{}
	for i, b := range c.Levels {
		name := field.Index("levels", i)
		if err := field.Range(name, b, 1, 30); err != nil {
			return r, nil, err
		}
		if size := (1 << b) * p.Bytes; size > c.PageSize {
			return r, nil, field.Errorf(name, "makes a table of 2^%d entries × %d bytes = %d bytes, more than a %d-byte page", b, p.Bytes, size, c.PageSize)
		}
		sum += b
		parts = append(parts, itoa(b))
	}
	if c.VABits != sum {
		return r, nil, field.Errorf("va_bits", "must equal the index bits plus the offset bits: %s + %d = %d (got %d)", strings.Join(parts, " + "), ob, sum, c.VABits)
	}
	if sum > MaxWalkVABits {
		return r, nil, field.Errorf("va_bits", "must be at most %d", MaxWalkVABits)
	}
	if err := field.Len("memory", len(c.Memory), 1, MaxMemoryBytes/c.PageSize); err != nil {
		return r, nil, err
	}
	mem := make([]byte, len(c.Memory)*c.PageSize)
	for i, page := range c.Memory {
		h := strings.Join(strings.Fields(page), "")
		if h == "" {
			continue
		}
		if len(h) != 2*c.PageSize {
			return r, nil, field.Errorf(field.Index("memory", i), "must be %d hex digits (%d bytes), or empty for a page of zeros (got %d digits)", 2*c.PageSize, c.PageSize, len(h))
		}
		if _, err := enchex.Decode(mem[i*c.PageSize:], []byte(h)); err != nil {
			return r, nil, field.Errorf(field.Index("memory", i), "must be hex digits (%v)", err)
		}
	}
	if err := field.Range("root", c.Root, 0, len(c.Memory)-1); err != nil {
		return r, nil, err
	}
	if err := checkAccesses("addresses", c.Addresses, accessRules{min: 1, limit: 1 << sum}); err != nil {
		return r, nil, err
	}
	if err := field.Rule(&r.ByteOrder, "rules.byte_order", BigEndian, LittleEndian); err != nil {
		return r, nil, err
	}
	return r, mem, nil
}
