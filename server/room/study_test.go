package room

import (
	"log/slog"
	"reflect"
	"testing"

	"github.com/osarena/osarena/netcode"
	"github.com/osarena/osarena/server/study"
)

var lruSetup = netcode.StudySetup{Sim: netcode.StudyReplace, Policy: "lru", Frames: 3}

// newStudyHarness is a study room driven by hand, like newHarness.
func newStudyHarness(t *testing.T, cfg Config) *harness {
	t.Helper()
	h := newHarness(t, testSettings(), cfg)
	b, err := study.New(lruSetup)
	if err != nil {
		t.Fatal(err)
	}
	h.r.study = b
	return h
}

func TestInitials(t *testing.T) {
	tests := []struct {
		in, want []string
	}{
		{[]string{"ada", "김철수", "bob"}, []string{"A", "김", "B"}},
		{[]string{"Ada", "alan", "Al"}, []string{"A", "Al", "A3"}},
		{[]string{"김철수", "김영희"}, []string{"김", "김영"}},
		{[]string{" ", "x"}, []string{"?", "X"}},
		// The position is taken by an earlier two-letter initial: the
		// next free number, never a duplicate.
		{[]string{"#", "#3", "#3b"}, []string{"#", "#3", "#4"}},
		{[]string{"A", "A3", "A3b", "#", "#4x"}, []string{"A", "A3", "A4", "#", "#4"}},
	}
	for _, tc := range tests {
		if got := Initials(tc.in); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("Initials(%q) = %q; want %q", tc.in, got, tc.want)
		}
	}
}

// TestStudyRoom: two members see each other, one proposes, both predict,
// the step plays for both with both predictions, and the view steps back.
func TestStudyRoom(t *testing.T) {
	h := newStudyHarness(t, Config{})
	if r := h.join("s1", "Ada"); r.Err != netcode.ErrNone {
		t.Fatalf("join Ada: %+v", r)
	}
	if r := h.join("s2", "김민수"); r.Err != netcode.ErrNone {
		t.Fatalf("join 김민수: %+v", r)
	}
	st := last[netcode.StudyState](t, h.out, "ch-s1", netcode.TypeStudyState)
	if len(st.Members) != 2 || st.Members[0].Initial != "A" || st.Members[1].Initial != "김" || !st.Members[0].Host {
		t.Fatalf("members = %+v; want Ada (A, host) and 김민수 (김)", st.Members)
	}
	if n := count(h.out, "ch-s1", netcode.TypeRoomState); n != 0 {
		t.Errorf("a study room sent %d RoomState; want none", n)
	}
	h.cmd("s2", netcode.TypePropose, netcode.Propose{Input: 7})
	h.cmd("s1", netcode.TypePredict, netcode.Predict{Value: 0})
	h.cmd("s2", netcode.TypePredict, netcode.Predict{Value: 2})
	h.advance(studyGap) // changes within the gap go out together at its end
	st = last[netcode.StudyState](t, h.out, "ch-s1", netcode.TypeStudyState)
	if want := []int32{7}; !reflect.DeepEqual(st.Queue, want) || len(st.Predictions) != 2 {
		t.Fatalf("before the step: queue %v, predictions %v; want [7] and two", st.Queue, st.Predictions)
	}
	h.cmd("s2", netcode.TypeStep, netcode.Step{})
	h.advance(studyGap)
	for _, ch := range []string{"ch-s1", "ch-s2"} {
		st = last[netcode.StudyState](t, h.out, ch, netcode.TypeStudyState)
		want := []netcode.StudyPrediction{{Member: 1, Value: 0}, {Member: 2, Value: 2}}
		if len(st.Steps) != 1 || st.Cursor != 1 || st.Steps[0].Answer != 0 || !reflect.DeepEqual(st.Steps[0].Predictions, want) ||
			st.Steps[0].Explanation.Key != "replace.hitfault.explain.fault" || len(st.Queue) != 0 {
			t.Fatalf("%s after the step: %+v", ch, st)
		}
	}
	h.cmd("s1", netcode.TypeBack, netcode.Back{})
	h.advance(studyGap)
	if st = last[netcode.StudyState](t, h.out, "ch-s2", netcode.TypeStudyState); st.Cursor != 0 {
		t.Errorf("cursor after Back = %d; want 0", st.Cursor)
	}
	// Refusals reach only the sender, as Error codes.
	refusals := []struct {
		typ  netcode.Type
		msg  any
		want netcode.ErrorCode
	}{
		{netcode.TypeBack, netcode.Back{}, netcode.ErrWrongPhase},
		{netcode.TypeStep, netcode.Step{}, netcode.ErrWrongPhase},
		{netcode.TypePropose, netcode.Propose{Input: 100}, netcode.ErrBadSettings},
		{netcode.TypeStartMatch, netcode.StartMatch{}, netcode.ErrWrongPhase},
		{netcode.TypeAnswer, netcode.Answer{Round: 1, Values: []int64{1}}, netcode.ErrWrongPhase},
	}
	for _, tc := range refusals {
		h.cmd("s1", tc.typ, tc.msg)
		if e := last[netcode.Error](t, h.out, "ch-s1", netcode.TypeError); e.Code != tc.want || e.About != tc.typ {
			t.Errorf("%v: Error %+v; want code %d about %v", tc.typ, e, tc.want, tc.typ)
		}
	}
	// A member who leaves takes their prediction along.
	h.cmd("s1", netcode.TypeForward, netcode.Forward{})
	h.cmd("s1", netcode.TypePropose, netcode.Propose{Input: 3})
	h.cmd("s2", netcode.TypePredict, netcode.Predict{Value: 1})
	h.r.handle(h.now, Leave{Session: "s2"})
	h.advance(studyGap)
	if st = last[netcode.StudyState](t, h.out, "ch-s1", netcode.TypeStudyState); len(st.Members) != 1 || len(st.Predictions) != 0 {
		t.Errorf("after 김민수 left: members %+v, predictions %v; want Ada alone, none", st.Members, st.Predictions)
	}
}

