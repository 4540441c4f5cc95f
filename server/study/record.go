package study

import (
	"fmt"

	"github.com/osarena/osarena/netcode"
	"github.com/osarena/osarena/server/store"
)

// Record returns the board as the store keeps it (store.Study).
func (b *Board) Record() store.Study {
	s := b.setup
	rec := store.Study{Sim: s.Sim, Policy: s.Policy, Frames: int(s.Frames), Cylinders: int(s.Cylinders),
		Head: int(s.Head), Direction: s.Direction, Played: len(b.steps), Cursor: b.cursor}
	for _, in := range b.inputs {
		rec.Inputs = append(rec.Inputs, store.StudyInput{Value: in.Value, At: in.At})
	}
	preds := func(ps []netcode.StudyPrediction) []store.StudyPrediction {
		out := []store.StudyPrediction{}
		for _, p := range ps {
			out = append(out, store.StudyPrediction{Seat: p.Member, Value: int(p.Value)})
		}
		return out
	}
	for _, st := range b.steps {
		rec.Predictions = append(rec.Predictions, preds(st.Predictions))
	}
	rec.Predictions = append(rec.Predictions, preds(b.predictions()))
	return rec
}

// Restore rebuilds a board from its record by replaying the proposals
// through the simulators: every step comes back as it was played (the
// simulators are deterministic), with its predictions and explanation. It
// fails when the record does not replay (a bad setup, an input out of
// range, more steps than proposals).
func Restore(rec store.Study) (*Board, error) {
	b, err := New(netcode.StudySetup{Sim: rec.Sim, Policy: rec.Policy, Frames: uint8(min(max(rec.Frames, 0), 255)),
		Cylinders: uint16(min(max(rec.Cylinders, 0), 65535)), Head: uint16(min(max(rec.Head, 0), 65535)), Direction: rec.Direction})
	if err != nil {
		return nil, err
	}
	if rec.Played < 0 || rec.Played > len(rec.Inputs) || rec.Cursor < 0 || rec.Cursor > rec.Played {
		return nil, fmt.Errorf("study: restore: %d played, cursor %d, of %d inputs", rec.Played, rec.Cursor, len(rec.Inputs))
	}
	setPreds := func(k int) {
		clear(b.preds)
		if k < len(rec.Predictions) {
			for _, p := range rec.Predictions[k] {
				b.preds[p.Seat] = int32(p.Value)
			}
		}
	}
	next := 0
	for k := 0; k <= rec.Played; k++ {
		for next < len(rec.Inputs) && (rec.Inputs[next].At <= k || k == rec.Played) {
			if err := b.Propose(rec.Inputs[next].Value); err != nil {
				return nil, fmt.Errorf("study: restore: input %d: %w", next, err)
			}
			b.inputs[len(b.inputs)-1].At = rec.Inputs[next].At
			next++
		}
		setPreds(k)
		if k == rec.Played {
			break
		}
		if _, err := b.Step(); err != nil {
			return nil, fmt.Errorf("study: restore: step %d: %w", k, err)
		}
	}
	b.cursor = rec.Cursor
	return b, nil
}
