package quiz

import (
	"testing"

	"github.com/osarena/osarena/sim/disk"
	"github.com/osarena/osarena/sim/replace"
)

func TestReplaceStepExplanation(t *testing.T) {
	c := replace.Config{Policy: replace.LRU, Frames: 2, Refs: []int{1, 2, 1, 3}}
	tr, err := replace.Run(c)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		step int
		key  string
	}{
		{0, "replace.hitfault.explain.fault"},
		{2, "replace.hitfault.explain.hit"},
		{3, "replace.victim.explain.lru"},
	}
	for _, tc := range tests {
		got, err := ReplaceStepExplanation(c, tr, tc.step)
		if err != nil || got.Key != tc.key {
			t.Errorf("ReplaceStepExplanation(step %d) = %q, %v; want %q", tc.step, got.Key, err, tc.key)
		}
		if r := got.Render(Korean); r == "" || r[0] == 0xe2 { // ⟦ starts with 0xe2
			t.Errorf("step %d renders in Korean as %q", tc.step, r)
		}
	}
	if _, err := ReplaceStepExplanation(c, tr, 4); err == nil {
		t.Errorf("ReplaceStepExplanation(step 4 of 4) = nil error; want one")
	}
}

func TestDiskStepExplanation(t *testing.T) {
	c := disk.Config{Policy: disk.SCAN, Cylinders: 200, Head: 53, Direction: disk.Up,
		Requests: []disk.Request{{Cylinder: 98}, {Cylinder: 20}}}
	tr, err := disk.Run(c)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		step int
		key  string
	}{
		{0, "disk.next.explain.ahead"},
		{1, "disk.next.explain.scan.edge"},
	}
	for _, tc := range tests {
		got, err := DiskStepExplanation(c, tr, tc.step)
		if err != nil || got.Key != tc.key {
			t.Errorf("DiskStepExplanation(step %d) = %q, %v; want %q", tc.step, got.Key, err, tc.key)
		}
	}
	if _, err := DiskStepExplanation(c, tr, -1); err == nil {
		t.Errorf("DiskStepExplanation(step -1) = nil error; want one")
	}
}
