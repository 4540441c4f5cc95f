package mem

import (
	"testing"

	"github.com/osarena/osarena/sim/rng"
)

// BenchmarkTranslate translates 10 M logical addresses per iteration
// through Registers.Translate (a 1 M address slice, ten times over) and reports ns
// per address.
func BenchmarkTranslate(b *testing.B) {
	const n, rounds = 1 << 20, 10
	r := rng.New(4, rng.StreamMemory)
	regs := RelocationConfig{Base: 14000, Limit: 3000, Rules: RelocationRules{Limit: LimitSize}}.Registers()
	addrs := make([]int, n)
	for i := range addrs {
		addrs[i] = r.IntN(4000)
	}
	b.ResetTimer()
	valid := 0
	for b.Loop() {
		for range rounds {
			for _, va := range addrs {
				if _, ok := regs.Translate(va); ok {
					valid++
				}
			}
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*n*rounds), "ns/address")
	if valid == 0 {
		b.Fatal("no address translated")
	}
}

// BenchmarkRunRelocation runs a scenario of MaxRelocationAddresses
// addresses, trace included, and reports ns per address.
func BenchmarkRunRelocation(b *testing.B) {
	r := rng.New(5, rng.StreamMemory)
	c := RelocationConfig{Base: 14000, Limit: 3000, Addresses: make([]int, MaxRelocationAddresses)}
	for i := range c.Addresses {
		c.Addresses[i] = r.IntN(4000)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := RunRelocation(c); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(c.Addresses)), "ns/address")
}

// benchOps is a long random op script over a 1 MB arena: allocs and frees
// of live allocations, for every policy.
func benchOps(n int) []Op {
	r := rng.New(6, rng.StreamMemory)
	var ops []Op
	var live []int
	allocated := 0
	for range n {
		if r.IntN(2) == 0 || len(live) == 0 {
			ops = append(ops, alloc(1+r.IntN(4096)))
			live = append(live, allocated)
			allocated++
		} else {
			j := r.IntN(len(live))
			ops = append(ops, free(live[j]))
			live[j] = live[len(live)-1]
			live = live[:len(live)-1]
		}
	}
	return ops
}

// BenchmarkMallocOps drives the allocator without recording a trace and
// reports ns per operation (the free list stays near 100 holes).
func BenchmarkMallocOps(b *testing.B) {
	ops := benchOps(100_000)
	for _, p := range Fits {
		b.Run(string(p), func(b *testing.B) {
			c := MallocConfig{Policy: p, Size: 1 << 20, Ops: ops[:1]}
			res, err := c.resolve()
			if err != nil {
				b.Fatal(err)
			}
			for b.Loop() {
				a := newAllocator(res)
				for _, op := range ops {
					if op.Alloc != nil {
						a.alloc(*op.Alloc)
					} else {
						a.free(*op.Free)
					}
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(ops)), "ns/op-malloc")
		})
	}
}

// BenchmarkRunMalloc runs a MaxMallocOps scenario with its full trace and
// reports ns per operation.
func BenchmarkRunMalloc(b *testing.B) {
	c := MallocConfig{Policy: BestFit, Size: 1 << 20, Ops: benchOps(MaxMallocOps)}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := RunMalloc(c); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(c.Ops)), "ns/op-malloc")
}
