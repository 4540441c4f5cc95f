package disk

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// textbookCase is one disk case of testdata/textbook.json.
type textbookCase struct {
	Cylinders             int       `json:"cylinders"`
	Head                  int       `json:"head"`
	Direction             string    `json:"direction"`
	Requests              []Request `json:"requests"`
	Policy                Policy    `json:"policy"`
	Movement              int       `json:"movement"`
	MovementWithoutReturn *int      `json:"movement_without_return"`
	Order                 []int     `json:"order"`
	Path                  []int     `json:"path"`
}

// textbookCases reads the disk cases every simulator must reproduce.
func textbookCases(t *testing.T) []textbookCase {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "..", "testdata", "textbook.json"))
	if err != nil {
		t.Fatalf("read textbook cases: %v", err)
	}
	var cases struct {
		Disk []textbookCase `json:"disk"`
	}
	if err := json.Unmarshal(data, &cases); err != nil {
		t.Fatalf("decode textbook cases: %v", err)
	}
	if len(cases.Disk) < 6 {
		t.Fatalf("textbook.json has %d disk cases; want at least 6", len(cases.Disk))
	}
	return cases.Disk
}

func TestTextbook(t *testing.T) {
	for _, tc := range textbookCases(t) {
		c := Config{Policy: tc.Policy, Cylinders: tc.Cylinders, Head: tc.Head, Direction: tc.Direction, Requests: tc.Requests}
		tr, err := Run(c)
		if err != nil {
			t.Fatalf("Run(%s): %v", tc.Policy, err)
		}
		if tr.Movement != tc.Movement {
			t.Errorf("Run(%s).Movement = %d; want %d", tc.Policy, tr.Movement, tc.Movement)
		}
		if tc.MovementWithoutReturn != nil && tr.MovementWithoutReturn != *tc.MovementWithoutReturn {
			t.Errorf("Run(%s).MovementWithoutReturn = %d; want %d", tc.Policy, tr.MovementWithoutReturn, *tc.MovementWithoutReturn)
		}
		if tc.Order != nil && !slices.Equal(tr.Order, tc.Order) {
			t.Errorf("Run(%s).Order = %v; want %v", tc.Policy, tr.Order, tc.Order)
		}
		if tc.Path != nil && !slices.Equal(tr.Path, tc.Path) {
			t.Errorf("Run(%s).Path = %v; want %v", tc.Policy, tr.Path, tc.Path)
		}
		m, wr, err := Movement(c)
		if err != nil || m != tc.Movement || tc.MovementWithoutReturn != nil && wr != *tc.MovementWithoutReturn {
			t.Errorf("Movement(%s) = %d, %d, %v; want %d", tc.Policy, m, wr, err, tc.Movement)
		}
	}
}

