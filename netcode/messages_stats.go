package netcode

// Personal statistics (issue 8). A client asks GetStats for its own
// results in live matches and tournament duels; the server answers Stats,
// read from its store for the connection's Hello.Device player. Refusals
// are Error with About = TypeGetStats and the codes ErrBadSettings (Days or
// UTCOffsetMin out of range) or ErrNoStats (the server keeps no store, the
// connection sent no device token, or the store knows no such player).

// Bounds of GetStats.
const (
	MaxStatsDays    = 366     // GetStats.Days at most
	MaxUTCOffsetMin = 14 * 60 // |GetStats.UTCOffsetMin| at most (UTC+14 is the furthest zone)
)

// ErrNoStats refuses GetStats: no statistics are kept for this connection.
// Error codes 70–79 belong to statistics, like the message types.
const ErrNoStats ErrorCode = 70

// GetStats asks for the sender's statistics of the last Days local days,
// today included: days begin at local midnight, UTCOffsetMin minutes east
// of UTC (Seoul: 540; New York in winter: -300). Days is 1–MaxStatsDays.
type GetStats struct {
	_msgpack     struct{} `msgpack:",as_array"`
	Days         uint16
	UTCOffsetMin int16
}

// Stats answers GetStats: one line per topic and local day on which the
// player answered at least one question in a finished match, ordered by
// topic and then by day. Days and UTCOffsetMin echo the request.
type Stats struct {
	_msgpack     struct{} `msgpack:",as_array"`
	Days         uint16
	UTCOffsetMin int16
	Lines        []StatLine
}

// StatLine is a player's results in one topic on one local day.
type StatLine struct {
	_msgpack struct{} `msgpack:",as_array"`
	Topic    string   // a quiz topic ("replace", "tlb", ...)
	// Day is the local date as days since 1970-01-01: its local midnight
	// is Unix second Day×86400 − UTCOffsetMin×60.
	Day int32
	// Asked counts questions, Answered those answered in time, Correct
	// those with full credit.
	Asked, Answered, Correct uint32
	Credit                   int64 // sum of credits, thousandths (1000 = one fully correct answer)
	ElapsedMs                int64 // sum of answer times over the answered questions
}
