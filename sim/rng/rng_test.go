package rng

import "testing"

// The first draws of a few streams are pinned: a change here would change
// every generated question and every random-replacement trace, on every
// platform, so it must be deliberate.
func TestStreamsArePinned(t *testing.T) {
	tests := []struct {
		seed, stream uint64
		want         [4]int
	}{
		{0, 0, [4]int{468, 962, 665, 968}},
		{1, StreamReplace, [4]int{405, 160, 767, 179}},
		{42, StreamScenario, [4]int{805, 779, 189, 445}},
	}
	for _, tt := range tests {
		r := New(tt.seed, tt.stream)
		var got [4]int
		for i := range got {
			got[i] = r.IntN(1000)
		}
		if got != tt.want {
			t.Errorf("New(%d, %d) first IntN(1000) draws = %v; want %v", tt.seed, tt.stream, got, tt.want)
		}
	}
}

func TestStreamsDiffer(t *testing.T) {
	a, b := New(7, StreamReplace), New(7, StreamDisk)
	same := 0
	for range 64 {
		if a.Uint64() == b.Uint64() {
			same++
		}
	}
	if same > 1 {
		t.Errorf("streams %d and %d of seed 7 agree on %d of 64 draws; want independent streams", StreamReplace, StreamDisk, same)
	}
}
