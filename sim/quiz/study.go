package quiz

import (
	"fmt"

	"github.com/osarena/osarena/sim/disk"
	"github.com/osarena/osarena/sim/replace"
)

// Explanations of single steps, for study rooms (server/study): the same
// texts the questions explain their answers with, for any step of a trace.

// ReplaceStepExplanation explains step of tr, the trace of c: a hit, a
// fault into a free frame, or a fault with the victim the policy chose and
// the rule that chose it.
func ReplaceStepExplanation(c replace.Config, tr *replace.Trace, step int) (Text, error) {
	if tr == nil || step < 0 || step >= len(tr.Steps) {
		return Text{}, fmt.Errorf("quiz: replacement step %d is not in the trace", step)
	}
	s := tr.Steps[step]
	page, frame := itoa(s.Ref), itoa(s.Frame)
	switch {
	case s.Hit:
		return T("replace.hitfault.explain.hit", "page", page, "frame", frame), nil
	case s.Victim == replace.Null:
		return T("replace.hitfault.explain.fault", "page", page, "frame", frame), nil
	}
	return victimExplanation(c, tr, step), nil
}

// DiskStepExplanation explains step of tr, the trace of c: why the head's
// next stop is where it is (the request, or the edge it travels to first)
// under c's policy and rules.
func DiskStepExplanation(c disk.Config, tr *disk.Trace, step int) (Text, error) {
	if tr == nil || step < 0 || step >= len(tr.Steps) {
		return Text{}, fmt.Errorf("quiz: disk step %d is not in the trace", step)
	}
	if c.Policy == disk.NSCAN || c.Policy == disk.FSCAN {
		return Text{}, fmt.Errorf("quiz: no step explanation for %s", c.Policy)
	}
	s := diskStateAt(c, tr, step)
	return diskNextExplanation(c.Policy, tr.Rules, s, nextStop(tr.Steps[step]), tr.Steps[step].Cylinder), nil
}
