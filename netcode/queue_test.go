package netcode_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/osarena/osarena/netcode"
)

// stuckTransport answers Hello with Welcome, then takes no more writes: a
// network that stopped draining.
type stuckTransport struct {
	writes  int
	welcome chan []byte
	release chan struct{}
}

func (s *stuckTransport) ReadFrame(ctx context.Context) ([]byte, error) {
	select {
	case b := <-s.welcome:
		return b, nil
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

func (s *stuckTransport) WriteFrame(ctx context.Context, frame []byte) error {
	s.writes++
	if s.writes == 1 { // Hello
		b, _ := netcode.Encode(netcode.TypeWelcome, 1, &netcode.Welcome{Session: "s1", ServerMs: time.Now().UnixMilli()})
		s.welcome <- b
		return nil
	}
	select {
	case <-s.release:
		return errors.New("released")
	case <-ctx.Done():
		return ctx.Err()
	}
}

func (s *stuckTransport) Close(netcode.CloseCode, string) error { return nil }

func TestSendQueueIsBoundedAndNeverBlocks(t *testing.T) {
	for _, size := range []int{1, 4, 64} {
		st := &stuckTransport{welcome: make(chan []byte, 1), release: make(chan struct{})}
		opts := netcode.Options{SendQueue: size, MaxRetries: 1, Dial: func(context.Context, string) (netcode.Transport, error) { return st, nil }}
		c, err := netcode.Dial(context.Background(), "ws://fake", opts)
		if err != nil {
			t.Fatalf("Dial: %v", err)
		}
		time.Sleep(50 * time.Millisecond) // the writer is stuck on its first ping
		start := time.Now()
		var queued int
		var last error
		for range size + 10 {
			if last = c.Send(netcode.TypeAnswer, &netcode.Answer{Round: 1, Values: []int64{3}}); last != nil {
				break
			}
			queued++
		}
		if queued != size || !errors.Is(last, netcode.ErrQueueFull) {
			t.Errorf("queue %d: Send succeeded %d times then %v; want %d then ErrQueueFull", size, queued, last, size)
		}
		if d := time.Since(start); d > 100*time.Millisecond {
			t.Errorf("queue %d: Send took %v with a stuck network; want no waiting", size, d)
		}
		close(st.release)
		c.Close()
		<-c.Done()
	}
}
