package paging

import (
	"fmt"
	"io"
	"strings"
)

// WriteTable prints the run the way a student draws it: one column per
// access, one row per TLB slot, H or M under each access and the evicted
// entry below. With more than one process, entries read pid:page, and a
// column headed →p marks a context switch to p (* flushed the TLB).
func (t *TLBTrace) WriteTable(w io.Writer) error {
	multi := false
	for _, s := range t.Steps {
		multi = multi || s.PID != t.Steps[0].PID || s.Event == "switch"
	}
	name := func(e TLBEntry) string {
		if e.Page < 0 {
			return ""
		}
		if multi {
			return fmt.Sprintf("%d:%d", e.PID, e.Page)
		}
		return itoa(e.Page)
	}
	var va []string
	if t.PageSize > 1 {
		va = []string{"va"}
	}
	page, result, victim := []string{"page"}, []string{"tlb"}, []string{"victim"}
	slots := make([][]string, t.Entries)
	for i := range slots {
		slots[i] = []string{"slot " + itoa(i)}
	}
	for _, s := range t.Steps {
		flush := ""
		if s.Flushed > 0 {
			flush = "*"
		}
		v := ""
		if s.Victim != nil {
			v = name(*s.Victim)
		}
		switch s.Event {
		case "switch":
			page = append(page, fmt.Sprintf("→%d%s", s.PID, flush))
			result = append(result, "")
			if va != nil {
				va = append(va, "")
			}
		default:
			p := name(TLBEntry{PID: s.PID, Page: s.VPN})
			if s.Switched {
				p = "→" + p + flush
			}
			page = append(page, p)
			result = append(result, map[string]string{"hit": "H", "miss": "M"}[s.Event])
			if va != nil {
				va = append(va, hex(s.VA))
			}
		}
		victim = append(victim, v)
		for i, e := range s.TLB {
			slots[i] = append(slots[i], name(e))
		}
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%d-entry TLB, %s replacement; rules: switch=%s load=%s", t.Entries, strings.ToUpper(t.Policy), t.Rules.Switch, t.Rules.Load)
	if t.Rules.TLBLookup != "" {
		fmt.Fprintf(&b, " tlb_lookup=%s", t.Rules.TLBLookup)
	}
	b.WriteString("\n")
	rows := [][]string{}
	if va != nil {
		rows = append(rows, va)
	}
	rows = append(rows, page)
	rows = append(rows, slots...)
	rows = append(rows, result, victim)
	writeGrid(&b, rows, false)
	fmt.Fprintf(&b, "%d hits, %d misses", t.Hits, t.Misses)
	if t.HitRatio != nil {
		fmt.Fprintf(&b, ", hit ratio %d/%d = %s", t.Hits, t.Hits+t.Misses, t.HitRatio)
	}
	fmt.Fprintf(&b, ", %d flushes\n", t.Flushes)
	if multi {
		b.WriteString("entries are pid:page; → marks a context switch, * a flush\n")
	}
	if e := t.EAT; e != nil {
		fmt.Fprintf(&b, "EAT at the measured ratio: %s×%d + %s×%d = %s ns (%d-level table, memory %d ns, TLB %d ns)\n",
			e.Terms[0].Probability, e.Terms[0].CostNS, e.Terms[1].Probability, e.Terms[1].CostNS, e.EATNS, e.Levels, e.MemoryNS, e.TLBNS)
	}
	_, err := io.WriteString(w, b.String())
	return err
}
