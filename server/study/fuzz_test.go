package study

import (
	"reflect"
	"testing"

	"github.com/osarena/osarena/netcode"
)

// The seed corpus is in testdata/fuzz/FuzzBoard: every policy of both
// simulations with a few proposals, predictions, steps and moves.

// fuzzSetup picks a valid setup from two bytes: the policy, then the
// frames or the disk's size, head and direction.
func fuzzSetup(a, c byte) netcode.StudySetup {
	n := len(ReplacePolicies) + len(DiskPolicies)
	i := int(a) % n
	if i < len(ReplacePolicies) {
		return netcode.StudySetup{Sim: netcode.StudyReplace, Policy: string(ReplacePolicies[i]),
			Frames: netcode.MinStudyFrames + c%netcode.MaxStudyFrames}
	}
	cyl := uint16(netcode.MinStudyCylinder) + uint16(c%8)*30
	dir := "up"
	if a >= 128 {
		dir = "down"
	}
	return netcode.StudySetup{Sim: netcode.StudyDisk, Policy: string(DiskPolicies[i-len(ReplacePolicies)]),
		Cylinders: cyl, Head: uint16(c) % cyl, Direction: dir}
}

// FuzzBoard drives a board with any sequence of requests, as hostile
// members could: it never panics, a refused request changes nothing, a
// played step is explained, and the record restores to the same state.
func FuzzBoard(f *testing.F) {
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) < 2 {
			return
		}
		setup := fuzzSetup(data[0], data[1])
		b, err := New(setup)
		if err != nil {
			t.Fatalf("New(%+v): %v", setup, err)
		}
		ops := data[2:]
		for i := 0; i < len(ops); i++ {
			before := b.State()
			op, arg := ops[i]%5, 0
			if op < 2 && i+1 < len(ops) {
				i++
				arg = int(int8(ops[i])) * 5 // negatives and values past the range too
				if arg >= 0 {
					arg = int(ops[i])
				}
			}
			var err error
			switch op {
			case 0:
				err = b.Propose(arg)
			case 1:
				err = b.Predict(uint32(ops[i]%4), arg)
			case 2:
				var st netcode.StudyStep
				st, err = b.Step()
				if err == nil && st.Explanation.IsZero() {
					t.Fatalf("%+v: step %d has no explanation", setup, b.Steps())
				}
			case 3:
				err = b.Back()
			case 4:
				err = b.Forward()
			}
			if err != nil {
				if _, ok := err.(*Error); !ok {
					t.Fatalf("%+v: op %d(%d) error %v is not an *Error", setup, op, arg, err)
				}
				if after := b.State(); !reflect.DeepEqual(after, before) {
					t.Fatalf("%+v: refused op %d(%d) changed the state\n%+v\nwant\n%+v", setup, op, arg, after, before)
				}
			}
		}
		r, err := Restore(b.Record())
		if err != nil {
			t.Fatalf("%+v: Restore(%+v): %v", setup, b.Record(), err)
		}
		if got, want := r.State(), b.State(); !reflect.DeepEqual(got, want) {
			t.Fatalf("%+v: restored state\n%+v\nwant\n%+v", setup, got, want)
		}
	})
}
