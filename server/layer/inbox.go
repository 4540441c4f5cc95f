package layer

import (
	"sync"

	"github.com/osarena/osarena/netcode"
)

// Inbox is the receiving end of one channel: a bounded queue of frames and a
// done signal. Exactly one goroutine (the connection's writer) reads C; it
// must also watch Done, and once Done is closed, stop writing frames and
// close the connection with Code. Implementations deliver with Deliver and
// close with Shut; both are safe for concurrent use.
type Inbox struct {
	name string
	ch   chan []byte
	done chan struct{}

	mu     sync.Mutex
	closed bool
	code   netcode.CloseCode
	seq    uint32 // last Send sequence number, guarded by mu
}

// NewInbox makes an inbox named name with a queue of capacity n. It is for
// Layer implementations.
func NewInbox(name string, n int) *Inbox {
	return &Inbox{name: name, ch: make(chan []byte, n), done: make(chan struct{})}
}

// Name is the channel name.
func (in *Inbox) Name() string { return in.name }

// C delivers frames in order. It is never closed; watch Done.
func (in *Inbox) C() <-chan []byte { return in.ch }

// Done is closed when the channel is closed (see Code).
func (in *Inbox) Done() <-chan struct{} { return in.done }

// Code is the close code once Done is closed, or 0.
func (in *Inbox) Code() netcode.CloseCode {
	in.mu.Lock()
	defer in.mu.Unlock()
	return in.code
}

// Len is the number of queued frames.
func (in *Inbox) Len() int { return len(in.ch) }

// Deliver queues frame without waiting. It reports false when the inbox
// was already closed, and closes the inbox with netcode.CloseSlow (reporting
// slow) when the queue is full.
func (in *Inbox) Deliver(frame []byte) (ok, slow bool) {
	in.mu.Lock()
	defer in.mu.Unlock()
	if in.closed {
		return false, false
	}
	select {
	case in.ch <- frame:
		return true, false
	default:
		in.shutLocked(netcode.CloseSlow)
		return false, true
	}
}

// NextSeq calls encode with the channel's next Send sequence number and
// queues the frame, all while holding the inbox's lock, so that frames sent
// to one channel are queued in sequence order. encode must not call back
// into the inbox. A full queue closes the inbox as Deliver does.
func (in *Inbox) NextSeq(encode func(seq uint32) ([]byte, error)) (ok, slow bool, err error) {
	in.mu.Lock()
	defer in.mu.Unlock()
	if in.closed {
		return false, false, ErrNoChannel
	}
	frame, err := encode(in.seq + 1)
	if err != nil {
		return false, false, err
	}
	in.seq++
	select {
	case in.ch <- frame:
		return true, false, nil
	default:
		in.shutLocked(netcode.CloseSlow)
		return false, true, nil
	}
}

// Shut closes the inbox with code; it reports whether this call closed it.
func (in *Inbox) Shut(code netcode.CloseCode) bool {
	in.mu.Lock()
	defer in.mu.Unlock()
	if in.closed {
		return false
	}
	in.shutLocked(code)
	return true
}

func (in *Inbox) shutLocked(code netcode.CloseCode) {
	in.closed = true
	in.code = code
	close(in.done)
}

// Closed reports whether the inbox is closed.
func (in *Inbox) Closed() bool {
	in.mu.Lock()
	defer in.mu.Unlock()
	return in.closed
}
