package scenario

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// examples returns the example scenarios of one kind (or of every kind when
// kind is ""), read from the repository's examples/ folder.
func examples(t testing.TB, kind string) map[string][]byte {
	t.Helper()
	pattern := "*.json"
	if kind != "" {
		pattern = kind + "*.json"
	}
	paths, err := filepath.Glob(filepath.Join("..", "..", "examples", pattern))
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][]byte{}
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		out[filepath.Base(p)] = b
	}
	return out
}

// fuzzKind fuzzes Run with documents of one kind: it seeds the corpus from
// examples/<kind>*.json and checks that Run never panics, that an error is a
// single line, and that every result marshals to JSON and prints as a table.
func fuzzKind(f *testing.F, kind string) {
	for _, b := range examples(f, kind) {
		f.Add(b)
	}
	f.Add([]byte(`{"kind":"` + kind + `"}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		checkRun(t, data)
	})
}

// checkRun runs one document and checks the invariants every kind keeps.
func checkRun(t *testing.T, data []byte) {
	t.Helper()
	r, err := Run(data)
	if err != nil {
		if msg := err.Error(); msg == "" || strings.Contains(msg, "\n") {
			t.Fatalf("Run(%q) error %q; want one non-empty line", data, msg)
		}
		return
	}
	if _, err := json.Marshal(r); err != nil {
		t.Fatalf("Run(%q) result does not marshal: %v", data, err)
	}
	var b bytes.Buffer
	if err := r.WriteTable(&b); err != nil {
		t.Fatalf("Run(%q).WriteTable: %v", data, err)
	}
}

// FuzzScenario fuzzes Run across every kind, seeded with all examples.
func FuzzScenario(f *testing.F) {
	fuzzKind(f, "")
	for _, s := range []string{`null`, `[]`, `{}`, `{"kind":7}`, `{"kind":"replace","frames":1e99}`} {
		f.Add([]byte(s))
	}
}

// FuzzReplace fuzzes the page-replacement kinds.
func FuzzReplace(f *testing.F) { fuzzKind(f, "replace") }
