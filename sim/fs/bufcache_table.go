package fs

import (
	"fmt"
	"io"
	"strconv"
	"strings"
)

// WriteTable prints one column per reference and one row per buffer, as
// for page replacement: misses marked M, victims and disk writes under
// them; a dirty buffer's block carries +.
func (t *BufCacheTrace) WriteTable(w io.Writer) error {
	head := []string{"ref"}
	for _, s := range t.Steps {
		c := strconv.Itoa(s.Ref)
		if s.Write {
			c += "w"
		}
		head = append(head, c)
	}
	rows := [][]string{head}
	for f := range t.Buffers {
		row := []string{"buffer " + strconv.Itoa(f)}
		for _, s := range t.Steps {
			c := ""
			if s.Buffers[f] != Empty {
				c = strconv.Itoa(int(s.Buffers[f]))
				if s.Dirty != nil && s.Dirty[f] == 1 {
					c += "+"
				}
			}
			row = append(row, c)
		}
		rows = append(rows, row)
	}
	miss, victim, writes := []string{"miss"}, []string{"victim"}, []string{"disk write"}
	for _, s := range t.Steps {
		m, v := "", ""
		if !s.Hit {
			m = "M"
		}
		if s.Victim != Empty {
			v = strconv.Itoa(int(s.Victim))
		}
		miss, victim, writes = append(miss, m), append(victim, v), append(writes, joinInts(s.DiskWrites, ","))
	}
	rows = append(rows, miss, victim, writes)
	var b strings.Builder
	fmt.Fprintf(&b, "%s buffer cache, %d buffers; rules: %s\n", strings.ToUpper(t.Policy), t.Buffers, t.Rules)
	writeGrid(&b, rows)
	fmt.Fprintf(&b, "%d hits, %d misses, hit ratio %s; %d disk reads, %d disk writes",
		t.Hits, t.Misses, percent(t.Hits, t.Hits+t.Misses), t.DiskReads, t.DiskWrites)
	if t.Rules.Write == WriteBack {
		fmt.Fprintf(&b, " (flush at the end: %s)", flushText(t.Flush))
	}
	b.WriteString("\n")
	if t.Rules.Write == WriteBack {
		b.WriteString("+ dirty buffer\n")
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func flushText(blocks []int) string {
	if len(blocks) == 0 {
		return "none"
	}
	return joinInts(blocks, ",")
}

// String lists the rules as name=value pairs in a fixed order.
func (r BufCacheRules) String() string {
	var parts []string
	for _, kv := range [][2]string{{"write", r.Write}, {"count", r.Count}, {"count_tie", r.CountTie}} {
		if kv[1] != "" {
			parts = append(parts, kv[0]+"="+kv[1])
		}
	}
	return strings.Join(parts, " ")
}
