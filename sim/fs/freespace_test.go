package fs

import (
	"slices"
	"strings"
	"testing"

	"github.com/osarena/osarena/sim/field"
	"github.com/osarena/osarena/sim/internal/golden"
	"github.com/osarena/osarena/sim/rng"
)

// silberschatz is the free set of Silberschatz's bitmap example.
var silberschatz = []int{2, 3, 4, 5, 8, 9, 10, 11, 12, 13, 17, 18, 25, 26, 27}

func TestBitmapTextbook(t *testing.T) {
	for _, tc := range []struct{ bit, want string }{
		{"", "00111100111111000110000001110000"},
		{BitOneUsed, "11000011000000111001111110001111"},
	} {
		tr, err := RunFreeSpace(FreeSpaceConfig{Method: BitmapMethod, Blocks: 32, FreeBlocks: silberschatz, Rules: BitmapRules{Bit: tc.bit}})
		if err != nil {
			t.Fatal(err)
		}
		if tr.Initial.Bitmap != tc.want {
			t.Errorf("RunFreeSpace(bit %q).Initial.Bitmap = %s; want %s", tc.bit, tr.Initial.Bitmap, tc.want)
		}
	}
}

// TestFreeSpaceSteps pins hand-worked allocations of every method.
func TestFreeSpaceSteps(t *testing.T) {
	zero := 0
	ops := []FreeOp{{Alloc: 3}, {Alloc: 5, Contiguous: true}, {Free: &zero}, {Alloc: 4, Contiguous: true}, {Alloc: 7}}
	wantBlocks := [][]int{{2, 3, 4}, {8, 9, 10, 11, 12}, {2, 3, 4}, {2, 3, 4, 5}, {}}
	tests := []struct {
		method         string
		visited, reads []int // per op, frees excluded
		final          string
	}{
		{BitmapMethod, []int{5, 13, 6, 32}, []int{0, 0, 0, 0}, "00000000000001000110000001110000"},
		{ListMethod, []int{3, 6, 4, 6}, []int{3, 6, 4, 6}, "13→17→18→25→26→27"},
		{GroupingMethod, []int{1, 2, 1, 2}, []int{1, 2, 1, 2}, "[13: 17 18 25 26] [26: 27]"},
		{CountingMethod, []int{1, 2, 1, 3}, []int{0, 0, 0, 0}, "(13,1) (17,2) (25,3)"},
	}
	for _, tc := range tests {
		c := FreeSpaceConfig{Method: tc.method, Blocks: 32, FreeBlocks: silberschatz, Ops: ops}
		if tc.method == GroupingMethod {
			c.GroupSize = 4
		}
		tr, err := RunFreeSpace(c)
		if err != nil {
			t.Fatalf("RunFreeSpace(%s): %v", tc.method, err)
		}
		var visited, reads []int
		for i, s := range tr.Steps {
			if !slices.Equal(s.Blocks, wantBlocks[i]) {
				t.Errorf("RunFreeSpace(%s).Steps[%d].Blocks = %v; want %v", tc.method, i, s.Blocks, wantBlocks[i])
			}
			if s.Op == "alloc" {
				visited, reads = append(visited, s.Visited), append(reads, s.Reads)
			}
		}
		if !slices.Equal(visited, tc.visited) || !slices.Equal(reads, tc.reads) {
			t.Errorf("RunFreeSpace(%s) visited %v reads %v; want %v, %v", tc.method, visited, reads, tc.visited, tc.reads)
		}
		if got := tr.Steps[len(tr.Steps)-1].State.text(); got != tc.final {
			t.Errorf("RunFreeSpace(%s) final state %q; want %q", tc.method, got, tc.final)
		}
		if tr.Failed != 1 || tr.Steps[4].OK {
			t.Errorf("RunFreeSpace(%s).Failed = %d, last OK %v; want 1 failure at op 4", tc.method, tr.Failed, tr.Steps[4].OK)
		}
	}
}

// decode returns the free set a state describes, read from its own
// representation.
func decode(t *testing.T, tr *FreeSpaceTrace, s FreeState) []bool {
	free := make([]bool, tr.Blocks)
	mark := func(b int) {
		if free[b] {
			t.Fatalf("%s state lists block %d twice", tr.Method, b)
		}
		free[b] = true
	}
	switch tr.Method {
	case BitmapMethod:
		one := byte('1')
		if tr.Rules.Bit == BitOneUsed {
			one = '0'
		}
		for i := range tr.Blocks {
			if s.Bitmap[i] == one {
				mark(i)
			}
		}
	case ListMethod:
		for _, b := range s.List {
			mark(b)
		}
	case GroupingMethod:
		for i, g := range s.Groups {
			mark(g.Block)
			for j, p := range g.Pointers {
				last := j == len(g.Pointers)-1 && i+1 < len(s.Groups)
				if last {
					if p != s.Groups[i+1].Block {
						t.Fatalf("grouping block %d's last pointer %d is not the next grouping block %d", g.Block, p, s.Groups[i+1].Block)
					}
					continue
				}
				mark(p)
			}
		}
	case CountingMethod:
		for _, r := range s.Runs {
			for b := r.Start; b < r.Start+r.Count; b++ {
				mark(b)
			}
		}
	}
	return free
}

