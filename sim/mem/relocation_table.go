package mem

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/osarena/osarena/sim/internal/textgrid"
)

// WriteTable prints the translation the way a student works it on paper:
// one row per logical address with the limit check that decided it and the
// physical address (or TRAP).
func (t *RelocationTrace) WriteTable(w io.Writer) error {
	var b strings.Builder
	if t.Rules.Limit == LimitEnd {
		fmt.Fprintf(&b, "base %d, limit %d (physical end): logical 0..%d → physical %d..%d", t.Base, t.Limit, t.Limit-t.Base-1, t.Base, t.Limit-1)
	} else {
		fmt.Fprintf(&b, "base %d, limit %d (size): logical 0..%d → physical %d..%d", t.Base, t.Limit, t.Limit-1, t.Base, t.Base+t.Limit-1)
	}
	if t.Memory != 0 {
		fmt.Fprintf(&b, ", memory %d", t.Memory)
	}
	fmt.Fprintf(&b, "; rules: limit=%s\n", t.Rules.Limit)
	rows := [][]string{{"va", "check", "pa"}}
	for _, r := range t.Results {
		rows = append(rows, []string{strconv.Itoa(r.VA), t.check(r), paCell(r)})
	}
	writeGrid(&b, rows, "rlr")
	fmt.Fprintf(&b, "%d addresses, %d traps\n", len(t.Results), t.Traps)
	_, err := io.WriteString(w, b.String())
	return err
}

// check spells out the comparison the hardware made for r.
func (t *RelocationTrace) check(r Translation) string {
	if t.Rules.Limit == LimitEnd {
		pa := t.Base + r.VA
		if r.Valid {
			return fmt.Sprintf("%d+%d = %d < %d", t.Base, r.VA, pa, t.Limit)
		}
		return fmt.Sprintf("%d+%d = %d >= %d", t.Base, r.VA, pa, t.Limit)
	}
	if r.Valid {
		return fmt.Sprintf("%d < %d", r.VA, t.Limit)
	}
	return fmt.Sprintf("%d >= %d", r.VA, t.Limit)
}

func paCell(r Translation) string {
	if !r.Valid {
		return "TRAP"
	}
	return strconv.Itoa(int(r.PA))
}

// writeGrid prints rows as columns; align holds one letter per column,
// 'l' to left-align it and anything else to right-align it.
func writeGrid(b *strings.Builder, rows [][]string, align string) {
	textgrid.Write(b, rows, " ", align)
}
