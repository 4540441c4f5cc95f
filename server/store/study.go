package store

// Study is a study room's shared simulation as plain data, kept in the
// room's snapshot (Snapshot.Study) so that a restart brings the room back
// with its history: the setup, every proposal in order, how many of them
// were played and where the shared view was, and the predictions of every
// played step and of the next one. The server replays the proposals through
// the simulators to rebuild the steps (server/study.Restore).
type Study struct {
	Sim       string `json:"sim"` // "replace" or "disk"
	Policy    string `json:"policy"`
	Frames    int    `json:"frames,omitempty"`
	Cylinders int    `json:"cylinders,omitempty"`
	Head      int    `json:"head,omitempty"`
	Direction string `json:"direction,omitempty"`
	// Inputs are every proposal in order: its value and how many steps had
	// been played when it was proposed.
	Inputs []StudyInput `json:"inputs,omitempty"`
	Played int          `json:"played,omitempty"` // steps played
	Cursor int          `json:"cursor,omitempty"` // steps the shared view shows
	// Predictions has one list per played step and, last, the next
	// step's (Played+1 lists at most).
	Predictions [][]StudyPrediction `json:"predictions,omitempty"`
}

// StudyInput is one proposal of a study room.
type StudyInput struct {
	Value int `json:"v"`
	At    int `json:"at,omitempty"`
}

// StudyPrediction is one member's prediction: Seat is the room's player ID.
type StudyPrediction struct {
	Seat  uint32 `json:"seat"`
	Value int    `json:"v"`
}
