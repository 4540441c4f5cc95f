package redis_test

import (
	"context"
	"io"
	"net"
	"sync"
	"testing"
	"time"

	"github.com/osarena/osarena/netcode"
	"github.com/osarena/osarena/server/layer"
	"github.com/osarena/osarena/server/layer/redis"
)

// proxy forwards TCP connections to target until cut: then it closes every
// connection it forwards and answers new ones with silence (they connect,
// nothing comes back), as a network partition does.
type proxy struct {
	ln     net.Listener
	target string

	mu    sync.Mutex
	cut   bool
	conns []net.Conn
}

func newProxy(t *testing.T, target string) *proxy {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	p := &proxy{ln: ln, target: target}
	t.Cleanup(func() {
		ln.Close()
		p.mu.Lock()
		defer p.mu.Unlock()
		for _, c := range p.conns {
			c.Close()
		}
	})
	go p.serve()
	return p
}

func (p *proxy) addr() string { return p.ln.Addr().String() }

func (p *proxy) serve() {
	for {
		c, err := p.ln.Accept()
		if err != nil {
			return
		}
		p.mu.Lock()
		p.conns = append(p.conns, c)
		cut := p.cut
		p.mu.Unlock()
		if cut {
			go io.Copy(io.Discard, c) // held open, never answered
			continue
		}
		up, err := net.Dial("tcp", p.target)
		if err != nil {
			c.Close()
			continue
		}
		p.mu.Lock()
		p.conns = append(p.conns, up)
		p.mu.Unlock()
		go func() { io.Copy(up, c); up.Close() }()
		go func() { io.Copy(c, up); c.Close() }()
	}
}

// partition closes the forwarded connections and silences new ones.
func (p *proxy) partition() {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.cut = true
	for _, c := range p.conns {
		c.Close()
	}
	p.conns = nil
}

// A node cut off from Redis drops its channels and tries to remove them
// from Redis in the background; Shutdown must not wait for every one of
// those calls to time out (it waited channels × timeout × retries).
func TestShutdownWhileRedisUnreachable(t *testing.T) {
	p := newProxy(t, server.Addr)
	l, err := redis.New(t.Context(), redis.Options{URL: "redis://" + p.addr() + "?read_timeout=1s&write_timeout=1s",
		Prefix: fresh(), Layer: layer.Options{Encode: netcode.Encode}})
	if err != nil {
		t.Fatalf("redis.New: %v", err)
	}
	var ins []*layer.Inbox
	for range 10 {
		ins = append(ins, open(t, l))
	}
	p.partition()
	for i, in := range ins {
		select {
		case <-in.Done():
		case <-time.After(5 * time.Second):
			t.Fatalf("channel %d stayed open after the subscription broke", i)
		}
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	start := time.Now()
	_ = l.Shutdown(ctx) // an error is expected: Redis is unreachable
	if took := time.Since(start); took > 5*time.Second {
		t.Errorf("Shutdown with a 1s context took %v while Redis was unreachable; want it bounded by the context", took.Round(time.Millisecond))
	}
}
