package layertest

import (
	"sync/atomic"
	"testing"
	"time"

	"github.com/osarena/osarena/netcode"
	"github.com/osarena/osarena/server/layer"
)

// testWakeUps checks the Inbox consumer contract through a layer: one
// wake-up per idle-to-awake change, by Send, GroupSend or Close.
func testWakeUps(t *testing.T, nl NewFunc) {
	l, _ := newLayer(t, nl, layer.Options{})
	in := open(t, l)
	if err := l.GroupAdd("g", in.Name()); err != nil {
		t.Fatal(err)
	}
	var wakes atomic.Int32
	woke := make(chan struct{}, 16)
	in.OnWake(func() { wakes.Add(1); woke <- struct{}{} })
	wait := func(step string, want int32) {
		t.Helper()
		select {
		case <-woke:
		case <-time.After(time.Second):
			t.Fatalf("%s: no wake-up within 1s", step)
		}
		if got := wakes.Load(); got != want {
			t.Fatalf("%s: %d wake-ups; want %d", step, got, want)
		}
	}
	takeAll := func(step string, wantN int, wantCode netcode.CloseCode) {
		t.Helper()
		deadline := time.Now().Add(time.Second)
		var got [][]byte
		var code netcode.CloseCode
		for {
			var more [][]byte
			more, code = in.Take(nil)
			got = append(got, more...)
			if len(got) >= wantN || time.Now().After(deadline) {
				break
			}
			time.Sleep(time.Millisecond) // a networked layer may deliver in parts
		}
		if len(got) != wantN || code != wantCode {
			t.Fatalf("%s: Take gave %d frames, code %d; want %d, %d", step, len(got), code, wantN, wantCode)
		}
	}
	_ = l.Send(in.Name(), netcode.TypePong, 1)
	wait("first Send", 1)
	_, _ = l.GroupSend("g", netcode.TypeAnswered, 2)
	_ = l.Send(in.Name(), netcode.TypePong, 3)
	takeAll("three frames", 3, 0)
	takeAll("empty again", 0, 0) // idle from here
	if n := wakes.Load(); n != 1 {
		t.Fatalf("frames queued while awake woke it %d times; want once", n)
	}
	_, _ = l.GroupSend("g", netcode.TypeAnswered, 4)
	wait("GroupSend to an idle inbox", 2)
	takeAll("one frame", 1, 0)
	takeAll("empty", 0, 0)
	l.Close(in.Name(), netcode.CloseKicked)
	wait("Close of an idle inbox", 3)
	takeAll("closed", 0, netcode.CloseKicked)
	takeAll("closed, again", 0, netcode.CloseKicked)
	if n := wakes.Load(); n != 3 {
		t.Errorf("%d wake-ups after the close; want 3", n)
	}
}
