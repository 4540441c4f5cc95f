package netcode

import (
	"context"
	"errors"
	"math/rand/v2"
	"sync"
	"sync/atomic"
	"time"

	"github.com/osarena/osarena/sim/scenario"
)

// Options configure a Client. Zero fields take the defaults in brackets.
type Options struct {
	Resume string // a Welcome.Session to resume on the first connection
	Lang   string // Hello.Lang ["en"]
	// Device is Hello.Device, the device identity token the client keeps
	// between runs (the browser in localStorage); "" is anonymous.
	Device string

	SendQueue int // frames Send may queue while the network is slow [64]
	Inbox     int // messages Incoming holds before the read loop waits [256]

	MinBackoff time.Duration // the first reconnect delay [250ms]
	MaxBackoff time.Duration // the longest reconnect delay [8s]
	MaxRetries int           // failed reconnects in a row before giving up [0: never]

	HelloTimeout time.Duration // how long to wait for Welcome [10s]
	PingInterval time.Duration // time between clock pings [2s]
	ClockSamples int           // samples the offset estimate picks from [8]

	// Seed seeds the reconnect jitter; 0 seeds it at random. The
	// jitter is cosmetic randomness, never sim/rng.
	Seed uint64
	// Dial opens transports [DialWebSocket].
	Dial Dialer
}

func (o *Options) defaults() {
	def := func(p *int, v int) {
		if *p <= 0 {
			*p = v
		}
	}
	defD := func(p *time.Duration, v time.Duration) {
		if *p <= 0 {
			*p = v
		}
	}
	def(&o.SendQueue, 64)
	def(&o.Inbox, 256)
	def(&o.ClockSamples, 8)
	defD(&o.MinBackoff, 250*time.Millisecond)
	defD(&o.MaxBackoff, 8*time.Second)
	defD(&o.HelloTimeout, 10*time.Second)
	defD(&o.PingInterval, 2*time.Second)
	if o.Lang == "" {
		o.Lang = "en"
	}
	if o.Dial == nil {
		o.Dial = DialWebSocket
	}
}

// Message is one server message as Incoming delivers it: Msg is a pointer
// to the message struct (*RoundStart for TypeRoundStart). Type is 0 and Msg
// a *Disconnected for the client's own connection events.
type Message struct {
	Type Type
	Seq  uint32
	Msg  any
}

// Disconnected tells that a connection ended. A Welcome follows when the
// client has reconnected (Welcome.Resumed says whether the session
// survived); with Retry false nothing follows and Incoming closes.
type Disconnected struct {
	Code  CloseCode // the server's close code, 0 if the connection broke
	Err   error
	Retry bool // the client is reconnecting
}

// Client errors.
var (
	ErrQueueFull = errors.New("netcode: send queue full")
	ErrClosed    = errors.New("netcode: client closed")
	ErrNoWelcome = errors.New("netcode: the server did not answer Hello with Welcome")
)

// Client is a connection to the server that reconnects by itself. Every
// method is safe to call from any goroutine and none waits on the network,
// so a game's Update may call Send, drain Incoming and read ServerNow.
type Client struct {
	url  string
	opts Options
	clk  *clock
	rng  *rand.Rand // the supervisor goroutine's only

	in  chan Message
	out chan []byte // frames with a fixed-width seq, numbered when written

	ctx    context.Context
	cancel context.CancelFunc
	done   chan struct{}

	mu      sync.Mutex
	session string
	tr      Transport // the current connection, nil between connections
	err     error

	pending    []byte // a frame whose write failed, sent first next time (writer only)
	closing    atomic.Bool
	reconnects atomic.Int64
	received   atomic.Int64
}

