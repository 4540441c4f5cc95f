package quiz

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/osarena/osarena/sim/raid"
)

// failCase is one hand-checked question about a degraded array: the disks
// read, the explanation's key and the misconception behind some wrong disks.
type failCase struct {
	name    string
	c       raid.Config
	step    int
	want    []int64
	explain string
	wrong   map[int64]string
}

// Layouts worked by hand (chunk 1, left-symmetric; P, Q, then data disks):
//
//	RAID 5, 4 disks: stripe 0 P3 data 0 1 2; stripe 1 P2 data 3 0 1; stripe 2 P1 data 2 3 0.
//	RAID 6, 5 disks: stripe 0 P4 Q0 data 1 2 3; stripe 1 P3 Q4 data 0 1 2;
//	                 stripe 2 P2 Q3 data 4 0 1; stripe 3 P1 Q2 data 3 4 0; stripe 4 P0 Q1 data 2 3 4.
func reads(blocks ...int) []raid.Request {
	out := make([]raid.Request, len(blocks))
	for i, b := range blocks {
		out[i] = raid.Request{Block: b}
	}
	return out
}

func TestRAIDDegraded(t *testing.T) {
	r5 := raid.Config{Level: 5, Disks: 4, Failed: []int{1}, Requests: reads(1, 5, 4, 7)}
	r6 := raid.Config{Level: 6, Disks: 5, Failed: []int{0}, Requests: reads(0, 3)}
	r6two := raid.Config{Level: 6, Disks: 5, Failed: []int{1, 0}, Requests: reads(3, 0, 11)}
	tests := []failCase{
		// Disk 1 failed: block 1 (stripe 0, disk 1) needs every other disk of its row.
		{"RAID 5 lost data", r5, 0, []int64{0, 2, 3}, "raid.degraded.explain.xor", map[int64]string{1: "raid.degraded.why.failed"}},
		{"RAID 5 lost data, stripe 1", r5, 1, []int64{0, 2, 3}, "raid.degraded.explain.xor", nil},
		// Block 4 is on disk 0, which works: read it alone.
		{"RAID 5 block on a working disk", r5, 2, []int64{0}, "raid.degraded.explain.alive",
			map[int64]string{1: "raid.degraded.why.failed", 2: "raid.degraded.why.alive", 3: "raid.degraded.why.alive"}},
		// Block 7 is on disk 3; stripe 2's lost block is its parity, which a read does not need.
		{"RAID 5 parity lost", r5, 3, []int64{3}, "raid.degraded.explain.alive", nil},
		{"RAID 1 lowest working copy", raid.Config{Level: 1, Disks: 3, Failed: []int{0}, Requests: reads(2)}, 0, []int64{1}, "raid.degraded.explain.mirror",
			map[int64]string{0: "raid.degraded.why.failed", 2: "raid.degraded.why.mirror"}},
		// RAID 10: block 1 lives on pair (2, 3); 2 failed.
		{"RAID 10 mirror of a failed disk", raid.Config{Level: 10, Disks: 4, Failed: []int{2}, Requests: reads(1, 0)}, 0, []int64{3}, "raid.degraded.explain.mirror",
			map[int64]string{0: "raid.degraded.why.pair", 1: "raid.degraded.why.pair", 2: "raid.degraded.why.failed"}},
		{"RAID 10 untouched pair", raid.Config{Level: 10, Disks: 4, Failed: []int{2}, Requests: reads(1, 0)}, 1, []int64{0}, "raid.degraded.explain.mirror",
			map[int64]string{1: "raid.degraded.why.mirror", 2: "raid.degraded.why.failed", 3: "raid.degraded.why.pair"}},
		{"RAID 6 working block", r6, 0, []int64{1}, "raid.degraded.explain.alive", nil},
		// Block 3 (stripe 1, disk 0) from data 1, 2 and P on 3; Q on 4 is not needed.
		{"RAID 6 one lost block uses P", r6, 1, []int64{1, 2, 3}, "raid.degraded.explain.p6", map[int64]string{4: "raid.degraded.why.q", 0: "raid.degraded.why.failed"}},
		// Disks 0 and 1 failed. Block 3 (stripe 1, disk 0) and block 4 (disk 1) both lost: data 2, P 3, Q 4.
		{"RAID 6 two lost blocks", r6two, 0, []int64{2, 3, 4}, "raid.degraded.explain.pq6", nil},
		// Block 0 (stripe 0, disk 1) lost with Q (disk 0): data 2, 3 and P 4.
		{"RAID 6 lost block and Q", r6two, 1, []int64{2, 3, 4}, "raid.degraded.explain.p6q", nil},
		// Block 11 (stripe 3, disk 0) lost with P (disk 1): data 3, 4 and Q 2.
		{"RAID 6 lost block and P", r6two, 2, []int64{2, 3, 4}, "raid.degraded.explain.q6", nil},
	}
	for _, tt := range tests {
		checkFailCase(t, tt, askRAIDDegraded)
	}
}

