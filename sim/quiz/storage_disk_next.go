package quiz

import (
	"errors"
	"fmt"
	"slices"

	"github.com/osarena/osarena/sim/disk"
)

// diskState is the queue as the picture shows it just before a step: where
// the head is, which way it moves, and the requests still waiting. It lets
// a wrong choice be matched to the policy or slip that would have made it.
type diskState struct {
	head, dir int // dir: +1 up, −1 down
	cylinders int
	pending   []int // cylinders of the unserved requests, in arrival order
}

// diskStateAt reads the state before step from the trace.
func diskStateAt(c disk.Config, tr *disk.Trace, step int) diskState {
	s := diskState{head: c.Head, dir: dirOf(c.Direction), cylinders: c.Cylinders}
	if step > 0 {
		prev := tr.Steps[step-1]
		s.head, s.dir = prev.Cylinder, dirOf(prev.Direction)
	}
	served := make([]bool, len(c.Requests))
	for _, st := range tr.Steps[:step] {
		served[st.Request] = true
	}
	for i, r := range c.Requests {
		if !served[i] {
			s.pending = append(s.pending, r.Cylinder)
		}
	}
	return s
}

// ahead returns the nearest pending cylinder at or beyond the head in
// direction dir, or −1.
func (s diskState) ahead(dir int) int {
	best := -1
	for _, cy := range s.pending {
		if (cy-s.head)*dir >= 0 && (best < 0 || stAbs(cy-s.head) < stAbs(best-s.head)) {
			best = cy
		}
	}
	return best
}

// extreme returns the pending cylinder farthest in direction dir.
func (s diskState) extreme(dir int) int {
	best := s.pending[0]
	for _, cy := range s.pending {
		if (cy-best)*dir > 0 {
			best = cy
		}
	}
	return best
}

// edge returns the disk's last cylinder in direction dir.
func (s diskState) edge(dir int) int {
	if dir > 0 {
		return s.cylinders - 1
	}
	return 0
}

// next returns the head's next stop under policy p and rules (zero rules
// mean the defaults): the request it serves next, or the edge it travels to
// (or, for C-SCAN at the edge, returns to) before serving one.
func (s diskState) next(p disk.Policy, rules disk.Rules) int {
	switch p {
	case disk.FCFS:
		return s.pending[0]
	case disk.SSTF:
		lo, hi := s.ahead(-1), s.ahead(1)
		switch {
		case lo < 0:
			return hi
		case hi < 0:
			return lo
		case s.head-lo != hi-s.head:
			if s.head-lo < hi-s.head {
				return lo
			}
			return hi
		case rules.SSTFTie != disk.TieLower && s.dir > 0:
			return hi
		}
		return lo
	}
	if a := s.ahead(s.dir); a >= 0 {
		return a
	}
	edge := (p == disk.SCAN || p == disk.CSCAN) && rules.Travel != disk.TravelLastRequest
	circular := p == disk.CSCAN || p == disk.CLOOK
	switch {
	case edge && s.head != s.edge(s.dir):
		return s.edge(s.dir)
	case edge && circular:
		return s.edge(-s.dir)
	case circular:
		return s.extreme(-s.dir)
	}
	return s.ahead(-s.dir)
}

// sweeps reports whether p moves in a direction.
func sweeps(p disk.Policy) bool { return p != disk.FCFS && p != disk.SSTF }

// counterpart maps SCAN ↔ C-SCAN and LOOK ↔ C-LOOK.
func counterpart(p disk.Policy) disk.Policy {
	return map[disk.Policy]disk.Policy{disk.SCAN: disk.CSCAN, disk.CSCAN: disk.SCAN, disk.LOOK: disk.CLOOK, disk.CLOOK: disk.LOOK}[p]
}

// nextStop is where the head first goes in step s: the first turning point
// or jump landing on its way, else the request's cylinder.
func nextStop(s disk.Step) int {
	for _, v := range s.Via {
		if v != s.From {
			return v
		}
	}
	return s.Cylinder
}

