package server

import (
	"context"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/coder/websocket"

	"github.com/osarena/osarena/netcode"
)

// connectN dials n clients that complete Hello, and returns them with the
// server's channel names.
func connectN(b *testing.B, s *Server, url string, n int) ([]*websocket.Conn, []string) {
	b.Helper()
	var clients []*websocket.Conn
	hello, _ := netcode.Encode(netcode.TypeHello, 1, netcode.Hello{Protocol: netcode.ProtocolVersion, Sim: 1})
	for range n {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		ws, _, err := websocket.Dial(ctx, url, nil)
		if err != nil {
			b.Fatal(err)
		}
		if err := ws.Write(ctx, websocket.MessageBinary, hello); err != nil {
			b.Fatal(err)
		}
		if _, _, err := ws.Read(ctx); err != nil { // Welcome
			b.Fatal(err)
		}
		cancel()
		clients = append(clients, ws)
	}
	s.mu.Lock()
	var names []string
	for c := range s.conns {
		names = append(names, c.inbox.Name())
	}
	s.mu.Unlock()
	return clients, names
}

// BenchmarkGroupSendWS sends to a group of 1 000 WebSocket clients on
// 127.0.0.1 and measures, per delivery, the time from GroupSend to the
// client's read returning; it reports p50 and p99 and fails on any loss.
func BenchmarkGroupSendWS(b *testing.B) {
	const members = 1000
	s, url := newTestServer(b, Config{MaxPerSec: 1000})
	clients, names := connectN(b, s, url, members)
	defer func() {
		for _, c := range clients {
			_ = c.CloseNow()
		}
	}()
	for _, n := range names {
		_ = s.layer.GroupAdd("bench", n)
	}
	var mu sync.Mutex
	var lat []time.Duration
	recvd := make([]int, members)
	arrived := make(chan struct{}, members)
	var wg sync.WaitGroup
	for i, c := range clients {
		wg.Go(func() {
			for {
				_, b, err := c.Read(context.Background())
				if err != nil {
					return
				}
				_, _, msg, err := netcode.Decode(b)
				if err != nil {
					continue
				}
				p, ok := msg.(*netcode.Pong)
				if !ok {
					continue
				}
				d := time.Duration(time.Now().UnixNano() - p.ClientMs)
				mu.Lock()
				lat = append(lat, d)
				recvd[i]++
				mu.Unlock()
				arrived <- struct{}{}
			}
		})
	}
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		if _, err := s.layer.GroupSend("bench", netcode.TypePong, netcode.Pong{ClientMs: time.Now().UnixNano(), ServerMs: int64(i)}); err != nil {
			b.Fatal(err)
		}
		// One send at a time, as a room sends: wait for every delivery.
		timeout := time.After(10 * time.Second)
		for range members {
			select {
			case <-arrived:
			case <-timeout:
				b.Fatalf("send %d: not every member received it within 10 s", i)
			}
		}
	}
	b.StopTimer()
	deadline := time.Now().Add(10 * time.Second)
	want := b.N * members
	for {
		mu.Lock()
		n := len(lat)
		mu.Unlock()
		if n >= want || time.Now().After(deadline) {
			break
		}
		time.Sleep(10 * time.Millisecond)
	}
	mu.Lock()
	defer mu.Unlock()
	if len(lat) != want {
		b.Fatalf("delivered %d of %d frames", len(lat), want)
	}
	if drops := s.layer.Stats().SlowClosed; drops != 0 {
		b.Fatalf("%d slow closes", drops)
	}
	slices.Sort(lat)
	b.ReportMetric(float64(lat[len(lat)/2].Microseconds())/1000, "p50-ms")
	b.ReportMetric(float64(lat[len(lat)*99/100].Microseconds())/1000, "p99-ms")
	b.ReportMetric(0, "lost")
}
