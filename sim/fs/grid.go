package fs

import (
	"fmt"
	"slices"
	"strings"
)

// writeGrid prints rows as aligned columns: numbers right-aligned, the
// first column and the columns listed in left (text) left-aligned.
func writeGrid(b *strings.Builder, rows [][]string, left ...int) {
	var widths []int
	for _, r := range rows {
		for i, c := range r {
			if i >= len(widths) {
				widths = append(widths, 0)
			}
			widths[i] = max(widths[i], len(c))
		}
	}
	for _, r := range rows {
		line := fmt.Sprintf("%-*s", widths[0], r[0])
		for i := 1; i < len(r); i++ {
			if slices.Contains(left, i) {
				line += fmt.Sprintf(" %-*s", widths[i], r[i])
			} else {
				line += fmt.Sprintf(" %*s", widths[i], r[i])
			}
		}
		b.WriteString(strings.TrimRight(line, " ") + "\n")
	}
}

// joinInts prints a list of numbers separated by sep.
func joinInts(v []int, sep string) string {
	parts := make([]string, len(v))
	for i, x := range v {
		parts[i] = fmt.Sprint(x)
	}
	return strings.Join(parts, sep)
}

// percent prints a/b as a percentage with one decimal, or "-" when b is 0.
func percent(a, b int) string {
	if b == 0 {
		return "-"
	}
	return fmt.Sprintf("%.1f%%", 100*float64(a)/float64(b))
}

func itoa(v int) string { return fmt.Sprint(v) }
