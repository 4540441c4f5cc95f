// Package golden compares a test's output with a file kept under the
// package's testdata/golden directory. Run `go test ./sim/... -update` to
// rewrite the files after a deliberate change, then read the diff: a golden
// trace pins a simulator's behaviour step by step.
//
// Only tests import this package.
package golden

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"
)

var update = flag.Bool("update", false, "rewrite golden files under testdata/golden")

// JSON compares the indented JSON encoding of got with testdata/golden/name.json.
func JSON(t testing.TB, name string, got any) {
	t.Helper()
	b, err := json.MarshalIndent(got, "", "  ")
	if err != nil {
		t.Fatalf("golden %s: marshal: %v", name, err)
	}
	Bytes(t, name+".json", append(b, '\n'))
}

// Bytes compares got with testdata/golden/name.
func Bytes(t testing.TB, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", "golden", name)
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("golden %s: %v (run go test -update to create it)", name, err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("golden %s differs from %s:\n got: %s\nwant: %s\n(run go test -update after a deliberate change)", name, path, clip(got), clip(want))
	}
}

func clip(b []byte) string {
	const n = 2000
	if len(b) > n {
		return string(b[:n]) + "…"
	}
	return string(b)
}
