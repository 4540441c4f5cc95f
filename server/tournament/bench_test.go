package tournament

import (
	"math/rand/v2"
	"testing"
)

// Generating a 64-player bracket of each format (Swiss: its first round).
func BenchmarkNew64(b *testing.B) {
	for _, f := range []Format{SingleElimination, DoubleElimination, RoundRobin, Swiss} {
		b.Run(string(f), func(b *testing.B) {
			ps := players(64)
			for b.Loop() {
				if _, err := New(Options{Format: f}, ps); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// A whole 64-player Swiss (6 rounds) with random results.
func BenchmarkSwissFull64(b *testing.B) {
	r := rand.New(rand.NewPCG(1, 1))
	for b.Loop() {
		tr := mustNew(b, Options{Format: Swiss}, 64)
		playOut(b, tr, randomly(r, true))
	}
}

// A whole 63-player Swiss with the maximum 63 rounds: the pairing has to
// work around many past meetings.
func BenchmarkSwissFull63AllRounds(b *testing.B) {
	r := rand.New(rand.NewPCG(1, 1))
	for b.Loop() {
		tr := mustNew(b, Options{Format: Swiss, Rounds: 63}, 63)
		playOut(b, tr, randomly(r, true))
	}
}

// Playing out a 64-player double elimination, result by result.
func BenchmarkDoubleFull64(b *testing.B) {
	r := rand.New(rand.NewPCG(1, 1))
	for b.Loop() {
		tr := mustNew(b, Options{Format: DoubleElimination}, 64)
		playOut(b, tr, randomly(r, false))
	}
}
