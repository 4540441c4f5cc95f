package study

import (
	"reflect"
	"testing"

	"github.com/osarena/osarena/netcode"
)

var (
	lru3  = netcode.StudySetup{Sim: netcode.StudyReplace, Policy: "lru", Frames: 3}
	scan  = netcode.StudySetup{Sim: netcode.StudyDisk, Policy: "scan", Cylinders: 200, Head: 53, Direction: "up"}
	sstf  = netcode.StudySetup{Sim: netcode.StudyDisk, Policy: "sstf", Cylinders: 200, Head: 53, Direction: "up"}
	cscan = netcode.StudySetup{Sim: netcode.StudyDisk, Policy: "cscan", Cylinders: 200, Head: 53, Direction: "up"}
)

func mustNew(t *testing.T, s netcode.StudySetup) *Board {
	t.Helper()
	b, err := New(s)
	if err != nil {
		t.Fatalf("New(%+v): %v", s, err)
	}
	return b
}

func propose(t *testing.T, b *Board, vs ...int) {
	t.Helper()
	for _, v := range vs {
		if err := b.Propose(v); err != nil {
			t.Fatalf("Propose(%d): %v", v, err)
		}
	}
}

func TestValidSetup(t *testing.T) {
	tests := []struct {
		s    netcode.StudySetup
		want bool
	}{
		{lru3, true},
		{scan, true},
		{netcode.StudySetup{Sim: "replace", Policy: "opt", Frames: 3}, false},
		{netcode.StudySetup{Sim: "replace", Policy: "random", Frames: 3}, false},
		{netcode.StudySetup{Sim: "replace", Policy: "fifo", Frames: 0}, false},
		{netcode.StudySetup{Sim: "replace", Policy: "fifo", Frames: 9}, false},
		{netcode.StudySetup{Sim: "disk", Policy: "look", Cylinders: 200, Head: 200, Direction: "up"}, false},
		{netcode.StudySetup{Sim: "disk", Policy: "look", Cylinders: 200, Head: 0, Direction: "left"}, false},
		{netcode.StudySetup{Sim: "disk", Policy: "nscan", Cylinders: 200, Head: 0, Direction: "up"}, false},
		{netcode.StudySetup{Sim: "disk", Policy: "fcfs", Cylinders: 5000, Head: 0, Direction: "up"}, false},
		{netcode.StudySetup{Sim: "raid"}, false},
	}
	for _, tc := range tests {
		if got := ValidSetup(tc.s); got != tc.want {
			t.Errorf("ValidSetup(%+v) = %v; want %v", tc.s, got, tc.want)
		}
	}
}

// TestReplaceSteps plays the textbook LRU string 7 0 1 2 0 3 with three
// frames, one proposal and one step at a time.
func TestReplaceSteps(t *testing.T) {
	b := mustNew(t, lru3)
	type want struct {
		answer int32
		hit    bool
		victim int32
		key    string
	}
	steps := []struct {
		ref  int
		want want
	}{
		{7, want{0, false, -1, "replace.hitfault.explain.fault"}},
		{0, want{1, false, -1, "replace.hitfault.explain.fault"}},
		{1, want{2, false, -1, "replace.hitfault.explain.fault"}},
		{2, want{0, false, 7, "replace.victim.explain.lru"}},
		{0, want{1, true, -1, "replace.hitfault.explain.hit"}},
		{3, want{2, false, 1, "replace.victim.explain.lru"}},
	}
	for i, s := range steps {
		propose(t, b, s.ref)
		if err := b.Predict(1, 2); err != nil {
			t.Fatalf("step %d: Predict(1, frame 2): %v", i, err)
		}
		st, err := b.Step()
		if err != nil {
			t.Fatalf("step %d: Step: %v", i, err)
		}
		got := want{st.Answer, st.Hit, st.Victim, st.Explanation.Key}
		if got != s.want || st.Input != int32(s.ref) {
			t.Errorf("step %d (page %d) = %+v; want %+v", i, s.ref, got, s.want)
		}
		if len(st.Predictions) != 1 || st.Predictions[0] != (netcode.StudyPrediction{Member: 1, Value: 2}) {
			t.Errorf("step %d predictions = %v; want member 1 → frame 2", i, st.Predictions)
		}
	}
	if got := b.State().Predictions; len(got) != 0 {
		t.Errorf("predictions after the step = %v; want none", got)
	}
}

// TestDiskSteps serves requests as they arrive: the policy chooses among
// the requests queued when the step plays, from where the head is.
func TestDiskSteps(t *testing.T) {
	tests := []struct {
		name  string
		setup netcode.StudySetup
		// rounds: inputs proposed, then one step; want the path of each step.
		rounds [][]int
		paths  [][]int32
		dirs   []string
	}{
		{"scan to the edge", scan, [][]int{{98, 37}, {}, {}},
			[][]int32{{53, 98}, {98, 199, 37}}, []string{"up", "down"}},
		{"sstf with an arrival", sstf, [][]int{{98, 14}, {60}, {}, {}},
			[][]int32{{53, 14}, {14, 60}, {60, 98}}, []string{"down", "up", "up"}},
		{"cscan jump", cscan, [][]int{{20}},
			[][]int32{{53, 199, 0, 20}}, []string{"up"}},
	}
	for _, tc := range tests {
		b := mustNew(t, tc.setup)
		for i, ins := range tc.rounds {
			propose(t, b, ins...)
			if i >= len(tc.paths) {
				break
			}
			st, err := b.Step()
			if err != nil {
				t.Fatalf("%s: step %d: %v", tc.name, i, err)
			}
			if !reflect.DeepEqual(st.Path, tc.paths[i]) || st.Direction != tc.dirs[i] {
				t.Errorf("%s: step %d path %v going %s; want %v going %s", tc.name, i, st.Path, st.Direction, tc.paths[i], tc.dirs[i])
			}
			if st.Answer != tc.paths[i][len(tc.paths[i])-1] || st.Explanation.IsZero() {
				t.Errorf("%s: step %d answer %d, explanation %q", tc.name, i, st.Answer, st.Explanation.Key)
			}
		}
	}
}

