package quiz

import (
	"testing"

	"github.com/osarena/osarena/sim/fs"
)

// wrongKey returns the misconception key q gives for v, or "".
func wrongKey(q *Question, v int64) string {
	for _, m := range q.Wrong {
		if m.Value == v {
			return m.Why.Key
		}
	}
	return ""
}

func TestFileBlockWrong(t *testing.T) {
	textbook := fs.FileBlockConfig{Scheme: fs.InodeAlloc, BlockSize: 4096, PointerBytes: 4, Direct: 12, FirstBlock: 100, Offsets: []int{50000}}
	linked := fs.FileBlockConfig{Scheme: fs.Linked, BlockSize: 512, PointerBytes: 4, Blocks: []int{9, 16, 1, 10, 25}, Offsets: []int{1020}}
	whole := linked
	whole.Rules.LinkedPayload = fs.PayloadWholeBlock
	whole.Offsets = []int{1530} // file block 2 of 512 bytes, 3 of 508
	double := fs.FileBlockConfig{Scheme: fs.InodeAlloc, BlockSize: 1024, PointerBytes: 4, Direct: 12, FirstBlock: 500, Offsets: []int{(12 + 256 + 5) * 1024}}
	tests := []struct {
		name   string
		ask    func(any, int) (*Question, error)
		c      fs.FileBlockConfig
		answer int64
		wrong  map[int64]string
	}{
		{"textbook inode block", askFileBlockBlock, textbook, 113, map[int64]string{112: "fileblock.block.why.index", 12: "fileblock.block.why.fileblock", 114: "fileblock.block.why.next"}},
		{"textbook inode reads", askFileBlockReads, textbook, 2, map[int64]string{1: "fileblock.reads.why.noindirect", 3: "fileblock.reads.why.inode"}},
		{"linked minus pointer", askFileBlockBlock, linked, 1, map[int64]string{16: "fileblock.block.why.pointer"}},
		{"linked whole block", askFileBlockBlock, whole, 1, map[int64]string{10: "fileblock.block.why.whole"}},
		{"linked reads", askFileBlockReads, linked, 3, map[int64]string{1: "fileblock.reads.why.linked", 2: "fileblock.reads.why.short"}},
		{"double indirect reads", askFileBlockReads, double, 3, map[int64]string{1: "fileblock.reads.why.noindirect", 4: "fileblock.reads.why.inode", 2: "fileblock.reads.why.level"}},
	}
	for _, tt := range tests {
		q, err := tt.ask(tt.c, 0)
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		if q.Answer.Values[0] != tt.answer {
			t.Errorf("%s: answer %v; want %d", tt.name, q.Answer.Values, tt.answer)
		}
		for v, want := range tt.wrong {
			if got := wrongKey(q, v); got != want {
				t.Errorf("%s: why(%d) = %q; want %q", tt.name, v, got, want)
			}
		}
	}
}

func TestFreeSpaceWrong(t *testing.T) {
	c := fs.FreeSpaceConfig{Method: fs.BitmapMethod, Blocks: 16, FreeBlocks: []int{0, 1, 4, 6, 7, 9},
		Ops: []fs.FreeOp{{Alloc: 2}, {Alloc: 2, Contiguous: true}}}
	tests := []struct {
		step   int
		answer []int64
		wrong  map[int64]string
	}{
		{0, []int64{0, 1}, map[int64]string{2: "freespace.bitmap.why.inverted", 3: "freespace.bitmap.why.inverted"}},
		// After 0 and 1 are taken, 6 and 7 are the first run of two free
		// blocks; 4 is free but alone; 0 and 1 are the first two in use.
		{1, []int64{6, 7}, map[int64]string{0: "freespace.bitmap.why.inverted", 4: "freespace.bitmap.why.any"}},
	}
	for _, tt := range tests {
		q, err := askFreeSpace(c, tt.step)
		if err != nil {
			t.Fatal(err)
		}
		if g := q.Grade(tt.answer); !g.Correct() {
			t.Errorf("step %d: answer %v; want %v", tt.step, q.Answer.Values, tt.answer)
		}
		for v, want := range tt.wrong {
			if got := wrongKey(q, v); got != want {
				t.Errorf("step %d: why(%d) = %q; want %q (all: %+v)", tt.step, v, got, want, q.Wrong)
			}
		}
	}
	used := c
	used.Rules.Bit = fs.BitOneUsed
	if _, err := askFreeSpace(used, 0); err != nil {
		t.Fatal(err)
	}
}
