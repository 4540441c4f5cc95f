package raid

import (
	"bytes"
	"testing"

	"github.com/osarena/osarena/sim/internal/golden"
)

// Golden traces pin one scenario per level and per interesting path: the
// DESIGN.md example, each parity rotation, small writes by either method
// and the rules that force one, a full-stripe write, degraded reads and
// writes, RAID 6 double failures and rebuilds onto spares.
func TestGoldenTraces(t *testing.T) {
	tests := []struct {
		name string
		c    Config
	}{
		{"raid5-design", Config{Level: 5, Disks: 4, Chunk: 1, Layout: LeftSymmetric, Requests: []Request{{Block: 13, Count: 1}}}},
		{"raid0-chunk2", Config{Level: 0, Disks: 4, Chunk: 2, Requests: []Request{{Block: 13, Count: 4}, {Block: 5, Write: true}}}},
		{"raid1", Config{Level: 1, Disks: 3, BlockSize: 4, Failed: []int{0}, Rebuild: true, Requests: []Request{{Block: 1}, {Block: 2, Write: true}}}},
		{"raid10-degraded", Config{Level: 10, Disks: 4, Chunk: 2, BlockSize: 8, Failed: []int{0}, Rebuild: true, Requests: []Request{{Block: 0, Count: 4}, {Block: 2, Write: true}}}},
		{"raid4-writes", Config{Level: 4, Disks: 5, BlockSize: 8, Requests: []Request{{Block: 1, Write: true}, {Block: 4, Count: 3, Write: true}, {Block: 8, Count: 4, Write: true}}}},
		{"raid5-left-asymmetric", Config{Level: 5, Disks: 4, Layout: LeftAsymmetric, BlockSize: 4, Stripes: 4}},
		{"raid5-right-symmetric", Config{Level: 5, Disks: 4, Layout: RightSymmetric, BlockSize: 4, Stripes: 4}},
		{"raid5-right-asymmetric", Config{Level: 5, Disks: 4, Layout: RightAsymmetric, BlockSize: 4, Stripes: 4}},
		{"raid5-always-reconstruct", Config{Level: 5, Disks: 5, BlockSize: 8, Rules: Rules{SmallWrite: AlwaysReconstruct}, Requests: []Request{{Block: 0, Write: true}, {Block: 5, Count: 2, Write: true}}}},
		{"raid5-chunk2-degraded", Config{Level: 5, Disks: 4, Chunk: 2, BlockSize: 8, Stripes: 2, Failed: []int{2}, Rebuild: true, Requests: []Request{{Block: 0, Count: 6}, {Block: 3, Count: 2, Write: true}, {Block: 6, Write: true}}}},
		{"raid6-data-data", Config{Level: 6, Disks: 6, BlockSize: 8, Stripes: 3, Failed: []int{0, 1}, Rebuild: true, Requests: []Request{{Block: 0, Count: 4}, {Block: 1, Write: true}, {Block: 5, Count: 2, Write: true}}}},
		{"raid6-p-q", Config{Level: 6, Disks: 5, BlockSize: 8, Stripes: 2, Failed: []int{4, 0}, Rebuild: true, Requests: []Request{{Block: 0, Write: true}, {Block: 4}}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tr, err := Run(tt.c)
			if err != nil {
				t.Fatal(err)
			}
			golden.JSON(t, tt.name, tr)
			var b bytes.Buffer
			if err := tr.WriteTable(&b); err != nil {
				t.Fatal(err)
			}
			golden.Bytes(t, tt.name+".txt", b.Bytes())
		})
	}
}
