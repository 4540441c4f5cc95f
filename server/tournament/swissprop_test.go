package tournament

import (
	"errors"
	"math/rand/v2"
	"testing"
)

// Buchholz and Sonneborn–Berger worked by hand, byes included. Five players:
//
//	R1: 1-3 (3 wins), 2-4 (2 wins), 5 bye
//	R2: 2-3 (2 wins), 5-1 (1 wins), 4 bye
//	scores: 2: 2; 1, 3, 4, 5: 1 each (4 and 5 from their byes)
//	Buchholz: 2: 4(1)+3(1) = 2; 3: 1(1)+2(2) = 3; 1: 3(1)+5(1) = 2;
//	          4: 2(2) = 2; 5: 1(1) = 1 (a bye adds nothing)
//	SB (tie 1 v 4 on Buchholz 2): 1 beat 5 (1) = 1; 4 beat nobody = 0.
//
// So 2, 3, 1, 4, 5: Buchholz lifts 3 over 1 and drops 5 under 4.
func TestSwissBuchholzByHand(t *testing.T) {
	tr := mustNew(t, Options{Format: Swiss}, 5)
	recordAll(t, tr, 3, 2)
	nextRound(t, tr)
	recordAll(t, tr, 2, 1)
	want := []Standing{
		{Player: 1, Score: 2, Buchholz: 2, SonnebornBerger: 2},
		{Player: 2, Score: 1, Buchholz: 3, SonnebornBerger: 1},
		{Player: 0, Score: 1, Buchholz: 2, SonnebornBerger: 1},
		{Player: 3, Score: 1, Buchholz: 2, SonnebornBerger: 0},
		{Player: 4, Score: 1, Buchholz: 1, SonnebornBerger: 0},
	}
	for i, g := range tr.Standings() {
		w := want[i]
		if g.Player != w.Player || g.Place != i+1 || g.Score != w.Score || g.Buchholz != w.Buchholz || g.SonnebornBerger != w.SonnebornBerger {
			t.Errorf("standings[%d] = player %d place %d score %v BH %v SB %v; want player %d place %d score %v BH %v SB %v",
				i, g.Player+1, g.Place, g.Score, g.Buchholz, g.SonnebornBerger, w.Player+1, i+1, w.Score, w.Buchholz, w.SonnebornBerger)
		}
	}
}

// A four-player, three-round Swiss with a draw, worked by hand:
//
//	R1 1-3 (1), 2-4 (4); R2 1-4 (draw), 2-3 (3); R3 1-2 (2), 4-3 (4)
//	scores 4: 2½, 1: 1½, 2: 1, 3: 1
//	Buchholz 4: 2+1+3 = 1+1½+1 = 3½; 1: 1+2½+1 = 4½; 2: 2½+1+1½ = 5; 3: 1½+1+2½ = 5
//	SB 4: 1 + ½·1½ + 1 = 2¾; 1: 1 + ½·2½ = 2¼; 2: 1½; 3: 1
func TestSwissDrawsByHand(t *testing.T) {
	tr := mustNew(t, Options{Format: Swiss, Rounds: 3}, 4)
	recordAll(t, tr, 1, 4)
	nextRound(t, tr)
	recordAll(t, tr, 0, 3)
	nextRound(t, tr)
	if got := roundLabels(tr, League, 3); len(got) != 2 || got[0] != "1-2" || got[1] != "4-3" {
		t.Fatalf("round 3 = %v; want [1-2 4-3]", got)
	}
	recordAll(t, tr, 2, 4)
	want := []Standing{
		{Player: 3, Score: 2.5, Buchholz: 3.5, SonnebornBerger: 2.75},
		{Player: 0, Score: 1.5, Buchholz: 4.5, SonnebornBerger: 2.25},
		{Player: 1, Score: 1, Buchholz: 5, SonnebornBerger: 1.5},
		{Player: 2, Score: 1, Buchholz: 5, SonnebornBerger: 1},
	}
	for i, g := range tr.Standings() {
		w := want[i]
		if g.Player != w.Player || g.Score != w.Score || g.Buchholz != w.Buchholz || g.SonnebornBerger != w.SonnebornBerger {
			t.Errorf("standings[%d] = player %d score %v BH %v SB %v; want player %d score %v BH %v SB %v",
				i, g.Player+1, g.Score, g.Buchholz, g.SonnebornBerger, w.Player+1, w.Score, w.Buchholz, w.SonnebornBerger)
		}
	}
	if c, ok := tr.Champion(); !ok || c != 3 {
		t.Errorf("Champion() = %d, %v; want player 4", c+1, ok)
	}
}

