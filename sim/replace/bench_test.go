package replace

import (
	"fmt"
	"sync"
	"testing"

	"github.com/osarena/osarena/sim/rng"
)

const benchRefs = 10_000_000

// benchString is built on first use, so plain test runs don't pay for it.
var benchString = sync.OnceValue(func() []int {
	return randomRefs(rng.New(4, 99), benchRefs, 64)
})

// BenchmarkCount runs every policy over 10 M references with 16 frames and
// reports references per second (DESIGN.md §8: ≥ 10 M/s for FIFO, LRU and
// clock; OPT in O(n log k)).
func BenchmarkCount(b *testing.B) {
	for _, p := range Policies {
		b.Run(string(p), func(b *testing.B) {
			c := Config{Policy: p, Frames: 16, Refs: benchString(), Seed: 1}
			for b.Loop() {
				if _, err := Count(c); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(benchRefs)*float64(b.N)/b.Elapsed().Seconds()/1e6, "Mrefs/s")
		})
	}
}

// BenchmarkOPTFrames shows OPT's cost grows with log k, not with k or n·k.
func BenchmarkOPTFrames(b *testing.B) {
	for _, k := range []int{4, 16, 64} {
		b.Run(fmt.Sprintf("%02dframes", k), func(b *testing.B) {
			c := Config{Policy: OPT, Frames: k, Refs: benchString()[:1_000_000]}
			for b.Loop() {
				if _, err := Count(c); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(1e6*float64(b.N)/b.Elapsed().Seconds()/1e6, "Mrefs/s")
		})
	}
}

// BenchmarkRunTrace measures the full trace (snapshots every step) that the
// client and the quiz use, on a textbook-sized string.
func BenchmarkRunTrace(b *testing.B) {
	c := Config{Policy: Clock, Frames: 4, Refs: benchString()[:1000]}
	for b.Loop() {
		if _, err := Run(c); err != nil {
			b.Fatal(err)
		}
	}
}
