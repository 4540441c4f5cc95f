package netcode_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/osarena/osarena/netcode"
	"github.com/osarena/osarena/sim/scenario"
)

// fast are client options for tests: quick backoff and pings.
func fast() netcode.Options {
	return netcode.Options{MinBackoff: 10 * time.Millisecond, MaxBackoff: 50 * time.Millisecond, PingInterval: 100 * time.Millisecond, HelloTimeout: 2 * time.Second, Seed: 1}
}

func dial(t *testing.T, srv *fakeServer, opts netcode.Options) *netcode.Client {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	c, err := netcode.Dial(ctx, srv.URL, opts)
	if err != nil {
		cancel()
		t.Fatalf("Dial(%s) error: %v", srv.URL, err)
	}
	t.Cleanup(func() {
		c.Close()
		select {
		case <-c.Done():
		case <-time.After(5 * time.Second):
			t.Error("client did not end within 5 s of Close")
		}
		cancel()
	})
	return c
}

// next waits for the next message of type want (0: a Disconnected),
// skipping others.
func next(t *testing.T, c *netcode.Client, want netcode.Type) netcode.Message {
	t.Helper()
	timeout := time.After(5 * time.Second)
	for {
		select {
		case m, ok := <-c.Incoming():
			if !ok {
				t.Fatalf("Incoming closed waiting for %v (Err %v)", want, c.Err())
			}
			if m.Type == want {
				return m
			}
		case <-timeout:
			t.Fatalf("no %v within 5 s", want)
		}
	}
}

func TestDialSendsHelloAndDeliversWelcome(t *testing.T) {
	srv := newFakeServer()
	defer srv.Close()
	opts := fast()
	opts.Lang = "ko"
	opts.Device = "device-1"
	opts.Resume = "" // a new session
	c := dial(t, srv, opts)
	w := next(t, c, netcode.TypeWelcome).Msg.(*netcode.Welcome)
	if w.Session == "" || w.Resumed {
		t.Errorf("Welcome = %+v; want a new session", w)
	}
	if got := c.Session(); got != w.Session {
		t.Errorf("Session() = %q; want %q", got, w.Session)
	}
	hs := srv.Hellos()
	want := netcode.Hello{Protocol: netcode.ProtocolVersion, Sim: scenario.Version, Lang: "ko", Device: "device-1"}
	if len(hs) != 1 || hs[0] != want {
		t.Errorf("server got Hellos %+v; want [%+v]", hs, want)
	}
}

func TestReconnectsWithResumeTokenAfterDrop(t *testing.T) {
	srv := newFakeServer()
	defer srv.Close()
	c := dial(t, srv, fast())
	w := next(t, c, netcode.TypeWelcome).Msg.(*netcode.Welcome)

	srv.DropAll()
	d := next(t, c, 0).Msg.(*netcode.Disconnected)
	if !d.Retry || d.Code != 0 {
		t.Errorf("Disconnected = %+v; want Retry with no close code", d)
	}
	// Sent while disconnected: queued and delivered after the reconnect.
	if err := c.Send(netcode.TypeCreateRoom, &netcode.CreateRoom{Nickname: "host"}); err != nil {
		t.Fatalf("Send while reconnecting: %v", err)
	}
	w2 := next(t, c, netcode.TypeWelcome).Msg.(*netcode.Welcome)
	if !w2.Resumed || w2.Session != w.Session {
		t.Errorf("Welcome after reconnect = %+v; want resumed session %q", w2, w.Session)
	}
	next(t, c, netcode.TypeRoomJoined)
	hs := srv.Hellos()
	if len(hs) != 2 || hs[1].Resume != w.Session {
		t.Errorf("Hellos = %+v; want a second Hello resuming %q", hs, w.Session)
	}
	if got := c.Reconnects(); got != 1 {
		t.Errorf("Reconnects() = %d; want 1", got)
	}
}

