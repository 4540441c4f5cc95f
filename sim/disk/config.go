// Package disk simulates a moving-head disk two ways.
//
// Kind "disk" (Config, Run) is the cylinder model of disk scheduling: FCFS,
// SSTF, SCAN, C-SCAN, LOOK, C-LOOK, N-step SCAN and F-SCAN over a static
// queue or over requests that arrive over time. Time is measured in
// cylinders of head travel: the head moves one cylinder per time unit, a
// request's arrival is a time in those units, and servicing a request takes
// Config.ServiceTime units (0 by default) with the head parked on its
// cylinder. The trace gives the service order, the head path with every
// turning point, edge and return jump, the movement with and without the
// return sweep, and each request's wait with their mean and variance.
//
// Kind "disktime" (TimeConfig, RunTime) is the access-time model: seek
// (linear or a seek curve) + rotational latency + transfer for requests given
// as cylinder and sector, with the platter's angle tracked over time, under
// FCFS, SSTF and shortest positioning time first (SATF), which counts
// rotation. Times are integer microseconds (see RunTime for the rounding).
//
// Every convention textbooks disagree on is a named rule (Rules, TimeRules)
// with the defaults of DESIGN.md §2, and a trace echoes the rules that
// decided it. Everything here is pure and deterministic: the same config
// gives the same trace on every platform. Functions are safe for concurrent
// use and never panic on any input; sizes are bounded by the Max constants.
package disk

import (
	"bytes"
	"encoding/json"
	"strconv"
	"strings"

	"github.com/osarena/osarena/sim/field"
)

// Policy names a disk-scheduling policy.
type Policy string

// The policies of kind "disk".
const (
	FCFS  Policy = "fcfs"  // in arrival order
	SSTF  Policy = "sstf"  // the nearest arrived request
	SCAN  Policy = "scan"  // elevator: sweep to the edge, reverse
	CSCAN Policy = "cscan" // sweep up to the edge, jump back to cylinder 0
	LOOK  Policy = "look"  // SCAN that turns at the last request
	CLOOK Policy = "clook" // C-SCAN that turns at the last request and jumps to the lowest
	NSCAN Policy = "nscan" // N-step SCAN: SCAN over batches of N requests in arrival order
	FSCAN Policy = "fscan" // F-SCAN: SCAN over the queue frozen at each sweep start
)

// Policies lists every policy of kind "disk" in the order the interface shows them.
var Policies = []Policy{FCFS, SSTF, SCAN, CSCAN, LOOK, CLOOK, NSCAN, FSCAN}

// Directions of head travel.
const (
	Up   = "up"   // towards higher cylinders
	Down = "down" // towards cylinder 0
)

// Limits on a scenario of kind "disk".
const (
	MaxCylinders   = 1 << 17 // 131 072 cylinders
	MaxRequests    = 1 << 20 // 1 048 576 requests
	MaxArrival     = 1 << 32 // latest arrival time
	MaxServiceTime = 1 << 16 // time units to service one request
)

// Config is a disk-scheduling scenario: the JSON object of kind "disk"
// without its kind.
type Config struct {
	Policy    Policy `json:"policy"`
	Cylinders int    `json:"cylinders"`
	// Head is the cylinder under the head at time 0.
	Head int `json:"head"`
	// Direction is where the head is moving at time 0: "up" or "down".
	// Required by the sweeping policies; FCFS ignores it and SSTF uses it
	// only for its tie rule, taking "up" when it is left out.
	Direction string `json:"direction,omitempty"`
	// Requests are serviced each exactly once. In JSON an element is a
	// cylinder (arriving at time 0) or {"cylinder":c,"arrival":t}.
	Requests []Request `json:"requests"`
	// N is the batch size of N-step SCAN; other policies must leave it 0.
	N int `json:"n,omitempty"`
	// ServiceTime is how long the head stays on a cylinder to service one
	// request, in time units (cylinders of travel).
	ServiceTime int   `json:"service_time,omitempty"`
	Rules       Rules `json:"rules,omitzero"`
}

// Request is one disk request: a cylinder and the time it arrives.
type Request struct {
	Cylinder int `json:"cylinder"`
	Arrival  int `json:"arrival,omitempty"`
	// object records that the request came as a JSON object, so errors
	// name "requests[i].cylinder" rather than "requests[i]".
	object bool
	// bad is a decoding problem, reported by Validate with the element's
	// path ("requests[2].arrival must be a whole number"): a decoder does
	// not know the index of the element it decodes.
	bad *field.Error
}

// UnmarshalJSON accepts a bare cylinder number or an object with
// "cylinder" and optional "arrival". It never fails: a malformed element is
// kept and reported by Validate under its own path.
func (r *Request) UnmarshalJSON(b []byte) error {
	*r = Request{}
	if len(b) > 0 && b[0] == '{' {
		r.object = true
		var p struct {
			Cylinder, Arrival json.RawMessage
		}
		dec := json.NewDecoder(bytes.NewReader(b))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&p); err != nil {
			if name, ok := strings.CutPrefix(err.Error(), `json: unknown field "`); ok {
				r.bad = &field.Error{Field: strings.TrimSuffix(name, `"`), Msg: "is not a known field"}
			} else {
				r.bad = &field.Error{Msg: `must be an object {"cylinder":c,"arrival":t}`}
			}
			return nil
		}
		if p.Cylinder == nil {
			r.bad = &field.Error{Field: "cylinder", Msg: "is required"}
			return nil
		}
		if !wholeNumber(p.Cylinder, &r.Cylinder) {
			r.bad = &field.Error{Field: "cylinder", Msg: "must be a whole number"}
			return nil
		}
		if p.Arrival != nil && !wholeNumber(p.Arrival, &r.Arrival) {
			r.bad = &field.Error{Field: "arrival", Msg: "must be a whole number"}
		}
		return nil
	}
	if !wholeNumber(b, &r.Cylinder) {
		r.bad = &field.Error{Msg: `must be a cylinder number or an object {"cylinder":c,"arrival":t}`}
	}
	return nil
}

