// Package raid simulates disk arrays at RAID levels 0, 1, 4, 5, 6 and 10:
// where a logical block lives (disk, offset, stripe, parity disks), which
// disk operations a read, a small write or a full-stripe write performs,
// how a read is served when disks have failed, and how a failed disk is
// rebuilt onto a spare.
//
// Parity is real. The array holds block contents (deterministic bytes from
// the scenario's seed), P is their XOR and RAID 6's Q is the Reed–Solomon
// syndrome over GF(2^8) with generator 2 and polynomial 0x11d, as in Linux md
// and H. Peter Anvin's "The mathematics of RAID-6". Every write updates parity
// from the bytes its plan actually read, every degraded read reconstructs
// from the bytes it read, and a rebuild is checked byte for byte.
//
// Every convention textbooks disagree on is a named rule (see Rules) with
// the defaults of DESIGN.md §2; a trace echoes the rules that decided it.
// Everything here is pure and deterministic: the same Config gives the same
// Trace on every platform. Functions are safe for concurrent use.
package raid

import (
	"github.com/osarena/osarena/sim/field"
	"slices"
)

// Levels lists the RAID levels the simulator knows.
var Levels = []int{0, 1, 4, 5, 6, 10}

// Limits on a scenario. They bound every allocation and loop: an array holds
// at most MaxArrayBytes of contents, a scenario touches at most
// MaxRequestBlocks logical blocks in all.
const (
	MaxDisks         = 32
	MaxChunk         = 64
	MaxStripes       = 4096
	MaxDiskBlocks    = 4096 // stripes × chunk
	MaxBlockSize     = 256
	MaxArrayBytes    = 1 << 20 // (disks + spares) × stripes × chunk × block_size
	MaxRequests      = 1000
	MaxRequestBlocks = 10_000 // sum of every request's count

	DefaultBlockSize = 16
)

// Request is one read or write of count consecutive logical blocks.
type Request struct {
	Block int `json:"block"`
	// Count is the number of blocks; 0 (left out) means 1.
	Count int  `json:"count,omitempty"`
	Write bool `json:"write,omitempty"`
}

// Config is a RAID scenario: the JSON object of kind "raid" without its kind.
type Config struct {
	Level int `json:"level"`
	Disks int `json:"disks"`
	// Chunk is the stripe unit in blocks; 0 (left out) means 1.
	Chunk int `json:"chunk,omitempty"`
	// Layout is the parity rotation of RAID 5 and 6 (rules.layout may
	// name it instead); other levels ignore it.
	Layout string `json:"layout,omitempty"`
	// BlockSize is the size of a block's contents in bytes; 0 means
	// DefaultBlockSize.
	BlockSize int `json:"block_size,omitempty"`
	// Stripes is the size of the array; 0 means the fewest stripes that
	// hold every requested block.
	Stripes int `json:"stripes,omitempty"`
	// Seed draws the array's initial contents and the data each write
	// stores (stream rng.StreamRAID).
	Seed uint64 `json:"seed,omitempty"`
	// Failed lists the failed disks; requests are served degraded.
	Failed []int `json:"failed,omitempty"`
	// Rebuild, after the requests, reconstructs every failed disk onto a
	// spare (the spares are numbered disks, disks+1, ...).
	Rebuild  bool      `json:"rebuild,omitempty"`
	Requests []Request `json:"requests"`
	Rules    Rules     `json:"rules,omitzero"`
}

// Rules are the named conventions of RAID. The zero value means every
// default; Resolve fills them in.
type Rules struct {
	// Layout is the RAID 5/6 parity rotation.
	Layout string `json:"layout,omitempty"` // "left-symmetric", "left-asymmetric", "right-symmetric", "right-asymmetric"
	// SmallWrite picks how a partial-stripe write updates parity.
	SmallWrite string `json:"small_write,omitempty"` // "fewer-reads", "always-rmw", "always-reconstruct"
	// Parity4 is where RAID 4 keeps parity.
	Parity4 string `json:"parity4,omitempty"` // "last-disk"
	// Q is where RAID 6 keeps Q and how Q weighs the data.
	Q string `json:"q,omitempty"` // "after-p": Q on the disk after P (wrapping), data index i weighted g^i
	// MirrorRead is which copy a RAID 1 or 10 read uses.
	MirrorRead string `json:"mirror_read,omitempty"` // "lowest-alive"
	// Degraded is what happens on a failed disk before the rebuild.
	Degraded string `json:"degraded,omitempty"` // "requests-then-rebuild"
}

