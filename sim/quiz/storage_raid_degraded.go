package quiz

import (
	"errors"
	"slices"

	"github.com/osarena/osarena/sim/raid"
)

// askRAIDDegraded asks which disks a degraded array reads to return one
// logical block: its mirror's lowest working copy (RAID 1, 10), its own disk
// when that still works, or else the rest of its row with the parity the
// lost blocks need (RAID 4, 5, 6), as the simulator's plan reads them.
func askRAIDDegraded(sc any, step int) (*Question, error) {
	c := sc.(raid.Config)
	if c.Level == 0 || len(c.Failed) == 0 || c.Rebuild {
		return nil, errors.New("raid.degraded asks about a redundant array with failed disks and no rebuild")
	}
	if step >= 0 && step < len(c.Requests) && (c.Requests[step].Write || c.Requests[step].Count > 1) {
		return nil, errors.New("must be a read of one block")
	}
	fargs, suffix, err := failedArgs(c.Disks, c.Failed)
	if err != nil {
		return nil, err
	}
	q, tr, g, err := raidQuestion(RAIDDegraded, c, step)
	if err != nil {
		return nil, err
	}
	b := c.Requests[step].Block
	rt := tr.Requests[step]
	reads := readDisks(rt.Ops)
	pl := g.Locate(b)
	q.Prompt = T("raid.degraded.prompt"+suffix, raidArgs(g, append(fargs, "block", itoa(b))...)...)
	q.Answer = Answer{Kind: KindSet, Values: stInt64s(reads)}
	ws := stWrongs{right: q.Answer.Values}
	args := []string{"block", itoa(b), "stripe", itoa(pl.Stripe), "disk", itoa(pl.Disk), "p", itoa(pl.P), "q", itoa(pl.Q),
		"level", itoa(g.Level), "layout", layoutTerm(g), "disks", joinInts(reads)}
	if pl.P < 0 { // RAID 1 or 10: one working copy
		copies := g.Copies(pl.Stripe, pl.Index)
		q.Explanation = T("raid.degraded.explain.mirror", append(args, "copies", joinInts(copies), "rule", Term("rule.mirror_read."+tr.Rules.MirrorRead))...)
		for v := range g.Disks {
			ws.add(int64(v), mirrorWhy(g, c.Failed, pl.Stripe, pl.Index, v))
		}
		q.Wrong = ws.list
		return q, nil
	}
	// The other failed disk, when it held data of the same row.
	other := -1
	for _, f := range c.Failed {
		if f != pl.Disk && f != pl.P && f != pl.Q {
			other = f
		}
	}
	lost := slices.Contains(c.Failed, pl.Disk)
	switch {
	case !lost:
		q.Explanation = T("raid.degraded.explain.alive", args...)
	case g.Level != 6:
		q.Explanation = T("raid.degraded.explain.xor", args...)
	case other >= 0:
		q.Explanation = T("raid.degraded.explain.pq6", append(args, "other", itoa(other))...)
	case slices.Contains(c.Failed, pl.P):
		q.Explanation = T("raid.degraded.explain.q6", args...)
	case slices.Contains(c.Failed, pl.Q):
		q.Explanation = T("raid.degraded.explain.p6q", args...)
	default:
		q.Explanation = T("raid.degraded.explain.p6", args...)
	}
	for _, f := range c.Failed {
		ws.add(int64(f), T("raid.degraded.why.failed", "disk", itoa(f)))
	}
	for v := range g.Disks {
		switch {
		case !lost:
			ws.add(int64(v), T("raid.degraded.why.alive", "block", itoa(b), "disk", itoa(pl.Disk), "other", itoa(v)))
		case v == pl.Q:
			ws.add(int64(v), T("raid.degraded.why.q", "disk", itoa(v)))
		}
	}
	q.Wrong = ws.list
	return q, nil
}
