package scenario

import "testing"

// FuzzRelocation fuzzes the base/limit translation kind.
func FuzzRelocation(f *testing.F) { fuzzKind(f, "relocation") }

// FuzzMalloc fuzzes the contiguous-allocation kind.
func FuzzMalloc(f *testing.F) { fuzzKind(f, "malloc") }
