package fs

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/osarena/osarena/sim/field"
	"github.com/osarena/osarena/sim/internal/golden"
	"github.com/osarena/osarena/sim/rng"
)

// TestTextbookInode checks the inode cases of testdata/textbook.json.
func TestTextbookInode(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "..", "testdata", "textbook.json"))
	if err != nil {
		t.Fatalf("read textbook cases: %v", err)
	}
	var cases struct {
		Inode []struct {
			BlockSize    int    `json:"block_size"`
			PointerBytes int    `json:"pointer_bytes"`
			Direct       int    `json:"direct"`
			Offset       int    `json:"offset"`
			BlockIndex   int    `json:"block_index"`
			Via          string `json:"via"`
		} `json:"inode"`
	}
	if err := json.Unmarshal(data, &cases); err != nil {
		t.Fatalf("decode textbook cases: %v", err)
	}
	if len(cases.Inode) == 0 {
		t.Fatal("textbook.json has no inode cases")
	}
	for _, tc := range cases.Inode {
		c := FileBlockConfig{Scheme: InodeAlloc, BlockSize: tc.BlockSize, PointerBytes: tc.PointerBytes, Direct: tc.Direct, Offsets: []int{tc.Offset}}
		tr, err := RunFileBlock(c)
		if err != nil {
			t.Fatalf("RunFileBlock(%+v): %v", c, err)
		}
		l := tr.Lookups[0]
		if l.FileBlock != tc.BlockIndex || l.Via != tc.Via {
			t.Errorf("RunFileBlock(offset %d).Lookups[0] = block %d via %q; want block %d via %q", tc.Offset, l.FileBlock, l.Via, tc.BlockIndex, tc.Via)
		}
	}
}

// TestFileBlockLookups pins hand-computed lookups of every scheme.
func TestFileBlockLookups(t *testing.T) {
	idx := 19
	tests := []struct {
		name  string
		c     FileBlockConfig
		block int
		via   string
		path  []int
		reads int
	}{
		{"contiguous second extent", FileBlockConfig{Scheme: Contiguous, BlockSize: 512, PointerBytes: 4,
			Extents: []Extent{{19, 6}, {28, 2}}, Offsets: []int{3600}}, 29, "extent", []int{29}, 1},
		{"linked, pointer in block", FileBlockConfig{Scheme: Linked, BlockSize: 512, PointerBytes: 4,
			Blocks: []int{9, 16, 1, 10, 25}, Offsets: []int{1016}}, 1, "chain", []int{9, 16, 1}, 3},
		{"linked, whole block", FileBlockConfig{Scheme: Linked, BlockSize: 512, PointerBytes: 4,
			Blocks: []int{9, 16, 1, 10, 25}, Offsets: []int{1016}, Rules: FileBlockRules{LinkedPayload: PayloadWholeBlock}}, 16, "chain", []int{9, 16}, 2},
		{"fat on disk", FileBlockConfig{Scheme: FAT, BlockSize: 512, PointerBytes: 4, FATStart: 1,
			Blocks: []int{217, 618, 339}, Offsets: []int{1100}}, 339, "fat", []int{2, 5, 339}, 3},
		{"fat in memory", FileBlockConfig{Scheme: FAT, BlockSize: 512, PointerBytes: 4, FATStart: 1,
			Blocks: []int{217, 618, 339}, Offsets: []int{1100}, Rules: FileBlockRules{Cache: CacheIndex}}, 339, "fat", []int{2, 5, 339}, 1},
		{"fat entries in one FAT block", FileBlockConfig{Scheme: FAT, BlockSize: 512, PointerBytes: 4,
			Blocks: []int{3, 7, 5, 2}, Offsets: []int{1600}}, 2, "fat", []int{0, 2}, 2},
		{"indexed", FileBlockConfig{Scheme: Indexed, BlockSize: 512, PointerBytes: 4, IndexBlock: &idx,
			Blocks: []int{9, 16, 1, 10, 25}, Offsets: []int{2500}}, 25, "index", []int{19, 25}, 2},
		{"inode direct", FileBlockConfig{Scheme: InodeAlloc, BlockSize: 4096, PointerBytes: 4, Direct: 12,
			FirstBlock: 100, Offsets: []int{49151}}, 111, "direct", []int{111}, 1},
		{"inode single", FileBlockConfig{Scheme: InodeAlloc, BlockSize: 4096, PointerBytes: 4, Direct: 12,
			FirstBlock: 100, Offsets: []int{50000}}, 113, "single indirect", []int{112, 113}, 2},
		{"inode last single", FileBlockConfig{Scheme: InodeAlloc, BlockSize: 4096, PointerBytes: 4, Direct: 12,
			FirstBlock: 100, Offsets: []int{1036*4096 - 1}}, 1136, "single indirect", []int{112, 1136}, 2},
		{"inode double, second child", FileBlockConfig{Scheme: InodeAlloc, BlockSize: 4096, PointerBytes: 4, Direct: 12,
			FirstBlock: 100, Offsets: []int{(1036 + 1024 + 5) * 4096}}, 2169, "double indirect", []int{1137, 2163, 2169}, 3},
		{"inode double cached", FileBlockConfig{Scheme: InodeAlloc, BlockSize: 4096, PointerBytes: 4, Direct: 12,
			FirstBlock: 100, Offsets: []int{1036 * 4096}, Rules: FileBlockRules{Cache: CacheIndex}}, 1139, "double indirect", []int{1137, 1138, 1139}, 1},
	}
	for _, tc := range tests {
		tr, err := RunFileBlock(tc.c)
		if err != nil {
			t.Fatalf("%s: RunFileBlock: %v", tc.name, err)
		}
		l := tr.Lookups[0]
		var path []int
		for _, a := range l.Path {
			path = append(path, a.Block)
		}
		if l.Block != tc.block || l.Via != tc.via || !slices.Equal(path, tc.path) || l.Reads != tc.reads {
			t.Errorf("%s: RunFileBlock(offset %d) = block %d via %q path %v reads %d; want block %d via %q path %v reads %d",
				tc.name, l.Offset, l.Block, l.Via, path, l.Reads, tc.block, tc.via, tc.path, tc.reads)
		}
	}
}

