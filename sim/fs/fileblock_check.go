package fs

import (
	"math/big"

	"github.com/osarena/osarena/sim/field"
)

// fbPlan is a validated fileblock scenario, ready to look offsets up.
type fbPlan struct {
	c       FileBlockConfig
	payload int   // file bytes per block
	size    int   // file size in bytes
	starts  []int // contiguous: first file block of each extent
	geo     Inode
	index   map[int][]int // explicit inode layout: index block → pointers
}

// plan validates c and prepares its lookups.
func (c FileBlockConfig) plan() (*fbPlan, error) {
	if err := field.OneOf("scheme", c.Scheme, Schemes...); err != nil {
		return nil, err
	}
	if err := field.Range("block_size", c.BlockSize, 2, MaxBlockSize); err != nil {
		return nil, err
	}
	if err := field.Range("pointer_bytes", c.PointerBytes, 1, min(MaxPointerBytes, c.BlockSize/2)); err != nil {
		return nil, err
	}
	if err := c.onlyFor(); err != nil {
		return nil, err
	}
	r, err := c.Rules.resolve(c.Scheme)
	if err != nil {
		return nil, err
	}
	c.Rules = r
	p := &fbPlan{c: c, payload: c.BlockSize}
	switch c.Scheme {
	case Contiguous:
		err = p.checkExtents()
	case Linked, FAT:
		if c.Scheme == Linked && r.LinkedPayload == PayloadMinusPtr {
			p.payload = c.BlockSize - c.PointerBytes
		}
		if err = checkBlocks("blocks", c.Blocks, MaxChain, -1); err == nil {
			err = field.Range("fat_start", c.FATStart, 0, MaxBlockNumber)
		}
		p.size = len(c.Blocks) * p.payload
	case Indexed:
		if c.IndexBlock == nil {
			return nil, field.Errorf("index_block", "is required for scheme indexed")
		}
		if err = field.Range("index_block", *c.IndexBlock, 0, MaxBlockNumber); err == nil {
			err = checkBlocks("blocks", c.Blocks, c.BlockSize/c.PointerBytes, *c.IndexBlock)
		}
		p.size = len(c.Blocks) * p.payload
	case InodeAlloc:
		err = p.checkInode()
	}
	if err != nil {
		return nil, err
	}
	if err := field.Len("offsets", len(c.Offsets), 0, MaxOffsets); err != nil {
		return nil, err
	}
	walked := 0
	for i, off := range c.Offsets {
		if off < 0 || off >= p.size {
			return nil, field.Errorf(field.Index("offsets", i), "must be between 0 and %d (the file's last byte)", p.size-1)
		}
		if c.Scheme == Linked || c.Scheme == FAT {
			walked += off/p.payload + 1
		}
	}
	if walked > MaxWalk {
		return nil, field.Errorf("offsets", "walk %d chain blocks in all, more than %d; look up fewer or nearer offsets", walked, MaxWalk)
	}
	return p, nil
}

// onlyFor refuses layout fields that the scheme does not use, so a typo in
// the scheme does not silently ignore the layout.
func (c FileBlockConfig) onlyFor() error {
	checks := []struct {
		name    string
		set     bool
		schemes []string
	}{
		{"extents", c.Extents != nil, []string{Contiguous}},
		{"blocks", c.Blocks != nil, []string{Linked, FAT, Indexed}},
		{"index_block", c.IndexBlock != nil, []string{Indexed}},
		{"fat_start", c.FATStart != 0, []string{FAT}},
		{"direct", c.Direct != 0, []string{InodeAlloc}},
		{"inode", c.Inode != nil, []string{InodeAlloc}},
		{"first_block", c.FirstBlock != 0, []string{InodeAlloc}},
	}
	for _, k := range checks {
		if !k.set {
			continue
		}
		ok := false
		for _, s := range k.schemes {
			ok = ok || s == c.Scheme
		}
		if !ok {
			return field.Errorf(k.name, "does not apply to scheme %s", c.Scheme)
		}
	}
	return nil
}

func (p *fbPlan) checkExtents() error {
	ext := p.c.Extents
	if err := field.Len("extents", len(ext), 1, MaxExtents); err != nil {
		return err
	}
	p.starts = make([]int, len(ext))
	blocks := 0
	for i, e := range ext {
		name := field.Index("extents", i)
		if err := field.Range(field.Sub(name, "start"), e.Start, 0, MaxBlockNumber-MaxExtentLength); err != nil {
			return err
		}
		if err := field.Range(field.Sub(name, "length"), e.Length, 1, MaxExtentLength); err != nil {
			return err
		}
		p.starts[i] = blocks
		blocks += e.Length
	}
	p.size = blocks * p.c.BlockSize
	return nil
}

