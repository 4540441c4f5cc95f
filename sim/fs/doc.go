// Package fs simulates the storage structures of a file system, one scenario
// kind each (DESIGN.md §3):
//
//   - fileblock: where a byte offset of a file lives under contiguous
//     (extent), linked, FAT, indexed and UNIX inode allocation, which blocks
//     are read to get there, and the largest file each scheme can describe;
//   - freespace: a free-space bitmap, free list, grouping and counting under
//     a sequence of allocations and frees;
//   - dir: directory lookup in a linear list or a hash table (chaining or
//     linear probing);
//   - bufcache: a buffer cache with LRU or LFU replacement and write-back or
//     write-through disk writes.
//
// Each kind has a Config (the scenario object without "kind") whose Validate
// names the first bad field by its JSON path, a Run function that validates
// first and never panics, and a trace whose WriteTable prints what a student
// draws on paper. Conventions textbooks disagree on are named rules with a
// default; every trace echoes the rules that decided it.
//
// Everything here is pure and deterministic: the same Config gives the same
// trace on every platform, and every function is safe for concurrent use.
// Sizes are bounded by the Max* constants so that no input can allocate much
// memory or run for long. Block numbers and byte offsets are ints, which are
// 64 bits wide on every platform OS Arena targets (amd64, arm64, wasm).
package fs
