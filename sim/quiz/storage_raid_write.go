package quiz

import (
	"errors"
	"slices"

	"github.com/osarena/osarena/sim/raid"
)

// writeOps sorts a request's operations into the disks it touches: the data
// disks written, the parity disks written, the data disks only read.
type writeOps struct {
	touched, data, parity, others []int
}

func splitWriteOps(rt raid.RequestTrace) writeOps {
	var w writeOps
	add := func(xs *[]int, d int) {
		if !slices.Contains(*xs, d) {
			*xs = append(*xs, d)
		}
	}
	for _, op := range rt.Ops {
		add(&w.touched, op.Disk)
		switch {
		case op.Op == raid.OpWrite && op.Role == raid.RoleData:
			add(&w.data, op.Disk)
		case op.Op == raid.OpWrite:
			add(&w.parity, op.Disk)
		}
	}
	for _, op := range rt.Ops {
		if op.Op == raid.OpRead && op.Role == raid.RoleData && !slices.Contains(w.data, op.Disk) {
			add(&w.others, op.Disk)
		}
	}
	for _, xs := range []*[]int{&w.touched, &w.data, &w.parity, &w.others} {
		slices.Sort(*xs)
	}
	return w
}

func askRAIDWrite(sc any, step int) (*Question, error) {
	c := sc.(raid.Config)
	if c.Level != 4 && c.Level != 5 && c.Level != 6 {
		return nil, errors.New("raid.write asks about RAID 4, 5 and 6")
	}
	if step >= 0 && step < len(c.Requests) && !c.Requests[step].Write {
		return nil, errors.New("must be a write request")
	}
	q, tr, g, err := raidQuestion(RAIDWrite, c, step)
	if err != nil {
		return nil, err
	}
	if len(c.Failed) > 0 {
		return nil, errWorkingArray
	}
	rq, rt := c.Requests[step], tr.Requests[step]
	w := splitWriteOps(rt)
	count := max(rq.Count, 1)
	args := raidArgs(g, "block", itoa(rq.Block), "last", itoa(rq.Block+count-1))
	if count == 1 {
		q.Prompt = T("raid.write.prompt", args...)
	} else {
		q.Prompt = T("raid.write.prompt.n", args...)
	}
	q.Answer = Answer{Kind: KindSet, Values: stInt64s(w.touched)}
	rule := Term("raid.rule.small_write." + tr.Rules.SmallWrite)
	ex := []string{"disks", joinInts(w.touched), "rule", rule}
	row := rt.Rows[0]
	detailed := len(rt.Rows) == 1 && row.RMWReads != nil && row.ReconstructReads != nil
	if detailed {
		ex = append(ex, "rmw", itoa(*row.RMWReads), "rcw", itoa(*row.ReconstructReads))
	}
	six := map[bool]string{true: "6"}[g.Level == 6]
	switch {
	case detailed && row.Method == raid.MethodRMW:
		q.Explanation = T("raid.write.explain.rmw"+six, ex...)
	case detailed && row.Method == raid.MethodReconstruct:
		q.Explanation = T("raid.write.explain.rcw"+six, ex...)
	case row.Method == raid.MethodFullStripe && len(rt.Rows) == 1:
		q.Explanation = T("raid.write.explain.full", ex...)
	default:
		q.Explanation = T("raid.write.explain.ops", "reads", itoa(rt.Reads), "writes", itoa(rt.Writes), "disks", joinInts(w.touched))
	}
	q.Wrong = raidWriteWrongs(g, row, w, detailed, rule)
	return q, nil
}

// raidWriteWrongs lists the disks a misconception adds to the set: another
// layout's or RAID 4's parity disk, or the other data disks that
// reconstruct-write would read when read-modify-write is the rule's pick.
func raidWriteWrongs(g *raid.Geometry, row raid.RowPlan, w writeOps, detailed bool, rule string) []Misconception {
	ws := stWrongs{right: stInt64s(w.touched)}
	s := row.Stripe
	p, _ := g.Parity(s)
	if g.Level >= 5 {
		for _, l := range raid.Layouts {
			if l == g.Layout {
				continue
			}
			op, oq := withLayout(g, l, g.Chunk).Parity(s)
			for _, d := range []int{op, oq} {
				if d >= 0 {
					ws.add(int64(d), T("raid.write.why.layout", "disk", itoa(d), "layout", Term("raid.layout."+l), "p", itoa(p)))
				}
			}
		}
		ws.add(int64(g.Disks-1), T("raid.write.why.raid4", "disk", itoa(g.Disks-1), "p", itoa(p)))
	}
	if detailed && row.Method == raid.MethodRMW {
		for d := range g.Disks {
			ws.add(int64(d), T("raid.write.why.rcw", "disk", itoa(d), "rmw", itoa(*row.RMWReads), "rcw", itoa(*row.ReconstructReads), "rule", rule))
		}
	}
	return ws.list
}
