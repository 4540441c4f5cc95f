package storetest

import (
	"testing"

	"github.com/osarena/osarena/server/store"
)

// testStudySnapshot: a study room's snapshot keeps its simulation (setup,
// proposals, played steps, cursor, predictions) exactly.
func testStudySnapshot(t *testing.T, s store.Store) {
	c := ctx(t)
	ps := players(t, s, 2)
	r := room("STUDYA", ps[0].ID)
	r.Mode = "study"
	must(t, "SaveRoom", s.SaveRoom(c, r))
	snap := snapshot("STUDYA", "study-STUDYA", 1, ps)
	snap.Study = &store.Study{Sim: "disk", Policy: "cscan", Cylinders: 200, Head: 53, Direction: "up",
		Inputs: []store.StudyInput{{Value: 98}, {Value: 183}, {Value: 0, At: 1}}, Played: 1, Cursor: 1,
		Predictions: [][]store.StudyPrediction{{{Seat: 1, Value: 98}, {Seat: 2, Value: 183}}, {{Seat: 2, Value: 0}}}}
	must(t, "SaveSnapshot", s.SaveSnapshot(c, snap))
	got, err := s.Snapshot(c, "STUDYA")
	must(t, "Snapshot", err)
	same(t, "study snapshot", got, snap)
}
