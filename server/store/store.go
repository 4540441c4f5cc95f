// Package store keeps what OS Arena must not forget (DESIGN.md §7): players,
// rooms, a snapshot of every running match, finished matches with every
// answer, per-topic statistics, and tournaments with their brackets.
//
// Store is the contract; server/store/sqlite is the default implementation
// (one file, no setup) and server/store/postgres the one for several server
// nodes. Both must pass server/store/storetest, which is where the
// guarantees below are checked.
//
// Guarantees every implementation gives:
//
//   - Every method is safe for concurrent use by any number of goroutines.
//     Writes are serialized by the implementation; callers never see a
//     "database is busy" error from contention inside one process.
//   - Every method that writes is atomic: it commits all of its effect in one
//     transaction before it returns nil, or none of it and returns an error.
//     A method that returned nil survives a crash of the process (kill -9)
//     and, with the default durability, of the machine.
//   - Reads see every write that returned before the read began.
//   - Every method takes a context; a cancelled context aborts the call and
//     rolls back a write that had not committed.
//   - Errors name the package and the operation ("store: save snapshot:
//     ..."). The sentinels below are matched with errors.Is.
//   - Values returned are the caller's to keep: no slice or map is shared
//     with the store. Times come back in UTC with millisecond precision;
//     a zero time.Time is stored and returned as zero.
//
// The store knows nothing of the wire protocol or the simulators: its types
// are plain data, converted by the server (see the room package) and by the
// tournament package, which owns the bracket logic and keeps the bracket
// here as data.
package store

import (
	"context"
	"errors"
	"time"
)

// Sentinel errors, wrapped by every implementation.
var (
	// ErrNotFound: no row has that key.
	ErrNotFound = errors.New("store: not found")
	// ErrExists: the key is taken (a finished match ID, a tournament ID or
	// code, a registration). Nothing was written.
	ErrExists = errors.New("store: already exists")
	// ErrStale: a snapshot's Seq is not above the stored one's; the stored
	// snapshot is newer and was kept.
	ErrStale = errors.New("store: stale snapshot")
	// ErrDecided: a bracket match that has a winner may only change through
	// CorrectResult.
	ErrDecided = errors.New("store: result already decided")
	// ErrInvalid: the value breaks a rule of the store (an empty key, a
	// negative limit, an unknown bucket).
	ErrInvalid = errors.New("store: invalid value")
	// ErrClosed: the store was closed.
	ErrClosed = errors.New("store: closed")
)

// Store is the whole persistent state. Consumers should depend on the small
// interface they need (Players, Rooms, Matches, Stats, Tournaments).
type Store interface {
	Players
	Rooms
	Matches
	Stats
	Tournaments
	// Check verifies the database's integrity (SQLite: PRAGMA
	// integrity_check and foreign_key_check). It returns nil when the
	// database is sound.
	Check(ctx context.Context) error
	// Close waits for calls in progress and releases the database. Calls
	// after Close fail with ErrClosed.
	Close() error
}

// Players are identified by a device token that the client keeps; there
// are no passwords.
type Players interface {
	// SeePlayer returns the player with this device token, creating it on
	// first sight. A non-empty nickname that differs from the stored one
	// replaces it; the last-seen time is updated. Atomic: two concurrent
	// first sights of one token create one player.
	SeePlayer(ctx context.Context, token, nickname string) (Player, error)
	// Player returns a player by ID, or ErrNotFound.
	Player(ctx context.Context, id int64) (Player, error)
	// PlayerByToken returns a player by device token, or ErrNotFound.
	PlayerByToken(ctx context.Context, token string) (Player, error)
}

// Rooms keeps rooms and their settings, so that a restarted server can
// bring back the rooms that were open.
type Rooms interface {
	// SaveRoom creates or replaces the room with r.Code, every field as
	// given (saving a closed room's code with a zero Closed reopens it as a
	// new room).
	SaveRoom(ctx context.Context, r Room) error
	// Room returns a room by code, or ErrNotFound.
	Room(ctx context.Context, code string) (Room, error)
	// OpenRooms returns every room that is not closed, by code.
	OpenRooms(ctx context.Context) ([]Room, error)
	// CloseRoom marks the room closed at the given time and deletes its
	// snapshot, in one transaction. ErrNotFound if there is no such room.
	CloseRoom(ctx context.Context, code string, at time.Time) error
}

