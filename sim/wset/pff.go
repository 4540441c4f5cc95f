package wset

import (
	"github.com/osarena/osarena/sim/field"
)

// MaxMemory is the most frames a page-fault-frequency scenario may have.
const MaxMemory = 64

// PFFRules are the named conventions of page-fault-frequency control.
type PFFRules struct {
	// Model is how the fault frequency is measured and acted on:
	//   - "rate" (default; Silberschatz, and the course notes): after every
	//     window references, count the faults f in that window; if f is
	//     above upper, give the process one more frame (if memory allows);
	//     if f is below lower, take one frame away (never below 1), evicting
	//     the least recently used page if every frame is full.
	//   - "interfault" (Chu and Opderbeck, as Stallings describes it): at
	//     each fault, let τ be the references since the previous fault. If
	//     τ < threshold, the faulting page is simply added (the resident set
	//     grows by one frame); otherwise every resident page whose use bit
	//     is 0 is released first. The faulting page then takes a new frame,
	//     or replaces the LRU page if the process has all of memory.
	Model string `json:"model,omitempty"`
	// UseBits (interfault model) says when use bits are cleared:
	// "every-fault" (default; Chu and Opderbeck: a use bit says the page
	// was referenced between the previous fault and this one, so the pages
	// released are exactly those not referenced since the previous fault)
	// or "on-release" (Stallings' wording: bits are set on every reference,
	// the load included, and cleared only when pages are released).
	UseBits string `json:"use_bits,omitempty"`
	// Bounds (rate model) says whether a rate equal to a bound triggers:
	// "strict" (add when f > upper, remove when f < lower) or "inclusive"
	// (add when f ≥ upper, remove when f ≤ lower, as the course notes'
	// "하한값 이하" reads).
	Bounds string `json:"bounds,omitempty"`
	// Replace is how a full allocation makes room for a faulting page:
	// "lru", local to the process.
	Replace string `json:"replace,omitempty"`
}

// Rule values.
const (
	ModelRate       = "rate"
	ModelInterfault = "interfault"
	BoundsStrict    = "strict"
	BoundsInclusive = "inclusive"
	ReplaceLRU      = "lru"
	UseEveryFault   = "every-fault"
	UseOnRelease    = "on-release"
)

// Resolve validates r, fills every default and keeps only the rules the
// model uses.
func (r PFFRules) Resolve() (PFFRules, error) {
	for _, c := range []struct {
		v       *string
		name    string
		choices []string
	}{
		{&r.Model, "rules.model", []string{ModelRate, ModelInterfault}},
		{&r.Bounds, "rules.bounds", []string{BoundsStrict, BoundsInclusive}},
		{&r.Replace, "rules.replace", []string{ReplaceLRU}},
		{&r.UseBits, "rules.use_bits", []string{UseEveryFault, UseOnRelease}},
	} {
		if err := field.Rule(c.v, c.name, c.choices...); err != nil {
			return PFFRules{}, err
		}
	}
	if r.Model == ModelInterfault {
		r.Bounds = ""
	} else {
		r.UseBits = ""
	}
	return r, nil
}

// PFFConfig is a page-fault-frequency scenario: the JSON object of kind
// "pff" without its kind. One process runs the reference string; Memory is
// the most frames it can be given.
type PFFConfig struct {
	Refs   []int `json:"refs"`
	Memory int   `json:"memory"`
	// Frames is the allocation the process starts with (rate model);
	// zero means 1.
	Frames int `json:"frames,omitempty"`
	// Window, Upper and Lower drive the rate model: faults are counted
	// over each window of Window references and compared with Upper and
	// Lower (faults per window).
	Window int `json:"window,omitempty"`
	Upper  int `json:"upper,omitempty"`
	Lower  int `json:"lower,omitempty"`
	// Threshold is the inter-fault model's F, in references.
	Threshold int      `json:"threshold,omitempty"`
	Rules     PFFRules `json:"rules,omitzero"`
}

// Validate reports the first invalid field of c, or nil.
func (c PFFConfig) Validate() error {
	_, _, _, err := c.resolve()
	return err
}

func (c PFFConfig) resolve() (PFFConfig, []int, []int, error) {
	ids, pages, err := checkRefs(c.Refs)
	if err != nil {
		return c, nil, nil, err
	}
	if err := field.Range("memory", c.Memory, 1, MaxMemory); err != nil {
		return c, nil, nil, err
	}
	if c.Rules, err = c.Rules.Resolve(); err != nil {
		return c, nil, nil, err
	}
	if c.Rules.Model == ModelInterfault {
		for _, f := range []struct {
			name string
			v    int
		}{{"frames", c.Frames}, {"window", c.Window}, {"upper", c.Upper}, {"lower", c.Lower}} {
			if f.v != 0 {
				return c, nil, nil, field.Errorf(f.name, "applies to rules.model=rate only; the interfault model uses threshold")
			}
		}
		if err := field.Range("threshold", c.Threshold, 1, MaxRefs); err != nil {
			return c, nil, nil, err
		}
		return c, ids, pages, nil
	}
	if c.Threshold != 0 {
		return c, nil, nil, field.Errorf("threshold", "applies to rules.model=interfault only; the rate model uses window, upper and lower")
	}
	if c.Frames == 0 {
		c.Frames = 1
	}
	if err := field.Range("frames", c.Frames, 1, c.Memory); err != nil {
		return c, nil, nil, field.Errorf("frames", "must be between 1 and memory (%d)", c.Memory)
	}
	if err := field.Range("window", c.Window, 1, MaxRefs); err != nil {
		return c, nil, nil, err
	}
	if err := field.Range("upper", c.Upper, 0, c.Window); err != nil {
		return c, nil, nil, field.Errorf("upper", "must be between 0 and window (%d): it counts faults per window", c.Window)
	}
	top := c.Upper
	if c.Rules.Bounds == BoundsInclusive {
		top = c.Upper - 1
	}
	if c.Lower < 0 || c.Lower > top {
		if c.Rules.Bounds == BoundsInclusive {
			return c, nil, nil, field.Errorf("lower", "must be between 0 and upper-1 (%d) with inclusive bounds", top)
		}
		return c, nil, nil, field.Errorf("lower", "must be between 0 and upper (%d)", top)
	}
	return c, ids, pages, nil
}
