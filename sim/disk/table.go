package disk

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/osarena/osarena/sim/internal/textgrid"
)

// chartWidth is how many columns the path chart spreads the cylinders over;
// chartMaxPoints is the longest path it draws.
const (
	chartWidth     = 60
	chartMaxPoints = 80
)

// WriteTable prints the schedule the way a student works it on paper: one
// row per serviced request with the distance moved and the wait, the head
// path with its turning points, a chart of the path (cylinders across, time
// down), and the totals.
func (t *Trace) WriteTable(w io.Writer) error {
	var b strings.Builder
	fmt.Fprintf(&b, "%s, %d cylinders, head at %d", strings.ToUpper(string(t.Policy)), t.Cylinders, t.Head)
	if t.Direction != "" {
		fmt.Fprintf(&b, " moving %s", t.Direction)
	}
	if t.N > 0 {
		fmt.Fprintf(&b, ", n=%d", t.N)
	}
	if t.ServiceTime > 0 {
		fmt.Fprintf(&b, ", service time %d", t.ServiceTime)
	}
	if r := t.Rules.String(); r != "" {
		fmt.Fprintf(&b, "; rules: %s", r)
	}
	b.WriteString("\n")
	arrivals, vias, idles := false, false, false
	for _, s := range t.Steps {
		arrivals = arrivals || s.Arrival != 0
		vias = vias || len(s.Via) > 0 || len(s.Jump) > 0
		idles = idles || s.Idle != 0
	}
	head := []string{"step", "request", "from"}
	if vias {
		head = append(head, "via")
	}
	head = append(head, "to", "moved")
	if arrivals {
		head = append(head, "arrival")
	}
	if idles {
		head = append(head, "idle")
	}
	head = append(head, "reached", "wait")
	rows := [][]string{head}
	for i, s := range t.Steps {
		row := []string{strconv.Itoa(i + 1), "#" + strconv.Itoa(s.Request), strconv.Itoa(s.From)}
		if vias {
			row = append(row, viaCell(s))
		}
		row = append(row, strconv.Itoa(s.Cylinder), strconv.Itoa(s.Distance))
		if arrivals {
			row = append(row, strconv.Itoa(s.Arrival))
		}
		if idles {
			row = append(row, strconv.Itoa(s.Idle))
		}
		row = append(row, strconv.Itoa(s.Reached), strconv.Itoa(s.Wait))
		rows = append(rows, row)
	}
	writeGrid(&b, rows)
	b.WriteString("path: " + joinInts(t.Path, " → ") + "\n")
	if len(t.Path) <= chartMaxPoints {
		writeChart(&b, t)
	}
	fmt.Fprintf(&b, "movement %d (without return sweep %d), finished at time %d\n", t.Movement, t.MovementWithoutReturn, t.Time)
	fmt.Fprintf(&b, "waits: total %d, mean %s, variance %s, longest %d (request #%d)\n",
		t.WaitTotal, t.WaitMean, t.WaitVariance, t.WaitMax, t.WaitMaxRequest)
	_, err := io.WriteString(w, b.String())
	return err
}

// viaCell shows the points passed on the way, marking a jump's landing.
func viaCell(s Step) string {
	var parts []string
	for _, p := range s.Via {
		c := strconv.Itoa(p)
		if len(s.Jump) == 2 && s.Jump[1] == p && s.Jump[0] != p {
			c = "⇢" + c
		}
		parts = append(parts, c)
	}
	if len(s.Via) == 0 && len(s.Jump) == 2 {
		return "⇢"
	}
	return strings.Join(parts, " ")
}

// writeChart draws the head path as a student sketches it: one line per
// point of the path, the cylinder axis across, > for the start, o for a
// serviced request, + for an edge or a jump's landing.
func writeChart(b *strings.Builder, t *Trace) {
	type point struct {
		c    int
		mark rune
		note string
	}
	pts := []point{{t.Head, '>', ""}}
	add := func(c int, mark rune, note string) {
		if p := &pts[len(pts)-1]; p.c == c {
			if mark == 'o' {
				p.mark = 'o'
			}
			return
		}
		pts = append(pts, point{c, mark, note})
	}
	for _, s := range t.Steps {
		for _, v := range s.Via {
			note := ""
			if len(s.Jump) == 2 && s.Jump[1] == v {
				note = "  (return jump)"
			}
			add(v, '+', note)
		}
		note := ""
		if len(s.Jump) == 2 && len(s.Via) == 0 {
			note = "  (return jump)"
		}
		add(s.Cylinder, 'o', note)
	}
	last := t.Cylinders - 1
	w := len(strconv.Itoa(last))
	fmt.Fprintf(b, "%*s  0%*d\n", w, "", chartWidth-1, last)
	for _, p := range pts {
		line := []rune(strings.Repeat(" ", chartWidth))
		x := 0
		if last > 0 {
			x = p.c * (chartWidth - 1) / last
		}
		line[x] = p.mark
		fmt.Fprintf(b, "%*d |%s%s\n", w, p.c, strings.TrimRight(string(line), " "), p.note)
	}
}

// String lists the rules as name=value pairs in a fixed order.
func (r Rules) String() string {
	var parts []string
	for _, kv := range [][2]string{{"sstf_tie", r.SSTFTie}, {"scan_travel", r.Travel}, {"return_sweep", r.Return}} {
		if kv[1] != "" {
			parts = append(parts, kv[0]+"="+kv[1])
		}
	}
	return strings.Join(parts, " ")
}

func joinInts(xs []int, sep string) string {
	parts := make([]string, len(xs))
	for i, x := range xs {
		parts[i] = strconv.Itoa(x)
	}
	return strings.Join(parts, sep)
}

// writeGrid left-aligns the first column and right-aligns the others.
func writeGrid(b *strings.Builder, rows [][]string) { textgrid.Write(b, rows, " ", "l") }
