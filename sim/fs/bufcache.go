package fs

import (
	"strconv"

	"github.com/osarena/osarena/sim/field"
)

// Replacement policies of the bufcache kind.
const (
	LRUCache = "lru" // evict the buffer used longest ago
	LFUCache = "lfu" // evict the buffer with the fewest references
)

// Limits on a bufcache scenario.
const (
	MaxBuffers  = 64
	MaxBufRefs  = 100_000
	MaxBufBlock = 999_999
)

// BufCacheConfig is a buffer-cache scenario: the JSON object of kind
// "bufcache" without its kind.
type BufCacheConfig struct {
	Policy  string `json:"policy"`
	Buffers int    `json:"buffers"`
	// Refs are the disk blocks referenced, in order.
	Refs []int `json:"refs"`
	// Writes marks the references that write their block; empty means all
	// reads, otherwise one entry per reference.
	Writes []bool        `json:"writes,omitempty"`
	Rules  BufCacheRules `json:"rules,omitzero"`
}

// BufCacheRules are the named conventions of the buffer cache.
type BufCacheRules struct {
	// Write is when a written block reaches the disk: "write-back" — when
	// its buffer is evicted, and at the final flush of every buffer still
	// dirty; "write-through" — at once, one disk write per write reference.
	Write string `json:"write,omitempty"`
	// Count is what LFU counts: "since-load" (reset on eviction) or
	// "all-time".
	Count string `json:"count,omitempty"`
	// CountTie breaks LFU ties: "lru" (least recently used among them) or
	// "fifo" (loaded earliest).
	CountTie string `json:"count_tie,omitempty"`
}

// Rule values of BufCacheRules (Count and CountTie take the values of
// package replace: "since-load", "all-time", "lru", "fifo").
const (
	WriteBack    = "write-back"
	WriteThrough = "write-through"
)

// Validate reports the first invalid field of c, or nil.
func (c BufCacheConfig) Validate() error {
	_, err := c.resolve()
	return err
}

func (c BufCacheConfig) resolve() (BufCacheConfig, error) {
	if err := field.OneOf("policy", c.Policy, LRUCache, LFUCache); err != nil {
		return c, err
	}
	if err := field.Range("buffers", c.Buffers, 1, MaxBuffers); err != nil {
		return c, err
	}
	if err := field.Len("refs", len(c.Refs), 1, MaxBufRefs); err != nil {
		return c, err
	}
	for i, b := range c.Refs {
		if err := field.Range(field.Index("refs", i), b, 0, MaxBufBlock); err != nil {
			return c, err
		}
	}
	if len(c.Writes) != 0 && len(c.Writes) != len(c.Refs) {
		return c, field.Errorf("writes", "must have one entry per reference (%d), or be left out", len(c.Refs))
	}
	r := &c.Rules
	if err := field.Rule(&r.Write, "rules.write", WriteBack, WriteThrough); err != nil {
		return c, err
	}
	if err := field.Rule(&r.Count, "rules.count", "since-load", "all-time"); err != nil {
		return c, err
	}
	if err := field.Rule(&r.CountTie, "rules.count_tie", "lru", "fifo"); err != nil {
		return c, err
	}
	if c.Policy == LRUCache {
		r.Count, r.CountTie = "", ""
	}
	return c, nil
}

// Buf is a buffer's content: a block number, or Empty. It encodes as a
// JSON number or null.
type Buf int

// Empty is a buffer that holds no block, or no victim.
const Empty Buf = -1

// MarshalJSON encodes Empty as null.
func (b Buf) MarshalJSON() ([]byte, error) {
	if b < 0 {
		return []byte("null"), nil
	}
	return strconv.AppendInt(nil, int64(b), 10), nil
}
