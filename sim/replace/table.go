package replace

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/osarena/osarena/sim/internal/textgrid"
)

// WriteTable prints the trace the way a student draws it on paper: one
// column per reference, one row per frame, faults marked with F and victims
// listed under them. For the clock policies a frame's page carries * when
// its reference bit is set and + when it is dirty, and > marks the frame
// under the hand.
func (t *Trace) WriteTable(w io.Writer) error {
	clock := t.Policy == Clock || t.Policy == EClock
	rows := make([][]string, 0, t.Frames+3)
	head := []string{"ref"}
	for _, s := range t.Steps {
		c := strconv.Itoa(s.Ref)
		if s.Write {
			c += "w"
		}
		head = append(head, c)
	}
	rows = append(rows, head)
	for f := range t.Frames {
		row := []string{"frame " + strconv.Itoa(f)}
		for _, s := range t.Steps {
			row = append(row, cell(s, f, clock))
		}
		rows = append(rows, row)
	}
	fault, victim := []string{"fault"}, []string{"victim"}
	for _, s := range t.Steps {
		fault = append(fault, map[bool]string{false: "F", true: ""}[s.Hit])
		v := ""
		if s.Victim != Null {
			v = strconv.Itoa(int(s.Victim))
			if s.WriteBack {
				v += "w"
			}
		}
		victim = append(victim, v)
	}
	rows = append(rows, fault, victim)

	var b strings.Builder
	fmt.Fprintf(&b, "%s, %d frames; rules: %s\n", strings.ToUpper(string(t.Policy)), t.Frames, t.Rules)
	writeGrid(&b, rows)
	fmt.Fprintf(&b, "%d faults, %d hits, fault rate %s", t.Faults, t.Hits, percent(t.Faults, t.Faults+t.Hits))
	if t.WriteBacks > 0 {
		fmt.Fprintf(&b, ", %d dirty pages written back", t.WriteBacks)
	}
	b.WriteString("\n")
	if clock {
		b.WriteString("* reference bit set, + dirty, > frame under the hand after the step\n")
	}
	if t.hasWrites() {
		b.WriteString("w: a write; a victim marked w was dirty and written back\n")
	}
	if t.Policy == Random {
		fmt.Fprintf(&b, "seed %d\n", t.Seed)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func (t *Trace) hasWrites() bool {
	for _, s := range t.Steps {
		if s.Write {
			return true
		}
	}
	return false
}

func cell(s Step, f int, clock bool) string {
	if s.Frames[f] == Null {
		return ""
	}
	c := strconv.Itoa(int(s.Frames[f]))
	if clock {
		if s.RefBits[f] == 1 {
			c += "*"
		}
		if s.Dirty != nil && s.Dirty[f] == 1 {
			c += "+"
		}
		if *s.Hand == f {
			c = ">" + c
		}
	}
	return c
}

// writeGrid left-aligns the first column and right-aligns the others.
func writeGrid(b *strings.Builder, rows [][]string) { textgrid.Write(b, rows, " ", "l") }

func percent(a, b int) string {
	if b == 0 {
		return "0%"
	}
	return fmt.Sprintf("%.1f%%", 100*float64(a)/float64(b))
}

// String lists the rules as name=value pairs in a fixed order.
func (r Rules) String() string {
	var parts []string
	for _, kv := range [][2]string{
		{"load", r.Load}, {"opt_tie", r.OptTie}, {"count", r.Count},
		{"count_tie", r.CountTie}, {"ref_on_load", r.RefOnLoad}, {"hand", r.Hand},
	} {
		if kv[1] != "" {
			parts = append(parts, kv[0]+"="+kv[1])
		}
	}
	return strings.Join(parts, " ")
}
