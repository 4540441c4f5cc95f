// Package server is OS Arena's HTTP front (DESIGN.md §5): the /ws WebSocket
// endpoint, the client's static files, /healthz and /metrics, over the
// channel layer (server/layer) and the rooms (server/room).
//
// Each WebSocket connection has two goroutines: a reader, which decodes,
// checks and dispatches the client's frames (rooms receive them as inputs
// on their own queues), and a writer, the only goroutine that writes to the
// socket, which drains the connection's layer inbox and closes the socket
// with the inbox's close code. Nothing a room does waits on a socket.
//
// Tournaments (tournaments.go) are run by server/tourney: requests go to it
// from the reader goroutine, its duels are seated in duel rooms, and a
// ticker goroutine passes it the time once a second for deadlines.
//
// New builds a Server; Handler may be mounted anywhere; Serve and Shutdown
// run it on a listener. All exported methods are safe for concurrent use.
package server