// TestMaxFile checks the largest file of each scheme.
func TestMaxFile(t *testing.T) {
	idx := 0
	tests := []struct {
		c     FileBlockConfig
		bytes string
	}{
		{FileBlockConfig{Scheme: InodeAlloc, BlockSize: 4096, PointerBytes: 4, Direct: 12}, "4402345721856"},
		{FileBlockConfig{Scheme: InodeAlloc, BlockSize: 1024, PointerBytes: 4, Direct: 10, Rules: FileBlockRules{Indirect: IndirectDouble}}, "67381248"},
		{FileBlockConfig{Scheme: InodeAlloc, BlockSize: 32768, PointerBytes: 1, Direct: 64}, "1152956690054774784"},
		{FileBlockConfig{Scheme: Indexed, BlockSize: 512, PointerBytes: 4, IndexBlock: &idx, Blocks: []int{1}}, "65536"},
		{FileBlockConfig{Scheme: FAT, BlockSize: 512, PointerBytes: 2, Blocks: []int{1}}, "33554432"},
		{FileBlockConfig{Scheme: Linked, BlockSize: 512, PointerBytes: 4, Blocks: []int{1}}, "2181843386368"},
		{FileBlockConfig{Scheme: Contiguous, BlockSize: 4096, PointerBytes: 8, Extents: []Extent{{0, 1}}}, "75557863725914323419136"},
	}
	for _, tc := range tests {
		tr, err := RunFileBlock(tc.c)
		if err != nil {
			t.Fatalf("RunFileBlock(%s): %v", tc.c.Scheme, err)
		}
		if got := tr.MaxFileBytes.String(); got != tc.bytes {
			t.Errorf("RunFileBlock(%s, %d/%d).MaxFileBytes = %s; want %s", tc.c.Scheme, tc.c.BlockSize, tc.c.PointerBytes, got, tc.bytes)
		}
	}
}

