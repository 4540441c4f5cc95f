package quiz

import (
	"errors"
	"slices"

	"github.com/osarena/osarena/sim/raid"
)

// askRAIDRebuild asks which disks the rebuild reads to recover one row of
// the failed disks onto their spares. The scenario's steps are its requests
// (none, when generated) and then the rebuild's rows, so step
// len(requests)+o asks about the row at offset o.
func askRAIDRebuild(sc any, step int) (*Question, error) {
	c := sc.(raid.Config)
	if c.Level == 0 || len(c.Failed) == 0 || !c.Rebuild {
		return nil, errors.New("raid.rebuild asks about a redundant array with failed disks, rebuilt")
	}
	if step >= 0 && step < len(c.Requests) {
		return nil, errors.New("must be one of the rebuild's rows, after the requests")
	}
	fargs, suffix, err := failedArgs(c.Disks, c.Failed)
	if err != nil {
		return nil, err
	}
	q, tr, g, err := raidQuestion(RAIDRebuild, c, step)
	if err != nil {
		return nil, err
	}
	row := tr.Rebuild.Rows[step-len(c.Requests)]
	reads := readDisks(row.Ops)
	failed := slices.Sorted(slices.Values(c.Failed))
	key := "raid.rebuild.prompt" + suffix
	if g.Chunk > 1 {
		key += ".row"
	}
	q.Prompt = T(key, raidArgs(g, append(fargs, "row", itoa(row.Offset), "stripe", itoa(row.Stripe))...)...)
	q.Answer = Answer{Kind: KindSet, Values: stInt64s(reads)}
	p, qd := g.Parity(row.Stripe)
	args := []string{"level", itoa(g.Level), "layout", layoutTerm(g), "disks", joinInts(reads), "p", itoa(p), "q", itoa(qd)}
	ws := stWrongs{right: q.Answer.Values}
	for _, f := range failed {
		ws.add(int64(f), T("raid.degraded.why.failed", "disk", itoa(f)))
	}
	if p < 0 { // RAID 1 or 10: copy each lost block from its lowest working copy
		q.Explanation = T("raid.rebuild.explain.mirror", append(args, "rule", Term("rule.mirror_read."+tr.Rules.MirrorRead))...)
		for v := range g.Disks {
			switch {
			case g.Level == 1:
				ws.add(int64(v), mirrorWhy(g, failed, row.Stripe, 0, v))
			case !slices.ContainsFunc(failed, func(f int) bool { return f/2 == v/2 }):
				ws.add(int64(v), T("raid.rebuild.why.pair", "disk", itoa(v)))
			}
		}
		q.Wrong = ws.list
		return q, nil
	}
	// What each failed disk held in this row, from the rebuild's writes.
	var data []raid.Op
	var lostP, lostQ bool
	for _, op := range row.Ops {
		switch {
		case op.Op != raid.OpWrite:
		case op.Role == raid.RoleP:
			lostP = true
		case op.Role == raid.RoleQ:
			lostQ = true
		default:
			data = append(data, op)
		}
	}
	heldBy := func(op raid.Op) string { return itoa(failed[op.Disk-c.Disks]) }
	switch {
	case len(data) == 2:
		args = append(args, "failed", heldBy(data[0]), "block", itoa(int(data[0].Block)), "failed2", heldBy(data[1]), "block2", itoa(int(data[1].Block)))
	case len(data) == 1:
		args = append(args, "failed", heldBy(data[0]), "block", itoa(int(data[0].Block)))
	}
	for _, op := range row.Ops {
		switch {
		case op.Op == raid.OpWrite && op.Role == raid.RoleP:
			args = append(args, "failedp", heldBy(op))
		case op.Op == raid.OpWrite && op.Role == raid.RoleQ:
			args = append(args, "failedq", heldBy(op))
		}
	}
	six := map[bool]string{true: "6"}[g.Level == 6]
	var why Text // why an unread working parity disk is not needed
	switch {
	case len(data) == 2:
		q.Explanation = T("raid.rebuild.explain.dd", args...)
	case len(data) == 1 && lostP:
		q.Explanation = T("raid.rebuild.explain.dp", args...)
	case len(data) == 1 && lostQ:
		q.Explanation = T("raid.rebuild.explain.dq", args...)
	case len(data) == 1:
		q.Explanation = T("raid.rebuild.explain.data"+six, args...)
		why = T("raid.degraded.why.q", "disk", itoa(qd))
	case lostP && lostQ:
		q.Explanation = T("raid.rebuild.explain.pq", args...)
	case lostP:
		q.Explanation = T("raid.rebuild.explain.parity"+six, args...)
		why = T("raid.rebuild.why.q", "disk", itoa(qd))
	default:
		q.Explanation = T("raid.rebuild.explain.q", args...)
		why = T("raid.rebuild.why.p", "disk", itoa(p))
	}
	for _, v := range []int{p, qd} {
		if !why.IsZero() && v >= 0 {
			ws.add(int64(v), why)
		}
	}
	q.Wrong = ws.list
	return q, nil
}
