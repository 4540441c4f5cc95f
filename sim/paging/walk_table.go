package paging

import (
	"fmt"
	"io"
	"strconv"
	"strings"
)

// WriteTable prints one row per address the way OSTEP's homework answers
// it: the index into each level's table, the entry read there (hex, then
// the frame it gives or why the walk stopped), the physical address and the
// byte found there; then the memory the tables take against a linear table.
func (t *WalkTrace) WriteTable(w io.Writer) error {
	var b strings.Builder
	parts := make([]string, len(t.Levels))
	for i, n := range t.Levels {
		parts[i] = itoa(n)
	}
	fmt.Fprintf(&b, "page size %d, %d-bit addresses = index bits %s + offset %d; entry %d byte(s), valid mask %#x, frame mask %#x; root table in page %d; rules: byte_order=%s\n",
		t.PageSize, t.VABits, strings.Join(parts, " + "), log2(t.PageSize), t.PTE.Bytes, t.PTE.ValidMask, t.PTE.PFNMask, t.Root, t.Rules.ByteOrder)
	head := []string{"va"}
	for l := range t.Levels {
		head = append(head, fmt.Sprintf("L%d index", l), fmt.Sprintf("L%d entry", l))
	}
	head = append(head, "offset", "pa", "value")
	rows := [][]string{head}
	for _, r := range t.Results {
		row := []string{hex(r.VA)}
		for l := range t.Levels {
			if l >= len(r.Entries) {
				row = append(row, "", "")
				continue
			}
			cell := "0x" + strconv.FormatUint(r.Entries[l], 16)
			switch {
			case r.Fault != nil && *r.Fault == l && r.Reason == FaultInvalid:
				cell += " invalid"
			case r.Fault != nil && *r.Fault == l:
				cell += fmt.Sprintf(" → %d outside memory", r.Frames[l])
			default:
				cell += " → " + itoa(r.Frames[l])
			}
			row = append(row, itoa(r.Indexes[l]), cell)
		}
		row = append(row, itoa(r.Offset))
		if r.PA != nil {
			row = append(row, hex(*r.PA), fmt.Sprintf("0x%02x", *r.Value))
		} else {
			row = append(row, "fault", fmt.Sprintf("at level %d", *r.Fault))
		}
		rows = append(rows, row)
	}
	writeGrid(&b, rows, true)
	o := t.Overhead
	var tables []string
	for l, n := range o.Tables {
		tables = append(tables, fmt.Sprintf("%d×%d B", n, o.TableBytes[l]))
	}
	fmt.Fprintf(&b, "%d of %d addresses fault; %d pages mapped\n", t.Faults, len(t.Results), o.MappedPages)
	fmt.Fprintf(&b, "tables in memory: %s = %d bytes; a single-level table would take %d bytes\n", strings.Join(tables, " + "), o.MultilevelBytes, o.SingleLevelBytes)
	_, err := io.WriteString(w, b.String())
	return err
}