// Matches keeps rooms' snapshots (running matches, and the seats of rooms
// between matches) and finished matches for good.
type Matches interface {
	// SaveSnapshot replaces the room's snapshot with s (the room must have
	// been saved). It is written after every round and whenever the seats
	// of a room change, in the lobby and on the podium too, and must
	// complete before the round's result is announced as safe: once it
	// returns nil, s is what a restart resumes from. A snapshot with the
	// same MatchID whose Seq is not above the stored one is refused with
	// ErrStale; one with another MatchID (a new match, the lobby) replaces
	// any older one. The seats (sessions, nicknames, players) are data: a
	// seat's Player need not exist.
	SaveSnapshot(ctx context.Context, s Snapshot) error
	// Snapshot returns the room's snapshot, or ErrNotFound.
	Snapshot(ctx context.Context, room string) (Snapshot, error)
	// Snapshots returns the snapshot of every open room that has one: the
	// rooms to resume after a restart, with their seats, by room code.
	Snapshots(ctx context.Context) ([]Snapshot, error)
	// FinishMatch records a finished match with every answer and deletes
	// the snapshot of m.Room if it belongs to m.ID, in one transaction.
	// Every player must exist. A finished match is immutable: a second
	// FinishMatch with the same ID fails with ErrExists and changes nothing
	// (not even the room's snapshot). A snapshot saved after FinishMatch
	// (the podium, with MatchID m.ID) is kept like any other.
	FinishMatch(ctx context.Context, m Match) error
	// Match returns a finished match with its players (by rank) and answers
	// (by round, then player), or ErrNotFound.
	Match(ctx context.Context, id string) (Match, error)
	// PlayerMatches returns up to limit of the player's finished matches,
	// newest first, with players but without answers.
	PlayerMatches(ctx context.Context, player int64, limit int) ([]Match, error)
}

// Stats aggregates the answers of finished matches.
type Stats interface {
	// Stats returns a player's accuracy and speed per topic, in the buckets
	// q asks for, ordered by topic and then by time. Only finished
	// matches count.
	Stats(ctx context.Context, q StatsQuery) ([]Stat, error)
}

// Tournaments keeps tournaments as data: the tournament package decides
// pairings and advancement and saves the bracket here.
type Tournaments interface {
	// CreateTournament stores a new tournament with its entrants and
	// bracket matches (usually none yet). ErrExists if the ID or the code
	// is taken.
	CreateTournament(ctx context.Context, t Tournament) error
	// Tournament returns a tournament with its entrants (by seed, then
	// registration), bracket matches (by bracket, round, slot) and
	// corrections (oldest first), or ErrNotFound.
	Tournament(ctx context.Context, id string) (Tournament, error)
	// TournamentByCode is Tournament by join code.
	TournamentByCode(ctx context.Context, code string) (Tournament, error)
	// ActiveTournaments returns every tournament whose state is not
	// TournamentFinished, without entrants, matches or corrections, by ID.
	ActiveTournaments(ctx context.Context) ([]Tournament, error)
	// UpdateTournament replaces the name, format, state, schedule and
	// options of t.ID (not its code, host, entrants or bracket).
	UpdateTournament(ctx context.Context, t Tournament) error
	// Register adds an entrant; ErrExists if the player is registered.
	Register(ctx context.Context, tournament string, e Entrant) error
	// Withdraw removes a registration; ErrNotFound if there is none.
	Withdraw(ctx context.Context, tournament string, player int64) error
	// SetSeeds gives the listed players seeds 1, 2, 3, … in order and
	// clears the seeds of everyone else, atomically. Every listed player
	// must be registered (ErrNotFound otherwise).
	SetSeeds(ctx context.Context, tournament string, players []int64) error
	// SaveMatches creates or replaces bracket matches, keyed by (Bracket,
	// Round, Slot), atomically: all or none. Changing the winner of a match
	// that already has one fails with ErrDecided (use CorrectResult).
	SaveMatches(ctx context.Context, tournament string, ms []BracketMatch) error
	// CorrectResult records c and saves ms (the corrected match and any
	// matches downstream of it that changed), atomically. It may change
	// winners. c.At, if zero, is set by the store.
	CorrectResult(ctx context.Context, tournament string, c Correction, ms []BracketMatch) error
}
