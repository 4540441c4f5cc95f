package replace

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/osarena/osarena/sim/field"
)

// SweepConfig asks for the fault count of one reference string and policy
// at every frame count from 1 to MaxFrames: the "belady" scenario kind.
type SweepConfig struct {
	Policy Policy `json:"policy"`
	Refs   []int  `json:"refs"`
	Writes []bool `json:"writes,omitempty"`
	Seed   uint64 `json:"seed,omitempty"`
	// MaxFrames is the largest frame count tried; 0 means the number of
	// distinct pages (more frames cannot fault less), capped at 64.
	MaxFrames int   `json:"max_frames,omitempty"`
	Rules     Rules `json:"rules,omitzero"`
}

// Rise is a place where one more frame gave more faults: Belady's anomaly.
type Rise struct {
	Frames     int `json:"frames"`      // the smaller frame count
	Faults     int `json:"faults"`      // faults with Frames frames
	MoreFaults int `json:"more_faults"` // faults with Frames+1 frames
}

// Sweep is the fault curve of a SweepConfig.
type Sweep struct {
	Policy Policy `json:"policy"`
	Rules  Rules  `json:"rules"`
	// Faults[i] is the number of faults with i+1 frames.
	Faults []int `json:"faults"`
	// Anomaly is true when the curve ever rises; Rises lists where.
	Anomaly bool   `json:"anomaly"`
	Rises   []Rise `json:"rises"`
}

// RunSweep counts faults for every frame count from 1 to c.MaxFrames.
func RunSweep(c SweepConfig) (*Sweep, error) {
	if c.MaxFrames == 0 {
		c.MaxFrames = min(distinct(c.Refs), MaxFrames)
	}
	if err := field.Range("max_frames", c.MaxFrames, 1, MaxFrames); err != nil {
		return nil, err
	}
	s := &Sweep{Policy: c.Policy, Faults: make([]int, c.MaxFrames), Rises: []Rise{}}
	for k := 1; k <= c.MaxFrames; k++ {
		cfg := Config{Policy: c.Policy, Frames: k, Refs: c.Refs, Writes: c.Writes, Seed: c.Seed, Rules: c.Rules}
		faults, err := Count(cfg)
		if err != nil {
			return nil, err
		}
		s.Faults[k-1] = faults
		if k > 1 && faults > s.Faults[k-2] {
			s.Anomaly = true
			s.Rises = append(s.Rises, Rise{Frames: k - 1, Faults: s.Faults[k-2], MoreFaults: faults})
		}
	}
	s.Rules, _ = c.Rules.Resolve(c.Policy) // already validated by Count
	return s, nil
}

func distinct(refs []int) int {
	seen := map[int]bool{}
	for _, p := range refs {
		seen[p] = true
	}
	return max(len(seen), 1)
}

// WriteTable prints the curve as a frames/faults table with the rises marked.
func (s *Sweep) WriteTable(w io.Writer) error {
	var b strings.Builder
	fmt.Fprintf(&b, "%s fault curve; rules: %s\n", strings.ToUpper(string(s.Policy)), s.Rules)
	frames, faults, mark := []string{"frames"}, []string{"faults"}, []string{""}
	for i, f := range s.Faults {
		frames = append(frames, strconv.Itoa(i+1))
		faults = append(faults, strconv.Itoa(f))
		m := ""
		if i > 0 && f > s.Faults[i-1] {
			m = "^"
		}
		mark = append(mark, m)
	}
	writeGrid(&b, [][]string{frames, faults, mark})
	if s.Anomaly {
		for _, r := range s.Rises {
			fmt.Fprintf(&b, "Belady's anomaly: %d frames give %d faults, %d frames give %d\n", r.Frames, r.Faults, r.Frames+1, r.MoreFaults)
		}
	} else {
		b.WriteString("no anomaly: more frames never fault more\n")
	}
	_, err := io.WriteString(w, b.String())
	return err
}
