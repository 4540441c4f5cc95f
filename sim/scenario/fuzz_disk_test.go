package scenario

import "testing"

// FuzzDisk fuzzes the disk-scheduling kind.
func FuzzDisk(f *testing.F) { fuzzKind(f, "disk") }
