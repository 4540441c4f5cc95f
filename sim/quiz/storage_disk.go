package quiz

import (
	"errors"
	"fmt"
	"strings"

	"github.com/osarena/osarena/sim/disk"
	"github.com/osarena/osarena/sim/rng"
	"github.com/osarena/osarena/sim/scenario"
)

// diskLevel is what a difficulty level means for disk scheduling.
type diskLevel struct {
	policies  []disk.Policy
	requests  [2]int // inclusive range
	cylinders []int
	rules     bool // non-default rules drawn
}

var diskLevels = [MaxDifficulty + 1]diskLevel{
	1: {policies: []disk.Policy{disk.FCFS, disk.SSTF, disk.SCAN, disk.LOOK}, requests: [2]int{5, 6}, cylinders: []int{100, 200}},
	2: {policies: []disk.Policy{disk.FCFS, disk.SSTF, disk.SCAN, disk.LOOK, disk.CSCAN, disk.CLOOK}, requests: [2]int{6, 7}, cylinders: []int{200}},
	3: {policies: []disk.Policy{disk.SSTF, disk.SCAN, disk.LOOK, disk.CSCAN, disk.CLOOK}, requests: [2]int{7, 8}, cylinders: []int{200, 500}},
	4: {policies: []disk.Policy{disk.FCFS, disk.SSTF, disk.SCAN, disk.LOOK, disk.CSCAN, disk.CLOOK}, requests: [2]int{8, 9}, cylinders: []int{200, 500}},
	5: {policies: []disk.Policy{disk.SSTF, disk.SCAN, disk.LOOK, disk.CSCAN, disk.CLOOK}, requests: [2]int{9, 10}, cylinders: []int{200, 500, 1000}, rules: true},
}

// genDiskConfig draws a static queue of distinct cylinders for difficulty d.
func genDiskConfig(r *rng.Rand, d int) disk.Config {
	lv := diskLevels[d]
	c := disk.Config{Policy: stPick(r, lv.policies), Cylinders: stPick(r, lv.cylinders)}
	c.Head = r.IntN(c.Cylinders)
	if c.Policy != disk.FCFS {
		c.Direction = stPick(r, []string{disk.Up, disk.Down})
	}
	n := between(r, lv.requests)
	var cyls []int
	if k := 1 + r.IntN(20); c.Policy == disk.SSTF && d >= 3 && r.IntN(3) == 0 && c.Head-k >= 0 && c.Head+k < c.Cylinders {
		cyls = []int{c.Head + k, c.Head - k} // SSTF's first move is a tie
		cyls = append(cyls, stDistinct(r, n-2, 0, c.Cylinders, c.Head, c.Head-k, c.Head+k)...)
		r.Shuffle(len(cyls), func(i, j int) { cyls[i], cyls[j] = cyls[j], cyls[i] })
	} else {
		cyls = stDistinct(r, n, 0, c.Cylinders, c.Head)
	}
	c.Requests = make([]disk.Request, n)
	for i, cy := range cyls {
		c.Requests[i].Cylinder = cy
	}
	if lv.rules && r.IntN(2) == 0 {
		switch c.Policy {
		case disk.SSTF:
			c.Rules.SSTFTie = disk.TieLower
		case disk.SCAN:
			c.Rules.Travel = disk.TravelLastRequest
		case disk.CSCAN, disk.CLOOK:
			c.Rules.Return = disk.ReturnNotCounted
		}
	}
	return c
}

// genDiskNext asks for the next stop at every step that leaves a choice.
func genDiskNext(r *rng.Rand, d int) (any, []int, error) {
	c := genDiskConfig(r, d)
	steps := make([]int, len(c.Requests)-1)
	for i := range steps {
		steps[i] = i
	}
	return c, stChainFrom(r, steps), nil
}

func genDiskMovement(r *rng.Rand, d int) (any, []int, error) {
	return genDiskConfig(r, d), []int{0}, nil
}

// diskQuestion runs c and fills what every disk question shares.
func diskQuestion(name Family, c disk.Config, step int) (*Question, *disk.Trace, error) {
	tr, err := disk.Run(c)
	if err != nil {
		return nil, nil, err
	}
	doc, err := scenario.Encode("disk", c)
	if err != nil {
		return nil, nil, err
	}
	q := &Question{Family: name, Topic: TopicDisk, Scenario: doc, Step: step}
	for _, kv := range [][2]string{{"sstf_tie", tr.Rules.SSTFTie}, {"scan_travel", tr.Rules.Travel}, {"return_sweep", tr.Rules.Return}} {
		if kv[1] != "" {
			q.Rules = append(q.Rules, Rule{Name: kv[0], Value: kv[1]})
		}
	}
	return q, tr, nil
}

func diskPolicyTerm(p disk.Policy) string { return Term("disk.policy." + string(p)) }

func dirTerm(dir int) string {
	if dir > 0 {
		return Term("disk.dir.up")
	}
	return Term("disk.dir.down")
}

func sideTerm(dir int) string {
	if dir > 0 {
		return Term("disk.side.up")
	}
	return Term("disk.side.down")
}

func dirOf(name string) int {
	if name == disk.Down {
		return -1
	}
	return 1
}

