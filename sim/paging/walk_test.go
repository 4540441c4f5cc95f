package paging

import (
	"os"
	"strings"
	"testing"
)

// ostepMemory reads testdata/ostep-seed0.txt, the memory dump of OSTEP's
// paging-multilevel-translate.py -s 0, as one hex string per page.
func ostepMemory(t *testing.T) []string {
	t.Helper()
	b, err := os.ReadFile("testdata/ostep-seed0.txt")
	if err != nil {
		t.Fatal(err)
	}
	var pages []string
	for line := range strings.Lines(string(b)) {
		_, bytes, _ := strings.Cut(line, ":")
		pages = append(pages, strings.Join(strings.Fields(bytes), ""))
	}
	return pages
}

// The answers OSTEP's homework gives for seed 0.
func TestWalkOSTEP(t *testing.T) {
	c := WalkConfig{PageSize: 32, VABits: 15, Levels: []int{5, 5}, PTE: PTEFormat{Bytes: 1, ValidMask: 0x80, PFNMask: 0x7f},
		Root: 108, Memory: ostepMemory(t)}
	tests := []struct {
		va        int
		entries   []uint64
		fault     int // -1: none
		pa, value int
	}{
		{0x611c, []uint64{0xa1, 0xb5}, -1, 0x6bc, 0x08},
		{0x3da8, []uint64{0xd6, 0x7f}, 1, 0, 0},
		{0x17f5, []uint64{0xd4, 0xce}, -1, 0x9d5, 0x1c},
	}
	for _, tt := range tests {
		c.Addresses = []Access{At(tt.va)}
		tr, err := RunWalk(c)
		if err != nil {
			t.Fatal(err)
		}
		r := tr.Results[0]
		if !slicesEqual(r.Entries, tt.entries) {
			t.Errorf("RunWalk(%#x).Entries = %#x; want %#x", tt.va, r.Entries, tt.entries)
		}
		switch {
		case tt.fault >= 0 && (r.Fault == nil || *r.Fault != tt.fault || r.PA != nil):
			t.Errorf("RunWalk(%#x) = fault %v, pa %v; want a fault at level %d", tt.va, r.Fault, r.PA, tt.fault)
		case tt.fault < 0 && (r.PA == nil || *r.PA != tt.pa || *r.Value != tt.value):
			t.Errorf("RunWalk(%#x) = pa %v value %v (fault %v); want pa %#x value %#x", tt.va, r.PA, r.Value, r.Fault, tt.pa, tt.value)
		}
	}
}

func slicesEqual(a, b []uint64) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
