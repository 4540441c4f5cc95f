package mem

import (
	"slices"
	"strings"
	"testing"

	"github.com/osarena/osarena/sim/field"
)

func ip(v int) *int   { return &v }
func bp(v bool) *bool { return &v }
func alloc(n int) Op  { return Op{Alloc: ip(n)} }
func free(k int) Op   { return Op{Free: ip(k)} }
func compactOp() Op   { return Op{Compact: true} }
func allocs(ns ...int) []Op {
	ops := make([]Op, len(ns))
	for i, n := range ns {
		ops[i] = alloc(n)
	}
	return ops
}

// blocks returns the block each alloc op got, in op order (-1 on failure).
func blocks(tr *MallocTrace) []int {
	var out []int
	for _, s := range tr.Steps {
		if s.Alloc != nil {
			out = append(out, s.Block)
		}
	}
	return out
}

func mustRun(t *testing.T, c MallocConfig) *MallocTrace {
	t.Helper()
	tr, err := RunMalloc(c)
	if err != nil {
		t.Fatalf("RunMalloc(%+v): %v", c, err)
	}
	return tr
}

// textbookHoles lays out the holes of Silberschatz's exercise (100, 500,
// 200, 300 and 600 bytes, in that order) between 10-byte blocks, then
// requests 212, 417, 112 and 426 bytes.
func textbookHoles(policy Fit) MallocConfig {
	ops := allocs(100, 10, 500, 10, 200, 10, 300, 10, 600)
	ops = append(ops, free(0), free(2), free(4), free(6), free(8))
	ops = append(ops, allocs(212, 417, 112, 426)...)
	return MallocConfig{Policy: policy, Base: 0, Size: 1740, Ops: ops}
}

func TestTextbookFits(t *testing.T) {
	// Holes start at 0 (100), 110 (500), 620 (200), 830 (300), 1140 (600).
	tests := []struct {
		policy Fit
		want   []int // blocks of 212, 417, 112, 426
	}{
		{FirstFit, []int{110, 1140, 322, -1}},  // 112 goes into the 288 left of the 500 hole
		{BestFit, []int{830, 110, 620, 1140}},  // best fit is the only one to place all four
		{WorstFit, []int{1140, 110, 1352, -1}}, // 112 goes into the 388 left of the 600 hole
	}
	for _, tc := range tests {
		tr := mustRun(t, textbookHoles(tc.policy))
		if got := blocks(tr)[9:]; !slices.Equal(got, tc.want) {
			t.Errorf("RunMalloc(%s fit, textbook holes) blocks = %v; want %v", tc.policy, got, tc.want)
		}
	}
}

func TestTextbookFixedPartitions(t *testing.T) {
	// Partitions start at 0 (100), 100 (500), 600 (200), 800 (300), 1100 (600).
	tests := []struct {
		policy       Fit
		want         []int
		wantInternal int // after the four requests
	}{
		{FirstFit, []int{100, 1100, 600, -1}, 288 + 183 + 88},
		{BestFit, []int{800, 100, 600, 1100}, 88 + 83 + 88 + 174},
		{WorstFit, []int{1100, 100, 800, -1}, 388 + 83 + 188},
		{NextFit, []int{100, 1100, 600, -1}, 288 + 183 + 88},
	}
	for _, tc := range tests {
		c := MallocConfig{Policy: tc.policy, Partitions: []int{100, 500, 200, 300, 600}, Ops: allocs(212, 417, 112, 426)}
		tr := mustRun(t, c)
		if got := blocks(tr); !slices.Equal(got, tc.want) {
			t.Errorf("RunMalloc(%s fit, fixed partitions) blocks = %v; want %v", tc.policy, got, tc.want)
		}
		last := tr.Steps[len(tr.Steps)-1].Stats
		if last.Internal != tc.wantInternal {
			t.Errorf("RunMalloc(%s fit, fixed partitions) internal = %d; want %d", tc.policy, last.Internal, tc.wantInternal)
		}
		if tr.Size != 1700 {
			t.Errorf("RunMalloc(%s fit, fixed partitions).Size = %d; want the partitions' sum 1700", tc.policy, tr.Size)
		}
	}
}

