package paging

import (
	"bytes"
	"encoding/json"
	"strconv"
	"strings"

	"github.com/osarena/osarena/sim/field"
)

// CurrentPID, as an Access's PID, means the process of the previous access
// (process 0 at the start, or the one a TLB switch entry named). It is what
// an access left without "pid" in JSON gets.
const CurrentPID = -1

// MaxPID is the largest process id.
const MaxPID = 9999

// Access is one entry of an address list. In JSON it is a virtual address (a
// number, or a string in hex such as "0x611c"), or an object
// {"va":…,"op":"read|write|exec","pid":…}. In a TLB scenario it may also be
// {"switch":pid}, a context switch to process pid.
type Access struct {
	VA  int `json:"va"`
	Op  Op  `json:"op,omitempty"`
	PID int `json:"pid"`
	// Switch marks a context switch to PID instead of an access (tlb only).
	Switch bool `json:"-"`
	bad    badJSON
}

// At returns a read of va by the current process.
func At(va int) Access { return Access{VA: va, PID: CurrentPID} }

// SwitchTo returns a context switch to process pid.
func SwitchTo(pid int) Access { return Access{PID: pid, Switch: true} }

// op returns the operation, Read when left out.
func (a Access) op() Op {
	if a.Op == "" {
		return Read
	}
	return a.Op
}

// UnmarshalJSON accepts a number, a hex string or an object. It never
// fails: a bad form is kept for the config's Validate to report.
func (a *Access) UnmarshalJSON(b []byte) error {
	*a = Access{PID: CurrentPID}
	b = bytes.TrimSpace(b)
	switch {
	case len(b) > 0 && b[0] == '{':
		var o struct {
			VA     *int `json:"va"`
			Op     Op   `json:"op"`
			PID    *int `json:"pid"`
			Switch *int `json:"switch"`
		}
		if bad := decodeObject(b, &o); bad.msg != "" {
			a.bad = bad
			return nil
		}
		switch {
		case o.Switch != nil:
			if o.VA != nil || o.Op != "" || o.PID != nil {
				a.bad = badJSON{"switch", "must stand alone: {\"switch\":pid}"}
				return nil
			}
			a.Switch, a.PID = true, *o.Switch
		case o.VA == nil:
			a.bad = badJSON{"va", "is required"}
		default:
			a.VA, a.Op = *o.VA, o.Op
			if o.PID != nil {
				a.PID = *o.PID
			}
		}
		return nil
	case len(b) > 0 && b[0] == '"':
		var s string
		if json.Unmarshal(b, &s) == nil {
			if h, ok := strings.CutPrefix(strings.ToLower(s), "0x"); ok {
				if n, err := strconv.ParseInt(h, 16, 64); err == nil && h != "" && h[0] != '-' && h[0] != '+' {
					a.VA = int(n)
					return nil
				}
			}
		}
		a.bad = badJSON{"", "must be a number, a hex string like \"0x1f\", or an object {\"va\":…}"}
		return nil
	}
	n, ok := wholeNumber(b)
	if !ok {
		a.bad = badJSON{"", "must be a number, a hex string like \"0x1f\", or an object {\"va\":…}"}
		return nil
	}
	a.VA = n
	return nil
}

// MarshalJSON writes the shortest form that decodes back to a.
func (a Access) MarshalJSON() ([]byte, error) {
	switch {
	case a.Switch:
		return []byte(`{"switch":` + strconv.Itoa(a.PID) + `}`), nil
	case a.Op == "" && a.PID == CurrentPID:
		return strconv.AppendInt(nil, int64(a.VA), 10), nil
	}
	b := []byte(`{"va":` + strconv.Itoa(a.VA))
	if a.Op != "" {
		b = append(b, `,"op":"`+string(a.Op)+`"`...)
	}
	if a.PID != CurrentPID {
		b = append(b, `,"pid":`+strconv.Itoa(a.PID)...)
	}
	return append(b, '}'), nil
}

// accessRules says what an address list may hold.
type accessRules struct {
	min      int  // fewest entries
	limit    int  // addresses must be below limit
	ops      bool // op may be set
	pids     bool // pid may be set
	switches bool // {"switch":pid} entries may appear
}

// checkAccesses validates an address list named name.
func checkAccesses(name string, list []Access, r accessRules) error {
	if err := field.Len(name, len(list), r.min, MaxAccesses); err != nil {
		return err
	}
	for i, a := range list {
		p := field.Index(name, i)
		if err := a.bad.err(p); err != nil {
			return err
		}
		if a.Switch {
			if !r.switches {
				return field.Errorf(field.Sub(p, "switch"), "is only allowed in a tlb scenario")
			}
			if err := field.Range(field.Sub(p, "switch"), a.PID, 0, MaxPID); err != nil {
				return err
			}
			continue
		}
		if err := field.Range(vaPath(p, a), a.VA, 0, r.limit-1); err != nil {
			return err
		}
		if a.Op != "" {
			if !r.ops {
				return field.Errorf(field.Sub(p, "op"), "is not used by this kind")
			}
			if err := field.OneOf(field.Sub(p, "op"), string(a.Op), string(Read), string(Write), string(Exec)); err != nil {
				return err
			}
		}
		if a.PID != CurrentPID {
			if !r.pids {
				return field.Errorf(field.Sub(p, "pid"), "is not used by this kind")
			}
			if err := field.Range(field.Sub(p, "pid"), a.PID, 0, MaxPID); err != nil {
				return err
			}
		}
	}
	return nil
}

// vaPath names an access's address: "addresses[2]" for a plain number,
// "addresses[2].va" for an object.
func vaPath(p string, a Access) string {
	if a.Op != "" || a.PID != CurrentPID {
		return field.Sub(p, "va")
	}
	return p
}

// pids resolves CurrentPID through a list that starts in process start:
// the process of every entry, a switch entry's being the one it switches to.
func pids(list []Access, start int) []int {
	out := make([]int, len(list))
	cur := start
	for i, a := range list {
		if a.PID != CurrentPID {
			cur = a.PID
		}
		out[i] = cur
	}
	return out
}
