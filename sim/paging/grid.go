package paging

import (
	"fmt"
	"strconv"
	"strings"
)

// writeGrid writes rows as a table: the first column left-aligned, the others
// right-aligned (the last one left-aligned too when textLast is set, for a
// column of words), columns separated by two spaces.
func writeGrid(b *strings.Builder, rows [][]string, textLast bool) {
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
			if textLast && i == len(r)-1 {
				line += "  " + r[i]
			} else {
				line += fmt.Sprintf("  %*s", widths[i], r[i])
			}
		}
		b.WriteString(strings.TrimRight(line, " ") + "\n")
	}
}

// hex formats n as 0x… in lower case.
func hex(n int) string { return "0x" + strconv.FormatInt(int64(n), 16) }

// itoa formats n in decimal.
func itoa(n int) string { return strconv.Itoa(n) }

// optInt formats a pointer to an int, or "-" when it is nil.
func optInt(p *int) string {
	if p == nil {
		return "-"
	}
	return strconv.Itoa(*p)
}

// addr formats an address in decimal and hex: "7068 (0x1b9c)".
func addr(n int) string { return itoa(n) + " (" + hex(n) + ")" }
