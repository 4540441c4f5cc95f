// Package mem simulates the contiguous half of memory management in an OS
// course: address translation through a base (relocation) and limit
// register pair, and contiguous allocation of variable or fixed partitions
// under first, best, worst and next fit, with free-list order, coalescing,
// headers, alignment, fragmentation figures and compaction.
//
// Each scenario kind has a Config whose JSON shape is that of DESIGN.md §3
// without "kind", a Validate method, and a Run function that validates first
// and never panics: RunRelocation for "relocation", RunMalloc for "malloc".
// A Run returns a trace with one record per address or operation, which
// marshals to JSON and prints itself as a table (WriteTable).
//
// Every convention textbooks disagree on is a named rule with a default; a
// trace echoes the rules that decided it. Everything here is pure, integer
// only and deterministic: the same Config gives the same trace on every
// platform. Functions are safe for concurrent use.
package mem

// MaxAddress is the largest address, base, limit or memory size a scenario
// may name (1 TiB), so that no sum of two of them can overflow.
const MaxAddress = 1 << 40
