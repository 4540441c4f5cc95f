package scenario

import "testing"

// FuzzFileBlock fuzzes the file-allocation kind.
func FuzzFileBlock(f *testing.F) { fuzzKind(f, "fileblock") }

// FuzzFreeSpace fuzzes the free-space kind.
func FuzzFreeSpace(f *testing.F) { fuzzKind(f, "freespace") }

// FuzzDir fuzzes the directory kind.
func FuzzDir(f *testing.F) { fuzzKind(f, "dir") }

// FuzzBufCache fuzzes the buffer-cache kind.
func FuzzBufCache(f *testing.F) { fuzzKind(f, "bufcache") }
