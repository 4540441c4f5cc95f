package wset

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/osarena/osarena/sim/internal/golden"
	"github.com/osarena/osarena/sim/rng"
)

// loadExample decodes examples/<name>.json (without its kind) into c.
func loadExample(t *testing.T, name string, c any) {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "..", "examples", name+".json"))
	if err != nil {
		t.Fatal(err)
	}
	var doc map[string]json.RawMessage
	if err := json.Unmarshal(b, &doc); err != nil {
		t.Fatal(err)
	}
	delete(doc, "kind")
	b, _ = json.Marshal(doc)
	if err := json.Unmarshal(b, c); err != nil {
		t.Fatal(err)
	}
}

// TestPFFByHand pins the examples against tables worked by hand.
func TestPFFByHand(t *testing.T) {
	tests := []struct {
		example  string
		rules    PFFRules
		frames   []int    // allocation after each step
		actions  []string // t:action for every step with an action
		released [][]int  // pages given up at each release or removal
		faults   int
	}{
		{"pff", PFFRules{}, []int{2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 5, 5, 5, 5, 4, 4, 4, 4, 4},
			[]string{"4:add", "8:add", "12:add", "20:remove"}, [][]int{{3}}, 13},
		{"pff-interfault", PFFRules{}, []int{1, 2, 3, 3, 3, 3, 3, 3, 3, 3, 3, 4, 4, 4, 3, 3, 3, 2, 2, 2},
			[]string{"1:add", "2:add", "3:add", "10:release", "12:add", "15:release", "18:release"}, [][]int{{3}, {4, 5}, {1, 2}}, 7},
		// Stallings' wording: use bits are set on load and cleared only on a
		// release, so nothing is released at t=10 or t=15 (every page was
		// marked), memory fills up and LRU replaces pages 3 (t=12) and 4
		// (t=15); at t=18 pages 1, 2 and 5 are unmarked and go.
		{"pff-interfault", PFFRules{Model: ModelInterfault, UseBits: UseOnRelease}, []int{1, 2, 3, 3, 3, 3, 3, 3, 3, 4, 4, 4, 4, 4, 4, 4, 4, 2, 2, 2},
			[]string{"1:add", "2:add", "3:add", "10:release", "12:at-max", "15:release", "18:release"}, [][]int{nil, nil, {1, 2, 5}}, 7},
	}
	for _, tt := range tests {
		var c PFFConfig
		loadExample(t, tt.example, &c)
		if tt.rules.Model != "" {
			c.Rules = tt.rules
		}
		tr, err := RunPFF(c)
		if err != nil {
			t.Fatalf("RunPFF(%s): %v", tt.example, err)
		}
		var frames []int
		var actions []string
		var released [][]int
		for _, s := range tr.Steps {
			frames = append(frames, s.Frames)
			if s.Action != "" {
				actions = append(actions, strconv.Itoa(s.T)+":"+s.Action)
			}
			if s.Action == ActRelease || s.Action == ActRemove {
				released = append(released, s.Released)
			}
		}
		if !slices.Equal(frames, tt.frames) || !slices.Equal(actions, tt.actions) || tr.Faults != tt.faults ||
			!slices.EqualFunc(released, tt.released, slices.Equal) {
			t.Errorf("RunPFF(%s, %+v) = frames %v actions %v released %v faults %d; want %v %v %v %d",
				tt.example, tr.Rules, frames, actions, released, tr.Faults, tt.frames, tt.actions, tt.released, tt.faults)
		}
	}
}

