package paging

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
)

// textbook is the part of testdata/textbook.json this package must reproduce.
type textbook struct {
	EAT []struct {
		Levels   int         `json:"levels"`
		MemoryNS int         `json:"memory_ns"`
		TLBNS    int         `json:"tlb_ns"`
		HitRatio json.Number `json:"hit_ratio"`
		EATNS    json.Number `json:"eat_ns"`
	} `json:"eat"`
	Paging []struct {
		AddressBits int   `json:"address_bits"`
		PageSize    int   `json:"page_size"`
		PTEBytes    int   `json:"pte_bytes"`
		TableBytes  int64 `json:"single_level_table_bytes"`
	} `json:"paging"`
}

func readTextbook(t *testing.T) textbook {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "..", "testdata", "textbook.json"))
	if err != nil {
		t.Fatalf("read textbook cases: %v", err)
	}
	dec := json.NewDecoder(bytesReader(data))
	dec.UseNumber()
	var tb textbook
	if err := dec.Decode(&tb); err != nil {
		t.Fatalf("decode textbook cases: %v", err)
	}
	if len(tb.EAT) == 0 || len(tb.Paging) == 0 {
		t.Fatal("textbook.json has no eat or paging cases")
	}
	return tb
}

func TestTextbookEAT(t *testing.T) {
	for _, tc := range readTextbook(t).EAT {
		c := EATConfig{Levels: tc.Levels, MemoryNS: tc.MemoryNS, TLBNS: tc.TLBNS, HitRatio: tc.HitRatio}
		tr, err := RunEAT(c)
		if err != nil {
			t.Fatalf("RunEAT(%+v): %v", c, err)
		}
		if got, want := tr.EATNS.String(), string(tc.EATNS); got != want || !tr.EATNS.IsInt() {
			t.Errorf("RunEAT(%+v).EATNS = %s (%s); want exactly %s", c, got, tr.EATExact, want)
		}
	}
}

func TestTextbookTableSize(t *testing.T) {
	for _, tc := range readTextbook(t).Paging {
		c := Config{PageSize: tc.PageSize, PageTable: []PTE{Frame(1)}, Addresses: []Access{At(0)},
			AddressBits: tc.AddressBits, PTEBytes: tc.PTEBytes}
		tr, err := Run(c)
		if err != nil {
			t.Fatalf("Run(%+v): %v", c, err)
		}
		if tr.TableSize == nil || !tr.TableSize.Bytes.IsInt64() || tr.TableSize.Bytes.Int64() != tc.TableBytes {
			t.Errorf("Run(%d-bit, page %d, pte %d).TableSize = %+v; want %d bytes", tc.AddressBits, tc.PageSize, tc.PTEBytes, tr.TableSize, tc.TableBytes)
		}
	}
}

// The EAT formula and its parallel-lookup variant on hand-worked cases.
func TestEATCases(t *testing.T) {
	tests := []struct {
		k, m, tlb int
		h         string
		lookup    string
		want      string // decimal
		exact     string
	}{
		{1, 100, 20, "0.8", "", "140", "140"},
		{1, 100, 20, "1", "", "120", "120"},
		{1, 100, 20, "0", "", "220", "220"},
		{1, 100, 0, "0.8", "", "120", "120"},              // no TLB cost: 0.8·100 + 0.2·200
		{1, 100, 20, "0.8", LookupParallel, "136", "136"}, // 0.8·120 + 0.2·200
		{4, 100, 20, "0.98", LookupParallel, "127.6", "638/5"},
		{2, 100, 20, "0.333", "", "253.4", "1267/5"},
		{1, 100, 10, "0.3", "", "180", "180"},
		{3, 7, 1, "0.1", "", "26.9", "269/10"}, // 0.1·8 + 0.9·29
		{1, 1, 1, "0.000000001", "", "2.999999999", "2999999999/1000000000"},
	}
	for _, tt := range tests {
		c := EATConfig{Levels: tt.k, MemoryNS: tt.m, TLBNS: tt.tlb, HitRatio: json.Number(tt.h), Rules: EATRules{TLBLookup: tt.lookup}}
		tr, err := RunEAT(c)
		if err != nil {
			t.Fatalf("RunEAT(%+v): %v", c, err)
		}
		if got := tr.EATNS.String(); got != tt.want || tr.EATExact != tt.exact {
			t.Errorf("RunEAT(%+v).EATNS = %s (%s); want %s (%s)", c, got, tr.EATExact, tt.want, tt.exact)
		}
	}
}

func TestFracString(t *testing.T) {
	tests := []struct {
		num, den int64
		want     string
	}{
		{0, 1, "0"}, {1, 3, "0.333333"}, {2, 3, "0.666667"}, {1, 6, "0.166667"}, {1, 8, "0.125"},
		{5, 2, "2.5"}, {1, 1 << 20, "0.00000095367431640625"}, {1, 7, "0.142857"}, {100, 7, "14.285714"},
		{1, 2_000_000, "0.0000005"}, {1, 3_000_000, "0"}, {1, 1_999_999, "0.000001"},
	}
	for _, tt := range tests {
		if got := NewFrac(tt.num, tt.den).String(); got != tt.want {
			t.Errorf("NewFrac(%d, %d).String() = %s; want %s", tt.num, tt.den, got, tt.want)
		}
	}
}

func TestParseDecimal(t *testing.T) {
	tests := []struct {
		s      string
		want   Frac
		wantOK bool
	}{
		{"0.98", Frac{49, 50}, true}, {"1", Frac{1, 1}, true}, {"0", Frac{0, 1}, true}, {"1.0", Frac{1, 1}, true},
		{"0.123456789", Frac{123456789, 1_000_000_000}, true},
		{"0.1234567891", Frac{}, false}, {"9.8e-1", Frac{}, false}, {"-0.5", Frac{}, false}, {".5", Frac{}, false},
		{"1.", Frac{}, false}, {"", Frac{}, false}, {"12345678901", Frac{}, false},
	}
	for _, tt := range tests {
		got, ok := ParseDecimal(tt.s)
		if ok != tt.wantOK || (ok && got != tt.want) {
			t.Errorf("ParseDecimal(%q) = %v, %v; want %v, %v", tt.s, got, ok, tt.want, tt.wantOK)
		}
	}
}
