package raid

import (
	"bytes"
	"slices"
	"testing"

	"github.com/osarena/osarena/sim/rng"
)

// Small writes touch exactly the disks their method needs and the method is
// the one the rule picks: with fewer-reads, read-modify-write exactly when
// it needs no more reads than reconstruct-write.
func TestSmallWritePlans(t *testing.T) {
	r := rng.New(3, rng.StreamScenario)
	checked := 0
	for _, rule := range []string{FewerReads, AlwaysRMW, AlwaysReconstruct} {
		for _, c := range geometries() {
			if c.Level != 4 && c.Level != 5 && c.Level != 6 || c.Chunk != 1 {
				continue
			}
			g := NewGeometry(c)
			m, k := g.DataChunks(), c.Disks-g.DataChunks()
			c.Rules = Rules{SmallWrite: rule}
			c.Stripes = 2 * c.Disks
			for range 40 {
				s := r.IntN(c.Stripes)
				start := r.IntN(m)
				count := 1 + r.IntN(m-start)
				c.Requests = []Request{{Block: s*m + start, Count: count, Write: true}}
				tr, err := Run(c)
				if err != nil {
					t.Fatalf("Run(%s): %v", name(c), err)
				}
				rows := tr.Requests[0].Rows
				if len(rows) != 1 {
					t.Fatalf("Run(%s, %+v) rows = %d; want 1", name(c), c.Requests[0], len(rows))
				}
				row := rows[0]
				p, q := g.Parity(s)
				var req, rest []int
				for d := range m {
					if d >= start && d < start+count {
						req = append(req, g.DataDisk(s, d))
					} else {
						rest = append(rest, g.DataDisk(s, d))
					}
				}
				parity := []int{p}
				if q >= 0 {
					parity = append(parity, q)
				}
				want := MethodFullStripe
				if count < m {
					if row.RMWReads == nil || *row.RMWReads != count+k || row.ReconstructReads == nil || *row.ReconstructReads != m-count {
						t.Fatalf("Run(%s, %+v) rmw/rcw reads = %v/%v; want %d/%d", name(c), c.Requests[0], row.RMWReads, row.ReconstructReads, count+k, m-count)
					}
					switch {
					case rule == AlwaysRMW || rule == FewerReads && count+k <= m-count:
						want = MethodRMW
					default:
						want = MethodReconstruct
					}
				}
				var wantReads []int
				switch want {
				case MethodRMW:
					wantReads = append(slices.Clone(req), parity...)
				case MethodReconstruct:
					wantReads = rest
				}
				wantWrites := append(slices.Clone(req), parity...)
				slices.Sort(wantReads)
				slices.Sort(wantWrites)
				gotReads, gotWrites := opDisks(tr.Requests[0].Ops)
				if row.Method != want || !slices.Equal(gotReads, wantReads) || !slices.Equal(gotWrites, wantWrites) {
					t.Fatalf("Run(%s, rule %s, write %d×%d in stripe %d) = %s reads %v writes %v; want %s reads %v writes %v",
						name(c), rule, start, count, s, row.Method, gotReads, gotWrites, want, wantReads, wantWrites)
				}
				checked++
			}
		}
	}
	if checked < 1000 {
		t.Errorf("checked %d plans; want thousands", checked)
	}
}

// opDisks returns the disks read and written, each ascending.
func opDisks(ops []Op) (reads, writes []int) {
	reads, writes = []int{}, []int{}
	for _, o := range ops {
		if o.Op == OpRead {
			reads = append(reads, o.Disk)
		} else {
			writes = append(writes, o.Disk)
		}
	}
	slices.Sort(reads)
	slices.Sort(writes)
	return reads, writes
}

// After any requests, every surviving disk holds exactly what the logical
// contents say (copies and parity included), reads return what was last
// written, and after a rebuild the whole array is consistent again.
func TestArrayConsistent(t *testing.T) {
	r := rng.New(4, rng.StreamScenario)
	for _, c := range geometries() {
		for _, failed := range append([][]int{nil}, failureSets(c)...) {
			if c.Level == 0 && failed != nil {
				continue
			}
			c := c
			c.Seed, c.Stripes, c.BlockSize, c.Failed, c.Rebuild = r.Uint64(), 1+r.IntN(5), 1+r.IntN(20), failed, failed != nil
			c.Requests = randomRequests(r, c.Stripes*NewGeometry(c).StripeBlocks(), 6)
			c, err := c.resolve()
			if err != nil {
				t.Fatalf("resolve(%s): %v", name(c), err)
			}
			a := newArray(c)
			p := newPlanner(a, c.Rules.SmallWrite)
			model := map[int]string{}
			for i, rq := range c.Requests {
				rt := p.request(rq)
				for j, h := range rt.Data {
					b := rq.Block + j
					if want, ok := model[b]; ok && !rq.Write && h != want {
						t.Fatalf("%s failed %v: request %d read block %d = %s; want %s (last written)", name(c), failed, i, b, h, want)
					}
					if want := hexOf(a.logical(b)); h != want {
						t.Fatalf("%s failed %v: request %d block %d data %s; logical %s", name(c), failed, i, b, h, want)
					}
					model[b] = h
				}
				checkDisks(t, a, name(c))
			}
			if c.Rebuild {
				if rb := p.rebuild(c.Failed); !rb.Verified {
					t.Fatalf("%s failed %v: rebuild not verified", name(c), failed)
				}
				if slices.Contains(a.failed, true) {
					t.Fatalf("%s failed %v: disks still failed after the rebuild", name(c), failed)
				}
				checkDisks(t, a, name(c))
			}
		}
	}
}

// checkDisks compares every working disk with the contents the logical
// blocks imply.
func checkDisks(t *testing.T, a *array, what string) {
	t.Helper()
	want := make([]byte, a.g.Disks*a.rows*a.bs)
	for o := range a.rows {
		a.writeRow(o, want)
	}
	for d := range a.g.Disks {
		if a.failed[d] {
			continue
		}
		for o := range a.rows {
			i := (d*a.rows + o) * a.bs
			if got := a.block(d, o); !bytes.Equal(got, want[i:i+a.bs]) {
				t.Fatalf("%s: disk %d offset %d = %x; want %x", what, d, o, got, want[i:i+a.bs])
			}
		}
	}
}
