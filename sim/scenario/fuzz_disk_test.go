package scenario

import "testing"

// FuzzDisk fuzzes the disk-scheduling kind.
func FuzzDisk(f *testing.F) { fuzzKind(f, "disk") }

// FuzzDiskTime fuzzes the access-time kind.
func FuzzDiskTime(f *testing.F) { fuzzKind(f, "disktime") }
