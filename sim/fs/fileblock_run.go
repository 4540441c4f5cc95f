package fs

import (
	"math/big"

	"github.com/osarena/osarena/sim/field"
)

// Roles of a block on a lookup's path.
const (
	RoleData  = "data"  // the block holding the byte
	RoleLink  = "link"  // a linked block read only for its pointer to the next
	RoleFAT   = "fat"   // a block of the file-allocation table
	RoleIndex = "index" // an index block or an inode's indirect block
)

// Access is one block a lookup consults, in order. Cached blocks are in
// memory under the cache rule and cost no disk read.
type Access struct {
	Block  int    `json:"block"`
	Role   string `json:"role"`
	Cached bool   `json:"cached,omitempty"`
}

// Lookup is where one byte offset lives and how it is reached.
type Lookup struct {
	Offset    int `json:"offset"`
	FileBlock int `json:"file_block"` // logical block of the file
	InBlock   int `json:"in_block"`   // byte within that block
	// Via names the way in: "extent", "chain" (linked), "fat", "index",
	// or for an inode "direct", "single indirect", "double indirect",
	// "triple indirect".
	Via string `json:"via"`
	// Level is the number of indirect blocks on an inode path (0 direct).
	Level int `json:"level"`
	// Entries are the indexes taken: contiguous [extent, block within
	// it]; indexed [entry in the index block]; inode [slot in the inode]
	// for a direct block, else the entry taken in each indirect block from
	// the top down.
	Entries []int `json:"entries,omitempty"`
	// Chain lists the disk blocks of file blocks 0..FileBlock (linked, fat).
	Chain []int `json:"chain,omitempty"`
	// Path is every block consulted, in order, ending with the data block.
	Path  []Access `json:"path"`
	Block int      `json:"block"` // disk block holding the byte
	Reads int      `json:"reads"` // disk reads: the uncached blocks of Path
}

// FileBlockTrace is the result of a fileblock scenario.
type FileBlockTrace struct {
	Scheme       string         `json:"scheme"`
	BlockSize    int            `json:"block_size"`
	PointerBytes int            `json:"pointer_bytes"`
	Direct       int            `json:"direct,omitempty"`
	Rules        FileBlockRules `json:"rules"`
	// Payload is the number of file bytes one block holds.
	Payload int `json:"payload"`
	// FileBytes is the size of the file as laid out (for an inode, the
	// largest file, of which an explicit layout maps only a part).
	FileBytes int      `json:"file_bytes"`
	Lookups   []Lookup `json:"lookups"`
	// MaxFileBlocks and MaxFileBytes are the largest file the scheme can
	// describe with this block and pointer size (see the rules in
	// RunFileBlock's documentation).
	MaxFileBlocks *big.Int `json:"max_file_blocks"`
	MaxFileBytes  *big.Int `json:"max_file_bytes"`
}

// RunFileBlock validates c and looks every offset up.
//
// Reads count disk reads with the open file's own entry already in memory
// (its extent list, first block, index block number or inode): contiguous
// costs 1; linked walks the chain, reading every block up to the one
// holding the byte; FAT reads each FAT block holding a link it follows
// (once per lookup, in the order first needed) then the data block; indexed
// reads the index block then the data block; an inode reads one block per
// indirect level then the data block. Under rules.cache "index" the FAT,
// index and indirect blocks are in memory and only the data block is read.
//
// The largest file: contiguous, linked and FAT files are bounded by the
// 2^(8·pointer_bytes) blocks a block number can name (linked blocks hold
// the payload only); an indexed file by one index block of
// block_size/pointer_bytes pointers; an inode by direct + n + n² + n³
// blocks for n = block_size/pointer_bytes, up to rules.indirect.
func RunFileBlock(c FileBlockConfig) (*FileBlockTrace, error) {
	p, err := c.plan()
	if err != nil {
		return nil, err
	}
	c = p.c
	t := &FileBlockTrace{
		Scheme: c.Scheme, BlockSize: c.BlockSize, PointerBytes: c.PointerBytes,
		Rules: c.Rules, Payload: p.payload, FileBytes: p.size,
		Lookups: make([]Lookup, len(c.Offsets)),
	}
	if c.Scheme == InodeAlloc {
		t.Direct = c.Direct
	}
	for i, off := range c.Offsets {
		if t.Lookups[i], err = p.lookup(off); err != nil {
			return nil, field.Errorf(field.Index("offsets", i), "%s", err.Error())
		}
	}
	t.MaxFileBlocks, t.MaxFileBytes = p.maxFile()
	return t, nil
}

