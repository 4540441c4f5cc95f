package server

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"runtime/debug"
	"time"

	"github.com/coder/websocket" // the maintained home of nhooyr.io/websocket
	"golang.org/x/time/rate"

	"github.com/osarena/osarena/netcode"
	"github.com/osarena/osarena/server/layer"
	"github.com/osarena/osarena/sim/scenario"
)

// conn is one WebSocket connection. Its reader runs on the HTTP handler's
// goroutine; its writer is the only goroutine that writes to ws once the
// handshake is done.
type conn struct {
	s       *Server
	ws      *websocket.Conn
	inbox   *layer.Inbox
	addr    string
	log     *slog.Logger
	lim     *rate.Limiter
	session *session // set by the handshake, then read-only
}

// serveWS upgrades /ws and runs the connection until it ends.
func (s *Server) serveWS(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	closing := s.closing
	s.mu.Unlock()
	if closing {
		http.Error(w, "shutting down", http.StatusServiceUnavailable)
		return
	}
	// Accept refuses an Origin other than the page's own host and the
	// allowed patterns with 403.
	ws, err := websocket.Accept(w, r, &websocket.AcceptOptions{OriginPatterns: s.cfg.AllowOrigins})
	if err != nil {
		return
	}
	ws.SetReadLimit(-1) // read checks the size itself, to close with CloseTooLarge
	inbox, err := s.layer.Open()
	if err != nil {
		_ = ws.Close(websocket.StatusCode(netcode.CloseShutdown), "")
		return
	}
	c := &conn{s: s, ws: ws, inbox: inbox, addr: clientAddr(r),
		lim: rate.NewLimiter(rate.Limit(s.cfg.MaxPerSec), s.cfg.Burst)}
	c.log = s.cfg.Log.With("conn", inbox.Name(), "addr", c.addr)
	s.mu.Lock()
	if s.closing {
		s.mu.Unlock()
		s.layer.Close(inbox.Name(), netcode.CloseShutdown)
		_ = ws.Close(websocket.StatusCode(netcode.CloseShutdown), "")
		return
	}
	s.conns[c] = struct{}{}
	s.wg.Add(1)
	s.mu.Unlock()
	s.metrics.conns.Add(1)
	s.metrics.connsTotal.Add(1)
	defer func() {
		s.mu.Lock()
		delete(s.conns, c)
		s.mu.Unlock()
		s.metrics.conns.Add(-1)
		s.wg.Done()
	}()
	c.run()
}

// run is the connection's life: handshake, writer, read loop, cleanup.
func (c *conn) run() {
	s := c.s
	ch := c.inbox.Name()
	code, ok := c.safe(c.handshake)
	if ok {
		writerDone := make(chan struct{})
		go c.writeLoop(writerDone)
		code, _ = c.safe(c.readLoop)
		if code == 0 {
			code = netcode.CloseNormal
		}
		s.layer.Close(ch, code) // the writer closes the socket with the inbox's code
		select {
		case <-writerDone:
		case <-time.After(s.cfg.WriteTimeout + 5*time.Second):
		}
	} else {
		s.layer.Close(ch, max(code, netcode.CloseNormal))
		if code != 0 {
			c.closeDirect(code)
		}
	}
	_ = c.ws.CloseNow()
	if c.session == nil {
		return
	}
	if r := s.detach(c); r != nil {
		if err := r.Submit(roomDrop(c)); err != nil {
			c.log.Warn("drop not delivered", "room", r.Code(), "err", err)
		}
	}
}

// safe runs f, turning a panic into a logged CloseBadMessage so one bad
// client never takes the process down.
func (c *conn) safe(f func() (netcode.CloseCode, bool)) (code netcode.CloseCode, ok bool) {
	defer func() {
		if v := recover(); v != nil {
			c.log.Error("connection panic", "panic", v, "stack", string(debug.Stack()))
			code, ok = netcode.CloseBadMessage, false
		}
	}()
	return f()
}

// closeDirect closes the socket before the writer runs.
func (c *conn) closeDirect(code netcode.CloseCode) {
	c.s.metrics.closed(code)
	_ = c.ws.Close(websocket.StatusCode(code), "")
}

// read returns the next frame, or the code to close with (0 when the peer
// has gone or the connection was closed from our side).
func (c *conn) read() ([]byte, netcode.CloseCode) {
	typ, r, err := c.ws.Reader(c.s.ctx)
	if err != nil {
		return nil, 0
	}
	if typ != websocket.MessageBinary {
		return nil, netcode.CloseBadMessage
	}
	b, err := io.ReadAll(io.LimitReader(r, int64(c.s.cfg.MaxMsgSize)+1))
	switch {
	case len(b) > c.s.cfg.MaxMsgSize:
		return nil, netcode.CloseTooLarge
	case err != nil:
		return nil, 0
	}
	c.s.metrics.msgsIn.Add(1)
	return b, 0
}

