package game

import (
	"strconv"
	"testing"

	"github.com/osarena/osarena/assets/fonts"
	"github.com/osarena/osarena/sim/fs"
	"github.com/osarena/osarena/sim/quiz"
)

// fileQuestions returns generated fileblock questions of scheme, over
// both families, every difficulty and a range of seeds.
func fileQuestions(t *testing.T, scheme string) []*quiz.Question {
	t.Helper()
	var out []*quiz.Question
	for _, fam := range []quiz.Family{quiz.FileBlockBlock, quiz.FileBlockReads} {
		for d := 1; d <= quiz.MaxDifficulty; d++ {
			for seed := range uint64(40) {
				qs, err := quiz.Chain(fam, seed, d, 3)
				if err != nil {
					t.Fatalf("quiz.Chain(%s, %d, d%d): %v", fam, seed, d, err)
				}
				for _, q := range qs {
					tr, err := runScenario(q.Scenario)
					if err != nil {
						t.Fatal(err)
					}
					if tr.(*fs.FileBlockTrace).Scheme == scheme {
						out = append(out, q)
					}
				}
			}
		}
	}
	if len(out) == 0 {
		t.Fatalf("no %s question generated", scheme)
	}
	return out
}

// pictureSizes are the picture columns of a 1280×720 screen (beside the
// keypad) and of a 390×844 phone.
var pictureSizes = []struct {
	name   string
	w      float64
	narrow bool
}{{"1280x720", 832, false}, {"390x844", 358, true}}

// overlap reports whether a and b share any area.
func overlap(a, b Rect) bool {
	return a.X < b.Right() && b.X < a.Right() && a.Y < b.Bottom() && b.Y < a.Bottom()
}

// inside reports whether r lies in the column [x, x+w) below y0 and above y1.
func inside(r Rect, x, w, y0, y1 float64) bool {
	return r.X >= x-0.01 && r.Right() <= x+w+0.01 && r.Y >= y0 && r.Bottom() <= y1
}

// filesPictureOf builds the file-allocation picture of q, and its trace.
func filesPictureOf(q *quiz.Question) (*filesPicture, *fs.FileBlockTrace) {
	sp := specOf(q)
	res, _ := runScenario(q.Scenario)
	tr := res.(*fs.FileBlockTrace)
	return newFilesPicture(&sp, tr), tr
}

// TestInodeTreeLayout lays out every generated inode picture on a desktop
// and a phone: the slots and the nodes stay inside the column and the
// returned height, none overlaps another, the nodes sit below the slots,
// and the longest entry a node shows fits its width at the smallest size
// the drawing shrinks it to.
func TestInodeTreeLayout(t *testing.T) {
	txt, err := NewText(fonts.TTF)
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range fileQuestions(t, fs.InodeAlloc) {
		for _, sz := range pictureSizes {
			const x, y = 16.0, 90.0
			v, _ := filesPictureOf(q)
			bottom := v.layout(txt, x, y, sz.w, 600, sz.narrow)
			tree := v.inode
			if tree == nil {
				t.Fatalf("%s: inode question without a tree", q.Family)
			}
			var rs []Rect
			rs = append(rs, tree.slots...)
			for c := range tree.cols {
				for r := range tree.rows {
					rs = append(rs, tree.node(c, r))
				}
			}
			for i, a := range rs {
				if !inside(a, x, sz.w, y, bottom) {
					t.Errorf("%s %s: rect %d %+v outside x %v..%v, y %v..%v", q.Family, sz.name, i, a, x, x+sz.w, y, bottom)
				}
				for j := range i {
					if overlap(a, rs[j]) {
						t.Errorf("%s %s: rect %d %+v overlaps rect %d %+v", q.Family, sz.name, i, a, j, rs[j])
					}
				}
			}
			if tree.rowY[0] < tree.slots[0].Bottom()+20 {
				t.Errorf("%s %s: first node row at %v, slots end at %v; want room for the edges", q.Family, sz.name, tree.rowY[0], tree.slots[0].Bottom())
			}
			for i, r := range tree.slots {
				if b, ok := tree.slotValue(max(0, tree.slotIx[i])); ok {
					if w := txt.Width(strconv.Itoa(b), 9); w > r.W-4 {
						t.Errorf("%s %s: slot value %d is %v wide at 9 px; the slot holds %v", q.Family, sz.name, b, w, r.W-4)
					}
				}
			}
			n := tree.geo.PerBlock()
			for lv := 1; lv <= tree.geo.Levels; lv++ {
				idx := make([]int, lv)
				idx[lv-1] = n - 1
				if b, ok := tree.pointer(lv, idx); ok {
					s := strconv.Itoa(n-1) + " → " + strconv.Itoa(b)
					if w := txt.Width(s, 9); w > tree.colW[lv]-14 {
						t.Errorf("%s %s: entry %q is %v wide at 9 px; a node line holds %v", q.Family, sz.name, s, w, tree.colW[lv]-14)
					}
				}
			}
		}
	}
}

