package wset

import (
	"fmt"
	"io"
	"math/bits"
	"strconv"
	"strings"

	"github.com/osarena/osarena/sim/field"
)

// Limits on a thrashing scenario.
const (
	MaxProcesses    = 64
	MaxWorkingSet   = 1 << 20 // frames
	MaxFrames       = 1 << 26 // frames of memory
	MaxFaultPenalty = 10_000
	// DefaultFaultPenalty is fault_penalty when the scenario leaves it out.
	DefaultFaultPenalty = 100
)

// scale is the fixed point of the thrashing model: 1.0 = 10^9.
const scale = 1_000_000_000

// ThrashingRules names the utilisation model.
type ThrashingRules struct {
	// Model is "paging-device", the only model (see ThrashingConfig); it is
	// named so a question card can print it.
	Model string `json:"model,omitempty"`
}

// ModelPagingDevice is the thrashing model of RunThrashing.
const ModelPagingDevice = "paging-device"

// ThrashingConfig is a thrashing scenario: the JSON object of kind
// "thrashing" without its kind. Processes are admitted in the order given;
// degree n means the first n run together and share memory.
//
// The model, for degree n with W = the sum of the first n working sets and
// M = memory (both in frames), p = io_wait_percent/100, F = fault_penalty:
//
//	m = max(0, W − M) / W          the part of its working set each process lacks
//	                               (memory is split in proportion to working sets)
//	q = (w + m·F) / (1 + w + m·F)  a process's waiting fraction, w = p / (1 − p):
//	                               per unit of CPU work it waits w for I/O and m·F
//	                               for page faults (F: fault service per unit of
//	                               work when the whole working set is missing)
//	cpu = 1 − q^n                  some process is ready (independent waits)
//	bound = 1 / (m·F)              the paging device serves one fault at a time, so
//	                               work per unit time cannot exceed this (m > 0 only)
//	U(n) = min(cpu, bound)
//
// While the working sets fit, m = 0 and U(n) = 1 − p^n, the textbook curve
// rising with n; once they do not, m·F grows with every process added and
// the paging device caps U, so utilisation collapses. The knee is the n of
// highest utilisation.
//
// Arithmetic is integer fixed point with 10^9 = 1: every product and
// quotient truncates, and each reported value is rounded half up to
// per-mille (1000 = 100%).
type ThrashingConfig struct {
	Memory      int   `json:"memory"`
	WorkingSets []int `json:"working_sets"`
	// IOWaitPercent is p, the percentage of time a process holding its
	// whole working set waits for I/O (0 … 99).
	IOWaitPercent int `json:"io_wait_percent"`
	// FaultPenalty is F; zero means DefaultFaultPenalty.
	FaultPenalty int            `json:"fault_penalty,omitempty"`
	Rules        ThrashingRules `json:"rules,omitzero"`
}

// Validate reports the first invalid field of c, or nil.
func (c ThrashingConfig) Validate() error {
	_, err := c.resolve()
	return err
}

func (c ThrashingConfig) resolve() (ThrashingConfig, error) {
	if err := field.Range("memory", c.Memory, 1, MaxFrames); err != nil {
		return c, err
	}
	if err := field.Len("working_sets", len(c.WorkingSets), 1, MaxProcesses); err != nil {
		return c, err
	}
	for i, w := range c.WorkingSets {
		if err := field.Range(field.Index("working_sets", i), w, 1, MaxWorkingSet); err != nil {
			return c, err
		}
	}
	if err := field.Range("io_wait_percent", c.IOWaitPercent, 0, 99); err != nil {
		return c, err
	}
	if c.FaultPenalty == 0 {
		c.FaultPenalty = DefaultFaultPenalty
	}
	if err := field.Range("fault_penalty", c.FaultPenalty, 1, MaxFaultPenalty); err != nil {
		return c, err
	}
	err := field.Rule(&c.Rules.Model, "rules.model", ModelPagingDevice)
	return c, err
}

// Degree is the model's outcome for one degree of multiprogramming. All
// fractions are per-mille.
type Degree struct {
	N      int  `json:"n"`
	SumWSS int  `json:"sum_wss"`
	Fits   bool `json:"fits"`
	// Missing is m, the part of each working set not in memory.
	Missing int `json:"missing_permille"`
	// Wait is q, each process's waiting fraction (I/O and page faults).
	Wait int `json:"wait_permille"`
	// CPU is 1 − q^n.
	CPU int `json:"cpu_permille"`
	// PagingBound is 1/(m·F) capped at 1000, or null when the working sets fit.
	PagingBound *int `json:"paging_bound_permille"`
	Utilization int  `json:"utilization_permille"`
	// LimitedBy is "io" when cpu decides U(n), "paging" when the bound does.
	LimitedBy string `json:"limited_by"`
}

