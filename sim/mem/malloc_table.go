package mem

import (
	"cmp"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
)

// WriteTable prints the run the way a student tracks it on paper: one row
// per operation with the block it took or gave back, the entries searched,
// the free list after it ([addr,size] in list order; > marks next fit's
// rover) and the fragmentation figures, then a map of memory after the last
// operation.
func (t *MallocTrace) WriteTable(w io.Writer) error {
	var b strings.Builder
	kind := "variable partitions"
	if t.Partitions != nil {
		kind = fmt.Sprintf("fixed partitions %v", t.Partitions)
	}
	fmt.Fprintf(&b, "%s fit, %s, memory %d..%d (%d bytes), header %d, align %d\n",
		t.Policy, kind, t.Base, t.Base+t.Size-1, t.Size, t.Header, t.Align)
	fmt.Fprintf(&b, "rules: order=%s coalesce=%t%s\n", t.Order, t.Coalesce, t.Rules)
	rows := [][]string{{"#", "op", "addr", "block", "size", "searched", "free list", "free", "largest", "holes", "ext", "int"}}
	for i, s := range t.Steps {
		st := s.Stats
		rows = append(rows, []string{
			strconv.Itoa(i), opCell(s), addrCell(s), num(s.Block), strconv.Itoa(s.Size), searchedCell(s),
			listCell(s), strconv.Itoa(st.Free), strconv.Itoa(st.Largest), strconv.Itoa(st.Holes),
			strconv.Itoa(st.External), strconv.Itoa(st.Internal),
		})
	}
	writeGrid(&b, rows, "rlrrrrl")
	fmt.Fprintf(&b, "%d ops, %d failed allocs", len(t.Steps), t.Failed)
	if t.Moved > 0 {
		fmt.Fprintf(&b, ", %d bytes moved by compaction", t.Moved)
	}
	b.WriteString("\n")
	if n := len(t.Steps); n > 0 {
		fmt.Fprintf(&b, "memory after the last op: %s\n", t.memoryMap(t.Steps[n-1]))
	}
	b.WriteString("ext = free bytes outside the largest hole; int = block − header − request, over allocated blocks\n")
	_, err := io.WriteString(w, b.String())
	return err
}

// String lists the rules that apply as " name=value" pairs.
func (r MallocRules) String() string {
	var s string
	if r.Rover != "" {
		s += " rover=" + r.Rover
	}
	if r.Remainder != "" {
		s += " remainder=" + r.Remainder
	}
	return s
}

func opCell(s MallocStep) string {
	switch {
	case s.Alloc != nil:
		return "alloc " + strconv.Itoa(*s.Alloc)
	case s.Free != nil:
		return "free #" + strconv.Itoa(*s.Free)
	}
	return "compact"
}

func addrCell(s MallocStep) string {
	switch {
	case s.Compact:
		return fmt.Sprintf("moved %d", s.Moved)
	case s.Addr < 0 && s.Alloc != nil:
		return "FAIL"
	}
	return num(s.Addr)
}

func searchedCell(s MallocStep) string {
	if s.Alloc == nil {
		return ""
	}
	return strconv.Itoa(s.Searched)
}

func num(v int) string {
	if v < 0 {
		return "-"
	}
	return strconv.Itoa(v)
}

func listCell(s MallocStep) string {
	if len(s.FreeList) == 0 {
		return "(empty)"
	}
	parts := make([]string, len(s.FreeList))
	for i, h := range s.FreeList {
		parts[i] = fmt.Sprintf("[%d,%d]", h.Addr, h.Size)
		if s.Rover != nil && *s.Rover == i {
			parts[i] = ">" + parts[i]
		}
	}
	return strings.Join(parts, " ")
}

// memoryMap draws memory from Base up: "1000 [#0 16] 1016 [free 84] 1100".
// Touching free-list entries show separately, as the allocator sees them.
func (t *MallocTrace) memoryMap(s MallocStep) string {
	var b strings.Builder
	i, j := 0, 0
	free := sortedByAddress(s.FreeList)
	for i < len(s.Allocated) || j < len(free) {
		var label string
		var sp Span
		if j >= len(free) || i < len(s.Allocated) && s.Allocated[i].Addr < free[j].Addr {
			a := s.Allocated[i]
			sp, label = Span{a.Addr, a.Size}, "#"+strconv.Itoa(a.Alloc)
			i++
		} else {
			sp, label = free[j], "free"
			j++
		}
		fmt.Fprintf(&b, "%d [%s %d] ", sp.Addr, label, sp.Size)
	}
	fmt.Fprintf(&b, "%d", t.Base+t.Size)
	return b.String()
}

// sortedByAddress returns a copy of holes ordered by address, leaving the
// trace untouched.
func sortedByAddress(holes []Span) []Span {
	out := slices.Clone(holes)
	slices.SortFunc(out, func(x, y Span) int { return cmp.Compare(x.Addr, y.Addr) })
	return out
}