// handshake reads Hello, checks the versions, attaches the session (and
// its seat, when resuming), and writes Welcome directly, before the writer
// starts: frames the room queues meanwhile follow it in order.
func (c *conn) handshake() (netcode.CloseCode, bool) {
	s := c.s
	timer := time.AfterFunc(s.cfg.HelloTimeout, func() { c.closeDirect(netcode.CloseNoHello) })
	b, code := c.read()
	if !timer.Stop() {
		return 0, false // closed by the timer
	}
	if code != 0 || b == nil {
		return code, false
	}
	t, _, msg, err := netcode.Decode(b)
	switch {
	case err != nil:
		s.metrics.badFrames.Add(1)
		return netcode.CloseBadMessage, false
	case t != netcode.TypeHello:
		return netcode.CloseNoHello, false
	}
	h := msg.(*netcode.Hello)
	switch {
	case h.Protocol != netcode.ProtocolVersion:
		return netcode.CloseProtocolVersion, false
	case h.Sim != scenario.Version:
		return netcode.CloseSimVersion, false
	}
	ss, old, resumed, stale := s.attach(c, h.Resume)
	if stale {
		return netcode.CloseResumeStale, false
	}
	c.session = ss
	if old != nil {
		s.layer.Close(old.inbox.Name(), netcode.CloseReplaced)
	}
	if r := s.roomOf(ss); resumed && r != nil {
		rep, ok := c.ask(r, roomResume(c))
		if !ok || rep.Err != netcode.ErrNone {
			s.setRoom(ss, nil) // the seat is gone: a fresh start, same session
			resumed = false
		}
	} else {
		resumed = false
	}
	welcome, err := netcode.Encode(netcode.TypeWelcome, 0, netcode.Welcome{
		Session: ss.token, ServerMs: time.Now().UnixMilli(), Resumed: resumed,
		GraceMs: s.cfg.Grace.Milliseconds(), MaxPerSec: uint16(min(s.cfg.MaxPerSec, 65535)),
		MaxMsgSize: uint32(s.cfg.MaxMsgSize),
	})
	if err != nil {
		return netcode.CloseShutdown, false
	}
	ctx, cancel := context.WithTimeout(s.ctx, s.cfg.WriteTimeout)
	defer cancel()
	if err := c.ws.Write(ctx, websocket.MessageBinary, welcome); err != nil {
		return netcode.CloseNormal, false
	}
	s.metrics.msgsOut.Add(1)
	return 0, true
}

// readLoop reads, limits and dispatches frames until the connection ends
// or the client breaks a rule; it returns the close code (0: peer gone).
func (c *conn) readLoop() (netcode.CloseCode, bool) {
	s := c.s
	idle := time.AfterFunc(s.cfg.IdleTimeout, func() { s.layer.Close(c.inbox.Name(), netcode.CloseIdle) })
	defer idle.Stop()
	for {
		b, code := c.read()
		if b == nil {
			return code, true
		}
		idle.Reset(s.cfg.IdleTimeout)
		if !c.lim.Allow() {
			return netcode.CloseRateLimited, true
		}
		t, _, msg, err := netcode.Decode(b)
		if err != nil {
			s.metrics.badFrames.Add(1)
			return netcode.CloseBadMessage, true
		}
		if code := c.dispatch(t, msg); code != 0 {
			return code, true
		}
	}
}

// writeLoop writes the inbox's frames until it is closed, then closes the
// socket with its code (after flushing what was queued, unless the code is
// CloseSlow: a slow client would only fall further behind).
func (c *conn) writeLoop(done chan<- struct{}) {
	defer close(done)
	defer func() {
		if v := recover(); v != nil {
			c.log.Error("writer panic", "panic", v, "stack", string(debug.Stack()))
			_ = c.ws.CloseNow()
		}
	}()
	s := c.s
	write := func(b []byte) bool {
		ctx, cancel := context.WithTimeout(s.ctx, s.cfg.WriteTimeout)
		defer cancel()
		if err := c.ws.Write(ctx, websocket.MessageBinary, b); err != nil {
			if !errors.Is(err, context.Canceled) {
				c.log.Debug("write failed", "err", err)
			}
			_ = c.ws.CloseNow()
			return false
		}
		s.metrics.msgsOut.Add(1)
		return true
	}
	for {
		select {
		case b := <-c.inbox.C():
			if !write(b) {
				return
			}
		case <-c.inbox.Done():
			code := c.inbox.Code()
			for code != netcode.CloseSlow && c.inbox.Len() > 0 {
				if !write(<-c.inbox.C()) {
					return
				}
			}
			c.s.metrics.closed(code)
			_ = c.ws.Close(websocket.StatusCode(code), "")
			return
		}
	}
}