// TestInodeProperties checks, over random geometries and offsets below the
// largest file, that the file block is offset/block_size and an uncached
// lookup reads 1 + the number of indirect levels, and that the sequential
// layout never gives two file blocks or index blocks the same disk block.
func TestInodeProperties(t *testing.T) {
	r := rng.New(4, rng.StreamFS)
	for trial := range 3000 {
		g := Inode{BlockSize: 1 << (2 + r.IntN(14)), Direct: 1 + r.IntN(MaxDirect), Levels: r.IntN(4)}
		g.PointerBytes = 1 + r.IntN(min(MaxPointerBytes, g.BlockSize/2))
		size := g.MaxBlocks() * g.BlockSize
		c := FileBlockConfig{Scheme: InodeAlloc, BlockSize: g.BlockSize, PointerBytes: g.PointerBytes, Direct: g.Direct,
			FirstBlock: r.IntN(1000), Rules: FileBlockRules{Indirect: []string{IndirectNone, IndirectSingle, IndirectDouble, IndirectTriple}[g.Levels]}}
		for range 20 {
			c.Offsets = append(c.Offsets, r.IntN(size))
		}
		c.Offsets = append(c.Offsets, size-1)
		tr, err := RunFileBlock(c)
		if err != nil {
			t.Fatalf("trial %d: RunFileBlock(%+v): %v", trial, c, err)
		}
		for _, l := range tr.Lookups {
			if l.FileBlock != l.Offset/g.BlockSize || l.Reads != 1+l.Level || len(l.Path) != 1+l.Level {
				t.Fatalf("trial %d %+v: offset %d → block %d, %d reads at level %d; want block %d, %d reads",
					trial, g, l.Offset, l.FileBlock, l.Reads, l.Level, l.Offset/g.BlockSize, 1+l.Level)
			}
			if reads, ok := g.Reads(l.Offset); !ok || reads != l.Reads {
				t.Fatalf("trial %d: Inode.Reads(%d) = %d, %v; want %d", trial, l.Offset, reads, ok, l.Reads)
			}
		}
		if _, _, ok := g.Locate(g.MaxBlocks()); ok {
			t.Fatalf("trial %d: Locate(MaxBlocks = %d) ok; want past the end", trial, g.MaxBlocks())
		}
	}
	// Exhaustively on small geometries: sequential blocks are distinct and
	// contiguous from first_block.
	for _, g := range []Inode{{8, 2, 3, 3}, {16, 4, 2, 3}, {12, 4, 1, 2}, {8, 4, 5, 0}} {
		seen := map[int]bool{}
		for fb := range g.MaxBlocks() {
			path, level, ok := g.Sequential(7, fb)
			if !ok {
				t.Fatalf("%+v: Sequential(%d) not ok", g, fb)
			}
			for k, b := range path[:level+1] {
				if seen[b] && k == level {
					t.Fatalf("%+v: Sequential(%d) data block %d used twice", g, fb, b)
				}
				seen[b] = true
			}
		}
		// Data blocks plus index blocks fill 7..7+len(seen)-1 with no gap.
		for b := 7; b < 7+len(seen); b++ {
			if !seen[b] {
				t.Fatalf("%+v: sequential layout skips disk block %d", g, b)
			}
		}
	}
}

