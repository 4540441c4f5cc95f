// Package rng provides the seeded random streams every simulator and the
// quiz draw from. A stream is a PCG generator from math/rand/v2 keyed by a
// seed and a stream number, so two consumers of one seed (say, the scenario
// generator and the distractor picker) never disturb each other, and the same
// (seed, stream) yields the same numbers on every platform, native or wasm.
//
// Nothing in sim/ may use the global source of math/rand; take a *Rand
// instead. A *Rand is not safe for concurrent use.
package rng

import "math/rand/v2"

// Stream numbers used across sim/. Each consumer owns one so that adding a
// draw in one place does not shift the numbers another place sees.
const (
	StreamReplace  uint64 = 1 + iota // random page replacement victims
	StreamScenario                   // quiz scenario generation
	StreamChoices                    // quiz distractor order
	StreamDisk                       // disk request generation
	StreamRAID                       // RAID block contents
	StreamMemory                     // memory layout generation
	StreamFS                         // file-system scenario generation
)

// Rand is a deterministic random source.
type Rand struct {
	*rand.Rand
}

// New returns the stream numbered stream of seed.
func New(seed, stream uint64) *Rand {
	// The second PCG word mixes the stream with a fixed odd constant so that
	// seed 0 stream 0 is not the all-zero state.
	return &Rand{rand.New(rand.NewPCG(seed, stream*0x9E3779B97F4A7C15+0xDA942042E4DD58B5))}
}
