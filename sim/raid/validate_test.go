package raid

import (
	"testing"
)

func TestValidate(t *testing.T) {
	ok := Config{Level: 5, Disks: 4, Requests: []Request{{Block: 13}}}
	tests := []struct {
		name string
		edit func(*Config)
		want string
	}{
		{"level", func(c *Config) { c.Level = 3 }, "level must be one of 0, 1, 4, 5, 6, 10"},
		{"disks low", func(c *Config) { c.Disks = 2 }, "disks must be between 3 and 32"},
		{"raid6 disks", func(c *Config) { c.Level, c.Disks = 6, 3 }, "disks must be between 4 and 32"},
		{"raid10 odd", func(c *Config) { c.Level, c.Disks = 10, 5 }, "disks must be even for RAID 10 (mirrored pairs)"},
		{"chunk", func(c *Config) { c.Chunk = 65 }, "chunk must be between 1 and 64"},
		{"block size", func(c *Config) { c.BlockSize = -1 }, "block_size must be between 1 and 256"},
		{"layout", func(c *Config) { c.Layout = "diagonal" }, "layout must be one of left-symmetric, left-asymmetric, right-symmetric, right-asymmetric"},
		{"layout twice", func(c *Config) { c.Layout, c.Rules.Layout = RightSymmetric, LeftSymmetric },
			`rules.layout is "left-symmetric" but layout is "right-symmetric"; give one`},
		{"small write", func(c *Config) { c.Rules.SmallWrite = "rmw" }, "rules.small_write must be one of fewer-reads, always-rmw, always-reconstruct"},
		{"raid0 failed", func(c *Config) { c.Level, c.Failed = 0, []int{1} }, "failed must be empty for RAID 0: it has no redundancy, a failed disk loses data"},
		{"too many failed", func(c *Config) { c.Failed = []int{0, 1} }, "failed must list at most 1 disk for RAID 5 with 4 disks (more loses data)"},
		{"failed range", func(c *Config) { c.Failed = []int{4} }, "failed[0] must be between 0 and 3"},
		{"failed repeat", func(c *Config) { c.Level, c.Failed = 6, []int{2, 2} }, "failed[1] repeats disk 2"},
		{"raid10 pair", func(c *Config) { c.Level, c.Failed = 10, []int{3, 2} }, "failed[1] is the mirror of failed disk 3: RAID 10 loses pair 1"},
		{"rebuild", func(c *Config) { c.Rebuild = true }, "rebuild needs at least one failed disk (failed is empty)"},
		{"stripes", func(c *Config) { c.Stripes = 5000 }, "stripes must be between 1 and 4096"},
		{"stripes bytes", func(c *Config) { c.Disks, c.Chunk, c.BlockSize, c.Stripes = 32, 64, 256, 3 }, "stripes must be between 1 and 2"},
		{"block", func(c *Config) { c.Stripes = 2; c.Requests[0].Block = 6 }, "requests[0].block must be between 0 and 5"},
		{"negative block", func(c *Config) { c.Requests[0].Block = -1 }, "requests[0].block must be between 0 and 12287"},
		{"count", func(c *Config) { c.Stripes = 5; c.Requests = []Request{{}, {Block: 13, Count: 3}} }, "requests[1].count must be between 1 and 2"},
		{"total", func(c *Config) { c.Requests = []Request{{Count: 9000}, {Count: 2000}} }, "requests[1].count brings the blocks requested in all to 11000; at most 10000"},
		{"requests", func(c *Config) { c.Requests = make([]Request, MaxRequests+1) }, "requests must have between 0 and 1000 elements"},
	}
	for _, tt := range tests {
		c := ok
		c.Requests = append([]Request{}, ok.Requests...)
		tt.edit(&c)
		_, err := Run(c)
		if err == nil || err.Error() != tt.want {
			t.Errorf("%s: Run(%+v) error = %v; want %q", tt.name, c, err, tt.want)
		}
	}
	if _, err := Run(ok); err != nil {
		t.Errorf("Run(%+v) = %v; want no error", ok, err)
	}
}

