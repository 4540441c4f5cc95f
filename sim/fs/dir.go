package fs

import (
	"strings"

	"github.com/osarena/osarena/sim/field"
)

// Directory methods of the dir kind.
const (
	LinearDir = "linear" // entries in creation order, searched front to back
	HashDir   = "hash"   // a hash table of table_size buckets over the names
)

// Limits on a dir scenario.
const (
	MaxFiles     = 1024
	MaxLookups   = 1024
	MaxNameLen   = 255
	MaxTableSize = 4096
)

// DirConfig is a directory scenario: the JSON object of kind "dir" without
// its kind.
type DirConfig struct {
	Method string `json:"method"`
	// TableSize is the number of buckets (hash).
	TableSize int `json:"table_size,omitempty"`
	// Files are the directory's names in the order they were created.
	Files []string `json:"files"`
	// Lookups are the names searched for, in order; they may be missing.
	Lookups []string `json:"lookups"`
	Rules   DirRules `json:"rules,omitzero"`
}

// DirRules are the named conventions of a hashed directory.
type DirRules struct {
	// Hash is the hash function over the bytes of a name (UTF-8); the
	// bucket is the hash modulo table_size. "sum": the sum of the bytes,
	// the one worked by hand; "poly31": h = 31·h + byte from h = 0, in
	// 32-bit unsigned arithmetic (Java's String.hashCode over bytes);
	// "fnv1a": 32-bit FNV-1a (h = 2166136261; per byte h ^= byte,
	// h *= 16777619).
	Hash string `json:"hash,omitempty"`
	// Collision is how a name whose bucket is taken is stored: "chaining"
	// — appended to the bucket's list; "linear-probing" — in the next free
	// slot, wrapping around.
	Collision string `json:"collision,omitempty"`
}

// Rule values of DirRules.
const (
	HashSum       = "sum"
	HashPoly31    = "poly31"
	HashFNV1a     = "fnv1a"
	Chaining      = "chaining"
	LinearProbing = "linear-probing"
)

// Hash returns the hash of name under the hash rule (see DirRules.Hash).
func Hash(rule, name string) uint32 {
	var h uint32
	switch rule {
	case HashPoly31:
		for i := 0; i < len(name); i++ {
			h = 31*h + uint32(name[i])
		}
	case HashFNV1a:
		h = 2166136261
		for i := 0; i < len(name); i++ {
			h ^= uint32(name[i])
			h *= 16777619
		}
	default:
		for i := 0; i < len(name); i++ {
			h += uint32(name[i])
		}
	}
	return h
}

// Validate reports the first invalid field of c, or nil.
func (c DirConfig) Validate() error {
	_, err := c.resolve()
	return err
}

func (c DirConfig) resolve() (DirConfig, error) {
	if err := field.OneOf("method", c.Method, LinearDir, HashDir); err != nil {
		return c, err
	}
	if err := field.Len("files", len(c.Files), 0, MaxFiles); err != nil {
		return c, err
	}
	seen := make(map[string]int, len(c.Files))
	for i, name := range c.Files {
		if err := checkName(field.Index("files", i), name); err != nil {
			return c, err
		}
		if j, dup := seen[name]; dup {
			return c, field.Errorf(field.Index("files", i), "repeats files[%d]: names in a directory are unique", j)
		}
		seen[name] = i
	}
	if err := field.Len("lookups", len(c.Lookups), 0, MaxLookups); err != nil {
		return c, err
	}
	for i, name := range c.Lookups {
		if err := checkName(field.Index("lookups", i), name); err != nil {
			return c, err
		}
	}
	if c.Method == LinearDir {
		if c.TableSize != 0 {
			return c, field.Errorf("table_size", "applies to method hash only")
		}
		if c.Rules != (DirRules{}) {
			return c, field.Errorf("rules", "apply to method hash only")
		}
		return c, nil
	}
	if err := field.Range("table_size", c.TableSize, 1, MaxTableSize); err != nil {
		return c, err
	}
	if err := field.Rule(&c.Rules.Hash, "rules.hash", HashSum, HashPoly31, HashFNV1a); err != nil {
		return c, err
	}
	if err := field.Rule(&c.Rules.Collision, "rules.collision", Chaining, LinearProbing); err != nil {
		return c, err
	}
	if c.Rules.Collision == LinearProbing && len(c.Files) > c.TableSize {
		return c, field.Errorf("files", "must have at most table_size (%d) names under linear probing", c.TableSize)
	}
	return c, nil
}

func checkName(name, v string) error {
	if len(v) < 1 || len(v) > MaxNameLen {
		return field.Errorf(name, "must be between 1 and %d bytes long", MaxNameLen)
	}
	if strings.ContainsAny(v, "/\x00") {
		return field.Errorf(name, "must not contain / or NUL")
	}
	return nil
}
