package tournament

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
)

// sourceLabel writes a source as "W1.2" (winner of winners' round 1 slot 2,
// 1-based slot), "L:W1.2" (its loser), "s3" or "bye".
func sourceLabel(tr *Tournament, s Source) string {
	switch s.Kind {
	case FromSeed:
		return fmt.Sprintf("s%d", s.Player+1)
	case FromBye:
		return "bye"
	}
	m := tr.match(s.Match)
	name := map[Bracket]string{Winners: "W", Losers: "L", GrandFinal: "GF", ThirdPlace: "3P", League: "R"}[m.Bracket]
	ref := fmt.Sprintf("%s%d.%d", name, m.Round, m.Slot+1)
	if s.Kind == FromLoser {
		return "loser " + ref
	}
	return ref
}

func sourcesOf(tr *Tournament, b Bracket) []string {
	var out []string
	for i := range tr.Matches {
		if m := &tr.Matches[i]; m.Bracket == b {
			out = append(out, fmt.Sprintf("%d: %s v %s", m.Round, sourceLabel(tr, m.From[0]), sourceLabel(tr, m.From[1])))
		}
	}
	return out
}

// The losers' bracket of 8 and 16 slots, written out.
func TestDoubleLosersBracketTable(t *testing.T) {
	tests := []struct {
		n    int
		want []string
	}{
		{2, nil},
		{4, []string{
			"1: loser W1.1 v loser W1.2",
			"2: loser W2.1 v L1.1",
		}},
		{8, []string{
			"1: loser W1.1 v loser W1.2", "1: loser W1.3 v loser W1.4",
			"2: loser W2.2 v L1.1", "2: loser W2.1 v L1.2", // reversed
			"3: L2.1 v L2.2",
			"4: loser W3.1 v L3.1",
		}},
		{16, []string{
			"1: loser W1.1 v loser W1.2", "1: loser W1.3 v loser W1.4", "1: loser W1.5 v loser W1.6", "1: loser W1.7 v loser W1.8",
			"2: loser W2.4 v L1.1", "2: loser W2.3 v L1.2", "2: loser W2.2 v L1.3", "2: loser W2.1 v L1.4", // reversed
			"3: L2.1 v L2.2", "3: L2.3 v L2.4",
			"4: loser W3.2 v L3.1", "4: loser W3.1 v L3.2", // halves swapped
			"5: L4.1 v L4.2",
			"6: loser W4.1 v L5.1",
		}},
	}
	for _, tt := range tests {
		tr := mustNew(t, Options{Format: DoubleElimination}, tt.n)
		if got := sourcesOf(tr, Losers); !slices.Equal(got, tt.want) {
			t.Errorf("n=%d losers' bracket:\n got %q\nwant %q", tt.n, got, tt.want)
		}
		k := ceilLog2(tt.n)
		wantGF := []string{fmt.Sprintf("1: W%d.1 v L%d.1", k, 2*(k-1)), "2: loser GF1.1 v GF1.1"}
		if k == 1 {
			wantGF[0] = "1: W1.1 v loser W1.1"
		}
		if got := sourcesOf(tr, GrandFinal); !slices.Equal(got, wantGF) {
			t.Errorf("n=%d grand final = %q; want %q", tt.n, got, wantGF)
		}
	}
}

func TestDropOrder(t *testing.T) {
	tests := []struct {
		j, m int
		want []int
	}{
		{1, 1, []int{0}},
		{1, 4, []int{3, 2, 1, 0}},
		{2, 2, []int{1, 0}},
		{2, 8, []int{4, 5, 6, 7, 0, 1, 2, 3}},
		{3, 4, []int{1, 0, 3, 2}},
		{3, 2, []int{0, 1}}, // each half has one entry
		{3, 1, []int{0}},
		{4, 2, []int{0, 1}},
	}
	for _, tt := range tests {
		if got := DropOrder(tt.j, tt.m); !slices.Equal(got, tt.want) {
			t.Errorf("DropOrder(%d, %d) = %v; want %v", tt.j, tt.m, got, tt.want)
		}
	}
}

