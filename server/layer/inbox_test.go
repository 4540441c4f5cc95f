package layer

import (
	"testing"

	"github.com/osarena/osarena/netcode"
)

// An idle inbox holds no queue storage, a queue grows only as frames
// arrive, and the bound still closes a full one with CloseSlow.
func TestInboxGrowsLazily(t *testing.T) {
	tests := []struct {
		name      string
		bound     int
		deliver   int
		take      bool
		wantCap   func(int) bool
		wantSlow  bool
		wantQueue int
	}{
		{"new", 256, 0, false, func(c int) bool { return c == 0 }, false, 0},
		{"one frame", 256, 1, false, func(c int) bool { return c > 0 && c <= 4 }, false, 1},
		{"taken after a burst", 256, 100, true, func(c int) bool { return c == 0 }, false, 0},
		{"taken after a few", 256, 3, true, func(c int) bool { return c <= 8 }, false, 0},
		{"full", 4, 5, false, func(c int) bool { return c <= 8 }, true, 4},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := NewInbox("x", tt.bound)
			slow := false
			for range tt.deliver {
				_, s := in.Deliver([]byte{1})
				slow = slow || s
			}
			if tt.take {
				in.Take(nil)
			}
			if got := cap(in.q); !tt.wantCap(got) {
				t.Errorf("cap(queue) = %d after %d frames (taken %v)", got, tt.deliver, tt.take)
			}
			if slow != tt.wantSlow || (tt.wantSlow && in.Code() != netcode.CloseSlow) {
				t.Errorf("slow = %v, code %d; want slow %v", slow, in.Code(), tt.wantSlow)
			}
			if got := in.Len(); got != tt.wantQueue {
				t.Errorf("Len() = %d; want %d", got, tt.wantQueue)
			}
		})
	}
}
