package tournament

import (
	"cmp"
	"slices"
)

// swissRound returns the last paired round (0 before any).
func (t *Tournament) swissRound() int {
	if len(t.Matches) == 0 {
		return 0
	}
	return t.Matches[len(t.Matches)-1].Round
}

// PairNextRound pairs the next Swiss round once every match of the current
// one is decided, and returns the new match IDs. It is never called
// automatically, so the host can still correct the round's results first.
//
// Pairing rules, in priority order:
//  1. At most one bye per player: with an odd number of players the bye goes
//     to the lowest-ranked player without one, among those whose removal
//     still allows the fewest rematches. A bye scores a win.
//  2. The fewest possible rematches: never a repeated pairing while a
//     pairing without one exists (decided exactly with a maximum matching).
//  3. Within that, players are taken top-down in rank order (score, then
//     seed) and each gets the first acceptable opponent in this order: in
//     their score group, the player half a group below (1 vs ⌊g/2⌋+1, as in
//     the Dutch system), then further down the group, then back up it; then
//     the lower groups top-down (floating down).
func (t *Tournament) PairNextRound() ([]int, error) {
	const op = "pair round"
	if t.Options.Format != Swiss {
		return nil, opErr(op, 0, ErrFormat, "%s", t.Options.Format)
	}
	r := t.swissRound()
	if r >= t.SwissRounds {
		return nil, opErr(op, 0, ErrNoMoreRound, "all %d rounds paired", t.SwissRounds)
	}
	for _, m := range t.Matches {
		if m.Status == Ready || m.Status == Pending {
			return nil, opErr(op, 0, ErrRoundOpen, "match %d of round %d has no result", m.ID, r)
		}
	}
	first := len(t.Matches) + 1
	t.pairSwissRound()
	t.resolve()
	ids := make([]int, 0, len(t.Matches)-first+1)
	for id := first; id <= len(t.Matches); id++ {
		ids = append(ids, id)
	}
	return ids, nil
}

// record is one player's league record: points in half-points and the
// per-opponent history the pairing and the tie-breaks need.
type record struct {
	points                         int   // 2 a win or a Swiss bye, 1 a draw
	byes                           int   // byes received
	opp                            []int // opponents met, in round order (not byes)
	got                            []int // half-points scored against opp[i]
	wins, draws, losses, walkovers int
}

// records tallies every decided league match.
func (t *Tournament) records() []record {
	recs := make([]record, len(t.Players))
	for _, m := range t.Matches {
		switch m.Status {
		case ByeWin:
			p := m.Result.Winner
			recs[p].byes++
			if t.Options.Format == Swiss {
				recs[p].points += 2
			}
		case Done:
			for s, p := range m.Players {
				q := m.Players[1-s]
				got := 0
				switch {
				case m.Result.Draw:
					got = 1
					recs[p].draws++
				case m.Result.Winner == p:
					got = 2
					recs[p].wins++
				default:
					recs[p].losses++
					if m.Result.Walkover {
						recs[p].walkovers++
					}
				}
				recs[p].points += got
				recs[p].opp = append(recs[p].opp, q)
				recs[p].got = append(recs[p].got, got)
			}
		}
	}
	return recs
}

// pairSwissRound appends the next round's matches: the pairs in pairing
// order, then the bye.
func (t *Tournament) pairSwissRound() {
	n := len(t.Players)
	recs := t.records()
	played := make([][]bool, n)
	for p := range played {
		played[p] = make([]bool, n)
		for _, q := range recs[p].opp {
			played[p][q] = true
		}
	}
	rank := make([]int, n)
	for i := range rank {
		rank[i] = i
	}
	slices.SortStableFunc(rank, func(a, b int) int { return cmp.Compare(recs[b].points, recs[a].points) })
	score := func(p int) int { return recs[p].points }
	byePlayer := None
	if n%2 == 1 {
		byePlayer = chooseBye(rank, played, func(p int) bool { return recs[p].byes > 0 })
		rank = slices.DeleteFunc(rank, func(p int) bool { return p == byePlayer })
	}
	round := t.swissRound() + 1
	for i, pr := range pairUp(rank, score, played) {
		t.add(League, round, i, seed(pr[0]), seed(pr[1]))
	}
	if byePlayer != None {
		t.add(League, round, n/2, seed(byePlayer), bye)
	}
}

