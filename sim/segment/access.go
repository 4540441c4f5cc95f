package segment

import (
	"bytes"
	"encoding/json"
	"strconv"
	"strings"

	"github.com/osarena/osarena/sim/field"
)

// Op is the kind of memory access: it decides which protection bit the
// access needs.
type Op string

// The operations.
const (
	Read  Op = "read"
	Write Op = "write"
	Exec  Op = "exec"
)

// Access is one logical address to translate. In JSON it is either a bare
// number (a read) or an object {"va": 300, "op": "write"} whose op defaults
// to "read".
type Access struct {
	VA int `json:"va"`
	Op Op  `json:"op,omitempty"`
	// bad is set by UnmarshalJSON when the JSON was neither shape; Validate
	// reports it with the element's index.
	bad bool
}

// UnmarshalJSON accepts a number or an {"va","op"} object. It never fails:
// a malformed element is remembered and reported by Validate, which knows
// its index ("addresses[3] must be ...").
func (a *Access) UnmarshalJSON(b []byte) error {
	*a = Access{}
	if v, err := strconv.Atoi(string(bytes.TrimSpace(b))); err == nil {
		a.VA = v
		return nil
	}
	var obj struct {
		VA *int `json:"va"`
		Op Op   `json:"op"`
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&obj); err != nil || obj.VA == nil {
		a.bad = true
		return nil
	}
	a.VA, a.Op = *obj.VA, obj.Op
	return nil
}

// op returns the access's operation with the default filled in.
func (a Access) op() Op {
	if a.Op == "" {
		return Read
	}
	return a.Op
}

// checkAccesses validates the "addresses" field against an address space of
// bits bits.
func checkAccesses(as []Access, bits int) error {
	if err := field.Len("addresses", len(as), 1, MaxAddresses); err != nil {
		return err
	}
	top := 1<<bits - 1
	for i, a := range as {
		name := field.Index("addresses", i)
		if a.bad {
			return field.Errorf(name, `must be an address or {"va": address, "op": "read|write|exec"}`)
		}
		if err := field.Range(name, a.VA, 0, top); err != nil {
			return field.Errorf(name, "must be between 0 and %d (address_bits %d)", top, bits)
		}
		if a.Op != "" {
			if err := field.OneOf(field.Sub(name, "op"), string(a.Op), string(Read), string(Write), string(Exec)); err != nil {
				return err
			}
		}
	}
	return nil
}

// Prot is a set of access rights: bit 0 read, bit 1 write, bit 2 execute.
type Prot uint8

// The rights.
const (
	ProtRead  Prot = 1 << iota // r
	ProtWrite                  // w
	ProtExec                   // x
	ProtAll   = ProtRead | ProtWrite | ProtExec
)

// parseProt reads a protection string such as "rw", "r-x" or "rwx": each of
// r, w and x at most once, in any order, with "-" as a placeholder. The
// empty string means every right ("rwx"), i.e. no protection check.
func parseProt(name, s string) (Prot, error) {
	if s == "" {
		return ProtAll, nil
	}
	var p Prot
	for _, c := range s {
		var bit Prot
		switch c {
		case 'r':
			bit = ProtRead
		case 'w':
			bit = ProtWrite
		case 'x':
			bit = ProtExec
		case '-':
			continue
		default:
			return 0, field.Errorf(name, `must be made of r, w, x and - (e.g. "rw", "r-x"), got %q`, s)
		}
		if p&bit != 0 {
			return 0, field.Errorf(name, "names %c twice", c)
		}
		p |= bit
	}
	return p, nil
}

// String returns the rights as "rwx" with "-" for a missing right.
func (p Prot) String() string {
	var b strings.Builder
	for i, c := range "rwx" {
		if p&(1<<i) != 0 {
			b.WriteRune(c)
		} else {
			b.WriteByte('-')
		}
	}
	return b.String()
}

// allows reports whether p grants op.
func (p Prot) allows(op Op) bool {
	switch op {
	case Write:
		return p&ProtWrite != 0
	case Exec:
		return p&ProtExec != 0
	}
	return p&ProtRead != 0
}

// Nullable is a non-negative number or Null; it encodes as a JSON number or
// null. Physical addresses of trapped accesses and invalid page-table
// entries use it.
type Nullable int

// Null is the absent value.
const Null Nullable = -1

// MarshalJSON encodes Null as null.
func (n Nullable) MarshalJSON() ([]byte, error) {
	if n < 0 {
		return []byte("null"), nil
	}
	return strconv.AppendInt(nil, int64(n), 10), nil
}

// UnmarshalJSON decodes null as Null. Any other value that is not a
// non-negative integer decodes to nullBad, which validation reports with
// the field's full path.
func (n *Nullable) UnmarshalJSON(b []byte) error {
	s := string(bytes.TrimSpace(b))
	if s == "null" {
		*n = Null
		return nil
	}
	v, err := strconv.Atoi(s)
	if err != nil || v < 0 {
		*n = nullBad
		return nil
	}
	*n = Nullable(v)
	return nil
}

// nullBad marks a page-table entry that was neither a frame nor null.
const nullBad Nullable = -2
