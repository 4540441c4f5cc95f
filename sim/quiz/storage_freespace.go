package quiz

import (
	"errors"
	"strings"

	"github.com/osarena/osarena/sim/fs"
	"github.com/osarena/osarena/sim/rng"
	"github.com/osarena/osarena/sim/scenario"
)

// freeLevel is what a difficulty level means for free-space bitmaps.
type freeLevel struct {
	blocks     []int
	alloc      [2]int // blocks per allocation, inclusive
	contiguous bool   // contiguous allocations drawn too
	usedBit    bool   // rule 1 = used drawn too
	free       bool   // a free op between the allocations
}

var freeLevels = [MaxDifficulty + 1]freeLevel{
	1: {blocks: []int{16}, alloc: [2]int{2, 3}},
	2: {blocks: []int{16, 24}, alloc: [2]int{2, 4}, contiguous: true},
	3: {blocks: []int{24, 32}, alloc: [2]int{2, 4}, contiguous: true, free: true},
	4: {blocks: []int{32}, alloc: [2]int{3, 5}, contiguous: true, usedBit: true, free: true},
	5: {blocks: []int{32, 48}, alloc: [2]int{3, 6}, contiguous: true, usedBit: true, free: true},
}

// genFreeSpace draws a bitmap and three allocations that succeed (with a
// free of the first one before the third, from difficulty 3).
func genFreeSpace(r *rng.Rand, d int) (any, []int, error) {
	lv := freeLevels[d]
	for range 32 {
		c := fs.FreeSpaceConfig{Method: fs.BitmapMethod, Blocks: stPick(r, lv.blocks)}
		for b := range c.Blocks {
			if r.IntN(20) < 9 {
				c.FreeBlocks = append(c.FreeBlocks, b)
			}
		}
		if lv.usedBit && r.IntN(3) == 0 {
			c.Rules.Bit = fs.BitOneUsed
		}
		steps := []int{0, 1, 2}
		for i := range 3 {
			op := fs.FreeOp{Alloc: between(r, lv.alloc), Contiguous: lv.contiguous && r.IntN(2) == 0}
			if i == 2 && lv.free && r.IntN(2) == 0 {
				first := 0
				c.Ops = append(c.Ops, fs.FreeOp{Free: &first})
				steps[2] = 3
			}
			c.Ops = append(c.Ops, op)
		}
		tr, err := fs.RunFreeSpace(c)
		if err != nil {
			return nil, nil, err
		}
		if tr.Failed == 0 {
			return c, steps, nil
		}
	}
	return nil, nil, ErrNoCheckpoint
}

// bitmapAlloc returns the blocks an allocation of n takes from bitmap when
// the character free marks a free block: the n lowest, or the first run of
// n (nil if none).
func bitmapAlloc(bitmap string, free byte, n int, contiguous bool) []int {
	var out []int
	for b := 0; b < len(bitmap) && len(out) < n; b++ {
		switch {
		case bitmap[b] == free:
			out = append(out, b)
		case contiguous:
			out = out[:0]
		}
	}
	if len(out) < n {
		return nil
	}
	return out
}

// groupBits writes a bitmap in groups of eight.
func groupBits(bitmap string) string {
	var parts []string
	for i := 0; i < len(bitmap); i += 8 {
		parts = append(parts, bitmap[i:min(i+8, len(bitmap))])
	}
	return strings.Join(parts, " ")
}

func askFreeSpace(sc any, step int) (*Question, error) {
	c := sc.(fs.FreeSpaceConfig)
	if c.Method != fs.BitmapMethod {
		return nil, errors.New("freespace.bitmap asks about method bitmap")
	}
	tr, err := fs.RunFreeSpace(c)
	if err != nil {
		return nil, err
	}
	if step < 0 || step >= len(c.Ops) {
		return nil, errors.New("must be between 0 and " + itoa(len(c.Ops)-1) + ": one of the ops")
	}
	s := tr.Steps[step]
	if s.Op != "alloc" || !s.OK {
		return nil, errors.New("must be an alloc op that succeeds")
	}
	doc, err := scenario.Encode("freespace", c)
	if err != nil {
		return nil, err
	}
	q := &Question{Family: FreeSpaceAlloc, Topic: TopicFreeSpace, Scenario: doc, Step: step, Rules: []Rule{{Name: "bit", Value: tr.Rules.Bit}}}
	bitmap := tr.Initial.Bitmap
	if step > 0 {
		bitmap = tr.Steps[step-1].State.Bitmap
	}
	free, used := byte('1'), byte('0')
	if tr.Rules.Bit == fs.BitOneUsed {
		free, used = used, free
	}
	rule := Term("freespace.rule.bit." + tr.Rules.Bit)
	args := []string{"n", itoa(s.N), "rule", rule, "bitmap", groupBits(bitmap), "free", string(free), "blocks", joinInts(s.Blocks),
		"first", itoa(s.Blocks[0]), "last", itoa(s.Blocks[len(s.Blocks)-1])}
	key := "freespace.bitmap."
	if s.Contiguous {
		key += "contiguous."
	}
	q.Prompt = T(key+"prompt", args...)
	q.Explanation = T(key+"explain", args...)
	q.Answer = Answer{Kind: KindSet, Values: stInt64s(s.Blocks)}
	w := stWrongs{right: q.Answer.Values}
	for _, b := range bitmapAlloc(bitmap, used, s.N, s.Contiguous) {
		w.add(int64(b), T("freespace.bitmap.why.inverted", "block", itoa(b), "bit", string(used), "rule", rule))
	}
	otherKey := "freespace.bitmap.why.contiguous"
	if s.Contiguous {
		otherKey = "freespace.bitmap.why.any"
	}
	for _, b := range bitmapAlloc(bitmap, free, s.N, !s.Contiguous) {
		w.add(int64(b), T(otherKey, "block", itoa(b), "n", itoa(s.N)))
	}
	q.Wrong = w.list
	return q, nil
}
