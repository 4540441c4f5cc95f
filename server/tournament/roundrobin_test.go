package tournament

import (
	"slices"
	"testing"
)

// The circle method written out for four and five players.
func TestRoundRobinTable(t *testing.T) {
	tests := []struct {
		n    int
		want [][]string
	}{
		{2, [][]string{{"1-2"}}},
		{3, [][]string{{"1-bye", "2-3"}, {"3-1", "bye-2"}, {"1-2", "3-bye"}}},
		{4, [][]string{{"1-4", "2-3"}, {"3-1", "4-2"}, {"1-2", "3-4"}}},
		{5, [][]string{
			{"1-bye", "2-5", "3-4"},
			{"5-1", "bye-4", "2-3"},
			{"1-4", "5-3", "bye-2"},
			{"3-1", "4-2", "5-bye"},
			{"1-2", "3-bye", "4-5"},
		}},
	}
	for _, tt := range tests {
		tr := mustNew(t, Options{Format: RoundRobin}, tt.n)
		for r, want := range tt.want {
			if got := roundLabels(tr, League, r+1); !slices.Equal(got, want) {
				t.Errorf("n=%d round %d = %v; want %v", tt.n, r+1, got, want)
			}
		}
		if got := roundLabels(tr, League, len(tt.want)+1); got != nil {
			t.Errorf("n=%d: extra round %v", tt.n, got)
		}
	}
}

// For n = 2..64: n−1 rounds (n if odd), every pair meets exactly once,
// nobody plays twice in a round, and with odd n everyone sits out once.
func TestRoundRobinEveryPairOnce(t *testing.T) {
	for n := 2; n <= 64; n++ {
		tr := mustNew(t, Options{Format: RoundRobin}, n)
		count := make([][]int, n)
		for i := range count {
			count[i] = make([]int, n)
		}
		byes := make([]int, n)
		rounds := 0
		inRound := map[[2]int]bool{} // (round, player)
		for _, m := range tr.Matches {
			rounds = max(rounds, m.Round)
			for _, p := range m.Players {
				if p < 0 {
					continue
				}
				if inRound[[2]int{m.Round, p}] {
					t.Errorf("n=%d: player %d twice in round %d", n, p+1, m.Round)
				}
				inRound[[2]int{m.Round, p}] = true
			}
			a, b := m.Players[0], m.Players[1]
			switch {
			case a == Bye:
				byes[b]++
			case b == Bye:
				byes[a]++
			default:
				count[a][b]++
				count[b][a]++
			}
		}
		if want := roundRobinRounds(n); rounds != want {
			t.Errorf("n=%d: %d rounds; want %d", n, rounds, want)
		}
		for a := 0; a < n; a++ {
			for b := a + 1; b < n; b++ {
				if count[a][b] != 1 {
					t.Errorf("n=%d: %d and %d meet %d times; want 1", n, a+1, b+1, count[a][b])
				}
			}
			if want := n % 2; byes[a] != want {
				t.Errorf("n=%d: player %d has %d byes; want %d", n, a+1, byes[a], want)
			}
		}
	}
}

