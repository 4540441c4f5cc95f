package layertest

import (
	"errors"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/osarena/osarena/netcode"
	"github.com/osarena/osarena/server/layer"
)

func testOpenUnique(t *testing.T, nl NewFunc) {
	l, _ := newLayer(t, nl, layer.Options{})
	seen := map[string]bool{}
	for range 100 {
		in := open(t, l)
		if in.Name() == "" || seen[in.Name()] {
			t.Fatalf("Open() name %q empty or repeated", in.Name())
		}
		seen[in.Name()] = true
	}
	if got := l.Stats().Channels; got != 100 {
		t.Errorf("Stats().Channels = %d; want 100", got)
	}
}

func testSendOrder(t *testing.T, nl NewFunc) {
	l, _ := newLayer(t, nl, layer.Options{})
	in := open(t, l)
	for i := range 10 {
		if err := l.Send(in.Name(), netcode.TypePong, i); err != nil {
			t.Fatalf("Send(%d) error %v", i, err)
		}
	}
	for i := range 10 {
		got := recv(t, in)
		want := frame{netcode.TypePong, uint32(i + 1), fmt.Sprint(i)}
		if got != want {
			t.Fatalf("frame %d = %+v; want %+v", i, got, want)
		}
	}
}

func testSendUnknown(t *testing.T, nl NewFunc) {
	l, _ := newLayer(t, nl, layer.Options{})
	if err := l.Send("nobody", netcode.TypePong, 1); !errors.Is(err, layer.ErrNoChannel) {
		t.Errorf("Send(unknown) = %v; want ErrNoChannel", err)
	}
}

func testGroupEncodeOnce(t *testing.T, nl NewFunc) {
	l, c := newLayer(t, nl, layer.Options{})
	var ins []*layer.Inbox
	for range 5 {
		in := open(t, l)
		ins = append(ins, in)
		if err := l.GroupAdd("room", in.Name()); err != nil {
			t.Fatalf("GroupAdd error %v", err)
		}
	}
	seq, err := l.GroupSend("room", netcode.TypeAnswered, "x")
	if err != nil || seq != 1 {
		t.Fatalf("GroupSend = %d, %v; want 1, nil", seq, err)
	}
	if n := c.n.Load(); n != 1 {
		t.Errorf("encodes after one GroupSend to 5 members = %d; want 1", n)
	}
	var first *byte
	for i, in := range ins {
		b, ok := take(in, time.Second)
		if !ok {
			t.Fatalf("member %d got nothing", i)
		}
		if got, want := decode(b), (frame{netcode.TypeAnswered, 1, "x"}); got != want {
			t.Errorf("member %d got %+v; want %+v", i, got, want)
		}
		if first == nil {
			first = &b[0]
		} else if &b[0] != first {
			// The in-process fan-out shares the bytes; a networked layer
			// shares them per node, which is still one decode per node.
			t.Logf("member %d got a copy of the frame, not the shared bytes", i)
		}
	}
	if got := l.Stats().Frames; got < 5 {
		t.Errorf("Stats().Frames = %d; want ≥ 5", got)
	}
}

func testGroupAddTwice(t *testing.T, nl NewFunc) {
	l, _ := newLayer(t, nl, layer.Options{})
	in := open(t, l)
	for range 2 {
		if err := l.GroupAdd("g", in.Name()); err != nil {
			t.Fatalf("GroupAdd error %v", err)
		}
	}
	if _, err := l.GroupSend("g", netcode.TypeAnswered, "once"); err != nil {
		t.Fatal(err)
	}
	recv(t, in)
	none(t, in)
}

func testGroupAddUnknown(t *testing.T, nl NewFunc) {
	l, _ := newLayer(t, nl, layer.Options{})
	if err := l.GroupAdd("g", "nobody"); !errors.Is(err, layer.ErrNoChannel) {
		t.Errorf("GroupAdd(unknown) = %v; want ErrNoChannel", err)
	}
}

