package raid

import (
	"fmt"
	"slices"
	"testing"

	"github.com/osarena/osarena/sim/rng"
)

// geometries returns every level and layout over a range of disk counts
// and chunk sizes.
func geometries() []Config {
	var out []Config
	for _, level := range Levels {
		layouts := []string{""}
		if level == 5 || level == 6 {
			layouts = Layouts
		}
		for _, layout := range layouts {
			for disks := minDisks(level); disks <= 9; disks++ {
				if level == 10 && disks%2 != 0 {
					continue
				}
				for _, chunk := range []int{1, 2, 3, 4} {
					out = append(out, Config{Level: level, Disks: disks, Chunk: chunk, Layout: layout})
				}
			}
		}
	}
	return out
}

func name(c Config) string {
	return fmt.Sprintf("RAID %d %s %d disks chunk %d", c.Level, c.Layout, c.Disks, c.Chunk)
}

// Every layout maps distinct logical blocks to distinct (disk, offset)
// pairs, every copy of a block included, never onto its own stripe's
// parity disks, and the offset lies inside the block's stripe.
func TestLayoutProperties(t *testing.T) {
	for _, c := range geometries() {
		g := NewGeometry(c)
		stripes := 2*c.Disks + 1 // more than a full rotation
		owner := map[[2]int]int{}
		for b := range stripes * g.StripeBlocks() {
			pl := g.Locate(b)
			if pl.Offset < pl.Stripe*c.Chunk || pl.Offset >= (pl.Stripe+1)*c.Chunk {
				t.Fatalf("%s: Locate(%d) offset %d outside stripe %d", name(c), b, pl.Offset, pl.Stripe)
			}
			copies := g.Copies(pl.Stripe, pl.Index)
			if copies[0] != pl.Disk {
				t.Fatalf("%s: Locate(%d).Disk = %d; want the first copy %d", name(c), b, pl.Disk, copies[0])
			}
			for _, d := range copies {
				if d < 0 || d >= c.Disks {
					t.Fatalf("%s: block %d on disk %d of %d", name(c), b, d, c.Disks)
				}
				if d == pl.P || d == pl.Q {
					t.Fatalf("%s: block %d on disk %d, its stripe %d's parity disk (P %d, Q %d)", name(c), b, d, pl.Stripe, pl.P, pl.Q)
				}
				key := [2]int{d, pl.Offset}
				if prev, ok := owner[key]; ok {
					t.Fatalf("%s: blocks %d and %d both at disk %d offset %d", name(c), prev, b, d, pl.Offset)
				}
				owner[key] = b
			}
		}
		// Every (disk, offset) holds exactly one block or parity block:
		// nothing is wasted.
		parity := 0
		for s := range stripes {
			p, q := g.Parity(s)
			for _, d := range []int{p, q} {
				if d >= 0 {
					parity += c.Chunk
					if _, ok := owner[[2]int{d, s * c.Chunk}]; ok {
						t.Fatalf("%s: stripe %d's parity disk %d holds data", name(c), s, d)
					}
				}
			}
		}
		if len(owner)+parity != stripes*c.Chunk*c.Disks {
			t.Errorf("%s: %d data cells + %d parity cells; want %d", name(c), len(owner), parity, stripes*c.Chunk*c.Disks)
		}
	}
}

// Over thousands of seeded random scenarios, a degraded array returns
// exactly what a healthy one does, for every disk or (RAID 6) pair of disks
// that may fail, and the rebuild restores every lost disk byte for byte.
func TestDegradedMatchesHealthy(t *testing.T) {
	r := rng.New(1, rng.StreamScenario)
	runs := 0
	for _, c := range geometries() {
		if c.Level == 0 {
			continue
		}
		for range 3 {
			c := c
			c.Seed = r.Uint64()
			c.BlockSize = 1 + r.IntN(40)
			c.Stripes = 1 + r.IntN(6)
			c.Requests = randomRequests(r, c.Stripes*NewGeometry(c).StripeBlocks(), 8)
			healthy, err := Run(c)
			if err != nil {
				t.Fatalf("Run(%s): %v", name(c), err)
			}
			for _, failed := range failureSets(c) {
				c.Failed, c.Rebuild = failed, true
				got, err := Run(c)
				if err != nil {
					t.Fatalf("Run(%s, failed %v): %v", name(c), failed, err)
				}
				runs++
				for i := range got.Requests {
					if !slices.Equal(got.Requests[i].Data, healthy.Requests[i].Data) {
						t.Fatalf("Run(%s, seed %d, failed %v).Requests[%d].Data = %v; want %v (healthy)",
							name(c), c.Seed, failed, i, got.Requests[i].Data, healthy.Requests[i].Data)
					}
					for _, op := range got.Requests[i].Ops {
						if slices.Contains(failed, op.Disk) {
							t.Fatalf("Run(%s, failed %v): request %d touches failed disk: %+v", name(c), failed, i, op)
						}
					}
				}
				if !got.Rebuild.Verified {
					t.Fatalf("Run(%s, seed %d, failed %v).Rebuild.Verified = false", name(c), c.Seed, failed)
				}
			}
		}
	}
	if runs < 2000 {
		t.Errorf("only %d degraded runs; want thousands", runs)
	}
}

// failureSets lists every failure the level must survive: each single disk;
// for RAID 6 every pair (data+data, data+P, data+Q and P+Q all occur as
// the parity rotates); for RAID 10 every pair from different mirrors; for
// RAID 1 every set that leaves one disk.
func failureSets(c Config) [][]int {
	var out [][]int
	for d := range c.Disks {
		out = append(out, []int{d})
		for e := d + 1; e < c.Disks; e++ {
			if c.Level == 6 || c.Level == 10 && d/2 != e/2 {
				out = append(out, []int{e, d})
			}
		}
		if c.Level == 1 && c.Disks > 2 {
			var rest []int
			for e := range c.Disks {
				if e != d {
					rest = append(rest, e)
				}
			}
			out = append(out, rest)
		}
	}
	return out
}

func randomRequests(r *rng.Rand, capacity, n int) []Request {
	out := make([]Request, n)
	for i := range out {
		b := r.IntN(capacity)
		out[i] = Request{Block: b, Count: 1 + r.IntN(min(capacity-b, 7)), Write: r.IntN(2) == 0}
	}
	return out
}
