package raid

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
)

// textbookCase is one raid case of testdata/textbook.json.
type textbookCase struct {
	Level          int    `json:"level"`
	Disks          int    `json:"disks"`
	Chunk          int    `json:"chunk"`
	Layout         string `json:"layout"`
	Blocks         []int  `json:"blocks"`
	Disk           []int  `json:"disk"`
	Offset         []int  `json:"offset"`
	ParityByStripe []int  `json:"parity_disk_by_stripe"`
}

func textbookCases(t *testing.T) []textbookCase {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "..", "testdata", "textbook.json"))
	if err != nil {
		t.Fatalf("read textbook cases: %v", err)
	}
	var cases struct {
		RAID []textbookCase `json:"raid"`
	}
	if err := json.Unmarshal(data, &cases); err != nil {
		t.Fatalf("decode textbook cases: %v", err)
	}
	if len(cases.RAID) != 3 {
		t.Fatalf("textbook.json has %d raid cases; want 3", len(cases.RAID))
	}
	return cases.RAID
}

func TestTextbookMapping(t *testing.T) {
	for _, tc := range textbookCases(t) {
		c := Config{Level: tc.Level, Disks: tc.Disks, Chunk: tc.Chunk, Layout: tc.Layout, Stripes: len(tc.ParityByStripe)}
		for _, b := range tc.Blocks {
			c.Requests = append(c.Requests, Request{Block: b})
		}
		tr, err := Run(c)
		if err != nil {
			t.Fatalf("Run(%+v): %v", c, err)
		}
		byBlock := map[int]Location{}
		for _, l := range tr.Map {
			byBlock[l.Block] = l
		}
		for i, b := range tc.Blocks {
			l := byBlock[b]
			if l.Disk != tc.Disk[i] || l.Offset != tc.Offset[i] {
				t.Errorf("RAID %d %s %d disks chunk %d: block %d at disk %d offset %d; want disk %d offset %d",
					tc.Level, tc.Layout, tc.Disks, tc.Chunk, b, l.Disk, l.Offset, tc.Disk[i], tc.Offset[i])
			}
			// The request's single op reads the same place.
			if op := tr.Requests[i].Ops[0]; op.Disk != tc.Disk[i] || op.Offset != tc.Offset[i] {
				t.Errorf("RAID %d: read of block %d = %+v; want disk %d offset %d", tc.Level, b, op, tc.Disk[i], tc.Offset[i])
			}
		}
		for s, want := range tc.ParityByStripe {
			if got := tr.Grid[s].ParityDisk; got == nil || *got != want {
				t.Errorf("RAID %d %s: stripe %d parity disk = %v; want %d", tc.Level, tc.Layout, s, got, want)
			}
		}
	}
}

// The example of DESIGN.md §3: block 13 of a 4-disk left-symmetric RAID 5
// with chunk 1 is on disk 1 at offset 4; its stripe (4) has parity on disk 3
// (the rotation repeats every 4 stripes).
func TestDesignExample(t *testing.T) {
	tr, err := Run(Config{Level: 5, Disks: 4, Chunk: 1, Layout: LeftSymmetric, Requests: []Request{{Block: 13, Count: 1}}})
	if err != nil {
		t.Fatal(err)
	}
	l := tr.Map[0]
	if l.Block != 13 || l.Disk != 1 || l.Offset != 4 || *l.ParityDisk != 3 {
		t.Errorf("Run(block 13).Map[0] = block %d disk %d offset %d parity %d; want 13 1 4 3", l.Block, l.Disk, l.Offset, *l.ParityDisk)
	}
	want := []Op{{Op: OpRead, Disk: 1, Offset: 4, Role: RoleData, Block: 13}}
	if got := tr.Requests[0].Ops; len(got) != 1 || got[0] != want[0] {
		t.Errorf("Run(block 13).Requests[0].Ops = %+v; want %+v", got, want)
	}
}

// Hand-checked placements of every level and layout.
func TestLocate(t *testing.T) {
	tests := []struct {
		level, disks, chunk int
		layout              string
		block               int
		disk, offset, p, q  int
	}{
		{0, 4, 2, "", 13, 2, 3, -1, -1},
		{0, 3, 1, "", 7, 1, 2, -1, -1},
		{1, 2, 4, "", 9, 0, 9, -1, -1},
		{10, 4, 1, "", 3, 2, 1, -1, -1},
		{10, 6, 2, "", 7, 0, 3, -1, -1},
		{10, 6, 2, "", 9, 2, 3, -1, -1},
		{4, 4, 1, "", 4, 1, 1, 3, -1},
		{5, 4, 1, LeftSymmetric, 3, 3, 1, 2, -1},
		{5, 4, 1, LeftAsymmetric, 5, 3, 1, 2, -1},
		{5, 4, 1, RightSymmetric, 0, 1, 0, 0, -1},
		{5, 4, 1, RightSymmetric, 3, 2, 1, 1, -1},
		{5, 4, 1, RightAsymmetric, 3, 0, 1, 1, -1},
		{5, 4, 1, RightAsymmetric, 4, 2, 1, 1, -1},
		{5, 5, 2, LeftSymmetric, 9, 4, 3, 3, -1},
		{5, 5, 2, LeftSymmetric, 11, 0, 3, 3, -1},
		// RAID 6, 5 disks: md's left-symmetric puts P on 4−s, Q after it.
		{6, 5, 1, LeftSymmetric, 0, 1, 0, 4, 0},
		{6, 5, 1, LeftSymmetric, 3, 0, 1, 3, 4},
		{6, 5, 1, LeftSymmetric, 6, 4, 2, 2, 3},
		{6, 5, 1, LeftAsymmetric, 0, 1, 0, 4, 0},
		{6, 5, 1, LeftAsymmetric, 5, 2, 1, 3, 4},
		{6, 5, 1, LeftAsymmetric, 6, 0, 2, 2, 3},
		{6, 5, 1, LeftAsymmetric, 8, 4, 2, 2, 3},
		{6, 5, 1, RightSymmetric, 0, 2, 0, 0, 1},
		{6, 5, 1, RightAsymmetric, 12, 1, 4, 4, 0},
	}
	for _, tt := range tests {
		g := NewGeometry(Config{Level: tt.level, Disks: tt.disks, Chunk: tt.chunk, Layout: tt.layout})
		pl := g.Locate(tt.block)
		if pl.Disk != tt.disk || pl.Offset != tt.offset || pl.P != tt.p || pl.Q != tt.q {
			t.Errorf("RAID %d %s %d disks chunk %d: Locate(%d) = disk %d offset %d P %d Q %d; want %d %d %d %d",
				tt.level, tt.layout, tt.disks, tt.chunk, tt.block, pl.Disk, pl.Offset, pl.P, pl.Q, tt.disk, tt.offset, tt.p, tt.q)
		}
	}
}
