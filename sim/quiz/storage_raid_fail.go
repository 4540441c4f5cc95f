package quiz

import (
	"errors"
	"slices"

	"github.com/osarena/osarena/sim/raid"
	"github.com/osarena/osarena/sim/rng"
)

// raidFailLevel is what a difficulty level means for the families about a
// degraded array (raid.degraded, raid.rebuild): the redundant RAID levels
// drawn from, the array's size, and how often a second disk has failed
// when the level survives it.
type raidFailLevel struct {
	levels  []int // raid.degraded
	rebuild []int // raid.rebuild: RAID 1 only at the top, its rows all read alike
	disks   [2]int
	chunks  []int
	layouts []string
	two     int // chances in 4 of a second failure
}

var raidFailLevels = [MaxDifficulty + 1]raidFailLevel{
	1: {levels: []int{1, 5}, rebuild: []int{5}, disks: [2]int{3, 4}, chunks: []int{1}, layouts: []string{raid.LeftSymmetric}},
	2: {levels: []int{1, 4, 5, 10}, rebuild: []int{4, 5, 10}, disks: [2]int{4, 5}, chunks: []int{1}, layouts: []string{raid.LeftSymmetric}},
	3: {levels: []int{4, 5, 6, 10}, rebuild: []int{4, 5, 6, 10}, disks: [2]int{4, 5}, chunks: []int{1, 2}, layouts: []string{raid.LeftSymmetric, raid.LeftAsymmetric}, two: 1},
	4: {levels: []int{5, 6, 10}, rebuild: []int{5, 6, 10}, disks: [2]int{4, 6}, chunks: []int{1, 2}, layouts: []string{raid.LeftSymmetric, raid.LeftAsymmetric, raid.RightSymmetric}, two: 2},
	5: {levels: []int{1, 4, 5, 6, 10}, rebuild: []int{1, 4, 5, 6, 10}, disks: [2]int{4, 7}, chunks: []int{1, 2, 4}, layouts: raid.Layouts, two: 3},
}

// genRAIDFailConfig draws an array of one of levels, four to eight rows,
// with one or two failed disks (ascending), without requests.
func genRAIDFailConfig(r *rng.Rand, d int, levels []int) (raid.Config, *raid.Geometry) {
	lv := raidFailLevels[d]
	c := raid.Config{Level: stPick(r, levels), Disks: between(r, lv.disks)}
	switch c.Level {
	case 1:
		c.Disks = 2 + r.IntN(2) // a two- or three-way mirror
	case 6:
		c.Disks = max(c.Disks, 5)
	case 10:
		c.Disks += c.Disks % 2
	}
	if ch := stPick(r, lv.chunks); ch > 1 && c.Level != 1 { // RAID 1's chunk only names the stripe
		c.Chunk = ch
	}
	if c.Level == 5 || c.Level == 6 {
		c.Layout = stPick(r, lv.layouts)
	}
	g := raid.NewGeometry(c)
	rows := 4 + r.IntN(3)
	c.Stripes = max(2, (rows+g.Chunk-1)/g.Chunk)
	_, best := raid.FaultTolerance(c.Level, c.Disks)
	n := 1
	if best >= 2 && r.IntN(4) < lv.two {
		n = 2
	}
	for len(c.Failed) < n {
		f := r.IntN(c.Disks)
		if slices.Contains(c.Failed, f) || c.Level == 10 && slices.ContainsFunc(c.Failed, func(x int) bool { return x/2 == f/2 }) {
			continue
		}
		c.Failed = append(c.Failed, f)
	}
	slices.Sort(c.Failed)
	return c, g
}

// genRAIDDegraded asks about three reads of a degraded array: mostly blocks
// the failed disks held, sometimes one on a working disk.
func genRAIDDegraded(r *rng.Rand, d int) (any, []int, error) {
	c, g := genRAIDFailConfig(r, d, raidFailLevels[d].levels)
	var hit, spared []int
	for b := range c.Stripes * g.StripeBlocks() {
		pl := g.Locate(b)
		if slices.ContainsFunc(g.Copies(pl.Stripe, pl.Index), func(x int) bool { return slices.Contains(c.Failed, x) }) {
			hit = append(hit, b)
		} else {
			spared = append(spared, b)
		}
	}
	for range 3 {
		from := &hit
		if len(spared) > 0 && (len(*from) == 0 || r.IntN(4) == 0) {
			from = &spared
		}
		i := r.IntN(len(*from))
		c.Requests = append(c.Requests, raid.Request{Block: (*from)[i]})
		*from = slices.Delete(*from, i, i+1)
	}
	return c, allRequests(len(c.Requests)), nil
}

// genRAIDRebuild asks about the rebuild of the failed disks onto spares,
// row by row from a drawn row on: steps after the (absent) requests are
// the rebuild's rows.
func genRAIDRebuild(r *rng.Rand, d int) (any, []int, error) {
	c, g := genRAIDFailConfig(r, d, raidFailLevels[d].rebuild)
	c.Rebuild, c.Requests = true, []raid.Request{}
	return c, stChainFrom(r, allRequests(c.Stripes*g.Chunk)), nil
}

// failedArgs returns the prompt arguments that name the failed disks of an
// array of disks (and the spares a rebuild puts in their places: disks,
// disks+1, ... in ascending order of the failed disks) and the prompt key's
// suffix: "" for one failed disk, ".two" for two. It returns an error for
// none or more than two, which no prompt words.
func failedArgs(disks int, failed []int) (args []string, suffix string, err error) {
	failed = slices.Sorted(slices.Values(failed))
	switch len(failed) {
	case 1:
		return []string{"failed", itoa(failed[0]), "spare", itoa(disks)}, "", nil
	case 2:
		return []string{"failed", itoa(failed[0]), "spare", itoa(disks), "failed2", itoa(failed[1]), "spare2", itoa(disks + 1)}, ".two", nil
	}
	return nil, "", errors.New("failed must list one or two disks")
}

// readDisks returns the disks ops read, ascending, once each.
func readDisks(ops []raid.Op) []int {
	var out []int
	for _, op := range ops {
		if op.Op == raid.OpRead && !slices.Contains(out, op.Disk) {
			out = append(out, op.Disk)
		}
	}
	slices.Sort(out)
	return out
}

// lowestAlive returns the lowest working disk of copies, or −1.
func lowestAlive(copies, failed []int) int {
	for _, d := range copies {
		if !slices.Contains(failed, d) {
			return d
		}
	}
	return -1
}

// mirrorWhy names why a mirror (RAID 1 or 10) does not read disk v: it
// failed, it is another working copy than the one read, or it belongs to
// another pair.
func mirrorWhy(g *raid.Geometry, failed []int, s, index, v int) Text {
	copies := g.Copies(s, index)
	switch {
	case slices.Contains(failed, v):
		return T("raid.degraded.why.failed", "disk", itoa(v))
	case slices.Contains(copies, v):
		return T("raid.degraded.why.mirror", "disk", itoa(lowestAlive(copies, failed)))
	}
	return T("raid.degraded.why.pair", "disk", itoa(v))
}
