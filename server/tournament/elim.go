package tournament

// SeedOrder returns the standard bracket order of seeds (0-based) for a
// bracket of size slots, size a power of two: [0 7 3 4 1 6 2 5] for 8.
// Adjacent pairs meet in round one and seeds i and size−1−i always share a
// match; seeds 0 and 1 sit in opposite halves, so they can only meet in the
// final, and in general the top 2^r seeds can only meet each other in the
// last r rounds.
func SeedOrder(size int) []int {
	order := []int{0}
	for len(order) < size {
		m := 2 * len(order)
		next := make([]int, 0, m)
		for _, s := range order {
			next = append(next, s, m-1-s)
		}
		order = next
	}
	return order
}

// bracketSize is the smallest power of two ≥ n, and its log2.
func bracketSize(n int) (size, rounds int) {
	rounds = ceilLog2(n)
	return 1 << rounds, rounds
}

// buildWinners generates the winners' bracket: round one from SeedOrder, a
// bye where the seed is ≥ n (so byes go to the top seeds, in round one
// only), and each later match fed by the winners of two adjacent matches. It
// returns the match IDs per round.
func (t *Tournament) buildWinners(n int) [][]int {
	size, rounds := bracketSize(n)
	order := SeedOrder(size)
	side := func(s int) Source {
		if s >= n {
			return bye
		}
		return seed(s)
	}
	ids := make([][]int, rounds)
	for i := 0; i < size/2; i++ {
		ids[0] = append(ids[0], t.add(Winners, 1, i, side(order[2*i]), side(order[2*i+1])))
	}
	for r := 1; r < rounds; r++ {
		prev := ids[r-1]
		for i := 0; i < len(prev)/2; i++ {
			ids[r] = append(ids[r], t.add(Winners, r+1, i, winnerOf(prev[2*i]), winnerOf(prev[2*i+1])))
		}
	}
	return ids
}

// buildSingle generates a single-elimination bracket and, if asked and there
// are semifinals, a third-place match between their losers (a semifinal
// that was a bye gives the other semifinal's loser third place unplayed).
func (t *Tournament) buildSingle(n int) {
	ids := t.buildWinners(n)
	k := len(ids)
	if t.Options.ThirdPlace && k >= 2 {
		semis := ids[k-2]
		t.add(ThirdPlace, 1, 0, loserOf(semis[0]), loserOf(semis[1]))
	}
}

// DropOrder returns, for the losers of winners' round j+1 (j ≥ 1, m of
// them, m a power of two), which winners' match feeds losers'-bracket match
// i of losers' round 2j: out[i] is a 0-based slot in winners' round j+1.
//
// The rule is "reverse, half shift, reverse each half, then natural": j = 1
// reverses the order, j = 2 swaps the halves, j = 3 reverses each half, and
// later drops (only the last one or two: they have one or two matches) keep
// the natural order. Of all combinations of natural, reverse, half shift,
// reverse-each-half and pair flip, this one has the fewest places where a
// dropped player can meet someone they already met in the winners' bracket,
// counting both the drop match and the next losers' round, for every bracket
// of 4 to 64 slots (TestDropOrderRematches measures it).
func DropOrder(j, m int) []int {
	out := make([]int, m)
	for i := range out {
		switch j {
		case 1:
			out[i] = m - 1 - i
		case 2:
			out[i] = (i + m/2) % m
		case 3:
			h := max(m/2, 1)
			out[i] = (i/h)*h + h - 1 - i%h
		default:
			out[i] = i
		}
	}
	return out
}

// buildDouble generates a double-elimination bracket of size 2^k slots:
//   - the winners' bracket as in single elimination (k rounds);
//   - losers' round 1: the losers of winners' round-one matches 2i and 2i+1;
//   - losers' round 2j (j = 1..k−1): the loser of winners' round j+1 match
//     DropOrder(j)[i] (side 0) against the winner of losers' match i of the
//     round before (side 1);
//   - losers' round 2j+1 (j < k−1): winners of losers' round 2j matches 2i
//     and 2i+1;
//   - the grand final: the winners' champion (side 0) against the losers'
//     champion (side 1), and a reset with the same two players that is
//     played only if the losers' champion wins the first.
//
// With two players there is no losers' bracket: the grand final is the
// winners' final's loser getting a second chance. A round-one bye leaves an
// empty slot in the losers' bracket, and the player facing it advances
// unplayed (in losers' rounds 1 and 2 only).
func (t *Tournament) buildDouble(n int) {
	w := t.buildWinners(n)
	k := len(w)
	lbChampion := loserOf(w[0][0])
	if k >= 2 {
		var prev []int
		for i := 0; i < len(w[0])/2; i++ {
			prev = append(prev, t.add(Losers, 1, i, loserOf(w[0][2*i]), loserOf(w[0][2*i+1])))
		}
		for j := 1; j <= k-1; j++ {
			drop := DropOrder(j, len(w[j]))
			var cur []int
			for i := range w[j] {
				cur = append(cur, t.add(Losers, 2*j, i, loserOf(w[j][drop[i]]), winnerOf(prev[i])))
			}
			prev = cur
			if j < k-1 {
				cur = nil
				for i := 0; i < len(prev)/2; i++ {
					cur = append(cur, t.add(Losers, 2*j+1, i, winnerOf(prev[2*i]), winnerOf(prev[2*i+1])))
				}
				prev = cur
			}
		}
		lbChampion = winnerOf(prev[0])
	}
	gf := t.add(GrandFinal, 1, 0, winnerOf(w[k-1][0]), lbChampion)
	// The reset keeps the sides: it exists only when side 1 won the first.
	t.add(GrandFinal, 2, 0, loserOf(gf), winnerOf(gf))
}

// buildRoundRobin generates every round with the circle method: player 0
// stays put, the others rotate one place per round, and in each round the
// i-th from the front meets the i-th from the back. With an odd n a phantom
// joins and whoever meets it has a bye that round (a bye scores nothing in
// round robin: everyone gets exactly one). Player 0 alternates sides.
func (t *Tournament) buildRoundRobin(n int) {
	m := n + n%2
	ring := make([]int, m)
	for i := range ring {
		ring[i] = i
	}
	side := func(p int) Source {
		if p >= n {
			return bye
		}
		return seed(p)
	}
	for r := 0; r < m-1; r++ {
		for i := 0; i < m/2; i++ {
			a, b := ring[i], ring[m-1-i]
			if i == 0 && r%2 == 1 {
				a, b = b, a
			}
			t.add(League, r+1, i, side(a), side(b))
		}
		last := ring[m-1]
		copy(ring[2:], ring[1:m-1])
		ring[1] = last
	}
}
