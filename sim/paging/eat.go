package paging

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/osarena/osarena/sim/field"
)

// Limits on an effective-access-time scenario.
const (
	MaxLevels = 8         // page-table levels a miss walks
	MaxNS     = 1_000_000 // largest memory or TLB time, in ns
)

// EATConfig is an effective-access-time scenario: the JSON object of kind
// "eat" without its kind. Times are whole nanoseconds; the hit ratio is
// read exactly from its decimal text (0.98 is 98/100, not a binary float).
type EATConfig struct {
	Levels   int         `json:"levels"`
	MemoryNS int         `json:"memory_ns"`
	TLBNS    int         `json:"tlb_ns"`
	HitRatio json.Number `json:"hit_ratio"`
	Rules    EATRules    `json:"rules,omitzero"`
}

// EATRules are the named conventions of the effective access time.
type EATRules struct {
	// TLBLookup says when the TLB is searched: "serial" (first, so a miss
	// pays t + (k+1)·m) or "parallel" (alongside the first table read, so a
	// miss pays (k+1)·m). A hit pays t + m either way.
	TLBLookup string `json:"tlb_lookup,omitempty"`
}

// Rule values.
const (
	LookupSerial   = "serial"
	LookupParallel = "parallel"
)

// Resolve validates r and fills its defaults.
func (r EATRules) Resolve() (EATRules, error) {
	err := field.Rule(&r.TLBLookup, "rules.tlb_lookup", LookupSerial, LookupParallel)
	return r, err
}

// EATTerm is one case of the weighted sum.
type EATTerm struct {
	Case        string `json:"case"` // "hit" or "miss"
	Probability Frac   `json:"probability"`
	CostNS      int    `json:"cost_ns"`
	WeightedNS  Frac   `json:"weighted_ns"`
}

// EATTrace is the effective access time, term by term.
type EATTrace struct {
	Levels   int       `json:"levels"`
	MemoryNS int       `json:"memory_ns"`
	TLBNS    int       `json:"tlb_ns"`
	HitRatio Frac      `json:"hit_ratio"`
	Rules    EATRules  `json:"rules"`
	Terms    []EATTerm `json:"terms"`
	EATNS    Frac      `json:"eat_ns"`
	// EATExact is the time as a fraction "num/den" ("128" when whole).
	EATExact string `json:"eat_exact"`
	// OverheadNS is what translation adds to one memory access: EAT − m.
	OverheadNS Frac `json:"overhead_ns"`
}

// Validate reports the first invalid field of c, or nil.
func (c EATConfig) Validate() error {
	_, _, err := c.resolve()
	return err
}

// resolve validates c and returns its rules and exact hit ratio.
func (c EATConfig) resolve() (EATRules, Frac, error) {
	if err := field.Range("levels", c.Levels, 1, MaxLevels); err != nil {
		return EATRules{}, Frac{}, err
	}
	if err := field.Range("memory_ns", c.MemoryNS, 1, MaxNS); err != nil {
		return EATRules{}, Frac{}, err
	}
	if err := field.Range("tlb_ns", c.TLBNS, 0, MaxNS); err != nil {
		return EATRules{}, Frac{}, err
	}
	h, err := hitRatio("hit_ratio", c.HitRatio)
	if err != nil {
		return EATRules{}, Frac{}, err
	}
	r, err := c.Rules.Resolve()
	return r, h, err
}

// hitRatio reads a ratio between 0 and 1 exactly from its decimal text.
func hitRatio(name string, n json.Number) (Frac, error) {
	if n == "" {
		return Frac{}, field.Errorf(name, "is required (a decimal between 0 and 1, such as 0.98)")
	}
	h, ok := ParseDecimal(string(n))
	if !ok || h.Num > h.Den {
		return Frac{}, field.Errorf(name, "must be a plain decimal between 0 and 1 with at most %d places, such as 0.98 (got %s)", MaxFracDigits, n)
	}
	return h, nil
}

// RunEAT validates c and computes EAT = h·(t + m) + (1−h)·(t + (k+1)·m)
// (under rule tlb_lookup=parallel a miss costs (k+1)·m), exactly.
func RunEAT(c EATConfig) (*EATTrace, error) {
	r, h, err := c.resolve()
	if err != nil {
		return nil, err
	}
	return eat(c.Levels, c.MemoryNS, c.TLBNS, h, r), nil
}

// eat computes the trace for valid inputs; the TLB kind shares it.
func eat(k, m, t int, h Frac, r EATRules) *EATTrace {
	hit, miss := t+m, t+(k+1)*m
	if r.TLBLookup == LookupParallel {
		miss = (k + 1) * m
	}
	hw, mw := h.mul(int64(hit)), h.sub1().mul(int64(miss))
	// Both weighted terms share the denominator h.Den before reduction.
	total := NewFrac(h.Num*int64(hit)+(h.Den-h.Num)*int64(miss), h.Den)
	return &EATTrace{
		Levels: k, MemoryNS: m, TLBNS: t, HitRatio: h, Rules: r,
		Terms: []EATTerm{
			{Case: "hit", Probability: h, CostNS: hit, WeightedNS: hw},
			{Case: "miss", Probability: h.sub1(), CostNS: miss, WeightedNS: mw},
		},
		EATNS: total, EATExact: total.Exact(),
		OverheadNS: NewFrac(total.Num-int64(m)*total.Den, total.Den),
	}
}

// WriteTable prints the two cases and their weighted sum, the way the
// formula is worked on paper.
func (e *EATTrace) WriteTable(w io.Writer) error {
	var b strings.Builder
	fmt.Fprintf(&b, "%d-level page table, memory %d ns, TLB %d ns, hit ratio %s; rules: tlb_lookup=%s\n",
		e.Levels, e.MemoryNS, e.TLBNS, e.HitRatio, e.Rules.TLBLookup)
	missCost := fmt.Sprintf("%d + %d×%d", e.TLBNS, e.Levels+1, e.MemoryNS)
	if e.Rules.TLBLookup == LookupParallel {
		missCost = fmt.Sprintf("%d×%d", e.Levels+1, e.MemoryNS)
	}
	rows := [][]string{
		{"case", "probability", "cost", "ns", "weighted ns"},
		{"hit", e.Terms[0].Probability.String(), fmt.Sprintf("%d + %d", e.TLBNS, e.MemoryNS), itoa(e.Terms[0].CostNS), e.Terms[0].WeightedNS.String()},
		{"miss", e.Terms[1].Probability.String(), missCost, itoa(e.Terms[1].CostNS), e.Terms[1].WeightedNS.String()},
	}
	writeGrid(&b, rows, false)
	fmt.Fprintf(&b, "EAT = %s×%d + %s×%d = %s ns", e.Terms[0].Probability, e.Terms[0].CostNS, e.Terms[1].Probability, e.Terms[1].CostNS, e.EATNS)
	if !e.EATNS.Terminates() {
		fmt.Fprintf(&b, " (exactly %s)", e.EATExact)
	}
	fmt.Fprintf(&b, "; translation adds %s ns to each %d ns access\n", e.OverheadNS, e.MemoryNS)
	_, err := io.WriteString(w, b.String())
	return err
}
