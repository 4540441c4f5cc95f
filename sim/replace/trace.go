package replace

import (
	"strconv"
)

// Nullable is a non-negative number or Null; it encodes as a JSON number or
// null. Frame contents, victims and OPT distances use it.
type Nullable int

// Null is the absent value: a free frame, no victim, a page never used again.
const Null Nullable = -1

// MarshalJSON encodes Null as null.
func (n Nullable) MarshalJSON() ([]byte, error) {
	if n < 0 {
		return []byte("null"), nil
	}
	return strconv.AppendInt(nil, int64(n), 10), nil
}

// UnmarshalJSON decodes null as Null.
func (n *Nullable) UnmarshalJSON(b []byte) error {
	if string(b) == "null" {
		*n = Null
		return nil
	}
	v, err := strconv.Atoi(string(b))
	if err != nil || v < 0 {
		return &strconv.NumError{Func: "Nullable", Num: string(b), Err: strconv.ErrSyntax}
	}
	*n = Nullable(v)
	return nil
}

// Step is what happened at one reference.
type Step struct {
	Ref   int  `json:"ref"`
	Write bool `json:"write,omitempty"`
	Hit   bool `json:"hit"`
	// Frame holds the referenced page after the step.
	Frame int `json:"frame"`
	// Victim is the page evicted to make room, or Null.
	Victim Nullable `json:"victim"`
	// WriteBack is set when the victim was dirty and had to be written out.
	WriteBack bool `json:"write_back,omitempty"`
	// Frames is the content of every frame after the step (Null = free).
	Frames []Nullable `json:"frames"`
	// RefBits and Dirty are every frame's bits after the step (clock and
	// enhanced clock; Dirty also whenever the scenario has writes).
	RefBits []int `json:"ref_bits,omitempty"`
	Dirty   []int `json:"dirty,omitempty"`
	// Hand is the clock hand after the step (clock, enhanced clock).
	Hand *int `json:"hand,omitempty"`
	// SecondChances lists, in sweep order, the frames whose reference bit
	// the hand cleared while looking for the victim.
	SecondChances []int `json:"second_chances,omitempty"`
	// Sweeps is how many passes the enhanced clock made (1–4).
	Sweeps int `json:"sweeps,omitempty"`
	// Distances decided an OPT or LRU victim: per frame, the references
	// until the page's next use (OPT; Null = never again) or since its last
	// use (LRU), as they stood before the eviction.
	Distances []Nullable `json:"distances,omitempty"`
	// Counts decided an LFU or MFU victim: per frame, the reference count
	// before the eviction.
	Counts []int `json:"counts,omitempty"`
}

// Trace is the full run of a scenario.
type Trace struct {
	Policy     Policy `json:"policy"`
	Frames     int    `json:"frames"`
	Seed       uint64 `json:"seed,omitempty"`
	Rules      Rules  `json:"rules"`
	Steps      []Step `json:"steps"`
	Faults     int    `json:"faults"`
	Hits       int    `json:"hits"`
	WriteBacks int    `json:"write_backs"`
}

// Run validates c and simulates it, recording every step.
func Run(c Config) (*Trace, error) {
	c, err := c.resolve(MaxRefs)
	if err != nil {
		return nil, err
	}
	e := newEngine(c)
	n, k := len(c.Refs), c.Frames
	t := &Trace{Policy: c.Policy, Frames: k, Rules: c.Rules, Steps: make([]Step, n)}
	if c.Policy == Random {
		t.Seed = c.Seed
	}
	clock := c.Policy == Clock || c.Policy == EClock
	bits := clock || len(c.Writes) > 0
	// One backing array per snapshot kind instead of one per step.
	frames := make([]Nullable, n*k)
	var refBits, dirty []int
	if clock {
		refBits = make([]int, n*k)
	}
	if bits {
		dirty = make([]int, n*k)
	}
	for i := range n {
		var d decision
		hit, frame, victim := e.step(i, &d)
		s := &t.Steps[i]
		s.Ref, s.Hit, s.Frame, s.Victim = c.Refs[i], hit, frame, Nullable(victim)
		s.Write = len(c.Writes) > 0 && c.Writes[i]
		s.SecondChances, s.Sweeps, s.Counts = d.secondChances, d.sweeps, d.counts
		if d.distances != nil {
			s.Distances = make([]Nullable, k)
			for f, v := range d.distances {
				s.Distances[f] = Nullable(v)
			}
		}
		if hit {
			t.Hits++
		} else {
			t.Faults++
		}
		s.Frames = frames[i*k : (i+1)*k : (i+1)*k]
		for f, p := range e.page {
			s.Frames[f] = Nullable(p)
		}
		if clock {
			s.RefBits = refBits[i*k : (i+1)*k : (i+1)*k]
			for f, b := range e.ref {
				s.RefBits[f] = b01(b && e.page[f] >= 0)
			}
			hand := e.hand
			s.Hand = &hand
		}
		if bits {
			s.Dirty = dirty[i*k : (i+1)*k : (i+1)*k]
			for f, b := range e.dirty {
				s.Dirty[f] = b01(b)
			}
		}
		if victim >= 0 && e.wasDirty {
			s.WriteBack = true
			t.WriteBacks++
		}
	}
	return t, nil
}

func b01(b bool) int {
	if b {
		return 1
	}
	return 0
}

// Count validates c and returns its number of page faults without recording
// a trace; it allocates only the engine's tables, never per reference, and
// accepts up to MaxCountRefs references.
func Count(c Config) (faults int, err error) {
	c, err = c.resolve(MaxCountRefs)
	if err != nil {
		return 0, err
	}
	e := newEngine(c)
	for i := range c.Refs {
		if hit, _, _ := e.step(i, nil); !hit {
			faults++
		}
	}
	return faults, nil
}