func askDiskNext(sc any, step int) (*Question, error) {
	c := sc.(disk.Config)
	if err := checkDiskNext(c); err != nil {
		return nil, err
	}
	q, tr, err := diskQuestion(DiskNext, c, step)
	if err != nil {
		return nil, err
	}
	if step < 0 || step >= len(tr.Steps) {
		return nil, fmt.Errorf("must be between 0 and %d", len(tr.Steps)-1)
	}
	s := diskStateAt(c, tr, step)
	answer := nextStop(tr.Steps[step])
	values := slices.Clone(s.pending)
	values = append(values, answer)
	if sweeps(c.Policy) && s.head != s.edge(s.dir) {
		values = append(values, s.edge(s.dir))
	}
	slices.Sort(values)
	values = slices.Compact(values)
	if len(values) < 2 {
		return nil, errors.New("only one request is left: there is nothing to choose")
	}
	qc := c
	qc.Head, qc.Direction = s.head, [2]string{disk.Down, disk.Up}[(1+s.dir)/2]
	if c.Policy == disk.FCFS {
		qc.Direction = ""
	}
	key := "disk.next.prompt"
	if sweeps(c.Policy) {
		key = "disk.next.prompt.sweep"
	}
	q.Prompt = diskPrompt(key, qc)
	q.Answer = Answer{Kind: KindChoice, Values: []int64{int64(answer)}}
	q.Explanation = diskNextExplanation(c.Policy, tr.Rules, s, answer, tr.Steps[step].Cylinder)
	for _, v := range values {
		ch := Choice{Value: int64(v), Label: T("disk.next.choice", "cyl", itoa(v))}
		if !slices.Contains(s.pending, v) {
			ch.Label = T("disk.next.choice.edge", "cyl", itoa(v))
		}
		if v != answer {
			ch.Why = diskNextWhy(c.Policy, tr.Rules, s, v, answer)
		}
		q.Choices = append(q.Choices, ch)
	}
	return q, nil
}

// diskNextExplanation states the rule that decides the next stop.
func diskNextExplanation(p disk.Policy, rules disk.Rules, s diskState, answer, served int) Text {
	policy, next, head := diskPolicyTerm(p), itoa(answer), itoa(s.head)
	switch p {
	case disk.FCFS:
		return T("disk.next.explain.fcfs", "next", next)
	case disk.SSTF:
		dist := stAbs(answer - s.head)
		other := s.head - (answer - s.head)
		if other != answer && slices.Contains(s.pending, other) {
			tie := Term("disk.rule.sstf_tie." + rules.SSTFTie)
			return T("disk.next.explain.sstf.tie", "next", next, "other", itoa(other), "dist", itoa(dist), "head", head, "tie", tie)
		}
		return T("disk.next.explain.sstf", "next", next, "dist", itoa(dist), "head", head)
	}
	if s.ahead(s.dir) >= 0 {
		return T("disk.next.explain.ahead", "policy", policy, "dir", dirTerm(s.dir), "head", head, "next", next)
	}
	side, dir, edgeRule := sideTerm(s.dir), dirTerm(s.dir), rules.Travel == disk.TravelEdge
	switch {
	case edgeRule && p == disk.SCAN && answer == s.edge(s.dir):
		return T("disk.next.explain.scan.edge", "side", side, "head", head, "next", next, "served", itoa(served))
	case edgeRule && p == disk.CSCAN && answer == s.edge(s.dir):
		return T("disk.next.explain.cscan.edge", "side", side, "head", head, "next", next, "other", itoa(s.edge(-s.dir)), "dir", dir, "served", itoa(served))
	case edgeRule && p == disk.CSCAN:
		return T("disk.next.explain.cscan.jump", "head", head, "next", next, "dir", dir, "served", itoa(served))
	case p == disk.CSCAN || p == disk.CLOOK:
		return T("disk.next.explain.wrap", "policy", policy, "side", side, "head", head, "next", next, "dir", dir)
	}
	return T("disk.next.explain.turn", "policy", policy, "side", side, "head", head, "next", next)
}

