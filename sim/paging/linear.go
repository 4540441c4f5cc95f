package paging

import (
	"math/big"
	"slices"

	"github.com/osarena/osarena/sim/field"
)

// Limits on a paging scenario.
const (
	MaxTableEntries = 1 << 16 // entries of one linear page table
	MaxProcesses    = 16      // processes of one scenario
	MaxPTEBytes     = 16      // bytes of one page-table entry
)

// Config is a linear paging scenario: the JSON object of kind "paging"
// without its kind. It has either one page table or a list of processes,
// each with its own table (to show pages shared between processes).
type Config struct {
	PageSize  int       `json:"page_size"`
	PageTable []PTE     `json:"page_table,omitempty"`
	Processes []Process `json:"processes,omitempty"`
	// Addresses to translate. An access's pid picks the process (left out:
	// the previous access's process, the first process at the start).
	Addresses []Access `json:"addresses"`
	// MemoryFrames, when set, is the number of physical frames; every
	// valid entry must name one of them.
	MemoryFrames int `json:"memory_frames,omitempty"`
	// AddressBits, when set, is the width of a virtual address: addresses
	// must fit in it, and with PTEBytes it gives the size of a full
	// single-level table.
	AddressBits int `json:"address_bits,omitempty"`
	PTEBytes    int `json:"pte_bytes,omitempty"`
}

// Process is one process's page table.
type Process struct {
	PID       int   `json:"pid"`
	PageTable []PTE `json:"page_table"`
}

// Trap says why a translation failed.
type Trap string

// The traps of a linear table.
const (
	TrapNone       Trap = ""
	TrapLength     Trap = "length"     // the page number is past the table's end (PTLR check)
	TrapInvalid    Trap = "invalid"    // the entry's valid bit is clear: page fault
	TrapProtection Trap = "protection" // the entry forbids the operation
)

// Result is one translation.
type Result struct {
	VA     int  `json:"va"`
	PID    *int `json:"pid,omitempty"` // set when the scenario has processes
	Op     Op   `json:"op"`
	VPN    int  `json:"vpn"`
	Offset int  `json:"offset"`
	// Valid is set when the translation succeeded; PA and Frame are then
	// set, and Trap is empty.
	Valid bool `json:"valid"`
	Frame *int `json:"frame"`
	PA    *int `json:"pa"`
	Trap  Trap `json:"trap,omitempty"`
	// Prot is the rights of the entry used (when it is valid).
	Prot string `json:"prot,omitempty"`
}

// SharedFrame is a frame that more than one page maps.
type SharedFrame struct {
	Frame    int       `json:"frame"`
	Mappings []Mapping `json:"mappings"`
	// ReadOnly is set when no mapping may write the frame.
	ReadOnly bool `json:"read_only"`
}

// Mapping is one (process, page) → frame pair.
type Mapping struct {
	PID   int  `json:"pid"`
	Page  int  `json:"page"`
	Frame int  `json:"frame"`
	Prot  Prot `json:"prot,omitempty"`
}

// TableSize is the size of a full single-level page table.
type TableSize struct {
	AddressBits int      `json:"address_bits"`
	PageSize    int      `json:"page_size"`
	PTEBytes    int      `json:"pte_bytes"`
	Entries     *big.Int `json:"entries"`
	Bytes       *big.Int `json:"bytes"`
}

// Trace is the outcome of a paging scenario.
type Trace struct {
	PageSize   int           `json:"page_size"`
	OffsetBits int           `json:"offset_bits"`
	Processes  []Process     `json:"processes"`
	Results    []Result      `json:"results"`
	Faults     int           `json:"faults"`           // invalid and length traps
	Violations int           `json:"violations"`       // protection traps
	Shared     []SharedFrame `json:"shared,omitempty"` // frames mapped more than once
	TableSize  *TableSize    `json:"table_size,omitempty"`
}

// Validate reports the first invalid field of c, or nil.
func (c Config) Validate() error {
	_, err := c.procs()
	return err
}

