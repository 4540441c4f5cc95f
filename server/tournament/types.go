package tournament

import (
	"errors"
	"fmt"
	"strings"
	"time"
)

// Format is a tournament format.
type Format string

// The four formats.
const (
	SingleElimination Format = "single_elimination"
	DoubleElimination Format = "double_elimination"
	RoundRobin        Format = "round_robin"
	Swiss             Format = "swiss"
)

// MaxPlayers is the largest field New accepts. Tests cover 2–64.
const MaxPlayers = 256

// Player markers used in Match.Players and Result.Winner besides player
// indices (which are ≥ 0).
const (
	// None marks a side that is not known yet (waiting for an earlier match).
	None = -1
	// Bye marks a side that nobody will ever fill.
	Bye = -2
)

// Options choose the format and its variants. The zero value of every field
// but Format is a sensible default.
type Options struct {
	Format Format `json:"format"`
	// ThirdPlace adds a match between the semifinal losers (single
	// elimination with at least four slots only).
	ThirdPlace bool `json:"third_place,omitempty"`
	// Rounds is the number of Swiss rounds; 0 means ⌈log2 n⌉. At most n−1
	// for even n and n for odd n (a full round robin's worth).
	Rounds int `json:"rounds,omitempty"`
}

// Entrant is a registered player. ID must be unique in a tournament.
type Entrant struct {
	ID     string  `json:"id"`
	Name   string  `json:"name,omitempty"`
	Rating float64 `json:"rating,omitempty"`
}

// Bracket names the part of a tournament a match belongs to.
type Bracket string

// The brackets. Single elimination uses Winners (and ThirdPlace); round robin
// and Swiss use League.
const (
	Winners    Bracket = "winners"
	Losers     Bracket = "losers"
	GrandFinal Bracket = "grand_final" // round 1 is the final, round 2 the reset
	ThirdPlace Bracket = "third_place"
	League     Bracket = "league"
)

// SourceKind says where a side of a match comes from.
type SourceKind string

// The source kinds.
const (
	FromSeed   SourceKind = "seed"   // Source.Player, known at creation
	FromBye    SourceKind = "bye"    // nobody
	FromWinner SourceKind = "winner" // the winner of Source.Match
	FromLoser  SourceKind = "loser"  // the loser of Source.Match
)

// Source is one side of a match before it is resolved: a player, a bye, or
// "winner/loser of match X". Match always refers to a lower ID.
type Source struct {
	Kind   SourceKind `json:"kind"`
	Player int        `json:"player,omitempty"` // FromSeed only
	Match  int        `json:"match,omitempty"`  // FromWinner and FromLoser only
}

// Status is a match's derived state.
type Status string

// The statuses.
const (
	Pending Status = "pending" // a side is not known yet
	Ready   Status = "ready"   // both players known, no result
	Done    Status = "done"    // played (or walked over)
	ByeWin  Status = "bye"     // one side is empty: the other advances unplayed
	Void    Status = "void"    // never played: both sides empty, or an unneeded reset
)

// Result is the outcome of a match. Winner is a player index; Draw (league
// formats only) means no winner. Walkover records that the loser did not show
// up before the deadline; the caller decides that, the package only records
// it. At is when the result was recorded, as the caller's clock says.
type Result struct {
	Winner   int       `json:"winner"`
	Draw     bool      `json:"draw,omitempty"`
	Walkover bool      `json:"walkover,omitempty"`
	At       time.Time `json:"at,omitzero"`
}

// Match is one pairing. ID is its index in Tournament.Matches plus one; Round
// is 1-based within Bracket and Slot 0-based within the round. From is what
// the bracket says; Players, Status and Result (for byes) are derived.
type Match struct {
	ID      int       `json:"id"`
	Bracket Bracket   `json:"bracket"`
	Round   int       `json:"round"`
	Slot    int       `json:"slot"`
	From    [2]Source `json:"from"`
	Players [2]int    `json:"players"`
	Status  Status    `json:"status"`
	Result  *Result   `json:"result,omitempty"`
}

// Loser returns the losing player of a decided match with a winner, or None.
func (m *Match) Loser() int {
	if m.Result == nil || m.Result.Draw || m.Status != Done {
		return None
	}
	if m.Players[0] == m.Result.Winner {
		return m.Players[1]
	}
	return m.Players[0]
}

// Tournament is the whole persistent state. Players are in seed order.
// SwissRounds is the resolved number of Swiss rounds (0 for other formats).
type Tournament struct {
	Options     Options   `json:"options"`
	Players     []Entrant `json:"players"`
	Matches     []Match   `json:"matches"`
	SwissRounds int       `json:"swiss_rounds,omitempty"`
}

// Errors. Every error the package returns wraps one of these inside an *Error
// that names the operation and, where there is one, the match.
var (
	ErrOptions     = errors.New("tournament: invalid options")
	ErrPlayers     = errors.New("tournament: invalid players")
	ErrNoMatch     = errors.New("tournament: no such match")
	ErrNotReady    = errors.New("tournament: match is not ready to be played")
	ErrNotPlayed   = errors.New("tournament: match has no result to correct")
	ErrResult      = errors.New("tournament: invalid result")
	ErrLaterRound  = errors.New("tournament: a later round has already been paired")
	ErrRoundOpen   = errors.New("tournament: current round is not finished")
	ErrNoMoreRound = errors.New("tournament: no more rounds")
	ErrFormat      = errors.New("tournament: operation does not apply to this format")
)

// Error is an operation's failure: "tournament: correct result: match 7: a
// later round has already been paired". Unwrap gives the sentinel.
type Error struct {
	Op     string // "new", "record result", "correct result", "pair round", "seed"
	Match  int    // 0 when the operation is not about one match
	Detail string // optional extra words
	Err    error  // one of the Err* sentinels
}

// Error formats the failure as "tournament: op: match N: reason: detail".
func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString("tournament: ")
	b.WriteString(e.Op)
	if e.Match > 0 {
		fmt.Fprintf(&b, ": match %d", e.Match)
	}
	b.WriteString(": ")
	b.WriteString(strings.TrimPrefix(e.Err.Error(), "tournament: "))
	if e.Detail != "" {
		b.WriteString(": ")
		b.WriteString(e.Detail)
	}
	return b.String()
}

// Unwrap returns the sentinel.
func (e *Error) Unwrap() error { return e.Err }

func opErr(op string, match int, err error, format string, args ...any) error {
	return &Error{Op: op, Match: match, Err: err, Detail: fmt.Sprintf(format, args...)}
}