func TestNextFitRover(t *testing.T) {
	// After the setup the list is [0,10] [20,10] [40,60] and the rover is on
	// [40,60], the entry after the one the last alloc came from.
	setup := append(allocs(10, 10, 10, 10), free(0), free(2))
	tests := []struct {
		policy Fit
		rover  string
		want   []int // blocks of the two 5-byte requests
	}{
		{FirstFit, "", []int{0, 5}},
		{NextFit, RoverAfterLast, []int{40, 0}}, // resumes after [45,55], wraps to [0,10]
		{NextFit, RoverAtLast, []int{40, 45}},   // resumes at [45,55] itself
	}
	for _, tc := range tests {
		c := MallocConfig{Policy: tc.policy, Size: 100, Ops: append(slices.Clone(setup), alloc(5), alloc(5)), Rules: MallocRules{Rover: tc.rover}}
		tr := mustRun(t, c)
		if got := blocks(tr)[4:]; !slices.Equal(got, tc.want) {
			t.Errorf("RunMalloc(%s fit, rover %q) blocks = %v; want %v", tc.policy, tc.rover, got, tc.want)
		}
	}
}

func TestFreeListOrder(t *testing.T) {
	// Blocks [0,30] [30,10] [40,40] [80,20], freed as #0, #2, #3, #1.
	ops := append(allocs(30, 10, 40, 20), free(0), free(2), free(3), free(1))
	tests := []struct {
		order string
		want  []Span
	}{
		{OrderAddress, []Span{{0, 30}, {30, 10}, {40, 40}, {80, 20}}},
		{OrderSizeAsc, []Span{{30, 10}, {80, 20}, {0, 30}, {40, 40}}},
		{OrderSizeDesc, []Span{{40, 40}, {0, 30}, {80, 20}, {30, 10}}},
		{OrderFront, []Span{{30, 10}, {80, 20}, {40, 40}, {0, 30}}},
		{OrderBack, []Span{{0, 30}, {40, 40}, {80, 20}, {30, 10}}},
	}
	for _, tc := range tests {
		c := MallocConfig{Policy: FirstFit, Order: tc.order, Coalesce: bp(false), Size: 100, Ops: ops}
		tr := mustRun(t, c)
		if got := tr.Steps[len(ops)-1].FreeList; !slices.Equal(got, tc.want) {
			t.Errorf("RunMalloc(order %s, no coalescing) free list = %v; want %v", tc.order, got, tc.want)
		}
	}
}

func TestCoalesce(t *testing.T) {
	ops := append(allocs(10, 10, 10, 10), free(0), free(2), free(1))
	tests := []struct {
		coalesce *bool
		order    string
		want     []Span
		wantHole Span // the hole the last free made
	}{
		{nil, OrderAddress, []Span{{0, 30}, {40, 60}}, Span{0, 30}}, // coalescing is on by default
		{bp(true), OrderFront, []Span{{0, 30}, {40, 60}}, Span{0, 30}},
		{bp(true), OrderBack, []Span{{40, 60}, {0, 30}}, Span{0, 30}},
		{bp(false), OrderAddress, []Span{{0, 10}, {10, 10}, {20, 10}, {40, 60}}, Span{10, 10}},
	}
	for _, tc := range tests {
		c := MallocConfig{Policy: FirstFit, Order: tc.order, Coalesce: tc.coalesce, Size: 100, Ops: ops}
		tr := mustRun(t, c)
		last := tr.Steps[len(ops)-1]
		if !slices.Equal(last.FreeList, tc.want) || last.Hole != tc.wantHole {
			t.Errorf("RunMalloc(coalesce %v, order %s) free list = %v, hole %v; want %v, %v", tr.Coalesce, tc.order, last.FreeList, last.Hole, tc.want, tc.wantHole)
		}
	}
	// Freeing the last block merges everything back into one hole.
	tr := mustRun(t, MallocConfig{Policy: FirstFit, Size: 100, Ops: append(slices.Clone(ops), free(3))})
	if got, want := tr.Steps[len(ops)].FreeList, []Span{{0, 100}}; !slices.Equal(got, want) {
		t.Errorf("RunMalloc(free everything) free list = %v; want %v", got, want)
	}
}

