package server

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"runtime/debug"
	"sync/atomic"
	"time"

	"github.com/coder/websocket" // the maintained home of nhooyr.io/websocket
	"golang.org/x/time/rate"

	"github.com/osarena/osarena/netcode"
	"github.com/osarena/osarena/server/layer"
	"github.com/osarena/osarena/sim/scenario"
)

// conn is one WebSocket connection. One goroutine runs it (run: the
// handshake, then the read loop); a writer goroutine exists only while the
// inbox has frames to write (writeBurst), so an idle connection costs one
// goroutine and small buffers.
type conn struct {
	s        *Server
	ws       *websocket.Conn
	wire     *wire
	inbox    *layer.Inbox
	addr     string
	lim      *rate.Limiter
	session  *session      // set by the handshake, then read-only
	finished chan struct{} // closed by the writer once it closed the socket
	broken   atomic.Bool   // a write failed: later frames are dropped
}

// serveWS upgrades /ws and starts the connection's goroutine. It returns at
// once, so that net/http's buffers and request, which its goroutine would
// keep alive, are garbage from then on.
func (s *Server) serveWS(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	closing := s.closing
	s.mu.Unlock()
	if closing {
		http.Error(w, "shutting down", http.StatusServiceUnavailable)
		return
	}
	// Accept refuses an Origin other than the page's own host and the
	// allowed patterns with 403. Compression stays off (the default): it
	// would cost a flate state per connection for frames of tens of bytes.
	hw := &hijackWriter{ResponseWriter: w, timeout: s.cfg.WriteTimeout}
	ws, err := websocket.Accept(hw, r, &websocket.AcceptOptions{OriginPatterns: s.cfg.AllowOrigins})
	if err != nil {
		return
	}
	ws.SetReadLimit(-1) // read checks the size itself, to close with CloseTooLarge
	inbox, err := s.layer.Open()
	if err != nil {
		_ = ws.Close(websocket.StatusCode(netcode.CloseShutdown), "")
		return
	}
	c := &conn{s: s, ws: ws, wire: hw.wire, inbox: inbox, addr: clientAddr(r),
		lim: rate.NewLimiter(rate.Limit(s.cfg.MaxPerSec), s.cfg.Burst), finished: make(chan struct{})}
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
	go func() {
		defer func() {
			s.mu.Lock()
			delete(s.conns, c)
			s.mu.Unlock()
			s.metrics.conns.Add(-1)
			s.wg.Done()
		}()
		c.run()
	}()
}

// logger is the connection's logger, made when something is logged.
func (c *conn) logger() *slog.Logger {
	return c.s.cfg.Log.With("conn", c.inbox.Name(), "addr", c.addr)
}

// run is the connection's life: handshake, writer, read loop, cleanup.
func (c *conn) run() {
	s := c.s
	ch := c.inbox.Name()
	code, ok := c.safe(c.handshake)
	if ok {
		c.inbox.OnWake(func() { go c.writeBurst() })
		code, _ = c.safe(c.readLoop)
		if code == 0 {
			code = netcode.CloseNormal
		}
		s.layer.Close(ch, code) // the writer closes the socket with the inbox's code
		t := time.NewTimer(s.cfg.WriteTimeout + 5*time.Second)
		select {
		case <-c.finished:
		case <-t.C:
		}
		t.Stop()
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
			c.logger().Warn("drop not delivered", "room", r.Code(), "err", err)
		}
	}
}

// safe runs f, turning a panic into a logged CloseBadMessage so one bad
// client never takes the process down.
func (c *conn) safe(f func() (netcode.CloseCode, bool)) (code netcode.CloseCode, ok bool) {
	defer func() {
		if v := recover(); v != nil {
			c.logger().Error("connection panic", "panic", v, "stack", string(debug.Stack()))
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
	// No context: one would cost a registration per read. Close and
	// Shutdown end a blocked read by closing the socket.
	typ, r, err := c.ws.Reader(context.Background())
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
	var fe *netcode.FrameError
	switch {
	case errors.As(err, &fe) && fe.Type == netcode.TypeHello && errors.Is(err, netcode.ErrBody):
		// Another version's Hello (its field count differs): the client
		// must reload, not retry.
		s.metrics.badFrames.Add(1)
		return netcode.CloseProtocolVersion, false
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
	case len(h.Device) > maxDevice:
		return netcode.CloseBadMessage, false
	}
	ss, old, resumed, stale := s.attach(c, h.Resume)
	if stale {
		return netcode.CloseResumeStale, false
	}
	c.session = ss
	if h.Device != "" {
		s.mu.Lock()
		ss.device = h.Device
		s.mu.Unlock()
	}
	if old != nil {
		s.layer.Close(old.inbox.Name(), netcode.CloseTakenOver)
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
	if !c.writeFrames([][]byte{welcome}) {
		return netcode.CloseNormal, false
	}
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

// writeBurst is the writer: started by the inbox's wake-up, it writes what
// the inbox holds until the inbox is idle again, then ends. Once the inbox
// is closed it closes the socket with its code (after writing what was
// queued, unless the code is CloseSlow: a slow client would only fall
// further behind) and closes c.finished. Only one runs at a time (see
// layer.Inbox).
func (c *conn) writeBurst() {
	defer func() {
		if v := recover(); v != nil {
			c.logger().Error("writer panic", "panic", v, "stack", string(debug.Stack()))
			c.broken.Store(true)
			_ = c.ws.CloseNow()
			go c.writeBurst() // drain to the close, so that run sees finished
		}
	}()
	var arr [16][]byte
	first := true
	for {
		frames, code := c.inbox.Take(arr[:0])
		if code == netcode.CloseSlow {
			frames = nil
		}
		if len(frames) > 0 {
			if !c.broken.Load() && !c.writeFrames(frames) {
				c.broken.Store(true)
				_ = c.ws.CloseNow()
			}
			if first {
				c.s.metrics.writeDelay.observe(time.Since(c.inbox.WokeAt()))
				first = false
			}
			clear(frames)
			continue
		}
		if code == 0 {
			return // idle: the next frame starts another writer
		}
		if !c.broken.Load() {
			c.s.metrics.closed(code)
			_ = c.ws.Close(websocket.StatusCode(code), "")
		}
		close(c.finished)
		return
	}
}

// writeFrames writes frames, one WebSocket message each, in as few socket
// writes as their size allows; it reports false when a write failed.
func (c *conn) writeFrames(frames [][]byte) bool {
	c.wire.hold()
	for _, b := range frames {
		// No context: the wire's write deadline bounds every socket write.
		if err := c.ws.Write(context.Background(), websocket.MessageBinary, b); err != nil {
			c.logger().Debug("write failed", "err", err)
			_ = c.wire.release()
			return false
		}
		if c.wire.full() {
			if err := c.wire.flush(); err != nil {
				_ = c.wire.release()
				return false
			}
		}
	}
	if err := c.wire.release(); err != nil {
		c.logger().Debug("write failed", "err", err)
		return false
	}
	c.s.metrics.msgsOut.Add(uint64(len(frames)))
	return true
}
