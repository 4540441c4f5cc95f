// Package tournament is the bracket logic of OS Arena's tournaments: single
// elimination, double elimination, round robin and Swiss. It is pure and
// deterministic: it does no I/O, reads no clock and owns no randomness. Time
// comes in with each result, and random seeding takes a *rand.Rand (a seeded
// math/rand/v2 PCG) that the caller owns.
//
// A Tournament is plain data with JSON tags: the store persists it as is, and
// the client draws it from State. Players are referred to by their index in
// Tournament.Players, which is the seed order (index 0 is seed 1). Matches
// are referred to by ID, which is their index in Tournament.Matches plus one.
// A match's sides come from Sources (a seed, a bye, the winner or the loser
// of an earlier match); Players and Status are derived from the sources and
// the recorded results every time a result changes.
//
// Rules the package declares (each is documented where it is implemented:
// SeedOrder, DropOrder, PairNextRound, Standings): standard recursive seeding with byes to the top seeds in
// round one; the double-elimination drop order "reverse, half shift, reverse
// each half, then natural"; the circle method for round robin; Dutch-style
// Swiss pairing within score groups with the fewest possible rematches; and
// tie-breaks Buchholz, Sonneborn–Berger, then seed for Swiss and
// Sonneborn–Berger, head-to-head, then seed for round robin.
//
// A *Tournament is not safe for concurrent use: the server owns it from one
// goroutine (the tournament's loop) and hands copies (State) to readers.
package tournament