// TestFileBlockErrors checks that bad scenarios name the field at fault.
func TestFileBlockErrors(t *testing.T) {
	one := 5
	tests := []struct {
		c    FileBlockConfig
		want string
	}{
		{FileBlockConfig{Scheme: "ext4"}, "scheme must be one of"},
		{FileBlockConfig{Scheme: Linked, BlockSize: 1 << 20}, "block_size must be between 2 and 32768"},
		{FileBlockConfig{Scheme: Linked, BlockSize: 4, PointerBytes: 4}, "pointer_bytes must be between 1 and 2"},
		{FileBlockConfig{Scheme: Linked, BlockSize: 512, PointerBytes: 4, Extents: []Extent{{1, 1}}}, "extents does not apply to scheme linked"},
		{FileBlockConfig{Scheme: Linked, BlockSize: 512, PointerBytes: 4, Blocks: []int{3, 4, 3}}, "blocks[2] repeats block 3 of blocks[0]"},
		{FileBlockConfig{Scheme: Linked, BlockSize: 512, PointerBytes: 4, Blocks: []int{3}, Offsets: []int{508}}, "offsets[0] must be between 0 and 507"},
		{FileBlockConfig{Scheme: Indexed, BlockSize: 512, PointerBytes: 4, Blocks: []int{3}}, "index_block is required"},
		{FileBlockConfig{Scheme: Indexed, BlockSize: 512, PointerBytes: 4, IndexBlock: &one, Blocks: []int{5}}, "blocks[0] is the index block itself"},
		{FileBlockConfig{Scheme: Contiguous, BlockSize: 512, PointerBytes: 4, Extents: []Extent{{1, 0}}}, "extents[0].length must be between 1"},
		{FileBlockConfig{Scheme: InodeAlloc, BlockSize: 512, PointerBytes: 4}, "direct must be between 1 and 64"},
		{FileBlockConfig{Scheme: InodeAlloc, BlockSize: 512, PointerBytes: 4, Direct: 2, Rules: FileBlockRules{Indirect: "quad"}}, "rules.indirect must be one of"},
		{FileBlockConfig{Scheme: InodeAlloc, BlockSize: 16, PointerBytes: 4, Direct: 2, Inode: &InodeLayout{Direct: []int{1}}, Offsets: []int{20}}, "offsets[0] is in file block 1, but inode.direct has only 1 entries"},
		{FileBlockConfig{Scheme: InodeAlloc, BlockSize: 16, PointerBytes: 4, Direct: 1, Inode: &InodeLayout{Single: &one}, Offsets: []int{20}}, "offsets[0] is in file block 1, but inode.index_blocks has no block 5"},
		{FileBlockConfig{Scheme: InodeAlloc, BlockSize: 16, PointerBytes: 4, Direct: 1, Inode: &InodeLayout{Double: &one}, Rules: FileBlockRules{Indirect: IndirectSingle}}, "inode.double is set but rules.indirect is single"},
		{FileBlockConfig{Scheme: Linked, BlockSize: 8, PointerBytes: 4, Blocks: make([]int, 1), Offsets: slices.Repeat([]int{3}, 10)}, ""},
	}
	for _, tc := range tests {
		err := tc.c.Validate()
		if tc.want == "" {
			if err != nil {
				t.Errorf("Validate(%+v) = %v; want nil", tc.c, err)
			}
			continue
		}
		if _, ok := field.As(err); !ok || !strings.HasPrefix(err.Error(), tc.want) {
			t.Errorf("Validate(%+v) = %v; want a field error starting %q", tc.c, err, tc.want)
		}
	}
}

// TestFileBlockGolden pins the traces of the fileblock examples.
func TestFileBlockGolden(t *testing.T) {
	for _, name := range []string{"fileblock", "fileblock-inode-layout", "fileblock-contiguous", "fileblock-linked", "fileblock-fat", "fileblock-indexed"} {
		var c FileBlockConfig
		readExample(t, name, &c)
		tr, err := RunFileBlock(c)
		if err != nil {
			t.Fatalf("RunFileBlock(%s): %v", name, err)
		}
		golden.JSON(t, name, tr)
		var b strings.Builder
		if err := tr.WriteTable(&b); err != nil {
			t.Fatal(err)
		}
		golden.Bytes(t, name+".txt", []byte(b.String()))
	}
}

// readExample decodes examples/<name>.json, without its kind, into c.
func readExample(t *testing.T, name string, c any) {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "..", "examples", name+".json"))
	if err != nil {
		t.Fatal(err)
	}
	var obj map[string]json.RawMessage
	if err := json.Unmarshal(data, &obj); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	delete(obj, "kind")
	rest, _ := json.Marshal(obj)
	if err := json.Unmarshal(rest, c); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
}

// BenchmarkInodeLookup measures inode lookups (file block, level, disk
// block of the sequential layout, read count) over 10 M offsets.
func BenchmarkInodeLookup(b *testing.B) {
	g := Inode{BlockSize: 4096, PointerBytes: 4, Direct: 12, Levels: 3}
	size := g.MaxBlocks() * g.BlockSize
	const n = 10_000_000
	offsets := make([]int, 1<<16)
	r := rng.New(1, rng.StreamFS)
	for i := range offsets {
		offsets[i] = r.IntN(size)
	}
	b.ResetTimer()
	sum := 0
	for b.Loop() {
		for i := range n {
			path, level, ok := g.Sequential(100, offsets[i&(1<<16-1)]/g.BlockSize)
			if !ok {
				b.Fatal("offset past the end")
			}
			sum += path[level] + level
		}
	}
	b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "lookups/s")
	_ = sum
}
