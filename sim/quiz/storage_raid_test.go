package quiz

import (
	"slices"
	"testing"

	"github.com/osarena/osarena/sim/raid"
)

func TestRAIDDiskWhy(t *testing.T) {
	tests := []struct {
		level, disks int
		layout       string
		block, v     int
		want         string
	}{
		{5, 4, raid.LeftSymmetric, 3, 2, "raid.disk.why.slot"},    // parity disk 2 counted as data index 0
		{5, 4, raid.LeftSymmetric, 3, 3, "raid.disk.why.raid0"},   // 3 mod 4
		{5, 4, raid.LeftAsymmetric, 5, 2, "raid.disk.why.slot"},   // index 2 without skipping parity disk 2
		{5, 4, raid.LeftAsymmetric, 5, 1, "raid.disk.why.layout"}, // left-symmetric puts block 5 on disk 1
		{6, 5, raid.LeftSymmetric, 0, 4, "raid.disk.why.slot"},    // P itself
		{6, 5, raid.LeftSymmetric, 0, 0, "raid.disk.why.q"},       // right after P, forgetting Q
		{4, 4, "", 4, 3, "raid.disk.why.parity"},
	}
	for _, tt := range tests {
		g := raid.NewGeometry(raid.Config{Level: tt.level, Disks: tt.disks, Layout: tt.layout})
		pl := g.Locate(tt.block)
		if got := raidDiskWhy(g, tt.block, pl, tt.v).Key; got != tt.want {
			t.Errorf("RAID %d %s, %d disks, block %d (on disk %d): why(%d) = %s; want %s", tt.level, tt.layout, tt.disks, tt.block, pl.Disk, tt.v, got, tt.want)
		}
	}
}

func TestRAIDParityWhy(t *testing.T) {
	tests := []struct {
		level, disks int
		layout       string
		stripe, v    int
		want         string
	}{
		{5, 4, raid.LeftSymmetric, 1, 3, "raid.parity.why.raid4"},
		{5, 4, raid.LeftSymmetric, 1, 1, "raid.parity.why.rotation"},
		{5, 4, raid.LeftSymmetric, 1, 0, "raid.parity.why.data"},
		{5, 5, raid.LeftSymmetric, 1, 4, "raid.parity.why.raid4"},
		{5, 5, raid.LeftSymmetric, 2, 1, "raid.parity.why.stripe"},
		{4, 4, "", 1, 2, "raid.parity.why.rotating"},
		{6, 5, raid.LeftSymmetric, 0, 0, "raid.parity.why.q"},
	}
	for _, tt := range tests {
		g := raid.NewGeometry(raid.Config{Level: tt.level, Disks: tt.disks, Layout: tt.layout})
		if got := raidParityWhy(g, tt.stripe, tt.v).Key; got != tt.want {
			t.Errorf("RAID %d %s, %d disks, stripe %d: why(%d) = %s; want %s", tt.level, tt.layout, tt.disks, tt.stripe, tt.v, got, tt.want)
		}
	}
}

func TestRAIDWrite(t *testing.T) {
	tests := []struct {
		c     raid.Config
		want  []int64
		wrong map[int64]string
	}{
		// 5 disks: read-modify-write (2 reads) beats reconstruct-write (3).
		{raid.Config{Level: 5, Disks: 5, Requests: []raid.Request{{Block: 0, Write: true}}}, []int64{0, 4},
			map[int64]string{1: "raid.write.why.rcw", 2: "raid.write.why.rcw"}},
		// Left-asymmetric, stripe 1: parity on disk 3, block 4 on disk 0; right layouts put parity on disk 1.
		{raid.Config{Level: 5, Disks: 5, Layout: raid.LeftAsymmetric, Requests: []raid.Request{{Block: 4, Write: true}}}, []int64{0, 3},
			map[int64]string{1: "raid.write.why.layout", 4: "raid.write.why.raid4", 2: "raid.write.why.rcw"}},
		// 3 disks: reconstruct-write reads 1, read-modify-write 2: every disk.
		{raid.Config{Level: 5, Disks: 3, Requests: []raid.Request{{Block: 0, Write: true}}}, []int64{0, 1, 2}, nil},
		// RAID 6 read-modify-write touches P (disk 5) and Q (disk 0, wrapping).
		{raid.Config{Level: 6, Disks: 6, Requests: []raid.Request{{Block: 0, Write: true}}}, []int64{0, 1, 5}, nil},
		// The rule forces reconstruct-write.
		{raid.Config{Level: 4, Disks: 5, Rules: raid.Rules{SmallWrite: raid.AlwaysReconstruct}, Requests: []raid.Request{{Block: 1, Write: true}}}, []int64{0, 1, 2, 3, 4}, nil},
	}
	for _, tt := range tests {
		q, err := askRAIDWrite(tt.c, 0)
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(q.Answer.Values, tt.want) {
			t.Errorf("RAID %d, %d disks: disks touched %v; want %v", tt.c.Level, tt.c.Disks, q.Answer.Values, tt.want)
		}
		for v, key := range tt.wrong {
			i := slices.IndexFunc(q.Wrong, func(m Misconception) bool { return m.Value == v })
			if i < 0 || q.Wrong[i].Why.Key != key {
				t.Errorf("RAID %d, %d disks: wrong disk %d has %+v; want %s", tt.c.Level, tt.c.Disks, v, q.Wrong, key)
			}
		}
	}
}
