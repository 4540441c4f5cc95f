package tournament

import (
	"math/rand/v2"
	"slices"
	"testing"
)

func TestSeedOrder(t *testing.T) {
	tests := []struct {
		size int
		want []int
	}{
		{1, []int{0}},
		{2, []int{0, 1}},
		{4, []int{0, 3, 1, 2}},
		{8, []int{0, 7, 3, 4, 1, 6, 2, 5}},
		{16, []int{0, 15, 7, 8, 3, 12, 4, 11, 1, 14, 6, 9, 2, 13, 5, 10}},
	}
	for _, tt := range tests {
		if got := SeedOrder(tt.size); !slices.Equal(got, tt.want) {
			t.Errorf("SeedOrder(%d) = %v; want %v", tt.size, got, tt.want)
		}
	}
}

// Round one of single elimination, as 1-based seeds, for small fields.
func TestSingleRoundOneTable(t *testing.T) {
	tests := []struct {
		n    int
		want []string
	}{
		{2, []string{"1-2"}},
		{3, []string{"1-bye", "2-3"}},
		{4, []string{"1-4", "2-3"}},
		{5, []string{"1-bye", "4-5", "2-bye", "3-bye"}},
		{6, []string{"1-bye", "4-5", "2-bye", "3-6"}},
		{7, []string{"1-bye", "4-5", "2-7", "3-6"}},
		{8, []string{"1-8", "4-5", "2-7", "3-6"}},
		{11, []string{"1-bye", "8-9", "4-bye", "5-bye", "2-bye", "7-10", "3-bye", "6-11"}},
	}
	for _, tt := range tests {
		tr := mustNew(t, Options{Format: SingleElimination}, tt.n)
		if got := roundLabels(tr, Winners, 1); !slices.Equal(got, tt.want) {
			t.Errorf("n=%d round 1 = %v; want %v", tt.n, got, tt.want)
		}
	}
}

// For every n in 2..64, in both elimination formats: round one pairs seed s
// with seed N+1−s, byes go exactly to seeds 1..N−n, and no bye appears in a
// later winners' round.
func TestEliminationByesTopSeedsRoundOne(t *testing.T) {
	for _, f := range []Format{SingleElimination, DoubleElimination} {
		for n := 2; n <= 64; n++ {
			tr := mustNew(t, Options{Format: f}, n)
			size, _ := bracketSize(n)
			var byes []int
			seen := make([]int, n)
			for _, m := range tr.Matches {
				if m.Bracket != Winners {
					continue
				}
				if m.Round > 1 && (m.Players[0] == Bye || m.Players[1] == Bye) {
					t.Errorf("%s n=%d: bye in winners' round %d (match %d)", f, n, m.Round, m.ID)
				}
				if m.Round != 1 {
					continue
				}
				a, b := m.From[0], m.From[1]
				if a.Kind != FromSeed {
					t.Fatalf("%s n=%d match %d: side 0 is %v; want the better seed", f, n, m.ID, a)
				}
				seen[a.Player]++
				if b.Kind == FromBye {
					byes = append(byes, a.Player)
					if m.Status != ByeWin || m.Result.Winner != a.Player {
						t.Errorf("%s n=%d match %d: status %s; want a bye for seed %d", f, n, m.ID, m.Status, a.Player+1)
					}
					continue
				}
				seen[b.Player]++
				if a.Player+b.Player != size-1 {
					t.Errorf("%s n=%d: round one %d vs %d; want seeds summing to %d", f, n, a.Player+1, b.Player+1, size+1)
				}
			}
			slices.Sort(byes)
			want := make([]int, size-n)
			for i := range want {
				want[i] = i
			}
			if !slices.Equal(byes, want) {
				t.Errorf("%s n=%d: byes to seeds(0-based) %v; want %v", f, n, byes, want)
			}
			for p, c := range seen {
				if c != 1 {
					t.Errorf("%s n=%d: seed %d appears %d times in round one; want 1", f, n, p+1, c)
				}
			}
		}
	}
}

// With the better seed always winning, seed s meets exactly the seeds the
// standard bracket promises: in round r the survivors are the top M =
// N/2^(r−1) seeds and s meets M+1−s (1-based); s goes out when s > M/2.
func TestSingleChalkOpponents(t *testing.T) {
	for n := 2; n <= 64; n++ {
		tr := mustNew(t, Options{Format: SingleElimination}, n)
		playOut(t, tr, chalk)
		size, _ := bracketSize(n)
		got := meetings(tr)
		for s := 0; s < n; s++ {
			var want []int
			for m := size; m >= 2; m /= 2 {
				if o := m - 1 - s; o < n {
					want = append(want, o)
				}
				if s >= m/2 {
					break
				}
			}
			if !slices.Equal(got[s], want) {
				t.Errorf("n=%d seed %d met %v (0-based); want %v", n, s+1, got[s], want)
			}
		}
		if c, ok := tr.Champion(); !ok || c != 0 {
			t.Errorf("n=%d: Champion() = %d, %v; want seed 1", n, c, ok)
		}
	}
}

// Over random results, for every n: each player loses at most once, n−1
// matches are played, the champion never lost, and the top 2^r seeds can
// only meet each other in the last r rounds (so seeds 1 and 2 only in the
// final).
func TestSingleRandomProperties(t *testing.T) {
	for n := 2; n <= 64; n++ {
		for s := uint64(0); s < 20; s++ {
			tr := mustNew(t, Options{Format: SingleElimination}, n)
			playOut(t, tr, randomly(rand.New(rand.NewPCG(s, uint64(n))), false))
			_, k := bracketSize(n)
			losses := make([]int, n)
			played := 0
			for _, m := range tr.Matches {
				if m.Status != Done {
					continue
				}
				played++
				losses[m.Loser()]++
				a, b := m.Players[0], m.Players[1]
				for r := 0; r <= k; r++ { // both in the top 2^r seeds
					if a < 1<<r && b < 1<<r && m.Round <= k-r {
						t.Fatalf("n=%d seed %d: seeds %d and %d met in round %d of %d", n, s, a+1, b+1, m.Round, k)
					}
				}
			}
			if played != n-1 {
				t.Errorf("n=%d: %d matches played; want %d", n, played, n-1)
			}
			c, _ := tr.Champion()
			for p, l := range losses {
				if want := 1; p == c && l != 0 || p != c && l != want {
					t.Errorf("n=%d seed %d: player %d lost %d times (champion %d)", n, s, p+1, l, c+1)
				}
			}
		}
	}
}

// The third-place match takes the semifinal losers and splits 3rd and 4th.
func TestSingleThirdPlace(t *testing.T) {
	for n := 3; n <= 64; n++ {
		tr := mustNew(t, Options{Format: SingleElimination, ThirdPlace: true}, n)
		playOut(t, tr, chalk)
		st := tr.Standings()
		wantPlaces := []int{1, 2, 3, 4}
		if n == 3 {
			wantPlaces = []int{1, 2, 3} // seed 1's semifinal was a bye: 3rd unplayed
		}
		for i, want := range wantPlaces {
			if st[i].Player != i || st[i].Place != want {
				t.Errorf("n=%d: standings[%d] = player %d place %d; want player %d place %d", n, i, st[i].Player+1, st[i].Place, i+1, want)
			}
		}
		if n >= 8 {
			if got := st[4].Place; got != 5 {
				t.Errorf("n=%d: 5th line place %d; want 5 (shared quarterfinal place)", n, got)
			}
		}
	}
}
