package mem

import (
	"bytes"
	"testing"

	"github.com/osarena/osarena/sim/internal/golden"
)

// exampleMalloc is examples/malloc.json: first fit with headers and
// alignment, an alloc that fails on external fragmentation, compaction and
// the same alloc succeeding after it.
func exampleMalloc() MallocConfig {
	ops := append(allocs(10, 20, 8), free(1), alloc(30), alloc(12), free(0), alloc(24), compactOp(), alloc(24))
	return MallocConfig{Policy: FirstFit, Order: OrderAddress, Coalesce: bp(true), Base: 1000, Size: 100, Header: 4, Align: 4, Ops: ops}
}

func TestMallocGolden(t *testing.T) {
	next := MallocConfig{Policy: NextFit, Size: 100, Ops: append(allocs(10, 10, 10, 10), free(0), free(2), alloc(5), alloc(5), alloc(50), free(4))}
	sized := textbookHoles(WorstFit)
	sized.Order, sized.Rules.Remainder = OrderSizeDesc, RemainderReinsert
	for _, tc := range []struct {
		name string
		c    MallocConfig
	}{
		{"malloc", exampleMalloc()},
		{"malloc-textbook-best", textbookHoles(BestFit)},
		{"malloc-textbook-worst-sizedesc", sized},
		{"malloc-fixed-best", MallocConfig{Policy: BestFit, Partitions: []int{100, 500, 200, 300, 600}, Ops: append(allocs(212, 417, 112, 426), free(1), alloc(350))}},
		{"malloc-next", next},
	} {
		tr, err := RunMalloc(tc.c)
		if err != nil {
			t.Fatalf("RunMalloc(%s): %v", tc.name, err)
		}
		golden.JSON(t, tc.name, tr)
		var b bytes.Buffer
		if err := tr.WriteTable(&b); err != nil {
			t.Fatalf("WriteTable(%s): %v", tc.name, err)
		}
		golden.Bytes(t, tc.name+".txt", b.Bytes())
	}
}