func TestRefusals(t *testing.T) {
	full := mustNew(t, lru3)
	for i := range netcode.MaxStudyQueue {
		propose(t, full, i)
	}
	played := mustNew(t, lru3)
	propose(t, played, 1, 2)
	if _, err := played.Step(); err != nil {
		t.Fatal(err)
	}
	if err := played.Back(); err != nil {
		t.Fatal(err)
	}
	disk := mustNew(t, scan)
	propose(t, disk, 98)
	tests := []struct {
		name string
		call func() error
		want netcode.ErrorCode
	}{
		{"step with nothing proposed", func() error { _, err := mustNew(t, lru3).Step(); return err }, netcode.ErrWrongPhase},
		{"predict with nothing proposed", func() error { return mustNew(t, lru3).Predict(1, 0) }, netcode.ErrWrongPhase},
		{"page 100", func() error { return mustNew(t, lru3).Propose(100) }, netcode.ErrBadSettings},
		{"page -1", func() error { return mustNew(t, lru3).Propose(-1) }, netcode.ErrBadSettings},
		{"cylinder 200 of 200", func() error { return mustNew(t, scan).Propose(200) }, netcode.ErrBadSettings},
		{"queue full", func() error { return full.Propose(5) }, netcode.ErrWrongPhase},
		{"frame 3 of 3", func() error { return full.Predict(1, 3) }, netcode.ErrMalformedAnswer},
		{"a cylinder nobody asked for", func() error { return disk.Predict(1, 97) }, netcode.ErrMalformedAnswer},
		{"predict while back", func() error { return played.Predict(1, 0) }, netcode.ErrWrongPhase},
		{"step while back", func() error { _, err := played.Step(); return err }, netcode.ErrWrongPhase},
		{"back at the start", func() error { return played.Back() }, netcode.ErrWrongPhase},
		{"forward at the latest", func() error { return disk.Forward() }, netcode.ErrWrongPhase},
	}
	for _, tc := range tests {
		err := tc.call()
		if got := CodeOf(err); err == nil || got != tc.want {
			t.Errorf("%s: error %v (code %d); want code %d", tc.name, err, got, tc.want)
		}
	}
	// A refused call changes nothing.
	if got := len(full.State().Queue); got != netcode.MaxStudyQueue {
		t.Errorf("queue after a refused proposal has %d inputs; want %d", got, netcode.MaxStudyQueue)
	}
	// Proposing while back in the history is fine: the queue is the future.
	if err := played.Propose(3); err != nil {
		t.Errorf("Propose while back: %v; want nil", err)
	}
}

func TestHistoryFull(t *testing.T) {
	b := mustNew(t, lru3)
	for range netcode.MaxStudySteps {
		propose(t, b, 4)
		if _, err := b.Step(); err != nil {
			t.Fatal(err)
		}
	}
	if err := b.Propose(4); CodeOf(err) != netcode.ErrWrongPhase {
		t.Errorf("Propose after %d steps: %v; want ErrWrongPhase", netcode.MaxStudySteps, err)
	}
}

func TestBackForward(t *testing.T) {
	b := mustNew(t, lru3)
	propose(t, b, 1, 2, 3)
	for range 2 {
		if _, err := b.Step(); err != nil {
			t.Fatal(err)
		}
	}
	moves := []struct {
		f    func() error
		want int
	}{{b.Back, 1}, {b.Back, 0}, {b.Forward, 1}, {b.Forward, 2}}
	for i, m := range moves {
		if err := m.f(); err != nil || b.Cursor() != m.want {
			t.Errorf("move %d: cursor %d, %v; want %d", i, b.Cursor(), err, m.want)
		}
	}
}

// TestRestore replays a record into the same state, predictions included.
func TestRestore(t *testing.T) {
	for _, setup := range []netcode.StudySetup{lru3, sstf, cscan} {
		b := mustNew(t, setup)
		propose(t, b, 98, 14, 83)
		_ = b.Predict(2, 14)
		_ = b.Predict(1, 98)
		if _, err := b.Step(); err != nil {
			t.Fatal(err)
		}
		propose(t, b, 60)
		if _, err := b.Step(); err != nil {
			t.Fatal(err)
		}
		propose(t, b, 14)
		_ = b.Predict(1, 0)
		_ = b.Back()
		rec := b.Record()
		r, err := Restore(rec)
		if err != nil {
			t.Fatalf("%s: Restore(%+v): %v", setup.Policy, rec, err)
		}
		if got, want := r.State(), b.State(); !reflect.DeepEqual(got, want) {
			t.Errorf("%s: restored state\n%+v\nwant\n%+v", setup.Policy, got, want)
		}
	}
	bad := mustNew(t, lru3).Record()
	bad.Played = 2
	if _, err := Restore(bad); err == nil {
		t.Errorf("Restore(2 played of 0 inputs) = nil error; want one")
	}
}
