package disk

import "github.com/osarena/osarena/sim/field"

// SATF is shortest access (positioning) time first: the request whose seek
// plus rotational latency is least. Kind "disktime" offers FCFS, SSTF and SATF.
const SATF Policy = "satf"

// TimePolicies lists the policies of kind "disktime".
var TimePolicies = []Policy{FCFS, SSTF, SATF}

// Limits on a scenario of kind "disktime". They keep every time, in the
// engine's exact units of 1/(rpm·sectors_per_track) µs, within int64.
const (
	MaxTimeCylinders   = 1 << 16
	MaxSectorsPerTrack = 1024
	MaxRPM             = 30_000
	MaxTimeRequests    = 1024
	MaxSettle          = 1_000_000   // µs
	MaxPerCylinder     = 1_000       // µs
	MaxCurvePoints     = 64          //
	MaxCurveTime       = 100_000_000 // µs
)

// TimeConfig is an access-time scenario: the JSON object of kind "disktime"
// without its kind. All times are in microseconds.
type TimeConfig struct {
	Policy          Policy `json:"policy"`
	Cylinders       int    `json:"cylinders"`
	SectorsPerTrack int    `json:"sectors_per_track"`
	RPM             int    `json:"rpm"`
	// Head is the cylinder under the head at time 0, and Sector the sector
	// whose start is passing under it then.
	Head   int `json:"head"`
	Sector int `json:"sector"`
	// Direction only breaks SSTF ties (rules.sstf_tie=direction); "up" when left out.
	Direction string        `json:"direction,omitempty"`
	Seek      Seek          `json:"seek"`
	Requests  []TimeRequest `json:"requests"`
	Rules     TimeRules     `json:"rules,omitzero"`
}

// Seek gives the seek time for a distance in cylinders. Under
// rules.seek_model=linear a seek of d ≥ 1 cylinders takes Settle +
// d·PerCylinder; under "curve" it is read off Curve, a list of
// [distance, µs] points with increasing distances, the first at distance 0
// or 1 and the last at cylinders−1 or beyond, interpolated linearly between
// points and rounded to the nearest µs, halves up. A seek of 0 cylinders
// takes no time under either model.
type Seek struct {
	Settle      int     `json:"settle,omitempty"`
	PerCylinder int     `json:"per_cylinder,omitempty"`
	Curve       [][]int `json:"curve,omitempty"`
}

// TimeRequest reads Count sectors (1 when left out) from Sector on, on one
// track of Cylinder.
type TimeRequest struct {
	Cylinder int `json:"cylinder"`
	Sector   int `json:"sector"`
	Count    int `json:"count,omitempty"`
}

// TimeRules are the named conventions of the access-time model.
type TimeRules struct {
	// SeekModel is how seek time grows with distance.
	SeekModel string `json:"seek_model,omitempty"` // "linear" (settle + per cylinder), "curve" (points)
	// SSTFTie breaks SSTF's tie as in kind "disk".
	SSTFTie string `json:"sstf_tie,omitempty"` // "direction", "lower"
}

// Seek models.
const (
	SeekLinear = "linear"
	SeekCurve  = "curve"
)

// Validate reports the first invalid field of c, or nil.
func (c TimeConfig) Validate() error {
	_, err := c.resolve()
	return err
}

