package netcode

import "github.com/osarena/osarena/sim/quiz"

// Type is the first element of every frame.
type Type uint8

// Message types. C→S are sent by clients, S→C by the server. Numbers are
// part of the protocol: never renumber, only add.
const (
	TypeHello          Type = 1  // C→S Hello
	TypeWelcome        Type = 2  // S→C Welcome
	TypePing           Type = 3  // C→S Ping
	TypePong           Type = 4  // S→C Pong
	TypeError          Type = 5  // S→C Error
	TypeCreateRoom     Type = 10 // C→S CreateRoom
	TypeJoinRoom       Type = 11 // C→S JoinRoom
	TypeLeaveRoom      Type = 12 // C→S LeaveRoom
	TypeRoomJoined     Type = 13 // S→C RoomJoined
	TypeRoomState      Type = 14 // S→C RoomState
	TypeUpdateSettings Type = 15 // C→S UpdateSettings (host)
	TypeKick           Type = 16 // C→S Kick (host)
	TypeLock           Type = 17 // C→S Lock (host)
	TypeStartMatch     Type = 18 // C→S StartMatch (host)
	TypeNext           Type = 19 // C→S Next (host: from reveal to the next round)
	TypeRoundStart     Type = 30 // S→C RoundStart
	TypeAnswer         Type = 31 // C→S Answer
	TypeAnswerAck      Type = 32 // S→C AnswerAck
	TypeAnswered       Type = 33 // S→C Answered (how many have answered)
	TypeReveal         Type = 34 // S→C Reveal
	TypePodium         Type = 35 // S→C Podium

	TypeCreateTournament  Type = 50 // C→S CreateTournament
	TypeTournamentCreated Type = 51 // S→C TournamentCreated
	TypeJoinTournament    Type = 52 // C→S JoinTournament (register)
	TypeWatchTournament   Type = 53 // C→S WatchTournament
	TypeStartTournament   Type = 54 // C→S StartTournament (host)
	TypeTournamentState   Type = 55 // S→C TournamentState
	TypeCorrectResult     Type = 56 // C→S CorrectResult (host)
	TypeReadyDuel         Type = 57 // C→S ReadyDuel

	TypeCreateStudy Type = 60 // C→S CreateStudy
	TypeJoinStudy   Type = 61 // C→S JoinStudy
	TypePropose     Type = 62 // C→S Propose (any member)
	TypePredict     Type = 63 // C→S Predict (any member)
	TypeStep        Type = 64 // C→S Step (any member)
	TypeBack        Type = 65 // C→S Back (any member)
	TypeForward     Type = 66 // C→S Forward (any member)
	TypeStudyState  Type = 67 // S→C StudyState
	TypeGetStats    Type = 70 // C→S GetStats (messages_stats.go)
	TypeStats       Type = 71 // S→C Stats
)

// Hello is the first message of a connection.
type Hello struct {
	_msgpack struct{} `msgpack:",as_array"`
	Protocol uint16   // ProtocolVersion
	Sim      uint16   // scenario.Version
	Resume   string   // a Welcome.Session to resume, or ""
	Lang     string   // "en" or "ko"
	// Device is the device identity token the client keeps (the browser
	// in localStorage) and sends on every connection: the server's store
	// knows the player by it across sessions and restarts. With "" the
	// server keeps the player's results under the session alone. At most
	// 64 bytes (longer closes with CloseBadMessage).
	Device string
}

// Welcome accepts a Hello. Session is the resume token: a client that
// reconnects within the grace period with it keeps its seat, score and
// streak.
type Welcome struct {
	_msgpack   struct{} `msgpack:",as_array"`
	Session    string
	ServerMs   int64 // server clock, Unix milliseconds
	Resumed    bool  // the session was resumed; RoomState (and RoundStart) follow
	GraceMs    int64 // how long a dropped player keeps their seat
	MaxPerSec  uint16
	MaxMsgSize uint32
}

// Ping asks for the server clock; the client estimates its offset from the
// round trip (NTP-style: offset = server − (sent + received)/2).
type Ping struct {
	_msgpack struct{} `msgpack:",as_array"`
	ClientMs int64
}

// Pong answers a Ping.
type Pong struct {
	_msgpack struct{} `msgpack:",as_array"`
	ClientMs int64    // echoed
	ServerMs int64
}

// Error refuses a request without closing the connection.
type Error struct {
	_msgpack struct{} `msgpack:",as_array"`
	Code     ErrorCode
	About    Type // the type of the refused request
}

// Settings are a room's host settings.
type Settings struct {
	_msgpack   struct{} `msgpack:",as_array"`
	Topics     []string // quiz topics ("replace", "disk", ...); empty means all
	Difficulty uint8    // 1–5
	Rounds     uint8    // questions in a match
	Seconds    uint16   // time limit per question
	Timed      bool     // false: every correct answer scores 1000
	Lang       string   // the room's default language
	Chain      uint8    // questions per scenario (prediction chains), 1 = none
}

// CreateRoom makes a room whose host is the sender.
type CreateRoom struct {
	_msgpack struct{} `msgpack:",as_array"`
	Nickname string
	Settings Settings
}

