package replace

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/osarena/osarena/sim/field"
)

// Frame allocation schemes.
const (
	SchemeEqual        = "equal"        // m/n frames each
	SchemeProportional = "proportional" // a_i = s_i / S × m
	SchemePriority     = "priority"     // a_i = p_i / P × m
)

// Remainder rules: what happens to the frames the rounding down leaves.
const (
	RemainderFreePool        = "free-pool"         // kept as a free-frame pool (textbook)
	RemainderLargestFraction = "largest-remainder" // one each to the largest fractional parts, ties to the earlier process
)

// Limits on an allocation scenario.
const (
	MaxProcesses  = 64
	MaxAllocTotal = 1 << 30
)

// Process is one process competing for frames.
type Process struct {
	Name     string `json:"name,omitempty"`
	Size     int    `json:"size"`               // pages of virtual memory
	Priority int    `json:"priority,omitempty"` // weight for the priority scheme
}

// AllocConfig splits Frames frames among Processes: the "alloc-frames"
// scenario kind.
type AllocConfig struct {
	Frames    int        `json:"frames"`
	Scheme    string     `json:"scheme"`
	Processes []Process  `json:"processes"`
	Rules     AllocRules `json:"rules,omitzero"`
}

// AllocRules are the named conventions of frame allocation.
type AllocRules struct {
	// Remainder says where the frames left by rounding down go.
	Remainder string `json:"remainder,omitempty"` // "free-pool", "largest-remainder"
}

// Share is one process's allocation.
type Share struct {
	Name   string `json:"name"`
	Weight int    `json:"weight"` // size, priority, or 1 for equal
	Frames int    `json:"frames"`
	// Exact is the unrounded share as a fraction "weight*frames/total".
	Exact string `json:"exact"`
}

// Allocation is the result of an AllocConfig.
type Allocation struct {
	Frames int        `json:"frames"`
	Scheme string     `json:"scheme"`
	Rules  AllocRules `json:"rules"`
	Shares []Share    `json:"shares"`
	Free   int        `json:"free"` // frames left in the free pool
}

// Allocate splits the frames. Shares are rounded down; the rules.remainder
// rule decides where the leftover frames go.
func Allocate(c AllocConfig) (*Allocation, error) {
	if err := field.Range("frames", c.Frames, 1, MaxAllocTotal); err != nil {
		return nil, err
	}
	if err := field.OneOf("scheme", c.Scheme, SchemeEqual, SchemeProportional, SchemePriority); err != nil {
		return nil, err
	}
	rem := c.Rules.Remainder
	if err := field.Rule(&rem, "rules.remainder", RemainderFreePool, RemainderLargestFraction); err != nil {
		return nil, err
	}
	if err := field.Len("processes", len(c.Processes), 1, MaxProcesses); err != nil {
		return nil, err
	}
	weights := make([]int, len(c.Processes))
	total := 0
	for i, p := range c.Processes {
		at := field.Index("processes", i)
		switch c.Scheme {
		case SchemeEqual:
			weights[i] = 1
		case SchemeProportional:
			if err := field.Range(field.Sub(at, "size"), p.Size, 1, MaxAllocTotal); err != nil {
				return nil, err
			}
			weights[i] = p.Size
		case SchemePriority:
			if err := field.Range(field.Sub(at, "priority"), p.Priority, 1, 1000); err != nil {
				return nil, err
			}
			weights[i] = p.Priority
		}
		total += weights[i]
	}
	a := &Allocation{Frames: c.Frames, Scheme: c.Scheme, Rules: AllocRules{Remainder: rem}, Free: c.Frames}
	fracs := make([]int, len(weights))
	for i, w := range weights {
		// w ≤ 2^30 and frames ≤ 2^30: the product fits in int64.
		n := int64(w) * int64(c.Frames)
		name := c.Processes[i].Name
		if name == "" {
			name = "P" + strconv.Itoa(i+1)
		}
		share := int(n / int64(total))
		fracs[i] = int(n % int64(total))
		a.Shares = append(a.Shares, Share{Name: name, Weight: w, Frames: share, Exact: fmt.Sprintf("%d*%d/%d", w, c.Frames, total)})
		a.Free -= share
	}
	if rem == RemainderLargestFraction {
		for a.Free > 0 {
			best := -1
			for i, f := range fracs {
				if f > 0 && (best < 0 || f > fracs[best]) {
					best = i
				}
			}
			if best < 0 {
				break
			}
			a.Shares[best].Frames++
			fracs[best] = 0
			a.Free--
		}
	}
	return a, nil
}

// WriteTable prints one line per process.
func (a *Allocation) WriteTable(w io.Writer) error {
	var b strings.Builder
	fmt.Fprintf(&b, "%s allocation of %d frames; rules: remainder=%s\n", a.Scheme, a.Frames, a.Rules.Remainder)
	rows := [][]string{{"process", "weight", "exact", "frames"}}
	for _, s := range a.Shares {
		rows = append(rows, []string{s.Name, strconv.Itoa(s.Weight), s.Exact, strconv.Itoa(s.Frames)})
	}
	writeGrid(&b, rows)
	unit := "frames"
	if a.Free == 1 {
		unit = "frame"
	}
	fmt.Fprintf(&b, "free pool: %d %s\n", a.Free, unit)
	_, err := io.WriteString(w, b.String())
	return err
}
