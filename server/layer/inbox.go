package layer

import (
	"sync"
	"time"

	"github.com/osarena/osarena/netcode"
)

// Inbox is the receiving end of one channel: a bounded queue of frames that
// grows only as frames arrive (an idle channel holds no queue storage), a
// wake-up for its consumer, and a done signal. Implementations deliver with
// Deliver or NextSeq and close with Shut; every method is safe for
// concurrent use.
//
// Consuming: the inbox is idle or awake. Queuing a frame or closing an idle
// inbox wakes it: it calls the function given to OnWake (on the delivering
// goroutine, so the function must not block: start a goroutine), or, without
// one, signals Ready. From a wake-up on, one consumer at a time owns the
// inbox and calls Take until Take returns no frames: an open inbox is then
// idle again, and the next frame wakes it anew; a closed one has nothing
// more to give. A consumer that stops early must not expect another wake-up.
type Inbox struct {
	name string
	max  int
	done chan struct{}

	mu     sync.Mutex
	q      [][]byte // queued frames, oldest first; nil while empty and idle
	awake  bool     // a wake-up was issued and Take has not yet returned empty
	closed bool
	code   netcode.CloseCode
	seq    uint32        // last Send sequence number
	wake   func()        // OnWake's function, or nil
	ready  chan struct{} // made by Ready, capacity 1
	woke   time.Time     // when the inbox last woke
}

// NewInbox makes an inbox named name that holds at most n frames. It is for
// Layer implementations.
func NewInbox(name string, n int) *Inbox {
	return &Inbox{name: name, max: max(n, 1), done: make(chan struct{})}
}

// Name is the channel name.
func (in *Inbox) Name() string { return in.name }

// Done is closed when the channel is closed (see Code). Frames queued
// before the close can still be taken.
func (in *Inbox) Done() <-chan struct{} { return in.done }

// Code is the close code once Done is closed, or 0.
func (in *Inbox) Code() netcode.CloseCode {
	in.mu.Lock()
	defer in.mu.Unlock()
	return in.code
}

// Len is the number of queued frames.
func (in *Inbox) Len() int {
	in.mu.Lock()
	defer in.mu.Unlock()
	return len(in.q)
}

// OnWake makes f the inbox's wake-up (see Inbox). If the inbox was woken
// before (frames queued, or closed, with no consumer yet), f is called at
// once. f must not block.
func (in *Inbox) OnWake(f func()) {
	in.mu.Lock()
	in.wake = f
	now := in.awake
	in.mu.Unlock()
	if now {
		f()
	}
}

// Ready delivers a value after each wake-up when no OnWake function is set.
// A value may be stale: call Take (or TakeOne) and wait again when it
// returns nothing.
func (in *Inbox) Ready() <-chan struct{} {
	in.mu.Lock()
	defer in.mu.Unlock()
	if in.ready == nil {
		in.ready = make(chan struct{}, 1)
		if in.awake {
			in.ready <- struct{}{}
		}
	}
	return in.ready
}

// WokeAt is when the inbox last woke: for an awake inbox, about when its
// oldest frame was queued.
func (in *Inbox) WokeAt() time.Time {
	in.mu.Lock()
	defer in.mu.Unlock()
	return in.woke
}

// Take appends every queued frame to dst, oldest first, and returns it with
// the close code (0 while the channel is open). Returning no frames while
// open makes the inbox idle.
func (in *Inbox) Take(dst [][]byte) ([][]byte, netcode.CloseCode) {
	in.mu.Lock()
	defer in.mu.Unlock()
	dst = append(dst, in.q...)
	if len(in.q) == 0 {
		in.awake = in.closed
	}
	in.release(len(in.q))
	return dst, in.code
}

// TakeOne takes the oldest queued frame, if any (see Take).
func (in *Inbox) TakeOne() ([]byte, bool) {
	in.mu.Lock()
	defer in.mu.Unlock()
	if len(in.q) == 0 {
		in.awake = in.closed
		return nil, false
	}
	b := in.q[0]
	in.release(1)
	return b, true
}

// release drops the n oldest frames; it keeps a small queue's storage for
// the next frames and lets a large one go, so idle channels stay small.
func (in *Inbox) release(n int) {
	rest := copy(in.q, in.q[n:])
	clear(in.q[rest:])
	in.q = in.q[:rest]
	if rest == 0 && cap(in.q) > 8 {
		in.q = nil
	}
}

// Deliver queues frame without waiting. It reports false when the inbox
// was already closed, and closes the inbox with netcode.CloseSlow (reporting
// slow) when the queue is full.
func (in *Inbox) Deliver(frame []byte) (ok, slow bool) {
	in.mu.Lock()
	if in.closed {
		in.mu.Unlock()
		return false, false
	}
	ok = in.queueLocked(frame)
	wake := in.wakeLocked()
	in.mu.Unlock()
	wake()
	return ok, !ok
}

// NextSeq calls encode with the channel's next Send sequence number and
// queues the frame, all while holding the inbox's lock, so that frames sent
// to one channel are queued in sequence order. encode must not call back
// into the inbox. A full queue closes the inbox as Deliver does.
func (in *Inbox) NextSeq(encode func(seq uint32) ([]byte, error)) (ok, slow bool, err error) {
	in.mu.Lock()
	if in.closed {
		in.mu.Unlock()
		return false, false, ErrNoChannel
	}
	frame, err := encode(in.seq + 1)
	if err != nil {
		in.mu.Unlock()
		return false, false, err
	}
	in.seq++
	ok = in.queueLocked(frame)
	wake := in.wakeLocked()
	in.mu.Unlock()
	wake()
	return ok, !ok, nil
}

// queueLocked appends frame, or closes the inbox with CloseSlow when it is
// full; it reports whether the frame was queued.
func (in *Inbox) queueLocked(frame []byte) bool {
	if len(in.q) >= in.max {
		in.shutLocked(netcode.CloseSlow)
		return false
	}
	if in.q == nil {
		in.q = make([][]byte, 0, min(4, in.max))
	}
	in.q = append(in.q, frame)
	return true
}

// wakeLocked marks an idle inbox awake and returns what wakes its consumer
// (a no-op when it was already awake); call it after unlocking.
func (in *Inbox) wakeLocked() func() {
	if in.awake {
		return nop
	}
	in.awake = true
	in.woke = time.Now()
	if in.wake != nil {
		return in.wake
	}
	if in.ready != nil {
		ready := in.ready
		return func() {
			select {
			case ready <- struct{}{}:
			default:
			}
		}
	}
	return nop
}

func nop() {}

// Shut closes the inbox with code; it reports whether this call closed it.
func (in *Inbox) Shut(code netcode.CloseCode) bool {
	in.mu.Lock()
	if in.closed {
		in.mu.Unlock()
		return false
	}
	in.shutLocked(code)
	wake := in.wakeLocked()
	in.mu.Unlock()
	wake()
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
