package raid

import (
	"bytes"
	"slices"
)

// Spare pairs a failed disk with the spare rebuilt in its place.
type Spare struct {
	Failed int `json:"failed"`
	Spare  int `json:"spare"`
}

// RebuildRow is the rebuild of one row: the reads that recover the failed
// disks' blocks at this offset and the writes that put them on the spares.
type RebuildRow struct {
	Stripe int  `json:"stripe"`
	Offset int  `json:"offset"`
	Ops    []Op `json:"ops"`
}

// Rebuild is the reconstruction of every failed disk onto a spare, row by
// row from offset 0, after the requests.
type Rebuild struct {
	Spares []Spare      `json:"spares"`
	Rows   []RebuildRow `json:"rows"`
	Reads  int          `json:"reads"`
	Writes int          `json:"writes"`
	// Verified is set when every spare holds, byte for byte, what its
	// failed disk would hold had it never failed (writes included).
	Verified bool `json:"verified"`
}

// rebuild reconstructs the failed disks onto spares disks, disks+1, ...
// (failed disks in ascending order), checks the result against the logical
// contents, and leaves the array healthy with each spare in its disk's place.
func (p *planner) rebuild(failed []int) *Rebuild {
	a, g := p.a, p.a.g
	failed = slices.Sorted(slices.Values(failed))
	rb := &Rebuild{Rows: make([]RebuildRow, a.rows)}
	for i, f := range failed {
		rb.Spares = append(rb.Spares, Spare{Failed: f, Spare: g.Disks + i})
	}
	data := make([]int, g.m)
	for o := range a.rows {
		w := row{o: o, s: o / g.Chunk, data: data}
		for d := range data {
			data[d] = g.DataDisk(w.s, d)
		}
		w.p, w.q = g.Parity(w.s)
		clear(p.rd)
		a.roles(o, p.blocks, p.kinds)
		var from []int
		if w.p >= 0 {
			p.planParityRebuild(&w)
		} else {
			from = p.planMirrorRebuild(&w, failed)
		}
		var rt RequestTrace
		rb.Reads += p.do(&rt, o, p.rd, OpRead, true)
		for i, f := range failed[:len(from)] {
			copy(p.buf[f], p.buf[from[i]])
		}
		if w.p >= 0 {
			var q []byte
			if w.q >= 0 {
				q = p.buf[w.q]
			}
			recoverRow(p.dataBufs(&w), p.buf[w.p], q, p.lost(&w), !p.alive(w.p), w.q >= 0 && !p.alive(w.q))
		}
		for _, sp := range rb.Spares {
			copy(a.block(sp.Spare, o), p.buf[sp.Failed])
			rt.Ops = append(rt.Ops, Op{Op: OpWrite, Disk: sp.Spare, Offset: o, Role: p.kinds[sp.Failed], Block: p.blocks[sp.Failed]})
			rb.Writes++
		}
		rb.Rows[o] = RebuildRow{Stripe: w.s, Offset: o, Ops: rt.Ops}
	}
	want := make([]byte, g.Disks*a.rows*a.bs)
	for o := range a.rows {
		a.writeRow(o, want)
	}
	rb.Verified = true
	for _, sp := range rb.Spares {
		if !bytes.Equal(a.disk(sp.Spare), want[sp.Failed*a.rows*a.bs:(sp.Failed+1)*a.rows*a.bs]) {
			rb.Verified = false
		}
		copy(a.disk(sp.Failed), a.disk(sp.Spare))
		a.failed[sp.Failed] = false
	}
	return rb
}

// planParityRebuild flags the reads that recover a RAID 4, 5 or 6 row: the
// surviving data and the parity the lost data needs; every data block when
// only parity was lost.
func (p *planner) planParityRebuild(w *row) {
	lost := p.lost(w)
	for _, disk := range w.data {
		p.rd[disk] = p.alive(disk)
	}
	switch {
	case len(lost) == 0:
	case len(lost) == 1 && p.alive(w.p):
		p.rd[w.p] = true
	case len(lost) == 1:
		p.rd[w.q] = true
	default:
		p.rd[w.p], p.rd[w.q] = true, true
	}
}

// planMirrorRebuild flags, for each failed disk of a RAID 1 or 10 row, the
// lowest surviving copy of its block, and returns those copies in the order
// of failed.
func (p *planner) planMirrorRebuild(w *row, failed []int) []int {
	g := p.a.g
	from := make([]int, len(failed))
	for i, f := range failed {
		d := 0
		if g.Level == 10 {
			d = f / 2
		}
		for _, c := range g.Copies(w.s, d) {
			if p.alive(c) {
				p.rd[c] = true
				from[i] = c
				break
			}
		}
	}
	return from
}
