package paging

import (
	"fmt"
	"io"
	"strings"
)

// WriteTable prints the page table(s) the way a student draws them (page,
// frame, valid bit, rights), then one row per address: its split into page
// number and offset, the entry used and the physical address or the trap.
func (t *Trace) WriteTable(w io.Writer) error {
	var b strings.Builder
	fmt.Fprintf(&b, "page size %d bytes: offset = low %d bits, page number = the bits above\n", t.PageSize, t.OffsetBits)
	multi := len(t.Processes) > 1 || (len(t.Results) > 0 && t.Results[0].PID != nil)
	for _, p := range t.Processes {
		if multi {
			fmt.Fprintf(&b, "\nprocess %d page table\n", p.PID)
		} else {
			b.WriteString("\npage table\n")
		}
		rows := [][]string{{"page", "frame", "v", "prot"}}
		for vpn, e := range p.PageTable {
			if e.Valid {
				rows = append(rows, []string{itoa(vpn), itoa(e.Frame), "v", e.Prot.String()})
			} else {
				rows = append(rows, []string{itoa(vpn), "-", "i", ""})
			}
		}
		writeGrid(&b, rows, true)
	}
	if len(t.Results) > 0 {
		b.WriteString("\n")
		head := []string{"va", "op", "page", "offset", "frame", "pa", "result"}
		if multi {
			head = append([]string{"pid"}, head...)
		}
		rows := [][]string{head}
		for _, r := range t.Results {
			row := []string{addr(r.VA), string(r.Op), itoa(r.VPN), itoa(r.Offset), optInt(r.Frame), "-", trapText(r)}
			if r.PA != nil {
				row[5] = addr(*r.PA)
			}
			if multi {
				row = append([]string{optInt(r.PID)}, row...)
			}
			rows = append(rows, row)
		}
		writeGrid(&b, rows, true)
		fmt.Fprintf(&b, "%d translated, %d page faults, %d protection traps\n", len(t.Results)-t.Faults-t.Violations, t.Faults, t.Violations)
	}
	for _, s := range t.Shared {
		var ms []string
		for _, m := range s.Mappings {
			ms = append(ms, fmt.Sprintf("process %d page %d (%s)", m.PID, m.Page, m.Prot.String()))
		}
		ro := "writable"
		if s.ReadOnly {
			ro = "read-only"
		}
		fmt.Fprintf(&b, "frame %d is shared, %s: %s\n", s.Frame, ro, strings.Join(ms, ", "))
	}
	if ts := t.TableSize; ts != nil {
		fmt.Fprintf(&b, "single-level table for %d-bit addresses: 2^%d entries × %d bytes = %s bytes (%s)\n",
			ts.AddressBits, max(0, ts.AddressBits-t.OffsetBits), ts.PTEBytes, ts.Bytes, human(ts.AddressBits-t.OffsetBits, ts.PTEBytes))
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// trapText says what became of a translation.
func trapText(r Result) string {
	switch r.Trap {
	case TrapLength:
		return "trap: page past the end of the table"
	case TrapInvalid:
		return "page fault: invalid entry"
	case TrapProtection:
		return fmt.Sprintf("trap: %s on a %s page", r.Op, r.Prot)
	}
	return "ok"
}

// human writes 2^e × n bytes with a binary unit: "4 MiB".
func human(e, n int) string {
	e = max(0, e)
	for n%2 == 0 {
		n /= 2
		e++
	}
	units := []string{"B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB", "ZiB", "YiB"}
	u := min(e/10, len(units)-1)
	e -= 10 * u
	if e < 20 {
		return fmt.Sprintf("%d %s", n<<e, units[u])
	}
	return fmt.Sprintf("%d×2^%d %s", n, e, units[u])
}
