// Package paging simulates address translation through the page-table
// structures of an OS course: linear page tables with valid and protection
// bits (and pages shared read-only between processes), a TLB with LRU or
// FIFO replacement and context switches, the effective access time of
// k-level tables, multilevel walks over a page-table image held in simulated
// physical memory, hashed page tables and inverted page tables.
//
// Each scenario kind has a Config (the JSON object of DESIGN.md §3 without
// its "kind"), a Run function that validates the Config and returns a trace,
// and a trace that marshals to JSON and prints itself as a table:
//
//	kind      config          run          trace
//	paging    Config          Run          *Trace
//	tlb       TLBConfig       RunTLB       *TLBTrace
//	eat       EATConfig       RunEAT       *EATTrace
//	pagewalk  WalkConfig      RunWalk      *WalkTrace
//	hashed    HashedConfig    RunHashed    *HashedTrace
//	inverted  InvertedConfig  RunInverted  *InvertedTrace
//
// Every Run validates first and returns a *field.Error naming the JSON path
// of the first bad field; no input makes it panic, allocate without bound
// or loop for long (see the Max constants). Conventions that textbooks
// disagree on are named rules with a default; a trace echoes the rules that
// decided it. Everything is pure and deterministic and uses integers only,
// except the effective access time, which is an exact fraction (see Frac).
// Functions are safe for concurrent use.
package paging