// Rule values.
const (
	LeftSymmetric       = "left-symmetric"
	LeftAsymmetric      = "left-asymmetric"
	RightSymmetric      = "right-symmetric"
	RightAsymmetric     = "right-asymmetric"
	FewerReads          = "fewer-reads"
	AlwaysRMW           = "always-rmw"
	AlwaysReconstruct   = "always-reconstruct"
	Parity4LastDisk     = "last-disk"
	QAfterP             = "after-p"
	MirrorLowestAlive   = "lowest-alive"
	RequestsThenRebuild = "requests-then-rebuild"
)

// Layouts lists the parity rotations, the default first.
var Layouts = []string{LeftSymmetric, LeftAsymmetric, RightSymmetric, RightAsymmetric}

// Resolve validates r, fills every default, and keeps only the rules that
// matter to level, so a trace echoes exactly the rules that decided it.
func (r Rules) Resolve(level int) (Rules, error) {
	checks := []struct {
		v       *string
		name    string
		choices []string
	}{
		{&r.Layout, "rules.layout", Layouts},
		{&r.SmallWrite, "rules.small_write", []string{FewerReads, AlwaysRMW, AlwaysReconstruct}},
		{&r.Parity4, "rules.parity4", []string{Parity4LastDisk}},
		{&r.Q, "rules.q", []string{QAfterP}},
		{&r.MirrorRead, "rules.mirror_read", []string{MirrorLowestAlive}},
		{&r.Degraded, "rules.degraded", []string{RequestsThenRebuild}},
	}
	for _, c := range checks {
		if err := field.Rule(c.v, c.name, c.choices...); err != nil {
			return Rules{}, err
		}
	}
	out := Rules{}
	switch level {
	case 1, 10:
		out.MirrorRead = r.MirrorRead
	case 4:
		out.SmallWrite, out.Parity4 = r.SmallWrite, r.Parity4
	case 5:
		out.Layout, out.SmallWrite = r.Layout, r.SmallWrite
	case 6:
		out.Layout, out.SmallWrite, out.Q = r.Layout, r.SmallWrite, r.Q
	}
	if level != 0 {
		out.Degraded = r.Degraded
	}
	return out, nil
}

// Validate reports the first invalid field of c, or nil.
func (c Config) Validate() error {
	_, err := c.resolve()
	return err
}

// minDisks returns the fewest disks a level needs.
func minDisks(level int) int {
	switch level {
	case 4, 5:
		return 3
	case 6, 10:
		return 4
	}
	return 2
}

// resolve validates c and returns it with every default filled in. The
// returned config owns its slices: filling defaults never writes through to
// the caller's.
func (c Config) resolve() (Config, error) {
	c.Requests = slices.Clone(c.Requests)
	c.Failed = slices.Clone(c.Failed)
	if !contains(Levels, c.Level) {
		return c, field.Errorf("level", "must be one of 0, 1, 4, 5, 6, 10")
	}
	if err := field.Range("disks", c.Disks, minDisks(c.Level), MaxDisks); err != nil {
		return c, err
	}
	if c.Level == 10 && c.Disks%2 != 0 {
		return c, field.Errorf("disks", "must be even for RAID 10 (mirrored pairs)")
	}
	if c.Chunk == 0 {
		c.Chunk = 1
	}
	if err := field.Range("chunk", c.Chunk, 1, MaxChunk); err != nil {
		return c, err
	}
	if c.BlockSize == 0 {
		c.BlockSize = DefaultBlockSize
	}
	if err := field.Range("block_size", c.BlockSize, 1, MaxBlockSize); err != nil {
		return c, err
	}
	if c.Layout != "" && c.Rules.Layout != "" && c.Layout != c.Rules.Layout {
		return c, field.Errorf("rules.layout", "is %q but layout is %q; give one", c.Rules.Layout, c.Layout)
	}
	if c.Layout != "" {
		if err := field.Rule(&c.Layout, "layout", Layouts...); err != nil {
			return c, err
		}
		c.Rules.Layout = c.Layout
	}
	r, err := c.Rules.Resolve(c.Level)
	if err != nil {
		return c, err
	}
	c.Rules, c.Layout = r, r.Layout
	if err := c.checkFailed(); err != nil {
		return c, err
	}
	if err := c.checkSize(); err != nil {
		return c, err
	}
	return c, nil
}

func contains(xs []int, v int) bool {
	for _, x := range xs {
		if x == v {
			return true
		}
	}
	return false
}