// TestFreeSpaceProperties runs random op sequences through all four
// methods and checks that their structures describe the same free set,
// that an alloc only takes free blocks (never one already held), that a
// contiguous alloc is one run, that an alloc fails only when no choice
// exists, and that freed blocks become allocatable again.
func TestFreeSpaceProperties(t *testing.T) {
	r := rng.New(9, rng.StreamFS)
	for trial := range 2000 {
		n := 1 + r.IntN(200)
		var free []int
		for b := range n {
			if r.IntN(3) > 0 {
				free = append(free, b)
			}
		}
		var ops []FreeOp
		var live []int
		for i := range r.IntN(60) {
			if len(live) > 0 && r.IntN(3) == 0 {
				k := live[r.IntN(len(live))]
				live = slices.DeleteFunc(live, func(x int) bool { return x == k })
				ops = append(ops, FreeOp{Free: &k})
				continue
			}
			ops = append(ops, FreeOp{Alloc: 1 + r.IntN(max(1, n/4)), Contiguous: r.IntN(2) == 0})
			live = append(live, i)
		}
		var states [][][]bool
		for _, m := range Methods {
			c := FreeSpaceConfig{Method: m, Blocks: n, FreeBlocks: free, GroupSize: 2 + r.IntN(6), Ops: ops, Rules: BitmapRules{Bit: []string{BitOneFree, BitOneUsed}[r.IntN(2)]}}
			if m != GroupingMethod {
				c.GroupSize = 0
			}
			tr, err := RunFreeSpace(c)
			if err != nil {
				t.Fatalf("trial %d: RunFreeSpace(%s): %v", trial, m, err)
			}
			var seq [][]bool
			prev := decode(t, tr, tr.Initial)
			for i, s := range tr.Steps {
				cur := decode(t, tr, s.State)
				checkStep(t, trial, i, s, prev, cur)
				seq = append(seq, cur)
				prev = cur
			}
			states = append(states, seq)
		}
		for m := 1; m < len(states); m++ {
			for i := range states[m] {
				if !slices.Equal(states[m][i], states[0][i]) {
					t.Fatalf("trial %d step %d: %s and %s disagree on the free set", trial, i, Methods[m], Methods[0])
				}
			}
		}
	}
}

func checkStep(t *testing.T, trial, i int, s FreeStep, before, after []bool) {
	t.Helper()
	changed := map[int]bool{}
	for _, b := range s.Blocks {
		changed[b] = true
		if s.Op == "alloc" && (!before[b] || after[b]) {
			t.Fatalf("trial %d op %d: alloc took block %d (free before %v, after %v)", trial, i, b, before[b], after[b])
		}
		if s.Op == "free" && (before[b] || !after[b]) {
			t.Fatalf("trial %d op %d: free of block %d (free before %v, after %v)", trial, i, b, before[b], after[b])
		}
	}
	for b := range before {
		if !changed[b] && before[b] != after[b] {
			t.Fatalf("trial %d op %d: block %d changed but was not in the op", trial, i, b)
		}
	}
	if s.Op != "alloc" {
		return
	}
	nfree, best := 0, 0
	for b, f := range before {
		if f {
			nfree++
			run := 1
			for b-run >= 0 && before[b-run] {
				run++
			}
			best = max(best, run)
		}
	}
	possible := nfree >= s.N
	if s.Contiguous {
		possible = best >= s.N
	}
	if s.OK != possible || s.OK && len(s.Blocks) != s.N {
		t.Fatalf("trial %d op %d: alloc %d (contiguous %v) ok=%v with %d blocks; free %d, longest run %d", trial, i, s.N, s.Contiguous, s.OK, len(s.Blocks), nfree, best)
	}
	if s.Contiguous && s.OK && s.Blocks[len(s.Blocks)-1]-s.Blocks[0] != s.N-1 {
		t.Fatalf("trial %d op %d: contiguous alloc got %v", trial, i, s.Blocks)
	}
}

