// Package study is the shared simulation of a study room (DESIGN.md §5,
// netcode/messages_study.go): a Board holds the room's setup, the queue of
// proposed inputs, the history of played steps with every member's
// prediction and the explanation of each, and the cursor of the shared
// view. It computes every step with the simulators (sim/replace, sim/disk)
// and explains it with sim/quiz's texts, so the server is the authority.
//
// A Board is plain state: no goroutines, no clock, no I/O. Its owner (the
// room's goroutine in server/room) calls it from one goroutine at a time.
// Every method that refuses returns an *Error carrying the netcode.ErrorCode
// to answer with; a refused call changes nothing.
package study

import (
	"errors"
	"fmt"
	"slices"

	"github.com/osarena/osarena/netcode"
	"github.com/osarena/osarena/sim/disk"
	"github.com/osarena/osarena/sim/quiz"
	"github.com/osarena/osarena/sim/replace"
)

// Error is a refusal: Code is what the server answers with.
type Error struct {
	Code netcode.ErrorCode
	Msg  string
}

func (e *Error) Error() string { return "study: " + e.Msg }

func refuse(code netcode.ErrorCode, format string, args ...any) error {
	return &Error{Code: code, Msg: fmt.Sprintf(format, args...)}
}

// CodeOf returns the netcode.ErrorCode of err (ErrWrongPhase for an error
// that is not an *Error).
func CodeOf(err error) netcode.ErrorCode {
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	return netcode.ErrWrongPhase
}

// ReplacePolicies are the replacement policies a study room runs: those
// whose choice depends only on the past (OPT needs the future, which in a
// study room is only what has been proposed so far; random cannot be
// predicted).
var ReplacePolicies = []replace.Policy{replace.FIFO, replace.LRU, replace.LFU, replace.MFU, replace.MRU, replace.Clock}

// DiskPolicies are the disk-scheduling policies a study room runs (the
// batch policies N-step SCAN and F-SCAN have no one-step explanation).
var DiskPolicies = []disk.Policy{disk.FCFS, disk.SSTF, disk.SCAN, disk.CSCAN, disk.LOOK, disk.CLOOK}

// ValidSetup reports whether s is a setup a study room runs; a false
// result is answered with netcode.ErrBadSettings.
func ValidSetup(s netcode.StudySetup) bool {
	switch s.Sim {
	case netcode.StudyReplace:
		return slices.Contains(ReplacePolicies, replace.Policy(s.Policy)) &&
			s.Frames >= netcode.MinStudyFrames && s.Frames <= netcode.MaxStudyFrames
	case netcode.StudyDisk:
		return slices.Contains(DiskPolicies, disk.Policy(s.Policy)) &&
			s.Cylinders >= netcode.MinStudyCylinder && s.Cylinders <= netcode.MaxStudyCylinder &&
			s.Head < s.Cylinders && (s.Direction == disk.Up || s.Direction == disk.Down)
	}
	return false
}

// Input is one proposal: its value and how many steps had been played when
// it was proposed (a disk request arrives then; the order of proposals is
// the order of the slice).
type Input struct {
	Value int
	At    int
}

// Board is a study room's shared simulation.
type Board struct {
	setup  netcode.StudySetup
	inputs []Input // every proposal, in order
	served []int   // index into inputs of each played step's input
	steps  []netcode.StudyStep
	cursor int
	preds  map[uint32]int32 // the next step's predictions by member
}

// New returns an empty board for setup, or an error when ValidSetup refuses it.
func New(setup netcode.StudySetup) (*Board, error) {
	if !ValidSetup(setup) {
		return nil, refuse(netcode.ErrBadSettings, "bad setup %+v", setup)
	}
	return &Board{setup: setup, preds: map[uint32]int32{}}, nil
}

// Setup is the board's setup.
func (b *Board) Setup() netcode.StudySetup { return b.setup }

// Steps is the number of played steps.
func (b *Board) Steps() int { return len(b.steps) }

// Cursor is how many steps the shared view shows played.
func (b *Board) Cursor() int { return b.cursor }

// Inputs returns every proposal so far, in order (the caller's copy).
func (b *Board) Inputs() []Input { return slices.Clone(b.inputs) }

// queue returns the indices into inputs of the proposals not yet played.
func (b *Board) queue() []int {
	var q []int
	for i := range b.inputs {
		if !slices.Contains(b.served, i) {
			q = append(q, i)
		}
	}
	return q
}

// Propose appends an input to the queue.
func (b *Board) Propose(v int) error {
	switch {
	case b.setup.Sim == netcode.StudyReplace && (v < 0 || v > netcode.MaxStudyPage):
		return refuse(netcode.ErrBadSettings, "page %d is not 0–%d", v, netcode.MaxStudyPage)
	case b.setup.Sim == netcode.StudyDisk && (v < 0 || v >= int(b.setup.Cylinders)):
		return refuse(netcode.ErrBadSettings, "cylinder %d is not on the disk", v)
	case len(b.inputs)-len(b.served) >= netcode.MaxStudyQueue:
		return refuse(netcode.ErrWrongPhase, "the queue is full")
	case len(b.inputs) >= netcode.MaxStudySteps:
		return refuse(netcode.ErrWrongPhase, "the history is full")
	}
	b.inputs = append(b.inputs, Input{Value: v, At: len(b.steps)})
	return nil
}

// open reports why the next step cannot be predicted or played now, or nil.
func (b *Board) open() error {
	switch {
	case len(b.served) == len(b.inputs):
		return refuse(netcode.ErrWrongPhase, "nothing is proposed")
	case b.cursor != len(b.steps):
		return refuse(netcode.ErrWrongPhase, "the view is back in the history")
	}
	return nil
}

