package game

import (
	"context"
	"sync/atomic"
	"time"

	"github.com/osarena/osarena/netcode"
	"github.com/osarena/osarena/sim/quiz"
)

// netStatus is where the connection to the server stands, as the player
// sees it.
type netStatus int

const (
	netConnecting   netStatus = iota // the first connection is being made
	netOnline                        // a Welcome came on the current connection
	netReconnecting                  // the connection dropped; the client dials again
	netLost                          // given up: the close code (or none) says why
)

var netStatusNames = [...]string{"connecting", "online", "reconnecting", "lost"}

// Bounds of the connection layer.
const (
	netQueue      = 1024 // messages the pump holds for Update
	netPerFrame   = 64   // messages one Update takes at most
	dialAttempts  = 6    // first-connection attempts before giving up
	dialBackoff   = 400 * time.Millisecond
	dialMaxBackof = 4 * time.Second
)

// dialFailed is the pump's own event: a first connection failed. Retry
// says whether it dials again.
type dialFailed struct {
	code  netcode.CloseCode
	retry bool
}

// netConn is the game's side of a netcode.Client. A goroutine of its own
// dials (netcode.Dial blocks until Welcome) and then pumps Incoming into a
// bounded queue; Update drains that queue with poll and never waits. When
// the queue is full the pump waits, not Update: the client's own inbox then
// fills and, past it, the server closes with CloseSlow and the client
// resumes. Everything but the pump runs on the game goroutine.
type netConn struct {
	url    string
	lang   quiz.Lang
	ctx    context.Context
	cancel context.CancelFunc
	client atomic.Pointer[netcode.Client]
	queue  chan netcode.Message

	status  netStatus
	code    netcode.CloseCode // the last close code (0: none, or the network broke)
	session string            // the resume token of the current session
	resumed bool              // the last Welcome resumed the session
	since   time.Time         // when status last changed
}

// dialNet starts connecting to url, resuming session resume if not "".
func dialNet(url, resume string, lang quiz.Lang, now time.Time) *netConn {
	n := &netConn{url: url, lang: lang, queue: make(chan netcode.Message, netQueue), since: now, session: resume}
	n.ctx, n.cancel = context.WithCancel(context.Background())
	go n.run(resume)
	return n
}

// run dials until a Welcome (or a refusal that forbids retrying), then pumps.
func (n *netConn) run(resume string) {
	wait := dialBackoff
	for attempt := 1; ; attempt++ {
		c, err := netcode.Dial(n.ctx, n.url, netcode.Options{Resume: resume, Lang: string(n.lang), Device: deviceToken()})
		if err == nil {
			n.client.Store(c)
			n.pump(c)
			return
		}
		if n.ctx.Err() != nil {
			return
		}
		code := netcode.CloseCodeOf(err)
		if code == netcode.CloseResumeStale {
			resume = "" // the seat is gone: a fresh session; the scene hears of it
		}
		retry := (code == 0 || code.MayReconnect()) && attempt < dialAttempts
		if !n.put(netcode.Message{Msg: &dialFailed{code: code, retry: retry}}) || !retry {
			return
		}
		t := time.NewTimer(wait)
		select {
		case <-n.ctx.Done():
			t.Stop()
			return
		case <-t.C:
		}
		wait = min(2*wait, dialMaxBackof)
	}
}

// pump moves the client's messages to the queue until the client ends.
func (n *netConn) pump(c *netcode.Client) {
	for m := range c.Incoming() {
		if !n.put(m) {
			c.Close()
			return
		}
	}
}

// put queues m for Update, waiting while the queue is full; it reports
// false once the connection was closed.
func (n *netConn) put(m netcode.Message) bool {
	select {
	case n.queue <- m:
		return true
	case <-n.ctx.Done():
		return false
	}
}

// poll returns the messages that arrived since the last call (at most
// netPerFrame) and updates the status from the connection events among
// them. It never waits.
func (n *netConn) poll(now time.Time) []netcode.Message {
	var out []netcode.Message
	for len(out) < netPerFrame {
		select {
		case m := <-n.queue:
			n.observe(m, now)
			out = append(out, m)
		default:
			return out
		}
	}
	return out
}

func (n *netConn) setStatus(s netStatus, now time.Time) {
	if n.status != s {
		n.status, n.since = s, now
	}
}

// observe updates the status from a connection event.
func (n *netConn) observe(m netcode.Message, now time.Time) {
	switch v := m.Msg.(type) {
	case *netcode.Welcome:
		n.session, n.resumed = v.Session, v.Resumed
		n.setStatus(netOnline, now)
	case *netcode.Disconnected:
		n.code = v.Code
		if v.Retry {
			n.setStatus(netReconnecting, now)
		} else {
			n.setStatus(netLost, now)
		}
	case *dialFailed:
		n.code = v.code
		switch {
		case !v.retry:
			n.setStatus(netLost, now)
		case n.status == netOnline:
			n.setStatus(netReconnecting, now)
		}
	}
}

// send queues a message for the server; it reports false when there is no
// connection yet or the client's queue is full. It never waits.
func (n *netConn) send(t netcode.Type, msg any) bool {
	c := n.client.Load()
	return c != nil && c.Send(t, msg) == nil
}

// serverMs is the server clock estimated with the ping offset (the local
// clock before the first connection).
func (n *netConn) serverMs(now time.Time) int64 {
	if c := n.client.Load(); c != nil {
		return c.ServerMs()
	}
	return now.UnixMilli()
}

// rtt is the round trip of the clock sample in use.
func (n *netConn) rtt() time.Duration {
	if c := n.client.Load(); c != nil {
		return c.RTT()
	}
	return 0
}

// close says goodbye and stops the pump. Safe to call more than once.
func (n *netConn) close() {
	n.cancel()
	if c := n.client.Load(); c != nil {
		c.Close()
	}
}

// statusText is the connection state in words, or "" when online.
func (n *netConn) statusText(lang quiz.Lang) string {
	switch n.status {
	case netConnecting:
		return msgConnecting.in(lang)
	case netReconnecting:
		s := msgReconnecting.in(lang)
		if n.code != 0 {
			s += " · " + closeText(n.code, lang)
		}
		return s
	case netLost:
		return msgLost.in(lang) + " · " + closeText(n.code, lang)
	}
	return ""
}
