package server

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/coder/websocket"

	"github.com/osarena/osarena/netcode"
	"github.com/osarena/osarena/sim/scenario"
)

// newTestServer runs a server on 127.0.0.1 and returns its ws:// URL.
func newTestServer(t testing.TB, cfg Config) (*Server, string) {
	t.Helper()
	if cfg.Log == nil {
		cfg.Log = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	s, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	hs := httptest.NewServer(s.Handler())
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		_ = s.Shutdown(ctx)
		hs.Close()
	})
	return s, "ws" + strings.TrimPrefix(hs.URL, "http") + "/ws"
}

// client is a bare WebSocket test client speaking netcode frames.
type client struct {
	t   *testing.T
	ws  *websocket.Conn
	seq uint32
	// Filled in by hello and join.
	session  string
	playerID uint32
	code     string
}

func dial(t *testing.T, url string) *client {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	ws, _, err := websocket.Dial(ctx, url, nil)
	if err != nil {
		t.Fatalf("dial %s: %v", url, err)
	}
	ws.SetReadLimit(1 << 20)
	c := &client{t: t, ws: ws}
	t.Cleanup(func() { _ = ws.CloseNow() })
	return c
}

func (c *client) sendRaw(b []byte) error {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	return c.ws.Write(ctx, websocket.MessageBinary, b)
}

func (c *client) send(t netcode.Type, msg any) {
	c.t.Helper()
	c.seq++
	b, err := netcode.Encode(t, c.seq, msg)
	if err != nil {
		c.t.Fatalf("Encode(%v): %v", t, err)
	}
	if err := c.sendRaw(b); err != nil {
		c.t.Fatalf("send %v: %v", t, err)
	}
}

// recv returns the next message, failing after 5 s.
func (c *client) recv() (netcode.Type, any) {
	c.t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	typ, b, err := c.ws.Read(ctx)
	if err != nil {
		c.t.Fatalf("read: %v", err)
	}
	if typ != websocket.MessageBinary {
		c.t.Fatalf("got a %v frame; want binary", typ)
	}
	mt, _, msg, err := netcode.Decode(b)
	if err != nil {
		c.t.Fatalf("Decode: %v", err)
	}
	return mt, msg
}

// expect reads until a message of type want arrives (skipping others) and
// returns it.
func expect[T any](c *client, want netcode.Type) *T {
	c.t.Helper()
	for range 100 {
		t, msg := c.recv()
		if t == want {
			return msg.(*T)
		}
		if e, ok := msg.(*netcode.Error); ok && want != netcode.TypeError {
			c.t.Fatalf("waiting for %v: got Error %+v", want, e)
		}
	}
	c.t.Fatalf("no %v in 100 messages", want)
	return nil
}

// closed reads until the connection ends and returns the close code.
func (c *client) closed() netcode.CloseCode {
	c.t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	for {
		_, _, err := c.ws.Read(ctx)
		if err != nil {
			if errors.Is(err, context.DeadlineExceeded) {
				c.t.Fatalf("connection still open after 10 s")
			}
			return netcode.CloseCode(websocket.CloseStatus(err))
		}
	}
}

func (c *client) hello(resume string) *netcode.Welcome {
	c.t.Helper()
	c.send(netcode.TypeHello, netcode.Hello{Protocol: netcode.ProtocolVersion, Sim: scenario.Version, Resume: resume, Lang: "en"})
	w := expect[netcode.Welcome](c, netcode.TypeWelcome)
	c.session = w.Session
	return w
}

func (c *client) create(nick string, s netcode.Settings) {
	c.t.Helper()
	c.send(netcode.TypeCreateRoom, netcode.CreateRoom{Nickname: nick, Settings: s})
	j := expect[netcode.RoomJoined](c, netcode.TypeRoomJoined)
	c.playerID, c.code = j.PlayerID, j.Code
	if j.HostToken == "" {
		c.t.Fatalf("host's RoomJoined has no host token")
	}
}

func (c *client) join(code, nick string) {
	c.t.Helper()
	c.send(netcode.TypeJoinRoom, netcode.JoinRoom{Code: code, Nickname: nick})
	j := expect[netcode.RoomJoined](c, netcode.TypeRoomJoined)
	c.playerID, c.code = j.PlayerID, j.Code
}

// anyAnswer is a well-formed answer to q (right or not).
func anyAnswer(q netcode.Question) []int64 {
	switch q.Kind {
	case "choice":
		return []int64{q.Choices[0].Value}
	case "slots":
		return make([]int64, q.Slots)
	}
	return []int64{0}
}
