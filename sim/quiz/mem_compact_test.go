package quiz

import (
	"slices"
	"testing"

	"github.com/osarena/osarena/sim/mem"
)

// TestMallocCompact asks both compaction questions of a hand-made memory:
// blocks of 100, 200, 300 and 400 bytes from 1000, the 200 freed, compacted
// (the 300 and the 400 slide down 200), then the 100 freed and compacted
// again (the 300 and the 400 move: 700 bytes).
func TestMallocCompact(t *testing.T) {
	c := mem.MallocConfig{Policy: mem.FirstFit, Base: 1000, Size: 1500, Ops: []mem.Op{
		{Alloc: intp(100)}, {Alloc: intp(200)}, {Alloc: intp(300)}, {Alloc: intp(400)},
		{Free: intp(1)}, {Compact: true}, {Free: intp(0)}, {Compact: true}}}
	tests := []struct {
		step   int
		answer int64
		wrongs []int64
	}{
		{5, 1400, []int64{1600, 1800, 400}}, // #3: where it was, where it ends, counted from 0
		{7, 700, []int64{800, 300}},         // the holes' bytes (100 + 700 at the top), the first block moved
	}
	for _, tt := range tests {
		q, err := askMallocCompact(c, tt.step)
		if err != nil {
			t.Fatalf("askMallocCompact(step %d): %v", tt.step, err)
		}
		if got := q.Answer.Values; !slices.Equal(got, []int64{tt.answer}) {
			t.Errorf("step %d: answer %v; want [%d]", tt.step, got, tt.answer)
		}
		var got []int64
		for _, w := range q.Wrong {
			got = append(got, w.Value)
		}
		if !slices.Equal(got, tt.wrongs) {
			t.Errorf("step %d: wrong answers %v; want %v", tt.step, got, tt.wrongs)
		}
	}
	for _, step := range []int{0, 3, 4, 99} {
		if _, err := askMallocCompact(c, step); err == nil {
			t.Errorf("askMallocCompact(step %d): no error; want one (not a compaction)", step)
		}
	}
	tr, err := mem.RunMalloc(c)
	if err != nil {
		t.Fatal(err)
	}
	if k, ok := CompactAsked(tr, 5); !ok || k != 3 {
		t.Errorf("CompactAsked(step 5) = %d, %v; want 3, true (the highest of the blocks sliding furthest)", k, ok)
	}
	if _, ok := CompactAsked(tr, 7); ok {
		t.Errorf("CompactAsked(step 7): ok; want false (a later compaction asks the bytes moved)")
	}
}
