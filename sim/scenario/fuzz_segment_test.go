package scenario

import "testing"

// FuzzSegment fuzzes the segmentation kind.
func FuzzSegment(f *testing.F) { fuzzKind(f, "segment") }

// FuzzPagedSeg fuzzes the paged-segmentation kind.
func FuzzPagedSeg(f *testing.F) { fuzzKind(f, "pagedseg") }

// FuzzWset fuzzes the working-set kind.
func FuzzWset(f *testing.F) { fuzzKind(f, "wset") }

// FuzzPFF fuzzes the page-fault-frequency kind.
func FuzzPFF(f *testing.F) { fuzzKind(f, "pff") }

// FuzzThrashing fuzzes the thrashing kind.
func FuzzThrashing(f *testing.F) { fuzzKind(f, "thrashing") }
