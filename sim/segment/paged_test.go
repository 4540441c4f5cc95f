package segment

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/osarena/osarena/sim/internal/golden"
)

func iptr(n int) *int { return &n }

// pagedExample: 12-bit addresses, 4 segments of up to 1024 bytes, 256-byte pages.
func pagedExample() PagedConfig {
	return PagedConfig{AddressBits: 12, SegmentBits: 2, PageSize: 256, Memory: 8192,
		Segments: []PagedSegment{
			{PageTable: []Nullable{5, 9, Null}, Limit: iptr(700), Prot: "r-x"},
			{PageTable: []Nullable{2, Null, 14, 3}, Prot: "rw"},
			{PageTable: []Nullable{30}, Valid: bptr(false)},
		},
		Addresses: []Access{{VA: 300, Op: Exec}, {VA: 300, Op: Write}, {VA: 690}, {VA: 700}, {VA: 1024}, {VA: 1300}, {VA: 1700, Op: Write}, {VA: 2100}, {VA: 3100}},
	}
}

func TestPagedTranslate(t *testing.T) {
	want := []struct {
		seg, page, off int
		frame, pa      Nullable
		trap           string
	}{
		{0, 1, 44, 9, 2348, ""},
		{0, 1, 44, Null, Null, TrapProt},
		{0, 2, 178, Null, Null, TrapPage},
		{0, 2, 188, Null, Null, TrapLimit},
		{1, 0, 0, 2, 512, ""},
		{1, 1, 20, Null, Null, TrapPage},
		{1, 2, 164, 14, 3748, ""},
		{2, 0, 52, Null, Null, TrapInvalid},
		{3, 0, 28, Null, Null, TrapSTLR},
	}
	tr, err := RunPaged(pagedExample())
	if err != nil {
		t.Fatal(err)
	}
	for i, w := range want {
		r := tr.Results[i]
		if r.Segment != w.seg || r.Page != w.page || r.Offset != w.off || r.Frame != w.frame || r.PA != w.pa || r.Trap != w.trap {
			t.Errorf("RunPaged(va %d %s) = seg %d page %d offset %d frame %d pa %d trap %q; want seg %d page %d offset %d frame %d pa %d trap %q",
				r.VA, r.Op, r.Segment, r.Page, r.Offset, r.Frame, r.PA, r.Trap, w.seg, w.page, w.off, w.frame, w.pa, w.trap)
		}
	}
	if tr.Valid != 3 || tr.Traps != 6 || tr.PageBits != 2 || tr.OffsetBits != 8 {
		t.Errorf("RunPaged totals = %d valid %d traps, %d page bits %d offset bits; want 3, 6, 2, 8", tr.Valid, tr.Traps, tr.PageBits, tr.OffsetBits)
	}
}

func TestPagedValidateErrors(t *testing.T) {
	seg := []PagedSegment{{PageTable: []Nullable{1}}}
	at := []Access{{VA: 1}}
	tests := []struct {
		name string
		c    PagedConfig
		want string
	}{
		{"page size", PagedConfig{AddressBits: 12, PageSize: 100, Segments: seg, Addresses: at}, "page_size must be a power of two between 1 and 2048"},
		{"page size > S", PagedConfig{AddressBits: 12, PageSize: 4096, Segments: seg, Addresses: at}, "page_size must be a power of two between 1 and 2048"},
		{"table too long", PagedConfig{AddressBits: 8, PageSize: 64, Segments: []PagedSegment{{PageTable: make([]Nullable, 3)}}, Addresses: at}, "segments[0].page_table must have between 1 and 2 entries"},
		{"frame outside memory", PagedConfig{AddressBits: 12, PageSize: 256, Memory: 1024, Segments: []PagedSegment{{PageTable: []Nullable{1, 4}}}, Addresses: at}, "segments[0].page_table[1] must be a frame between 0 and 3 (memory / page_size), or null"},
		{"bad entry", PagedConfig{AddressBits: 12, PageSize: 256, Segments: []PagedSegment{{PageTable: []Nullable{nullBad}}}, Addresses: at}, "segments[0].page_table[0] must be a frame"},
		{"limit", PagedConfig{AddressBits: 12, PageSize: 256, Segments: []PagedSegment{{PageTable: []Nullable{1}, Limit: iptr(257)}}, Addresses: at}, "segments[0].limit must be between 0 and 256"},
		{"memory < page", PagedConfig{AddressBits: 12, PageSize: 256, Memory: 100, Segments: seg, Addresses: at}, "memory must hold at least one page"},
	}
	for _, tt := range tests {
		_, err := RunPaged(tt.c)
		if err == nil || !strings.HasPrefix(err.Error(), tt.want) {
			t.Errorf("RunPaged(%s) error = %v; want prefix %q", tt.name, err, tt.want)
		}
	}
}

func TestPagedJSONNull(t *testing.T) {
	var c PagedConfig
	doc := `{"address_bits":12,"page_size":256,"segments":[{"page_table":[3,null,"x"]}],"addresses":[0]}`
	if err := json.Unmarshal([]byte(doc), &c); err != nil {
		t.Fatal(err)
	}
	if got := c.Segments[0].PageTable; got[0] != 3 || got[1] != Null || got[2] != nullBad {
		t.Errorf("decode %s page_table = %v; want [3 -1 -2]", doc, got)
	}
}

func TestPagedGolden(t *testing.T) {
	tr, err := RunPaged(pagedExample())
	if err != nil {
		t.Fatal(err)
	}
	golden.JSON(t, "pagedseg", tr)
	var b strings.Builder
	if err := tr.WriteTable(&b); err != nil {
		t.Fatal(err)
	}
	golden.Bytes(t, "pagedseg.txt", []byte(b.String()))
}