// procs validates c and returns its page tables as processes (a lone
// page_table becomes process 0).
func (c Config) procs() ([]Process, error) {
	if err := checkPageSize("page_size", c.PageSize, false); err != nil {
		return nil, err
	}
	ob := log2(c.PageSize)
	frames := maxFrame(c.PageSize) + 1
	if c.MemoryFrames != 0 {
		if err := field.Range("memory_frames", c.MemoryFrames, 1, frames); err != nil {
			return nil, err
		}
		frames = c.MemoryFrames
	}
	limit := maxAddr
	if c.AddressBits != 0 {
		if err := field.Range("address_bits", c.AddressBits, ob, 64); err != nil {
			return nil, err
		}
		if c.AddressBits < MaxAddressBits {
			limit = 1 << c.AddressBits
		}
	}
	if c.PTEBytes != 0 {
		if c.AddressBits == 0 {
			return nil, field.Errorf("pte_bytes", "needs address_bits to size the table")
		}
		if err := field.Range("pte_bytes", c.PTEBytes, 1, MaxPTEBytes); err != nil {
			return nil, err
		}
	}
	maxEntries := min(MaxTableEntries, limit>>ob)
	var ps []Process
	switch {
	case c.PageTable != nil && c.Processes != nil:
		return nil, field.Errorf("processes", "cannot be given with page_table; use one or the other")
	case c.Processes != nil:
		if err := field.Len("processes", len(c.Processes), 1, MaxProcesses); err != nil {
			return nil, err
		}
		for i, p := range c.Processes {
			name := field.Index("processes", i)
			if err := field.Range(field.Sub(name, "pid"), p.PID, 0, MaxPID); err != nil {
				return nil, err
			}
			for j := range i {
				if c.Processes[j].PID == p.PID {
					return nil, field.Errorf(field.Sub(name, "pid"), "repeats the pid of processes[%d]", j)
				}
			}
			if err := checkTable(field.Sub(name, "page_table"), p.PageTable, maxEntries, frames); err != nil {
				return nil, err
			}
		}
		ps = c.Processes
	default:
		if err := checkTable("page_table", c.PageTable, maxEntries, frames); err != nil {
			return nil, err
		}
		ps = []Process{{PID: 0, PageTable: c.PageTable}}
	}
	multi := c.Processes != nil
	if err := checkAccesses("addresses", c.Addresses, accessRules{limit: limit, ops: true, pids: multi}); err != nil {
		return nil, err
	}
	if multi {
		for i, a := range c.Addresses {
			if a.PID != CurrentPID && slices.IndexFunc(ps, func(p Process) bool { return p.PID == a.PID }) < 0 {
				return nil, field.Errorf(field.Sub(field.Index("addresses", i), "pid"), "must be the pid of one of the processes")
			}
		}
	}
	return ps, nil
}

func checkTable(name string, t []PTE, maxEntries, frames int) error {
	if err := field.Len(name, len(t), 1, maxEntries); err != nil {
		return err
	}
	for i, e := range t {
		if err := e.check(field.Index(name, i), frames); err != nil {
			return err
		}
	}
	return nil
}

// Run validates c and translates every address through its page table.
func Run(c Config) (*Trace, error) {
	ps, err := c.procs()
	if err != nil {
		return nil, err
	}
	ob := log2(c.PageSize)
	t := &Trace{PageSize: c.PageSize, OffsetBits: ob, Processes: ps, Results: make([]Result, len(c.Addresses))}
	owner := pids(c.Addresses, ps[0].PID)
	for i, a := range c.Addresses {
		p := ps[slices.IndexFunc(ps, func(p Process) bool { return p.PID == owner[i] })]
		r := Translate(p.PageTable, c.PageSize, a.VA, a.op())
		if c.Processes != nil {
			pid := p.PID
			r.PID = &pid
		}
		switch r.Trap {
		case TrapLength, TrapInvalid:
			t.Faults++
		case TrapProtection:
			t.Violations++
		}
		t.Results[i] = r
	}
	t.Shared = sharedFrames(ps)
	if c.PTEBytes != 0 {
		t.TableSize = SingleLevelSize(c.AddressBits, c.PageSize, c.PTEBytes)
	}
	return t, nil
}

// Translate translates va for op through a linear table with pageSize-byte
// pages (a power of two). It does not validate its arguments.
func Translate(table []PTE, pageSize, va int, op Op) Result {
	ob := log2(pageSize)
	r := Result{VA: va, Op: op, VPN: va >> ob, Offset: va & (pageSize - 1)}
	switch {
	case r.VPN >= len(table):
		r.Trap = TrapLength
		return r
	case !table[r.VPN].Valid:
		r.Trap = TrapInvalid
		return r
	}
	e := table[r.VPN]
	r.Prot = e.Prot.String()
	if !e.Prot.Allows(op) {
		r.Trap = TrapProtection
		return r
	}
	f, pa := e.Frame, e.Frame<<ob|r.Offset
	r.Valid, r.Frame, r.PA = true, &f, &pa
	return r
}

// SingleLevelSize returns the size of a full single-level table for
// addressBits-bit addresses, pageSize-byte pages (a power of two) and
// pteBytes-byte entries: 2^(addressBits − log2 pageSize) entries.
func SingleLevelSize(addressBits, pageSize, pteBytes int) *TableSize {
	entries := new(big.Int).Lsh(big.NewInt(1), uint(max(0, addressBits-log2(pageSize))))
	return &TableSize{
		AddressBits: addressBits, PageSize: pageSize, PTEBytes: pteBytes,
		Entries: entries, Bytes: new(big.Int).Mul(entries, big.NewInt(int64(pteBytes))),
	}
}

// sharedFrames lists the frames that more than one valid entry maps, in
// frame order, each with its mappings in process and page order.
func sharedFrames(ps []Process) []SharedFrame {
	var all []Mapping
	for _, p := range ps {
		for vpn, e := range p.PageTable {
			if e.Valid {
				all = append(all, Mapping{PID: p.PID, Page: vpn, Frame: e.Frame, Prot: e.Prot})
			}
		}
	}
	slices.SortStableFunc(all, func(a, b Mapping) int { return a.Frame - b.Frame })
	var out []SharedFrame
	for i := 0; i < len(all); {
		j := i
		for j < len(all) && all[j].Frame == all[i].Frame {
			j++
		}
		if j-i > 1 {
			s := SharedFrame{Frame: all[i].Frame, Mappings: all[i:j:j], ReadOnly: true}
			for _, m := range s.Mappings {
				if m.Prot.Allows(Write) {
					s.ReadOnly = false
				}
			}
			out = append(out, s)
		}
		i = j
	}
	return out
}
