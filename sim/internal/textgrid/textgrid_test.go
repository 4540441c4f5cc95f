package textgrid

import (
	"strings"
	"testing"
)

func TestWrite(t *testing.T) {
	rows := [][]string{{"ref", "7", "10", "→"}, {"frame 0", "12", "3", "트랩 x"}}
	tests := []struct {
		sep, align, want string
	}{
		{" ", "lr", "ref      7 10    →\nframe 0 12  3 트랩 x\n"},
		{"  ", LastLeft(4), "    ref   7  10  →\nframe 0  12   3  트랩 x\n"},
		{" ", "", "    ref  7 10    →\nframe 0 12  3 트랩 x\n"},
	}
	for _, tt := range tests {
		var b strings.Builder
		Write(&b, rows, tt.sep, tt.align)
		if got := b.String(); got != tt.want {
			t.Errorf("Write(sep %q, align %q) =\n%q\nwant\n%q", tt.sep, tt.align, got, tt.want)
		}
	}
}
