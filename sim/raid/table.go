package raid

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/osarena/osarena/sim/internal/textgrid"
)

// WriteTable prints the trace the way a student draws it on paper: the
// array as a grid (one column per disk, one row per offset, P and Q in
// their cells, failed disks marked X), where each requested block lives,
// each request's rows with the method and disk operations, and the rebuild.
func (t *Trace) WriteTable(w io.Writer) error {
	var b strings.Builder
	fmt.Fprintf(&b, "RAID %d, %d disks, chunk %d, block size %d B, %s", t.Level, t.Disks, t.Chunk, t.BlockSize, plural(t.Stripes, "stripe"))
	if r := t.Rules.String(); r != "" {
		fmt.Fprintf(&b, "; rules: %s", r)
	}
	fmt.Fprintf(&b, "\ncapacity %d blocks (%d of %d disks hold data, %s); survives %s\n",
		t.CapacityBlocks, t.DataDisks, t.Disks, percent(t.DataDisks, t.Disks), tolerance(t))
	if len(t.Failed) > 0 {
		fmt.Fprintf(&b, "failed disks: %s\n", joinInts(t.Failed, ", "))
	}
	b.WriteString("\n")
	t.writeGrid(&b)
	if len(t.Map) > 0 {
		b.WriteString("\n")
		t.writeMap(&b)
	}
	if len(t.Requests) > 0 {
		b.WriteString("\n")
		t.writeRequests(&b)
	}
	if t.Rebuild != nil {
		b.WriteString("\n")
		t.writeRebuild(&b)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func tolerance(t *Trace) string {
	switch {
	case t.FaultTolerance == 0:
		return "no failed disk"
	case t.FaultTolerance == t.FaultToleranceMax:
		return plural(t.FaultTolerance, "failed disk")
	}
	return fmt.Sprintf("any 1 failed disk, up to %d if each mirrored pair keeps one", t.FaultToleranceMax)
}

func (t *Trace) writeGrid(b *strings.Builder) {
	failed := make([]bool, t.Disks)
	for _, d := range t.Failed {
		failed[d] = true
	}
	head := []string{"stripe", "offset"}
	for d := range t.Disks {
		h := "disk " + strconv.Itoa(d)
		if failed[d] {
			h += " X"
		}
		head = append(head, h)
	}
	rows := [][]string{head}
	for _, r := range t.Grid {
		row := []string{strconv.Itoa(r.Stripe), strconv.Itoa(r.Offset)}
		for d, c := range r.Blocks {
			switch {
			case c != Null:
				row = append(row, strconv.Itoa(int(c)))
			case r.QDisk != nil && *r.QDisk == d:
				row = append(row, "Q")
			default:
				row = append(row, "P")
			}
		}
		rows = append(rows, row)
	}
	writeGrid(b, rows, "")
}

func (t *Trace) writeMap(b *strings.Builder) {
	rows := [][]string{{"block", "stripe", "disk", "offset", "parity"}}
	for _, l := range t.Map {
		par := ""
		switch {
		case l.QDisk != nil:
			par = fmt.Sprintf("P %d, Q %d", *l.ParityDisk, *l.QDisk)
		case l.ParityDisk != nil:
			par = "P " + strconv.Itoa(*l.ParityDisk)
		case len(l.Copies) > 1:
			par = "copies " + joinInts(l.Copies, ", ")
		}
		rows = append(rows, []string{strconv.Itoa(l.Block), strconv.Itoa(l.Stripe), strconv.Itoa(l.Disk), strconv.Itoa(l.Offset), par})
	}
	writeGrid(b, rows, "rrrrl")
}

func (t *Trace) writeRequests(b *strings.Builder) {
	rows := [][]string{{"request", "stripe", "offset", "method", "reads", "writes", "operations"}}
	for i, rq := range t.Requests {
		what := "read"
		if rq.Write {
			what = "write"
		}
		what = fmt.Sprintf("%d: %s %s", i, what, blockRange(rq.Block, rq.Count))
		at := 0
		for j, r := range rq.Rows {
			ops := rq.Ops[at : at+r.Reads+r.Writes]
			at += r.Reads + r.Writes
			label := ""
			if j == 0 {
				label = what
			}
			method := r.Method
			if r.RMWReads != nil || r.ReconstructReads != nil {
				method += " (" + readsOf("rmw", r.RMWReads) + ", " + readsOf("rcw", r.ReconstructReads) + ")"
			}
			rows = append(rows, []string{label, strconv.Itoa(r.Stripe), strconv.Itoa(r.Offset), method,
				strconv.Itoa(r.Reads), strconv.Itoa(r.Writes), opsString(ops)})
		}
	}
	writeGrid(b, rows, "lrrlrrl")
	fmt.Fprintf(b, "%d reads, %d writes in all; ops are read/write disk@offset:block\n", t.Reads, t.Writes)
}

func (t *Trace) writeRebuild(b *strings.Builder) {
	var pairs []string
	for _, s := range t.Rebuild.Spares {
		pairs = append(pairs, fmt.Sprintf("disk %d onto spare %d", s.Failed, s.Spare))
	}
	check := "verified byte for byte"
	if !t.Rebuild.Verified {
		check = "MISMATCH against the lost contents"
	}
	fmt.Fprintf(b, "rebuild %s: %d reads, %d writes, %s\n", strings.Join(pairs, ", "), t.Rebuild.Reads, t.Rebuild.Writes, check)
	rows := [][]string{{"stripe", "offset", "operations"}}
	for _, r := range t.Rebuild.Rows {
		rows = append(rows, []string{strconv.Itoa(r.Stripe), strconv.Itoa(r.Offset), opsString(r.Ops)})
	}
	writeGrid(b, rows, "rrl")
}

func readsOf(name string, n *int) string {
	if n == nil {
		return name + " impossible"
	}
	return fmt.Sprintf("%s %d reads", name, *n)
}

func blockRange(b, n int) string {
	if n == 1 {
		return "block " + strconv.Itoa(b)
	}
	return fmt.Sprintf("blocks %d-%d", b, b+n-1)
}

func opsString(ops []Op) string {
	parts := make([]string, len(ops))
	for i, o := range ops {
		what := o.Role
		if o.Block != Null {
			what = strconv.Itoa(int(o.Block))
		}
		parts[i] = fmt.Sprintf("%s %d@%d:%s", o.Op, o.Disk, o.Offset, what)
	}
	return strings.Join(parts, ", ")
}

func joinInts(xs []int, sep string) string {
	parts := make([]string, len(xs))
	for i, x := range xs {
		parts[i] = strconv.Itoa(x)
	}
	return strings.Join(parts, sep)
}

func plural(n int, what string) string {
	if n == 1 {
		return "1 " + what
	}
	return strconv.Itoa(n) + " " + what + "s"
}

// percent formats a/b as a percentage with one decimal, rounded half up.
func percent(a, b int) string {
	tenths := (a*1000 + b/2) / b
	return fmt.Sprintf("%d.%d%%", tenths/10, tenths%10)
}

// writeGrid prints rows as columns, aligning column i left when align[i]
// is 'l' and right otherwise; every column past align is right-aligned.
func writeGrid(b *strings.Builder, rows [][]string, align string) {
	textgrid.Write(b, rows, "  ", align)
}

// String lists the rules as name=value pairs in a fixed order.
func (r Rules) String() string {
	var parts []string
	for _, kv := range [][2]string{
		{"layout", r.Layout}, {"small_write", r.SmallWrite}, {"parity4", r.Parity4},
		{"q", r.Q}, {"mirror_read", r.MirrorRead}, {"degraded", r.Degraded},
	} {
		if kv[1] != "" {
			parts = append(parts, kv[0]+"="+kv[1])
		}
	}
	return strings.Join(parts, " ")
}