// Predict sets member's prediction of the next step.
func (b *Board) Predict(member uint32, v int) error {
	if err := b.open(); err != nil {
		return err
	}
	switch b.setup.Sim {
	case netcode.StudyReplace:
		if v < 0 || v >= int(b.setup.Frames) {
			return refuse(netcode.ErrMalformedAnswer, "frame %d is not in the table", v)
		}
	case netcode.StudyDisk:
		if !slices.ContainsFunc(b.queue(), func(i int) bool { return b.inputs[i].Value == v }) {
			return refuse(netcode.ErrMalformedAnswer, "no request waits at cylinder %d", v)
		}
	}
	b.preds[member] = int32(v)
	return nil
}

// Forget drops member's prediction of the next step (the member left).
func (b *Board) Forget(member uint32) { delete(b.preds, member) }

// Step plays the next step and returns it.
func (b *Board) Step() (netcode.StudyStep, error) {
	if err := b.open(); err != nil {
		return netcode.StudyStep{}, err
	}
	var (
		st   netcode.StudyStep
		next int
		err  error
	)
	if b.setup.Sim == netcode.StudyReplace {
		st, next, err = b.replaceStep()
	} else {
		st, next, err = b.diskStep()
	}
	if err != nil { // the simulators accept every valid board: a bug
		return netcode.StudyStep{}, refuse(netcode.ErrWrongPhase, "step: %v", err)
	}
	st.Predictions = b.predictions()
	b.served = append(b.served, next)
	b.steps = append(b.steps, st)
	b.cursor = len(b.steps)
	clear(b.preds)
	return st, nil
}

// replaceStep computes the next replacement step: the oldest queued page,
// run after every page played so far.
func (b *Board) replaceStep() (netcode.StudyStep, int, error) {
	next := b.queue()[0]
	refs := make([]int, 0, len(b.served)+1)
	for _, i := range b.served {
		refs = append(refs, b.inputs[i].Value)
	}
	refs = append(refs, b.inputs[next].Value)
	c := replace.Config{Policy: replace.Policy(b.setup.Policy), Frames: int(b.setup.Frames), Refs: refs}
	tr, err := replace.Run(c)
	if err != nil {
		return netcode.StudyStep{}, 0, err
	}
	k := len(refs) - 1
	s := tr.Steps[k]
	why, err := quiz.ReplaceStepExplanation(c, tr, k)
	if err != nil {
		return netcode.StudyStep{}, 0, err
	}
	return netcode.StudyStep{Input: int32(s.Ref), Answer: int32(s.Frame), Hit: s.Hit, Victim: int32(s.Victim),
		Explanation: why}, next, nil
}

// Head returns where the disk head is and which way it moves after the
// played steps (the setup's before the first).
func (b *Board) Head() (int, string) {
	if n := len(b.steps); n > 0 {
		s := b.steps[n-1]
		return int(s.Path[len(s.Path)-1]), s.Direction
	}
	return int(b.setup.Head), b.setup.Direction
}

// diskStep computes the next disk step: the policy's choice among the
// queued requests, from where the head is and the way it moves.
func (b *Board) diskStep() (netcode.StudyStep, int, error) {
	q := b.queue()
	head, dir := b.Head()
	c := disk.Config{Policy: disk.Policy(b.setup.Policy), Cylinders: int(b.setup.Cylinders), Head: head, Direction: dir}
	for _, i := range q {
		c.Requests = append(c.Requests, disk.Request{Cylinder: b.inputs[i].Value})
	}
	tr, err := disk.Run(c)
	if err != nil {
		return netcode.StudyStep{}, 0, err
	}
	s := tr.Steps[0]
	why, err := quiz.DiskStepExplanation(c, tr, 0)
	if err != nil {
		return netcode.StudyStep{}, 0, err
	}
	st := netcode.StudyStep{Input: int32(s.Cylinder), Answer: int32(s.Cylinder), Victim: -1, Direction: s.Direction, Explanation: why}
	st.Path = append(st.Path, int32(s.From))
	for _, v := range s.Via {
		st.Path = append(st.Path, int32(v))
	}
	st.Path = append(st.Path, int32(s.Cylinder))
	for _, v := range s.Jump {
		st.Jump = append(st.Jump, int32(v))
	}
	if st.Direction == "" {
		st.Direction = dir
	}
	return st, q[s.Request], nil
}

// predictions returns the next step's predictions by member ID.
func (b *Board) predictions() []netcode.StudyPrediction {
	var out []netcode.StudyPrediction
	for m, v := range b.preds {
		out = append(out, netcode.StudyPrediction{Member: m, Value: v})
	}
	slices.SortFunc(out, func(x, y netcode.StudyPrediction) int { return int(int64(x.Member) - int64(y.Member)) })
	return out
}

// Back moves the view one step back.
func (b *Board) Back() error {
	if b.cursor == 0 {
		return refuse(netcode.ErrWrongPhase, "already at the start")
	}
	b.cursor--
	return nil
}

// Forward moves the view one step forward.
func (b *Board) Forward() error {
	if b.cursor == len(b.steps) {
		return refuse(netcode.ErrWrongPhase, "already at the latest step")
	}
	b.cursor++
	return nil
}

// State fills the simulation's part of a StudyState: the setup, the
// history, the queue, the cursor and the next step's predictions (the
// caller adds the code and the members).
func (b *Board) State() netcode.StudyState {
	s := netcode.StudyState{Setup: b.setup, Cursor: uint16(b.cursor), Predictions: b.predictions()}
	s.Steps = make([]netcode.StudyStep, len(b.steps))
	copy(s.Steps, b.steps)
	for _, i := range b.queue() {
		s.Queue = append(s.Queue, int32(b.inputs[i].Value))
	}
	return s
}
