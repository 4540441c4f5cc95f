// Package tourney runs OS Arena's tournaments on the server (DESIGN.md §5,
// issue 8): registration, seeding, the bracket (server/tournament, which is
// pure), duels played in duel rooms (server/room), walkovers at the
// deadline, host corrections, persistence in the store, and the
// TournamentState every member of the tournament's group receives when
// anything changes.
//
// Concurrency contract. A Service is safe for concurrent use. Each
// tournament (a cup) has one mutex that is held for the whole of every
// operation on it — a request from a connection's reader goroutine, a duel
// outcome (delivered on a goroutine of its own, never on the room's), or a
// deadline Tick — including its store writes and group sends. Operations on
// one tournament are therefore serialized; different tournaments never wait
// on each other. Service.mu guards only the code → tournament map and is
// never held while a tournament's mutex is taken. While holding a
// tournament's mutex the service calls Duels.StartDuel, which must not wait
// on a room (it creates one and queues inputs).
//
// Time is an argument: handlers read Config.Clock, and the server calls
// Tick with the current time once a second, so tests drive deadlines with a
// fake clock.
package tourney
