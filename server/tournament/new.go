package tournament

import "math/bits"

// New creates a tournament for players in seed order (use SeedByRating,
// SeedByOrder or SeedRandom first). Elimination brackets and the round-robin
// schedule are generated in full; a Swiss tournament gets its first round and
// PairNextRound pairs the others. Byes are resolved at once.
func New(opts Options, players []Entrant) (*Tournament, error) {
	n := len(players)
	if n < 2 || n > MaxPlayers {
		return nil, opErr("new", 0, ErrPlayers, "%d players, want 2 to %d", n, MaxPlayers)
	}
	seen := make(map[string]bool, n)
	for _, p := range players {
		if p.ID == "" || seen[p.ID] {
			return nil, opErr("new", 0, ErrPlayers, "player id %q empty or repeated", p.ID)
		}
		seen[p.ID] = true
	}
	if opts.ThirdPlace && opts.Format != SingleElimination {
		return nil, opErr("new", 0, ErrOptions, "third-place match is for single elimination")
	}
	if opts.Rounds != 0 && opts.Format != Swiss {
		return nil, opErr("new", 0, ErrOptions, "rounds is for Swiss")
	}
	t := &Tournament{Options: opts, Players: append([]Entrant(nil), players...)}
	switch opts.Format {
	case SingleElimination:
		t.buildSingle(n)
	case DoubleElimination:
		t.buildDouble(n)
	case RoundRobin:
		t.buildRoundRobin(n)
	case Swiss:
		rounds := opts.Rounds
		if rounds == 0 {
			rounds = ceilLog2(n)
		}
		if rounds < 1 || rounds > roundRobinRounds(n) {
			return nil, opErr("new", 0, ErrOptions, "%d Swiss rounds for %d players, want 1 to %d", rounds, n, roundRobinRounds(n))
		}
		t.SwissRounds = rounds
		t.pairSwissRound()
	default:
		return nil, opErr("new", 0, ErrOptions, "unknown format %q", opts.Format)
	}
	t.resolve()
	return t, nil
}

// ceilLog2 returns ⌈log2 n⌉ for n ≥ 1.
func ceilLog2(n int) int { return bits.Len(uint(n - 1)) }

// roundRobinRounds is the number of rounds of a full round robin.
func roundRobinRounds(n int) int {
	if n%2 == 1 {
		return n
	}
	return n - 1
}

// add appends a match and returns its ID.
func (t *Tournament) add(b Bracket, round, slot int, a, c Source) int {
	id := len(t.Matches) + 1
	t.Matches = append(t.Matches, Match{
		ID: id, Bracket: b, Round: round, Slot: slot,
		From: [2]Source{a, c}, Players: [2]int{None, None}, Status: Pending,
	})
	return id
}

func seed(p int) Source     { return Source{Kind: FromSeed, Player: p} }
func winnerOf(m int) Source { return Source{Kind: FromWinner, Match: m} }
func loserOf(m int) Source  { return Source{Kind: FromLoser, Match: m} }

var bye = Source{Kind: FromBye}
