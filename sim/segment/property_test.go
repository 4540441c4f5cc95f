package segment

import (
	"testing"

	"github.com/osarena/osarena/sim/rng"
)

// randomConfig draws a valid segmentation scenario from r.
func randomConfig(r *rng.Rand) Config {
	bits := 4 + r.IntN(13)
	n := 1 + r.IntN(8)
	sb := defaultSegmentBits(n) + r.IntN(2)
	if sb > bits-1 {
		sb = bits - 1
		n = min(n, 1<<sb)
	}
	maxSeg := 1 << (bits - sb)
	c := Config{AddressBits: bits, SegmentBits: sb}
	for range n {
		s := Segment{Limit: r.IntN(maxSeg + 1), Base: r.IntN(1 << 20), Prot: []string{"", "r", "rw", "r-x"}[r.IntN(4)]}
		if r.IntN(2) == 0 {
			s.Grows = Down
			s.Base += s.Limit
		}
		if r.IntN(10) == 0 {
			s.Valid = bptr(false)
		}
		c.Segments = append(c.Segments, s)
	}
	for range 50 {
		c.Addresses = append(c.Addresses, Access{VA: r.IntN(1 << bits), Op: []Op{Read, Write, Exec}[r.IntN(3)]})
	}
	return c
}

// A valid translation lands inside its segment: [base, base+limit) growing
// up, [base-limit, base) growing down; and a trap has no address.
func TestPropertyInsideSegment(t *testing.T) {
	r := rng.New(1, rng.StreamScenario)
	for i := range 3000 {
		c := randomConfig(r)
		tr, err := Run(c)
		if err != nil {
			t.Fatalf("case %d: Run(%+v): %v", i, c, err)
		}
		for _, res := range tr.Results {
			if !res.Valid {
				if res.PA != Null || res.Trap == "" {
					t.Fatalf("case %d: va %d trapped with pa %d trap %q; want null and a reason", i, res.VA, res.PA, res.Trap)
				}
				continue
			}
			s := tr.Segments[res.Segment]
			lo, hi := s.Base, s.Base+s.Limit
			if s.Grows == Down {
				lo, hi = s.Base-s.Limit, s.Base
			}
			if int(res.PA) < lo || int(res.PA) >= hi {
				t.Fatalf("case %d: va %d → pa %d outside segment %d [%d, %d)", i, res.VA, res.PA, res.Segment, lo, hi)
			}
			if res.Segment<<tr.OffsetBits|res.Offset != res.VA {
				t.Fatalf("case %d: va %d split into seg %d offset %d", i, res.VA, res.Segment, res.Offset)
			}
		}
	}
}

// Every valid translation of a paged segment lands inside the frame its
// page-table entry names.
func TestPropertyInsideFrame(t *testing.T) {
	r := rng.New(2, rng.StreamScenario)
	for i := range 3000 {
		bits := 6 + r.IntN(11)
		n := 1 + r.IntN(4)
		sb := defaultSegmentBits(n)
		pageBits := r.IntN(bits - sb + 1)
		ps := 1 << pageBits
		pages := 1 << (bits - sb - pageBits)
		c := PagedConfig{AddressBits: bits, PageSize: ps, Memory: ps * 64}
		for range n {
			s := PagedSegment{Prot: []string{"", "r", "rw"}[r.IntN(3)]}
			for range 1 + r.IntN(min(pages, 16)) {
				f := Nullable(r.IntN(64))
				if r.IntN(4) == 0 {
					f = Null
				}
				s.PageTable = append(s.PageTable, f)
			}
			if r.IntN(2) == 0 {
				l := r.IntN(len(s.PageTable)*ps + 1)
				s.Limit = &l
			}
			c.Segments = append(c.Segments, s)
		}
		for range 50 {
			c.Addresses = append(c.Addresses, Access{VA: r.IntN(1 << bits), Op: []Op{Read, Write}[r.IntN(2)]})
		}
		tr, err := RunPaged(c)
		if err != nil {
			t.Fatalf("case %d: RunPaged: %v", i, err)
		}
		for _, res := range tr.Results {
			if !res.Valid {
				continue
			}
			f := int(tr.Segments[res.Segment].PageTable[res.Page])
			if int(res.PA) < f*ps || int(res.PA) >= (f+1)*ps || res.PA >= Nullable(c.Memory) {
				t.Fatalf("case %d: va %d → pa %d outside frame %d (page size %d)", i, res.VA, res.PA, f, ps)
			}
			if res.SegOffset >= *tr.Segments[res.Segment].Limit {
				t.Fatalf("case %d: va %d valid with segment offset %d past limit %d", i, res.VA, res.SegOffset, *tr.Segments[res.Segment].Limit)
			}
		}
	}
}
