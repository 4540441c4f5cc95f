// Package netcode is OS Arena's wire protocol (DESIGN.md §5): every message
// type, the msgpack codec with its input guard, the protocol version, the
// close-code table, and the reconnecting client used by the browser and by
// the load bots.
//
// A frame is one binary WebSocket message holding one msgpack array:
// [type, seq, body], where type is a Type, seq the sender's per-connection
// sequence number (or, for group messages, the group's), and body the
// message struct encoded as an array (msgpack "as_array"). The first message
// a client sends is Hello; the server answers Welcome or closes with a code
// from the table in codes.go.
package netcode
