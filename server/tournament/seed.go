package tournament

import (
	"cmp"
	"math/rand/v2"
	"slices"
)

// SeedByRating returns a copy of entrants ordered for seeding by past
// results: higher Rating first, equal ratings in the order given. Pass the
// entrants in registration order, so that ties (everyone without a history,
// say) go to whoever registered first. IDs are never compared: "10" and "9"
// are only names.
func SeedByRating(entrants []Entrant) []Entrant {
	out := slices.Clone(entrants)
	slices.SortStableFunc(out, func(a, b Entrant) int { return cmp.Compare(b.Rating, a.Rating) })
	return out
}

// SeedByOrder returns entrants in the host's order: ids must name every
// entrant exactly once, seed 1 first.
func SeedByOrder(entrants []Entrant, ids []string) ([]Entrant, error) {
	if len(ids) != len(entrants) {
		return nil, opErr("seed", 0, ErrPlayers, "order names %d players, %d registered", len(ids), len(entrants))
	}
	byID := make(map[string]int, len(entrants))
	for i, e := range entrants {
		byID[e.ID] = i
	}
	out := make([]Entrant, 0, len(ids))
	used := make([]bool, len(entrants))
	for _, id := range ids {
		i, ok := byID[id]
		if !ok || used[i] {
			return nil, opErr("seed", 0, ErrPlayers, "order names %q unknown or twice", id)
		}
		used[i] = true
		out = append(out, entrants[i])
	}
	return out, nil
}

// SeedRandom returns entrants shuffled by r (a seeded PCG the caller owns).
// The same r state and the same input order give the same seeding; the input
// is first sorted by ID so that registration order does not matter either.
func SeedRandom(entrants []Entrant, r *rand.Rand) []Entrant {
	out := slices.Clone(entrants)
	slices.SortStableFunc(out, func(a, b Entrant) int { return cmp.Compare(a.ID, b.ID) })
	r.Shuffle(len(out), func(i, j int) { out[i], out[j] = out[j], out[i] })
	return out
}