// JoinRoom joins a room by its six-character code. A tournament duel's
// room (TournamentState's BracketMatch.Room) is not joined this way: the
// server seats the duel's players itself, and refuses JoinRoom into it
// with ErrWrongPhase to anyone it has not seated there.
type JoinRoom struct {
	_msgpack struct{} `msgpack:",as_array"`
	Code     string
	Nickname string
}

// LeaveRoom leaves the current room for good (no grace period).
type LeaveRoom struct {
	_msgpack struct{} `msgpack:",as_array"`
}

// RoomJoined tells a player they are in a room. HostToken is set only for
// the host: it proves host rights after a reconnect.
type RoomJoined struct {
	_msgpack  struct{} `msgpack:",as_array"`
	Code      string
	PlayerID  uint32
	HostToken string
}

// Phase is where a room is.
type Phase uint8

// The phases of a room.
const (
	PhaseLobby  Phase = 1 // waiting for the host to start
	PhaseRound  Phase = 2 // a question is open
	PhaseReveal Phase = 3 // the answer and the leaderboard are shown
	PhasePodium Phase = 4 // the match is over
)

// Player is one seat in a room.
type Player struct {
	_msgpack  struct{} `msgpack:",as_array"`
	ID        uint32
	Nickname  string
	Host      bool
	Connected bool // false while a dropped player's seat is held
	Score     int32
	Streak    uint16
}

// RoomState is the whole visible state of a room; it is sent on join, on
// resume and whenever the lobby changes.
type RoomState struct {
	_msgpack struct{} `msgpack:",as_array"`
	Code     string
	Phase    Phase
	Locked   bool
	Settings Settings
	Players  []Player // by ID
	Round    uint8    // the current or last round, 1-based; 0 before the first
}

// UpdateSettings changes the room's settings (host, lobby only).
type UpdateSettings struct {
	_msgpack struct{} `msgpack:",as_array"`
	Settings Settings
}

// Kick removes a player (host).
type Kick struct {
	_msgpack struct{} `msgpack:",as_array"`
	PlayerID uint32
}

// Lock closes or opens the room to new players (host).
type Lock struct {
	_msgpack struct{} `msgpack:",as_array"`
	Locked   bool
}

// StartMatch starts the match (host, lobby).
type StartMatch struct {
	_msgpack struct{} `msgpack:",as_array"`
}

// Next moves from a reveal to the next round, or to the podium (host).
type Next struct {
	_msgpack struct{} `msgpack:",as_array"`
}

// Question is a quiz question as players receive it: everything needed to
// draw the picture and answer, nothing that gives the answer away (the
// answer, misconceptions and explanation come with Reveal).
type Question struct {
	_msgpack   struct{} `msgpack:",as_array"`
	Family     string
	Difficulty uint8
	Scenario   []byte // the scenario document (JSON), run by the client's own sim
	Step       uint16
	Prompt     quiz.Text
	Kind       string      // quiz.AnswerKind
	Slots      uint8       // values the answer takes
	Choices    []Choice    // choice questions
	Unit       string      // a term key for number answers
	Rules      []quiz.Rule // printed on the card
}

// Choice is an answer option without its misconception.
type Choice struct {
	_msgpack struct{} `msgpack:",as_array"`
	Value    int64
	Label    quiz.Text
}

// RoundStart opens a question. Times are server Unix milliseconds; the
// client counts down with its ping-estimated clock offset.
type RoundStart struct {
	_msgpack   struct{} `msgpack:",as_array"`
	Round      uint8    // 1-based
	Rounds     uint8
	Question   Question
	StartMs    int64
	DeadlineMs int64 // 0 when untimed
}

// Answer is a player's answer to the open round.
type Answer struct {
	_msgpack struct{} `msgpack:",as_array"`
	Round    uint8
	Values   []int64
}

// AnswerAck accepts or refuses an answer (Reason is ErrLate, ErrDuplicate,
// ErrMalformedAnswer or ErrWrongPhase).
type AnswerAck struct {
	_msgpack struct{} `msgpack:",as_array"`
	Round    uint8
	Accepted bool
	Reason   ErrorCode
}

// Answered tells the room how many players have answered.
type Answered struct {
	_msgpack struct{} `msgpack:",as_array"`
	Round    uint8
	Count    uint16
	Of       uint16
}

// Result is one player's outcome of a round.
type Result struct {
	_msgpack  struct{} `msgpack:",as_array"`
	PlayerID  uint32
	Answered  bool
	Values    []int64
	Credit    uint16 // thousandths
	Points    int32
	Score     int32 // total after this round
	Streak    uint16
	ElapsedMs int32
	Why       quiz.Text // the misconception the answer matches, if any
}

// Reveal closes a round: the answer, the explanation, and every player's
// result, best score first (the leaderboard).
type Reveal struct {
	_msgpack    struct{} `msgpack:",as_array"`
	Round       uint8
	Answer      []int64
	Explanation quiz.Text
	Results     []Result
}

// Summary is one player's match summary on the podium.
type Summary struct {
	_msgpack  struct{} `msgpack:",as_array"`
	PlayerID  uint32
	Nickname  string
	Rank      uint16
	Score     int32
	Correct   uint16
	Answered  uint16
	AvgMs     int32
	BestTopic string
}

// Podium ends the match.
type Podium struct {
	_msgpack  struct{}  `msgpack:",as_array"`
	Summaries []Summary // by rank
}