func TestCloseCodesDecideReconnect(t *testing.T) {
	tests := []struct {
		code       netcode.CloseCode
		reconnect  bool
		wantResume bool // the second Hello carries the token
	}{
		{netcode.CloseShutdown, true, true},
		{netcode.CloseSlow, true, true},
		{netcode.CloseResumeStale, true, false},
		{netcode.CloseNormal, false, false},
		{netcode.CloseProtocolVersion, false, false},
		{netcode.CloseBadMessage, false, false},
		{netcode.CloseKicked, false, false},
		{4999, false, false},
	}
	for _, tt := range tests {
		srv := newFakeServer()
		c := dial(t, srv, fast())
		next(t, c, netcode.TypeWelcome)
		srv.CloseAll(tt.code)
		d := next(t, c, 0).Msg.(*netcode.Disconnected)
		if d.Code != tt.code || d.Retry != tt.reconnect {
			t.Errorf("close %d: Disconnected = %+v; want Code %d, Retry %v", tt.code, d, tt.code, tt.reconnect)
		}
		if tt.reconnect {
			next(t, c, netcode.TypeWelcome)
			hs := srv.Hellos()
			if got := hs[len(hs)-1].Resume != ""; got != tt.wantResume {
				t.Errorf("close %d: reconnect Hello %+v carries a token = %v; want %v", tt.code, hs[len(hs)-1], got, tt.wantResume)
			}
		} else {
			select {
			case <-c.Done():
			case <-time.After(5 * time.Second):
				t.Fatalf("close %d: client still running", tt.code)
			}
			if got := netcode.CloseCodeOf(c.Err()); got != tt.code {
				t.Errorf("close %d: Err() = %v; want its close code", tt.code, c.Err())
			}
			time.Sleep(100 * time.Millisecond) // several backoffs
			if n := len(srv.Hellos()); n != 1 {
				t.Errorf("close %d: server got %d Hellos; want 1 (no reconnect)", tt.code, n)
			}
			if err := c.Send(netcode.TypePing, &netcode.Ping{}); !errors.Is(err, netcode.ErrClosed) {
				t.Errorf("close %d: Send after the end = %v; want ErrClosed", tt.code, err)
			}
		}
		srv.Close()
	}
}

func TestClockOffsetOnLoopback(t *testing.T) {
	for _, skew := range []time.Duration{0, 5 * time.Second, -90 * time.Minute} {
		srv := newFakeServer()
		srv.SetSkew(skew)
		c := dial(t, srv, fast())
		time.Sleep(600 * time.Millisecond) // the burst of pings
		off, ok := c.Offset()
		if d := off - skew; !ok || d < -5*time.Millisecond || d > 5*time.Millisecond {
			t.Errorf("skew %v: Offset() = %v, %v; want within 5 ms of the skew (RTT %v)", skew, off, ok, c.RTT())
		}
		if d := c.ServerNow().Sub(time.Now().Add(skew)); d < -10*time.Millisecond || d > 10*time.Millisecond {
			t.Errorf("skew %v: ServerNow() is %v from the server clock; want within 10 ms", skew, d)
		}
		srv.Close()
	}
}

func TestDialWithoutWelcomeFails(t *testing.T) {
	srv := newFakeServer()
	defer srv.Close()
	srv.SetSilent(true)
	opts := fast()
	opts.HelloTimeout = 200 * time.Millisecond
	start := time.Now()
	c, err := netcode.Dial(context.Background(), srv.URL, opts)
	if err == nil {
		c.Close()
		t.Fatal("Dial to a server that never answers Hello succeeded")
	}
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("Dial took %v; want about the 200 ms HelloTimeout", d)
	}
}

func TestCloseEndsTheClient(t *testing.T) {
	srv := newFakeServer()
	defer srv.Close()
	c := dial(t, srv, fast())
	next(t, c, netcode.TypeWelcome)
	c.Close()
	select {
	case <-c.Done():
	case <-time.After(5 * time.Second):
		t.Fatal("client did not end after Close")
	}
	if !errors.Is(c.Err(), netcode.ErrClosed) {
		t.Errorf("Err() = %v; want ErrClosed", c.Err())
	}
	for range 50 {
		if srv.Conns() == 0 {
			return
		}
		time.Sleep(10 * time.Millisecond)
	}
	t.Errorf("server still has %d connections after Close", srv.Conns())
}
