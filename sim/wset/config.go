package wset

import (
	"bytes"
	"encoding/json"
	"math"
	"slices"

	"github.com/osarena/osarena/sim/field"
)

// Limits on a working-set scenario.
const (
	MaxRefs  = 10_000
	MaxDelta = 1_000
	MaxPage  = 999_999
	// MaxCells bounds the trace: the sum of |W(t)| over every t.
	MaxCells = 1 << 20
)

// Rules are the named conventions of the working-set model.
type Rules struct {
	// Window says which references W(t, Δ) covers: "last-delta" (the Δ
	// most recent references, t−Δ+1 … t, as Denning and Silberschatz
	// define it) or "closed-interval" (the interval [t−Δ, t], Δ+1
	// references, as some course notes write it).
	Window string `json:"window,omitempty"`
}

// Rule values.
const (
	WindowLastDelta      = "last-delta"
	WindowClosedInterval = "closed-interval"
)

// Resolve validates r and fills every default.
func (r Rules) Resolve() (Rules, error) {
	err := field.Rule(&r.Window, "rules.window", WindowLastDelta, WindowClosedInterval)
	return r, err
}

// Length is how many references the window holds for a given Δ.
func (r Rules) Length(delta int) int {
	if r.Window == WindowClosedInterval {
		return delta + 1
	}
	return delta
}

// Times is a list of reference times. In JSON it is a number or an array
// of numbers: "at": 10 and "at": [10, 26] both work.
type Times []int

// badTimes marks "at" JSON that was neither shape; Validate reports it.
const badTimes = math.MinInt

// UnmarshalJSON accepts a number, an array of numbers or null (no times).
// It never fails: a malformed value is remembered and reported by Validate.
func (ts *Times) UnmarshalJSON(b []byte) error {
	if bytes.Equal(bytes.TrimSpace(b), []byte("null")) {
		*ts = nil // like a missing field
		return nil
	}
	var one int
	if err := json.Unmarshal(b, &one); err == nil {
		*ts = Times{one}
		return nil
	}
	var many []int
	if err := json.Unmarshal(b, &many); err != nil {
		*ts = Times{badTimes}
		return nil
	}
	*ts = many
	return nil
}

// Config is a working-set scenario: the JSON object of kind "wset" without
// its kind.
type Config struct {
	Refs  []int `json:"refs"`
	Delta int   `json:"delta"`
	// At lists times (1 … len(refs)) whose working set the trace reports
	// on its own, as an exercise asks "W(10, Δ)?".
	At    Times `json:"at,omitempty"`
	Rules Rules `json:"rules,omitzero"`
}

// Validate reports the first invalid field of c, or nil.
func (c Config) Validate() error {
	_, _, err := c.resolve()
	return err
}

// resolve validates c, fills its rules and returns it with the reference
// string renumbered densely (pages in ascending order get 0, 1, …) and the
// sorted distinct pages.
func (c Config) resolve() (Config, []int, error) {
	ids, pages, err := checkRefs(c.Refs)
	if err != nil {
		return c, nil, err
	}
	if err := field.Range("delta", c.Delta, 1, MaxDelta); err != nil {
		return c, nil, err
	}
	if len(c.At) > MaxRefs {
		return c, nil, field.Len("at", len(c.At), 0, MaxRefs)
	}
	for i, t := range c.At {
		if t == badTimes {
			return c, nil, field.Errorf("at", "must be a time or an array of times")
		}
		if err := field.Range(field.Index("at", i), t, 1, len(c.Refs)); err != nil {
			return c, nil, field.Errorf(field.Index("at", i), "must be between 1 and %d (t counts references from 1)", len(c.Refs))
		}
	}
	if c.Rules, err = c.Rules.Resolve(); err != nil {
		return c, nil, err
	}
	w := NewWindow(c.Rules.Length(c.Delta), len(pages))
	cells := 0
	for _, p := range ids {
		w.Push(p)
		cells += w.Size()
	}
	if cells > MaxCells {
		return c, nil, field.Errorf("delta", "with these refs gives working sets of %d entries in all; at most %d (shorten refs or delta)", cells, MaxCells)
	}
	return c, pages, nil
}

// checkRefs validates a reference string and returns it renumbered densely
// (ids) together with the sorted distinct pages.
func checkRefs(refs []int) (ids, pages []int, err error) {
	if err := field.Len("refs", len(refs), 1, MaxRefs); err != nil {
		return nil, nil, err
	}
	for i, p := range refs {
		if err := field.Range(field.Index("refs", i), p, 0, MaxPage); err != nil {
			return nil, nil, err
		}
	}
	pages = slices.Compact(slices.Sorted(slices.Values(refs)))
	ids = make([]int, len(refs))
	for i, p := range refs {
		ids[i], _ = slices.BinarySearch(pages, p)
	}
	return ids, pages, nil
}
