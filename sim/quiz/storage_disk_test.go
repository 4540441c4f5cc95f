package quiz

import (
	"testing"

	"github.com/osarena/osarena/sim/disk"
	"github.com/osarena/osarena/sim/rng"
)

var textbookQueue = []int{98, 183, 37, 122, 14, 124, 65, 67}

func textbookDisk(p disk.Policy, dir string) disk.Config {
	c := disk.Config{Policy: p, Cylinders: 200, Head: 53, Direction: dir}
	for _, cy := range textbookQueue {
		c.Requests = append(c.Requests, disk.Request{Cylinder: cy})
	}
	return c
}

// The rules of thumb that match wrong answers to policies must agree with
// the simulator: next with every step's first stop, run with the movement.
func TestDiskStateAgreesWithSimulator(t *testing.T) {
	policies := []disk.Policy{disk.FCFS, disk.SSTF, disk.SCAN, disk.CSCAN, disk.LOOK, disk.CLOOK}
	rules := []disk.Rules{{}, {SSTFTie: disk.TieLower, Travel: disk.TravelLastRequest, Return: disk.ReturnNotCounted}}
	for seed := range uint64(300) {
		base := genDiskConfig(rng.New(seed, rng.StreamScenario), 1+int(seed%5))
		for _, p := range policies {
			for _, ru := range rules {
				for _, dir := range []string{disk.Up, disk.Down} {
					c := base
					c.Policy, c.Rules, c.Direction = p, ru, dir
					tr, err := disk.Run(c)
					if err != nil {
						t.Fatal(err)
					}
					for i, st := range tr.Steps {
						s := diskStateAt(c, tr, i)
						if got, want := s.next(p, tr.Rules), nextStop(st); got != want {
							t.Fatalf("%s %+v rules %+v: next before step %d = %d; the simulator goes to %d", p, c, tr.Rules, i, got, want)
						}
					}
					alt := diskAlternative(c, tr)
					if got := alt(p, tr.Rules, dirOf(dir)); got != tr.Movement {
						t.Fatalf("%s %+v rules %+v: movement %d; the simulator says %d", p, c, tr.Rules, got, tr.Movement)
					}
				}
			}
		}
	}
}

func TestDiskNextWhy(t *testing.T) {
	tests := []struct {
		policy disk.Policy
		rules  disk.Rules
		head   int
		dir    int
		v      int
		want   string
	}{
		// SCAN down from 53: 37 is next; 65 is the way up; 98 is FCFS's; 0 comes only later.
		{disk.SCAN, disk.Rules{Travel: disk.TravelEdge}, 53, -1, 65, "disk.next.why.direction"},
		{disk.SCAN, disk.Rules{Travel: disk.TravelEdge}, 53, -1, 98, "disk.next.why.fcfs"},
		{disk.SCAN, disk.Rules{Travel: disk.TravelEdge}, 53, -1, 0, "disk.next.why.edge.early"},
		{disk.SCAN, disk.Rules{Travel: disk.TravelEdge}, 53, -1, 124, "disk.next.why.later"},
		// SCAN down from 14 must go to 0 first; 37 is where LOOK turns.
		{disk.SCAN, disk.Rules{Travel: disk.TravelEdge}, 10, -1, 14, "disk.next.why.turned"},
		// LOOK never goes to the edge.
		{disk.LOOK, disk.Rules{}, 53, -1, 0, "disk.next.why.edge"},
		{disk.SCAN, disk.Rules{Travel: disk.TravelLastRequest}, 53, -1, 0, "disk.next.why.edge.rule"},
		// C-SCAN up from 190 goes to 199 first; C-LOOK would jump to 14.
		{disk.CSCAN, disk.Rules{Travel: disk.TravelEdge}, 190, 1, 14, "disk.next.why.turned.circular"},
		// C-LOOK up from 190: jumps to 14; SCAN-like reversal would take 183.
		{disk.CLOOK, disk.Rules{Return: disk.ReturnCounted}, 190, 1, 183, "disk.next.why.elevator"},
		// LOOK up from 190 reverses to 183; C-LOOK would jump to 14.
		{disk.LOOK, disk.Rules{}, 190, 1, 14, "disk.next.why.circular"},
		// SSTF from 53: 65 is nearest; 37 is 16 away, 98 is FCFS's.
		{disk.SSTF, disk.Rules{SSTFTie: disk.TieDirection}, 53, 1, 98, "disk.next.why.fcfs"},
		{disk.SSTF, disk.Rules{SSTFTie: disk.TieDirection}, 53, 1, 37, "disk.next.why.farther"},
		// FCFS: 65 is SSTF's nearest; 37 merely arrived later.
		{disk.FCFS, disk.Rules{}, 53, 1, 65, "disk.next.why.sstf"},
		{disk.FCFS, disk.Rules{}, 53, 1, 37, "disk.next.why.later.fcfs"},
	}
	for _, tt := range tests {
		s := diskState{head: tt.head, dir: tt.dir, cylinders: 200, pending: textbookQueue}
		answer := s.next(tt.policy, tt.rules)
		if got := diskNextWhy(tt.policy, tt.rules, s, tt.v, answer).Key; got != tt.want {
			t.Errorf("%s from %d dir %d (answer %d): why(%d) = %s; want %s", tt.policy, tt.head, tt.dir, answer, tt.v, got, tt.want)
		}
	}
}

func TestDiskMovementWrong(t *testing.T) {
	tests := []struct {
		c     disk.Config
		value int64
		want  string
	}{
		{textbookDisk(disk.CSCAN, disk.Up), 183, "disk.movement.why.noreturn"},
		{textbookDisk(disk.CSCAN, disk.Up), 322, "disk.movement.why.lastrequest"}, // C-SCAN turning at the last request is C-LOOK
		{textbookDisk(disk.SCAN, disk.Down), 208, "disk.movement.why.lastrequest"},
		{textbookDisk(disk.SCAN, disk.Down), 640, "disk.movement.why.policy"},
		{textbookDisk(disk.LOOK, disk.Down), 236, "disk.movement.why.policy"},
	}
	for _, tt := range tests {
		q, err := askDiskMovement(tt.c, 0)
		if err != nil {
			t.Fatal(err)
		}
		if got := q.Grade([]int64{tt.value}).Why.Key; got != tt.want {
			t.Errorf("%s %s: why(%d) = %q; want %q", tt.c.Policy, tt.c.Direction, tt.value, got, tt.want)
		}
	}
}