// ThrashingTrace is utilisation against the degree of multiprogramming.
type ThrashingTrace struct {
	Memory        int            `json:"memory"`
	WorkingSets   []int          `json:"working_sets"`
	IOWaitPercent int            `json:"io_wait_percent"`
	FaultPenalty  int            `json:"fault_penalty"`
	Rules         ThrashingRules `json:"rules"`
	Degrees       []Degree       `json:"degrees"`
	// Knee is the degree of highest utilisation (the smallest on a tie of
	// the per-mille values).
	Knee int `json:"knee"`
	// FitsUntil is the largest degree whose working sets fit in memory
	// (0 if not even the first fits); thrashing begins after it.
	FitsUntil int `json:"fits_until"`
}

// mulDiv returns a·b/c truncated; the caller keeps the quotient below 2^64.
func mulDiv(a, b, c uint64) uint64 {
	hi, lo := bits.Mul64(a, b)
	q, _ := bits.Div64(hi, lo, c)
	return q
}

// permille rounds a fixed-point fraction half up to per-mille.
func permille(x uint64) int { return int((x*1000 + scale/2) / scale) }

// RunThrashing validates c and evaluates the model for every degree 1 … len(working_sets).
func RunThrashing(c ThrashingConfig) (*ThrashingTrace, error) {
	c, err := c.resolve()
	if err != nil {
		return nil, err
	}
	tr := &ThrashingTrace{Memory: c.Memory, WorkingSets: c.WorkingSets, IOWaitPercent: c.IOWaitPercent,
		FaultPenalty: c.FaultPenalty, Rules: c.Rules, Degrees: make([]Degree, len(c.WorkingSets))}
	p := uint64(c.IOWaitPercent)
	w := p * scale / (100 - p) // ≤ 99·10^9
	bounds := make([]int, len(c.WorkingSets))
	sum := 0
	for i, wss := range c.WorkingSets {
		n := i + 1
		sum += wss
		d := &tr.Degrees[i]
		d.N, d.SumWSS, d.Fits, d.LimitedBy = n, sum, sum <= c.Memory, "io"
		var m, mf uint64 // m and m·F, fixed point
		if !d.Fits {
			short := uint64(sum - c.Memory)
			m = mulDiv(short, scale, uint64(sum))
			mf = mulDiv(short*uint64(c.FaultPenalty), scale, uint64(sum)) // ≤ F·10^9
		} else {
			tr.FitsUntil = n
		}
		num := w + mf
		q := mulDiv(num, scale, scale+num)
		qn := uint64(scale)
		for range n {
			qn = mulDiv(qn, q, scale)
		}
		cpu := scale - qn
		u := cpu
		d.Missing, d.Wait, d.CPU = permille(m), permille(q), permille(cpu)
		if mf > 0 {
			bound := uint64(scale)
			if mf > scale {
				bound = mulDiv(scale, scale, mf)
			}
			bounds[i] = permille(bound)
			d.PagingBound = &bounds[i]
			if bound < cpu {
				u, d.LimitedBy = bound, "paging"
			}
		}
		d.Utilization = permille(u)
		if d.Utilization > tr.Degrees[max(tr.Knee-1, 0)].Utilization || tr.Knee == 0 {
			tr.Knee = n
		}
	}
	return tr, nil
}

// WriteTable prints one row per degree with a bar of utilisation, the
// curve a student sketches: rising while the working sets fit, collapsing
// after.
func (t *ThrashingTrace) WriteTable(w io.Writer) error {
	var b strings.Builder
	fmt.Fprintf(&b, "thrashing: memory %d frames, I/O wait %d%%, fault penalty %d; rules: model=%s\n",
		t.Memory, t.IOWaitPercent, t.FaultPenalty, t.Rules.Model)
	rows := [][]string{{"n", "wss", "sum", "fits", "missing", "1-q^n", "bound", "U", "U(n)"}}
	for i, d := range t.Degrees {
		bound := ""
		if d.PagingBound != nil {
			bound = pct(*d.PagingBound)
		}
		bar := strings.Repeat("#", (d.Utilization+12)/25)
		if d.N == t.Knee {
			bar += " <- knee"
		}
		rows = append(rows, []string{strconv.Itoa(d.N), strconv.Itoa(t.WorkingSets[i]), strconv.Itoa(d.SumWSS), yes(d.Fits),
			pct(d.Missing), pct(d.CPU), bound, pct(d.Utilization), bar})
	}
	writeGrid(&b, rows)
	fmt.Fprintf(&b, "working sets fit up to n = %d; highest utilisation %s at n = %d\n",
		t.FitsUntil, pct(t.Degrees[t.Knee-1].Utilization), t.Knee)
	_, err := io.WriteString(w, b.String())
	return err
}

// pct prints a per-mille value as a percentage with one decimal.
func pct(pm int) string { return fmt.Sprintf("%d.%d%%", pm/10, pm%10) }

func yes(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}
