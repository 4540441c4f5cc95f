package netcode

// Tournaments (DESIGN.md §5). A tournament has a six-character code like a
// room's. Requests are refused with Error and these codes: ErrUnknownRoom
// (no tournament has that code), ErrNotHost (wrong host token),
// ErrBadSettings (CreateTournament out of range, or a correction that does
// not fit the match), ErrWrongPhase (registration closed, not started yet,
// the match is not ready), ErrNotInRoom (not registered, or not a player of
// that match), ErrBadNickname, ErrNicknameTaken, ErrAlreadyInRoom (the
// player sits in a room that is not a finished duel), ErrTooManyJoins,
// ErrBadStart (CreateTournament's start time is past or too far ahead).

// Tournament formats (CreateTournament.Format, TournamentState.Format).
const (
	FormatSingle     = "single_elimination"
	FormatDouble     = "double_elimination"
	FormatRoundRobin = "round_robin"
	FormatSwiss      = "swiss"
)

// Seeding methods (CreateTournament.Seeding).
const (
	SeedRating = "rating" // by past results
	SeedHand   = "hand"   // StartTournament.Order, else registration order
	SeedRandom = "random"
)

// CreateTournament makes a tournament whose host is the sender; the answer
// is TournamentCreated and a TournamentState (the host watches it).
// DeadlineSec is at most MaxDeadlineSec (ErrBadSettings otherwise); a
// StartMs in the past or more than MaxStartAheadSec ahead is refused with
// ErrBadStart.
type CreateTournament struct {
	_msgpack    struct{} `msgpack:",as_array"`
	Name        string
	Format      string // FormatSingle, …
	ThirdPlace  bool   // single elimination: a match for third place
	Rounds      uint8  // Swiss rounds; 0: ⌈log2 n⌉
	Seeding     string // SeedRating, SeedHand or SeedRandom ("" = rating)
	Duel        Settings
	Async       bool   // duels are played alone, same questions, before the deadline
	DeadlineSec uint32 // time to play a duel once it is ready; 0: no deadline
	// StartMs schedules the start (server Unix ms, see Client.ServerMs):
	// then the tournament starts by itself with those registered, seeded
	// as chosen (hand seeding: registration order). With fewer than two
	// registered the start lapses: registration stays open and the host
	// starts it (TournamentState.StartLapsed). 0: the host starts it. The
	// host may start it earlier either way.
	StartMs int64
}

// Limits of CreateTournament's schedule.
const (
	MaxDeadlineSec   = 30 * 24 * 3600 // 30 days to play a duel
	MaxStartAheadSec = 60 * 24 * 3600 // a start at most 60 days ahead
)

// TournamentCreated gives the host the code to share and the token that
// proves host rights (keep it: StartTournament and CorrectResult need it).
type TournamentCreated struct {
	_msgpack  struct{} `msgpack:",as_array"`
	Code      string
	HostToken string
}

// JoinTournament registers the sender (registration phase), or, for a
// registered player, just rejoins the tournament's group (after a
// reconnect). The answer is TournamentState.
type JoinTournament struct {
	_msgpack struct{} `msgpack:",as_array"`
	Code     string
	Nickname string
}

// WatchTournament joins the tournament's group without registering: the
// sender receives every TournamentState from now on.
type WatchTournament struct {
	_msgpack struct{} `msgpack:",as_array"`
	Code     string
}

// StartTournament closes registration, seeds the entrants and generates the
// bracket (host). Order lists entrant IDs for hand seeding (the rest follow
// in registration order).
type StartTournament struct {
	_msgpack  struct{} `msgpack:",as_array"`
	Code      string
	HostToken string
	Order     []int64
}

// Tournament phases (TournamentState.Phase).
const (
	TourRegistering uint8 = 1
	TourRunning     uint8 = 2
	TourFinished    uint8 = 3
)

// Entrant is a registered player. ID is the player's identity in the
// tournament (stable across reconnects and restarts).
type Entrant struct {
	_msgpack struct{} `msgpack:",as_array"`
	ID       int64
	Nickname string
	Seed     uint16 // 1 is the top seed; 0 before the start
}

// BracketMatch is one match of the bracket, as server/tournament's Match:
// Players and Winner are indices into TournamentState.Entrants (-1: not
// known yet, -2: a bye). Status is "pending", "ready", "done", "bye" or
// "void". Scores and total answer times (ms) are the duel's, when played.
type BracketMatch struct {
	_msgpack   struct{} `msgpack:",as_array"`
	ID         uint16
	Bracket    string // "winners", "losers", "grand_final", "third_place", "league"
	Round      uint8
	Slot       uint16
	Players    []int16 // two
	Status     string
	Winner     int16 // -1 without a result
	Draw       bool
	Walkover   bool
	Scores     []int32 // two, or none
	TimesMs    []int64 // two, or none
	DeadlineMs int64   // server Unix ms; 0 when none
	Room       string  // the live duel's room code while it is played
}

// Standing is one line of the standings (server/tournament's Standing).
type Standing struct {
	_msgpack   struct{} `msgpack:",as_array"`
	Entrant    int16    // index into Entrants
	Place      uint16
	Played     uint16
	Wins       uint16
	Draws      uint16
	Losses     uint16
	Score      float64
	Buchholz   float64
	Eliminated bool
}

// TournamentState is the whole visible tournament. It is sent on join and
// watch, and sent to the tournament's group whenever it changes.
type TournamentState struct {
	_msgpack  struct{} `msgpack:",as_array"`
	Code      string
	Name      string
	Format    string
	Phase     uint8 // TourRegistering, …
	Async     bool
	Entrants  []Entrant // registration order, then seed order once started
	Matches   []BracketMatch
	Standings []Standing
	Champion  int16 // index into Entrants; -1 until decided
	// StartMs is the scheduled start (server Unix ms), 0 when the host
	// starts it.
	StartMs int64
	// StartLapsed: the start time came with fewer than two entrants, so
	// registration stays open and the host starts it by hand.
	StartLapsed bool
	DeadlineSec uint32 // CreateTournament.DeadlineSec: each duel's time once ready
}

// CorrectResult replaces a played match's result (host), or decides a
// match that is ready but unplayed: the host awards it to Winner by
// walkover (refused with ErrWrongPhase while its duel is being played; a
// side that played keeps its score). Winner is an entrant ID.
type CorrectResult struct {
	_msgpack  struct{} `msgpack:",as_array"`
	Code      string
	HostToken string
	MatchID   uint16
	Winner    int64
}

// ReadyDuel asks to play the sender's match. Live: when both players have
// asked, the server seats them in a two-player duel room (RoomJoined,
// RoomState, then the rounds, paced by the server). Async: the sender plays
// alone at once, on the same questions as the opponent.
type ReadyDuel struct {
	_msgpack struct{} `msgpack:",as_array"`
	Code     string
	MatchID  uint16
}
