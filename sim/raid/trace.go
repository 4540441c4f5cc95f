package raid

import (
	"encoding/hex"
	"slices"
	"strconv"
)

// Nullable is a non-negative number or Null; it encodes as a JSON number or
// null. The layout grid uses it for parity cells and ops for parity blocks.
type Nullable int

// Null is the absent value.
const Null Nullable = -1

// MarshalJSON encodes Null as null.
func (n Nullable) MarshalJSON() ([]byte, error) {
	if n < 0 {
		return []byte("null"), nil
	}
	return strconv.AppendInt(nil, int64(n), 10), nil
}

// Op kinds and the roles of the block an op moves.
const (
	OpRead   = "read"
	OpWrite  = "write"
	RoleData = "data" // a data block or a mirror copy of one
	RoleP    = "P"    // XOR parity
	RoleQ    = "Q"    // RAID 6 Reed–Solomon syndrome
)

// Op is one disk operation.
type Op struct {
	Op     string   `json:"op"` // "read" or "write"
	Disk   int      `json:"disk"`
	Offset int      `json:"offset"`
	Role   string   `json:"role"`  // "data", "P" or "Q"
	Block  Nullable `json:"block"` // the logical block, null for parity
}

// Row methods: how a request was served in one parity row.
const (
	MethodRead        = "read"          // the blocks' own disks
	MethodCopyRead    = "copy-read"     // a mirror copy, the primary having failed
	MethodDegraded    = "degraded-read" // lost blocks reconstructed from the rest of the row
	MethodWrite       = "write"         // RAID 0: the blocks' own disks
	MethodMirror      = "mirror-write"  // every working copy
	MethodFullStripe  = "full-stripe"   // every data block of the row written: parity from new data, no reads
	MethodRMW         = "rmw"           // read old data and parity, write new data and parity
	MethodReconstruct = "reconstruct"   // read the row's other data, write new data and parity
	MethodRecover     = "recover-write" // two lost data blocks on either side: read everything left, solve, write
	MethodNoParity    = "no-parity"     // every parity disk failed: write the data only
)

// RowPlan is how a request was served in one row (the blocks at one offset
// of one stripe).
type RowPlan struct {
	Stripe int    `json:"stripe"`
	Offset int    `json:"offset"`
	Method string `json:"method"`
	// Blocks are the logical blocks of the request in this row.
	Blocks []int `json:"blocks"`
	// Reconstructed lists the blocks rebuilt from parity for a degraded read.
	Reconstructed []int `json:"reconstructed,omitempty"`
	// RMWReads and ReconstructReads are the reads each small-write method
	// would need, or absent when a failed disk rules it out.
	RMWReads         *int `json:"rmw_reads,omitempty"`
	ReconstructReads *int `json:"reconstruct_reads,omitempty"`
	Reads            int  `json:"reads"`
	Writes           int  `json:"writes"`
}

// RequestTrace is what one request did.
type RequestTrace struct {
	Block int       `json:"block"`
	Count int       `json:"count"`
	Write bool      `json:"write"`
	Rows  []RowPlan `json:"rows"`
	// Ops are the disk operations in order: per row, reads by disk, then
	// writes by disk.
	Ops []Op `json:"ops"`
	// Data is the hex contents of each block, in block order: what a read
	// returned or what a write stored.
	Data   []string `json:"data"`
	Reads  int      `json:"reads"`
	Writes int      `json:"writes"`
}

// Location is where a logical block lives.
type Location struct {
	Block  int `json:"block"`
	Stripe int `json:"stripe"`
	Disk   int `json:"disk"`
	Offset int `json:"offset"`
	// ParityDisk and QDisk are the stripe's parity disks (RAID 4, 5, 6).
	ParityDisk *int `json:"parity_disk,omitempty"`
	QDisk      *int `json:"q_disk,omitempty"`
	// Copies are every disk holding the block (RAID 1 and 10).
	Copies []int `json:"copies,omitempty"`
}

// GridRow is one row of the array as a student draws it: per disk, the
// logical block at this offset, or null for parity.
type GridRow struct {
	Stripe     int        `json:"stripe"`
	Offset     int        `json:"offset"`
	Blocks     []Nullable `json:"blocks"`
	ParityDisk *int       `json:"parity_disk,omitempty"`
	QDisk      *int       `json:"q_disk,omitempty"`
}

