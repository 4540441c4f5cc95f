package redis_test

import (
	"errors"
	"fmt"
	"slices"
	"sync"
	"testing"
	"time"

	goredis "github.com/redis/go-redis/v9"

	"github.com/osarena/osarena/netcode"
	"github.com/osarena/osarena/server/layer"
	"github.com/osarena/osarena/server/layer/redis"
)

// frame is what the tests' encoder writes: "type/seq/msg".
func testEncode(t netcode.Type, seq uint32, msg any) ([]byte, error) {
	return fmt.Appendf(nil, "%d/%d/%v", t, seq, msg), nil
}

func parse(t *testing.T, b []byte) (typ netcode.Type, seq uint32, msg string) {
	t.Helper()
	if _, err := fmt.Sscanf(string(b), "%d/%d/%s", &typ, &seq, &msg); err != nil {
		t.Fatalf("frame %q: %v", b, err)
	}
	return
}

// wait bounds how long a test waits for a frame or a close that must come
// through Redis: generous, since a loaded machine (two cores, -race, other
// tests) may delay the subscription's delivery well past a second, and a
// passing test never waits for it.
const wait = 10 * time.Second

// take waits up to wait for in's next frame.
func take(t *testing.T, in *layer.Inbox) []byte {
	t.Helper()
	timeout := time.After(wait)
	for {
		if b, ok := in.TakeOne(); ok {
			return b
		}
		select {
		case <-in.Ready():
		case <-timeout:
			t.Fatalf("%s: no frame within %v", in.Name(), wait)
		}
	}
}

func open(t *testing.T, l layer.Layer) *layer.Inbox {
	t.Helper()
	in, err := l.Open()
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	return in
}

// Two nodes send to one group with members on both, at once: every member
// gets every frame once, in sequence order, and the two nodes never hand
// out the same sequence number.
func TestTwoNodesShareAGroup(t *testing.T) {
	const each = 100
	prefix := fresh()
	opts := layer.Options{Encode: testEncode, Queue: 2*each + 8}
	a, b := node(t, prefix, opts), node(t, prefix, opts)
	var members []*layer.Inbox
	for _, l := range []layer.Layer{a, b, a, b} {
		in := open(t, l)
		members = append(members, in)
		if err := a.GroupAdd("room", in.Name()); err != nil { // a adds b's channels too
			t.Fatalf("GroupAdd(%s): %v", in.Name(), err)
		}
	}
	seqs := make([][]uint32, 2)
	var wg sync.WaitGroup
	for i, l := range []layer.Layer{a, b} {
		wg.Go(func() {
			for k := range each {
				seq, err := l.GroupSend("room", netcode.TypeAnswered, fmt.Sprintf("n%d-%d", i, k))
				if err != nil {
					t.Errorf("node %d GroupSend: %v", i, err)
					return
				}
				seqs[i] = append(seqs[i], seq)
			}
		})
	}
	wg.Wait()
	all := slices.Sorted(slices.Values(append(slices.Clone(seqs[0]), seqs[1]...)))
	for i, s := range all {
		if s != uint32(i+1) {
			t.Fatalf("sequence numbers handed out = %v...; want 1..%d, each once", all[:min(len(all), 10)], 2*each)
		}
	}
	var first []string
	for m, in := range members {
		var got []string
		for want := uint32(1); want <= 2*each; want++ {
			_, seq, msg := parse(t, take(t, in))
			if seq != want {
				t.Fatalf("member %d: frame seq %d; want %d", m, seq, want)
			}
			got = append(got, msg)
		}
		if m == 0 {
			first = got
		} else if !slices.Equal(got, first) {
			t.Fatalf("member %d got the frames in another order than member 0", m)
		}
	}
}