func TestRAIDRebuild(t *testing.T) {
	rebuild := func(level, disks int, failed ...int) raid.Config {
		return raid.Config{Level: level, Disks: disks, Failed: failed, Rebuild: true, Stripes: 5}
	}
	withRead := rebuild(5, 4, 1)
	withRead.Requests = reads(1)
	tests := []failCase{
		// RAID 5, disk 1 failed: stripe 0 lost data block 1, stripe 2 lost its parity.
		{"RAID 5 lost data", rebuild(5, 4, 1), 0, []int64{0, 2, 3}, "raid.rebuild.explain.data", map[int64]string{1: "raid.degraded.why.failed"}},
		{"RAID 5 lost parity", rebuild(5, 4, 1), 2, []int64{0, 2, 3}, "raid.rebuild.explain.parity", nil},
		// After one request, step 1 is the rebuild's row 0.
		{"after a request", withRead, 1, []int64{0, 2, 3}, "raid.rebuild.explain.data", nil},
		// RAID 6, disk 2 failed: stripe 0 data (P on 4), stripe 2 P (Q on 3 unread), stripe 3 Q (P on 1 unread).
		{"RAID 6 lost data", rebuild(6, 5, 2), 0, []int64{1, 3, 4}, "raid.rebuild.explain.data6", map[int64]string{0: "raid.degraded.why.q"}},
		{"RAID 6 lost P", rebuild(6, 5, 2), 2, []int64{0, 1, 4}, "raid.rebuild.explain.parity6", map[int64]string{3: "raid.rebuild.why.q"}},
		{"RAID 6 lost Q", rebuild(6, 5, 2), 3, []int64{0, 3, 4}, "raid.rebuild.explain.q", map[int64]string{1: "raid.rebuild.why.p"}},
		// RAID 6, disks 0 and 1 failed, one row of each kind.
		{"RAID 6 lost data and Q", rebuild(6, 5, 1, 0), 0, []int64{2, 3, 4}, "raid.rebuild.explain.dq", nil},
		{"RAID 6 lost two data", rebuild(6, 5, 0, 1), 1, []int64{2, 3, 4}, "raid.rebuild.explain.dd", nil},
		{"RAID 6 lost data and P", rebuild(6, 5, 0, 1), 3, []int64{2, 3, 4}, "raid.rebuild.explain.dp", nil},
		{"RAID 6 lost P and Q", rebuild(6, 5, 0, 1), 4, []int64{2, 3, 4}, "raid.rebuild.explain.pq", nil},
		{"RAID 10", rebuild(10, 4, 1), 3, []int64{0}, "raid.rebuild.explain.mirror",
			map[int64]string{1: "raid.degraded.why.failed", 2: "raid.rebuild.why.pair", 3: "raid.rebuild.why.pair"}},
		{"RAID 10 two pairs", rebuild(10, 6, 4, 1), 0, []int64{0, 5}, "raid.rebuild.explain.mirror", map[int64]string{2: "raid.rebuild.why.pair"}},
		{"RAID 1", rebuild(1, 3, 0), 0, []int64{1}, "raid.rebuild.explain.mirror", map[int64]string{2: "raid.degraded.why.mirror"}},
	}
	for _, tt := range tests {
		checkFailCase(t, tt, askRAIDRebuild)
	}
}

func checkFailCase(t *testing.T, tt failCase, ask func(any, int) (*Question, error)) {
	t.Helper()
	q, err := ask(tt.c, tt.step)
	if err != nil {
		t.Errorf("%s: step %d: %v", tt.name, tt.step, err)
		return
	}
	if !slices.Equal(q.Answer.Values, tt.want) || q.Answer.Kind != KindSet {
		t.Errorf("%s: step %d: disks read %s %v; want set %v", tt.name, tt.step, q.Answer.Kind, q.Answer.Values, tt.want)
	}
	if q.Explanation.Key != tt.explain {
		t.Errorf("%s: step %d: explanation %s; want %s", tt.name, tt.step, q.Explanation.Key, tt.explain)
	}
	for v, key := range tt.wrong {
		i := slices.IndexFunc(q.Wrong, func(m Misconception) bool { return m.Value == v })
		if i < 0 || q.Wrong[i].Why.Key != key {
			t.Errorf("%s: step %d: wrong disk %d in %+v; want %s", tt.name, tt.step, v, q.Wrong, key)
		}
	}
	checkRendered(t, tt.name+" prompt", q.Prompt)
	checkRendered(t, tt.name+" explanation", q.Explanation)
}

