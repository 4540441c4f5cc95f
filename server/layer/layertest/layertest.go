// Package layertest is the conformance suite of server/layer: every Layer
// implementation runs it from its own tests,
//
//	func TestConformance(t *testing.T) {
//		layertest.Run(t, func(o layer.Options) layer.Layer { return layer.NewMemory(o) })
//	}
//
// The suite passes its own Encoder in Options (so that it can count encodes
// and read frames back) and sets Queue and History where a test needs them.
// Run it with -race: several tests send from many goroutines at once.
package layertest

import (
	"encoding/binary"
	"fmt"
	"sync/atomic"
	"testing"
	"time"

	"github.com/osarena/osarena/netcode"
	"github.com/osarena/osarena/server/layer"
)

// NewFunc makes a fresh, empty layer with the given options.
type NewFunc func(layer.Options) layer.Layer

// Run runs every conformance test against the layers newLayer makes.
func Run(t *testing.T, newLayer NewFunc) {
	tests := []struct {
		name string
		fn   func(*testing.T, NewFunc)
	}{
		{"OpenUniqueNames", testOpenUnique},
		{"SendOrderAndSeq", testSendOrder},
		{"SendUnknownChannel", testSendUnknown},
		{"GroupSendEncodesOnce", testGroupEncodeOnce},
		{"GroupAddTwice", testGroupAddTwice},
		{"GroupAddUnknownChannel", testGroupAddUnknown},
		{"GroupDiscard", testGroupDiscard},
		{"GroupSendEmpty", testGroupSendEmpty},
		{"CloseLeavesGroups", testClose},
		{"SlowChannelClosed", testSlow},
		{"History", testHistory},
		{"ConcurrentGroupSendsInOrder", testConcurrent},
		{"EncodeError", testEncodeError},
		{"WakeUps", testWakeUps},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { tt.fn(t, newLayer) })
	}
}

// counter is an Encoder that counts its calls and writes frames the suite
// can read back: type byte, big-endian seq, then the message printed.
type counter struct{ n atomic.Int64 }

func (c *counter) encode(t netcode.Type, seq uint32, msg any) ([]byte, error) {
	c.n.Add(1)
	if err, ok := msg.(error); ok {
		return nil, err
	}
	b := []byte{byte(t), 0, 0, 0, 0}
	binary.BigEndian.PutUint32(b[1:], seq)
	return fmt.Append(b, msg), nil
}

// frame is a decoded test frame.
type frame struct {
	t   netcode.Type
	seq uint32
	msg string
}

func decode(b []byte) frame {
	return frame{netcode.Type(b[0]), binary.BigEndian.Uint32(b[1:5]), string(b[5:])}
}

func newLayer(t *testing.T, nl NewFunc, o layer.Options) (layer.Layer, *counter) {
	t.Helper()
	c := &counter{}
	o.Encode = c.encode
	return nl(o), c
}

func open(t *testing.T, l layer.Layer) *layer.Inbox {
	t.Helper()
	in, err := l.Open()
	if err != nil {
		t.Fatalf("Open() error %v", err)
	}
	return in
}

// take waits up to d for in's next frame, as a consumer does: TakeOne,
// and wait for Ready when there is nothing.
func take(in *layer.Inbox, d time.Duration) ([]byte, bool) {
	timeout := time.After(d)
	for {
		if b, ok := in.TakeOne(); ok {
			return b, true
		}
		select {
		case <-in.Ready():
		case <-timeout:
			return nil, false
		}
	}
}

// recv reads one frame or fails after a second.
func recv(t *testing.T, in *layer.Inbox) frame {
	t.Helper()
	b, ok := take(in, time.Second)
	if !ok {
		t.Fatalf("%s: no frame within 1s", in.Name())
	}
	return decode(b)
}

// none checks that in has nothing queued (after a short wait for layers
// that deliver asynchronously).
func none(t *testing.T, in *layer.Inbox) {
	t.Helper()
	if b, ok := take(in, 20*time.Millisecond); ok {
		t.Fatalf("%s: got unexpected frame %+v", in.Name(), decode(b))
	}
}
