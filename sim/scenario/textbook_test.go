package scenario

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// testdata/textbook.json is the repository's copy of the course's textbook
// values (../shared/cases/textbook.json beside a checkout). When the shared
// file is there, the copy must match it, so the simulators' tests never run
// against stale values.
func TestTextbookCopyIsCurrent(t *testing.T) {
	shared := filepath.Join("..", "..", "..", "shared", "cases", "textbook.json")
	want, err := os.ReadFile(shared)
	if os.IsNotExist(err) {
		t.Skipf("%s is not beside this checkout", shared)
	}
	if err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(filepath.Join("..", "..", "testdata", "textbook.json"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("testdata/textbook.json differs from %s; copy it over and rerun the tests", shared)
	}
}
