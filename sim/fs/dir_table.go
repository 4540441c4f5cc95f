package fs

import (
	"fmt"
	"io"
	"strconv"
	"strings"
)

// WriteTable prints how the directory was built (for a hash table: each
// name's hash, bucket and slot, then the table) and one row per lookup with
// the entries it compared.
func (t *DirTrace) WriteTable(w io.Writer) error {
	var b strings.Builder
	if t.Method == LinearDir {
		fmt.Fprintf(&b, "LINEAR directory, %d entries: %s\n", len(t.List), strings.Join(t.List, " "))
	} else {
		fmt.Fprintf(&b, "HASH directory, %d buckets; rules: hash=%s collision=%s\n", t.TableSize, t.Rules.Hash, t.Rules.Collision)
		rows := [][]string{{"insert", "hash", "bucket", "slot", "collision", "probes"}}
		for _, in := range t.Inserts {
			col, probes := "", ""
			if in.Collision {
				col = "yes"
			}
			if in.Probes > 0 {
				probes = strconv.Itoa(in.Probes)
			}
			rows = append(rows, []string{in.Name, fmt.Sprint(in.Hash), strconv.Itoa(in.Bucket), strconv.Itoa(in.Slot), col, probes})
		}
		writeGrid(&b, rows)
		for i, chain := range t.Buckets {
			fmt.Fprintf(&b, "%s\n", strings.TrimRight(fmt.Sprintf("bucket %d: %s", i, strings.Join(chain, " → ")), " "))
		}
		for i, name := range t.Slots {
			if name == "" {
				name = "-"
			}
			fmt.Fprintf(&b, "slot %d: %s\n", i, name)
		}
	}
	rows := [][]string{{"lookup", "bucket", "found", "position", "probes", "compared"}}
	for _, l := range t.Lookups {
		bucket, found, pos := "", "no", ""
		if l.Bucket != nil {
			bucket = strconv.Itoa(*l.Bucket)
		}
		if l.Found {
			found, pos = "yes", strconv.Itoa(l.Position)
		}
		cmp := make([]string, len(l.Compared))
		for i, c := range l.Compared {
			cmp[i] = c
			if c == "" {
				cmp[i] = "(empty)"
			}
		}
		rows = append(rows, []string{l.Name, bucket, found, pos, strconv.Itoa(l.Probes), strings.Join(cmp, " ")})
	}
	writeGrid(&b, rows, 5)
	fmt.Fprintf(&b, "%d probes in %d lookups", t.Probes, len(t.Lookups))
	if t.Method == HashDir {
		fmt.Fprintf(&b, "; %d collisions while inserting", t.Collisions)
	}
	b.WriteString("\n")
	_, err := io.WriteString(w, b.String())
	return err
}