func testGroupDiscard(t *testing.T, nl NewFunc) {
	l, _ := newLayer(t, nl, layer.Options{})
	a, b := open(t, l), open(t, l)
	for _, in := range []*layer.Inbox{a, b} {
		if err := l.GroupAdd("g", in.Name()); err != nil {
			t.Fatal(err)
		}
	}
	if err := l.GroupDiscard("g", a.Name()); err != nil {
		t.Fatalf("GroupDiscard error %v", err)
	}
	if err := l.GroupDiscard("g", "never-a-member"); err != nil {
		t.Errorf("GroupDiscard(non-member) = %v; want nil", err)
	}
	if _, err := l.GroupSend("g", netcode.TypeAnswered, "b only"); err != nil {
		t.Fatal(err)
	}
	if got := recv(t, b); got.msg != "b only" {
		t.Errorf("b got %+v", got)
	}
	none(t, a)
}

func testGroupSendEmpty(t *testing.T, nl NewFunc) {
	l, _ := newLayer(t, nl, layer.Options{})
	if seq, err := l.GroupSend("nobody-here", netcode.TypeAnswered, 1); seq != 0 || err != nil {
		t.Errorf("GroupSend(empty) = %d, %v; want 0, nil", seq, err)
	}
}

func testClose(t *testing.T, nl NewFunc) {
	l, _ := newLayer(t, nl, layer.Options{})
	a, b := open(t, l), open(t, l)
	for _, in := range []*layer.Inbox{a, b} {
		if err := l.GroupAdd("g", in.Name()); err != nil {
			t.Fatal(err)
		}
	}
	l.Close(a.Name(), netcode.CloseKicked)
	select {
	case <-a.Done():
	case <-time.After(time.Second):
		t.Fatal("Close did not close the inbox")
	}
	if got := a.Code(); got != netcode.CloseKicked {
		t.Errorf("Code() after Close = %d; want %d", got, netcode.CloseKicked)
	}
	l.Close(a.Name(), netcode.CloseNormal) // no-op
	if got := a.Code(); got != netcode.CloseKicked {
		t.Errorf("Code() after a second Close = %d; want %d", got, netcode.CloseKicked)
	}
	if err := l.Send(a.Name(), netcode.TypePong, 1); !errors.Is(err, layer.ErrNoChannel) {
		t.Errorf("Send(closed) = %v; want ErrNoChannel", err)
	}
	if err := l.GroupAdd("g", a.Name()); !errors.Is(err, layer.ErrNoChannel) {
		t.Errorf("GroupAdd(closed) = %v; want ErrNoChannel", err)
	}
	if _, err := l.GroupSend("g", netcode.TypeAnswered, "after"); err != nil {
		t.Fatal(err)
	}
	recv(t, b)
	none(t, a)
	if got := l.Stats().Channels; got != 1 {
		t.Errorf("Stats().Channels = %d; want 1", got)
	}
}

func testSlow(t *testing.T, nl NewFunc) {
	l, _ := newLayer(t, nl, layer.Options{Queue: 4})
	slow, fast := open(t, l), open(t, l)
	for _, in := range []*layer.Inbox{slow, fast} {
		if err := l.GroupAdd("g", in.Name()); err != nil {
			t.Fatal(err)
		}
	}
	var got []uint32
	for i := range 10 {
		if _, err := l.GroupSend("g", netcode.TypeAnswered, i); err != nil {
			t.Fatal(err)
		}
		got = append(got, recv(t, fast).seq)
	}
	select {
	case <-slow.Done():
	case <-time.After(time.Second):
		t.Fatal("a channel with a full queue was not closed")
	}
	if c := slow.Code(); c != netcode.CloseSlow {
		t.Errorf("slow channel closed with %d; want CloseSlow (%d)", c, netcode.CloseSlow)
	}
	// What was queued before the close is intact and in order.
	queued, _ := slow.Take(nil)
	for i, b := range queued {
		if f := decode(b); f.seq != uint32(i+1) {
			t.Fatalf("slow channel frame %d has seq %d; want %d", i+1, f.seq, i+1)
		}
	}
	for i, s := range got {
		if s != uint32(i+1) {
			t.Fatalf("fast member seqs %v; want 1..10", got)
		}
	}
	if s := l.Stats().SlowClosed; s != 1 {
		t.Errorf("Stats().SlowClosed = %d; want 1", s)
	}
}

