package paging

import (
	"bytes"
	"encoding/json"
	"io"
	"testing"
)

func bytesReader(b []byte) io.Reader { return bytes.NewReader(b) }

// decode decodes a scenario document (without "kind") into a config the
// way package scenario does: strictly.
func decode(t *testing.T, doc string, v any) {
	t.Helper()
	dec := json.NewDecoder(bytes.NewReader([]byte(doc)))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		t.Fatalf("decode %s: %v", doc, err)
	}
}

// table prints a trace's table, failing the test on error.
func table(t *testing.T, r interface{ WriteTable(io.Writer) error }) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := r.WriteTable(&b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}