func TestHeaderAndAlign(t *testing.T) {
	c := MallocConfig{Policy: FirstFit, Base: 1000, Size: 100, Header: 8, Align: 8, Ops: allocs(1, 9, 16)}
	tr := mustRun(t, c)
	want := []struct{ addr, block, size, internal int }{
		{1008, 1000, 16, 7},         // 1 → 8, + 8 header
		{1024, 1016, 24, 7 + 7},     // 9 → 16, + 8
		{1048, 1040, 24, 7 + 7 + 0}, // 16 → 16, + 8
	}
	for i, w := range want {
		s := tr.Steps[i]
		if s.Addr != w.addr || s.Block != w.block || s.Size != w.size || s.Stats.Internal != w.internal {
			t.Errorf("RunMalloc(header 8, align 8) step %d = addr %d block %d size %d internal %d; want %d %d %d %d",
				i, s.Addr, s.Block, s.Size, s.Stats.Internal, w.addr, w.block, w.size, w.internal)
		}
	}
}

func TestSearched(t *testing.T) {
	// Holes after the setup, by address: [0,30] [40,10] [60,40] (blocks of
	// 10 between them); the 5-byte request fits every hole.
	setup := append(allocs(30, 10, 10, 10, 40), free(0), free(2), free(4))
	tests := []struct {
		policy    Fit
		order     string
		remainder string
		want      int
		wantBlock int
	}{
		{FirstFit, OrderAddress, "", 1, 0},
		{BestFit, OrderAddress, "", 3, 40},
		{WorstFit, OrderAddress, "", 3, 60},
		{BestFit, OrderSizeAsc, RemainderReinsert, 1, 40},   // sorted: the first fit is the best
		{WorstFit, OrderSizeDesc, RemainderReinsert, 1, 60}, // sorted: the head is the largest
		{BestFit, OrderSizeAsc, RemainderInPlace, 3, 40},    // a split may unsort the list: scan it all
	}
	for _, tc := range tests {
		c := MallocConfig{Policy: tc.policy, Order: tc.order, Size: 100, Ops: append(slices.Clone(setup), alloc(5)), Rules: MallocRules{Remainder: tc.remainder}}
		tr := mustRun(t, c)
		s := tr.Steps[len(setup)]
		if s.Searched != tc.want || s.Block != tc.wantBlock {
			t.Errorf("RunMalloc(%s fit, order %s, remainder %q) searched %d, block %d; want %d, %d", tc.policy, tc.order, tc.remainder, s.Searched, s.Block, tc.want, tc.wantBlock)
		}
	}
	// A failed search examines the whole list.
	tr := mustRun(t, MallocConfig{Policy: FirstFit, Size: 100, Ops: append(slices.Clone(setup), alloc(50))})
	if s := tr.Steps[len(setup)]; s.Searched != 3 || s.Addr != -1 || tr.Failed != 1 {
		t.Errorf("RunMalloc(alloc 50 with holes 30, 10, 40) searched %d, addr %d, failed %d; want 3, -1, 1", s.Searched, s.Addr, tr.Failed)
	}
}

func TestCompaction(t *testing.T) {
	// Blocks #1 [10,20] and #3 [40,10] remain, holes [0,10] [30,10] [50,50].
	ops := append(allocs(10, 20, 10, 10), free(0), free(2), compactOp(), alloc(65))
	tr := mustRun(t, MallocConfig{Policy: FirstFit, Size: 100, Ops: ops})
	s := tr.Steps[6]
	wantMoves := []Move{{Alloc: 1, From: 10, To: 0, Size: 20}, {Alloc: 3, From: 40, To: 20, Size: 10}}
	if s.Moved != 30 || !slices.Equal(s.Moves, wantMoves) || !slices.Equal(s.FreeList, []Span{{30, 70}}) {
		t.Errorf("compact: moved %d, moves %v, free list %v; want 30, %v, [{30 70}]", s.Moved, s.Moves, s.FreeList, wantMoves)
	}
	if got := tr.Steps[7].Block; got != 30 {
		t.Errorf("alloc 65 after compaction: block %d; want 30", got)
	}
	// A free after compaction releases the block where it now is.
	tr = mustRun(t, MallocConfig{Policy: FirstFit, Size: 100, Ops: append(slices.Clone(ops[:7]), free(3))})
	if s := tr.Steps[7]; s.Block != 20 || s.Addr != 20 {
		t.Errorf("free #3 after compaction: block %d addr %d; want 20 20", s.Block, s.Addr)
	}
}

func TestFreeOfFailedAlloc(t *testing.T) {
	tr := mustRun(t, MallocConfig{Policy: FirstFit, Size: 10, Ops: []Op{alloc(20), free(0)}})
	s := tr.Steps[1]
	if s.Addr != -1 || s.Block != -1 || !slices.Equal(s.FreeList, []Span{{0, 10}}) {
		t.Errorf("free of a failed alloc: addr %d, block %d, free list %v; want -1, -1, [{0 10}]", s.Addr, s.Block, s.FreeList)
	}
}

