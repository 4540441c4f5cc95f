package segment

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/osarena/osarena/sim/internal/golden"
)

func bptr(b bool) *bool { return &b }

// ostepTiny is OSTEP's segmentation homework, question 1:
// segmentation.py -a 128 -p 512 -b 0 -l 20 -B 512 -L 20.
var ostepTiny = []Segment{{Base: 0, Limit: 20}, {Base: 512, Limit: 20, Grows: Down}}

// ostepChapter is the address space of OSTEP chapter 16: code 2K at 32K,
// heap 3K at 34K, stack 2K growing down from 28K, in a 16K address space.
var ostepChapter = []Segment{
	{Base: 32 << 10, Limit: 2 << 10, Prot: "r-x"},
	{Base: 34 << 10, Limit: 3 << 10, Prot: "rw"},
	{Base: 0, Limit: 0, Valid: bptr(false)},
	{Base: 28 << 10, Limit: 2 << 10, Grows: Down, Prot: "rw"},
}

func TestTranslateTextbook(t *testing.T) {
	tests := []struct {
		bits   int
		segs   []Segment
		va     int
		op     Op
		pa     Nullable
		trap   string
		seg    int
		offset int
	}{
		// OSTEP homework, seeds 0 and 1, and question 2's edges.
		{7, ostepTiny, 108, Read, 492, "", 1, 44},
		{7, ostepTiny, 97, Read, Null, TrapLimit, 1, 33},
		{7, ostepTiny, 53, Read, Null, TrapLimit, 0, 53},
		{7, ostepTiny, 17, Read, 17, "", 0, 17},
		{7, ostepTiny, 19, Read, 19, "", 0, 19},
		{7, ostepTiny, 20, Read, Null, TrapLimit, 0, 20},
		{7, ostepTiny, 107, Read, Null, TrapLimit, 1, 43},
		{7, ostepTiny, 127, Read, 511, "", 1, 63},
		// OSTEP chapter 16: heap 4200 → 34920, stack 15K → 27K.
		{14, ostepChapter, 4200, Read, 34920, "", 1, 104},
		{14, ostepChapter, 15 << 10, Read, 27 << 10, "", 3, 3072},
		{14, ostepChapter, 100, Exec, 32868, "", 0, 100},
		{14, ostepChapter, 100, Write, Null, TrapProt, 0, 100},
		{14, ostepChapter, 9000, Read, Null, TrapInvalid, 2, 808},
		{14, ostepChapter[:3], 15 << 10, Read, Null, TrapSTLR, 3, 3072},
	}
	for _, tt := range tests {
		c := Config{AddressBits: tt.bits, SegmentBits: 2, Segments: tt.segs, Addresses: []Access{{VA: tt.va, Op: tt.op}}}
		if tt.bits == 7 {
			c.SegmentBits = 0 // the default: 1 bit for 2 segments
		}
		tr, err := Run(c)
		if err != nil {
			t.Fatalf("Run(va %d): %v", tt.va, err)
		}
		r := tr.Results[0]
		if r.PA != tt.pa || r.Trap != tt.trap || r.Segment != tt.seg || r.Offset != tt.offset || r.Valid != (tt.trap == "") {
			t.Errorf("Run(%d bits, va %d %s) = seg %d offset %d pa %d trap %q; want seg %d offset %d pa %d trap %q",
				tt.bits, tt.va, tt.op, r.Segment, r.Offset, r.PA, r.Trap, tt.seg, tt.offset, tt.pa, tt.trap)
		}
	}
}

func TestDefaultSegmentBits(t *testing.T) {
	for n, want := range map[int]int{1: 1, 2: 1, 3: 2, 4: 2, 5: 3, 8: 3, 9: 4, 64: 6} {
		if got := defaultSegmentBits(n); got != want {
			t.Errorf("defaultSegmentBits(%d) = %d; want %d", n, got, want)
		}
	}
}

func TestCheckOrder(t *testing.T) {
	// A write past the limit of a read-only segment breaks both checks.
	segs := []Segment{{Base: 100, Limit: 10, Prot: "r"}}
	for _, tt := range []struct{ rule, want string }{{"", TrapLimit}, {CheckLimitFirst, TrapLimit}, {CheckProtFirst, TrapProt}} {
		tr, err := Run(Config{AddressBits: 8, Segments: segs, Addresses: []Access{{VA: 50, Op: Write}}, Rules: Rules{Check: tt.rule}})
		if err != nil {
			t.Fatal(err)
		}
		if got := tr.Results[0].Trap; got != tt.want {
			t.Errorf("Run(check=%q).Trap = %q; want %q", tt.rule, got, tt.want)
		}
	}
}