// The same queue under every rule variant, checked by hand.
func TestRuleVariants(t *testing.T) {
	q := []Request{{Cylinder: 98}, {Cylinder: 183}, {Cylinder: 37}, {Cylinder: 122}, {Cylinder: 14}, {Cylinder: 124}, {Cylinder: 65}, {Cylinder: 67}}
	tests := []struct {
		c              Config
		movement, wret int
		path           []int
	}{
		// SCAN turning at the last request is LOOK.
		{Config{Policy: SCAN, Direction: Down, Rules: Rules{Travel: TravelLastRequest}}, 208, 208, []int{53, 37, 14, 65, 67, 98, 122, 124, 183}},
		// SCAN up: to 199 (requests remain below), back down to 14.
		{Config{Policy: SCAN, Direction: Up}, 146 + 185, 146 + 185, []int{53, 65, 67, 98, 122, 124, 183, 199, 37, 14}},
		// C-SCAN with the return not counted.
		{Config{Policy: CSCAN, Direction: Up, Rules: Rules{Return: ReturnNotCounted}}, 183, 183, []int{53, 65, 67, 98, 122, 124, 183, 199, 0, 14, 37}},
		// C-SCAN turning at the last request is C-LOOK.
		{Config{Policy: CSCAN, Direction: Up, Rules: Rules{Travel: TravelLastRequest}}, 322, 153, []int{53, 65, 67, 98, 122, 124, 183, 14, 37}},
		{Config{Policy: CLOOK, Direction: Up, Rules: Rules{Return: ReturnNotCounted}}, 153, 153, []int{53, 65, 67, 98, 122, 124, 183, 14, 37}},
		// C-LOOK down: 37, 14, jump to 183, down to 65.
		{Config{Policy: CLOOK, Direction: Down}, 39 + 169 + 118, 39 + 118, []int{53, 37, 14, 183, 124, 122, 98, 67, 65}},
		// LOOK up.
		{Config{Policy: LOOK, Direction: Up}, 130 + 169, 130 + 169, []int{53, 65, 67, 98, 122, 124, 183, 37, 14}},
		// With a static queue, F-SCAN is SCAN and N-step SCAN with n ≥ 8 too.
		{Config{Policy: FSCAN, Direction: Down}, 236, 236, []int{53, 37, 14, 0, 65, 67, 98, 122, 124, 183}},
		{Config{Policy: NSCAN, N: 8, Direction: Down}, 236, 236, []int{53, 37, 14, 0, 65, 67, 98, 122, 124, 183}},
		// N-step SCAN, n=3: batches {98,183,37} {122,14,124} {65,67}.
		// Down from 53: 37, edge 0, up 98, 183; batch 2 up: 199 turn, 124, 122, 14;
		// batch 3 down: 0 turn, up 65, 67.
		{Config{Policy: NSCAN, N: 3, Direction: Down}, 53 + 183 + 16 + 185 + 14 + 67, 53 + 183 + 16 + 185 + 14 + 67, []int{53, 37, 0, 98, 183, 199, 124, 122, 14, 0, 65, 67}},
	}
	for _, tt := range tests {
		c := tt.c
		c.Cylinders, c.Head, c.Requests = 200, 53, q
		tr, err := Run(c)
		if err != nil {
			t.Fatalf("Run(%+v): %v", c, err)
		}
		if tr.Movement != tt.movement || tr.MovementWithoutReturn != tt.wret || !slices.Equal(tr.Path, tt.path) {
			t.Errorf("Run(%s %s %+v) = movement %d, %d, path %v; want %d, %d, %v", c.Policy, c.Direction, c.Rules,
				tr.Movement, tr.MovementWithoutReturn, tr.Path, tt.movement, tt.wret, tt.path)
		}
	}
}

// SSTF's tie rule: from 50, requests at 40 and 60 are equally far.
func TestSSTFTie(t *testing.T) {
	tests := []struct {
		dir, rule string
		want      []int
	}{
		{Up, "", []int{60, 40}},
		{Down, "", []int{40, 60}},
		{Up, TieLower, []int{40, 60}},
		{"", "", []int{60, 40}}, // direction left out: up
	}
	for _, tt := range tests {
		c := Config{Policy: SSTF, Cylinders: 100, Head: 50, Direction: tt.dir, Requests: []Request{{Cylinder: 40}, {Cylinder: 60}}, Rules: Rules{SSTFTie: tt.rule}}
		tr, err := Run(c)
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(tr.Order, tt.want) {
			t.Errorf("Run(sstf, direction %q, sstf_tie %q).Order = %v; want %v", tt.dir, tt.rule, tr.Order, tt.want)
		}
	}
	// The direction that decides a later tie is the direction of the last
	// move: 50 → 45 (down); then 40 and 50 (arrived at 1) tie at 45 ± 5,
	// and the head keeps going down.
	c := Config{Policy: SSTF, Cylinders: 100, Head: 50, Direction: Up, Requests: []Request{{Cylinder: 45}, {Cylinder: 40}, {Cylinder: 50, Arrival: 1}}}
	tr, err := Run(c)
	if err != nil {
		t.Fatal(err)
	}
	if want := []int{45, 40, 50}; !slices.Equal(tr.Order, want) {
		t.Errorf("Run(sstf, tie after moving down).Order = %v; want %v", tr.Order, want)
	}
}