// Defaults: chunk 1, block size 16, count 1, the fewest stripes that hold
// the requests, and only the rules that matter to the level.
func TestDefaults(t *testing.T) {
	tests := []struct {
		c       Config
		stripes int
		rules   Rules
	}{
		{Config{Level: 5, Disks: 4, Requests: []Request{{Block: 13}}}, 5, Rules{Layout: LeftSymmetric, SmallWrite: FewerReads, Degraded: RequestsThenRebuild}},
		{Config{Level: 0, Disks: 4, Chunk: 2, Layout: RightSymmetric, Requests: []Request{{Block: 13}}}, 2, Rules{}},
		{Config{Level: 4, Disks: 3, Requests: []Request{{Block: 1, Count: 2}}}, 2, Rules{SmallWrite: FewerReads, Parity4: Parity4LastDisk, Degraded: RequestsThenRebuild}},
		{Config{Level: 6, Disks: 6, Rules: Rules{Layout: RightAsymmetric}}, 1, Rules{Layout: RightAsymmetric, SmallWrite: FewerReads, Q: QAfterP, Degraded: RequestsThenRebuild}},
		{Config{Level: 10, Disks: 4}, 1, Rules{MirrorRead: MirrorLowestAlive, Degraded: RequestsThenRebuild}},
	}
	for _, tt := range tests {
		tr, err := Run(tt.c)
		if err != nil {
			t.Fatalf("Run(%+v): %v", tt.c, err)
		}
		if tr.Stripes != tt.stripes || tr.Rules != tt.rules || tr.Chunk < 1 || tr.BlockSize != DefaultBlockSize {
			t.Errorf("Run(%+v) = stripes %d rules %+v chunk %d block size %d; want %d %+v", tt.c, tr.Stripes, tr.Rules, tr.Chunk, tr.BlockSize, tt.stripes, tt.rules)
		}
	}
}

// Capacity and fault tolerance per level.
func TestCapacity(t *testing.T) {
	tests := []struct {
		level, disks, data, tol, best int
	}{
		{0, 4, 4, 0, 0}, {1, 3, 1, 2, 2}, {4, 5, 4, 1, 1}, {5, 4, 3, 1, 1}, {6, 6, 4, 2, 2}, {10, 6, 3, 1, 3},
	}
	for _, tt := range tests {
		tr, err := Run(Config{Level: tt.level, Disks: tt.disks, Chunk: 2, Stripes: 3})
		if err != nil {
			t.Fatal(err)
		}
		if tr.DataDisks != tt.data || tr.CapacityBlocks != tt.data*6 || tr.FaultTolerance != tt.tol || tr.FaultToleranceMax != tt.best {
			t.Errorf("Run(RAID %d, %d disks) = data disks %d, capacity %d, tolerance %d/%d; want %d, %d, %d/%d",
				tt.level, tt.disks, tr.DataDisks, tr.CapacityBlocks, tr.FaultTolerance, tr.FaultToleranceMax, tt.data, tt.data*6, tt.tol, tt.best)
		}
	}
}

// Run must not write defaults into the caller's config, and a layout given
// under rules places blocks like one given at the top level.
func TestRunLeavesConfigAlone(t *testing.T) {
	c := Config{Level: 5, Disks: 4, Requests: []Request{{Block: 3}}, Rules: Rules{Layout: LeftAsymmetric}}
	if _, err := Run(c); err != nil {
		t.Fatal(err)
	}
	if c.Requests[0].Count != 0 {
		t.Errorf("Run set the caller's requests[0].count to %d; want it left at 0", c.Requests[0].Count)
	}
	top := NewGeometry(Config{Level: 5, Disks: 4, Layout: LeftAsymmetric}).Locate(3)
	if got := NewGeometry(c).Locate(3); got != top {
		t.Errorf("NewGeometry(rules.layout %s).Locate(3) = %+v; want %+v as with layout at the top level", LeftAsymmetric, got, top)
	}
}
