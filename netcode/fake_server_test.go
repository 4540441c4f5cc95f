// fakeServer is a fake OS Arena server for tests: it follows the
// protocol of package netcode minimally (Hello/Welcome with resume, Ping,
// rooms, a quiz match with questions from sim/quiz graded by the server),
// listens on 127.0.0.1 on a free port, and lets a test drop or close
// connections. It is not the real server (package server) and keeps no
// state past its life. All methods are safe for concurrent use. (It lives
// in test files: internal/deptest allows no netcode subpackage to import
// netcode.)
package netcode_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"time"

	"github.com/coder/websocket"

	"github.com/osarena/osarena/netcode"
	"github.com/osarena/osarena/sim/scenario"
)

type fakeServer struct {
	URL string // ws://127.0.0.1:port/ws

	hs      *httptest.Server
	roomsMu sync.Mutex // every room's state

	mu       sync.Mutex
	skew     time.Duration
	hellos   []netcode.Hello
	conns    map[*conn]bool
	sessions int
	rooms    map[string]*room
	seed     uint64
	silent   bool // do not answer Hello (a stuck server)
}

// newFakeServer starts a fake server; Close stops it.
func newFakeServer() *fakeServer {
	s := &fakeServer{conns: map[*conn]bool{}, rooms: map[string]*room{}}
	s.hs = httptest.NewServer(http.HandlerFunc(s.serve))
	s.URL = "ws" + strings.TrimPrefix(s.hs.URL, "http") + "/ws"
	return s
}

// Close closes every connection and stops the server.
func (s *fakeServer) Close() {
	s.CloseAll(netcode.CloseShutdown)
	s.hs.Close()
}

// SetSkew makes the server clock run d ahead of the real one.
func (s *fakeServer) SetSkew(d time.Duration) { s.mu.Lock(); s.skew = d; s.mu.Unlock() }

func (s *fakeServer) nowMs() int64 {
	s.mu.Lock()
	defer s.mu.Unlock()
	return time.Now().Add(s.skew).UnixMilli()
}

// Hellos returns every Hello received, in order.
func (s *fakeServer) Hellos() []netcode.Hello {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]netcode.Hello(nil), s.hellos...)
}

// Conns returns how many connections are open.
func (s *fakeServer) Conns() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.conns)
}

// DropAll breaks every connection without a close frame, as a network
// failure would.
func (s *fakeServer) DropAll() {
	for _, c := range s.snapshot() {
		_ = c.ws.CloseNow()
	}
}

// CloseAll closes every connection with code.
func (s *fakeServer) CloseAll(code netcode.CloseCode) {
	for _, c := range s.snapshot() {
		_ = c.ws.Close(websocket.StatusCode(code), "test")
	}
}

func (s *fakeServer) snapshot() []*conn {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]*conn, 0, len(s.conns))
	for c := range s.conns {
		out = append(out, c)
	}
	return out
}

// conn is one client connection. Its writes are serialised by coder/websocket.
type conn struct {
	s       *fakeServer
	ws      *websocket.Conn
	seq     uint32
	session string
	room    *room
	player  uint32
	mu      sync.Mutex // guards seq
}

func (c *conn) send(t netcode.Type, msg any) {
	c.mu.Lock()
	c.seq++
	seq := c.seq
	c.mu.Unlock()
	b, err := netcode.Encode(t, seq, msg)
	if err != nil {
		panic(fmt.Sprintf("fake server: encode %v: %v", t, err))
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	_ = c.ws.Write(ctx, websocket.MessageBinary, b)
}

func (s *fakeServer) serve(w http.ResponseWriter, r *http.Request) {
	ws, err := websocket.Accept(w, r, nil)
	if err != nil {
		return
	}
	ws.SetReadLimit(64 << 10)
	c := &conn{s: s, ws: ws}
	s.mu.Lock()
	s.conns[c] = true
	s.mu.Unlock()
	defer func() {
		s.mu.Lock()
		delete(s.conns, c)
		s.mu.Unlock()
		if c.room != nil {
			c.room.disconnected(c)
		}
		_ = ws.CloseNow()
	}()
	ctx := r.Context()
	first := true
	for {
		_, b, err := ws.Read(ctx)
		if err != nil {
			return
		}
		t, _, msg, err := netcode.Decode(b)
		if err != nil {
			_ = ws.Close(websocket.StatusCode(netcode.CloseBadMessage), "")
			return
		}
		if first {
			first = false
			h, ok := msg.(*netcode.Hello)
			if !ok {
				_ = ws.Close(websocket.StatusCode(netcode.CloseNoHello), "")
				return
			}
			if !s.hello(c, h) {
				return
			}
			continue
		}
		s.handle(c, t, msg)
	}
}

// hello answers Hello: a wrong version closes with its code; a known
// resume token resumes the session.
func (s *fakeServer) hello(c *conn, h *netcode.Hello) bool {
	s.mu.Lock()
	s.hellos = append(s.hellos, *h)
	silent := s.silent
	s.mu.Unlock()
	switch {
	case h.Protocol != netcode.ProtocolVersion:
		_ = c.ws.Close(websocket.StatusCode(netcode.CloseProtocolVersion), "")
		return false
	case h.Sim != scenario.Version:
		_ = c.ws.Close(websocket.StatusCode(netcode.CloseSimVersion), "")
		return false
	case silent:
		return true
	}
	resumed := false
	s.mu.Lock()
	if h.Resume != "" && strings.HasPrefix(h.Resume, "s") && len(h.Resume) > 1 {
		c.session, resumed = h.Resume, true
	} else {
		s.sessions++
		c.session = fmt.Sprintf("s%d", s.sessions)
	}
	s.mu.Unlock()
	c.send(netcode.TypeWelcome, &netcode.Welcome{Session: c.session, ServerMs: s.nowMs(), Resumed: resumed, GraceMs: 60000, MaxPerSec: 50, MaxMsgSize: 64 << 10})
	if resumed {
		s.resume(c)
	}
	return true
}

// SetSilent makes the server take Hello without answering.
func (s *fakeServer) SetSilent(on bool) { s.mu.Lock(); s.silent = on; s.mu.Unlock() }

func (s *fakeServer) handle(c *conn, t netcode.Type, msg any) {
	switch m := msg.(type) {
	case *netcode.Ping:
		c.send(netcode.TypePong, &netcode.Pong{ClientMs: m.ClientMs, ServerMs: s.nowMs()})
	case *netcode.CreateRoom:
		s.createRoom(c, m)
	case *netcode.JoinRoom:
		s.joinRoom(c, m)
	case *netcode.StartMatch, *netcode.Next, *netcode.Answer:
		if c.room == nil {
			c.send(netcode.TypeError, &netcode.Error{Code: netcode.ErrNotInRoom, About: t})
			return
		}
		c.room.input(c, t, msg)
	default:
		c.send(netcode.TypeError, &netcode.Error{Code: netcode.ErrWrongPhase, About: t})
	}
}
