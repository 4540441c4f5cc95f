package server

import (
	"context"
	"testing"
	"time"

	"github.com/osarena/osarena/netcode"
)

// The load bots play match after match against the real server: a fixed
// number, or as many as fit in their duration, with no errors either way.
func TestBotsLoopMatches(t *testing.T) {
	tests := []struct {
		name        string
		matches     int
		duration    time.Duration
		wantMatches func(n int) bool
		wantWithin  time.Duration
	}{
		{"two matches", 2, 30 * time.Second, func(n int) bool { return n == 2*2 }, 25 * time.Second},
		{"until the duration ends", -1, 4 * time.Second, func(n int) bool { return n >= 2*2 }, 8 * time.Second},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, url := newTestServer(t, Config{JoinsPerMinute: 600})
			start := time.Now()
			rep, err := netcode.RunBots(context.Background(), netcode.BotConfig{
				URL: url, Rooms: 2, Players: 3, Matches: tt.matches, Duration: tt.duration,
				Think: 20 * time.Millisecond, Rounds: 2, Seconds: 5, Seed: 3,
			})
			if err != nil {
				t.Fatalf("RunBots: %v", err)
			}
			if d := time.Since(start); d > tt.wantWithin {
				t.Errorf("RunBots took %v; want under %v", d, tt.wantWithin)
			}
			// An answer sent as the duration ends may miss its ack: one per bot.
			if !tt.wantMatches(rep.Matches) || rep.Errors != 0 || rep.Accepted == 0 || rep.Answers-rep.Accepted > rep.Bots {
				t.Errorf("report %+v; want more matches, no errors, every answer accepted", rep)
			}
			if slow := s.layer.Stats().SlowClosed; slow != 0 {
				t.Errorf("%d connections closed as slow; want 0", slow)
			}
		})
	}
}
