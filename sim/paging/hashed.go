package paging

import (
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/osarena/osarena/sim/field"
)

// Limits on hashed and inverted tables.
const (
	MaxBuckets  = 4096
	MaxMappings = 1 << 16
)

// Pair maps one page of one process to a frame.
type Pair struct {
	PID   int `json:"pid"`
	Page  int `json:"page"`
	Frame int `json:"frame"`
}

// HashedConfig is a hashed page table scenario: the JSON object of kind
// "hashed" without its kind. Mappings are inserted in order into the chain
// of bucket hash(page); each lookup walks its bucket's chain comparing
// (pid, page). Addresses are split by PageSize (left out: 1, so addresses
// are page numbers).
type HashedConfig struct {
	Buckets  int       `json:"buckets"`
	PageSize int       `json:"page_size,omitempty"`
	Mappings []Pair    `json:"mappings"`
	Accesses []Access  `json:"accesses"`
	Rules    HashRules `json:"rules,omitzero"`
}

// HashRules are the named conventions of a hashed page table.
type HashRules struct {
	// Hash maps a page number to a bucket: "mod" (page mod buckets) or
	// "multiplicative" (Knuth: ⌊buckets · frac(page · 2654435769 / 2^32)⌋,
	// on the page's low 32 bits).
	Hash string `json:"hash,omitempty"`
	// Insert is where a new mapping joins its chain: "tail" or "head".
	Insert string `json:"insert,omitempty"`
}

// Rule values.
const (
	HashMod            = "mod"
	HashMultiplicative = "multiplicative"
	InsertTail         = "tail"
	InsertHead         = "head"
)

// HashedResult is one lookup.
type HashedResult struct {
	VA     int `json:"va"`
	PID    int `json:"pid"`
	VPN    int `json:"vpn"`
	Offset int `json:"offset"`
	Bucket int `json:"bucket"`
	// Probes counts the chain elements compared, the match included.
	Probes int  `json:"probes"`
	Frame  *int `json:"frame"` // nil: not in the table (page fault)
	PA     *int `json:"pa"`
}

// HashedTrace is the run of a hashed page table scenario.
type HashedTrace struct {
	Buckets  int            `json:"buckets"`
	PageSize int            `json:"page_size"`
	Rules    HashRules      `json:"rules"`
	Chains   [][]Pair       `json:"chains"` // each bucket's chain, first to last
	Results  []HashedResult `json:"results"`
	Probes   int            `json:"probes"` // total over all lookups
	Faults   int            `json:"faults"`
	// AvgProbes is Probes / lookups, exact.
	AvgProbes Frac `json:"avg_probes"`
}

// Validate reports the first invalid field of c, or nil.
func (c HashedConfig) Validate() error {
	_, err := c.resolve()
	return err
}

func (c HashedConfig) resolve() (HashedConfig, error) {
	if err := field.Range("buckets", c.Buckets, 1, MaxBuckets); err != nil {
		return c, err
	}
	if err := checkPageSize("page_size", c.PageSize, true); err != nil {
		return c, err
	}
	c.PageSize = orOne(c.PageSize)
	if err := checkPairs("mappings", c.Mappings, c.PageSize, true); err != nil {
		return c, err
	}
	if err := checkAccesses("accesses", c.Accesses, accessRules{min: 1, limit: maxAddr, pids: true}); err != nil {
		return c, err
	}
	if err := field.Rule(&c.Rules.Hash, "rules.hash", HashMod, HashMultiplicative); err != nil {
		return c, err
	}
	if err := field.Rule(&c.Rules.Insert, "rules.insert", InsertTail, InsertHead); err != nil {
		return c, err
	}
	return c, nil
}

// checkPairs validates a list of (pid, page) → frame pairs: pages and frames
// in range, and no page of a process mapped twice. Duplicates are found by
// sorting indexes, not by iterating a map.
func checkPairs(name string, ps []Pair, pageSize int, checkFrame bool) error {
	if err := field.Len(name, len(ps), 0, MaxMappings); err != nil {
		return err
	}
	seen := make(map[[2]int]int, len(ps))
	for i, p := range ps {
		n := field.Index(name, i)
		if err := field.Range(field.Sub(n, "pid"), p.PID, 0, MaxPID); err != nil {
			return err
		}
		if err := field.Range(field.Sub(n, "page"), p.Page, 0, maxAddr/pageSize-1); err != nil {
			return err
		}
		if checkFrame {
			if err := field.Range(field.Sub(n, "frame"), p.Frame, 0, maxFrame(pageSize)); err != nil {
				return err
			}
		}
		k := [2]int{p.PID, p.Page}
		if j, ok := seen[k]; ok {
			return field.Errorf(n, "maps page %d of process %d again (already in %s)", p.Page, p.PID, field.Index(name, j))
		}
		seen[k] = i
	}
	return nil
}

