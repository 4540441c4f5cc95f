package fs

import (
	"github.com/osarena/osarena/sim/field"
)

// Allocation schemes of the fileblock kind.
const (
	Contiguous = "contiguous" // extents: runs of consecutive blocks
	Linked     = "linked"     // each block points to the next
	FAT        = "fat"        // the links live in a file-allocation table
	Indexed    = "indexed"    // one index block lists the data blocks
	InodeAlloc = "inode"      // UNIX inode: direct and indirect pointers
)

// Schemes lists the allocation schemes in the order the interface shows them.
var Schemes = []string{Contiguous, Linked, FAT, Indexed, InodeAlloc}

// Limits on a fileblock scenario.
const (
	MaxBlockSize    = 1 << 15 // bytes; keeps the inode's n³ blocks × size below 2^62
	MaxPointerBytes = 8
	MaxDirect       = 64
	MaxExtents      = 64
	MaxExtentLength = 1 << 32
	MaxChain        = 4096 // blocks in a linked or FAT chain
	MaxIndexBlocks  = 256  // index blocks an explicit inode layout may list
	MaxOffsets      = 10_000
	MaxWalk         = 1 << 18 // chain blocks walked over all offsets (linked, fat)
	MaxBlockNumber  = 1<<48 - 1
)

// FileBlockConfig is a file-allocation scenario: the JSON object of kind
// "fileblock" without its kind. Which layout fields apply depends on Scheme.
type FileBlockConfig struct {
	Scheme       string `json:"scheme"`
	BlockSize    int    `json:"block_size"`
	PointerBytes int    `json:"pointer_bytes"`
	// Extents (contiguous) are the file's runs of blocks in file order.
	Extents []Extent `json:"extents,omitempty"`
	// Blocks is the file's chain in file order (linked, fat) or the
	// entries of its index block (indexed).
	Blocks []int `json:"blocks,omitempty"`
	// IndexBlock is the disk block of the index block (indexed; required).
	IndexBlock *int `json:"index_block,omitempty"`
	// FATStart is the disk block holding the first FAT block (fat). A FAT
	// entry is PointerBytes wide, so one FAT block holds
	// BlockSize/PointerBytes entries and the entry of disk block b lives in
	// FAT block b/(BlockSize/PointerBytes).
	FATStart int `json:"fat_start,omitempty"`
	// Direct is the number of direct pointers in the inode (inode).
	Direct int `json:"direct,omitempty"`
	// Inode gives the inode's pointers and index blocks explicitly
	// (inode). Without it the file fills the largest size the inode allows,
	// laid out sequentially from FirstBlock (see Inode.Sequential).
	Inode *InodeLayout `json:"inode,omitempty"`
	// FirstBlock is where the sequential inode layout starts (inode).
	FirstBlock int `json:"first_block,omitempty"`
	// Offsets are the byte offsets to look up.
	Offsets []int          `json:"offsets"`
	Rules   FileBlockRules `json:"rules,omitzero"`
}

// Extent is a run of Length consecutive disk blocks starting at Start.
type Extent struct {
	Start  int `json:"start"`
	Length int `json:"length"`
}

// InodeLayout is an inode written out by hand: the direct pointers, the
// disk blocks of the indirect blocks (null or absent when unused), and the
// contents of every index block a lookup may need.
type InodeLayout struct {
	Direct      []int        `json:"direct"`
	Single      *int         `json:"single,omitempty"`
	Double      *int         `json:"double,omitempty"`
	Triple      *int         `json:"triple,omitempty"`
	IndexBlocks []IndexBlock `json:"index_blocks,omitempty"`
}

// IndexBlock is the content of one indirect block: its pointers in order.
type IndexBlock struct {
	Block    int   `json:"block"`
	Pointers []int `json:"pointers"`
}

// FileBlockRules are the named conventions of file allocation.
type FileBlockRules struct {
	// Cache is what is in memory besides the open file's own entry (its
	// extents, first block, index block number or inode): "none" — every
	// index block, FAT block and indirect block on the path is read from
	// disk; "index" — index blocks, the whole FAT and indirect blocks are
	// in memory, so only the data block is read. A linked chain is read
	// block by block either way: its links live in the data blocks.
	Cache string `json:"cache,omitempty"`
	// LinkedPayload is how many data bytes a linked block holds:
	// "minus-pointer" — BlockSize − PointerBytes, the link taking the rest
	// (Silberschatz: 512-byte blocks hold 508 bytes); "whole-block" — the
	// link is ignored.
	LinkedPayload string `json:"linked_payload,omitempty"`
	// Indirect is the deepest indirect pointer of the inode: "triple"
	// (single, double and triple), "double", "single" or "none".
	Indirect string `json:"indirect,omitempty"`
}

// Rule values of FileBlockRules.
const (
	CacheNone          = "none"
	CacheIndex         = "index"
	PayloadMinusPtr    = "minus-pointer"
	PayloadWholeBlock  = "whole-block"
	IndirectTriple     = "triple"
	IndirectDouble     = "double"
	IndirectSingle     = "single"
	IndirectNone       = "none"
	indirectLevelsText = "triple, double, single, none"
)

// indirectLevels maps the indirect rule to a level count.
func indirectLevels(rule string) int {
	switch rule {
	case IndirectNone:
		return 0
	case IndirectSingle:
		return 1
	case IndirectDouble:
		return 2
	}
	return 3
}

// resolve validates r, fills the defaults and keeps only the rules that
// matter to scheme, so a trace echoes exactly the rules that decided it.
func (r FileBlockRules) resolve(scheme string) (FileBlockRules, error) {
	if err := field.Rule(&r.Cache, "rules.cache", CacheNone, CacheIndex); err != nil {
		return r, err
	}
	if err := field.Rule(&r.LinkedPayload, "rules.linked_payload", PayloadMinusPtr, PayloadWholeBlock); err != nil {
		return r, err
	}
	if err := field.Rule(&r.Indirect, "rules.indirect", IndirectTriple, IndirectDouble, IndirectSingle, IndirectNone); err != nil {
		return r, err
	}
	out := FileBlockRules{Cache: r.Cache}
	switch scheme {
	case Contiguous:
		out.Cache = ""
	case Linked:
		out.Cache, out.LinkedPayload = "", r.LinkedPayload
	case InodeAlloc:
		out.Indirect = r.Indirect
	}
	return out, nil
}

// Validate reports the first invalid field of c, or nil. An offset that an
// explicit inode layout does not map is an invalid field too.
func (c FileBlockConfig) Validate() error {
	_, err := RunFileBlock(c)
	return err
}