// TestInodeTreePointer checks the tree's pointers against the simulator:
// following a lookup's entries from the top of its level gives the path's
// blocks and then its data block.
func TestInodeTreePointer(t *testing.T) {
	for _, q := range fileQuestions(t, fs.InodeAlloc) {
		v, tr := filesPictureOf(q)
		tree := v.inode
		for _, lk := range tr.Lookups {
			if lk.Level == 0 {
				if got, ok := tree.slotValue(lk.Entries[0]); !ok || got != lk.Block {
					t.Errorf("offset %d: direct slot %d = %d, %v; want %d", lk.Offset, lk.Entries[0], got, ok, lk.Block)
				}
				continue
			}
			for k := 0; k <= lk.Level; k++ {
				want := lk.Block
				if k < lk.Level {
					want = lk.Path[k].Block
				}
				if got, ok := tree.pointer(lk.Level, lk.Entries[:k]); !ok || got != want {
					t.Errorf("offset %d: pointer(%d, %v) = %d, %v; want %d", lk.Offset, lk.Level, lk.Entries[:k], got, ok, want)
				}
			}
		}
	}
}

// TestFATTableLayout lays out every generated FAT picture on a desktop and
// a phone: the rows are in block order, inside the column and the returned
// height, and do not overlap; the block question's picks are the rows.
func TestFATTableLayout(t *testing.T) {
	for _, q := range fileQuestions(t, fs.FAT) {
		for _, sz := range pictureSizes {
			const x, y = 16.0, 90.0
			v, _ := filesPictureOf(q)
			bottom := v.layout(nil, x, y, sz.w, 600, sz.narrow)
			ft := v.fat
			if ft == nil {
				t.Fatalf("%s: FAT question without a table", q.Family)
			}
			if got, want := len(ft.rowR), len(ft.cfg.Blocks); got != want {
				t.Errorf("%s %s: %d rows; want %d", q.Family, sz.name, got, want)
			}
			for k, r := range ft.rowR {
				if !inside(r, x, sz.w, y, bottom) {
					t.Errorf("%s %s: row %d %+v outside x %v..%v, y %v..%v", q.Family, sz.name, k, r, x, x+sz.w, y, bottom)
				}
				if k > 0 {
					if ft.cfg.Blocks[ft.order[k]] <= ft.cfg.Blocks[ft.order[k-1]] {
						t.Errorf("%s %s: row %d block %d after %d; want ascending", q.Family, sz.name, k, ft.cfg.Blocks[ft.order[k]], ft.cfg.Blocks[ft.order[k-1]])
					}
					if overlap(r, ft.rowR[k-1]) {
						t.Errorf("%s %s: row %d %+v overlaps row %d", q.Family, sz.name, k, r, k-1)
					}
				}
			}
			wantPicks := 0
			if q.Family == quiz.FileBlockBlock {
				wantPicks = len(ft.rowR)
			}
			if got := len(v.picks()); got != wantPicks {
				t.Errorf("%s %s: %d picks; want %d", q.Family, sz.name, got, wantPicks)
			}
		}
	}
}
