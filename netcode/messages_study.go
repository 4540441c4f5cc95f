package netcode

import "github.com/osarena/osarena/sim/quiz"

// Study rooms (DESIGN.md §5): everyone in the room watches one shared
// simulation. Any member proposes the next input (a page reference, a disk
// request); proposals wait in a queue, in the order they came. Before each
// step every member may predict its outcome; the predictions show on
// everyone's picture as markers with the member's initial. Any member then
// plays the step; the server, which runs the simulators and is the only
// authority, records the step with its explanation and every prediction,
// and broadcasts StudyState to the room's group after every change. The
// shared view has a cursor into the history: Back and Forward move it for
// everyone, and nothing is ever erased.
//
// A study room is a room (six-character code, seats held for the grace
// period, Kick and Lock for the host, LeaveRoom) but not a quiz room:
// JoinRoom with a study room's code, or JoinStudy with a quiz room's, is
// refused with ErrUnknownRoom; quiz commands in a study room and study
// commands in a quiz room are refused with ErrWrongPhase.
//
// Requests are refused with Error and these codes:
//   - ErrBadSettings: CreateStudy's setup is out of range, or a proposal is
//     (a page outside 0–MaxStudyPage, a cylinder outside the disk);
//   - ErrWrongPhase: the queue is full (MaxStudyQueue), the history is
//     full (MaxStudySteps steps and queued inputs together), Step with
//     nothing proposed, Predict with nothing to predict, Step or Predict
//     while the view is back in the history (go Forward to the latest step
//     first), Back at the start, Forward at the latest step;
//   - ErrMalformedAnswer: a prediction that is not a frame of the table
//     (replacement) or a cylinder of a waiting request (disk);
//   - ErrNotInRoom, ErrBadNickname, ErrNicknameTaken, ErrRoomFull,
//     ErrRoomLocked, ErrTooManyJoins, ErrAlreadyInRoom, ErrUnknownRoom: as
//     for quiz rooms.

// Simulations a study room can run (StudySetup.Sim).
const (
	StudyReplace = "replace" // page replacement: inputs are page references
	StudyDisk    = "disk"    // disk scheduling: inputs are requests (cylinders)
)

// Bounds of a study room.
const (
	MaxStudySteps    = 64   // played steps and queued inputs together
	MaxStudyQueue    = 16   // inputs waiting to be played
	MaxStudyPage     = 99   // pages are 0–99
	MinStudyFrames   = 1    // frames of a replacement study
	MaxStudyFrames   = 8    //
	MinStudyCylinder = 10   // cylinders of a disk study
	MaxStudyCylinder = 1000 //
)

// StudySetup chooses a study room's simulation. Replacement uses Policy
// (fifo, lru, lfu, mfu, mru, clock: the policies whose choice depends only
// on the past — OPT needs the future and random cannot be predicted) and
// Frames. Disk scheduling uses Policy (fcfs, sstf, scan, cscan, look,
// clook), Cylinders, Head (the starting cylinder) and Direction ("up" or
// "down"). Rules are the defaults of DESIGN.md §2.
type StudySetup struct {
	_msgpack  struct{} `msgpack:",as_array"`
	Sim       string   // StudyReplace or StudyDisk
	Policy    string
	Frames    uint8
	Cylinders uint16
	Head      uint16
	Direction string
}

// CreateStudy makes a study room whose host is the sender. The answer is
// RoomJoined (with the host token) and StudyState, or Error.
type CreateStudy struct {
	_msgpack struct{} `msgpack:",as_array"`
	Nickname string
	Setup    StudySetup
}

// JoinStudy joins a study room by its code. The answer is RoomJoined and
// StudyState (to the whole room), or Error.
type JoinStudy struct {
	_msgpack struct{} `msgpack:",as_array"`
	Code     string
	Nickname string
}

// Propose appends an input to the room's queue: a page (replacement) or a
// request's cylinder (disk). Anyone may propose, at any time, even while
// the view is back in the history: the queue is the future.
type Propose struct {
	_msgpack struct{} `msgpack:",as_array"`
	Input    int32
}

// Predict sets (or changes) the sender's prediction of the next step:
// replacement, the frame the referenced page will be in after the step
// (its own frame on a hit, a free frame, or the victim's frame); disk, the
// cylinder of the request the head serves next. Predictions are kept until
// the step plays, even when new inputs are proposed meanwhile.
type Predict struct {
	_msgpack struct{} `msgpack:",as_array"`
	Value    int32
}

// Step plays the next step (any member): replacement, the oldest queued
// reference; disk, the request the policy serves next among those queued.
type Step struct {
	_msgpack struct{} `msgpack:",as_array"`
}

// Back moves the room's shared view one step back in the history.
type Back struct {
	_msgpack struct{} `msgpack:",as_array"`
}

// Forward moves the room's shared view one step forward again.
type Forward struct {
	_msgpack struct{} `msgpack:",as_array"`
}

// StudyMember is one member of a study room. Initial is what their
// prediction markers show: the first letter of the nickname, or more when
// another member's initial is the same; the server makes them distinct.
type StudyMember struct {
	_msgpack  struct{} `msgpack:",as_array"`
	ID        uint32
	Nickname  string
	Initial   string
	Host      bool
	Connected bool
}

// StudyPrediction is one member's prediction of a step.
type StudyPrediction struct {
	_msgpack struct{} `msgpack:",as_array"`
	Member   uint32
	Value    int32
}

// StudyStep is one played step as the server computed it.
type StudyStep struct {
	_msgpack struct{} `msgpack:",as_array"`
	// Input is the page referenced (replacement) or the cylinder served
	// (disk).
	Input int32
	// Answer is what a correct prediction said: the frame the page is in
	// after the step, or the cylinder served.
	Answer int32
	Hit    bool  // replacement: the page was already in a frame
	Victim int32 // replacement: the page evicted, or -1
	// Path is the head's way (disk): where it started, every turning
	// point or jump end on the way, and the cylinder served.
	Path []int32
	// Jump is the C-SCAN / C-LOOK return jump [from, to] of the step, or none.
	Jump []int32
	// Direction is the head's direction after the step ("up", "down"; disk).
	Direction   string
	Predictions []StudyPrediction // by member ID
	Explanation quiz.Text
}

// StudyState is the whole visible study room, sent to the room's group
// after every change (and to a member who joins or resumes).
type StudyState struct {
	_msgpack struct{} `msgpack:",as_array"`
	Code     string
	Setup    StudySetup
	Members  []StudyMember // by ID
	Steps    []StudyStep   // the history, oldest first
	Queue    []int32       // proposed inputs not yet played, in the order they came
	// Cursor is how many steps the shared view shows played (0 to
	// len(Steps)): Steps[Cursor-1] is the step on screen with its
	// explanation. Predictions for the next step are taken only when
	// Cursor == len(Steps).
	Cursor      uint16
	Predictions []StudyPrediction // for the next step, by member ID
}
