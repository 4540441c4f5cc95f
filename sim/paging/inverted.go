package paging

import (
	"fmt"
	"io"
	"strings"

	"github.com/osarena/osarena/sim/field"
)

// Owner is the (process, page) an inverted table's frame holds.
type Owner struct {
	PID  int `json:"pid"`
	Page int `json:"page"`
}

// InvertedConfig is an inverted page table scenario: the JSON object of
// kind "inverted" without its kind. Frames lists, for every physical frame,
// the page it holds ({"pid":1,"page":0}) or null when it is free. A lookup
// searches the table from frame 0 for (pid, page); the frame number is
// where it matches. Addresses are split by PageSize (left out: 1, so
// addresses are page numbers).
//
// An inverted table holds one (pid, page) per frame, so two processes
// cannot share a frame through it: a page listed twice is refused.
type InvertedConfig struct {
	PageSize int      `json:"page_size,omitempty"`
	Frames   []*Owner `json:"frames"`
	Accesses []Access `json:"accesses"`
}

// InvertedResult is one lookup.
type InvertedResult struct {
	VA     int `json:"va"`
	PID    int `json:"pid"`
	VPN    int `json:"vpn"`
	Offset int `json:"offset"`
	// Examined counts the table entries compared: the matching frame + 1,
	// or every entry when the page is not in memory.
	Examined int  `json:"examined"`
	Frame    *int `json:"frame"` // nil: page fault
	PA       *int `json:"pa"`
}

// InvertedTrace is the run of an inverted page table scenario.
type InvertedTrace struct {
	PageSize int              `json:"page_size"`
	Frames   []*Owner         `json:"frames"`
	Results  []InvertedResult `json:"results"`
	Examined int              `json:"examined"` // total over all lookups
	Faults   int              `json:"faults"`
	// AvgExamined is Examined / lookups, exact.
	AvgExamined Frac `json:"avg_examined"`
}

// Validate reports the first invalid field of c, or nil.
func (c InvertedConfig) Validate() error {
	_, err := c.resolve()
	return err
}

func (c InvertedConfig) resolve() (InvertedConfig, error) {
	if err := checkPageSize("page_size", c.PageSize, true); err != nil {
		return c, err
	}
	c.PageSize = orOne(c.PageSize)
	if err := field.Len("frames", len(c.Frames), 1, min(MaxMappings, maxFrame(c.PageSize)+1)); err != nil {
		return c, err
	}
	var pairs []Pair
	var at []int
	for i, o := range c.Frames {
		if o != nil {
			pairs = append(pairs, Pair{PID: o.PID, Page: o.Page})
			at = append(at, i)
		}
	}
	if err := checkPairs("frames", pairs, c.PageSize, false); err != nil {
		// Name the frame, not the index among the occupied ones.
		fe, _ := field.As(err)
		for k := len(at) - 1; k >= 0; k-- {
			fe.Field = strings.Replace(fe.Field, field.Index("frames", k), field.Index("frames", at[k]), 1)
			fe.Msg = strings.Replace(fe.Msg, field.Index("frames", k)+")", field.Index("frames", at[k])+")", 1)
		}
		return c, fe
	}
	if err := checkAccesses("accesses", c.Accesses, accessRules{min: 1, limit: maxAddr, pids: true}); err != nil {
		return c, err
	}
	return c, nil
}

// invertedLookup searches frames for (pid, vpn) from frame 0; it returns
// the frame or -1 and the entries examined.
func invertedLookup(frames []*Owner, pid, vpn int) (frame, examined int) {
	for f, o := range frames {
		if o != nil && o.Page == vpn && o.PID == pid {
			return f, f + 1
		}
	}
	return -1, len(frames)
}

// RunInverted validates c and looks up every address.
func RunInverted(c InvertedConfig) (*InvertedTrace, error) {
	c, err := c.resolve()
	if err != nil {
		return nil, err
	}
	ob := log2(c.PageSize)
	t := &InvertedTrace{PageSize: c.PageSize, Frames: c.Frames, Results: make([]InvertedResult, len(c.Accesses))}
	owner := pids(c.Accesses, 0)
	for i, a := range c.Accesses {
		r := InvertedResult{VA: a.VA, PID: owner[i], VPN: a.VA >> ob, Offset: a.VA & (c.PageSize - 1)}
		f, n := invertedLookup(c.Frames, r.PID, r.VPN)
		r.Examined = n
		if f >= 0 {
			pa := f<<ob | r.Offset
			r.Frame, r.PA = &f, &pa
		} else {
			t.Faults++
		}
		t.Examined += n
		t.Results[i] = r
	}
	t.AvgExamined = NewFrac(int64(t.Examined), int64(len(c.Accesses)))
	return t, nil
}

// WriteTable prints the table (one row per frame) and one row per lookup
// with the entries it examined.
func (t *InvertedTrace) WriteTable(w io.Writer) error {
	var b strings.Builder
	fmt.Fprintf(&b, "inverted page table, %d frames, searched from frame 0\n", len(t.Frames))
	rows := [][]string{{"frame", "pid", "page"}}
	for f, o := range t.Frames {
		if o == nil {
			rows = append(rows, []string{itoa(f), "-", "free"})
		} else {
			rows = append(rows, []string{itoa(f), itoa(o.PID), itoa(o.Page)})
		}
	}
	writeGrid(&b, rows, false)
	b.WriteString("\n")
	rows = [][]string{{"va", "pid", "page", "offset", "examined", "frame", "pa"}}
	for _, r := range t.Results {
		pa := "fault"
		if r.PA != nil {
			pa = itoa(*r.PA)
		}
		rows = append(rows, []string{itoa(r.VA), itoa(r.PID), itoa(r.VPN), itoa(r.Offset), itoa(r.Examined), optInt(r.Frame), pa})
	}
	writeGrid(&b, rows, false)
	fmt.Fprintf(&b, "%d entries examined over %d lookups (%s per lookup), %d page faults\n", t.Examined, len(t.Results), t.AvgExamined, t.Faults)
	_, err := io.WriteString(w, b.String())
	return err
}