// wholeNumber decodes b into v, refusing null, fractions and overflow.
func wholeNumber(b []byte, v *int) bool {
	return string(b) != "null" && json.Unmarshal(b, v) == nil
}

// MarshalJSON writes a request that arrives at time 0 as a bare cylinder.
func (r Request) MarshalJSON() ([]byte, error) {
	if r.Arrival == 0 {
		return strconv.AppendInt(nil, int64(r.Cylinder), 10), nil
	}
	return json.Marshal(struct {
		Cylinder int `json:"cylinder"`
		Arrival  int `json:"arrival"`
	}{r.Cylinder, r.Arrival})
}

// Rules are the named conventions of disk scheduling (DESIGN.md §2). The
// zero value means every default; Resolve fills them in.
type Rules struct {
	// SSTFTie breaks SSTF's tie between two requests equally far on
	// either side of the head.
	SSTFTie string `json:"sstf_tie,omitempty"` // "direction" (keep the current direction), "lower" (lower cylinder)
	// Travel says where SCAN, C-SCAN, N-step SCAN and F-SCAN turn.
	Travel string `json:"scan_travel,omitempty"` // "edge" (to the disk's edge, only while requests remain behind), "last-request" (LOOK-style)
	// Return says whether the C-SCAN / C-LOOK return jump counts as head
	// movement (and takes time).
	Return string `json:"return_sweep,omitempty"` // "counted", "not-counted"
}

// Rule values.
const (
	TieDirection      = "direction"
	TieLower          = "lower"
	TravelEdge        = "edge"
	TravelLastRequest = "last-request"
	ReturnCounted     = "counted"
	ReturnNotCounted  = "not-counted"
)

// Resolve validates r, fills every default, and keeps only the rules that
// matter to policy p, so a trace echoes exactly the rules that decided it.
func (r Rules) Resolve(p Policy) (Rules, error) {
	if err := field.Rule(&r.SSTFTie, "rules.sstf_tie", TieDirection, TieLower); err != nil {
		return Rules{}, err
	}
	if err := field.Rule(&r.Travel, "rules.scan_travel", TravelEdge, TravelLastRequest); err != nil {
		return Rules{}, err
	}
	if err := field.Rule(&r.Return, "rules.return_sweep", ReturnCounted, ReturnNotCounted); err != nil {
		return Rules{}, err
	}
	var out Rules
	switch p {
	case SSTF:
		out.SSTFTie = r.SSTFTie
	case SCAN, NSCAN, FSCAN:
		out.Travel = r.Travel
	case CSCAN:
		out.Travel, out.Return = r.Travel, r.Return
	case CLOOK:
		out.Return = r.Return
	}
	return out, nil
}

// Validate reports the first invalid field of c, or nil.
func (c Config) Validate() error {
	_, err := c.resolve()
	return err
}

// sweeps reports whether p needs a starting direction.
func (p Policy) sweeps() bool { return p != FCFS && p != SSTF }

// resolve validates c and returns it with its rules and direction resolved.
func (c Config) resolve() (Config, error) {
	if err := field.OneOf("policy", string(c.Policy), policyNames()...); err != nil {
		return c, err
	}
	if err := field.Range("cylinders", c.Cylinders, 1, MaxCylinders); err != nil {
		return c, err
	}
	if err := field.Range("head", c.Head, 0, c.Cylinders-1); err != nil {
		return c, err
	}
	switch {
	case c.Policy.sweeps():
		if err := field.OneOf("direction", c.Direction, Up, Down); err != nil {
			return c, err
		}
	case c.Direction == "" && c.Policy == SSTF:
		c.Direction = Up
	case c.Direction != "":
		if err := field.OneOf("direction", c.Direction, Up, Down); err != nil {
			return c, err
		}
	}
	if err := field.Len("requests", len(c.Requests), 1, MaxRequests); err != nil {
		return c, err
	}
	for i, r := range c.Requests {
		if r.bad == nil && r.Cylinder >= 0 && r.Cylinder < c.Cylinders && r.Arrival >= 0 && r.Arrival <= MaxArrival {
			continue // the common case builds no field names
		}
		if err := checkRequest(i, r, c.Cylinders); err != nil {
			return c, err
		}
	}
	if c.Policy == NSCAN {
		if err := field.Range("n", c.N, 1, MaxRequests); err != nil {
			return c, err
		}
	} else if c.N != 0 {
		return c, field.Errorf("n", "is only used by policy nscan; leave it out")
	}
	if err := field.Range("service_time", c.ServiceTime, 0, MaxServiceTime); err != nil {
		return c, err
	}
	r, err := c.Rules.Resolve(c.Policy)
	if err != nil {
		return c, err
	}
	c.Rules = r
	return c, nil
}

// checkRequest reports what is wrong with requests[i].
func checkRequest(i int, r Request, cylinders int) error {
	name := field.Index("requests", i)
	if r.bad != nil {
		if r.bad.Field != "" {
			name = field.Sub(name, r.bad.Field)
		}
		return &field.Error{Field: name, Msg: r.bad.Msg}
	}
	if err := field.Range(field.Sub(name, "arrival"), r.Arrival, 0, MaxArrival); err != nil {
		return err
	}
	if r.object || r.Arrival != 0 {
		name = field.Sub(name, "cylinder")
	}
	return field.Range(name, r.Cylinder, 0, cylinders-1)
}

func policyNames() []string {
	names := make([]string, len(Policies))
	for i, p := range Policies {
		names[i] = string(p)
	}
	return names
}
