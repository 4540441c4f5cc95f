package fs

import "math/bits"

// Bitmap is a free-space bit vector over blocks 0..Len()-1 that allocates
// the lowest free blocks first. It is the engine behind the freespace kind:
// the other free-space structures are views of the same set. Internally a
// set bit means free; how the trace prints bits is the rule "bit".
// A Bitmap is not safe for concurrent use.
type Bitmap struct {
	words []uint64
	n     int
	free  int
	low   int // no word below low has a free bit
}

// NewBitmap returns a bitmap of n blocks, all used.
func NewBitmap(n int) *Bitmap {
	return &Bitmap{words: make([]uint64, (n+63)/64), n: n}
}

// Len is the number of blocks.
func (m *Bitmap) Len() int { return m.n }

// FreeCount is the number of free blocks.
func (m *Bitmap) FreeCount() int { return m.free }

// IsFree reports whether block b is free.
func (m *Bitmap) IsFree(b int) bool { return m.words[b>>6]&(1<<(b&63)) != 0 }

// Release marks block b free; it reports false if b was already free.
func (m *Bitmap) Release(b int) bool {
	if m.IsFree(b) {
		return false
	}
	m.words[b>>6] |= 1 << (b & 63)
	m.free++
	m.low = min(m.low, b>>6)
	return true
}

// take marks the free block b used.
func (m *Bitmap) take(b int) {
	m.words[b>>6] &^= 1 << (b & 63)
	m.free--
}

// NextFree returns the lowest free block at or after from, or -1.
func (m *Bitmap) NextFree(from int) int {
	w := from >> 6
	if from < 0 || w >= len(m.words) {
		return -1
	}
	x := m.words[w] & (^uint64(0) << (from & 63))
	for x == 0 {
		if w++; w == len(m.words) {
			return -1
		}
		x = m.words[w]
	}
	return w<<6 + bits.TrailingZeros64(x)
}

// nextUsed returns the lowest used block at or after from, or Len().
func (m *Bitmap) nextUsed(from int) int {
	w := from >> 6
	if w >= len(m.words) {
		return m.n
	}
	x := ^m.words[w] & (^uint64(0) << (from & 63))
	for x == 0 {
		if w++; w == len(m.words) {
			return m.n
		}
		x = ^m.words[w]
	}
	return min(m.n, w<<6+bits.TrailingZeros64(x))
}

// AllocAny allocates the k lowest free blocks and appends them to dst in
// ascending order. If fewer than k blocks are free it changes nothing and
// returns dst, false.
func (m *Bitmap) AllocAny(k int, dst []int) ([]int, bool) {
	if k > m.free || k < 0 {
		return dst, false
	}
	if k == 0 {
		return dst, true
	}
	b := m.low << 6
	for range k {
		b = m.NextFree(b)
		m.take(b)
		dst = append(dst, b)
		b++
	}
	m.low = (b - 1) >> 6
	return dst, true
}

// AllocRun allocates the lowest run of k consecutive free blocks (first
// fit) and returns its first block. If no run is long enough it changes
// nothing and returns -1, false.
func (m *Bitmap) AllocRun(k int) (int, bool) {
	if k > m.free || k <= 0 {
		return -1, false
	}
	from := m.low << 6
	for {
		s := m.NextFree(from)
		if s < 0 {
			return -1, false
		}
		e := m.nextUsed(s)
		if e-s >= k {
			m.useRange(s, s+k)
			m.free -= k
			return s, true
		}
		from = e
	}
}

// useRange marks the free blocks lo..hi-1 used, a word at a time.
func (m *Bitmap) useRange(lo, hi int) {
	for lo < hi {
		w, off := lo>>6, lo&63
		span := min(64-off, hi-lo)
		mask := (^uint64(0) >> (64 - span)) << off
		m.words[w] &^= mask
		lo += span
	}
}

// FreeBlocks appends every free block to dst in ascending order.
func (m *Bitmap) FreeBlocks(dst []int) []int {
	for b := m.NextFree(0); b >= 0; b = m.NextFree(b + 1) {
		dst = append(dst, b)
	}
	return dst
}
