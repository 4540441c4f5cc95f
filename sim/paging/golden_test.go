package paging

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/osarena/osarena/sim/internal/golden"
)

// Golden traces pin every kind on its worked examples: the documents in
// the repository's examples/ folder, plus variants here.
func TestGoldenTraces(t *testing.T) {
	tests := []struct {
		name, kind, doc string
	}{
		{"paging", "paging", example(t, "paging.json")},
		{"paging-shared", "paging", example(t, "paging-shared.json")},
		{"paging-size-64", "paging", `{"page_size":4096,"address_bits":64,"pte_bytes":8,"page_table":[1],"addresses":[]}`},
		{"eat", "eat", example(t, "eat.json")},
		{"tlb", "tlb", example(t, "tlb.json")},
		{"tlb-asid", "tlb", example(t, "tlb-asid.json")},
		{"tlb-fifo-flush", "tlb", `{"entries":2,"policy":"fifo","page_size":1024,"accesses":[{"va":0,"pid":1},1024,0,2048,0,{"va":0,"pid":2},{"va":0,"pid":1}],"memory_ns":50,"tlb_ns":5,"levels":2}`},
		{"pagewalk", "pagewalk", example(t, "pagewalk.json")},
		{"hashed", "hashed", example(t, "hashed.json")},
		{"hashed-multiplicative-head", "hashed", `{"buckets":4,"mappings":[{"page":1,"frame":7},{"page":5,"frame":2},{"page":9,"frame":4},{"pid":1,"page":9,"frame":6}],"accesses":[9,{"va":9,"pid":1},{"va":5,"pid":0},1,2],"rules":{"hash":"multiplicative","insert":"head"}}`},
		{"inverted", "inverted", example(t, "inverted.json")},
		{"eat-parallel", "eat", `{"levels":2,"memory_ns":100,"tlb_ns":20,"hit_ratio":0.75,"rules":{"tlb_lookup":"parallel"}}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tr, err := runDoc(t, tt.kind, tt.doc)
			if err != nil {
				t.Fatal(err)
			}
			golden.JSON(t, tt.name, tr)
			golden.Bytes(t, tt.name+".txt", table(t, tr))
		})
	}
}

// example returns examples/name without its "kind" member.
func example(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "..", "examples", name))
	if err != nil {
		t.Fatal(err)
	}
	s := string(b)
	i := strings.Index(s, `"kind"`)
	j := strings.Index(s[i:], ",")
	if i < 0 || j < 0 {
		t.Fatalf("%s has no kind", name)
	}
	return s[:i] + s[i+j+1:]
}