// Round-robin standings worked by hand. Four players:
//
//	1 beats 2, 1 draws 3, 4 beats 1, 2 beats 3, 2 beats 4, 3 beats 4.
//
// Scores: 1: 1+½+0 = 1½; 2: 0+1+1 = 2; 3: ½+0+1 = 1½; 4: 1+0+0 = 1.
// Sonneborn–Berger: 1: beat 2 (2) + ½·(3's 1½) = 2¾; 3: ½·(1's 1½) + beat 4
// (1) = 1¾; 2: beat 3 (1½) + beat 4 (1) = 2½; 4: beat 1 (1½).
// So 2 (2), then 1 and 3 on 1½ split by SB (2¾ > 1¾), then 4.
func TestRoundRobinStandingsByHand(t *testing.T) {
	tr := mustNew(t, Options{Format: RoundRobin}, 4)
	results := map[[2]int]Result{
		{0, 1}: {Winner: 0}, {0, 2}: {Winner: None, Draw: true}, {0, 3}: {Winner: 3},
		{1, 2}: {Winner: 1}, {1, 3}: {Winner: 1}, {2, 3}: {Winner: 2},
	}
	for _, id := range tr.Ready() {
		m := tr.match(id)
		key := [2]int{min(m.Players[0], m.Players[1]), max(m.Players[0], m.Players[1])}
		if err := tr.Record(id, results[key]); err != nil {
			t.Fatal(err)
		}
	}
	want := []Standing{
		{Player: 1, Place: 1, Score: 2, SonnebornBerger: 2.5},
		{Player: 0, Place: 2, Score: 1.5, SonnebornBerger: 2.75},
		{Player: 2, Place: 3, Score: 1.5, SonnebornBerger: 1.75},
		{Player: 3, Place: 4, Score: 1, SonnebornBerger: 1.5},
	}
	got := tr.Standings()
	for i, w := range want {
		g := got[i]
		if g.Player != w.Player || g.Place != w.Place || g.Score != w.Score || g.SonnebornBerger != w.SonnebornBerger {
			t.Errorf("standings[%d] = player %d place %d score %v SB %v; want player %d place %d score %v SB %v",
				i, g.Player+1, g.Place, g.Score, g.SonnebornBerger, w.Player+1, w.Place, w.Score, w.SonnebornBerger)
		}
	}
	if c, ok := tr.Champion(); !ok || c != 1 {
		t.Errorf("Champion() = %d, %v; want player 2", c+1, ok)
	}
}

// A three-player cycle, where everyone beats one other player, ties on every
// tie-break, so the seed decides.
func TestRoundRobinHeadToHead(t *testing.T) {
	tr := mustNew(t, Options{Format: RoundRobin}, 3)
	beats := map[[2]int]int{{0, 1}: 0, {1, 2}: 1, {0, 2}: 2} // cycle
	for _, id := range tr.Ready() {
		m := tr.match(id)
		key := [2]int{min(m.Players[0], m.Players[1]), max(m.Players[0], m.Players[1])}
		if err := tr.Record(id, Result{Winner: beats[key]}); err != nil {
			t.Fatal(err)
		}
	}
	st := tr.Standings()
	for i, s := range st {
		if s.Player != i || s.Score != 1 || s.HeadToHead != 1 {
			t.Errorf("cycle standings[%d] = %+v; want player %d, score 1, head-to-head 1", i, s, i+1)
		}
	}
}

// Over all 3^6 outcomes of a four-player round robin: whenever exactly two
// players tie on score and Sonneborn–Berger, the one who won their game is
// placed above the other.
func TestRoundRobinHeadToHeadAllOutcomes(t *testing.T) {
	checked := 0
	for code := 0; code < 729; code++ {
		tr := mustNew(t, Options{Format: RoundRobin}, 4)
		c := code
		winner := map[[2]int]int{}
		for _, id := range tr.Ready() {
			m := tr.match(id)
			r := Result{Winner: m.Players[c%3%2]}
			if c%3 == 2 {
				r = Result{Winner: None, Draw: true}
			}
			c /= 3
			key := [2]int{min(m.Players[0], m.Players[1]), max(m.Players[0], m.Players[1])}
			winner[key] = r.Winner
			if err := tr.Record(id, r); err != nil {
				t.Fatal(err)
			}
		}
		st := tr.Standings()
		for i := 0; i+1 < len(st); i++ {
			a, b := st[i], st[i+1]
			tied := func(x Standing) bool { return x.Score == a.Score && x.SonnebornBerger == a.SonnebornBerger }
			if !tied(b) || i > 0 && tied(st[i-1]) || i+2 < len(st) && tied(st[i+2]) {
				continue
			}
			checked++
			w := winner[[2]int{min(a.Player, b.Player), max(a.Player, b.Player)}]
			if w == b.Player {
				t.Errorf("outcome %d: %d placed above %d, who beat them", code, a.Player+1, b.Player+1)
			}
		}
	}
	if checked == 0 {
		t.Fatal("no two-way ties found")
	}
}
