package game

import (
	"testing"

	"github.com/osarena/osarena/assets/fonts"
	"github.com/osarena/osarena/sim/quiz"
	"github.com/osarena/osarena/sim/raid"
	"github.com/osarena/osarena/sim/scenario"
)

// TestRAIDFailLayout lays out arrays with failed disks and spares on a
// phone and a desktop: every column inside the picture's width, the spares
// to the right of the disks, one answer target per disk (never a spare),
// columns wide enough for two-digit blocks, and the rebuild's progress.
func TestRAIDFailLayout(t *testing.T) {
	txt, err := NewText(fonts.TTF)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name     string
		fam      quiz.Family
		c        raid.Config
		step     int
		narrow   bool
		w        float64
		spares   int
		labels   bool
		done     int // rebuild rows full at the step
		askedRow int
	}{
		{"RAID 10, 8 disks, two spares, phone", quiz.RAIDRebuild, raid.Config{Level: 10, Disks: 8, Failed: []int{1, 6}, Rebuild: true, Stripes: 4, Requests: []raid.Request{}}, 2, true, 358, 2, false, 2, 2},
		{"RAID 6, 7 disks, two spares, phone", quiz.RAIDRebuild, raid.Config{Level: 6, Disks: 7, Chunk: 2, Failed: []int{3, 5}, Rebuild: true, Stripes: 3, Requests: []raid.Request{}}, 5, true, 358, 2, false, 5, 5},
		{"RAID 5, 4 disks, one spare, phone", quiz.RAIDRebuild, raid.Config{Level: 5, Disks: 4, Failed: []int{1}, Rebuild: true, Stripes: 5, Requests: []raid.Request{}}, 0, true, 358, 1, true, 0, 0},
		{"a read, then the rebuild, desktop", quiz.RAIDRebuild, raid.Config{Level: 5, Disks: 5, Failed: []int{0}, Rebuild: true, Stripes: 5, Requests: []raid.Request{{Block: 3}}}, 3, false, 1100, 1, true, 2, 2},
		{"degraded read, 7 disks, phone", quiz.RAIDDegraded, raid.Config{Level: 6, Disks: 7, Failed: []int{0, 2}, Stripes: 4, Requests: []raid.Request{{Block: 3}}}, 0, true, 358, 0, false, 0, -1},
		{"degraded read, 5 disks, phone", quiz.RAIDDegraded, raid.Config{Level: 6, Disks: 5, Failed: []int{0, 2}, Stripes: 4, Requests: []raid.Request{{Block: 3}}}, 0, true, 358, 0, true, 0, -1},
	}
	for _, tt := range tests {
		doc, err := scenario.Encode("raid", tt.c)
		if err != nil {
			t.Fatal(err)
		}
		sp := &questionSpec{Family: tt.fam, Scenario: doc, Step: tt.step, Kind: quiz.KindSet}
		pic, err := newPicture(sp)
		if err != nil {
			t.Fatalf("%s: newPicture: %v", tt.name, err)
		}
		v := pic.(*raidPicture)
		x := 16.0
		v.layout(txt, x, 86, tt.w, 600, tt.narrow)
		all := append(append([]Rect{}, v.cols...), v.spareCols...)
		if len(v.spareCols) != tt.spares || len(v.cols) != tt.c.Disks || len(v.ps) != tt.c.Disks {
			t.Errorf("%s: %d disk columns, %d spares, %d targets; want %d, %d, %d", tt.name, len(v.cols), len(v.spareCols), len(v.ps), tt.c.Disks, tt.spares, tt.c.Disks)
		}
		for i, r := range all {
			if r.X < x-3 || r.Right() > x+tt.w+3 {
				t.Errorf("%s: column %d %+v leaves [%g, %g]", tt.name, i, r, x, x+tt.w)
			}
			if r.W < minRAIDColumn-6 {
				t.Errorf("%s: column %d is %g wide; want at least %d", tt.name, i, r.W, minRAIDColumn-6)
			}
			if i > 0 && r.X <= all[i-1].Right() {
				t.Errorf("%s: column %d %+v overlaps column %d %+v", tt.name, i, r, i-1, all[i-1])
			}
		}
		if v.labels != tt.labels {
			t.Errorf("%s: stripe labels %v; want %v", tt.name, v.labels, tt.labels)
		}
		if done, _ := v.spareProgress(&picState{step: tt.step}); tt.spares > 0 && done != tt.done {
			t.Errorf("%s: step %d: %d rebuild rows full; want %d", tt.name, tt.step, done, tt.done)
		}
		if v.row != tt.askedRow || v.row >= v.rows {
			t.Errorf("%s: asked row %d of %d shown; want %d", tt.name, v.row, v.rows, tt.askedRow)
		}
	}
}
