package scenario

import "testing"

// FuzzPaging fuzzes the linear paging kind.
func FuzzPaging(f *testing.F) { fuzzKind(f, "paging") }

// FuzzTLB fuzzes the TLB kind.
func FuzzTLB(f *testing.F) { fuzzKind(f, "tlb") }

// FuzzEAT fuzzes the effective-access-time kind.
func FuzzEAT(f *testing.F) { fuzzKind(f, "eat") }

// FuzzPagewalk fuzzes the multilevel page-walk kind.
func FuzzPagewalk(f *testing.F) { fuzzKind(f, "pagewalk") }

// FuzzHashed fuzzes the hashed page table kind.
func FuzzHashed(f *testing.F) { fuzzKind(f, "hashed") }

// FuzzInverted fuzzes the inverted page table kind.
func FuzzInverted(f *testing.F) { fuzzKind(f, "inverted") }
