package tournament

import (
	"slices"
	"testing"
)

// recordAll records the results of the current round, keyed by the 1-based
// seed of the winner (0 for a draw), in slot order.
func recordAll(t *testing.T, tr *Tournament, winners ...int) {
	t.Helper()
	ready := tr.Ready()
	if len(ready) != len(winners) {
		t.Fatalf("%d ready matches; test gives %d results", len(ready), len(winners))
	}
	for i, id := range ready {
		r := Result{Winner: winners[i] - 1}
		if winners[i] == 0 {
			r = Result{Winner: None, Draw: true}
		}
		if err := tr.Record(id, r); err != nil {
			t.Fatalf("Record(%d, %+v): %v", id, r, err)
		}
	}
}

func nextRound(t *testing.T, tr *Tournament) {
	t.Helper()
	if _, err := tr.PairNextRound(); err != nil {
		t.Fatalf("PairNextRound: %v", err)
	}
}

// Pairings worked by hand, round by round.
func TestSwissPairingsByHand(t *testing.T) {
	tests := []struct {
		name   string
		n      int
		rounds int
		// results[r] are the winners (1-based seed, 0 = draw) of round r+1.
		results [][]int
		want    [][]string
	}{
		{"two", 2, 0, nil, [][]string{{"1-2"}}},
		{"three, bye to the last", 3, 0, nil, [][]string{{"1-2", "3-bye"}}},
		{"eight, Dutch halves then score groups", 8, 0,
			[][]int{{1, 2, 3, 4}, {1, 2, 5, 6}},
			[][]string{
				{"1-5", "2-6", "3-7", "4-8"},
				{"1-3", "2-4", "5-7", "6-8"},
				{"1-2", "3-5", "4-6", "7-8"},
			}},
		{"four, no rematch forces 1-4 in round 3", 4, 3,
			[][]int{{1, 2}, {1, 3}},
			[][]string{
				{"1-3", "2-4"},
				{"1-2", "3-4"},
				{"1-4", "2-3"},
			}},
		{"five, bye once each, float down", 5, 0,
			[][]int{{3, 2}, {2, 1}},
			[][]string{
				{"1-3", "2-4", "5-bye"},
				{"2-3", "5-1", "4-bye"},
				{"2-1", "4-5", "3-bye"},
			}},
	}
	for _, tt := range tests {
		tr := mustNew(t, Options{Format: Swiss, Rounds: tt.rounds}, tt.n)
		for r, want := range tt.want {
			if r > 0 {
				recordAll(t, tr, tt.results[r-1]...)
				nextRound(t, tr)
			}
			if got := roundLabels(tr, League, r+1); !slices.Equal(got, want) {
				t.Errorf("%s: round %d = %v; want %v", tt.name, r+1, got, want)
			}
		}
	}
}