func TestFreeSpaceErrors(t *testing.T) {
	zero, two := 0, 2
	tests := []struct {
		c    FreeSpaceConfig
		want string
	}{
		{FreeSpaceConfig{Method: "tree"}, "method must be one of"},
		{FreeSpaceConfig{Method: ListMethod, Blocks: 5000}, "blocks must be between 1 and 1024"},
		{FreeSpaceConfig{Method: ListMethod, Blocks: 8, FreeBlocks: []int{1, 8}}, "free_blocks[1] must be between 0 and 7"},
		{FreeSpaceConfig{Method: ListMethod, Blocks: 8, FreeBlocks: []int{1, 1}}, "free_blocks[1] repeats block 1 of free_blocks[0]"},
		{FreeSpaceConfig{Method: GroupingMethod, Blocks: 8}, "group_size must be between 2 and 64"},
		{FreeSpaceConfig{Method: ListMethod, Blocks: 8, GroupSize: 3}, "group_size applies to method grouping only"},
		{FreeSpaceConfig{Method: ListMethod, Blocks: 8, Ops: []FreeOp{{Free: &zero}}}, "ops[0].free has no earlier alloc op"},
		{FreeSpaceConfig{Method: ListMethod, Blocks: 8, Ops: []FreeOp{{Alloc: 1}, {Free: &two}}}, "ops[1].free must be between 0 and 0"},
		{FreeSpaceConfig{Method: ListMethod, Blocks: 8, Ops: []FreeOp{{Alloc: 1}, {Free: &zero}, {Free: &zero}}}, "ops[2].free frees ops[0] a second time"},
		{FreeSpaceConfig{Method: ListMethod, Blocks: 8, Ops: []FreeOp{{Alloc: 9}}}, "ops[0].alloc must be between 1 and 8"},
		{FreeSpaceConfig{Method: ListMethod, Blocks: 8, Ops: []FreeOp{{Alloc: 1, Free: &zero}}}, "ops[0] must be either"},
		{FreeSpaceConfig{Method: BitmapMethod, Blocks: 8, Rules: BitmapRules{Bit: "1"}}, "rules.bit must be one of 1-free, 1-used"},
	}
	for _, tc := range tests {
		err := tc.c.Validate()
		if _, ok := field.As(err); !ok || !strings.HasPrefix(err.Error(), tc.want) {
			t.Errorf("Validate(%+v) = %v; want a field error starting %q", tc.c, err, tc.want)
		}
	}
}

func TestFreeSpaceGolden(t *testing.T) {
	for _, name := range []string{"freespace", "freespace-linked", "freespace-grouping", "freespace-counting"} {
		var c FreeSpaceConfig
		readExample(t, name, &c)
		tr, err := RunFreeSpace(c)
		if err != nil {
			t.Fatalf("RunFreeSpace(%s): %v", name, err)
		}
		golden.JSON(t, name, tr)
		var b strings.Builder
		if err := tr.WriteTable(&b); err != nil {
			t.Fatal(err)
		}
		golden.Bytes(t, name+".txt", []byte(b.String()))
	}
}

// TestBitmapReuse checks the engine directly: a freed block is allocated
// again, and a full bitmap refuses.
func TestBitmapReuse(t *testing.T) {
	m := NewBitmap(130)
	for b := range 130 {
		m.Release(b)
	}
	got, ok := m.AllocAny(130, nil)
	if !ok || len(got) != 130 || m.FreeCount() != 0 {
		t.Fatalf("AllocAny(130) on 130 free = %d blocks, %v; want all", len(got), ok)
	}
	if _, ok := m.AllocAny(1, nil); ok {
		t.Fatal("AllocAny(1) on a full bitmap succeeded")
	}
	m.Release(70)
	m.Release(71)
	if s, ok := m.AllocRun(2); !ok || s != 70 {
		t.Fatalf("AllocRun(2) after freeing 70, 71 = %d, %v; want 70, true", s, ok)
	}
	m.Release(63)
	m.Release(64)
	if s, ok := m.AllocRun(2); !ok || s != 63 {
		t.Fatalf("AllocRun(2) across a word boundary = %d, %v; want 63, true", s, ok)
	}
	if m.Release(63) == false || m.Release(63) == true {
		t.Fatal("Release(63) twice: want true then false")
	}
}

// BenchmarkBitmapAlloc measures allocation throughput on a 1 M-block
// bitmap kept about half full: each iteration allocates 8 blocks (the 8
// lowest free ones, or the lowest run of 8: first fit) and frees a random
// earlier allocation once 64 Ki allocations are held.
func BenchmarkBitmapAlloc(b *testing.B) {
	for _, contiguous := range []bool{false, true} {
		name := map[bool]string{false: "any", true: "contiguous"}[contiguous]
		b.Run(name, func(b *testing.B) {
			const n, k, live = 1 << 20, 8, 1 << 16
			m := NewBitmap(n)
			for i := range n {
				m.Release(i)
			}
			r := rng.New(2, rng.StreamFS)
			held := make([]int, 0, (live+1)*k)
			blocks := 0
			for b.Loop() {
				if contiguous {
					s, ok := m.AllocRun(k)
					if !ok {
						b.Fatal("AllocRun failed on a half-full disk")
					}
					for x := s; x < s+k; x++ {
						held = append(held, x)
					}
				} else {
					var ok bool
					if held, ok = m.AllocAny(k, held); !ok {
						b.Fatal("AllocAny failed on a half-full disk")
					}
				}
				blocks += k
				if len(held) > live*k {
					j := r.IntN(live) * k
					for _, x := range held[j : j+k] {
						m.Release(x)
					}
					copy(held[j:j+k], held[len(held)-k:])
					held = held[:len(held)-k]
				}
			}
			b.ReportMetric(float64(blocks)/b.Elapsed().Seconds(), "blocks/s")
		})
	}
}
