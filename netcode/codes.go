package netcode

// Versions a client states in Hello. A mismatch closes the connection with
// CloseProtocolVersion or CloseSimVersion, and the client must not retry.
//
// Protocol history: 1, the first; 2, Hello.Device (the device identity
// token); 3, the tournament schedule (CreateTournament.StartMs,
// TournamentState.StartMs, StartLapsed and DeadlineSec, ErrBadStart). A
// Hello of another version may not even decode (as_array counts fields):
// the server answers a Hello it cannot decode with CloseProtocolVersion
// too.
const (
	ProtocolVersion = 3
)

// CloseCode is a WebSocket close code. Codes 4000–4499 mean the client may
// reconnect (with backoff, resuming its session); 4500–4999 mean it must
// not. Clients see these numbers, never Go error strings.
type CloseCode uint16

// The close codes.
const (
	CloseNormal CloseCode = 1000 // the client said goodbye

	CloseShutdown CloseCode = 4000 // the server is shutting down or restarting
	CloseSlow     CloseCode = 4001 // the client fell behind its send queue
	CloseIdle     CloseCode = 4002 // no message (not even a ping) for too long
	// CloseReplaced (4003) is no longer sent: as a code a client may
	// reconnect on, it let two tabs holding one session take the seat from
	// each other forever. See CloseTakenOver.
	CloseReplaced    CloseCode = 4003
	CloseResumeStale CloseCode = 4004 // the resume token expired: reconnect without it

	CloseProtocolVersion CloseCode = 4500 // Hello's protocol version is not this server's
	CloseSimVersion      CloseCode = 4501 // Hello's simulator version is not this server's
	CloseBadMessage      CloseCode = 4502 // a frame failed the guard or did not decode
	CloseTooLarge        CloseCode = 4503 // a frame exceeded the read limit
	CloseRateLimited     CloseCode = 4504 // too many messages per second
	CloseKicked          CloseCode = 4505 // the host removed the player
	CloseNoHello         CloseCode = 4506 // the first message was not Hello
	// CloseTakenOver: the same session connected again elsewhere (another
	// tab or device resumed it) and holds the seat now. The client must not
	// reconnect on its own; it may offer the player to take the seat back,
	// which closes the other connection the same way.
	CloseTakenOver CloseCode = 4507
)

// MayReconnect reports whether a client closed with c should reconnect.
func (c CloseCode) MayReconnect() bool { return c >= 4000 && c < 4500 }

// ErrorCode says why the server refused a request; the connection stays
// open. Clients translate the code; the server never sends prose.
type ErrorCode uint16

// The error codes.
const (
	ErrNone            ErrorCode = iota
	ErrUnknownRoom               // no room has that code
	ErrRoomFull                  // the room has no free seat
	ErrRoomLocked                // the host locked the room
	ErrBadNickname               // empty, too long, or not allowed
	ErrNicknameTaken             // another player in the room has it
	ErrNotHost                   // only the host may do that
	ErrBadSettings               // a setting is out of range
	ErrNotInRoom                 // join a room first
	ErrWrongPhase                // not possible in the room's current phase
	ErrLate                      // the answer came after the deadline
	ErrDuplicate                 // the player already answered this round
	ErrMalformedAnswer           // the answer has the wrong shape
	ErrTooManyJoins              // too many join attempts from this address
	ErrAlreadyInRoom             // leave the current room first
	ErrBadStart                  // a tournament's start time is past or too far ahead
)
