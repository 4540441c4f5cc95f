package segment

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/osarena/osarena/sim/internal/textgrid"
)

// WriteTable prints the segment table and then one row per access, the way
// a student lays out a segmentation exercise: segment number, offset (and,
// for a downward segment, the distance below its base), then the physical
// address or the trap.
func (t *Trace) WriteTable(w io.Writer) error {
	var b strings.Builder
	fmt.Fprintf(&b, "address_bits %d = %d segment bits + %d offset bits; max segment size %d; STLR %d",
		t.AddressBits, t.SegmentBits, t.OffsetBits, t.MaxSegment, t.STLR)
	if t.Memory > 0 {
		fmt.Fprintf(&b, "; memory %d", t.Memory)
	}
	fmt.Fprintf(&b, "; rules: check=%s\n\n", t.Rules.Check)
	rows := [][]string{{"seg", "base", "limit", "grows", "prot", "valid"}}
	for i, s := range t.Segments {
		rows = append(rows, []string{strconv.Itoa(i), strconv.Itoa(s.Base), strconv.Itoa(s.Limit),
			string(s.Grows), s.Prot, yesNo(s.Valid == nil || *s.Valid)})
	}
	writeGrid(&b, rows)
	b.WriteString("\n")
	rows = [][]string{{"va", "op", "seg", "offset", "back", "pa"}}
	for _, r := range t.Results {
		rows = append(rows, []string{strconv.Itoa(r.VA), string(r.Op), strconv.Itoa(r.Segment),
			strconv.Itoa(r.Offset), blank(r.Back), paOrTrap(r.PA, r.Trap, r.Why)})
	}
	writeGrid(&b, rows)
	fmt.Fprintf(&b, "%d valid, %d traps\n", t.Valid, t.Traps)
	_, err := io.WriteString(w, b.String())
	return err
}

func paOrTrap(pa Nullable, trap, why string) string {
	if trap != "" {
		return "trap " + trap + ": " + why
	}
	return strconv.Itoa(int(pa))
}

func blank(n int) string {
	if n == 0 {
		return ""
	}
	return strconv.Itoa(n)
}

func yesNo(v bool) string {
	if v {
		return "yes"
	}
	return "no"
}

// writeGrid right-aligns every column but the last, which is left-aligned
// text.
func writeGrid(b *strings.Builder, rows [][]string) {
	if len(rows) > 0 {
		textgrid.Write(b, rows, "  ", textgrid.LastLeft(len(rows[0])))
	}
}