// lookupError explains why an explicit inode layout cannot reach a block.
type lookupError string

func (e lookupError) Error() string { return string(e) }

// lookup finds the block of one offset, which plan has checked is in the file.
func (p *fbPlan) lookup(off int) (Lookup, error) {
	c := p.c
	cached := c.Rules.Cache == CacheIndex
	l := Lookup{Offset: off, FileBlock: off / p.payload, InBlock: off % p.payload}
	fb := l.FileBlock
	switch c.Scheme {
	case Contiguous:
		e := len(p.starts) - 1
		for e > 0 && p.starts[e] > fb {
			e--
		}
		l.Via, l.Entries = "extent", []int{e, fb - p.starts[e]}
		l.Block = c.Extents[e].Start + fb - p.starts[e]
	case Linked:
		l.Via, l.Chain = "chain", c.Blocks[:fb+1]
		for _, b := range c.Blocks[:fb] {
			l.Path = append(l.Path, Access{Block: b, Role: RoleLink})
		}
		l.Block = c.Blocks[fb]
	case FAT:
		l.Via, l.Chain = "fat", c.Blocks[:fb+1]
		per := c.BlockSize / c.PointerBytes
		for _, b := range c.Blocks[:fb] {
			fatBlock := c.FATStart + b/per
			if !hasBlock(l.Path, fatBlock) {
				l.Path = append(l.Path, Access{Block: fatBlock, Role: RoleFAT, Cached: cached})
			}
		}
		l.Block = c.Blocks[fb]
	case Indexed:
		l.Via, l.Entries = "index", []int{fb}
		l.Path = []Access{{Block: *c.IndexBlock, Role: RoleIndex, Cached: cached}}
		l.Block = c.Blocks[fb]
	case InodeAlloc:
		if err := p.walkInode(&l, cached); err != nil {
			return l, err
		}
	}
	l.Path = append(l.Path, Access{Block: l.Block, Role: RoleData})
	for _, a := range l.Path {
		if !a.Cached {
			l.Reads++
		}
	}
	return l, nil
}

func hasBlock(path []Access, b int) bool {
	for _, a := range path {
		if a.Block == b {
			return true
		}
	}
	return false
}

// walkInode fills the inode part of a lookup: level, entries, the indirect
// blocks on the path and the data block.
func (p *fbPlan) walkInode(l *Lookup, cached bool) error {
	level, idx, _ := p.geo.Locate(l.FileBlock)
	l.Level, l.Via, l.Entries = level, levelNames[level], append([]int(nil), idx[:max(level, 1)]...)
	if p.c.Inode == nil {
		path, _, _ := p.geo.Sequential(p.c.FirstBlock, l.FileBlock)
		for _, b := range path[:level] {
			l.Path = append(l.Path, Access{Block: b, Role: RoleIndex, Cached: cached})
		}
		l.Block = path[level]
		return nil
	}
	in := p.c.Inode
	fbText := "is in file block " + itoa(l.FileBlock)
	if level == 0 {
		if idx[0] >= len(in.Direct) {
			return lookupError(fbText + ", but inode.direct has only " + itoa(len(in.Direct)) + " entries")
		}
		l.Block = in.Direct[idx[0]]
		return nil
	}
	top := [3]*int{in.Single, in.Double, in.Triple}[level-1]
	if top == nil {
		return lookupError(fbText + " (" + levelNames[level] + "), but inode." + []string{"single", "double", "triple"}[level-1] + " is not given")
	}
	b := *top
	for k := range level {
		l.Path = append(l.Path, Access{Block: b, Role: RoleIndex, Cached: cached})
		ptrs, ok := p.index[b]
		if !ok {
			return lookupError(fbText + ", but inode.index_blocks has no block " + itoa(b))
		}
		if idx[k] >= len(ptrs) {
			return lookupError(fbText + ", but index block " + itoa(b) + " has no entry " + itoa(idx[k]))
		}
		b = ptrs[idx[k]]
	}
	l.Block = b
	return nil
}
