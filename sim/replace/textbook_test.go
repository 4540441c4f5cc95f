package replace

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
)

// textbookCases reads the replacement cases of ../shared/cases/textbook.json,
// the values every simulator must reproduce.
func textbookCases(t *testing.T) []struct {
	Refs   []int          `json:"refs"`
	Frames int            `json:"frames"`
	Faults map[string]int `json:"faults"`
} {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "..", "testdata", "textbook.json"))
	if err != nil {
		t.Fatalf("read textbook cases: %v", err)
	}
	var cases struct {
		Replace []struct {
			Refs   []int          `json:"refs"`
			Frames int            `json:"frames"`
			Faults map[string]int `json:"faults"`
		} `json:"replace"`
	}
	if err := json.Unmarshal(data, &cases); err != nil {
		t.Fatalf("decode textbook cases: %v", err)
	}
	if len(cases.Replace) == 0 {
		t.Fatal("textbook.json has no replace cases")
	}
	return cases.Replace
}

func TestTextbookFaults(t *testing.T) {
	for _, tc := range textbookCases(t) {
		for policy, want := range tc.Faults {
			c := Config{Policy: Policy(policy), Frames: tc.Frames, Refs: tc.Refs}
			tr, err := Run(c)
			if err != nil {
				t.Fatalf("Run(%s, %d frames): %v", policy, tc.Frames, err)
			}
			if tr.Faults != want {
				t.Errorf("Run(%s, %d frames, %v).Faults = %d; want %d", policy, tc.Frames, tc.Refs, tr.Faults, want)
			}
			got, err := Count(c)
			if err != nil || got != want {
				t.Errorf("Count(%s, %d frames) = %d, %v; want %d", policy, tc.Frames, got, err, want)
			}
		}
	}
}
