package room

import (
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/osarena/osarena/netcode"
)

// fakeOut is an Outbox that records what each channel would receive.
type fakeOut struct {
	groups map[string][]string
	got    map[string][]sent
	closed map[string]netcode.CloseCode
}

type sent struct {
	t   netcode.Type
	msg any
}

func newFakeOut() *fakeOut {
	return &fakeOut{groups: map[string][]string{}, got: map[string][]sent{}, closed: map[string]netcode.CloseCode{}}
}

func (f *fakeOut) GroupAdd(g, ch string) error {
	if _, gone := f.closed[ch]; gone {
		return errNoChannel
	}
	if !slices.Contains(f.groups[g], ch) {
		f.groups[g] = append(f.groups[g], ch)
	}
	return nil
}

func (f *fakeOut) GroupDiscard(g, ch string) error {
	f.groups[g] = slices.DeleteFunc(f.groups[g], func(c string) bool { return c == ch })
	return nil
}

func (f *fakeOut) GroupSend(g string, t netcode.Type, msg any) (uint32, error) {
	for _, ch := range f.groups[g] {
		f.got[ch] = append(f.got[ch], sent{t, msg})
	}
	return 0, nil
}

func (f *fakeOut) Send(ch string, t netcode.Type, msg any) error {
	f.got[ch] = append(f.got[ch], sent{t, msg})
	return nil
}

func (f *fakeOut) Close(ch string, code netcode.CloseCode) {
	if _, ok := f.closed[ch]; !ok {
		f.closed[ch] = code
	}
	for g := range f.groups {
		_ = f.GroupDiscard(g, ch)
	}
}

type errString string

func (e errString) Error() string { return string(e) }

const errNoChannel = errString("fake: no channel")

// last returns the last message of type t that ch received.
func last[T any](t *testing.T, f *fakeOut, ch string, typ netcode.Type) T {
	t.Helper()
	for i := len(f.got[ch]) - 1; i >= 0; i-- {
		if s := f.got[ch][i]; s.t == typ {
			return s.msg.(T)
		}
	}
	t.Fatalf("%s received no message of type %d; got %v", ch, typ, types(f.got[ch]))
	var zero T
	return zero
}

func count(f *fakeOut, ch string, typ netcode.Type) int {
	n := 0
	for _, s := range f.got[ch] {
		if s.t == typ {
			n++
		}
	}
	return n
}

func types(ss []sent) []netcode.Type {
	var out []netcode.Type
	for _, s := range ss {
		out = append(out, s.t)
	}
	return out
}

// harness is a room driven by hand with a fake clock.
type harness struct {
	t   *testing.T
	r   *Room
	out *fakeOut
	now time.Time
}

var t0 = time.Date(2026, 3, 1, 10, 0, 0, 0, time.UTC)

func newHarness(t *testing.T, s netcode.Settings, cfg Config) *harness {
	t.Helper()
	out := newFakeOut()
	cfg.Seed = 42
	cfg.Clock = func() time.Time { return t0 }
	r, err := New("ABCDEF", "s1", s, out, cfg)
	if err != nil {
		t.Fatal(err)
	}
	return &harness{t: t, r: r, out: out, now: t0}
}

func testSettings() netcode.Settings {
	s := DefaultSettings()
	s.Topics, s.Rounds, s.Seconds = []string{"replace"}, 3, 20
	return s
}

func (h *harness) advance(d time.Duration) { h.now = h.now.Add(d); h.r.handle(h.now, Tick{}) }

// join seats session sN on channel cN with a nickname, as the server
// seats a player (in a duel too: Seat).
func (h *harness) join(session, nick string) Reply {
	h.t.Helper()
	c := make(chan Reply, 1)
	h.r.handle(h.now, Join{Session: session, Channel: "ch-" + session, Nickname: nick, Seat: true, Reply: c})
	return <-c
}

func (h *harness) cmd(session string, typ netcode.Type, msg any) {
	h.r.handle(h.now, Command{Session: session, Type: typ, Msg: msg})
}

// right is the correct answer to the open round.
func (h *harness) right() []int64 {
	return h.r.match.questions[h.r.match.round-1].Answer.Values
}

// wrong is a well-formed wrong answer to the open round.
func (h *harness) wrong() []int64 {
	q := h.r.match.questions[h.r.match.round-1]
	for _, c := range q.Choices {
		if c.Value != q.Answer.Values[0] {
			return []int64{c.Value}
		}
	}
	v := slices.Clone(q.Answer.Values)
	v[0] += 1 + q.Answer.Tolerance
	return v
}

func (h *harness) answer(session string, values []int64) netcode.AnswerAck {
	h.t.Helper()
	h.cmd(session, netcode.TypeAnswer, netcode.Answer{Round: uint8(h.r.match.round), Values: values})
	return last[netcode.AnswerAck](h.t, h.out, "ch-"+session, netcode.TypeAnswerAck)
}

// lockedOut is a fakeOut safe to use from the room's goroutine while the
// test goroutine watches.
type lockedOut struct {
	mu sync.Mutex
	*fakeOut
}

func (l *lockedOut) GroupAdd(g, ch string) error {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.fakeOut.GroupAdd(g, ch)
}

func (l *lockedOut) GroupDiscard(g, ch string) error {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.fakeOut.GroupDiscard(g, ch)
}

func (l *lockedOut) GroupSend(g string, t netcode.Type, msg any) (uint32, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.fakeOut.GroupSend(g, t, msg)
}

func (l *lockedOut) Send(ch string, t netcode.Type, msg any) error {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.fakeOut.Send(ch, t, msg)
}

func (l *lockedOut) Close(ch string, code netcode.CloseCode) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.fakeOut.Close(ch, code)
}
