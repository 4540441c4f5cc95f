package scenario

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/osarena/osarena/sim/field"
)

func TestRunErrors(t *testing.T) {
	tests := []struct {
		doc, want string
		isField   bool
	}{
		{`{"kind":"replace","policy":"fifo","frames":0,"refs":[1]}`, "frames must be between 1 and 64", true},
		{`{"kind":"replace","policy":"fifo","frames":"3","refs":[1]}`, "frames must be a whole number in range (got string)", true},
		{`{"kind":"replace","policy":"fifo","frames":1e99,"refs":[1]}`, "frames must be a whole number in range (got number 1e99)", true},
		{`{"kind":"replace","policy":"fifo","frames":3,"refs":[1,"x"]}`, "refs must be a whole number in range (got string)", true},
		{`{"kind":"replace","policy":"fifo","frames":3,"refs":[1],"colour":"red"}`, "colour is not a known field", true},
		{`{"kind":"replace","policy":"fifo","frames":3,"refs":[1],"rules":{"opt_tie":"x"}}`, "rules.opt_tie must be one of lowest-frame, earliest-loaded, latest-loaded", true},
		{`{"kind":"replace","policy":"fifo","frames":3,"refs":[1]} {}`, "scenario has data after the JSON object", false},
		{`{"policy":"fifo"}`, "kind is required (one of ", true},
		{`{"kind":5}`, "kind must be a string", true},
		{`{"kind":"nope"}`, "kind must be one of ", true},
		{`[1,2]`, "scenario must be an object (got array)", true},
		{`null`, "scenario must be a JSON object", false},
		{`"replace"`, "scenario must be an object (got string)", true},
		{``, "scenario is empty or cut short", false},
		{`{"kind":"replace",`, "scenario is empty or cut short", false},
		{`{kind:1}`, "scenario is not valid JSON at byte 2", false},
		{strings.Repeat(" ", MaxBytes+1), "scenario is larger than", false},
	}
	for _, tt := range tests {
		_, err := Run([]byte(tt.doc))
		if err == nil || !strings.HasPrefix(err.Error(), tt.want) {
			t.Errorf("Run(%.60q) error = %v; want prefix %q", tt.doc, err, tt.want)
			continue
		}
		if _, ok := field.As(err); ok != tt.isField {
			t.Errorf("Run(%.60q) error %q is a field error: %v; want %v", tt.doc, err, ok, tt.isField)
		}
	}
}

func TestRunReplace(t *testing.T) {
	r, err := Run([]byte(`{"kind":"replace","policy":"lru","frames":2,"refs":[1,2,1,3]}`))
	if err != nil {
		t.Fatal(err)
	}
	b, err := json.Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	var got struct {
		Faults int `json:"faults"`
		Steps  []struct {
			Victim *int   `json:"victim"`
			Frames []*int `json:"frames"`
		} `json:"steps"`
	}
	if err := json.Unmarshal(b, &got); err != nil {
		t.Fatal(err)
	}
	if got.Faults != 3 || len(got.Steps) != 4 || got.Steps[0].Victim != nil || got.Steps[0].Frames[1] != nil || got.Steps[3].Victim == nil || *got.Steps[3].Victim != 2 {
		t.Errorf("Run(lru 1,2,1,3) = %s; want 3 faults, null victim and free frame at first, victim 2 at the end", b)
	}
}

// Every example in examples/ runs and keeps the invariants the fuzzer checks.
func TestExamplesRun(t *testing.T) {
	ex := examples(t, "")
	if len(ex) == 0 {
		t.Fatal("no examples found")
	}
	for name, b := range ex {
		if _, err := Run(b); err != nil {
			t.Errorf("example %s: %v", name, err)
		}
		checkRun(t, b)
	}
}
