package scenario

import "testing"

// FuzzRAID fuzzes the RAID kind.
func FuzzRAID(f *testing.F) { fuzzKind(f, "raid") }
