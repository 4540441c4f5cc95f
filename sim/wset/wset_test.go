package wset

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/osarena/osarena/sim/internal/golden"
	"github.com/osarena/osarena/sim/rng"
)

// TestTextbook runs the wset cases of testdata/textbook.json.
func TestTextbook(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "..", "testdata", "textbook.json"))
	if err != nil {
		t.Fatalf("read textbook cases: %v", err)
	}
	var cases struct {
		Wset []struct {
			Refs  []int `json:"refs"`
			Delta int   `json:"delta"`
			At    int   `json:"at"`
			Set   []int `json:"set"`
		} `json:"wset"`
	}
	if err := json.Unmarshal(data, &cases); err != nil {
		t.Fatalf("decode textbook cases: %v", err)
	}
	if len(cases.Wset) < 2 {
		t.Fatalf("textbook.json has %d wset cases; want at least 2", len(cases.Wset))
	}
	for _, tc := range cases.Wset {
		tr, err := Run(Config{Refs: tc.Refs, Delta: tc.Delta, At: Times{tc.At}})
		if err != nil {
			t.Fatalf("Run(delta %d, at %d): %v", tc.Delta, tc.At, err)
		}
		if got := tr.At[0].Set; !slices.Equal(got, tc.Set) || tr.At[0].Size != len(tc.Set) {
			t.Errorf("Run(delta %d).At(%d) = %v (size %d); want %v", tc.Delta, tc.At, got, tr.At[0].Size, tc.Set)
		}
		if got := tr.Steps[tc.At-1].Set; !slices.Equal(got, tc.Set) {
			t.Errorf("Run(delta %d).Steps[%d].Set = %v; want %v", tc.Delta, tc.At-1, got, tc.Set)
		}
	}
}

func TestClosedIntervalRule(t *testing.T) {
	refs := []int{1, 2, 3, 4}
	tests := []struct {
		rule string
		want []int
	}{
		{"", []int{3, 4}},
		{WindowLastDelta, []int{3, 4}},
		{WindowClosedInterval, []int{2, 3, 4}},
	}
	for _, tt := range tests {
		tr, err := Run(Config{Refs: refs, Delta: 2, At: Times{4}, Rules: Rules{Window: tt.rule}})
		if err != nil {
			t.Fatal(err)
		}
		if got := tr.At[0].Set; !slices.Equal(got, tt.want) {
			t.Errorf("Run(%v, delta 2, window=%q).At(4) = %v; want %v", refs, tt.rule, got, tt.want)
		}
	}
}

func TestTimesJSON(t *testing.T) {
	tests := []struct {
		doc  string
		want Times
	}{
		{`10`, Times{10}},
		{`[10, 26]`, Times{10, 26}},
		{`"10"`, Times{badTimes}},
		{`1.5`, Times{badTimes}},
		{`[1, "x"]`, Times{badTimes}},
		{`null`, nil},
	}
	for _, tt := range tests {
		var got Times
		if err := json.Unmarshal([]byte(tt.doc), &got); err != nil || !slices.Equal(got, tt.want) {
			t.Errorf("Unmarshal(%s) = %v, %v; want %v", tt.doc, got, err, tt.want)
		}
	}
}

func TestValidateErrors(t *testing.T) {
	tests := []struct {
		c    Config
		want string
	}{
		{Config{Delta: 2}, "refs must have between 1 and 10000 elements"},
		{Config{Refs: []int{1, -1}, Delta: 2}, "refs[1] must be between 0 and 999999"},
		{Config{Refs: []int{1}, Delta: 0}, "delta must be between 1 and 1000"},
		{Config{Refs: []int{1, 2}, Delta: 1, At: Times{3}}, "at[0] must be between 1 and 2 (t counts references from 1)"},
		{Config{Refs: []int{1, 2}, Delta: 1, At: Times{badTimes}}, "at must be a time or an array of times"},
		{Config{Refs: []int{1}, Delta: 1, Rules: Rules{Window: "open"}}, "rules.window must be one of last-delta, closed-interval"},
		{Config{Refs: seq(MaxRefs), Delta: MaxDelta}, "delta with these refs gives working sets of"},
	}
	for _, tt := range tests {
		_, err := Run(tt.c)
		if err == nil || !strings.HasPrefix(err.Error(), tt.want) {
			t.Errorf("Run(%.40v) error = %v; want prefix %q", tt.c, err, tt.want)
		}
	}
}

