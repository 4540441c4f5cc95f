package store

import "time"

// Player is a device identity: the client keeps Token and sends it on
// every connection; there is no password.
type Player struct {
	ID       int64  // assigned by the store, > 0
	Token    string // the device identity token, unique
	Nickname string // the latest nickname the player used
	Created  time.Time
	Seen     time.Time // the last SeePlayer
}

// Settings are a room's host settings (netcode.Settings as plain data).
type Settings struct {
	Topics     []string `json:"topics,omitempty"`     // quiz topics; empty means all
	Difficulty int      `json:"difficulty,omitempty"` // 1–5
	Rounds     int      `json:"rounds,omitempty"`     // questions in a match
	Seconds    int      `json:"seconds,omitempty"`    // time limit per question
	Timed      bool     `json:"timed,omitempty"`      // false: every correct answer scores the same
	Lang       string   `json:"lang,omitempty"`       // "en" or "ko"
	Chain      int      `json:"chain,omitempty"`      // questions per scenario
}

// Room is a room as the registry knows it between matches.
type Room struct {
	Code       string // six characters, the key
	HostToken  string // proves host rights
	HostPlayer int64  // the host's Player.ID, or 0 when unknown
	Mode       string // "quiz", "study", "duel"
	Settings   Settings
	Locked     bool
	Tournament string // the tournament whose duel this room plays, or ""
	Created    time.Time
	Closed     time.Time // zero while the room is open
}

// Snapshot is what a room needs to come back after a restart, as of its
// last change. During a match (Phase round or reveal) it is the match as of
// its last completed step: enough to regenerate its questions (SimVersion,
// Seed, Settings), put every seat back (Seats) and continue where it was
// (Phase, Round, Deadline). Between matches it holds the seats: in the
// lobby (Phase lobby, MatchID naming no match) and on the podium (Phase
// podium, MatchID the finished match's, the final standings in Podium and
// no Answers: the match itself is kept by FinishMatch). A study room's
// snapshot holds its seats and its simulation (Study).
type Snapshot struct {
	Room       string    `json:"room,omitempty"`       // room code, the key
	MatchID    string    `json:"matchID,omitempty"`    // the match's ID, which FinishMatch will use
	Seq        int64     `json:"seq,omitempty"`        // grows with every save of one match
	SimVersion int       `json:"simVersion,omitempty"` // scenario.Version the questions were generated with
	Seed       uint64    `json:"seed,omitempty"`       // the seed the question list was generated from
	Settings   Settings  `json:"settings,omitzero"`
	Phase      int       `json:"phase,omitempty"`  // netcode.Phase: lobby, round, reveal or podium
	Round      int       `json:"round,omitempty"`  // the current or last round, 1-based
	Rounds     int       `json:"rounds,omitempty"` // questions in the match
	Started    time.Time `json:"started,omitzero"`
	RoundStart time.Time `json:"roundStart,omitzero"`
	Deadline   time.Time `json:"deadline,omitzero"` // the open round's deadline; zero when untimed
	Seats      []Seat    `json:"seats,omitempty"`   // by seat number
	Answers    []Answer  `json:"answers,omitempty"` // every answer so far, by round then player
	Saved      time.Time `json:"saved,omitzero"`    // set by the caller
	Study      *Study    `json:"study,omitempty"`   // a study room's simulation (Room.Mode "study")
	// Podium is a finished match's final standings, by rank then seat
	// (Phase podium). A line's Player is 0 when the seat was not known to
	// the store or has left the room since.
	Podium []MatchPlayer `json:"podium,omitempty"`
}