func testHistory(t *testing.T, nl NewFunc) {
	l, _ := newLayer(t, nl, layer.Options{History: 4, Queue: 64})
	in := open(t, l)
	if err := l.GroupAdd("g", in.Name()); err != nil {
		t.Fatal(err)
	}
	for i := 1; i <= 6; i++ {
		if _, err := l.GroupSend("g", netcode.TypeAnswered, i); err != nil {
			t.Fatal(err)
		}
	}
	tests := []struct {
		after    uint32
		wantSeqs []uint32
		wantErr  error
	}{
		{6, nil, nil},
		{5, []uint32{6}, nil},
		{2, []uint32{3, 4, 5, 6}, nil},
		{1, nil, layer.ErrHistoryGone},
		{0, nil, layer.ErrHistoryGone},
	}
	for _, tt := range tests {
		frames, err := l.History("g", tt.after)
		if !errors.Is(err, tt.wantErr) {
			t.Errorf("History(g, %d) error %v; want %v", tt.after, err, tt.wantErr)
			continue
		}
		var seqs []uint32
		for _, b := range frames {
			f := decode(b)
			if f.msg != fmt.Sprint(f.seq) {
				t.Errorf("History(g, %d) frame seq %d holds %q", tt.after, f.seq, f.msg)
			}
			seqs = append(seqs, f.seq)
		}
		if fmt.Sprint(seqs) != fmt.Sprint(tt.wantSeqs) {
			t.Errorf("History(g, %d) seqs %v; want %v", tt.after, seqs, tt.wantSeqs)
		}
	}
}

func testConcurrent(t *testing.T, nl NewFunc) {
	const members, senders, each = 20, 8, 50
	l, _ := newLayer(t, nl, layer.Options{Queue: senders*each + each + 8})
	var ins []*layer.Inbox
	for range members {
		in := open(t, l)
		ins = append(ins, in)
		if err := l.GroupAdd("g", in.Name()); err != nil {
			t.Fatal(err)
		}
	}
	var wg sync.WaitGroup
	for s := range senders {
		wg.Go(func() {
			for i := range each {
				if _, err := l.GroupSend("g", netcode.TypeAnswered, s*each+i); err != nil {
					t.Error(err)
				}
			}
		})
	}
	// Churn another group and direct sends at the same time.
	wg.Go(func() {
		for range each {
			x := open(t, l)
			_ = l.GroupAdd("other", x.Name())
			_, _ = l.GroupSend("other", netcode.TypeAnswered, 0)
			_ = l.Send(ins[0].Name(), netcode.TypePong, 0)
			l.Close(x.Name(), netcode.CloseNormal)
		}
	})
	wg.Wait()
	for m, in := range ins {
		want := uint32(1)
		for want <= senders*each {
			f := recv(t, in)
			if f.t == netcode.TypePong {
				continue
			}
			if f.seq != want {
				t.Fatalf("member %d got group seq %d; want %d", m, f.seq, want)
			}
			want++
		}
		if in.Closed() {
			t.Errorf("member %d was closed (code %d)", m, in.Code())
		}
	}
}

func testEncodeError(t *testing.T, nl NewFunc) {
	l, _ := newLayer(t, nl, layer.Options{})
	in := open(t, l)
	if err := l.GroupAdd("g", in.Name()); err != nil {
		t.Fatal(err)
	}
	bad := errors.New("cannot encode")
	if _, err := l.GroupSend("g", netcode.TypeAnswered, bad); !errors.Is(err, bad) {
		t.Errorf("GroupSend(unencodable) = %v; want %v", err, bad)
	}
	if err := l.Send(in.Name(), netcode.TypePong, bad); !errors.Is(err, bad) {
		t.Errorf("Send(unencodable) = %v; want %v", err, bad)
	}
	if seq, err := l.GroupSend("g", netcode.TypeAnswered, "ok"); seq != 1 || err != nil {
		t.Errorf("GroupSend after a failed one = %d, %v; want 1, nil (no sequence number used up)", seq, err)
	}
	if f := recv(t, in); f.seq != 1 {
		t.Errorf("frame seq %d; want 1", f.seq)
	}
}
