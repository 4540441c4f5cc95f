package mem

import (
	"strconv"

	"github.com/osarena/osarena/sim/field"
)

// MaxRelocationAddresses is the most addresses one relocation scenario may
// translate.
const MaxRelocationAddresses = 1 << 20

// RelocationConfig is a base/limit translation scenario: the JSON object of
// kind "relocation" without its kind.
type RelocationConfig struct {
	// Base is the relocation register: the physical address of logical 0.
	Base int `json:"base"`
	// Limit is the limit register; rules.limit says what it holds.
	Limit int `json:"limit"`
	// Memory is the size of physical memory in bytes, or 0 when the
	// scenario does not say. When given, the whole range the registers
	// allow must lie inside it.
	Memory int `json:"memory,omitempty"`
	// Addresses are the logical addresses the CPU issues, in order.
	Addresses []int           `json:"addresses"`
	Rules     RelocationRules `json:"rules,omitzero"`
}

// RelocationRules are the named conventions of base/limit translation.
type RelocationRules struct {
	// Limit says what the limit register holds: "size" (the default) is the
	// size of the logical address space, and a logical address va traps when
	// va >= limit (Silberschatz, the course notes); "end" is the exclusive
	// physical end of the partition, and va traps when base+va >= limit
	// (OSTEP's other reading of a bounds register).
	Limit string `json:"limit,omitempty"`
}

// Rule values of RelocationRules.Limit.
const (
	LimitSize = "size"
	LimitEnd  = "end"
)

// Nullable is a non-negative number or Null; it encodes as a JSON number or
// null.
type Nullable int

// Null is the absent value: no physical address, because the access trapped.
const Null Nullable = -1

// MarshalJSON encodes Null as null.
func (n Nullable) MarshalJSON() ([]byte, error) {
	if n < 0 {
		return []byte("null"), nil
	}
	return strconv.AppendInt(nil, int64(n), 10), nil
}

// Translation is the outcome of one logical address.
type Translation struct {
	VA    int  `json:"va"`
	Valid bool `json:"valid"`
	// PA is the physical address, or Null when the access trapped.
	PA Nullable `json:"pa"`
}

// RelocationTrace is the full run of a relocation scenario.
type RelocationTrace struct {
	Base    int             `json:"base"`
	Limit   int             `json:"limit"`
	Memory  int             `json:"memory,omitempty"`
	Rules   RelocationRules `json:"rules"`
	Results []Translation   `json:"results"`
	// Traps counts the addresses that trapped to the operating system.
	Traps int `json:"traps"`
}

// Validate reports the first invalid field of c, or nil.
func (c RelocationConfig) Validate() error {
	_, err := c.resolve()
	return err
}

// resolve validates c and returns it with its rules resolved.
func (c RelocationConfig) resolve() (RelocationConfig, error) {
	if err := field.Rule(&c.Rules.Limit, "rules.limit", LimitSize, LimitEnd); err != nil {
		return c, err
	}
	if c.Memory != 0 {
		if err := field.Range("memory", c.Memory, 1, MaxAddress); err != nil {
			return c, err
		}
	}
	top := MaxAddress
	if c.Memory != 0 {
		top = c.Memory
	}
	if err := field.Range("base", c.Base, 0, top-1); err != nil {
		return c, err
	}
	if c.Rules.Limit == LimitSize {
		if err := field.Range("limit", c.Limit, 1, top-c.Base); err != nil {
			if c.Memory != 0 && c.Limit > top-c.Base {
				return c, field.Errorf("limit", "must be at most %d (memory %d − base %d): the partition must fit in memory", top-c.Base, c.Memory, c.Base)
			}
			return c, err
		}
	} else {
		if err := field.Range("limit", c.Limit, c.Base+1, top); err != nil {
			if c.Memory != 0 && c.Limit > top {
				return c, field.Errorf("limit", "must be at most memory (%d): with rules.limit end it is the partition's physical end", c.Memory)
			}
			return c, field.Errorf("limit", "must be between base+1 (%d) and %d: with rules.limit end it is the partition's physical end", c.Base+1, top)
		}
	}
	if err := field.Len("addresses", len(c.Addresses), 1, MaxRelocationAddresses); err != nil {
		return c, err
	}
	for i, a := range c.Addresses {
		if a < 0 || a > MaxAddress { // name the field only on failure: no allocation per address
			return c, field.Range(field.Index("addresses", i), a, 0, MaxAddress)
		}
	}
	return c, nil
}

// Registers is the hardware's view of a relocation scenario: the
// relocation register and the size of the logical address space the limit
// register allows, whichever rule the scenario reads the limit by.
type Registers struct {
	Base int // physical address of logical 0
	Size int // logical addresses 0..Size-1 are valid
}

// Registers returns the registers of c, whose rules must be resolved (as
// in a trace, or set explicitly).
func (c RelocationConfig) Registers() Registers {
	if c.Rules.Limit == LimitEnd {
		return Registers{Base: c.Base, Size: c.Limit - c.Base}
	}
	return Registers{Base: c.Base, Size: c.Limit}
}

// Translate maps logical address va: it reports the physical address and
// true, or -1 and false when the access traps (va < 0 or va >= Size).
func (r Registers) Translate(va int) (pa int, ok bool) {
	if uint(va) >= uint(r.Size) {
		return -1, false
	}
	return r.Base + va, true
}

// Translate maps logical address va through c's registers, as
// c.Registers().Translate(va) does.
func (c RelocationConfig) Translate(va int) (pa int, ok bool) {
	return c.Registers().Translate(va)
}

// RunRelocation validates c and translates every address.
func RunRelocation(c RelocationConfig) (*RelocationTrace, error) {
	c, err := c.resolve()
	if err != nil {
		return nil, err
	}
	t := &RelocationTrace{
		Base: c.Base, Limit: c.Limit, Memory: c.Memory, Rules: c.Rules,
		Results: make([]Translation, len(c.Addresses)),
	}
	regs := c.Registers()
	for i, va := range c.Addresses {
		pa, ok := regs.Translate(va)
		t.Results[i] = Translation{VA: va, Valid: ok, PA: Nullable(pa)}
		if !ok {
			t.Traps++
		}
	}
	return t, nil
}
