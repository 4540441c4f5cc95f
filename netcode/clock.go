package netcode

import (
	"sync"
	"time"
)

// clock estimates the server clock's offset from ping round trips,
// NTP-style: for a ping sent at t0 and answered at server time s, received
// at t1, offset = s − (t0 + t1)/2, with an error of at most rtt/2. Of the
// last n samples it keeps the one with the smallest round trip, the least
// disturbed by queueing. Local times come from a monotonic clock, so a
// wall-clock jump does not skew the estimate. Safe for concurrent use.
type clock struct {
	epoch   time.Time // local wall time at start, with its monotonic reading
	epochMs int64

	mu      sync.Mutex
	samples []clockSample // a ring of the last n
	next    int
	full    bool
}

type clockSample struct{ rtt, offset int64 } // milliseconds

func newClock(n int) *clock {
	now := time.Now()
	return &clock{epoch: now, epochMs: now.UnixMilli(), samples: make([]clockSample, n)}
}

// nowMs is the local clock in Unix milliseconds, advancing monotonically.
func (k *clock) nowMs() int64 { return k.epochMs + time.Since(k.epoch).Milliseconds() }

// add records a ping sent at t0 (nowMs), answered at server time s and
// received at t1.
func (k *clock) add(t0, s, t1 int64) {
	if t1 < t0 {
		return // not a ping of ours
	}
	k.mu.Lock()
	defer k.mu.Unlock()
	k.samples[k.next] = clockSample{rtt: t1 - t0, offset: s - (t0+t1)/2}
	k.next = (k.next + 1) % len(k.samples)
	if k.next == 0 {
		k.full = true
	}
}

// best returns the sample with the smallest round trip (the latest of
// equal ones), and false before any sample.
func (k *clock) best() (clockSample, bool) {
	k.mu.Lock()
	defer k.mu.Unlock()
	n := k.next
	if k.full {
		n = len(k.samples)
	}
	if n == 0 {
		return clockSample{}, false
	}
	// Walk from the newest back so that ties go to the newest sample.
	var b clockSample
	for i := range n {
		s := k.samples[(k.next-1-i+len(k.samples))%len(k.samples)]
		if i == 0 || s.rtt < b.rtt {
			b = s
		}
	}
	return b, true
}