// Members on one node share one copy of a group frame.
func TestGroupFrameSharedPerNode(t *testing.T) {
	l := node(t, fresh(), layer.Options{Encode: testEncode})
	x, y := open(t, l), open(t, l)
	for _, in := range []*layer.Inbox{x, y} {
		if err := l.GroupAdd("g", in.Name()); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := l.GroupSend("g", netcode.TypeAnswered, "shared"); err != nil {
		t.Fatal(err)
	}
	fx, fy := take(t, x), take(t, y)
	if &fx[0] != &fy[0] {
		t.Errorf("two members of one node got two copies of the frame; want one shared")
	}
}

// Sends to one channel from its own node and from another interleave into
// one numbering, each sender's frames in its order.
func TestTwoNodesSendToOneChannel(t *testing.T) {
	const each = 100
	prefix := fresh()
	a, b := node(t, prefix, layer.Options{Encode: testEncode, Queue: 2*each + 8}), node(t, prefix, layer.Options{Encode: testEncode})
	in := open(t, a)
	var wg sync.WaitGroup
	for i, l := range []layer.Layer{a, b} {
		wg.Go(func() {
			for k := range each {
				if err := l.Send(in.Name(), netcode.TypePong, fmt.Sprintf("n%d-%03d", i, k)); err != nil {
					t.Errorf("node %d Send: %v", i, err)
					return
				}
			}
		})
	}
	wg.Wait()
	next := []int{0, 0}
	for want := uint32(1); want <= 2*each; want++ {
		_, seq, msg := parse(t, take(t, in))
		if seq != want {
			t.Fatalf("frame seq %d; want %d", seq, want)
		}
		var i, k int
		fmt.Sscanf(msg, "n%d-%d", &i, &k)
		if k != next[i] {
			t.Fatalf("node %d's frame %d arrived when %d was due", i, k, next[i])
		}
		next[i]++
	}
}

// A node closes another node's channel: its inbox closes with the code,
// it leaves its groups, and no node can send to it any more.
func TestCloseFromAnotherNode(t *testing.T) {
	prefix := fresh()
	a, b := node(t, prefix, layer.Options{Encode: testEncode}), node(t, prefix, layer.Options{Encode: testEncode})
	victim, stays := open(t, b), open(t, b)
	for _, in := range []*layer.Inbox{victim, stays} {
		if err := a.GroupAdd("g", in.Name()); err != nil {
			t.Fatal(err)
		}
	}
	a.Close(victim.Name(), netcode.CloseKicked)
	select {
	case <-victim.Done():
	case <-time.After(wait):
		t.Fatalf("the inbox did not close within %v", wait)
	}
	if got := victim.Code(); got != netcode.CloseKicked {
		t.Errorf("Code() = %d; want %d", got, netcode.CloseKicked)
	}
	if got := b.Stats().Channels; got != 1 {
		t.Errorf("holding node's Stats().Channels = %d; want 1", got)
	}
	for i, l := range []layer.Layer{a, b} {
		if err := l.Send(victim.Name(), netcode.TypePong, "x"); !errors.Is(err, layer.ErrNoChannel) {
			t.Errorf("node %d Send(closed) = %v; want ErrNoChannel", i, err)
		}
		if err := l.GroupAdd("g", victim.Name()); !errors.Is(err, layer.ErrNoChannel) {
			t.Errorf("node %d GroupAdd(closed) = %v; want ErrNoChannel", i, err)
		}
	}
	if _, err := a.GroupSend("g", netcode.TypeAnswered, "after"); err != nil {
		t.Fatal(err)
	}
	if _, _, msg := parse(t, take(t, stays)); msg != "after" {
		t.Errorf("the other member got %q; want after", msg)
	}
	if b, ok := victim.TakeOne(); ok {
		t.Errorf("the closed channel got %q", b)
	}
}

// A client that reconnects to another node resumes from the group's
// history there.
func TestHistoryFromAnotherNode(t *testing.T) {
	prefix := fresh()
	a, b := node(t, prefix, layer.Options{Encode: testEncode, History: 3}), node(t, prefix, layer.Options{Encode: testEncode})
	in := open(t, a)
	if err := a.GroupAdd("g", in.Name()); err != nil {
		t.Fatal(err)
	}
	for i := 1; i <= 5; i++ {
		if _, err := a.GroupSend("g", netcode.TypeAnswered, i); err != nil {
			t.Fatal(err)
		}
	}
	tests := []struct {
		after   uint32
		want    []string
		wantErr error
	}{
		{5, nil, nil},
		{3, []string{"4", "5"}, nil},
		{2, []string{"3", "4", "5"}, nil},
		{1, nil, layer.ErrHistoryGone},
	}
	for _, tt := range tests {
		frames, err := b.History("g", tt.after)
		if !errors.Is(err, tt.wantErr) {
			t.Errorf("History(g, %d) error %v; want %v", tt.after, err, tt.wantErr)
			continue
		}
		var got []string
		for _, f := range frames {
			_, _, msg := parse(t, f)
			got = append(got, msg)
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("History(g, %d) = %v; want %v", tt.after, got, tt.want)
		}
	}
	if _, err := b.History("never", 0); err != nil {
		t.Errorf("History(unknown group, 0) = %v; want nil", err)
	}
	if _, err := b.History("never", 2); !errors.Is(err, layer.ErrHistoryGone) {
		t.Errorf("History(unknown group, 2) = %v; want ErrHistoryGone", err)
	}
}

// Once every channel is closed, groups and channels leave no key behind,
// and Shutdown removes the node's channels from other nodes' groups.
func TestNothingLeftBehind(t *testing.T) {
	prefix := fresh()
	a, b := node(t, prefix, layer.Options{Encode: testEncode}), node(t, prefix, layer.Options{Encode: testEncode})
	x, y := open(t, a), open(t, b)
	for _, g := range []string{"room", "cup"} {
		for _, in := range []*layer.Inbox{x, y} {
			if err := b.GroupAdd(g, in.Name()); err != nil {
				t.Fatal(err)
			}
		}
		if _, err := b.GroupSend(g, netcode.TypeAnswered, g); err != nil {
			t.Fatal(err)
		}
	}
	if err := a.Shutdown(t.Context()); err != nil {
		t.Fatalf("Shutdown: %v", err)
	}
	if got := x.Code(); got != netcode.CloseShutdown {
		t.Errorf("Code() after Shutdown = %d; want CloseShutdown", got)
	}
	if _, err := a.Open(); !errors.Is(err, layer.ErrClosed) {
		t.Errorf("Open after Shutdown = %v; want ErrClosed", err)
	}
	if seq, err := b.GroupSend("room", netcode.TypeAnswered, "later"); seq != 2 || err != nil {
		t.Errorf("GroupSend after the other node's Shutdown = %d, %v; want 2, nil", seq, err)
	}
	b.Close(y.Name(), netcode.CloseNormal)
	rdb := goredis.NewClient(&goredis.Options{Addr: server.Addr})
	defer rdb.Close()
	keys, err := rdb.Keys(t.Context(), prefix+"*").Result()
	if err != nil {
		t.Fatal(err)
	}
	if len(keys) != 0 {
		t.Errorf("keys left after every channel closed: %v", keys)
	}
}

// When the subscription breaks, frames may have been lost: the node
// closes its channels with CloseShutdown (clients reconnect and resume),
// and channels opened after it resubscribed work.
func TestSubscriptionBreakClosesChannels(t *testing.T) {
	l := node(t, fresh(), layer.Options{Encode: testEncode})
	before := open(t, l)
	rdb := goredis.NewClient(&goredis.Options{Addr: server.Addr})
	defer rdb.Close()
	if err := rdb.Do(t.Context(), "CLIENT", "KILL", "TYPE", "pubsub").Err(); err != nil {
		t.Fatal(err)
	}
	select {
	case <-before.Done():
	case <-time.After(5 * time.Second):
		t.Fatal("a channel stayed open after its node's subscription broke")
	}
	if got := before.Code(); got != netcode.CloseShutdown {
		t.Errorf("Code() = %d; want CloseShutdown (%d)", got, netcode.CloseShutdown)
	}
	deadline := time.Now().Add(5 * time.Second)
	for {
		after, err := l.Open()
		if errors.Is(err, redis.ErrDown) && time.Now().Before(deadline) {
			time.Sleep(10 * time.Millisecond) // still resubscribing
			continue
		}
		if err != nil {
			t.Fatalf("Open after the break: %v", err)
		}
		if err := l.Send(after.Name(), netcode.TypePong, "hello"); err != nil {
			t.Fatalf("Send after the break: %v", err)
		}
		select {
		case <-after.Ready():
			if b, ok := after.TakeOne(); ok {
				if _, _, msg := parse(t, b); msg != "hello" {
					t.Fatalf("got %q; want hello", msg)
				}
				return
			}
		case <-after.Done(): // opened before the node saw the break: try again
		case <-time.After(200 * time.Millisecond):
		}
		if time.Now().After(deadline) {
			t.Fatal("no channel worked within 5s of the break")
		}
	}
}