func (c TimeConfig) resolve() (TimeConfig, error) {
	if err := field.OneOf("policy", string(c.Policy), string(FCFS), string(SSTF), string(SATF)); err != nil {
		return c, err
	}
	checks := []struct {
		name      string
		v, lo, hi int
	}{
		{"cylinders", c.Cylinders, 1, MaxTimeCylinders},
		{"sectors_per_track", c.SectorsPerTrack, 1, MaxSectorsPerTrack},
		{"rpm", c.RPM, 1, MaxRPM},
		{"head", c.Head, 0, c.Cylinders - 1},
		{"sector", c.Sector, 0, c.SectorsPerTrack - 1},
	}
	for _, k := range checks {
		if err := field.Range(k.name, k.v, k.lo, k.hi); err != nil {
			return c, err
		}
	}
	if c.Direction == "" {
		c.Direction = Up
	}
	if err := field.OneOf("direction", c.Direction, Up, Down); err != nil {
		return c, err
	}
	if err := field.Rule(&c.Rules.SeekModel, "rules.seek_model", SeekLinear, SeekCurve); err != nil {
		return c, err
	}
	if err := field.Rule(&c.Rules.SSTFTie, "rules.sstf_tie", TieDirection, TieLower); err != nil {
		return c, err
	}
	if err := c.Seek.check(c.Rules.SeekModel, c.Cylinders); err != nil {
		return c, err
	}
	if err := field.Len("requests", len(c.Requests), 1, MaxTimeRequests); err != nil {
		return c, err
	}
	rs := make([]TimeRequest, len(c.Requests))
	for i, r := range c.Requests {
		name := field.Index("requests", i)
		if err := field.Range(field.Sub(name, "cylinder"), r.Cylinder, 0, c.Cylinders-1); err != nil {
			return c, err
		}
		if err := field.Range(field.Sub(name, "sector"), r.Sector, 0, c.SectorsPerTrack-1); err != nil {
			return c, err
		}
		if r.Count == 0 {
			r.Count = 1
		}
		if err := field.Range(field.Sub(name, "count"), r.Count, 1, c.SectorsPerTrack); err != nil {
			return c, err
		}
		rs[i] = r
	}
	c.Requests = rs
	if c.Policy != SSTF {
		c.Rules.SSTFTie, c.Direction = "", ""
	}
	return c, nil
}

// check validates the seek parameters of one model and refuses those of the other.
func (s Seek) check(model string, cylinders int) error {
	if model == SeekLinear {
		if len(s.Curve) > 0 {
			return field.Errorf("seek.curve", "is only used with rules.seek_model=curve")
		}
		if err := field.Range("seek.settle", s.Settle, 0, MaxSettle); err != nil {
			return err
		}
		return field.Range("seek.per_cylinder", s.PerCylinder, 0, MaxPerCylinder)
	}
	if s.Settle != 0 || s.PerCylinder != 0 {
		return field.Errorf("seek.settle", "and seek.per_cylinder are only used with rules.seek_model=linear")
	}
	if err := field.Len("seek.curve", len(s.Curve), 1, MaxCurvePoints); err != nil {
		return err
	}
	for i, p := range s.Curve {
		name := field.Index("seek.curve", i)
		if len(p) != 2 {
			return field.Errorf(name, "must be a pair [distance, µs]")
		}
		lo := 0
		if i > 0 {
			lo = s.Curve[i-1][0] + 1
		}
		if err := field.Range(name+"[0]", p[0], lo, MaxTimeCylinders); err != nil {
			return err
		}
		if err := field.Range(name+"[1]", p[1], 0, MaxCurveTime); err != nil {
			return err
		}
	}
	if s.Curve[0][0] > 1 {
		return field.Errorf("seek.curve[0][0]", "must be 0 or 1 (the curve must start at the shortest seek)")
	}
	if last := s.Curve[len(s.Curve)-1][0]; last < cylinders-1 {
		return field.Errorf(field.Index("seek.curve", len(s.Curve)-1)+"[0]", "must be at least %d (the longest seek, cylinders−1)", cylinders-1)
	}
	return nil
}

// seekTime returns the seek time in µs for every distance 0..cylinders−1.
func (s Seek) seekTime(model string, cylinders int) []int {
	t := make([]int, cylinders)
	j := 0
	for d := 1; d < cylinders; d++ {
		if model == SeekLinear {
			t[d] = s.Settle + d*s.PerCylinder
			continue
		}
		for j+1 < len(s.Curve) && s.Curve[j+1][0] <= d {
			j++
		}
		p := s.Curve[j]
		if p[0] == d || j+1 == len(s.Curve) {
			t[d] = p[1]
			continue
		}
		q := s.Curve[j+1]
		// p[1] + (q[1]−p[1])·(d−p[0])/(q[0]−p[0]), rounded half up.
		num, den := (q[1]-p[1])*(d-p[0]), q[0]-p[0]
		t[d] = p[1] + floorDiv(2*num+den, 2*den)
	}
	return t
}

// floorDiv is ⌊a/b⌋ for b > 0.
func floorDiv(a, b int) int {
	q := a / b
	if a%b != 0 && a < 0 {
		q--
	}
	return q
}