// checkBlocks checks a list of distinct block numbers of at most hi
// entries, none equal to other (unless other is -1).
func checkBlocks(name string, blocks []int, hi, other int) error {
	if err := field.Len(name, len(blocks), 1, hi); err != nil {
		return err
	}
	seen := make(map[int]int, len(blocks))
	for i, b := range blocks {
		if err := field.Range(field.Index(name, i), b, 0, MaxBlockNumber); err != nil {
			return err
		}
		if j, dup := seen[b]; dup {
			return field.Errorf(field.Index(name, i), "repeats block %d of %s", b, field.Index(name, j))
		}
		if b == other {
			return field.Errorf(field.Index(name, i), "is the index block itself")
		}
		seen[b] = i
	}
	return nil
}

func (p *fbPlan) checkInode() error {
	c := p.c
	if err := field.Range("direct", c.Direct, 1, MaxDirect); err != nil {
		return err
	}
	if err := field.Range("first_block", c.FirstBlock, 0, MaxBlockNumber>>1); err != nil {
		return err
	}
	p.geo = Inode{BlockSize: c.BlockSize, PointerBytes: c.PointerBytes, Direct: c.Direct, Levels: indirectLevels(c.Rules.Indirect)}
	p.size = p.geo.MaxBlocks() * c.BlockSize
	l := c.Inode
	if l == nil {
		return nil
	}
	if err := field.Len("inode.direct", len(l.Direct), 0, c.Direct); err != nil {
		return err
	}
	for i, b := range l.Direct {
		if err := field.Range(field.Index("inode.direct", i), b, 0, MaxBlockNumber); err != nil {
			return err
		}
	}
	for level, ptr := range []*int{l.Single, l.Double, l.Triple} {
		name := field.Sub("inode", []string{"single", "double", "triple"}[level])
		if ptr == nil {
			continue
		}
		if level >= p.geo.Levels {
			return field.Errorf(name, "is set but rules.indirect is %s", c.Rules.Indirect)
		}
		if err := field.Range(name, *ptr, 0, MaxBlockNumber); err != nil {
			return err
		}
	}
	if err := field.Len("inode.index_blocks", len(l.IndexBlocks), 0, MaxIndexBlocks); err != nil {
		return err
	}
	p.index = make(map[int][]int, len(l.IndexBlocks))
	for i, ib := range l.IndexBlocks {
		name := field.Index("inode.index_blocks", i)
		if err := field.Range(field.Sub(name, "block"), ib.Block, 0, MaxBlockNumber); err != nil {
			return err
		}
		if _, dup := p.index[ib.Block]; dup {
			return field.Errorf(field.Sub(name, "block"), "lists block %d a second time", ib.Block)
		}
		if err := field.Len(field.Sub(name, "pointers"), len(ib.Pointers), 1, p.geo.PerBlock()); err != nil {
			return err
		}
		for j, b := range ib.Pointers {
			if err := field.Range(field.Index(field.Sub(name, "pointers"), j), b, 0, MaxBlockNumber); err != nil {
				return err
			}
		}
		p.index[ib.Block] = ib.Pointers
	}
	return nil
}

// maxFile returns the largest file the scheme can describe, in blocks and
// bytes. Contiguous, linked and FAT files are bounded by the number of
// blocks a PointerBytes-wide block number can name, 2^(8·PointerBytes)
// (ignoring reserved FAT values); an indexed file by one index block of
// BlockSize/PointerBytes pointers; an inode by Inode.MaxBlocks. The sizes
// can pass 2^63, so they are big integers (JSON numbers of any length).
func (p *fbPlan) maxFile() (blocks, bytes *big.Int) {
	c := p.c
	switch c.Scheme {
	case Indexed:
		blocks = big.NewInt(int64(c.BlockSize / c.PointerBytes))
	case InodeAlloc:
		blocks = big.NewInt(int64(p.geo.MaxBlocks()))
	default:
		blocks = new(big.Int).Lsh(big.NewInt(1), uint(8*c.PointerBytes))
	}
	bytes = new(big.Int).Mul(blocks, big.NewInt(int64(p.payload)))
	return blocks, bytes
}
