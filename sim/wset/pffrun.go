package wset

import (
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
)

// PFF actions, recorded on the step where the controller acted.
const (
	ActAdd     = "add"     // one more frame (rate above upper; interfault τ < threshold)
	ActRemove  = "remove"  // one frame fewer (rate below lower)
	ActAtMax   = "at-max"  // wanted a frame but the process already has all of memory
	ActAtMin   = "at-min"  // wanted to take a frame but the process has only 1
	ActRelease = "release" // interfault τ ≥ threshold: pages unused since the last fault released
)

// PFFStep is what happened at reference t.
type PFFStep struct {
	T     int  `json:"t"`
	Ref   int  `json:"ref"`
	Fault bool `json:"fault"`
	// Victim is the page LRU replaced to make room, or null.
	Victim *int `json:"victim"`
	// SinceFault is τ, the references since the previous fault (interfault
	// model, at a fault; the first fault counts from t = 0).
	SinceFault int `json:"since_fault,omitempty"`
	// WindowFaults is the number of faults in the window that ended at t
	// (rate model, at a window's end).
	WindowFaults *int `json:"window_faults,omitempty"`
	// Action is what the controller did at t, if anything.
	Action string `json:"action,omitempty"`
	// Released lists the pages the controller took away, ascending.
	Released []int `json:"released,omitempty"`
	// Frames is the process's allocation after the step; Resident its
	// pages, ascending.
	Frames   int   `json:"frames"`
	Resident []int `json:"resident"`
}

// PFFTrace is the run of a page-fault-frequency scenario.
type PFFTrace struct {
	Memory    int       `json:"memory"`
	Frames    int       `json:"frames,omitempty"`
	Window    int       `json:"window,omitempty"`
	Upper     int       `json:"upper,omitempty"`
	Lower     int       `json:"lower,omitempty"`
	Threshold int       `json:"threshold,omitempty"`
	Rules     PFFRules  `json:"rules"`
	Steps     []PFFStep `json:"steps"`
	Faults    int       `json:"faults"`
	// Adds counts frames given: one per rate-model addition; under the
	// interfault model, one per fault that grew the resident set.
	Adds int `json:"adds"`
	// Removes counts frames taken away: one per rate-model removal, one per
	// page released by the interfault model.
	Removes   int `json:"removes"`
	MinFrames int `json:"min_frames"`
	MaxFrames int `json:"max_frames"`
}

// pff is the state of one process under the controller.
type pff struct {
	pages    []int  // dense id → page
	last     []int  // dense id → time of its latest reference, 0 if never
	resident []int  // dense ids in memory, unordered
	used     []bool // dense id → referenced since the previous fault (interfault)
	in       []bool // dense id → resident
	alloc    int
	// everyFault: use bits are cleared at every fault (rule use_bits).
	everyFault bool
}

// evictLRU removes and returns the least recently used resident page.
func (s *pff) evictLRU() int {
	k := 0
	for i, id := range s.resident {
		if s.last[id] < s.last[s.resident[k]] {
			k = i
		}
	}
	id := s.resident[k]
	s.drop(k)
	return id
}

func (s *pff) drop(k int) {
	id := s.resident[k]
	s.in[id], s.used[id] = false, false
	s.resident = slices.Delete(s.resident, k, k+1)
}

func (s *pff) load(id int) {
	s.resident = append(s.resident, id)
	s.in[id] = true
}

// sortedPages returns the pages of dense ids, ascending.
func (s *pff) sortedPages(ids []int) []int {
	out := make([]int, len(ids))
	for i, id := range ids {
		out[i] = s.pages[id]
	}
	slices.Sort(out)
	return out
}

// RunPFF validates c and simulates the controller over the reference string.
func RunPFF(c PFFConfig) (*PFFTrace, error) {
	c, ids, pages, err := c.resolve()
	if err != nil {
		return nil, err
	}
	s := &pff{pages: pages, last: make([]int, len(pages)), used: make([]bool, len(pages)), in: make([]bool, len(pages)), alloc: c.Frames,
		everyFault: c.Rules.UseBits == UseEveryFault}
	tr := &PFFTrace{Memory: c.Memory, Frames: c.Frames, Window: c.Window, Upper: c.Upper, Lower: c.Lower,
		Threshold: c.Threshold, Rules: c.Rules, Steps: make([]PFFStep, len(ids)), MinFrames: c.Memory}
	interfault := c.Rules.Model == ModelInterfault
	lastFault, windowFaults := 0, 0
	for i, id := range ids {
		t := i + 1
		st := &tr.Steps[i]
		st.T, st.Ref = t, c.Refs[i]
		if !s.in[id] {
			st.Fault = true
			tr.Faults++
			windowFaults++
			if interfault {
				st.SinceFault = t - lastFault
				lastFault = t
				s.interfault(st, c.Threshold, c.Memory, tr)
			} else if len(s.resident) >= s.alloc {
				v := s.pages[s.evictLRU()]
				st.Victim = &v
			}
			s.load(id)
		}
		s.last[id] = t
		// Under use_bits=every-fault the faulting reference belongs to the
		// interval that ends at this fault, not to the next one.
		if !st.Fault || !s.everyFault {
			s.used[id] = true
		}
		if interfault {
			s.alloc = len(s.resident)
		} else if t%c.Window == 0 {
			f := windowFaults
			st.WindowFaults = &f
			windowFaults = 0
			s.rate(st, f, c, tr)
		}
		st.Frames = s.alloc
		st.Resident = s.sortedPages(s.resident)
		tr.MinFrames, tr.MaxFrames = min(tr.MinFrames, s.alloc), max(tr.MaxFrames, s.alloc)
	}
	return tr, nil
}

