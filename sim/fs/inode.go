package fs

// Inode is the pointer geometry of a UNIX inode: Direct pointers to data
// blocks, then up to three indirect pointers (single, double, triple), each
// to a block of BlockSize/PointerBytes pointers. It is the part of the
// fileblock simulator the quiz calls in bulk, so its methods never allocate.
type Inode struct {
	BlockSize    int // bytes per block
	PointerBytes int // bytes per block pointer
	Direct       int // direct pointers in the inode
	Levels       int // indirect levels present: 0 (none) to 3 (up to triple)
}

// levelNames names the pointer an inode path goes through, by level.
var levelNames = [4]string{"direct", "single indirect", "double indirect", "triple indirect"}

// PerBlock is the number of pointers one index block holds.
func (g Inode) PerBlock() int { return g.BlockSize / g.PointerBytes }

// MaxBlocks is the number of data blocks the inode can address:
// Direct + n + n² + n³ for n = PerBlock, up to Levels indirect levels.
func (g Inode) MaxBlocks() int {
	n, total, span := g.PerBlock(), g.Direct, 1
	for range g.Levels {
		span *= n
		total += span
	}
	return total
}

// Locate returns the level (0 direct, 1–3 indirect) through which file
// block fb is reached and the index used at each step: for a direct block
// idx[0] is its slot in the inode; for an indirect one idx[0..level-1] are
// the entries taken in the top indirect block, the next one and so on. ok is
// false when fb is beyond MaxBlocks.
func (g Inode) Locate(fb int) (level int, idx [3]int, ok bool) {
	if fb < 0 {
		return 0, idx, false
	}
	if fb < g.Direct {
		idx[0] = fb
		return 0, idx, true
	}
	fb -= g.Direct
	n, span := g.PerBlock(), 1
	for level = 1; level <= g.Levels; level++ {
		span *= n
		if fb < span {
			for k := level - 1; k >= 0; k-- {
				idx[k] = fb % n
				fb /= n
			}
			return level, idx, true
		}
		fb -= span
	}
	return 0, idx, false
}

// Reads is the number of disk reads that fetch the byte at offset with
// nothing but the inode in memory: one per indirect level plus the data
// block. ok is false past the largest file.
func (g Inode) Reads(offset int) (reads int, ok bool) {
	level, _, ok := g.Locate(offset / g.BlockSize)
	return level + 1, ok
}

// Sequential returns the disk blocks of the path to file block fb when the
// whole file was written front to back from disk block first, each block
// taking the next free disk block in the order a file system writing
// sequentially allocates them: the direct data blocks; the single indirect
// block, then its data blocks; the double indirect block, then each
// second-level block followed by its data blocks; likewise for triple.
// path[0..level-1] are the index blocks read (top first) and path[level] is
// the data block. It is the layout a scenario gets when it gives none, and
// it can be worked out by hand: with 12 direct blocks from block 100 and
// 1024 pointers per block, the single indirect block is 112 and file block
// 12 is disk block 113.
func (g Inode) Sequential(first, fb int) (path [4]int, level int, ok bool) {
	level, idx, ok := g.Locate(fb)
	if !ok {
		return path, 0, false
	}
	n := g.PerBlock()
	// sub[k] is the number of disk blocks in a complete subtree whose root
	// is an index block with k levels below it (sub[0] = one data block).
	sub := [4]int{1, 1 + n, 1 + n*(1+n), 1 + n*(1+n*(1+n))}
	top := first + g.Direct // the single indirect block
	for l := 1; l < level; l++ {
		top += sub[l]
	}
	if level == 0 {
		path[0] = first + idx[0]
		return path, 0, true
	}
	at := top
	for k := 0; k < level; k++ {
		path[k] = at
		at += 1 + idx[k]*sub[level-1-k]
	}
	path[level] = at
	return path, level, true
}
