package server

import (
	"bytes"
	"context"
	"sync"
	"testing"
	"time"

	"github.com/coder/websocket"

	"github.com/osarena/osarena/netcode"
	"github.com/osarena/osarena/sim/scenario"
)

// Hostile clients are closed with the right code while a match between
// well-behaved players goes on to its podium.
func TestHostileClients(t *testing.T) {
	_, url := newTestServer(t, Config{MaxMsgSize: 4096, MaxPerSec: 20, Burst: 40})
	hello := func(c *client) { c.hello("") }
	tests := []struct {
		name string
		act  func(c *client)
		want netcode.CloseCode
	}{
		{"garbage frame", func(c *client) {
			hello(c)
			_ = c.sendRaw([]byte{0xde, 0xad, 0xbe, 0xef, 0x00, 0xff})
		}, netcode.CloseBadMessage},
		{"huge length prefix", func(c *client) {
			hello(c)
			_ = c.sendRaw([]byte{0x93, 0x03, 0x01, 0xdd, 0xff, 0xff, 0xff, 0xff}) // array of 4 G elements
		}, netcode.CloseBadMessage},
		{"oversized frame", func(c *client) {
			hello(c)
			_ = c.sendRaw(bytes.Repeat([]byte{0xc0}, 64<<10))
		}, netcode.CloseTooLarge},
		{"text frame", func(c *client) {
			hello(c)
			ctx, cancel := context.WithTimeout(context.Background(), time.Second)
			defer cancel()
			_ = c.ws.Write(ctx, websocket.MessageText, []byte(`{"hello":1}`))
		}, netcode.CloseBadMessage},
		{"wrong protocol version", func(c *client) {
			c.send(netcode.TypeHello, netcode.Hello{Protocol: netcode.ProtocolVersion + 1, Sim: scenario.Version})
		}, netcode.CloseProtocolVersion},
		{"protocol 1 hello, which has one field fewer", func(c *client) {
			_ = c.sendRaw([]byte{0x93, 0x01, 0x01, 0x94, 0x01, 0x01, 0xa0, 0xa2, 'e', 'n'})
		}, netcode.CloseProtocolVersion},
		{"wrong sim version", func(c *client) {
			c.send(netcode.TypeHello, netcode.Hello{Protocol: netcode.ProtocolVersion, Sim: scenario.Version + 1})
		}, netcode.CloseSimVersion},
		{"no hello", func(c *client) {
			c.send(netcode.TypePing, netcode.Ping{ClientMs: 1})
		}, netcode.CloseNoHello},
		{"server message from a client", func(c *client) {
			hello(c)
			c.send(netcode.TypeReveal, netcode.Reveal{})
		}, netcode.CloseBadMessage},
		{"1000 messages per second", func(c *client) {
			hello(c)
			b, _ := netcode.Encode(netcode.TypePing, 1, netcode.Ping{ClientMs: 1})
			tick := time.NewTicker(time.Millisecond)
			defer tick.Stop()
			for range 1000 {
				if c.sendRaw(b) != nil {
					return
				}
				<-tick.C
			}
		}, netcode.CloseRateLimited},
	}

	// The well-behaved match runs alongside.
	host, a := dial(t, url), dial(t, url)
	host.hello("")
	host.create("Host", matchSettings(3))
	a.hello("")
	a.join(host.code, "Bora")

	var wg sync.WaitGroup
	for _, tt := range tests {
		c := dial(t, url)
		wg.Go(func() {
			tt.act(c)
			if got := c.closed(); got != tt.want {
				t.Errorf("%s: closed with %d; want %d", tt.name, got, tt.want)
			}
		})
	}
	podiums := playMatch(t, []*client{host, a}, 3)
	wg.Wait()
	if len(podiums[0].Summaries) != 2 {
		t.Errorf("podium %+v", podiums[0].Summaries)
	}
}
