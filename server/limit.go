package server

import (
	"net"
	"net/http"
	"sync"
	"time"

	"golang.org/x/time/rate"
)

// addrLimiter limits join attempts per client address: a token bucket per
// address, refilled at perMinute per minute with a burst of perMinute/2.
type addrLimiter struct {
	limit rate.Limit
	burst int

	mu   sync.Mutex
	byIP map[string]*addrEntry
}

type addrEntry struct {
	lim  *rate.Limiter
	seen time.Time
}

func newAddrLimiter(perMinute int) *addrLimiter {
	return &addrLimiter{limit: rate.Limit(float64(perMinute) / 60), burst: max(perMinute/2, 1), byIP: map[string]*addrEntry{}}
}

// allow reports whether addr may attempt a join now.
func (l *addrLimiter) allow(addr string, now time.Time) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	e := l.byIP[addr]
	if e == nil {
		e = &addrEntry{lim: rate.NewLimiter(l.limit, l.burst)}
		l.byIP[addr] = e
	}
	e.seen = now
	return e.lim.AllowN(now, 1)
}

// forget drops addresses idle for ten minutes (their buckets are full).
func (l *addrLimiter) forget(now time.Time) {
	l.mu.Lock()
	defer l.mu.Unlock()
	for a, e := range l.byIP {
		if now.Sub(e.seen) > 10*time.Minute {
			delete(l.byIP, a)
		}
	}
}

// clientAddr is the request's remote IP (without the port).
func clientAddr(r *http.Request) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}
