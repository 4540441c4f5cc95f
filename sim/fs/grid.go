package fs

import (
	"fmt"
	"strings"

	"github.com/osarena/osarena/sim/internal/textgrid"
)

// writeGrid prints rows as aligned columns: numbers right-aligned, the
// first column and the columns listed in left (text) left-aligned.
func writeGrid(b *strings.Builder, rows [][]string, left ...int) {
	align := []byte("l")
	for _, i := range left {
		for len(align) <= i {
			align = append(align, 'r')
		}
		align[i] = 'l'
	}
	textgrid.Write(b, rows, " ", string(align))
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
