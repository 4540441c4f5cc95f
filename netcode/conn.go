package netcode

import (
	"context"
	"errors"
	"fmt"
	"time"
)

// connect dials, sends Hello and waits for Welcome, which it delivers. The
// Hello → Welcome round trip is the first clock sample.
func (c *Client) connect(ctx context.Context) (Transport, error) {
	ctx, cancel := context.WithTimeout(ctx, c.opts.HelloTimeout)
	defer cancel()
	tr, err := c.opts.Dial(ctx, c.url)
	if err != nil {
		return nil, fmt.Errorf("netcode: dial: %w", err)
	}
	t0 := c.clk.nowMs()
	if err := tr.WriteFrame(ctx, c.hello()); err != nil {
		_ = tr.Close(CloseNormal, "")
		return nil, fmt.Errorf("netcode: hello: %w", err)
	}
	frame, err := tr.ReadFrame(ctx)
	if err != nil {
		_ = tr.Close(CloseNormal, "")
		return nil, fmt.Errorf("netcode: hello: %w", err)
	}
	t1 := c.clk.nowMs()
	typ, seq, msg, err := Decode(frame)
	if err != nil || typ != TypeWelcome {
		_ = tr.Close(CloseBadMessage, "")
		return nil, errors.Join(ErrNoWelcome, err)
	}
	w := msg.(*Welcome)
	c.clk.add(t0, w.ServerMs, t1)
	c.mu.Lock()
	c.session = w.Session
	c.tr = tr
	c.mu.Unlock()
	if !c.deliver(c.ctx, Message{typ, seq, w}) {
		_ = tr.Close(CloseNormal, "")
		return nil, ErrClosed
	}
	return tr, nil
}

// deliver puts m on Incoming, waiting while the inbox is full.
func (c *Client) deliver(ctx context.Context, m Message) bool {
	select {
	case c.in <- m:
		c.received.Add(1)
		return true
	case <-ctx.Done():
		return false
	}
}

// run is the supervisor: it serves each connection and reconnects until
// the client ends.
func (c *Client) run(tr Transport) {
	defer close(c.done)
	defer close(c.in)
	for {
		err := c.serve(tr)
		c.mu.Lock()
		c.tr = nil
		c.mu.Unlock()
		if c.ctx.Err() != nil || c.closing.Load() {
			c.finish(ErrClosed)
			return
		}
		code := CloseCodeOf(err)
		if code != 0 && !code.MayReconnect() {
			c.deliver(c.ctx, Message{Msg: &Disconnected{Code: code, Err: err}})
			c.finish(err)
			return
		}
		c.deliver(c.ctx, Message{Msg: &Disconnected{Code: code, Err: err, Retry: true}})
		if tr, err = c.reconnect(code); err != nil {
			c.deliver(c.ctx, Message{Msg: &Disconnected{Code: CloseCodeOf(err), Err: err}})
			c.finish(err)
			return
		}
		c.reconnects.Add(1)
	}
}

// reconnect dials again with backoff until it gets a Welcome.
func (c *Client) reconnect(code CloseCode) (Transport, error) {
	for attempt := 1; ; attempt++ {
		if code == CloseResumeStale {
			c.mu.Lock()
			c.session = ""
			c.mu.Unlock()
		}
		t := time.NewTimer(c.backoff(attempt))
		select {
		case <-c.ctx.Done():
			t.Stop()
			return nil, ErrClosed
		case <-t.C:
		}
		tr, err := c.connect(c.ctx)
		if err == nil {
			return tr, nil
		}
		if c.ctx.Err() != nil || c.closing.Load() {
			return nil, ErrClosed
		}
		code = CloseCodeOf(err)
		if code != 0 && !code.MayReconnect() {
			return nil, err
		}
		if c.opts.MaxRetries > 0 && attempt >= c.opts.MaxRetries {
			return nil, fmt.Errorf("netcode: gave up after %d attempts: %w", attempt, err)
		}
	}
}

// backoff is the delay before reconnect attempt n (1-based): exponential
// from MinBackoff, capped at MaxBackoff, with "equal jitter" (uniform in
// [d/2, d]) so that clients dropped together do not return together.
func (c *Client) backoff(n int) time.Duration {
	d := c.opts.MinBackoff
	for i := 1; i < n && d < c.opts.MaxBackoff; i++ {
		d *= 2
	}
	d = min(d, c.opts.MaxBackoff)
	return d/2 + time.Duration(c.rng.Int64N(int64(d/2)+1))
}

func (c *Client) finish(err error) {
	c.mu.Lock()
	c.err = err
	c.mu.Unlock()
	c.cancel()
}

// serve runs one connection: a writer goroutine sends queued frames and
// pings, this goroutine reads and delivers. It returns the error that
// ended the connection.
func (c *Client) serve(tr Transport) error {
	ctx, cancel := context.WithCancel(c.ctx)
	werr := make(chan error, 1)
	go func() {
		werr <- c.write(ctx, tr)
		cancel() // a failed write ends the read too
	}()
	rerr := c.read(ctx, tr)
	cancel()
	err := <-werr
	if c.ctx.Err() == nil && !c.closing.Load() && CloseCodeOf(rerr) == 0 {
		// A broken connection, a bad frame or a failed write: say so.
		code := CloseNormal
		if errors.Is(rerr, ErrBadFrame) {
			code = CloseBadMessage
		}
		_ = tr.Close(code, "")
	}
	if errors.Is(rerr, context.Canceled) && err != nil && !errors.Is(err, context.Canceled) {
		return err // the write failed first
	}
	return rerr
}

// read delivers the connection's messages until it fails.
func (c *Client) read(ctx context.Context, tr Transport) error {
	for {
		frame, err := tr.ReadFrame(ctx)
		if err != nil {
			return err
		}
		now := c.clk.nowMs()
		typ, seq, msg, err := Decode(frame)
		if err != nil {
			return err
		}
		if p, ok := msg.(*Pong); ok {
			c.clk.add(p.ClientMs, p.ServerMs, now)
			continue
		}
		if !c.deliver(ctx, Message{typ, seq, msg}) {
			return ctx.Err()
		}
	}
}

// pingBurst is how many pings go out 100 ms apart after connecting, so the
// offset settles quickly; then one per PingInterval.
const pingBurst = 4

// write sends queued frames, numbering them from 2 (Hello was 1), and
// pings. It returns when ctx ends or a write fails.
func (c *Client) write(ctx context.Context, tr Transport) error {
	seq := uint32(2)
	send := func(frame []byte) error {
		setSeq(frame, seq)
		seq++
		if err := tr.WriteFrame(ctx, frame); err != nil {
			return err
		}
		return nil
	}
	if c.pending != nil {
		if err := send(c.pending); err != nil {
			return err
		}
		c.pending = nil
	}
	pings := 0
	ping := time.NewTimer(0)
	defer ping.Stop()
	for {
		select {
		case <-ctx.Done():
			return ctx.Err()
		case frame := <-c.out:
			if err := send(frame); err != nil {
				c.pending = frame
				return err
			}
		case <-ping.C:
			b, _ := encode(TypePing, 0, &Ping{ClientMs: c.clk.nowMs()}, true)
			if err := send(b); err != nil {
				return err
			}
			pings++
			next := c.opts.PingInterval
			if pings < pingBurst {
				next = min(next, 100*time.Millisecond)
			}
			ping.Reset(next)
		}
	}
}