// hashed is a built table: per bucket, the indexes of its chain's pairs.
type hashed struct {
	c      HashedConfig
	ob     int
	chains [][]Pair
}

func newHashed(c HashedConfig) *hashed {
	h := &hashed{c: c, ob: log2(c.PageSize), chains: make([][]Pair, c.Buckets)}
	for _, p := range c.Mappings {
		b := h.bucket(p.Page)
		h.chains[b] = append(h.chains[b], p)
	}
	if c.Rules.Insert == InsertHead {
		// Inserting each at the head leaves a chain in reverse order.
		for _, ch := range h.chains {
			slices.Reverse(ch)
		}
	}
	return h
}

func (h *hashed) bucket(page int) int {
	if h.c.Rules.Hash == HashMultiplicative {
		x := uint32(page) * 2654435769
		return int(uint64(x) * uint64(h.c.Buckets) >> 32)
	}
	return page % h.c.Buckets
}

// lookup finds (pid, vpn); it returns the bucket, the probes made and the
// frame or -1.
func (h *hashed) lookup(pid, vpn int) (bucket, probes, frame int) {
	bucket = h.bucket(vpn)
	for _, p := range h.chains[bucket] {
		probes++
		if p.Page == vpn && p.PID == pid {
			return bucket, probes, p.Frame
		}
	}
	return bucket, probes, -1
}

// RunHashed validates c, builds the table and looks up every address.
func RunHashed(c HashedConfig) (*HashedTrace, error) {
	c, err := c.resolve()
	if err != nil {
		return nil, err
	}
	h := newHashed(c)
	t := &HashedTrace{Buckets: c.Buckets, PageSize: c.PageSize, Rules: c.Rules, Chains: h.chains, Results: make([]HashedResult, len(c.Accesses))}
	owner := pids(c.Accesses, 0)
	for i, a := range c.Accesses {
		r := HashedResult{VA: a.VA, PID: owner[i], VPN: a.VA >> h.ob, Offset: a.VA & (c.PageSize - 1)}
		var f int
		r.Bucket, r.Probes, f = h.lookup(r.PID, r.VPN)
		if f >= 0 {
			pa := f<<h.ob | r.Offset
			r.Frame, r.PA = &f, &pa
		} else {
			t.Faults++
		}
		t.Probes += r.Probes
		t.Results[i] = r
	}
	t.AvgProbes = NewFrac(int64(t.Probes), int64(len(c.Accesses)))
	return t, nil
}

// WriteTable prints every bucket's chain, then one row per lookup with the
// bucket it hashed to and the probes it took.
func (t *HashedTrace) WriteTable(w io.Writer) error {
	var b strings.Builder
	fmt.Fprintf(&b, "hashed page table, %d buckets; rules: hash=%s insert=%s\n", t.Buckets, t.Rules.Hash, t.Rules.Insert)
	for i, ch := range t.Chains {
		if len(ch) == 0 {
			continue
		}
		var parts []string
		for _, p := range ch {
			parts = append(parts, pairText(p, true))
		}
		fmt.Fprintf(&b, "bucket %d: %s\n", i, strings.Join(parts, " -> "))
	}
	b.WriteString("\n")
	rows := [][]string{{"va", "pid", "page", "offset", "bucket", "probes", "frame", "pa"}}
	for _, r := range t.Results {
		pa := "fault"
		if r.PA != nil {
			pa = itoa(*r.PA)
		}
		rows = append(rows, []string{itoa(r.VA), itoa(r.PID), itoa(r.VPN), itoa(r.Offset), itoa(r.Bucket), itoa(r.Probes), optInt(r.Frame), pa})
	}
	writeGrid(&b, rows, false)
	fmt.Fprintf(&b, "%d probes over %d lookups (%s per lookup), %d page faults\n", t.Probes, len(t.Results), t.AvgProbes, t.Faults)
	_, err := io.WriteString(w, b.String())
	return err
}

// pairText writes a pair as "pid 1 page 5 → 3" (or without the frame).
func pairText(p Pair, frame bool) string {
	s := fmt.Sprintf("[pid %d page %d", p.PID, p.Page)
	if frame {
		s += fmt.Sprintf(" → frame %d", p.Frame)
	}
	return s + "]"
}
