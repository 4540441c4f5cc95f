// Package layer is OS Arena's channel layer (DESIGN.md §5): Django Channels'
// operations — every connection has a channel name; GroupAdd, GroupDiscard,
// GroupSend and Send — with three differences from Channels:
//
//   - A message is encoded once per GroupSend, and the same []byte goes to
//     every member (members must not modify it).
//   - Every channel has a bounded queue. A channel whose queue is full when
//     a message arrives is closed with netcode.CloseSlow: a slow client is
//     disconnected, it never silently loses a message.
//   - Group messages carry the group's sequence number in the frame, and the
//     layer keeps a short history per group, so a client that reconnects can
//     be given what it missed (History).
//
// Implementations: Memory (this package, one process) and server/layer/redis
// (several server nodes sharing groups). Both must pass layertest.Run.
package layer

import (
	"errors"

	"github.com/osarena/osarena/netcode"
)

// Errors returned by every implementation.
var (
	ErrNoChannel   = errors.New("layer: no such channel")
	ErrClosed      = errors.New("layer: closed")
	ErrHistoryGone = errors.New("layer: history no longer holds that sequence number")
	ErrBadName     = errors.New("layer: bad group or channel name")
)

// Encoder turns a message into one wire frame: netcode.Encode.
type Encoder func(t netcode.Type, seq uint32, msg any) ([]byte, error)

// Layer is a channel layer. Every method is safe for concurrent use by any
// goroutine, and none of them blocks on a receiver: delivery into a
// channel's queue never waits, a full queue closes the channel instead.
// A networked implementation's methods take a round trip to its server,
// bounded by a timeout, and may deliver a frame shortly after the call
// returns; the guarantees below hold all the same.
//
// Guarantees:
//   - Send(ch, ...) frames arrive at ch in the order Send was called for ch,
//     numbered 1, 2, 3, ... per channel.
//   - GroupSend(g, ...) frames are numbered 1, 2, 3, ... per group; each
//     member present when GroupSend is called receives it, in sequence
//     order, with no gaps, or is closed with netcode.CloseSlow.
//   - A channel added after a GroupSend returned does not receive it;
//     a channel discarded before GroupSend is called does not either.
//   - Open channels are in no group; Close removes a channel from all its
//     groups.
type Layer interface {
	// Open makes a new channel with a unique name and returns its inbox,
	// which one consumer at a time (the connection's writer) takes frames
	// from, woken as the Inbox doc describes.
	Open() (*Inbox, error)
	// Close closes a channel with code: its inbox reports Done with that
	// code, it leaves every group, and later sends to it fail with
	// ErrNoChannel. Closing a closed or unknown channel is a no-op.
	Close(channel string, code netcode.CloseCode)
	// GroupAdd adds channel to group (creating the group). Adding twice is a
	// no-op. It fails with ErrNoChannel for an unknown channel.
	GroupAdd(group, channel string) error
	// GroupDiscard removes channel from group; discarding a non-member is a
	// no-op. An empty group is forgotten along with its history.
	GroupDiscard(group, channel string) error
	// GroupSend encodes msg once with the group's next sequence number,
	// queues the frame for every member, records it in the group's history
	// and returns the sequence number. Sending to an empty or unknown group
	// is not an error (seq 0, nothing recorded).
	GroupSend(group string, t netcode.Type, msg any) (uint32, error)
	// Send encodes msg with the channel's next sequence number and queues it
	// for that channel alone.
	Send(channel string, t netcode.Type, msg any) error
	// History returns the group's frames with sequence numbers after seq,
	// oldest first, or ErrHistoryGone when the history no longer reaches
	// back to seq+1. The frames are shared: do not modify them.
	History(group string, after uint32) ([][]byte, error)
	// Stats reports counters since the layer was made.
	Stats() Stats
}

// Stats are a layer's counters.
type Stats struct {
	Channels   int    // open channels
	Groups     int    // non-empty groups
	Frames     uint64 // frames queued for channels (a group send to n members counts n)
	Encodes    uint64 // messages encoded
	SlowClosed uint64 // channels closed with netcode.CloseSlow
}

// Options configure an implementation.
type Options struct {
	// Encode makes frames. Required.
	Encode Encoder
	// Queue bounds each channel's queue, in frames (default 256). The
	// queue's storage grows as frames arrive and is let go once taken.
	Queue int
	// History is how many frames each group keeps for resume (default 64).
	History int
}

func (o Options) withDefaults() Options {
	if o.Queue <= 0 {
		o.Queue = 256
	}
	if o.History <= 0 {
		o.History = 64
	}
	return o
}