// Dial connects to url, sends Hello (ProtocolVersion, scenario.Version,
// opts.Resume) and waits for Welcome, which is the first message on
// Incoming. It blocks until then, so a game calls it from a goroutine of
// its own, never from Update. After Dial, the client reads, writes, pings
// and reconnects in goroutines of its own until Close, ctx's end, a close
// code that forbids reconnecting, or MaxRetries failures.
func Dial(ctx context.Context, url string, opts Options) (*Client, error) {
	opts.defaults()
	seed := opts.Seed
	if seed == 0 {
		// The runtime's generator (ChaCha8 seeded by the OS, or by the
		// browser's crypto.getRandomValues) is random enough for jitter and
		// keeps crypto/rand's packages out of the browser build.
		seed = rand.Uint64()
	}
	c := &Client{
		url:     url,
		opts:    opts,
		clk:     newClock(opts.ClockSamples),
		rng:     newJitter(seed),
		in:      make(chan Message, opts.Inbox),
		out:     make(chan []byte, opts.SendQueue),
		done:    make(chan struct{}),
		session: opts.Resume,
	}
	c.ctx, c.cancel = context.WithCancel(ctx)
	tr, err := c.connect(ctx)
	if err != nil {
		c.cancel()
		return nil, err
	}
	go c.run(tr)
	return c, nil
}

// newJitter is the reconnect jitter's generator.
func newJitter(seed uint64) *rand.Rand { return rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15)) }

// Send queues msg (a message struct of type t, or a pointer to one) for the
// server. It encodes at once, so the caller may reuse msg, and never waits:
// with the queue full it returns ErrQueueFull, after the client has ended
// ErrClosed. Frames queued while the client reconnects are sent after the
// next Welcome; a frame lost in a broken write is sent again.
func (c *Client) Send(t Type, msg any) error {
	if c.closing.Load() || c.ctx.Err() != nil {
		return ErrClosed
	}
	b, err := encode(t, 0, msg, true)
	if err != nil {
		return err
	}
	select {
	case c.out <- b:
		return nil
	default:
		return ErrQueueFull
	}
}

// Incoming delivers server messages in order, and Disconnected events. It
// is closed when the client ends. If nobody drains it, the read loop waits
// (the server then closes a connection that falls behind with CloseSlow).
// Pongs are consumed by the client.
func (c *Client) Incoming() <-chan Message { return c.in }

// Close says goodbye (CloseNormal) and ends the client without waiting;
// Done is closed when its goroutines have ended. Frames still queued are
// not sent.
func (c *Client) Close() {
	if !c.closing.CompareAndSwap(false, true) {
		return
	}
	c.mu.Lock()
	tr := c.tr
	c.mu.Unlock()
	if tr == nil {
		c.cancel()
		return
	}
	go func() {
		_ = tr.Close(CloseNormal, "bye") // the close handshake, then
		c.cancel()                       // the goroutines end
	}()
}

// Done is closed when the client has ended and Incoming is closed.
func (c *Client) Done() <-chan struct{} { return c.done }

// Err returns why the client ended (ErrClosed after Close, a *CloseError
// for a close code that forbids reconnecting), or nil while it runs.
func (c *Client) Err() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.err
}

// Session returns the resume token of the current session.
func (c *Client) Session() string {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.session
}

// Reconnects counts the connections made after the first.
func (c *Client) Reconnects() int { return int(c.reconnects.Load()) }

// Received counts the messages delivered on Incoming, events included.
func (c *Client) Received() int { return int(c.received.Load()) }

// Offset returns the estimated server clock minus the local clock, from
// the ping with the smallest round trip among the last ClockSamples, and
// false before the first sample (Welcome gives one).
func (c *Client) Offset() (time.Duration, bool) {
	s, ok := c.clk.best()
	return time.Duration(s.offset) * time.Millisecond, ok
}

// RTT returns the round trip of the sample Offset uses.
func (c *Client) RTT() time.Duration {
	s, _ := c.clk.best()
	return time.Duration(s.rtt) * time.Millisecond
}

// ServerMs returns the estimated server clock in Unix milliseconds, the
// unit of RoundStart.StartMs and DeadlineMs.
func (c *Client) ServerMs() int64 {
	s, _ := c.clk.best()
	return c.clk.nowMs() + s.offset
}

// ServerNow returns the estimated server clock.
func (c *Client) ServerNow() time.Time { return time.UnixMilli(c.ServerMs()) }

// hello encodes this client's Hello.
func (c *Client) hello() []byte {
	b, _ := Encode(TypeHello, 1, &Hello{Protocol: ProtocolVersion, Sim: scenario.Version, Resume: c.Session(), Lang: c.opts.Lang, Device: c.opts.Device})
	return b
}