// diskNextWhy names the misconception that leads to the wrong stop v.
func diskNextWhy(p disk.Policy, rules disk.Rules, s diskState, v, answer int) Text {
	policy, cyl := diskPolicyTerm(p), itoa(v)
	edgeRule := (p == disk.SCAN || p == disk.CSCAN) && rules.Travel == disk.TravelEdge
	circular := p == disk.CSCAN || p == disk.CLOOK
	if edgeRule && s.ahead(s.dir) < 0 && v == s.next(p, disk.Rules{Travel: disk.TravelLastRequest}) {
		key := "disk.next.why.turned"
		if circular {
			key += ".circular"
		}
		return T(key, "policy", policy, "edge", itoa(answer))
	}
	if sweeps(p) && v == s.edge(s.dir) && !slices.Contains(s.pending, v) {
		switch {
		case edgeRule:
			return T("disk.next.why.edge.early", "policy", policy, "side", sideTerm(s.dir), "head", itoa(s.head))
		case p == disk.SCAN || p == disk.CSCAN:
			return T("disk.next.why.edge.rule", "policy", policy)
		}
		other := disk.SCAN
		if circular {
			other = disk.CSCAN
		}
		return T("disk.next.why.edge", "policy", policy, "other", diskPolicyTerm(other))
	}
	if sweeps(p) {
		// Only when nothing is left ahead do the counterparts differ.
		if other := counterpart(p); v == s.next(other, rules) {
			key := "disk.next.why.circular"
			if circular {
				key = "disk.next.why.elevator"
			}
			return T(key, "policy", policy, "other", diskPolicyTerm(other))
		}
		rev := s
		rev.dir = -s.dir
		if v == rev.next(p, rules) {
			return T("disk.next.why.direction", "dir", dirTerm(s.dir), "other", dirTerm(-s.dir))
		}
	}
	if p != disk.SSTF && v == s.next(disk.SSTF, disk.Rules{}) {
		return T("disk.next.why.sstf", "dist", itoa(stAbs(v-s.head)))
	}
	if p != disk.FCFS && v == s.pending[0] {
		return T("disk.next.why.fcfs")
	}
	if !sweeps(p) && v == s.next(disk.LOOK, disk.Rules{}) {
		return T("disk.next.why.look", "dir", dirTerm(s.dir))
	}
	switch p {
	case disk.FCFS:
		return T("disk.next.why.later.fcfs", "cyl", cyl, "next", itoa(answer))
	case disk.SSTF:
		return T("disk.next.why.farther", "cyl", cyl, "dist", itoa(stAbs(v-s.head)), "next", itoa(answer), "best", itoa(stAbs(answer-s.head)))
	}
	return T("disk.next.why.later", "cyl", cyl, "policy", policy)
}

// run serves every pending request from s under p and rules by the same
// rules of thumb as next, and returns the head movement with and without
// the C-SCAN / C-LOOK return jumps. It is how a wrong total is matched to
// the policy or rule that gives it, without running the simulator for
// each alternative; a test checks that it agrees with disk.Movement.
func (s diskState) run(p disk.Policy, rules disk.Rules) (movement, withoutReturn int) {
	s.pending = slices.Clone(s.pending)
	edge := rules.Travel != disk.TravelLastRequest && (p == disk.SCAN || p == disk.CSCAN)
	circular := p == disk.CSCAN || p == disk.CLOOK
	for len(s.pending) > 0 {
		jump := circular && s.ahead(s.dir) < 0 && !(edge && s.head != s.edge(s.dir))
		stop := s.next(p, rules)
		d := stAbs(stop - s.head)
		movement += d
		if !jump {
			withoutReturn += d
			if stop != s.head {
				s.dir = 1
				if stop < s.head {
					s.dir = -1
				}
			}
		}
		s.head = stop
		if i := slices.Index(s.pending, stop); i >= 0 && !(jump && edge) {
			s.pending = slices.Delete(s.pending, i, i+1)
		}
	}
	return movement, withoutReturn
}
