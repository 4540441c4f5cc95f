// Package textgrid prints the aligned tables of `osarena sim --format table`
// for every simulator, so they all line up the same way.
package textgrid

import (
	"strings"
	"unicode/utf8"
)

// Write writes rows as columns separated by sep, each padded to its widest
// cell. align has one letter per column: 'l' left-aligns it, anything else
// right-aligns it; columns past the end of align are right-aligned. Widths
// count runes, so arrows and Hangul line up. Trailing spaces are trimmed.
func Write(b *strings.Builder, rows [][]string, sep, align string) {
	var widths []int
	for _, r := range rows {
		for i, c := range r {
			if i >= len(widths) {
				widths = append(widths, 0)
			}
			widths[i] = max(widths[i], utf8.RuneCountInString(c))
		}
	}
	var line strings.Builder
	for _, r := range rows {
		line.Reset()
		for i, c := range r {
			if i > 0 {
				line.WriteString(sep)
			}
			pad := strings.Repeat(" ", widths[i]-utf8.RuneCountInString(c))
			if i < len(align) && align[i] == 'l' {
				line.WriteString(c + pad)
			} else {
				line.WriteString(pad + c)
			}
		}
		b.WriteString(strings.TrimRight(line.String(), " "))
		b.WriteByte('\n')
	}
}

// LastLeft returns an alignment for n columns that right-aligns all but the
// last, which holds text.
func LastLeft(n int) string {
	if n < 1 {
		return ""
	}
	return strings.Repeat("r", n-1) + "l"
}