func TestPFFValidateErrors(t *testing.T) {
	refs := []int{1, 2}
	inter := PFFRules{Model: ModelInterfault}
	tests := []struct {
		c    PFFConfig
		want string
	}{
		{PFFConfig{Refs: refs, Memory: 0, Window: 2}, "memory must be between 1 and 64"},
		{PFFConfig{Refs: refs, Memory: 4, Frames: 5, Window: 2}, "frames must be between 1 and memory (4)"},
		{PFFConfig{Refs: refs, Memory: 4}, "window must be between 1 and 10000"},
		{PFFConfig{Refs: refs, Memory: 4, Window: 4, Upper: 5}, "upper must be between 0 and window (4)"},
		{PFFConfig{Refs: refs, Memory: 4, Window: 4, Upper: 2, Lower: 3}, "lower must be between 0 and upper (2)"},
		{PFFConfig{Refs: refs, Memory: 4, Window: 4, Upper: 2, Lower: 2, Rules: PFFRules{Bounds: BoundsInclusive}}, "lower must be between 0 and upper-1 (1) with inclusive bounds"},
		{PFFConfig{Refs: refs, Memory: 4, Window: 4, Threshold: 3}, "threshold applies to rules.model=interfault only"},
		{PFFConfig{Refs: refs, Memory: 4, Rules: inter}, "threshold must be between 1 and 10000"},
		{PFFConfig{Refs: refs, Memory: 4, Window: 4, Threshold: 3, Rules: inter}, "window applies to rules.model=rate only"},
		{PFFConfig{Refs: refs, Memory: 4, Window: 4, Rules: PFFRules{Model: "ws"}}, "rules.model must be one of rate, interfault"},
	}
	for _, tt := range tests {
		_, err := RunPFF(tt.c)
		if err == nil || !strings.HasPrefix(err.Error(), tt.want) {
			t.Errorf("RunPFF(%+v) error = %v; want prefix %q", tt.c, err, tt.want)
		}
	}
}

// PFF never gives a process fewer than 1 frame or more than memory, and
// never holds more pages than its allocation.
func TestPFFProperties(t *testing.T) {
	r := rng.New(4, rng.StreamScenario)
	for i := range 3000 {
		c := PFFConfig{Refs: randomRefs(r, 1+r.IntN(80), 1+r.IntN(25)), Memory: 1 + r.IntN(12)}
		switch r.IntN(3) {
		case 0:
			c.Rules = PFFRules{Model: ModelInterfault, UseBits: []string{UseEveryFault, UseOnRelease}[r.IntN(2)]}
			c.Threshold = 1 + r.IntN(8)
		default:
			c.Frames = 1 + r.IntN(c.Memory)
			c.Window = 1 + r.IntN(10)
			c.Upper = r.IntN(c.Window + 1)
			c.Lower = r.IntN(c.Upper + 1)
			if r.IntN(2) == 0 && c.Upper > 0 {
				c.Rules.Bounds = BoundsInclusive
				c.Lower = r.IntN(c.Upper)
			}
		}
		tr, err := RunPFF(c)
		if err != nil {
			t.Fatalf("case %d: RunPFF(%+v): %v", i, c, err)
		}
		faults := 0
		for _, s := range tr.Steps {
			if s.Frames < 1 || s.Frames > c.Memory || len(s.Resident) > s.Frames {
				t.Fatalf("case %d: t=%d frames %d resident %v; want 1 ≤ frames ≤ memory %d and resident ≤ frames", i, s.T, s.Frames, s.Resident, c.Memory)
			}
			if _, ok := slices.BinarySearch(s.Resident, s.Ref); !ok {
				t.Fatalf("case %d: t=%d page %d not resident after its reference: %v", i, s.T, s.Ref, s.Resident)
			}
			if s.Fault {
				faults++
			}
		}
		if faults != tr.Faults {
			t.Fatalf("case %d: counted %d faults; trace says %d", i, faults, tr.Faults)
		}
	}
}

func TestPFFGolden(t *testing.T) {
	for _, name := range []string{"pff", "pff-interfault"} {
		var c PFFConfig
		loadExample(t, name, &c)
		tr, err := RunPFF(c)
		if err != nil {
			t.Fatal(err)
		}
		golden.JSON(t, name, tr)
		var b strings.Builder
		if err := tr.WriteTable(&b); err != nil {
			t.Fatal(err)
		}
		golden.Bytes(t, name+".txt", []byte(b.String()))
	}
}