// joinPath joins head positions with arrows: "53 → 65 → 67".
func joinPath(xs []int) string {
	parts := make([]string, len(xs))
	for i, x := range xs {
		parts[i] = itoa(x)
	}
	return strings.Join(parts, " → ")
}

// diskPrompt is the prompt of key for c; FCFS ignores the direction.
func diskPrompt(key string, c disk.Config) Text {
	args := []string{"policy", diskPolicyTerm(c.Policy), "last", itoa(c.Cylinders - 1), "head", itoa(c.Head)}
	if c.Policy == disk.FCFS {
		return T(key+".fcfs", args...)
	}
	return T(key, append(args, "dir", dirTerm(dirOf(c.Direction)))...)
}

func askDiskMovement(sc any, step int) (*Question, error) {
	c := sc.(disk.Config)
	if step != 0 {
		return nil, errors.New("must be 0: the question is about the whole queue")
	}
	q, tr, err := diskQuestion(DiskMovement, c, 0)
	if err != nil {
		return nil, err
	}
	p, policy := c.Policy, diskPolicyTerm(c.Policy)
	q.Prompt = diskPrompt("disk.movement.prompt", c)
	q.Answer = Answer{Kind: KindNumber, Values: []int64{int64(tr.Movement)}, Unit: Term("disk.unit.cylinders")}
	args := []string{"policy", policy, "path", joinPath(tr.Path), "movement", itoa(tr.Movement)}
	q.Explanation = T("disk.movement.explain", args...)
	var from, to int
	for _, s := range tr.Steps {
		if len(s.Jump) == 2 {
			from, to = s.Jump[0], s.Jump[1]
			break
		}
	}
	w := stWrongs{right: q.Answer.Values}
	dir := dirOf(c.Direction)
	alt := diskAlternative(c, tr)
	if p == disk.CSCAN || p == disk.CLOOK {
		ret := tr.Movement - tr.MovementWithoutReturn
		if tr.Rules.Return == disk.ReturnNotCounted {
			counted := tr.Rules
			counted.Return = disk.ReturnCounted
			ret = alt(p, counted, dir) - tr.Movement
		}
		jump := append(args, "from", itoa(from), "to", itoa(to), "ret", itoa(ret))
		if tr.Rules.Return == disk.ReturnCounted {
			q.Explanation = T("disk.movement.explain.counted", jump...)
			w.add(int64(tr.Movement-ret), T("disk.movement.why.noreturn", "ret", itoa(ret)))
		} else {
			q.Explanation = T("disk.movement.explain.notcounted", jump...)
			w.add(int64(tr.Movement+ret), T("disk.movement.why.return", "ret", itoa(ret)))
		}
	}
	if tr.Rules.Travel != "" {
		other, key := tr.Rules, "disk.movement.why.lastrequest"
		other.Travel = disk.TravelLastRequest
		if tr.Rules.Travel == disk.TravelLastRequest {
			other.Travel, key = disk.TravelEdge, "disk.movement.why.edge"
		}
		w.add(int64(alt(p, other, dir)), T(key, "policy", policy))
	}
	if sweeps(p) {
		w.add(int64(alt(p, tr.Rules, -dir)), T("disk.movement.why.direction", "dir", dirTerm(dir), "other", dirTerm(-dir)))
	}
	for _, other := range []disk.Policy{disk.FCFS, disk.SSTF, disk.SCAN, disk.LOOK, disk.CSCAN, disk.CLOOK} {
		if other == p || other != disk.FCFS && c.Direction == "" {
			continue
		}
		w.add(int64(alt(other, disk.Rules{}, dir)), T("disk.movement.why.policy", "policy", policy, "other", diskPolicyTerm(other)))
	}
	q.Wrong = w.list
	return q, nil
}

// diskAlternative returns a function giving the head movement c would have
// under another policy, rules or starting direction: worked out from the
// queue for a static queue, else by the simulator (−1 if it refuses).
func diskAlternative(c disk.Config, tr *disk.Trace) func(p disk.Policy, rules disk.Rules, dir int) int {
	static := checkDiskNext(c) == nil
	s0 := diskStateAt(c, tr, 0)
	return func(p disk.Policy, rules disk.Rules, dir int) int {
		if static {
			s := s0
			s.dir = dir
			m, without := s.run(p, rules)
			if rules.Return == disk.ReturnNotCounted {
				return without
			}
			return m
		}
		oc := c
		oc.Policy, oc.Rules, oc.Direction = p, rules, [2]string{disk.Down, disk.Up}[(1+dir)/2]
		if p != disk.NSCAN {
			oc.N = 0
		}
		m, _, err := disk.Movement(oc)
		if err != nil {
			return -1
		}
		return m
	}
}

// checkDiskNext reports why c cannot be asked about the next stop.
func checkDiskNext(c disk.Config) error {
	switch c.Policy {
	case disk.FCFS, disk.SSTF, disk.SCAN, disk.CSCAN, disk.LOOK, disk.CLOOK:
	default:
		return fmt.Errorf("disk.next asks about fcfs, sstf, scan, cscan, look and clook, not %s", c.Policy)
	}
	for _, r := range c.Requests {
		if r.Arrival != 0 {
			return errors.New("disk.next needs every request queued at time 0")
		}
	}
	return nil
}
