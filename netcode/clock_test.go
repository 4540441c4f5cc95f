package netcode

import (
	"testing"
	"time"
)

func TestClockPicksSmallestRoundTrip(t *testing.T) {
	type ping struct{ t0, s, t1 int64 }
	tests := []struct {
		name    string
		n       int
		pings   []ping
		wantOff int64
		wantRTT int64
		wantOK  bool
	}{
		{"none", 4, nil, 0, 0, false},
		{"one: midpoint", 4, []ping{{1000, 6010, 1020}}, 5000, 20, true},
		{"smallest rtt wins", 4, []ping{{1000, 6050, 1100}, {2000, 7004, 2008}, {3000, 8030, 3040}}, 5000, 8, true},
		{"old samples fall out", 2, []ping{{2000, 7004, 2008}, {3000, 8030, 3040}, {4000, 9045, 4050}}, 5010, 40, true},
		{"a tie goes to the newest", 4, []ping{{1000, 6005, 1010}, {2000, 7007, 2010}}, 5002, 10, true},
		{"a reply older than its ping is ignored", 4, []ping{{1000, 6000, 900}}, 0, 0, false},
	}
	for _, tt := range tests {
		k := newClock(tt.n)
		for _, p := range tt.pings {
			k.add(p.t0, p.s, p.t1)
		}
		got, ok := k.best()
		if ok != tt.wantOK || got.offset != tt.wantOff || got.rtt != tt.wantRTT {
			t.Errorf("%s: best() = %+v, %v; want offset %d, rtt %d, %v", tt.name, got, ok, tt.wantOff, tt.wantRTT, tt.wantOK)
		}
	}
}

func TestBackoffGrowsWithJitterWithinBounds(t *testing.T) {
	c := &Client{opts: Options{MinBackoff: 100 * time.Millisecond, MaxBackoff: time.Second}}
	c.opts.defaults()
	c.rng = newJitter(42)
	tests := []struct {
		attempt int
		cap     time.Duration
	}{{1, 100 * time.Millisecond}, {2, 200 * time.Millisecond}, {3, 400 * time.Millisecond}, {4, 800 * time.Millisecond}, {5, time.Second}, {40, time.Second}}
	for _, tt := range tests {
		seen := map[time.Duration]bool{}
		for range 200 {
			d := c.backoff(tt.attempt)
			if d < tt.cap/2 || d > tt.cap {
				t.Fatalf("backoff(%d) = %v; want in [%v, %v]", tt.attempt, d, tt.cap/2, tt.cap)
			}
			seen[d] = true
		}
		if len(seen) < 50 {
			t.Errorf("backoff(%d) took %d distinct values in 200 draws; want jitter", tt.attempt, len(seen))
		}
	}
}