// swissRank mirrors the pairing order (score, then seed) for the checks.
func swissRank(tr *Tournament) []int {
	recs := tr.records()
	var rank []int
	for pts := 2 * len(tr.Matches); pts >= 0; pts-- {
		for p := range recs {
			if recs[p].points == pts {
				rank = append(rank, p)
			}
		}
	}
	return rank
}

// The property: over thousands of seeded random result sequences (with
// draws) for n = 2..64 and the default ⌈log2 n⌉ rounds, no pairing is ever
// repeated, nobody gets two byes, everybody plays once per round, and the
// bye goes to the lowest-ranked player without one (unless that would force
// a rematch).
func TestSwissNoRematchProperty(t *testing.T) {
	seeds := uint64(40)
	if testing.Short() {
		seeds = 5
	}
	for n := 2; n <= 64; n++ {
		for s := uint64(0); s < seeds; s++ {
			r := rand.New(rand.NewPCG(s, uint64(n)))
			tr := mustNew(t, Options{Format: Swiss}, n)
			pick := randomly(r, true)
			for round := 1; ; round++ {
				checkSwissRound(t, tr, round, n, s)
				for _, id := range tr.Ready() {
					if err := tr.Record(id, pick(tr.match(id))); err != nil {
						t.Fatal(err)
					}
				}
				if round == tr.SwissRounds {
					break
				}
				nextRoundWithByeCheck(t, tr, n, s)
			}
			if _, ok := tr.Champion(); !ok {
				t.Fatalf("n=%d seed %d: no champion after %d rounds", n, s, tr.SwissRounds)
			}
		}
	}
}

func checkSwissRound(t *testing.T, tr *Tournament, round, n int, s uint64) {
	t.Helper()
	met := map[[2]int]int{}
	byes := make([]int, n)
	seen := make([]int, n)
	for _, m := range tr.Matches {
		a, b := m.Players[0], m.Players[1]
		if m.Round == round {
			seen[a]++
			if b >= 0 {
				seen[b]++
			}
		}
		if b == Bye {
			byes[a]++
			continue
		}
		met[[2]int{min(a, b), max(a, b)}]++
	}
	for pair, c := range met {
		if c > 1 {
			t.Fatalf("n=%d seed %d round %d: %d and %d met %d times", n, s, round, pair[0]+1, pair[1]+1, c)
		}
	}
	for p := range n {
		if byes[p] > 1 || seen[p] != 1 {
			t.Fatalf("n=%d seed %d round %d: player %d has %d byes and %d matches this round", n, s, round, p+1, byes[p], seen[p])
		}
	}
}

// nextRoundWithByeCheck pairs the next round and checks who got the bye.
func nextRoundWithByeCheck(t *testing.T, tr *Tournament, n int, s uint64) {
	t.Helper()
	rank := swissRank(tr)
	recs := tr.records()
	nextRound(t, tr)
	if n%2 == 0 {
		return
	}
	last := tr.Matches[len(tr.Matches)-1]
	if last.Players[1] != Bye {
		t.Fatalf("n=%d seed %d: last match of the round is %v; want the bye", n, s, last.Players)
	}
	for i := len(rank) - 1; i >= 0; i-- {
		p := rank[i]
		if recs[p].byes > 0 {
			continue
		}
		if p != last.Players[0] {
			t.Errorf("n=%d seed %d round %d: bye to %d; want %d, the lowest-ranked without one", n, s, last.Round, last.Players[0]+1, p+1)
		}
		return
	}
}

