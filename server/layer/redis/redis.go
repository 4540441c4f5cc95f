// Package redis is the channel layer for several server nodes (DESIGN.md
// §5, §7): a server/layer.Layer whose groups, sequence numbers and
// histories live in Redis, so a group may have members on every node.
//
// Each Layer is one node. Its channels' inboxes live in the node's memory
// (a connection's writer reads them as with layer.Memory); their names
// ("rds.<node>.<n>") say which node holds them. Group membership, every
// group's and channel's sequence number and each group's last
// Options.History frames are Redis keys, changed only by Lua scripts, which
// Redis runs one at a time. A GroupSend encodes its message once, and the
// script numbers it, records it and publishes it once to each node that has
// members (Redis pub/sub); the node hands the same bytes to all its members.
// A Send is published to the one node that holds the channel. Every node
// receives its messages (frames, joins, leaves, closes) on one
// subscription, in the order the scripts ran, which is what gives each
// member its group's frames in sequence order with no gaps.
//
// Differences from layer.Memory, all within the Layer contract:
//
//   - Each call is a round trip to Redis (tens of microseconds on
//     loopback), bounded by the client's timeouts (3 s by default), and
//     returns an error (wrapping the Redis error) when Redis is
//     unreachable. Delivery is asynchronous: a frame reaches the inbox
//     shortly after GroupSend or Send returns, as the subscription carries
//     it. Close of a channel held by this node closes its inbox at once.
//   - If the subscription breaks (Redis restarted, or it dropped this node
//     for falling behind), frames may have been lost in between, so the
//     node closes every channel it holds with netcode.CloseShutdown, which
//     tells clients to reconnect and resume (History fills the gap).
//   - Stats counts this node: its open channels, the groups with members
//     here, the frames queued here and the messages encoded here.
//   - A node that dies without Shutdown leaves its channels' keys and
//     memberships in Redis (sends to them go nowhere). Nothing removes
//     them yet.
//
// It needs a single Redis server (or a primary with replicas), not Redis
// Cluster: scripts touch keys of several groups. Every method is safe for
// concurrent use.
package redis

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"

	goredis "github.com/redis/go-redis/v9"

	"github.com/osarena/osarena/netcode"
	"github.com/osarena/osarena/server/layer"
)

var _ layer.Layer = (*Layer)(nil)

// Options configure New.
type Options struct {
	// URL is the Redis server: redis://[user:password@]host:port[/db],
	// rediss:// for TLS, or unix:///path/to/socket. Required.
	URL string
	// Prefix starts every key and pub/sub channel name ("osarena:"). Nodes
	// share groups when they share a server and a prefix.
	Prefix string
	// Layer holds the Encoder (required), the queue bound and the history
	// length, as for layer.NewMemory.
	Layer layer.Options
	// Log receives the subscription's breaks and failed clean-ups
	// (slog.Default()).
	Log *slog.Logger
}

// Layer is one node's view of a Redis channel layer. Make it with New and
// end it with Shutdown.
type Layer struct {
	rdb    *goredis.Client
	ps     *goredis.PubSub
	opts   layer.Options
	prefix string // key prefix
	node   string
	names  string // channel name prefix: "rds.<node>."
	log    *slog.Logger
	next   atomic.Uint64

	mu       sync.Mutex
	channels map[string]*layer.Inbox // open channels held here
	closed   bool
	down     bool // the subscription broke and is not yet back

	locks [64]seqLock // by hash of "g"+group or "c"+channel

	groups                atomic.Int64 // groups with members here (the reader's mirror)
	frames, encodes, slow atomic.Uint64

	life context.Context // cancelled by Shutdown: ends the reader and background clean-ups
	stop context.CancelFunc
	wg   sync.WaitGroup
}

// seqLock serializes one node's sends to a group or channel (so that they
// do not race each other for sequence numbers) and remembers the last
// sequence number each used, the guess for the next.
type seqLock struct {
	mu   sync.Mutex
	last map[string]uint32
}

// ErrDown: the node's subscription broke and is reconnecting; a channel
// opened now could miss frames, so Open refuses.
var ErrDown = errors.New("layer/redis: subscription down, reconnecting")

// ErrContention: a send lost the race for a sequence number too many times
// in a row to other nodes sending to the same group or channel.
var ErrContention = errors.New("layer/redis: too much contention for a sequence number")

// New connects to Redis, subscribes to this node's messages and returns
// the layer. ctx bounds the connection and subscription only.
func New(ctx context.Context, o Options) (*Layer, error) {
	if o.Layer.Encode == nil {
		return nil, errors.New("layer/redis: New without an Encoder")
	}
	if o.Layer.Queue <= 0 {
		o.Layer.Queue = 256
	}
	if o.Layer.History <= 0 {
		o.Layer.History = 64
	}
	if o.Prefix == "" {
		o.Prefix = "osarena:"
	}
	if o.Log == nil {
		o.Log = slog.Default()
	}
	ropt, err := goredis.ParseURL(o.URL)
	if err != nil {
		return nil, fmt.Errorf("layer/redis: %w", err)
	}
	ropt.ContextTimeoutEnabled = true // a context's deadline bounds a call's reads and writes too
	var b [6]byte
	_, _ = rand.Read(b[:])
	node := hex.EncodeToString(b[:])
	l := &Layer{
		rdb: goredis.NewClient(ropt), opts: o.Layer, prefix: o.Prefix, node: node,
		names: "rds." + node + ".", log: o.Log, channels: map[string]*layer.Inbox{},
	}
	for i := range l.locks {
		l.locks[i].last = map[string]uint32{}
	}
	if err := l.rdb.Ping(ctx).Err(); err != nil {
		l.rdb.Close()
		return nil, fmt.Errorf("layer/redis: connect: %w", err)
	}
	l.ps = l.rdb.Subscribe(ctx, l.prefix+"n:"+node)
	if _, err := l.ps.Receive(ctx); err != nil { // the subscription's confirmation
		l.ps.Close()
		l.rdb.Close()
		return nil, fmt.Errorf("layer/redis: subscribe: %w", err)
	}
	l.life, l.stop = context.WithCancel(context.Background())
	l.wg.Go(func() { l.receive(l.life) })
	return l, nil
}

