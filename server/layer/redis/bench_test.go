package redis_test

import (
	"sync"
	"sync/atomic"
	"testing"

	"github.com/osarena/osarena/netcode"
	"github.com/osarena/osarena/server/layer"
)

// BenchmarkGroupSend100 is a GroupSend of a small message to a group of
// 100 members, half on the sending node and half on a second node, whose
// readers drain their inboxes concurrently. "throughput" sends back to
// back and stops the clock when every member has every frame;
// "round-trip" waits for all 100 members to get each frame before sending
// the next (the delay a reveal takes to reach a whole room).
func BenchmarkGroupSend100(b *testing.B) {
	for _, mode := range []string{"throughput", "round-trip"} {
		b.Run(mode, func(b *testing.B) {
			prefix := fresh()
			opts := layer.Options{Encode: netcode.Encode, Queue: 1 << 16}
			nodes := []layer.Layer{node(b, prefix, opts), node(b, prefix, opts)}
			const members = 100
			var got, want atomic.Int64 // frames taken over all members; how many to wait for
			reached := make(chan struct{}, 1)
			var wg sync.WaitGroup
			var ins []*layer.Inbox
			for i := range members {
				in, err := nodes[i%2].Open()
				if err != nil {
					b.Fatal(err)
				}
				ins = append(ins, in)
				if err := nodes[0].GroupAdd("g", in.Name()); err != nil {
					b.Fatal(err)
				}
				wg.Go(func() {
					var buf [][]byte
					for {
						var code netcode.CloseCode
						buf, code = in.Take(buf[:0])
						if n := got.Add(int64(len(buf))); len(buf) > 0 && n >= want.Load() {
							select {
							case reached <- struct{}{}:
							default:
							}
						}
						if code != 0 {
							return
						}
						if len(buf) == 0 {
							<-in.Ready()
						}
					}
				})
			}
			want.Store(1 << 62)
			wait := func(n int64) {
				want.Store(n)
				for got.Load() < n {
					<-reached
				}
			}
			msg := netcode.Answered{Round: 3, Count: 41, Of: 100}
			b.ReportAllocs()
			b.ResetTimer()
			n := int64(0)
			for b.Loop() {
				if _, err := nodes[0].GroupSend("g", netcode.TypeAnswered, msg); err != nil {
					b.Fatal(err)
				}
				n += members
				if mode == "round-trip" {
					wait(n)
				}
			}
			wait(n)
			b.StopTimer()
			for i, in := range ins {
				nodes[i%2].Close(in.Name(), netcode.CloseNormal)
			}
			wg.Wait()
			var slow uint64
			for _, l := range nodes {
				slow += l.Stats().SlowClosed
			}
			if slow != 0 {
				b.Fatalf("%d members closed as slow", slow)
			}
		})
	}
}
