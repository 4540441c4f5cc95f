package store

import "time"

// Tournament formats (Tournament.Format). The store keeps any string; these
// are the ones the tournament package plays.
const (
	FormatSingle     = "single"      // single elimination
	FormatDouble     = "double"      // double elimination
	FormatRoundRobin = "round-robin" // circle method
	FormatSwiss      = "swiss"       // no rematches, Buchholz tie-break
)

// Tournament states (Tournament.State).
const (
	TournamentRegistering = "registering"
	TournamentRunning     = "running"
	TournamentFinished    = "finished"
)

// Brackets (BracketMatch.Bracket).
const (
	BracketMain   = "main"   // single elimination, round robin and Swiss rounds
	BracketLosers = "losers" // double elimination's loser bracket
	BracketFinal  = "final"  // double elimination's grand final (Round 2: the reset)
	BracketThird  = "third"  // the third-place match
)

// Tournament is a tournament and, when read with Tournament or
// TournamentByCode, its entrants, bracket and corrections.
type Tournament struct {
	ID       string // the key, chosen by the caller
	Code     string // join code for links, unique
	Name     string
	Format   string // FormatSingle, …
	Host     int64  // Player.ID of the host
	State    string // TournamentRegistering, …
	Schedule Schedule
	Options  TournamentOptions
	Created  time.Time

	Entrants    []Entrant
	Matches     []BracketMatch
	Corrections []Correction
}

// Schedule is when a tournament plays.
type Schedule struct {
	Start      time.Time     // registration closes and round one opens
	RoundEvery time.Duration // time allowed per round (the duel deadline)
}

// TournamentOptions are the format's options and the duels' settings.
type TournamentOptions struct {
	ThirdPlace  bool     `json:"thirdPlace,omitempty"`  // single elimination: play for third place
	SwissRounds int      `json:"swissRounds,omitempty"` // 0: ⌈log2 n⌉
	Async       bool     `json:"async,omitempty"`       // duels are asynchronous: same seed, each plays before the deadline
	Seeding     string   `json:"seeding,omitempty"`     // "results", "manual" or "random"
	Duel        Settings `json:"duel,omitzero"`         // the quiz settings of every duel
	// StartLapsed: Schedule.Start came with too few entrants, so the
	// tournament did not start by itself and waits for its host.
	StartLapsed bool `json:"startLapsed,omitempty"`
}

// Entrant is one registration.
type Entrant struct {
	Player     int64 // Player.ID
	Nickname   string
	Seed       int // 1 is the top seed; 0 unseeded
	Registered time.Time
}

// BracketMatch is one match of a bracket, keyed by (Bracket, Round, Slot).
// Player 0 means "not known yet" (or a bye when the other is set and the
// match is Bye).
type BracketMatch struct {
	Bracket  string // BracketMain, …
	Round    int    // 1-based
	Slot     int    // 0-based position within the round
	PlayerA  int64
	PlayerB  int64
	Winner   int64 // 0 until decided
	Status   string
	Deadline time.Time
	MatchID  string // the finished duel (Match.ID), or "" for a walkover or bye
	Result   DuelResult
}

// BracketMatch.Status values.
const (
	DuelPending  = "pending"  // waiting for players or the start
	DuelOpen     = "open"     // playable
	DuelDone     = "done"     // decided by play
	DuelWalkover = "walkover" // decided by a no-show after the deadline
	DuelBye      = "bye"      // one player, advances without playing
)

// DuelResult is a duel's outcome: higher score wins, ties by lower time.
type DuelResult struct {
	ScoreA int   `json:"scoreA,omitempty"`
	ScoreB int   `json:"scoreB,omitempty"`
	TimeA  int64 `json:"timeA,omitempty"`
	TimeB  int64 `json:"timeB,omitempty"` // total answer time, ms
}

// Correction is a host's change of a decided result, kept as a log.
type Correction struct {
	Bracket              string // the corrected match's key
	Round, Slot          int
	By                   int64 // Player.ID of the host who corrected
	Reason               string
	At                   time.Time
	OldWinner, NewWinner int64
	Old, New             DuelResult
}