// Trace is the full run of a scenario.
type Trace struct {
	Level     int    `json:"level"`
	Disks     int    `json:"disks"`
	Chunk     int    `json:"chunk"`
	BlockSize int    `json:"block_size"`
	Stripes   int    `json:"stripes"`
	Seed      uint64 `json:"seed"`
	Rules     Rules  `json:"rules"`
	// DataDisks/Disks is the usable fraction of the raw capacity.
	DataDisks      int `json:"data_disks"`
	CapacityBlocks int `json:"capacity_blocks"`
	// FaultTolerance is how many failures the array survives whichever
	// disks fail; FaultToleranceMax how many at best.
	FaultTolerance    int            `json:"fault_tolerance"`
	FaultToleranceMax int            `json:"fault_tolerance_max"`
	Failed            []int          `json:"failed"`
	Grid              []GridRow      `json:"grid"`
	Map               []Location     `json:"map"`
	Requests          []RequestTrace `json:"requests"`
	Rebuild           *Rebuild       `json:"rebuild,omitempty"`
	// Reads and Writes count the requests' disk operations.
	Reads  int `json:"reads"`
	Writes int `json:"writes"`
}

// Run validates c and simulates it: the layout, every request in order
// against the (possibly degraded) array, then the rebuild if asked.
func Run(c Config) (*Trace, error) {
	c, err := c.resolve()
	if err != nil {
		return nil, err
	}
	a := newArray(c)
	g := a.g
	guaranteed, best := FaultTolerance(c.Level, c.Disks)
	t := &Trace{
		Level: c.Level, Disks: c.Disks, Chunk: c.Chunk, BlockSize: c.BlockSize,
		Stripes: c.Stripes, Seed: c.Seed, Rules: c.Rules,
		DataDisks: g.m, CapacityBlocks: c.Stripes * g.StripeBlocks(),
		FaultTolerance: guaranteed, FaultToleranceMax: best,
		Failed:   append([]int{}, c.Failed...),
		Requests: make([]RequestTrace, len(c.Requests)),
	}
	t.Grid = grid(a)
	t.Map = mapBlocks(g, c.Requests)
	p := newPlanner(a, c.Rules.SmallWrite)
	for i, r := range c.Requests {
		rt := p.request(r)
		t.Requests[i] = rt
		t.Reads += rt.Reads
		t.Writes += rt.Writes
	}
	if c.Rebuild {
		t.Rebuild = p.rebuild(c.Failed)
	}
	return t, nil
}

// Location returns the Location of logical block b, as the trace maps it.
func (g *Geometry) Location(b int) Location {
	pl := g.Locate(b)
	loc := Location{Block: b, Stripe: pl.Stripe, Disk: pl.Disk, Offset: pl.Offset}
	if pl.P >= 0 {
		loc.ParityDisk = &pl.P
	}
	if pl.Q >= 0 {
		loc.QDisk = &pl.Q
	}
	if g.Level == 1 || g.Level == 10 {
		loc.Copies = g.Copies(pl.Stripe, pl.Index)
	}
	return loc
}

// mapBlocks locates every block the requests touch, ascending, once each.
func mapBlocks(g *Geometry, reqs []Request) []Location {
	var blocks []int
	for _, r := range reqs {
		for b := r.Block; b < r.Block+r.Count; b++ {
			blocks = append(blocks, b)
		}
	}
	slices.Sort(blocks)
	blocks = slices.Compact(blocks)
	out := make([]Location, len(blocks))
	for i, b := range blocks {
		out[i] = g.Location(b)
	}
	return out
}

// grid draws the whole array, one row per offset.
func grid(a *array) []GridRow {
	g := a.g
	out := make([]GridRow, a.rows)
	cells := make([]Nullable, a.rows*g.Disks)
	for o := range a.rows {
		s := o / g.Chunk
		r := GridRow{Stripe: s, Offset: o, Blocks: cells[o*g.Disks : (o+1)*g.Disks : (o+1)*g.Disks]}
		for d := range r.Blocks {
			r.Blocks[d] = Null
		}
		for i := range g.m {
			for _, d := range g.Copies(s, i) {
				r.Blocks[d] = Nullable(a.rowBlock(o, i))
			}
		}
		if p, q := g.Parity(s); p >= 0 {
			r.ParityDisk = &p
			if q >= 0 {
				r.QDisk = &q
			}
		}
		out[o] = r
	}
	return out
}

func hexOf(b []byte) string { return hex.EncodeToString(b) }
