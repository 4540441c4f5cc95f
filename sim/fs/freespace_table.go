package fs

import (
	"fmt"
	"io"
	"strconv"
	"strings"
)

// WriteTable prints one row per operation, starting from the initial
// state: what was asked, the blocks chosen, what the walk examined and read,
// the free count and the structure after the step.
func (t *FreeSpaceTrace) WriteTable(w io.Writer) error {
	var b strings.Builder
	fmt.Fprintf(&b, "%s free-space management, %d blocks", strings.ToUpper(t.Method), t.Blocks)
	if t.GroupSize > 0 {
		fmt.Fprintf(&b, ", %d pointers per grouping block", t.GroupSize)
	}
	if t.Rules.Bit != "" {
		fmt.Fprintf(&b, "; rules: bit=%s", t.Rules.Bit)
	}
	b.WriteString("\n")
	rows := [][]string{{"step", "op", "blocks", "visited", "reads", "free", t.Method}}
	rows = append(rows, []string{"start", "", "", "", "", strconv.Itoa(t.Initial.Free), t.Initial.text()})
	for i, s := range t.Steps {
		op := "alloc " + strconv.Itoa(s.N)
		if s.Contiguous {
			op += " contiguous"
		}
		visited, reads := strconv.Itoa(s.Visited), strconv.Itoa(s.Reads)
		if s.Op == "free" {
			op, visited, reads = "free op "+strconv.Itoa(*s.Of), "", ""
		}
		blocks := joinInts(s.Blocks, ",")
		if !s.OK {
			blocks = "failed"
		}
		rows = append(rows, []string{strconv.Itoa(i), op, blocks, visited, reads, strconv.Itoa(s.State.Free), s.State.text()})
	}
	writeGrid(&b, rows, 1, 2, 6)
	if t.Failed > 0 {
		fmt.Fprintf(&b, "%d allocations failed\n", t.Failed)
	}
	switch t.Method {
	case GroupingMethod:
		b.WriteString("[g: p…] = grouping block g listing free blocks p…, the last being the next grouping block\n")
	case CountingMethod:
		b.WriteString("(s,n) = n free blocks from block s\n")
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// text prints the structure of a state in one column.
func (s FreeState) text() string {
	switch {
	case s.Bitmap != "":
		return s.Bitmap
	case s.List != nil:
		return joinInts(s.List, "→")
	case s.Groups != nil:
		parts := make([]string, len(s.Groups))
		for i, g := range s.Groups {
			parts[i] = "[" + strconv.Itoa(g.Block) + ":"
			if len(g.Pointers) > 0 {
				parts[i] += " " + joinInts(g.Pointers, " ")
			}
			parts[i] += "]"
		}
		return strings.Join(parts, " ")
	case s.Runs != nil:
		parts := make([]string, len(s.Runs))
		for i, r := range s.Runs {
			parts[i] = fmt.Sprintf("(%d,%d)", r.Start, r.Count)
		}
		return strings.Join(parts, " ")
	}
	return "(none free)"
}
