package segment

import (
	"fmt"
	"io"
	"strconv"
	"strings"
)

// PagedTrace is the run of a paged-segmentation scenario.
type PagedTrace struct {
	AddressBits int `json:"address_bits"`
	SegmentBits int `json:"segment_bits"`
	PageBits    int `json:"page_bits"`
	OffsetBits  int `json:"offset_bits"`
	PageSize    int `json:"page_size"`
	MaxSegment  int `json:"max_segment"`
	STLR        int `json:"stlr"`
	Memory      int `json:"memory,omitempty"`
	// Segments is the segment table with every default written out.
	Segments []PagedSegment `json:"segments"`
	Rules    Rules          `json:"rules"`
	Results  []PagedResult  `json:"results"`
	Valid    int            `json:"valid"`
	Traps    int            `json:"traps"`
}

// RunPaged validates c and translates every address.
func RunPaged(c PagedConfig) (*PagedTrace, error) {
	t, err := CompilePaged(c)
	if err != nil {
		return nil, err
	}
	rc := t.resolved
	tr := &PagedTrace{
		AddressBits: t.addrBits, SegmentBits: t.segBits, PageBits: t.offBits - t.pageBits,
		OffsetBits: t.pageBits, PageSize: rc.PageSize, MaxSegment: t.maxSeg, STLR: len(t.segs),
		Memory: rc.Memory, Segments: rc.Segments, Rules: rc.Rules, Results: make([]PagedResult, len(rc.Addresses)),
	}
	for i, a := range rc.Addresses {
		r := t.Translate(a.VA, a.op())
		r.Why = t.why(r)
		if r.Valid {
			tr.Valid++
		} else {
			tr.Traps++
		}
		tr.Results[i] = r
	}
	return tr, nil
}

func (t *PagedTable) why(r PagedResult) string {
	switch r.Trap {
	case TrapRange:
		return fmt.Sprintf("address %d does not fit in %d bits", r.VA, t.addrBits)
	case TrapSTLR:
		return fmt.Sprintf("segment %d >= STLR %d", r.Segment, len(t.segs))
	case TrapInvalid:
		return fmt.Sprintf("segment %d is marked invalid", r.Segment)
	case TrapLimit:
		return fmt.Sprintf("segment offset %d >= limit %d", r.SegOffset, t.segs[r.Segment].limit)
	case TrapProt:
		return fmt.Sprintf("%s not allowed by protection %s", r.Op, t.segs[r.Segment].prot)
	case TrapPage:
		return fmt.Sprintf("page %d of segment %d is invalid (page fault)", r.Page, r.Segment)
	}
	return ""
}

// WriteTable prints the segment table with each segment's page table, then
// one row per access: segment, page, offset, frame and the physical address
// or the trap.
func (t *PagedTrace) WriteTable(w io.Writer) error {
	var b strings.Builder
	fmt.Fprintf(&b, "address_bits %d = %d segment bits + %d page bits + %d offset bits; page size %d; STLR %d",
		t.AddressBits, t.SegmentBits, t.PageBits, t.OffsetBits, t.PageSize, t.STLR)
	if t.Memory > 0 {
		fmt.Fprintf(&b, "; memory %d", t.Memory)
	}
	fmt.Fprintf(&b, "; rules: check=%s\n\n", t.Rules.Check)
	rows := [][]string{{"seg", "limit", "prot", "valid", "page table (page:frame, - invalid)"}}
	for i, s := range t.Segments {
		var pt []string
		for p, f := range s.PageTable {
			c := "-"
			if f != Null {
				c = strconv.Itoa(int(f))
			}
			pt = append(pt, strconv.Itoa(p)+":"+c)
		}
		rows = append(rows, []string{strconv.Itoa(i), strconv.Itoa(*s.Limit), s.Prot,
			yesNo(s.Valid == nil || *s.Valid), strings.Join(pt, " ")})
	}
	writeGrid(&b, rows)
	b.WriteString("\n")
	rows = [][]string{{"va", "op", "seg", "page", "offset", "frame", "pa"}}
	for _, r := range t.Results {
		frame := ""
		if r.Frame != Null {
			frame = strconv.Itoa(int(r.Frame))
		}
		rows = append(rows, []string{strconv.Itoa(r.VA), string(r.Op), strconv.Itoa(r.Segment),
			strconv.Itoa(r.Page), strconv.Itoa(r.Offset), frame, paOrTrap(r.PA, r.Trap, r.Why)})
	}
	writeGrid(&b, rows)
	fmt.Fprintf(&b, "%d valid, %d traps\n", t.Valid, t.Traps)
	_, err := io.WriteString(w, b.String())
	return err
}
