package paging

import (
	"bytes"
	"encoding/json"
	"strconv"
	"strings"

	"github.com/osarena/osarena/sim/field"
)

// Op is what an access does with its address.
type Op string

// The operations. An access left without an op reads.
const (
	Read  Op = "read"
	Write Op = "write"
	Exec  Op = "exec"
)

// Prot is the set of rights of a page, written as a subset of "rwx" in that
// order: "r" (read-only), "rw", "rx", "rwx", ... The empty Prot means "rwx".
type Prot string

// Allows reports whether p permits op.
func (p Prot) Allows(op Op) bool {
	if p == "" {
		return true
	}
	switch op {
	case Write:
		return strings.Contains(string(p), "w")
	case Exec:
		return strings.Contains(string(p), "x")
	}
	return strings.Contains(string(p), "r")
}

// String returns the rights as written, "rwx" for the empty Prot.
func (p Prot) String() string {
	if p == "" {
		return "rwx"
	}
	return string(p)
}

// protNames lists every valid non-empty Prot.
var protNames = []string{"r", "w", "x", "rw", "rx", "wx", "rwx"}

// PTE is one entry of a linear page table. In JSON it is a frame number (a
// valid page with every right), null (an invalid page), or an object
// {"frame":12,"valid":true,"prot":"rw"} in which valid defaults to true and
// prot to "rwx".
type PTE struct {
	Frame int  `json:"frame"`
	Valid bool `json:"valid"`
	Prot  Prot `json:"prot,omitempty"`
	// bad says why the JSON form could not be read; Validate reports it
	// under the entry's path, which UnmarshalJSON does not know.
	bad badJSON
}

// badJSON records a decoding problem for Validate to report: the child
// field (or "") and what is wrong with it.
type badJSON struct {
	child, msg string
}

func (b badJSON) err(name string) error {
	if b.msg == "" {
		return nil
	}
	if b.child != "" {
		name = field.Sub(name, b.child)
	}
	return field.Errorf(name, "%s", b.msg)
}

// Frame returns the PTE of a valid page in frame f with every right.
func Frame(f int) PTE { return PTE{Frame: f, Valid: true} }

// Invalid is the PTE of a page that is not mapped.
var Invalid = PTE{}

// UnmarshalJSON accepts a frame number, null or an object. It never fails:
// a bad form is kept for Validate to report with the entry's path.
func (e *PTE) UnmarshalJSON(b []byte) error {
	*e = PTE{}
	b = bytes.TrimSpace(b)
	switch {
	case string(b) == "null":
		return nil
	case len(b) > 0 && b[0] == '{':
		var o struct {
			Frame *int  `json:"frame"`
			Valid *bool `json:"valid"`
			Prot  Prot  `json:"prot"`
		}
		if bad := decodeObject(b, &o); bad.msg != "" {
			e.bad = bad
			return nil
		}
		e.Valid = o.Valid == nil || *o.Valid
		e.Prot = o.Prot
		if o.Frame != nil {
			e.Frame = *o.Frame
		} else if e.Valid {
			e.bad = badJSON{"frame", "is required in a valid entry (or set valid to false)"}
		}
		return nil
	}
	n, ok := wholeNumber(b)
	if !ok {
		e.bad = badJSON{"", "must be a frame number, null, or an object {\"frame\":…,\"valid\":…,\"prot\":…}"}
		return nil
	}
	*e = Frame(n)
	return nil
}

// MarshalJSON writes the shortest form that decodes back to e.
func (e PTE) MarshalJSON() ([]byte, error) {
	switch {
	case !e.Valid && e.Frame == 0 && e.Prot == "":
		return []byte("null"), nil
	case e.Valid && e.Prot == "":
		return strconv.AppendInt(nil, int64(e.Frame), 10), nil
	}
	type plain PTE
	return json.Marshal(plain(e))
}

// check validates e at path name against the frames of memory.
func (e PTE) check(name string, frames int) error {
	if err := e.bad.err(name); err != nil {
		return err
	}
	if e.Prot != "" {
		if err := field.OneOf(field.Sub(name, "prot"), string(e.Prot), protNames...); err != nil {
			return err
		}
	}
	if !e.Valid {
		return nil
	}
	return field.Range(field.Sub(name, "frame"), e.Frame, 0, frames-1)
}

// decodeObject decodes a JSON object strictly, turning an error into the
// child field it names and a message.
func decodeObject(b []byte, v any) badJSON {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	err := dec.Decode(v)
	if err == nil {
		return badJSON{}
	}
	msg := err.Error()
	if name, ok := strings.CutPrefix(msg, `json: unknown field "`); ok {
		return badJSON{strings.TrimSuffix(name, `"`), "is not a known field"}
	}
	if te, ok := err.(*json.UnmarshalTypeError); ok {
		return badJSON{te.Field, "has the wrong type (got " + te.Value + ")"}
	}
	return badJSON{"", "is not a valid object"}
}

// wholeNumber parses a JSON integer that fits in an int.
func wholeNumber(b []byte) (int, bool) {
	n, err := strconv.ParseInt(string(b), 10, 64)
	if err != nil || int64(int(n)) != n {
		return 0, false
	}
	return int(n), true
}
