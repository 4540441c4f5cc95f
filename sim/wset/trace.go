package wset

import (
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/osarena/osarena/sim/internal/textgrid"
)

// Step is the working set after reference t.
type Step struct {
	T   int `json:"t"`
	Ref int `json:"ref"`
	// Fault is set when the page was not in W(t−1, Δ): under the
	// working-set policy it had to be brought in.
	Fault bool `json:"fault"`
	// Left is the page that dropped out of the working set at t, or null.
	Left *int `json:"left"`
	// Set is W(t, Δ), ascending; Size is |W(t, Δ)|.
	Set  []int `json:"set"`
	Size int   `json:"size"`
}

// At is the working set at one of the times a scenario asked about.
type At struct {
	T    int   `json:"t"`
	Set  []int `json:"set"`
	Size int   `json:"size"`
}

// Trace is the run of a working-set scenario.
type Trace struct {
	Delta int `json:"delta"`
	// Window is how many references W(t, Δ) covers under the rules.
	Window int    `json:"window"`
	Rules  Rules  `json:"rules"`
	Steps  []Step `json:"steps"`
	At     []At   `json:"at,omitempty"`
	// Faults counts the references whose page was not in W(t−1, Δ).
	Faults int `json:"faults"`
	// MaxSize is the largest |W|; SumSize is Σ|W(t)| over every t, so the
	// mean working-set size is SumSize / len(steps).
	MaxSize int `json:"max_size"`
	SumSize int `json:"sum_size"`
	// Distinct is the number of different pages in the reference string.
	Distinct int `json:"distinct"`
}

// Run validates c and computes W(t, Δ) at every t.
func Run(c Config) (*Trace, error) {
	c, pages, err := c.resolve()
	if err != nil {
		return nil, err
	}
	ids, _, _ := checkRefs(c.Refs)
	n, length := len(ids), c.Rules.Length(c.Delta)
	tr := &Trace{Delta: c.Delta, Window: length, Rules: c.Rules, Steps: make([]Step, n), Distinct: len(pages)}
	w := NewWindow(length, len(pages))
	lefts := make([]int, n)
	// Every set is a slice of one backing array; members are gathered from
	// the window's count table in page order, which the dense ids keep.
	cells := make([]int, 0, tr.sumSizes(ids, length, len(pages)))
	for i, id := range ids {
		entered, left := w.Push(id)
		s := &tr.Steps[i]
		s.T, s.Ref, s.Fault, s.Size = i+1, c.Refs[i], entered, w.Size()
		if left >= 0 {
			lefts[i] = pages[left]
			s.Left = &lefts[i]
		}
		start := len(cells)
		cells = appendMembers(cells, w, ids, i, length, pages)
		s.Set = cells[start:len(cells):len(cells)]
		if entered {
			tr.Faults++
		}
		tr.MaxSize = max(tr.MaxSize, s.Size)
		tr.SumSize += s.Size
	}
	for _, t := range c.At {
		s := tr.Steps[t-1]
		tr.At = append(tr.At, At{T: t, Set: s.Set, Size: s.Size})
	}
	return tr, nil
}

// sumSizes is Σ|W(t)|, the number of set entries the trace will hold.
func (*Trace) sumSizes(ids []int, length, pages int) int {
	w, sum := NewWindow(length, pages), 0
	for _, id := range ids {
		w.Push(id)
		sum += w.Size()
	}
	return sum
}

// appendMembers appends the pages of the window ending at reference i,
// ascending, to dst.
func appendMembers(dst []int, w *Window, ids []int, i, length int, pages []int) []int {
	start := len(dst)
	for j := max(0, i-length+1); j <= i; j++ {
		if w.count[ids[j]] > 0 {
			dst = append(dst, ids[j])
			w.count[ids[j]] = -w.count[ids[j]] // mark as taken
		}
	}
	for k := start; k < len(dst); k++ {
		w.count[dst[k]] = -w.count[dst[k]]
	}
	slices.Sort(dst[start:])
	for k := start; k < len(dst); k++ {
		dst[k] = pages[dst[k]]
	}
	return dst
}

// WriteTable prints one row per reference: t, the page, W(t, Δ), |W|, a
// fault mark and the page that left the working set; then the asked-for
// times.
func (t *Trace) WriteTable(w io.Writer) error {
	var b strings.Builder
	fmt.Fprintf(&b, "working set W(t, %d): window of %d references; rules: window=%s\n", t.Delta, t.Window, t.Rules.Window)
	rows := [][]string{{"t", "ref", "|W|", "fault", "left", "W(t)"}}
	for _, s := range t.Steps {
		left := ""
		if s.Left != nil {
			left = strconv.Itoa(*s.Left)
		}
		rows = append(rows, []string{strconv.Itoa(s.T), strconv.Itoa(s.Ref), strconv.Itoa(s.Size), mark(s.Fault), left, setString(s.Set)})
	}
	writeGrid(&b, rows)
	mean := "0"
	if n := len(t.Steps); n > 0 {
		mean = fmt.Sprintf("%.2f", float64(t.SumSize)/float64(n))
	}
	fmt.Fprintf(&b, "%d distinct pages; %d working-set faults; max |W| %d; mean |W| %s\n", t.Distinct, t.Faults, t.MaxSize, mean)
	for _, a := range t.At {
		fmt.Fprintf(&b, "W(%d, %d) = %s, |W| = %d\n", a.T, t.Delta, setString(a.Set), a.Size)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func mark(b bool) string {
	if b {
		return "F"
	}
	return ""
}

func setString(s []int) string {
	parts := make([]string, len(s))
	for i, p := range s {
		parts[i] = strconv.Itoa(p)
	}
	return "{" + strings.Join(parts, ",") + "}"
}

// writeGrid right-aligns every column but the last, which is left-aligned
// text.
func writeGrid(b *strings.Builder, rows [][]string) {
	if len(rows) > 0 {
		textgrid.Write(b, rows, "  ", textgrid.LastLeft(len(rows[0])))
	}
}