// Seat is one player's place in a room: in a running match with its score
// and statistics so far, on the podium with its final ones, in the lobby
// with none.
type Seat struct {
	Seat        uint32         `json:"seat,omitempty"`    // the room's player ID
	Player      int64          `json:"player,omitempty"`  // Player.ID
	Session     string         `json:"session,omitempty"` // the resume token the client reconnects with
	Nickname    string         `json:"nickname,omitempty"`
	Host        bool           `json:"host,omitempty"`
	Score       int            `json:"score,omitempty"`
	Streak      int            `json:"streak,omitempty"`
	Correct     int            `json:"correct,omitempty"`
	Answered    int            `json:"answered,omitempty"`
	TotalMs     int64          `json:"totalMs,omitempty"`
	TopicCredit map[string]int `json:"topicCredit,omitempty"` // thousandths, for the podium's best topic
}

// Answer is one player's outcome of one round. A player who did not answer
// has Answered false, no Values, and zero Credit and Points.
type Answer struct {
	Player    int64   `json:"player,omitempty"` // Player.ID
	Round     int     `json:"round,omitempty"`  // 1-based
	Family    string  `json:"family,omitempty"`
	Topic     string  `json:"topic,omitempty"`
	Answered  bool    `json:"answered,omitempty"`
	Values    []int64 `json:"values,omitempty"`
	Credit    int     `json:"credit,omitempty"` // thousandths: 1000 is fully correct
	Points    int     `json:"points,omitempty"`
	ElapsedMs int     `json:"elapsedMs,omitempty"`
}

// Match is a finished match. It is written once and never changed.
type Match struct {
	ID         string // the key, chosen by the caller (Snapshot.MatchID)
	Room       string
	Tournament string // set for a tournament duel
	SimVersion int
	Seed       uint64
	Settings   Settings
	Started    time.Time
	Ended      time.Time
	Players    []MatchPlayer // by rank, then seat
	Answers    []Answer      // by round, then player
}

// MatchPlayer is one player's line on a finished match's podium (in a
// Match and in a podium Snapshot).
type MatchPlayer struct {
	Player    int64  `json:"player,omitempty"`   // Player.ID
	Seat      uint32 `json:"seat,omitempty"`     // the room's player ID
	Nickname  string `json:"nickname,omitempty"` // as used in this match
	Rank      int    `json:"rank,omitempty"`     // 1-based; ties share a rank
	Score     int    `json:"score,omitempty"`
	Correct   int    `json:"correct,omitempty"`
	Answered  int    `json:"answered,omitempty"`
	AvgMs     int    `json:"avgMs,omitempty"`
	BestTopic string `json:"bestTopic,omitempty"`
}

// Bucket is how Stats groups answers over time.
type Bucket int

// Buckets.
const (
	ByTopic Bucket = iota // one line per topic over the whole range
	ByDay                 // one line per topic and day
	ByMatch               // one line per topic and match
)

// StatsQuery selects a player's statistics.
type StatsQuery struct {
	Player int64
	Topic  string // "" for every topic
	By     Bucket
	Since  time.Time // matches that ended at or after; zero: no bound
	Until  time.Time // matches that ended before; zero: no bound
	// UTCOffset is where the player's days begin (ByDay), e.g. +9h for
	// Seoul: a day is [midnight local, next midnight local).
	UTCOffset time.Duration
}

// Stat is the statistics of one topic in one bucket.
type Stat struct {
	Topic string
	Day   time.Time // ByDay: the day's local midnight, as a UTC instant
	Match string    // ByMatch: the match ID
	At    time.Time // ByMatch: when the match ended
	// Asked counts questions, Answered those answered in time, Correct
	// those with full credit.
	Asked, Answered, Correct int
	Credit                   int64 // sum of credits, thousandths
	ElapsedMs                int64 // sum over answered questions
}

// Accuracy is the mean credit per question asked, 0–1.
func (s Stat) Accuracy() float64 {
	if s.Asked == 0 {
		return 0
	}
	return float64(s.Credit) / float64(1000*s.Asked)
}

// AvgMs is the mean answer time of the answered questions.
func (s Stat) AvgMs() float64 {
	if s.Answered == 0 {
		return 0
	}
	return float64(s.ElapsedMs) / float64(s.Answered)
}