func TestAccessJSON(t *testing.T) {
	var c Config
	doc := `{"address_bits":8,"segments":[{"base":0,"limit":10}],"addresses":[3,{"va":4,"op":"write"},{"va":5}]}`
	if err := json.Unmarshal([]byte(doc), &c); err != nil {
		t.Fatal(err)
	}
	tr, err := Run(c)
	if err != nil {
		t.Fatal(err)
	}
	var ops []string
	for _, r := range tr.Results {
		ops = append(ops, string(r.Op))
	}
	if got, want := strings.Join(ops, ","), "read,write,read"; got != want {
		t.Errorf("ops of %s = %s; want %s", doc, got, want)
	}
}

func TestValidateErrors(t *testing.T) {
	one := []Segment{{Base: 0, Limit: 10}}
	at := []Access{{VA: 1}}
	tests := []struct {
		name string
		c    Config
		want string
	}{
		{"address bits", Config{AddressBits: 40, Segments: one, Addresses: at}, "address_bits must be between 2 and 32"},
		{"no segments", Config{AddressBits: 8, Addresses: at}, "segments must have between 1 and 64 elements"},
		{"segment bits", Config{AddressBits: 8, SegmentBits: 8, Segments: one, Addresses: at}, "segment_bits must be between 1 and 7"},
		{"too many", Config{AddressBits: 8, SegmentBits: 1, Segments: make([]Segment, 3), Addresses: at}, "segments must have at most 2 elements (2^segment_bits)"},
		{"limit past S", Config{AddressBits: 8, Segments: []Segment{{Limit: 200}}, Addresses: at}, "segments[0].limit must be between 0 and 128 (the maximum segment size 2^7)"},
		{"grows", Config{AddressBits: 8, Segments: []Segment{{Grows: "sideways"}}, Addresses: at}, "segments[0].grows must be one of up, down"},
		{"down below 0", Config{AddressBits: 8, Segments: []Segment{{Base: 5, Limit: 10, Grows: Down}}, Addresses: at}, "segments[0].limit must be at most the base 5"},
		{"memory up", Config{AddressBits: 8, Memory: 100, Segments: []Segment{{Base: 95, Limit: 10}}, Addresses: at}, "segments[0].limit puts the segment past memory: base 95 + limit 10 > memory 100"},
		{"memory down", Config{AddressBits: 8, Memory: 100, Segments: []Segment{{Base: 200, Limit: 10, Grows: Down}}, Addresses: at}, "segments[0].base must be at most memory 100"},
		{"prot", Config{AddressBits: 8, Segments: []Segment{{Prot: "rz"}}, Addresses: at}, `segments[0].prot must be made of r, w, x and -`},
		{"prot twice", Config{AddressBits: 8, Segments: []Segment{{Prot: "rr"}}, Addresses: at}, `segments[0].prot names r twice`},
		{"address", Config{AddressBits: 8, Segments: one, Addresses: []Access{{VA: 1}, {VA: 256}}}, "addresses[1] must be between 0 and 255 (address_bits 8)"},
		{"op", Config{AddressBits: 8, Segments: one, Addresses: []Access{{VA: 1, Op: "jump"}}}, "addresses[0].op must be one of read, write, exec"},
		{"bad access", Config{AddressBits: 8, Segments: one, Addresses: []Access{{bad: true}}}, `addresses[0] must be an address or`},
		{"rule", Config{AddressBits: 8, Segments: one, Addresses: at, Rules: Rules{Check: "x"}}, "rules.check must be one of limit-first, prot-first"},
	}
	for _, tt := range tests {
		_, err := Run(tt.c)
		if err == nil || !strings.HasPrefix(err.Error(), tt.want) {
			t.Errorf("Run(%s) error = %v; want prefix %q", tt.name, err, tt.want)
		}
	}
}

func TestGolden(t *testing.T) {
	tr, err := Run(Config{AddressBits: 14, SegmentBits: 2, Memory: 64 << 10, Segments: ostepChapter,
		Addresses: []Access{{VA: 100, Op: Exec}, {VA: 100, Op: Write}, {VA: 4200}, {VA: 7400, Op: Write}, {VA: 9000}, {VA: 15 << 10}, {VA: 14 << 10, Op: Write}, {VA: 12300}}})
	if err != nil {
		t.Fatal(err)
	}
	golden.JSON(t, "segment-ostep", tr)
	var b strings.Builder
	if err := tr.WriteTable(&b); err != nil {
		t.Fatal(err)
	}
	golden.Bytes(t, "segment-ostep.txt", []byte(b.String()))
}
