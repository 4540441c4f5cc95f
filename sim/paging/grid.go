package paging

import (
	"strconv"
	"strings"

	"github.com/osarena/osarena/sim/internal/textgrid"
)

// writeGrid writes rows as a table: the first column left-aligned, the others
// right-aligned (the last one left-aligned too when textLast is set, for a
// column of words), columns separated by two spaces.
func writeGrid(b *strings.Builder, rows [][]string, textLast bool) {
	align := "l"
	if textLast && len(rows) > 0 && len(rows[0]) > 1 {
		align = "l" + textgrid.LastLeft(len(rows[0])-1)
	}
	textgrid.Write(b, rows, "  ", align)
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