func seq(n int) []int {
	s := make([]int, n)
	for i := range s {
		s[i] = i
	}
	return s
}

// randomRefs draws a reference string with some locality.
func randomRefs(r *rng.Rand, n, pages int) []int {
	refs := make([]int, n)
	for i := range refs {
		if i > 0 && r.IntN(3) > 0 {
			refs[i] = max(0, refs[i-1]+r.IntN(5)-2)
		} else {
			refs[i] = r.IntN(pages)
		}
	}
	return refs
}

// The properties of the working set: |W(t,Δ)| ≤ Δ and ≤ the number of
// distinct pages; W(t,Δ) ⊆ W(t,Δ+1); the set is exactly the distinct
// pages among the last Δ references; a fault is a page not in W(t−1,Δ).
func TestProperties(t *testing.T) {
	r := rng.New(3, rng.StreamScenario)
	for i := range 2000 {
		refs := randomRefs(r, 1+r.IntN(60), 1+r.IntN(20))
		delta := 1 + r.IntN(12)
		a, err := Run(Config{Refs: refs, Delta: delta})
		if err != nil {
			t.Fatal(err)
		}
		b, err := Run(Config{Refs: refs, Delta: delta + 1})
		if err != nil {
			t.Fatal(err)
		}
		for k, s := range a.Steps {
			if s.Size > delta || s.Size > a.Distinct || s.Size != len(s.Set) {
				t.Fatalf("case %d: |W(%d, %d)| = %d (set %v); want ≤ %d and ≤ %d distinct", i, s.T, delta, s.Size, s.Set, delta, a.Distinct)
			}
			want := slices.Compact(slices.Sorted(slices.Values(refs[max(0, k-delta+1) : k+1])))
			if !slices.Equal(s.Set, want) {
				t.Fatalf("case %d: W(%d, %d) = %v; want %v (refs %v)", i, s.T, delta, s.Set, want, refs)
			}
			for _, p := range s.Set {
				if _, ok := slices.BinarySearch(b.Steps[k].Set, p); !ok {
					t.Fatalf("case %d: W(%d, %d) = %v not inside W(%d, %d) = %v", i, s.T, delta, s.Set, s.T, delta+1, b.Steps[k].Set)
				}
			}
			fault := true
			if k > 0 {
				_, in := slices.BinarySearch(a.Steps[k-1].Set, s.Ref)
				fault = !in
			}
			if s.Fault != fault {
				t.Fatalf("case %d: step %d fault = %v; want %v", i, s.T, s.Fault, fault)
			}
		}
	}
}

func TestGolden(t *testing.T) {
	var c Config
	b, err := os.ReadFile(filepath.Join("..", "..", "examples", "wset.json"))
	if err != nil {
		t.Fatal(err)
	}
	var doc map[string]json.RawMessage
	if err := json.Unmarshal(b, &doc); err != nil {
		t.Fatal(err)
	}
	delete(doc, "kind")
	b, _ = json.Marshal(doc)
	if err := json.Unmarshal(b, &c); err != nil {
		t.Fatal(err)
	}
	tr, err := Run(c)
	if err != nil {
		t.Fatal(err)
	}
	golden.JSON(t, "wset", tr)
	var out strings.Builder
	if err := tr.WriteTable(&out); err != nil {
		t.Fatal(err)
	}
	golden.Bytes(t, "wset.txt", []byte(out.String()))
}

// BenchmarkWindow pushes 10 M references per iteration through a Δ = 10
// window over 1000 pages; ns/reference is reported.
func BenchmarkWindow(b *testing.B) {
	const n = 10_000_000
	refs := randomRefs(rng.New(1, rng.StreamScenario), 1<<16, 1000)
	faults := 0
	for b.Loop() {
		w := NewWindow(10, 1100)
		for i := range n {
			if in, _ := w.Push(refs[i&(1<<16-1)]); in {
				faults++
			}
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*n), "ns/ref")
	sink = faults
}

var sink int
