package raid

import (
	"github.com/osarena/osarena/sim/rng"
)

// poison fills a failed disk, so that a plan which wrongly reads one
// returns bytes no reconstruction can mistake for data.
const poison = 0xa5

// array holds the contents of every disk (spares after the array's disks)
// and, apart from them, the logical contents every block should read as.
type array struct {
	g      *Geometry
	bs     int    // block size in bytes
	rows   int    // blocks per disk: stripes × chunk
	bytes  []byte // disk-major: disk d, offset o at (d·rows + o)·bs
	failed []bool // per disk, spares included
	truth  []byte // logical block b at b·bs
	rnd    *rng.Rand
}

// newArray builds the array of a valid config: random logical contents,
// consistent copies and parity, then the failed disks poisoned.
func newArray(c Config) *array {
	g := NewGeometry(c)
	n := c.Disks + c.spares()
	a := &array{
		g: g, bs: c.BlockSize, rows: c.Stripes * c.Chunk,
		failed: make([]bool, n),
		rnd:    rng.New(c.Seed, rng.StreamRAID),
	}
	a.bytes = make([]byte, n*a.rows*a.bs)
	a.truth = make([]byte, c.Stripes*g.StripeBlocks()*a.bs)
	a.fill(a.truth)
	for o := range a.rows {
		a.writeRow(o, a.bytes)
	}
	for _, d := range c.Failed {
		a.failed[d] = true
		b := a.disk(d)
		for i := range b {
			b[i] = poison
		}
	}
	return a
}

// fill sets b to bytes drawn from the array's stream.
func (a *array) fill(b []byte) {
	for i := 0; i < len(b); i += 8 {
		v := a.rnd.Uint64()
		for j := i; j < min(i+8, len(b)); j++ {
			b[j] = byte(v)
			v >>= 8
		}
	}
}

// disk returns every byte of disk d.
func (a *array) disk(d int) []byte {
	return a.bytes[d*a.rows*a.bs : (d+1)*a.rows*a.bs]
}

// block returns the contents of disk d at offset o.
func (a *array) block(d, o int) []byte {
	i := (d*a.rows + o) * a.bs
	return a.bytes[i : i+a.bs : i+a.bs]
}

// logical returns the logical contents of block b.
func (a *array) logical(b int) []byte {
	return a.truth[b*a.bs : (b+1)*a.bs : (b+1)*a.bs]
}

// rowBlock returns the logical block at data index d of the row at offset o.
func (a *array) rowBlock(o, d int) int {
	s := o / a.g.Chunk
	return (s*a.g.m+d)*a.g.Chunk + o%a.g.Chunk
}

// writeRow writes into dst (laid out like a.bytes) the physical contents the
// row at offset o should have according to the logical contents: data,
// copies and parity. Spares are left alone.
func (a *array) writeRow(o int, dst []byte) {
	s := o / a.g.Chunk
	at := func(d int) []byte {
		i := (d*a.rows + o) * a.bs
		return dst[i : i+a.bs : i+a.bs]
	}
	data := make([][]byte, a.g.m)
	for d := range a.g.m {
		data[d] = a.logical(a.rowBlock(o, d))
		for _, disk := range a.g.Copies(s, d) {
			copy(at(disk), data[d])
		}
	}
	p, q := a.g.Parity(s)
	switch {
	case q >= 0:
		PQ(at(p), at(q), data)
	case p >= 0:
		XOR(at(p), data)
	}
}

// roles sets blocks[d] and kinds[d] to what disk d holds at offset o: the
// logical block (a data block or a copy of one) and "data", or Null and
// "P" or "Q". Spares are left alone.
func (a *array) roles(o int, blocks []Nullable, kinds []string) {
	s := o / a.g.Chunk
	for i := range a.g.m {
		for _, d := range a.g.Copies(s, i) {
			blocks[d], kinds[d] = Nullable(a.rowBlock(o, i)), RoleData
		}
	}
	p, q := a.g.Parity(s)
	if p >= 0 {
		blocks[p], kinds[p] = Null, RoleP
	}
	if q >= 0 {
		blocks[q], kinds[q] = Null, RoleQ
	}
}
