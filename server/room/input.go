package room

import "github.com/osarena/osarena/netcode"

// Input is something that happens to a room. The server builds inputs and
// passes them to Submit; the room's goroutine handles them in order.
type Input interface{ input() }

// Join asks for a seat. The room answers the player on Channel (RoomJoined
// and RoomState, or Error) and then on Reply. A session already seated is
// given its seat back (as Resume). A tournament duel's room seats only the
// players the server seats in it (Seat): any other newcomer is refused
// with ErrWrongPhase, so that nobody who learns a duel's code (the whole
// tournament sees it) can take a seat in it.
type Join struct {
	Session  string // the player's session token: who they are from now on
	Channel  string // the connection's channel name in the layer
	Nickname string // as typed; the room normalises it
	Addr     string // the client's address, for logs
	Player   int64  // the store's Player.ID for this device, or 0
	Seat     bool   // the server seats a tournament's player in its duel
	Reply    chan<- Reply
}

// Resume gives a held seat to a new connection of the same session. The
// room sends RoomState and, mid-round, the RoundStart with its deadline (or
// the last Reveal, or the Podium) to Channel, then answers on Reply.
type Resume struct {
	Session string
	Channel string
	Reply   chan<- Reply
}

// Drop says the player's connection was lost: the seat, score and streak
// are held for the grace period.
type Drop struct {
	Session string
	Channel string // ignored if the player has moved to another channel
}

// Leave gives up the seat for good (LeaveRoom, or the session ended).
type Leave struct{ Session string }

// Command is a player's request in the room: UpdateSettings, Kick, Lock,
// StartMatch, Next (host) or Answer; in a study room Propose, Predict,
// Step, Back, Forward (anyone), Kick or Lock (host). Msg is the decoded message of Type,
// as a value (netcode.Answer, not *netcode.Answer).
type Command struct {
	Session string
	Type    netcode.Type
	Msg     any
}

// Tick wakes the room so it can act on the clock (deadlines, grace
// periods). The room's own goroutine makes ticks; tests send them.
type Tick struct{}

// Reply answers Join and Resume: the seat, or why there is none.
type Reply struct {
	PlayerID uint32
	Err      netcode.ErrorCode // ErrNone on success
}

func (Join) input()    {}
func (Resume) input()  {}
func (Drop) input()    {}
func (Leave) input()   {}
func (Command) input() {}
func (Tick) input()    {}
