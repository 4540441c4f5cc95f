package scenario

import "testing"

// FuzzFileBlock fuzzes the file-allocation kind.
func FuzzFileBlock(f *testing.F) { fuzzKind(f, "fileblock") }
