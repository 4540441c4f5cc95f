package redis

import (
	"context"
	"errors"
	"net"
	"strconv"
	"strings"
	"time"

	goredis "github.com/redis/go-redis/v9"

	"github.com/osarena/osarena/netcode"
	"github.com/osarena/osarena/server/layer"
)

// healthEvery is how long the subscription may stay silent before the
// reader pings Redis to find out whether the connection still works.
const healthEvery = 15 * time.Second

// mirror is the reader's copy of the memberships of this node's channels,
// kept up to date by the A, D and C messages, in order with the frames.
// Only the reader goroutine touches it.
type mirror struct {
	groups map[string]*members        // group → its members here
	of     map[string]map[string]bool // channel → its groups (for C)
}

type members struct {
	list  []*layer.Inbox
	index map[string]int // channel → position in list
}

func (m *mirror) add(group string, in *layer.Inbox) bool {
	g := m.groups[group]
	if g == nil {
		g = &members{index: map[string]int{}}
		m.groups[group] = g
	}
	name := in.Name()
	if _, ok := g.index[name]; ok {
		return false
	}
	g.index[name] = len(g.list)
	g.list = append(g.list, in)
	if m.of[name] == nil {
		m.of[name] = map[string]bool{}
	}
	m.of[name][group] = true
	return true
}

// remove takes channel out of group; it reports whether the group became
// empty here.
func (m *mirror) remove(group, channel string) bool {
	if gs := m.of[channel]; gs != nil {
		delete(gs, group)
		if len(gs) == 0 {
			delete(m.of, channel)
		}
	}
	g := m.groups[group]
	if g == nil {
		return false
	}
	i, ok := g.index[channel]
	if !ok {
		return false
	}
	last := len(g.list) - 1
	g.list[i] = g.list[last]
	g.index[g.list[i].Name()] = i
	g.list[last] = nil
	g.list = g.list[:last]
	delete(g.index, channel)
	if len(g.list) == 0 {
		delete(m.groups, group)
		return true
	}
	return false
}

// receive reads this node's subscription until ctx is cancelled.
func (l *Layer) receive(ctx context.Context) {
	m := &mirror{groups: map[string]*members{}, of: map[string]map[string]bool{}}
	broken := false
	for {
		msg, err := l.ps.ReceiveTimeout(ctx, healthEvery)
		if ctx.Err() != nil {
			return
		}
		var nerr net.Error
		switch {
		case err != nil && errors.As(err, &nerr) && nerr.Timeout():
			_ = l.ps.Ping(ctx) // answered by a *goredis.Pong, or failing the next receive
			continue
		case err != nil:
			if !broken {
				l.log.Warn("layer/redis: subscription broken; closing this node's channels", "err", err)
				l.dropAll(m)
				broken = true
			}
			select {
			case <-ctx.Done():
				return
			case <-time.After(100 * time.Millisecond):
			}
			continue
		}
		switch msg := msg.(type) {
		case *goredis.Message:
			l.handle(m, msg.Payload)
		case *goredis.Subscription:
			if broken { // resubscribed: channels opened from now on miss nothing
				l.mu.Lock()
				l.down = false
				l.mu.Unlock()
				broken = false
			}
		}
	}
}

// dropAll closes every channel this node holds: after a break of the
// subscription, any of them may have missed frames.
func (l *Layer) dropAll(m *mirror) {
	l.mu.Lock()
	lost := l.channels
	l.channels = map[string]*layer.Inbox{}
	l.down = true
	l.mu.Unlock()
	clear(m.groups)
	clear(m.of)
	l.groups.Store(0)
	for _, in := range lost {
		in.Shut(netcode.CloseShutdown)
	}
	if len(lost) > 0 {
		l.wg.Go(func() {
			for name := range lost {
				if l.life.Err() != nil {
					return // Shutdown: Redis keeps them, as when a node dies
				}
				if err := l.closeRemote(l.life, name, l.node, netcode.CloseShutdown); err != nil {
					l.log.Warn("layer/redis: removing a dropped channel", "channel", name, "err", err)
				}
			}
		})
	}
}

// cut splits "<len>:<name><rest>".
func cut(s string) (name, rest string, ok bool) {
	n, after, ok := strings.Cut(s, ":")
	k, err := strconv.Atoi(n)
	if !ok || err != nil || k < 0 || k > len(after) {
		return "", "", false
	}
	return after[:k], after[k:], true
}

// handle applies one message.
func (l *Layer) handle(m *mirror, payload string) {
	if payload == "" {
		return
	}
	name, rest, ok := cut(payload[1:])
	if !ok {
		l.log.Warn("layer/redis: malformed message", "kind", payload[:1])
		return
	}
	switch payload[0] {
	case 'G':
		g := m.groups[name]
		if g == nil {
			return
		}
		frame := []byte(rest) // one copy per node, shared by its members
		var n uint64
		for _, in := range g.list {
			ok, slow := in.Deliver(frame)
			if ok {
				n++
			}
			if slow {
				l.slowClosed(in.Name())
			}
		}
		l.frames.Add(n)
	case 'S':
		l.mu.Lock()
		in := l.channels[name]
		l.mu.Unlock()
		if in == nil {
			return
		}
		ok, slow := in.Deliver([]byte(rest))
		if ok {
			l.frames.Add(1)
		}
		if slow {
			l.slowClosed(name)
		}
	case 'A':
		l.mu.Lock()
		in := l.channels[rest]
		l.mu.Unlock()
		if in != nil && m.add(name, in) && len(m.groups[name].list) == 1 {
			l.groups.Add(1)
		}
	case 'D':
		if m.remove(name, rest) {
			l.groups.Add(-1)
		}
	case 'C':
		for g := range m.of[name] {
			if m.remove(g, name) {
				l.groups.Add(-1)
			}
		}
		l.mu.Lock()
		in := l.channels[name]
		delete(l.channels, name)
		l.mu.Unlock()
		code, _ := strconv.Atoi(rest)
		if in != nil && in.Shut(netcode.CloseCode(code)) && netcode.CloseCode(code) == netcode.CloseSlow {
			l.slow.Add(1)
		}
	}
}

// slowClosed accounts for a channel its inbox closed as full, and removes
// it from its groups in Redis (on another goroutine: the reader must not
// wait on Redis).
func (l *Layer) slowClosed(channel string) {
	l.slow.Add(1)
	l.mu.Lock()
	_, held := l.channels[channel]
	delete(l.channels, channel)
	l.mu.Unlock()
	if !held {
		return
	}
	l.wg.Go(func() {
		if err := l.closeRemote(l.life, channel, l.node, netcode.CloseSlow); err != nil {
			l.log.Warn("layer/redis: removing a slow channel", "channel", channel, "err", err)
		}
	})
}