// Node is this node's ID, the middle part of its channel names.
func (l *Layer) Node() string { return l.node }

// nodeOf returns the node that holds channel, or false for a name no node
// made.
func nodeOf(channel string) (string, bool) {
	rest, ok := strings.CutPrefix(channel, "rds.")
	if !ok {
		return "", false
	}
	node, n, ok := strings.Cut(rest, ".")
	return node, ok && node != "" && n != ""
}

func (l *Layer) lock(key string) *seqLock {
	var h uint32 = 2166136261 // FNV-1a
	for i := 0; i < len(key); i++ {
		h = (h ^ uint32(key[i])) * 16777619
	}
	return &l.locks[h%uint32(len(l.locks))]
}

// remember records the last sequence number used for key. The cache is
// only a guess for the next send, emptied when it grows past a bound.
func (s *seqLock) remember(key string, seq uint32) {
	if len(s.last) >= 4096 {
		clear(s.last)
	}
	s.last[key] = seq
}

// Open makes a channel held by this node.
func (l *Layer) Open() (*layer.Inbox, error) {
	name := l.names + strconv.FormatUint(l.next.Add(1), 36)
	in := layer.NewInbox(name, l.opts.Queue)
	l.mu.Lock()
	if l.closed {
		l.mu.Unlock()
		return nil, layer.ErrClosed
	}
	if l.down {
		l.mu.Unlock()
		return nil, ErrDown
	}
	l.channels[name] = in
	l.mu.Unlock()
	if err := openScript.Run(context.Background(), l.rdb, nil, l.prefix, name).Err(); err != nil {
		l.mu.Lock()
		delete(l.channels, name)
		l.mu.Unlock()
		return nil, fmt.Errorf("layer/redis: open: %w", err)
	}
	s := l.lock("c" + name)
	s.mu.Lock()
	s.remember("c"+name, 0)
	s.mu.Unlock()
	return in, nil
}

// Close closes a channel: at once if this node holds it, through its node
// otherwise; either way it leaves its groups in Redis.
func (l *Layer) Close(channel string, code netcode.CloseCode) {
	node, ok := nodeOf(channel)
	if !ok {
		return
	}
	if node == l.node {
		l.mu.Lock()
		in := l.channels[channel]
		delete(l.channels, channel)
		l.mu.Unlock()
		if in == nil {
			return
		}
		if in.Shut(code) && code == netcode.CloseSlow {
			l.slow.Add(1)
		}
	}
	if err := l.closeRemote(context.Background(), channel, node, code); err != nil {
		l.log.Warn("layer/redis: close channel", "channel", channel, "err", err)
	}
}

// closeRemote removes channel from its groups in Redis and tells its node.
func (l *Layer) closeRemote(ctx context.Context, channel, node string, code netcode.CloseCode) error {
	s := l.lock("c" + channel)
	s.mu.Lock()
	delete(s.last, "c"+channel)
	s.mu.Unlock()
	return closeScript.Run(ctx, l.rdb, nil, l.prefix, channel, int(code), node).Err()
}

// Shutdown closes the channels this node holds (with
// netcode.CloseShutdown), removes them from Redis while ctx allows, stops
// the subscription and the clean-ups still running in the background, and
// disconnects. Calls after it fail with layer.ErrClosed.
func (l *Layer) Shutdown(ctx context.Context) error {
	l.mu.Lock()
	if l.closed {
		l.mu.Unlock()
		return nil
	}
	l.closed = true
	open := l.channels
	l.channels = map[string]*layer.Inbox{}
	l.mu.Unlock()
	var errs []error
	for name, in := range open {
		in.Shut(netcode.CloseShutdown)
		if ctx.Err() == nil {
			if err := l.closeRemote(ctx, name, l.node, netcode.CloseShutdown); err != nil {
				errs = append(errs, err)
			}
		}
	}
	l.stop()
	errs = append(errs, l.ps.Close())
	l.wg.Wait()
	errs = append(errs, l.rdb.Close())
	if err := errors.Join(errs...); err != nil {
		return fmt.Errorf("layer/redis: shutdown: %w", err)
	}
	return nil
}

// Stats reports this node's counters.
func (l *Layer) Stats() layer.Stats {
	l.mu.Lock()
	ch := len(l.channels)
	l.mu.Unlock()
	return layer.Stats{Channels: ch, Groups: int(l.groups.Load()), Frames: l.frames.Load(),
		Encodes: l.encodes.Load(), SlowClosed: l.slow.Load()}
}

// isClosed reports whether Shutdown was called.
func (l *Layer) isClosed() bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.closed
}

// holds returns the node that holds channel and whether the channel may be
// open: for this node's channels it knows; for another node's, Redis does.
func (l *Layer) holds(channel string) (node string, open bool) {
	node, ok := nodeOf(channel)
	if !ok {
		return "", false
	}
	if node != l.node {
		return node, true
	}
	l.mu.Lock()
	_, open = l.channels[channel]
	l.mu.Unlock()
	return node, open
}