func TestMallocValidate(t *testing.T) {
	ok := MallocConfig{Policy: FirstFit, Size: 100, Ops: allocs(10)}
	with := func(f func(*MallocConfig)) MallocConfig {
		c := ok
		c.Ops = slices.Clone(ok.Ops)
		f(&c)
		return c
	}
	tests := []struct {
		name      string
		c         MallocConfig
		wantField string
		wantMsg   string
	}{
		{"no policy", with(func(c *MallocConfig) { c.Policy = "" }), "policy", "is required"},
		{"bad policy", with(func(c *MallocConfig) { c.Policy = "buddy" }), "policy", "first, best, worst, next"},
		{"bad order", with(func(c *MallocConfig) { c.Order = "random" }), "order", "address, size-asc"},
		{"bad rover", with(func(c *MallocConfig) { c.Rules.Rover = "start" }), "rules.rover", "after-last, at-last"},
		{"bad remainder", with(func(c *MallocConfig) { c.Rules.Remainder = "front" }), "rules.remainder", "in-place, reinsert"},
		{"zero size", with(func(c *MallocConfig) { c.Size = 0 }), "size", "between 1"},
		{"size too big", with(func(c *MallocConfig) { c.Size = MaxAddress + 1 }), "size", "between 1"},
		{"negative base", with(func(c *MallocConfig) { c.Base = -1 }), "base", "between 0"},
		{"bad header", with(func(c *MallocConfig) { c.Header = -4 }), "header", "between 0"},
		{"bad align", with(func(c *MallocConfig) { c.Align = -1 }), "align", "between 1"},
		{"no ops", with(func(c *MallocConfig) { c.Ops = nil }), "ops", "between 1"},
		{"empty op", with(func(c *MallocConfig) { c.Ops = []Op{{}} }), "ops[0]", "exactly one of alloc, free or compact"},
		{"two in one op", with(func(c *MallocConfig) { c.Ops = []Op{{Alloc: ip(1), Free: ip(0)}} }), "ops[0]", "exactly one"},
		{"zero alloc", with(func(c *MallocConfig) { c.Ops = allocs(0) }), "ops[0].alloc", "between 1"},
		{"free before alloc", with(func(c *MallocConfig) { c.Ops = []Op{free(0)} }), "ops[0].free", "no alloc comes before"},
		{"free of a later alloc", with(func(c *MallocConfig) { c.Ops = append(c.Ops, free(1), alloc(2)) }), "ops[1].free", "between 0 and 0"},
		{"double free", with(func(c *MallocConfig) { c.Ops = append(c.Ops, free(0), free(0)) }), "ops[2].free", "a second time (ops[1] freed it)"},
		{"partitions and size disagree", with(func(c *MallocConfig) { c.Partitions = []int{10, 20} }), "size", "sum of the partitions (30)"},
		{"empty partition", with(func(c *MallocConfig) { c.Size, c.Partitions = 0, []int{10, 0} }), "partitions[1]", "between 1"},
		{"coalescing partitions", with(func(c *MallocConfig) { c.Size, c.Partitions, c.Coalesce = 0, []int{10}, bp(true) }), "coalesce", "fixed partitions"},
		{"compacting partitions", with(func(c *MallocConfig) { c.Size, c.Partitions, c.Ops = 0, []int{10}, []Op{compactOp()} }), "ops[0].compact", "fixed partitions"},
	}
	for _, tc := range tests {
		_, err := RunMalloc(tc.c)
		fe, ok := field.As(err)
		if !ok {
			t.Errorf("%s: RunMalloc error = %v; want a field error on %s", tc.name, err, tc.wantField)
			continue
		}
		if fe.Field != tc.wantField || !strings.Contains(fe.Msg, tc.wantMsg) {
			t.Errorf("%s: RunMalloc error = %q; want field %s with %q", tc.name, err, tc.wantField, tc.wantMsg)
		}
		if tc.c.Validate() == nil {
			t.Errorf("%s: Validate() = nil; want %v", tc.name, err)
		}
	}
	if err := ok.Validate(); err != nil {
		t.Errorf("Validate(%+v) = %v; want nil", ok, err)
	}
}
