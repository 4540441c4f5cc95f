package quiz

import (
	"slices"

	"github.com/osarena/osarena/sim/disk"
	"github.com/osarena/osarena/sim/fs"
	"github.com/osarena/osarena/sim/raid"
	"github.com/osarena/osarena/sim/rng"
)

// The storage topics.
const (
	TopicDisk      Topic = "disk"      // disk scheduling
	TopicRAID      Topic = "raid"      // disk arrays
	TopicFileBlock Topic = "fileblock" // file allocation
	TopicFreeSpace Topic = "freespace" // free-space management
)

// The storage families.
const (
	DiskNext       Family = "disk.next"        // the head's next stop
	DiskMovement   Family = "disk.movement"    // total head movement
	RAIDDisk       Family = "raid.disk"        // which disk holds a logical block
	RAIDParity     Family = "raid.parity"      // which disk holds a stripe's parity
	RAIDWrite      Family = "raid.write"       // which disks a small write touches
	RAIDDegraded   Family = "raid.degraded"    // which disks a degraded array reads for a block
	RAIDRebuild    Family = "raid.rebuild"     // which disks the rebuild reads for one row
	FileBlockBlock Family = "fileblock.block"  // the disk block holding a file offset
	FileBlockReads Family = "fileblock.reads"  // disk reads to reach a file offset
	FreeSpaceAlloc Family = "freespace.bitmap" // the blocks an allocation takes from a bitmap
)

// storageFamilies are the storage families: disk scheduling, RAID, file
// allocation and free space.
//
// Set answers (raid.write, raid.degraded, raid.rebuild, freespace.bitmap) list in Question.Wrong the
// values that do not belong in the set but that a known misconception puts
// there, each with its Why: a player who adds such a value made that
// mistake.
var storageFamilies = []family{
	{name: DiskNext, topic: TopicDisk, kind: "disk", generate: genDiskNext, ask: askDiskNext, decode: decodeAs[disk.Config]},
	{name: DiskMovement, topic: TopicDisk, kind: "disk", generate: genDiskMovement, ask: askDiskMovement, decode: decodeAs[disk.Config]},
	{name: RAIDDisk, topic: TopicRAID, kind: "raid", generate: genRAIDDisk, ask: askRAIDDisk, decode: decodeAs[raid.Config]},
	{name: RAIDParity, topic: TopicRAID, kind: "raid", generate: genRAIDParity, ask: askRAIDParity, decode: decodeAs[raid.Config]},
	{name: RAIDWrite, topic: TopicRAID, kind: "raid", generate: genRAIDWrite, ask: askRAIDWrite, decode: decodeAs[raid.Config]},
	{name: RAIDDegraded, topic: TopicRAID, kind: "raid", generate: genRAIDDegraded, ask: askRAIDDegraded, decode: decodeAs[raid.Config]},
	{name: RAIDRebuild, topic: TopicRAID, kind: "raid", generate: genRAIDRebuild, ask: askRAIDRebuild, decode: decodeAs[raid.Config]},
	{name: FileBlockBlock, topic: TopicFileBlock, kind: "fileblock", generate: genFileBlock(false), ask: askFileBlockBlock, decode: decodeAs[fs.FileBlockConfig]},
	{name: FileBlockReads, topic: TopicFileBlock, kind: "fileblock", generate: genFileBlock(true), ask: askFileBlockReads, decode: decodeAs[fs.FileBlockConfig]},
	{name: FreeSpaceAlloc, topic: TopicFreeSpace, kind: "freespace", generate: genFreeSpace, ask: askFreeSpace, decode: decodeAs[fs.FreeSpaceConfig]},
}

// stPick returns a random element of xs.
func stPick[T any](r *rng.Rand, xs []T) T { return xs[r.IntN(len(xs))] }

// stDistinct draws n distinct values in [lo, hi) other than those in
// avoid, in drawing order. hi−lo must comfortably exceed n.
func stDistinct(r *rng.Rand, n, lo, hi int, avoid ...int) []int {
	out := make([]int, 0, n)
	for len(out) < n {
		v := lo + r.IntN(hi-lo)
		if !slices.Contains(out, v) && !slices.Contains(avoid, v) {
			out = append(out, v)
		}
	}
	return out
}

// stChainFrom returns the checkpoints of a chain from a drawn starting point,
// keeping at least three when there are that many.
func stChainFrom(r *rng.Rand, steps []int) []int {
	if len(steps) <= 3 {
		return steps
	}
	return steps[r.IntN(len(steps)-2):]
}

// stWrongs collects misconceptions, keeping the first Why for each value,
// never the right answers and never a negative value (an alternative that
// could not be worked out).
type stWrongs struct {
	right []int64
	list  []Misconception
}

func (w *stWrongs) add(v int64, why Text) {
	if v < 0 || slices.Contains(w.right, v) {
		return
	}
	for _, m := range w.list {
		if m.Value == v {
			return
		}
	}
	w.list = append(w.list, Misconception{Value: v, Why: why})
}

func stAbs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

func stInt64s(xs []int) []int64 {
	out := make([]int64, len(xs))
	for i, x := range xs {
		out[i] = int64(x)
	}
	return out
}