// Past the default number of rounds rematches can become unavoidable; then
// a round has exactly as few as possible. Checked against brute force over
// every bye choice and every pairing, for n = 2..10 and every round a full
// round robin would have, over random results.
func TestSwissFewestRematches(t *testing.T) {
	for n := 2; n <= 10; n++ {
		for s := uint64(0); s < 30; s++ {
			r := rand.New(rand.NewPCG(s, 99))
			tr := mustNew(t, Options{Format: Swiss, Rounds: roundRobinRounds(n)}, n)
			for round := 1; ; round++ {
				recs := tr.records()
				played := make([][]bool, n)
				for p := range played {
					played[p] = make([]bool, n)
				}
				for _, m := range tr.Matches {
					if m.Round < round && m.Players[1] >= 0 {
						played[m.Players[0]][m.Players[1]] = true
						played[m.Players[1]][m.Players[0]] = true
					}
				}
				got := 0
				for _, m := range tr.Matches {
					if m.Round == round && m.Players[1] >= 0 && played[m.Players[0]][m.Players[1]] {
						got++
					}
				}
				want := bruteMinRematches(n, played, func(p int) bool { return recs[p].byes == 0 })
				if round > 1 && got != want {
					t.Errorf("n=%d seed %d round %d: %d rematches; want %d (the fewest possible)", n, s, round, got, want)
				}
				for _, id := range tr.Ready() {
					if err := tr.Record(id, randomly(r, false)(tr.match(id))); err != nil {
						t.Fatal(err)
					}
				}
				if round == tr.SwissRounds {
					break
				}
				nextRound(t, tr)
			}
		}
	}
}

// bruteMinRematches is the fewest rematches of any pairing of 0..n−1, with a
// bye to a player for whom eligible is true if n is odd (to anyone if no
// one is eligible).
func bruteMinRematches(n int, played [][]bool, eligible func(int) bool) int {
	var best func(left []int) int
	best = func(left []int) int {
		if len(left) == 0 {
			return 0
		}
		b := 1 << 30
		for i := 1; i < len(left); i++ {
			rest := append(append([]int{}, left[1:i]...), left[i+1:]...)
			c := best(rest)
			if played[left[0]][left[i]] {
				c++
			}
			b = min(b, c)
		}
		return b
	}
	all := make([]int, n)
	for i := range all {
		all[i] = i
	}
	if n%2 == 0 {
		return best(all)
	}
	b, any := 1<<30, false
	for pass := 0; pass < 2 && !any; pass++ {
		for p := range n {
			if pass == 0 && !eligible(p) {
				continue
			}
			any = true
			rest := append(append([]int{}, all[:p]...), all[p+1:]...)
			b = min(b, best(rest))
		}
	}
	return b
}

// maxMatching agrees with brute force on random graphs.
func TestMaxMatching(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 7))
	for trial := 0; trial < 2000; trial++ {
		n := r.IntN(13)
		played := make([][]bool, n)
		for i := range played {
			played[i] = make([]bool, n)
		}
		density := r.Float64()
		for i := 0; i < n; i++ {
			for j := i + 1; j < n; j++ {
				if r.Float64() < density {
					played[i][j], played[j][i] = true, true
				}
			}
		}
		vs := make([]int, n)
		for i := range vs {
			vs[i] = i
		}
		if got, want := maxMatching(vs, played), bruteMatching(vs, played); got != want {
			t.Fatalf("trial %d: maxMatching = %d; want %d", trial, got, want)
		}
	}
}

func bruteMatching(vs []int, played [][]bool) int {
	if len(vs) < 2 {
		return 0
	}
	best := bruteMatching(vs[1:], played) // vs[0] unmatched
	for i := 1; i < len(vs); i++ {
		if !played[vs[0]][vs[i]] {
			rest := append(append([]int{}, vs[1:i]...), vs[i+1:]...)
			best = max(best, 1+bruteMatching(rest, played))
		}
	}
	return best
}

// A Swiss result can be corrected until the next round is paired.
func TestSwissCorrectOnlyBeforeNextRound(t *testing.T) {
	tr := mustNew(t, Options{Format: Swiss}, 8)
	recordAll(t, tr, 1, 2, 3, 4)
	if undone, err := tr.Correct(1, Result{Winner: 4}); err != nil || len(undone) != 0 {
		t.Fatalf("Correct(1) before pairing = %v, %v; want no error, nothing undone", undone, err)
	}
	nextRound(t, tr)
	if got := roundLabels(tr, League, 2)[0]; got != "2-4" {
		t.Errorf("round 2 top board = %s; want 2-4 (5 beat 1 after the correction)", got)
	}
	_, err := tr.Correct(2, Result{Winner: 5})
	if !errors.Is(err, ErrLaterRound) {
		t.Fatalf("Correct(2) after pairing: error %v; want ErrLaterRound", err)
	}
	want := "tournament: correct result: match 2: a later round has already been paired: match is in round 1, round 2 is paired"
	if err.Error() != want {
		t.Errorf("error = %q; want %q", err, want)
	}
}
