package layer

import (
	"crypto/rand"
	"encoding/hex"
	"strconv"
	"sync"
	"sync/atomic"

	"github.com/osarena/osarena/netcode"
)

// Memory is the in-process channel layer: the default, with no setup. Its
// zero value is not usable; make one with NewMemory.
//
// Locks are taken in the order Memory.mu, group.mu, Inbox.mu; a group send
// holds its group's lock while it queues the frame for every member, which
// is what keeps every member's frames in sequence order.
type Memory struct {
	opts   Options
	prefix string
	next   atomic.Uint64

	mu       sync.RWMutex
	channels map[string]*memChannel
	groups   map[string]*memGroup

	frames, encodes, slow atomic.Uint64
}

var _ Layer = (*Memory)(nil)

type memChannel struct {
	inbox  *Inbox
	groups map[string]struct{} // guarded by Memory.mu
}

type memGroup struct {
	mu      sync.Mutex
	members []*Inbox
	index   map[string]int // channel name → position in members
	seq     uint32
	hist    [][]byte // ring: frame with seq s at (s-1) % len(hist)
}

// NewMemory returns an in-memory layer. It panics without opts.Encode.
func NewMemory(opts Options) *Memory {
	if opts.Encode == nil {
		panic("layer: NewMemory without an Encoder")
	}
	var b [4]byte
	_, _ = rand.Read(b[:])
	return &Memory{
		opts:     opts.withDefaults(),
		prefix:   "mem." + hex.EncodeToString(b[:]) + ".",
		channels: make(map[string]*memChannel),
		groups:   make(map[string]*memGroup),
	}
}

// Open makes a new channel.
func (m *Memory) Open() (*Inbox, error) {
	name := m.prefix + strconv.FormatUint(m.next.Add(1), 36)
	in := NewInbox(name, m.opts.Queue)
	m.mu.Lock()
	m.channels[name] = &memChannel{inbox: in, groups: make(map[string]struct{})}
	m.mu.Unlock()
	return in, nil
}

// Close closes a channel with code and removes it from its groups.
func (m *Memory) Close(channel string, code netcode.CloseCode) {
	m.mu.Lock()
	c, ok := m.channels[channel]
	if ok {
		delete(m.channels, channel)
		for g := range c.groups {
			m.discardLocked(g, channel)
		}
	}
	m.mu.Unlock()
	if ok && c.inbox.Shut(code) && code == netcode.CloseSlow {
		m.slow.Add(1)
	}
}

// GroupAdd adds channel to group.
func (m *Memory) GroupAdd(group, channel string) error {
	if group == "" {
		return ErrBadName
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	c, ok := m.channels[channel]
	if !ok {
		return ErrNoChannel
	}
	g := m.groups[group]
	if g == nil {
		g = &memGroup{index: make(map[string]int), hist: make([][]byte, m.opts.History)}
		m.groups[group] = g
	}
	c.groups[group] = struct{}{}
	g.mu.Lock()
	if _, in := g.index[channel]; !in {
		g.index[channel] = len(g.members)
		g.members = append(g.members, c.inbox)
	}
	g.mu.Unlock()
	return nil
}

// GroupDiscard removes channel from group.
func (m *Memory) GroupDiscard(group, channel string) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if c, ok := m.channels[channel]; ok {
		delete(c.groups, group)
	}
	m.discardLocked(group, channel)
	return nil
}

// discardLocked removes channel from group; m.mu is held for writing.
func (m *Memory) discardLocked(group, channel string) {
	g := m.groups[group]
	if g == nil {
		return
	}
	g.mu.Lock()
	if i, ok := g.index[channel]; ok {
		last := len(g.members) - 1
		g.members[i] = g.members[last]
		g.index[g.members[i].Name()] = i
		g.members[last] = nil
		g.members = g.members[:last]
		delete(g.index, channel)
	}
	empty := len(g.members) == 0
	g.mu.Unlock()
	if empty {
		delete(m.groups, group)
	}
}

// GroupSend encodes msg once and queues it for every member of group.
func (m *Memory) GroupSend(group string, t netcode.Type, msg any) (uint32, error) {
	m.mu.RLock()
	defer m.mu.RUnlock()
	g := m.groups[group]
	if g == nil {
		return 0, nil
	}
	g.mu.Lock()
	defer g.mu.Unlock()
	seq := g.seq + 1
	frame, err := m.opts.Encode(t, seq, msg)
	if err != nil {
		return 0, err
	}
	m.encodes.Add(1)
	g.seq = seq
	g.hist[(seq-1)%uint32(len(g.hist))] = frame
	var n, slow uint64
	for _, in := range g.members {
		ok, s := in.Deliver(frame)
		if ok {
			n++
		}
		if s {
			slow++
		}
	}
	m.frames.Add(n)
	if slow > 0 {
		m.slow.Add(slow)
	}
	return seq, nil
}

// Send encodes msg and queues it for channel.
func (m *Memory) Send(channel string, t netcode.Type, msg any) error {
	m.mu.RLock()
	c, ok := m.channels[channel]
	m.mu.RUnlock()
	if !ok {
		return ErrNoChannel
	}
	ok, slow, err := c.inbox.NextSeq(func(seq uint32) ([]byte, error) {
		return m.opts.Encode(t, seq, msg)
	})
	if err != nil {
		return err
	}
	m.encodes.Add(1)
	if ok {
		m.frames.Add(1)
	}
	if slow {
		m.slow.Add(1)
	}
	return nil
}

// History returns the group's frames after seq.
func (m *Memory) History(group string, after uint32) ([][]byte, error) {
	m.mu.RLock()
	defer m.mu.RUnlock()
	g := m.groups[group]
	if g == nil {
		if after == 0 {
			return nil, nil
		}
		return nil, ErrHistoryGone
	}
	g.mu.Lock()
	defer g.mu.Unlock()
	if after >= g.seq {
		return nil, nil
	}
	n := uint32(len(g.hist))
	if g.seq-after > n {
		return nil, ErrHistoryGone
	}
	out := make([][]byte, 0, g.seq-after)
	for s := after + 1; s <= g.seq; s++ {
		out = append(out, g.hist[(s-1)%n])
	}
	return out, nil
}

// Stats reports the layer's counters.
func (m *Memory) Stats() Stats {
	m.mu.RLock()
	ch, gr := len(m.channels), len(m.groups)
	m.mu.RUnlock()
	return Stats{Channels: ch, Groups: gr, Frames: m.frames.Load(), Encodes: m.encodes.Load(), SlowClosed: m.slow.Load()}
}
