package paging

import (
	"testing"

	"github.com/osarena/osarena/sim/rng"
)

// The benchmarks translate one address per iteration, so ns/op is ns per
// address; run with -benchtime 10000000x for 10 M addresses.

func benchAddrs(n, space int) []int {
	r := rng.New(7, 99)
	out := make([]int, n)
	for i := range out {
		out[i] = r.IntN(space)
	}
	return out
}

func BenchmarkLinear(b *testing.B) {
	table := randomTable(rng.New(8, 99), 1024, 4096)
	addrs := benchAddrs(1<<16, 1024*4096)
	b.ResetTimer()
	for i := range b.N {
		Translate(table, 4096, addrs[i&(1<<16-1)], Read)
	}
}

func BenchmarkTLB(b *testing.B) {
	c, err := TLBConfig{Entries: 64, Policy: TLBLRU, PageSize: 4096, Accesses: []Access{At(0)}}.resolve()
	if err != nil {
		b.Fatal(err)
	}
	tl := newTLB(c)
	// Locality: 128 pages in play, so both hits and misses happen.
	addrs := benchAddrs(1<<16, 128*4096)
	b.ResetTimer()
	for i := range b.N {
		tl.step(At(addrs[i&(1<<16-1)]))
	}
}

func BenchmarkPagewalk(b *testing.B) {
	f := PTEFormat{Bytes: 2, ValidMask: 0x8000, PFNMask: 0x0ff0}
	levels := []int{2, 2, 2, 2} // 4 levels, 256 pages of 64 bytes
	r := rng.New(9, 99)
	mapping := make([]int, 256)
	for i := range mapping {
		mapping[i] = r.IntN(200)
	}
	c := WalkConfig{PageSize: 64, VABits: 14, Levels: levels, PTE: f, Memory: buildImage(levels, 64, f, mapping, 256), Addresses: []Access{At(0)}}
	rules, mem, err := c.resolve()
	if err != nil {
		b.Fatal(err)
	}
	w := newWalker(c, rules, mem)
	addrs := benchAddrs(1<<16, 1<<14)
	b.ResetTimer()
	for i := range b.N {
		w.translate(addrs[i&(1<<16-1)], nil)
	}
}

func BenchmarkHashed(b *testing.B) {
	c := HashedConfig{Buckets: 256, PageSize: 4096, Accesses: []Access{At(0)}}
	for p := range 1024 {
		c.Mappings = append(c.Mappings, Pair{Page: p, Frame: p})
	}
	c, err := c.resolve()
	if err != nil {
		b.Fatal(err)
	}
	h := newHashed(c) // chains of 4
	addrs := benchAddrs(1<<16, 1024)
	b.ResetTimer()
	for i := range b.N {
		h.lookup(0, addrs[i&(1<<16-1)])
	}
}

func BenchmarkInverted(b *testing.B) {
	frames := make([]*Owner, 64)
	for f := range frames {
		frames[f] = &Owner{PID: f % 2, Page: f / 2}
	}
	addrs := benchAddrs(1<<16, 32)
	b.ResetTimer()
	for i := range b.N {
		a := addrs[i&(1<<16-1)]
		invertedLookup(frames, a%2, a)
	}
}
