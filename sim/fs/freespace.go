package fs

import (
	"github.com/osarena/osarena/sim/field"
)

// Free-space methods of the freespace kind.
const (
	BitmapMethod   = "bitmap"   // one bit per block
	ListMethod     = "linked"   // free blocks linked in address order
	GroupingMethod = "grouping" // the first free block lists the next n free blocks
	CountingMethod = "counting" // (first block, count) per run of free blocks
)

// Methods lists the free-space methods in the order the interface shows them.
var Methods = []string{BitmapMethod, ListMethod, GroupingMethod, CountingMethod}

// Limits on a freespace scenario.
const (
	MaxDiskBlocks = 1024
	MaxGroupSize  = 64
	MaxFreeOps    = 256
)

// FreeSpaceConfig is a free-space scenario: the JSON object of kind
// "freespace" without its kind.
type FreeSpaceConfig struct {
	Method string `json:"method"`
	// Blocks is the number of disk blocks, numbered from 0.
	Blocks int `json:"blocks"`
	// FreeBlocks are the blocks free at the start; the rest are in use.
	FreeBlocks []int `json:"free_blocks"`
	// GroupSize is the number of pointers a grouping block holds (grouping).
	GroupSize int         `json:"group_size,omitempty"`
	Ops       []FreeOp    `json:"ops"`
	Rules     BitmapRules `json:"rules,omitzero"`
}

// FreeOp is one operation: allocate Alloc blocks (in one run when
// Contiguous), or free the blocks that the alloc op numbered Free got.
type FreeOp struct {
	Alloc      int  `json:"alloc,omitempty"`
	Contiguous bool `json:"contiguous,omitempty"`
	Free       *int `json:"free,omitempty"`
}

// BitmapRules are the named conventions of free-space management.
type BitmapRules struct {
	// Bit is what a 1 in the bitmap means: "1-free" (Silberschatz) or
	// "1-used".
	Bit string `json:"bit,omitempty"`
}

// Rule values of BitmapRules.
const (
	BitOneFree = "1-free"
	BitOneUsed = "1-used"
)

// Validate reports the first invalid field of c, or nil.
func (c FreeSpaceConfig) Validate() error {
	_, err := c.resolve()
	return err
}

// resolve validates c and returns it with its rules resolved.
func (c FreeSpaceConfig) resolve() (FreeSpaceConfig, error) {
	if err := field.OneOf("method", c.Method, Methods...); err != nil {
		return c, err
	}
	if err := field.Range("blocks", c.Blocks, 1, MaxDiskBlocks); err != nil {
		return c, err
	}
	if err := field.Len("free_blocks", len(c.FreeBlocks), 0, c.Blocks); err != nil {
		return c, err
	}
	seen := make([]int, c.Blocks)
	for i, b := range c.FreeBlocks {
		name := field.Index("free_blocks", i)
		if err := field.Range(name, b, 0, c.Blocks-1); err != nil {
			return c, err
		}
		if seen[b] > 0 {
			return c, field.Errorf(name, "repeats block %d of %s", b, field.Index("free_blocks", seen[b]-1))
		}
		seen[b] = i + 1
	}
	if c.Method == GroupingMethod {
		if err := field.Range("group_size", c.GroupSize, 2, MaxGroupSize); err != nil {
			return c, err
		}
	} else if c.GroupSize != 0 {
		return c, field.Errorf("group_size", "applies to method grouping only")
	}
	if err := checkFreeOps(c.Ops, c.Blocks); err != nil {
		return c, err
	}
	if err := field.Rule(&c.Rules.Bit, "rules.bit", BitOneFree, BitOneUsed); err != nil {
		return c, err
	}
	if c.Method != BitmapMethod {
		c.Rules = BitmapRules{}
	}
	return c, nil
}

func checkFreeOps(ops []FreeOp, blocks int) error {
	if err := field.Len("ops", len(ops), 0, MaxFreeOps); err != nil {
		return err
	}
	freed := make([]bool, len(ops))
	for i, op := range ops {
		name := field.Index("ops", i)
		switch {
		case op.Free != nil && (op.Alloc != 0 || op.Contiguous):
			return field.Errorf(name, "must be either {\"alloc\": n} or {\"free\": k}, not both")
		case op.Free != nil:
			k := *op.Free
			if i == 0 {
				return field.Errorf(field.Sub(name, "free"), "has no earlier alloc op to free")
			}
			if err := field.Range(field.Sub(name, "free"), k, 0, i-1); err != nil {
				return err
			}
			if ops[k].Free != nil {
				return field.Errorf(field.Sub(name, "free"), "must name an alloc op; ops[%d] is a free", k)
			}
			if freed[k] {
				return field.Errorf(field.Sub(name, "free"), "frees ops[%d] a second time", k)
			}
			freed[k] = true
		default:
			if err := field.Range(field.Sub(name, "alloc"), op.Alloc, 1, blocks); err != nil {
				return err
			}
		}
	}
	return nil
}