// interfault applies the inter-fault-time rule at a fault, before the
// faulting page is loaded.
func (s *pff) interfault(st *PFFStep, threshold, memory int, tr *PFFTrace) {
	if st.SinceFault >= threshold {
		st.Action = ActRelease
		var gone []int
		for k := len(s.resident) - 1; k >= 0; k-- {
			if id := s.resident[k]; !s.used[id] {
				gone = append(gone, id)
				s.drop(k)
			}
		}
		st.Released = s.sortedPages(gone)
		tr.Removes += len(gone)
	} else {
		st.Action = ActAdd
	}
	if st.Action == ActRelease || s.everyFault {
		for _, id := range s.resident {
			s.used[id] = false
		}
	}
	// The faulting page takes a new frame unless the process already has
	// all of memory; then it replaces the least recently used page.
	if len(s.resident) >= memory {
		v := s.pages[s.evictLRU()]
		st.Victim = &v
		if st.Action == ActAdd {
			st.Action = ActAtMax
		}
	} else {
		tr.Adds++
	}
}

// rate applies the fault-rate bounds at the end of a window that saw f faults.
func (s *pff) rate(st *PFFStep, f int, c PFFConfig, tr *PFFTrace) {
	high, low := f > c.Upper, f < c.Lower
	if c.Rules.Bounds == BoundsInclusive {
		high, low = f >= c.Upper, f <= c.Lower
	}
	switch {
	case high && s.alloc < c.Memory:
		s.alloc++
		st.Action = ActAdd
		tr.Adds++
	case high:
		st.Action = ActAtMax
	case low && s.alloc > 1:
		s.alloc--
		st.Action = ActRemove
		tr.Removes++
		if len(s.resident) > s.alloc {
			st.Released = []int{s.pages[s.evictLRU()]}
		}
	case low:
		st.Action = ActAtMin
	}
}

// WriteTable prints one row per reference: the page, a fault mark, the LRU
// victim, τ or the window's fault count, the controller's action, the
// pages it released and the allocation and resident pages after the step.
func (t *PFFTrace) WriteTable(w io.Writer) error {
	var b strings.Builder
	measure := "window faults"
	if t.Rules.Model == ModelInterfault {
		fmt.Fprintf(&b, "PFF, interfault model: threshold %d references; memory %d frames; rules: model=%s use_bits=%s replace=%s\n",
			t.Threshold, t.Memory, t.Rules.Model, t.Rules.UseBits, t.Rules.Replace)
		measure = "tau"
	} else {
		fmt.Fprintf(&b, "PFF, rate model: window %d references, upper %d, lower %d faults per window; start %d frames, memory %d; rules: model=%s bounds=%s replace=%s\n",
			t.Window, t.Upper, t.Lower, t.Frames, t.Memory, t.Rules.Model, t.Rules.Bounds, t.Rules.Replace)
	}
	rows := [][]string{{"t", "ref", "fault", "victim", measure, "action", "released", "frames", "resident"}}
	for _, s := range t.Steps {
		m := ""
		if s.WindowFaults != nil {
			m = strconv.Itoa(*s.WindowFaults)
		} else if s.SinceFault > 0 {
			m = strconv.Itoa(s.SinceFault)
		}
		victim := ""
		if s.Victim != nil {
			victim = strconv.Itoa(*s.Victim)
		}
		released := ""
		if len(s.Released) > 0 {
			released = setString(s.Released)
		}
		rows = append(rows, []string{strconv.Itoa(s.T), strconv.Itoa(s.Ref), mark(s.Fault), victim, m, s.Action,
			released, strconv.Itoa(s.Frames), setString(s.Resident)})
	}
	writeGrid(&b, rows)
	fmt.Fprintf(&b, "%d faults; %d frames added, %d taken away; allocation between %d and %d frames\n",
		t.Faults, t.Adds, t.Removes, t.MinFrames, t.MaxFrames)
	_, err := io.WriteString(w, b.String())
	return err
}
