package raid

// Geometry is the shape of an array: enough to place every logical block.
// Build one from a validated Config with NewGeometry (the zero value is not
// usable) and treat it as read-only; it is safe for concurrent use.
//
// Blocks are laid out chunk by chunk: logical chunk k = block / chunk holds
// data index k mod m of stripe k / m, where m is the number of data chunks
// per stripe, and the block sits at offset stripe×chunk + block mod chunk on
// its disk. Parity is per row: the parity block at a given offset covers the
// data blocks at the same offset on the stripe's data disks.
//
//   - RAID 0: data index d is on disk d.
//   - RAID 1: every disk holds every block at offset = block (chunk only
//     names the stripe); disk 0 is the primary copy.
//   - RAID 10: mirrored pairs (0,1), (2,3), ...; data index d is on pair d,
//     the lower disk of the pair being the primary copy (md's "near 2"
//     layout for an even number of disks).
//   - RAID 4: parity on the last disk (rule parity4 "last-disk"), data
//     index d on disk d.
//   - RAID 5 and 6: P rotates by stripe s: left layouts put it on disk
//     n−1−(s mod n), right layouts on disk s mod n. RAID 6 puts Q on the
//     disk after P, wrapping (rule q "after-p", as md does). Symmetric
//     layouts put data index d on disk (P + k + d) mod n, where k is the
//     number of parity disks, so data continues right after parity;
//     asymmetric layouts fill the stripe's other disks in ascending order.
type Geometry struct {
	Level  int
	Disks  int
	Chunk  int
	Layout string // RAID 5 and 6 only
	m      int    // data chunks per stripe
	k      int    // parity disks per stripe (0, 1 or 2)
	right  bool   // parity rotates right (P on disk s mod n)
	sym    bool   // symmetric: data continues right after parity
}

// NewGeometry returns the geometry of c, which must be valid.
func NewGeometry(c Config) *Geometry {
	g := &Geometry{Level: c.Level, Disks: c.Disks, Chunk: max(c.Chunk, 1), Layout: c.Layout}
	if g.Layout == "" {
		g.Layout = c.Rules.Layout
	}
	if g.Layout == "" && (g.Level == 5 || g.Level == 6) {
		g.Layout = LeftSymmetric
	}
	g.m = DataDisks(g.Level, g.Disks)
	switch g.Level {
	case 4, 5:
		g.k = 1
	case 6:
		g.k = 2
	}
	g.right = g.Layout == RightSymmetric || g.Layout == RightAsymmetric
	g.sym = g.Layout == LeftSymmetric || g.Layout == RightSymmetric
	return g
}

// Place is where one logical block lives. P and Q are −1 when the level has
// no such parity.
type Place struct {
	Stripe int // stripe number
	Index  int // data index within the stripe (0 … data disks − 1)
	Disk   int // disk of the block (the primary copy for RAID 1 and 10)
	Offset int // offset in blocks on that disk
	P, Q   int // the stripe's parity disks, or −1
}

// Locate returns where logical block b lives.
func (g *Geometry) Locate(b int) Place {
	k := b / g.Chunk
	s, d := k/g.m, k%g.m
	pl := Place{Stripe: s, Index: d, Offset: s*g.Chunk + b%g.Chunk, P: -1, Q: -1}
	pl.P, pl.Q = g.Parity(s)
	pl.Disk = g.dataDisk(pl.P, d)
	return pl
}

// Parity returns the P and Q disks of stripe s (−1 when absent).
func (g *Geometry) Parity(s int) (p, q int) {
	n := g.Disks
	switch {
	case g.k == 0:
		return -1, -1
	case g.Level == 4:
		return n - 1, -1
	case g.right:
		p = s % n
	default:
		p = n - 1 - s%n
	}
	if g.k == 2 {
		q = p + 1
		if q == n {
			q = 0
		}
		return p, q
	}
	return p, -1
}

// DataDisk returns the disk holding data index d of stripe s (the primary
// copy for RAID 1 and 10).
func (g *Geometry) DataDisk(s, d int) int {
	p, _ := g.Parity(s)
	return g.dataDisk(p, d)
}

// dataDisk returns the disk of data index d in a stripe whose P disk is p.
func (g *Geometry) dataDisk(p, d int) int {
	n, k := g.Disks, g.k
	switch g.Level {
	case 0, 4:
		return d
	case 1:
		return 0
	case 10:
		return 2 * d
	}
	if g.sym {
		if d += p + k; d >= n {
			d -= n
		}
		return d
	}
	// Asymmetric: the stripe's non-parity disks in ascending order.
	switch {
	case k == 2 && p == n-1: // Q wrapped to disk 0
		return d + 1
	case d < p:
		return d
	}
	return d + k
}

// Copies returns the disks holding a copy of data index d of stripe s, the
// primary first: one disk except for RAID 1 (every disk) and RAID 10 (the
// pair).
func (g *Geometry) Copies(s, d int) []int {
	switch g.Level {
	case 1:
		out := make([]int, g.Disks)
		for i := range out {
			out[i] = i
		}
		return out
	case 10:
		return []int{2 * d, 2*d + 1}
	}
	return []int{g.DataDisk(s, d)}
}

// StripeBlocks returns how many logical blocks a stripe holds.
func (g *Geometry) StripeBlocks() int { return g.m * g.Chunk }

// DataChunks returns how many data chunks a stripe holds.
func (g *Geometry) DataChunks() int { return g.m }