func TestRAIDFailErrors(t *testing.T) {
	r5 := raid.Config{Level: 5, Disks: 4, Failed: []int{1}, Requests: reads(1)}
	healthy := raid.Config{Level: 5, Disks: 4, Requests: reads(1)}
	write := raid.Config{Level: 5, Disks: 4, Failed: []int{1}, Requests: []raid.Request{{Block: 1, Write: true}}}
	twoBlocks := raid.Config{Level: 5, Disks: 4, Failed: []int{1}, Requests: []raid.Request{{Block: 1, Count: 2}}}
	rebuilt := raid.Config{Level: 5, Disks: 4, Failed: []int{1}, Rebuild: true, Requests: reads(1)}
	threeGone := raid.Config{Level: 1, Disks: 4, Failed: []int{0, 1, 2}, Requests: reads(0)}
	tooMany := raid.Config{Level: 5, Disks: 4, Failed: []int{0, 1}, Requests: reads(1)}
	tests := []struct {
		name string
		ask  func(any, int) (*Question, error)
		c    raid.Config
		step int
		want string
	}{
		{"degraded, healthy array", askRAIDDegraded, healthy, 0, "failed disks"},
		{"degraded, a write", askRAIDDegraded, write, 0, "a read of one block"},
		{"degraded, two blocks", askRAIDDegraded, twoBlocks, 0, "a read of one block"},
		{"degraded, rebuilt", askRAIDDegraded, rebuilt, 0, "no rebuild"},
		{"degraded, step past the requests", askRAIDDegraded, r5, 1, "between 0 and 0"},
		{"degraded, negative step", askRAIDDegraded, r5, -1, "between 0 and 0"},
		{"degraded, three failed", askRAIDDegraded, threeGone, 0, "one or two"},
		{"degraded, more than RAID 5 survives", askRAIDDegraded, tooMany, 0, "failed"},
		{"rebuild, no rebuild", askRAIDRebuild, r5, 0, "rebuilt"},
		{"rebuild, step is a request", askRAIDRebuild, rebuilt, 0, "rebuild's rows"},
		{"rebuild, step past the rows", askRAIDRebuild, rebuilt, 2, "between 0 and 1"},
		{"disk, failed array", askRAIDDisk, r5, 0, "working array"},
	}
	for _, tt := range tests {
		q, err := tt.ask(tt.c, tt.step)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: step %d: question %v, error %v; want an error containing %q", tt.name, tt.step, q != nil, err, tt.want)
		}
	}
}

// The generated arrays follow the difficulty levels: the RAID levels each
// family draws from, one or two failed disks that the level survives, and
// rebuild chains that start at a row and go down.
func TestRAIDFailGenerated(t *testing.T) {
	for _, fam := range []Family{RAIDDegraded, RAIDRebuild} {
		for d := MinDifficulty; d <= MaxDifficulty; d++ {
			levels := raidFailLevels[d].levels
			if fam == RAIDRebuild {
				levels = raidFailLevels[d].rebuild
			}
			for seed := range uint64(200) {
				qs, err := Chain(fam, seed, d, 10)
				if err != nil {
					t.Fatalf("Chain(%s, %d, %d): %v", fam, seed, d, err)
				}
				id := fmt.Sprintf("%s seed %d difficulty %d", fam, seed, d)
				var rc raid.Config
				if err := json.Unmarshal(qs[0].Scenario, &rc); err != nil {
					t.Fatalf("%s: %v", id, err)
				}
				_, best := raid.FaultTolerance(rc.Level, rc.Disks)
				if !slices.Contains(levels, rc.Level) || len(rc.Failed) == 0 || len(rc.Failed) > min(2, best) {
					t.Fatalf("%s: RAID %d with failed %v; want one of %v with 1–%d failed", id, rc.Level, rc.Failed, levels, min(2, best))
				}
				if len(qs) < 3 {
					t.Fatalf("%s: a chain of %d questions; want at least 3", id, len(qs))
				}
				for i := 1; i < len(qs); i++ {
					if qs[i].Step != qs[i-1].Step+1 {
						t.Fatalf("%s: steps %d then %d; want consecutive", id, qs[i-1].Step, qs[i].Step)
					}
				}
			}
		}
	}
}
