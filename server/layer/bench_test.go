package layer_test

import (
	"sync"
	"testing"

	"github.com/osarena/osarena/netcode"
	"github.com/osarena/osarena/server/layer"
)

// BenchmarkGroupSend1000 is one GroupSend of a Reveal-sized message to 1 000
// members whose readers drain their inboxes concurrently.
func BenchmarkGroupSend1000(b *testing.B) {
	l := layer.NewMemory(layer.Options{Encode: netcode.Encode, Queue: 1024})
	var wg sync.WaitGroup
	var ins []*layer.Inbox
	for range 1000 {
		in, _ := l.Open()
		ins = append(ins, in)
		_ = l.GroupAdd("g", in.Name())
	}
	got := make([]int, len(ins))
	for i, in := range ins {
		wg.Go(func() {
			var buf [][]byte
			for {
				var code netcode.CloseCode
				buf, code = in.Take(buf[:0])
				got[i] += len(buf)
				if code != 0 {
					return
				}
				if len(buf) == 0 {
					<-in.Ready()
				}
			}
		})
	}
	msg := netcode.Answered{Round: 3, Count: 412, Of: 1000}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if _, err := l.GroupSend("g", netcode.TypeAnswered, msg); err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	for _, in := range ins {
		for in.Len() > 0 {
		}
		l.Close(in.Name(), netcode.CloseNormal)
	}
	wg.Wait()
	if s := l.Stats(); s.SlowClosed != 0 {
		b.Fatalf("%d members closed as slow", s.SlowClosed)
	}
	b.ReportMetric(float64(l.Stats().Frames)/float64(b.N), "frames/op")
}