// Over random results for n = 2..64: every player but the champion is
// eliminated after exactly two losses, the champion has at most one, the
// reset is played exactly when the losers' champion wins the first grand
// final, and 2n−2 or 2n−1 matches are played. In losers' round 2 (the first
// drop, 8 slots or more) nobody ever meets a player they met before.
func TestDoubleRandomProperties(t *testing.T) {
	for n := 2; n <= 64; n++ {
		for s := uint64(0); s < 20; s++ {
			tr := mustNew(t, Options{Format: DoubleElimination}, n)
			playOut(t, tr, randomly(rand.New(rand.NewPCG(s, uint64(n))), false))
			losses := make([]int, n)
			played := 0
			met := map[[2]int]bool{}
			var gf1, gf2 *Match
			for i := range tr.Matches {
				m := &tr.Matches[i]
				if m.Bracket == GrandFinal {
					if m.Round == 1 {
						gf1 = m
					} else {
						gf2 = m
					}
				}
				if m.Status != Done {
					continue
				}
				played++
				l := m.Loser()
				if losses[l] == 2 {
					t.Fatalf("n=%d seed %d: player %d plays match %d after two losses", n, s, l+1, m.ID)
				}
				losses[l]++
				a, b := min(m.Players[0], m.Players[1]), max(m.Players[0], m.Players[1])
				if m.Bracket == Losers && m.Round == 2 && n > 4 && met[[2]int{a, b}] {
					t.Errorf("n=%d seed %d: rematch %d v %d in losers' round 2", n, s, a+1, b+1)
				}
				met[[2]int{a, b}] = true
			}
			c, ok := tr.Champion()
			if !ok {
				t.Fatalf("n=%d seed %d: no champion", n, s)
			}
			for p, l := range losses {
				if p == c && l > 1 || p != c && l != 2 {
					t.Errorf("n=%d seed %d: player %d has %d losses (champion %d)", n, s, p+1, l, c+1)
				}
			}
			lbWon := gf1.Result.Winner == gf1.Players[1]
			if reset := gf2.Status == Done; reset != lbWon {
				t.Errorf("n=%d seed %d: reset played %v; want %v", n, s, reset, lbWon)
			}
			if want := 2*n - 2 + btoi(lbWon); played != want {
				t.Errorf("n=%d seed %d: %d matches played; want %d", n, s, played, want)
			}
			st := tr.Standings()
			if st[0].Player != c || st[0].Place != 1 || st[1].Place != 2 || st[1].Eliminated != true {
				t.Errorf("n=%d seed %d: standings top %+v %+v; want champion %d then runner-up", n, s, st[0], st[1], c+1)
			}
		}
	}
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

// The reset: the losers' champion wins the first grand final, so a second is
// played between the same two; without that, the reset is void.
func TestDoubleGrandFinalReset(t *testing.T) {
	for _, lbWinsTwice := range []bool{false, true} {
		tr := mustNew(t, Options{Format: DoubleElimination}, 4)
		gf1 := tr.match(len(tr.Matches) - 1)
		gf2 := tr.match(len(tr.Matches))
		for gf1.Status != Ready {
			m := tr.match(tr.Ready()[0])
			if err := tr.Record(m.ID, chalk(m)); err != nil {
				t.Fatal(err)
			}
		}
		if gf1.Players != [2]int{0, 1} {
			t.Fatalf("grand final players = %v; want seeds 1 and 2", gf1.Players)
		}
		if err := tr.Record(gf1.ID, Result{Winner: 1}); err != nil {
			t.Fatal(err)
		}
		if gf2.Status != Ready || gf2.Players != [2]int{0, 1} {
			t.Fatalf("reset = %s %v; want ready, seeds 1 and 2", gf2.Status, gf2.Players)
		}
		if _, ok := tr.Champion(); ok {
			t.Errorf("champion decided before the reset")
		}
		want := 0
		if lbWinsTwice {
			want = 1
		}
		if err := tr.Record(gf2.ID, Result{Winner: want}); err != nil {
			t.Fatal(err)
		}
		if c, ok := tr.Champion(); !ok || c != want {
			t.Errorf("Champion() = %d, %v; want %d", c, ok, want)
		}
	}
	tr := mustNew(t, Options{Format: DoubleElimination}, 4)
	playOut(t, tr, chalk)
	if gf2 := tr.match(len(tr.Matches)); gf2.Status != Void {
		t.Errorf("reset after the winners' champion won: status %s; want void", gf2.Status)
	}
	wantPlaces := []int{1, 2, 3, 4}
	for i, s := range tr.Standings() {
		if s.Player != i || s.Place != wantPlaces[i] {
			t.Errorf("standings[%d] = player %d place %d; want player %d place %d", i, s.Player+1, s.Place, i+1, wantPlaces[i])
		}
	}
}

// region is a range of winners' round-one slots [lo, hi): a player who lost
// in the winners' bracket can only have met players from that subtree.
type region struct{ lo, hi int }

// rematchRisk counts the losers'-bracket matches (drops and the round after
// each) whose two sides may hold players who already met in the winners'
// bracket, for a bracket of size slots and a drop rule.
func rematchRisk(size int, drop func(j, m int) []int) int {
	k := ceilLog2(size)
	if k < 2 {
		return 0
	}
	overlap := func(a, b []region) bool {
		for _, x := range a {
			for _, y := range b {
				if x.lo < y.hi && y.lo < x.hi {
					return true
				}
			}
		}
		return false
	}
	var lb [][]region
	for i := 0; i < size/4; i++ {
		lb = append(lb, []region{{2 * i, 2*i + 1}, {2*i + 1, 2*i + 2}})
	}
	risk := 0
	for j := 1; j <= k-1; j++ {
		order := drop(j, size>>(j+1))
		var next [][]region
		for i, x := range order {
			d := []region{{x << j, (x + 1) << j}}
			if overlap(d, lb[i]) {
				risk++
			}
			next = append(next, append(slices.Clone(lb[i]), d...))
		}
		lb = next
		if len(next) >= 2 {
			lb = nil
			for i := 0; i < len(next)/2; i++ {
				if overlap(next[2*i], next[2*i+1]) {
					risk++
				}
				lb = append(lb, append(slices.Clone(next[2*i]), next[2*i+1]...))
			}
		}
	}
	return risk
}

// DropOrder's claim: the fewest risky losers'-bracket matches of all the
// usual orderings (natural for comparison), for every size 4..64.
func TestDropOrderRematches(t *testing.T) {
	natural := func(j, m int) []int { return DropOrder(99, m) }
	tests := []struct{ size, want, natural int }{
		{4, 1, 1}, {8, 2, 3}, {16, 4, 7}, {32, 6, 15}, {64, 6, 31},
	}
	for _, tt := range tests {
		if got := rematchRisk(tt.size, DropOrder); got != tt.want {
			t.Errorf("rematchRisk(%d, DropOrder) = %d; want %d", tt.size, got, tt.want)
		}
		if got := rematchRisk(tt.size, natural); got != tt.natural {
			t.Errorf("rematchRisk(%d, natural) = %d; want %d", tt.size, got, tt.natural)
		}
	}
}

// No combination of the usual orderings (natural, reverse, half shift,
// reverse each half, pair flip) has fewer risky matches than DropOrder.
func TestDropOrderIsBest(t *testing.T) {
	orderings := []func(m int) []int{
		func(m int) []int { return DropOrder(99, m) },
		func(m int) []int { return DropOrder(1, m) },
		func(m int) []int { return DropOrder(2, m) },
		func(m int) []int { return DropOrder(3, m) },
		func(m int) []int { // pair flip
			out := DropOrder(99, m)
			for i := 0; i+1 < m; i += 2 {
				out[i], out[i+1] = out[i+1], out[i]
			}
			return out
		},
	}
	for _, size := range []int{4, 8, 16, 32, 64} {
		k := ceilLog2(size)
		best := rematchRisk(size, DropOrder)
		choice := make([]int, k-1)
		for {
			got := rematchRisk(size, func(j, m int) []int { return orderings[choice[j-1]](m) })
			if got < best {
				t.Errorf("size %d: orderings %v risk %d < DropOrder's %d", size, choice, got, best)
			}
			i := 0
			for i < len(choice) && choice[i] == len(orderings)-1 {
				choice[i] = 0
				i++
			}
			if i == len(choice) {
				break
			}
			choice[i]++
		}
	}
}

// With the better seed always winning, for n = 2..64: the winners' bracket
// gives every seed the same opponents as single elimination, seed 2 comes
// back through the losers' bracket to meet seed 1 in a grand final that
// needs no reset, and the places are 1, 2, 3, 4 (shared below that).
func TestDoubleChalk(t *testing.T) {
	for n := 2; n <= 64; n++ {
		se := mustNew(t, Options{Format: SingleElimination}, n)
		playOut(t, se, chalk)
		de := mustNew(t, Options{Format: DoubleElimination}, n)
		playOut(t, de, chalk)
		want := meetings(se)
		got := make([][]int, n)
		for _, m := range de.Matches {
			if m.Bracket == Winners && m.Status == Done {
				got[m.Players[0]] = append(got[m.Players[0]], m.Players[1])
				got[m.Players[1]] = append(got[m.Players[1]], m.Players[0])
			}
		}
		for p := range n {
			if !slices.Equal(got[p], want[p]) {
				t.Errorf("n=%d seed %d winners' opponents %v; want %v", n, p+1, got[p], want[p])
			}
		}
		gf1, gf2 := de.match(len(de.Matches)-1), de.match(len(de.Matches))
		if gf1.Players != [2]int{0, 1} || gf2.Status != Void {
			t.Errorf("n=%d grand final %v, reset %s; want seeds 1 and 2, reset void", n, gf1.Players, gf2.Status)
		}
		for i, s := range de.Standings()[:min(n, 4)] {
			if s.Player != i || s.Place != i+1 {
				t.Errorf("n=%d standings[%d] = player %d place %d; want player %d place %d", n, i, s.Player+1, s.Place, i+1, i+1)
			}
		}
	}
}