// chooseBye returns the lowest-ranked player without a bye whose removal
// leaves the most rematch-free pairs (the lowest-ranked overall if everyone
// has had one).
func chooseBye(rank []int, played [][]bool, hadBye func(int) bool) int {
	best, bestSize := None, -1
	rest := make([]int, 0, len(rank)-1)
	for i := len(rank) - 1; i >= 0; i-- {
		p := rank[i]
		if hadBye(p) {
			continue
		}
		rest = append(append(rest[:0], rank[:i]...), rank[i+1:]...)
		size := maxMatching(rest, played)
		if size > bestSize {
			best, bestSize = p, size
		}
		if size == len(rest)/2 {
			break
		}
	}
	if best == None {
		best = rank[len(rank)-1]
	}
	return best
}

// pairUp pairs an even list of players in rank order (see PairNextRound).
func pairUp(rank []int, score func(int) int, played [][]bool) [][2]int {
	target := maxMatching(rank, played)
	remaining := slices.Clone(rank)
	pairs := make([][2]int, 0, len(rank)/2)
	fresh := 0 // rematch-free pairs so far
	for len(remaining) > 0 {
		p := remaining[0]
		for _, ci := range preference(remaining, score, played) {
			c := remaining[ci]
			gain := 0
			if !played[p][c] {
				gain = 1
			}
			rest := make([]int, 0, len(remaining)-2)
			rest = append(append(rest, remaining[1:ci]...), remaining[ci+1:]...)
			// Shortcut: if the greedy completion is optimal it is exactly
			// what the step-by-step search below would choose.
			if g, gf := greedy(rest, score, played); fresh+gain+gf == target {
				return append(append(pairs, [2]int{p, c}), g...)
			}
			if fresh+gain+maxMatching(rest, played) == target {
				pairs = append(pairs, [2]int{p, c})
				fresh += gain
				remaining = rest
				break
			}
		}
	}
	return pairs
}

// greedy pairs remaining by always giving the top player its first
// preferred opponent, and returns the pairs and how many are rematch-free.
func greedy(remaining []int, score func(int) int, played [][]bool) ([][2]int, int) {
	remaining = slices.Clone(remaining)
	var pairs [][2]int
	fresh := 0
	for len(remaining) > 0 {
		ci := preference(remaining, score, played)[0]
		p, c := remaining[0], remaining[ci]
		if !played[p][c] {
			fresh++
		}
		pairs = append(pairs, [2]int{p, c})
		remaining = slices.Delete(remaining, ci, ci+1)[1:]
	}
	return pairs, fresh
}

// preference returns indices into remaining (never 0) in the order
// remaining[0] would like to meet them: opponents not met before first, each
// part in the score-group order described on PairNextRound.
func preference(remaining []int, score func(int) int, played [][]bool) []int {
	p := remaining[0]
	g := 1
	for g < len(remaining) && score(remaining[g]) == score(p) {
		g++
	}
	order := make([]int, 0, len(remaining)-1)
	for i := g / 2; i < g; i++ {
		if i > 0 {
			order = append(order, i)
		}
	}
	for i := g/2 - 1; i >= 1; i-- {
		order = append(order, i)
	}
	for i := g; i < len(remaining); i++ {
		order = append(order, i)
	}
	fresh := make([]int, 0, len(order))
	var again []int
	for _, i := range order {
		if played[p][remaining[i]] {
			again = append(again, i)
		} else {
			fresh = append(fresh, i)
		}
	}
	return append(fresh, again...)
}