// TestQuizRoomRefusesStudy: study requests in a quiz room are refused.
func TestQuizRoomRefusesStudy(t *testing.T) {
	h := newHarness(t, testSettings(), Config{})
	h.join("s1", "host")
	h.join("s2", "guest")
	h.cmd("s2", netcode.TypePropose, netcode.Propose{Input: 1})
	if e := last[netcode.Error](t, h.out, "ch-s2", netcode.TypeError); e.Code != netcode.ErrWrongPhase || e.About != netcode.TypePropose {
		t.Errorf("Propose in a quiz room: Error %+v; want ErrWrongPhase", e)
	}
}

// TestStudyRestore: the saved snapshot brings the room back with its
// members (held for the grace period) and its history.
func TestStudyRestore(t *testing.T) {
	st := newMemStore()
	h := newStudyHarness(t, Config{Store: st, Log: slog.New(slog.DiscardHandler)})
	joinAs(h, "s1", "Ada", 11)
	joinAs(h, "s2", "Bo", 12)
	for _, v := range []int32{1, 2, 3, 4} {
		h.cmd("s1", netcode.TypePropose, netcode.Propose{Input: v})
	}
	h.cmd("s2", netcode.TypePredict, netcode.Predict{Value: 1})
	h.cmd("s1", netcode.TypeStep, netcode.Step{})
	h.cmd("s2", netcode.TypeStep, netcode.Step{})
	h.cmd("s2", netcode.TypePredict, netcode.Predict{Value: 2})
	h.advance(studyGap) // the last change is saved with its broadcast
	want := h.r.studyState()
	go h.r.saver.run()
	h.r.saver.stop()
	rec, snap := st.rooms["ABCDEF"], st.snaps["ABCDEF"]
	if rec.Mode != "study" || snap.Study == nil {
		t.Fatalf("stored room mode %q, snapshot study %v; want study and a board", rec.Mode, snap.Study)
	}
	r, err := Restore(rec, &snap, newFakeOut(), Config{})
	if err != nil {
		t.Fatalf("Restore: %v", err)
	}
	got := r.studyState()
	for i := range want.Members {
		want.Members[i].Connected = false // held seats, until their players resume
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("restored state\n%+v\nwant\n%+v", got, want)
	}
	if _, err := Restore(rec, nil, newFakeOut(), Config{}); err == nil {
		t.Errorf("Restore(study room without snapshot) = nil error; want one")
	}
}

// TestStudyBroadcastsAreFolded: a burst of changes within studyGap sends
// the first at once and the rest as one state at the end of the gap, the
// room's next wake-up; nothing is lost.
func TestStudyBroadcastsAreFolded(t *testing.T) {
	h := newStudyHarness(t, Config{})
	h.join("s1", "Ada")
	h.join("s2", "Bo")
	h.advance(studyGap)
	before := count(h.out, "ch-s2", netcode.TypeStudyState)
	for v := range int32(10) {
		h.cmd("s1", netcode.TypePropose, netcode.Propose{Input: v})
	}
	if got := count(h.out, "ch-s2", netcode.TypeStudyState) - before; got != 1 {
		t.Errorf("states sent during a burst of 10 proposals = %d; want 1 (the first, at once)", got)
	}
	if w := h.r.nextWake(h.now); w.IsZero() || w.After(h.now.Add(studyGap)) {
		t.Errorf("next wake = %v; want within %v to send the held change", w, studyGap)
	}
	h.advance(studyGap)
	if got := count(h.out, "ch-s2", netcode.TypeStudyState) - before; got != 2 {
		t.Errorf("states sent once the gap is over = %d; want 2", got)
	}
	if st := last[netcode.StudyState](t, h.out, "ch-s2", netcode.TypeStudyState); len(st.Queue)+len(st.Steps) != 10 {
		t.Errorf("last state holds %d inputs (queue %v); want all 10", len(st.Queue)+len(st.Steps), st.Queue)
	}
	h.advance(studyGap)
	if got := count(h.out, "ch-s2", netcode.TypeStudyState) - before; got != 2 {
		t.Errorf("states sent with nothing changed = %d; want still 2", got)
	}
}
