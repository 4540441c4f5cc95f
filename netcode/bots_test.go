package netcode_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/osarena/osarena/netcode"
)

func TestCheckLoopback(t *testing.T) {
	tests := []struct {
		url string
		ok  bool
	}{
		{"ws://127.0.0.1:8080/ws", true},
		{"ws://127.1.2.3/ws", true},
		{"wss://localhost:9000/ws", true},
		{"ws://[::1]:8080/ws", true},
		{"ws://[::ffff:127.0.0.1]:8080/ws", true},
		{"ws://10.0.0.1:8080/ws", false},
		{"ws://example.com/ws", false},
		{"ws://localhost.example.com/ws", false},
		{"ws://127.0.0.1.nip.io/ws", false},
		{"ws://0.0.0.0:8080/ws", false},
		{"ws://[::]:8080/ws", false},
		{"http://127.0.0.1:8080/ws", false},
		{"127.0.0.1:8080", false},
	}
	for _, tt := range tests {
		err := netcode.CheckLoopback(tt.url)
		if (err == nil) != tt.ok {
			t.Errorf("CheckLoopback(%q) = %v; want ok %v", tt.url, err, tt.ok)
		}
	}
	if _, err := netcode.RunBots(context.Background(), netcode.BotConfig{URL: "ws://192.168.1.1/ws"}); !errors.Is(err, netcode.ErrNotLoopback) {
		t.Errorf("RunBots(192.168.1.1) error = %v; want ErrNotLoopback", err)
	}
}

func TestBotsPlayWholeMatches(t *testing.T) {
	tests := []struct {
		accuracy    float64
		wantCorrect func(computed int) (lo, hi int)
	}{
		{1, func(n int) (int, int) { return n, n }},
		{0, func(int) (int, int) { return 0, 0 }},
	}
	for _, tt := range tests {
		srv := newFakeServer()
		const rooms, players, rounds = 2, 3, 3
		start := time.Now()
		rep, err := netcode.RunBots(context.Background(), netcode.BotConfig{
			URL: srv.URL, Rooms: rooms, Players: players, Accuracy: tt.accuracy,
			Duration: 20 * time.Second, Think: 30 * time.Millisecond, Rounds: rounds, Seconds: 5, Seed: 7,
		})
		srv.Close()
		if err != nil {
			t.Fatalf("RunBots: %v", err)
		}
		if d := time.Since(start); d > 15*time.Second {
			t.Errorf("accuracy %v: RunBots took %v; want it to stop after the matches", tt.accuracy, d)
		}
		want := rooms * players * rounds
		if rep.Matches != rooms || rep.Answers != want || rep.Accepted != want || rep.Errors != 0 {
			t.Errorf("accuracy %v: report %+v; want %d matches, %d answers all accepted, no errors", tt.accuracy, rep, rooms, want)
		}
		if rep.Computed != want {
			t.Errorf("accuracy %v: computed %d of %d answers locally; want all (the fake server's families are the client's)", tt.accuracy, rep.Computed, want)
		}
		if lo, hi := tt.wantCorrect(rep.Computed); rep.Correct < lo || rep.Correct > hi {
			t.Errorf("accuracy %v: %d answers graded correct by the server; want %d to %d", tt.accuracy, rep.Correct, lo, hi)
		}
		if rep.StartLag.N != want || rep.AckRTT.N != want || rep.AckRTT.Max > 2*time.Second {
			t.Errorf("accuracy %v: latencies %+v / %+v; want %d samples each, under 2 s", tt.accuracy, rep.StartLag, rep.AckRTT, want)
		}
	}
}
