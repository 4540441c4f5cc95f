// Package room runs OS Arena's rooms and live quiz matches (DESIGN.md §5),
// the way nakama runs a match: each Room is owned by one goroutine (Run),
// and everything that changes it — joins, resumes, drops, leaves, host
// commands, answers and timer ticks — arrives as an Input through a bounded
// queue (Submit). The loop never waits on the network: it speaks to players
// only through an Outbox (the channel layer), whose sends never block.
// With a store, a room's saver writes to it on a goroutine of its own, and
// the room holds a reveal or a podium (and whatever it says after it) until
// the store has the result, for at most Config.Hold (hold.go): what a
// player was shown as final survives a kill -9.
//
// Time is an argument: the loop calls handle(now, input), so tests drive a
// room with a fake clock and no goroutine at all. The server's clock decides
// every deadline and answer time; answers are graded by the server's own
// copy of sim/quiz.
//
// Rooms (the registry) creates rooms with crypto-random codes and finds them
// by code; it is safe for concurrent use.
package room
