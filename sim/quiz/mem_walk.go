package quiz

import (
	"encoding/hex"
	"math/bits"
	"strconv"
	"strings"

	"github.com/osarena/osarena/sim/paging"
	"github.com/osarena/osarena/sim/rng"
	"github.com/osarena/osarena/sim/scenario"
)

// walkLevel is what a difficulty means for a multilevel walk: the page
// size, the index bits of each level and the pages of physical memory.
// Entries are one byte: valid bit 0x80, frame number in the low 7 bits (as
// in OSTEP's paging-multilevel-translate).
type walkLevel struct {
	pageSize  int
	levels    []int
	pages     int
	addresses int
}

var walkLevels = [MaxDifficulty + 1]walkLevel{
	1: {16, []int{2, 2}, 16, 4},
	2: {16, []int{2, 2}, 32, 4},
	3: {32, []int{3, 3}, 32, 5},
	4: {32, []int{5, 5}, 64, 5},
	5: {32, []int{2, 3, 3}, 64, 6},
}

const walkValid = 0x80

// walkBuilder lays out page tables in a memory image.
type walkBuilder struct {
	r     *rng.Rand
	lv    walkLevel
	mem   [][]byte // page → bytes, nil while unused
	free  []int    // unused pages, in the order they are handed out
	paths [][]int  // index paths that reach a data page
}

// take returns an unused page, filled with b(i) for each byte i.
func (w *walkBuilder) take(fill func(i int) byte) int {
	p := w.free[0]
	w.free = w.free[1:]
	w.mem[p] = make([]byte, w.lv.pageSize)
	for i := range w.mem[p] {
		w.mem[p][i] = fill(i)
	}
	return p
}

// table builds a table at level l (and everything below it) and returns its
// page. A few entries are valid; the others hold a stale frame number with
// the valid bit clear.
func (w *walkBuilder) table(l int, path []int) int {
	n := 1 << w.lv.levels[l]
	page := w.take(func(int) byte { return byte(w.r.IntN(len(w.mem))) })
	for i := n; i < w.lv.pageSize; i++ {
		w.mem[page][i] = 0 // past the table: unused
	}
	valid := 2 + w.r.IntN(min(3, n-1))
	for _, idx := range w.r.Perm(n)[:valid] {
		if len(w.free) < 2 {
			break
		}
		sub := append(append([]int{}, path...), idx)
		var f int
		if l == len(w.lv.levels)-1 {
			f = w.take(func(int) byte { return byte(w.r.IntN(256)) })
			w.paths = append(w.paths, sub)
		} else {
			f = w.table(l+1, sub)
		}
		w.mem[page][idx] = walkValid | byte(f)
	}
	return page
}

// genWalk builds a page-table tree in a memory image and asks about
// addresses that map, and addresses that fault at each level.
func genWalk(r *rng.Rand, d int) (any, []int, error) {
	lv := walkLevels[d]
	w := &walkBuilder{r: r, lv: lv, mem: make([][]byte, lv.pages), free: r.Perm(lv.pages)}
	root := w.table(0, nil)
	ob := bits.TrailingZeros(uint(lv.pageSize))
	c := paging.WalkConfig{PageSize: lv.pageSize, VABits: ob, Levels: lv.levels, Root: root,
		PTE: paging.PTEFormat{Bytes: 1, ValidMask: walkValid, PFNMask: walkValid - 1}}
	for _, b := range lv.levels {
		c.VABits += b
	}
	c.Memory = make([]string, lv.pages)
	for p, bs := range w.mem {
		c.Memory[p] = hex.EncodeToString(bs)
	}
	for range lv.addresses {
		var idx []int
		if r.IntN(3) > 0 && len(w.paths) > 0 {
			idx = w.paths[r.IntN(len(w.paths))] // maps
		} else {
			for _, b := range lv.levels {
				idx = append(idx, r.IntN(1<<b)) // usually faults somewhere
			}
		}
		va := 0
		for l, b := range lv.levels {
			va = va<<b | idx[l]
		}
		c.Addresses = append(c.Addresses, paging.At(va<<ob|r.IntN(lv.pageSize)))
	}
	return c, allSteps(len(c.Addresses)), nil
}

// walkImage decodes a scenario's memory image.
func walkImage(c paging.WalkConfig) []byte {
	img := make([]byte, len(c.Memory)*c.PageSize)
	for i, page := range c.Memory {
		h := strings.Join(strings.Fields(page), "")
		hex.Decode(img[i*c.PageSize:], []byte(h)) // RunWalk has validated it
	}
	return img
}

// walkAlong walks idx (one index per level) through img, reading entries
// as c says; with ignoreValid it follows an invalid entry's frame too. It
// returns the final frame, or -1 when an entry stops the walk.
func walkAlong(c paging.WalkConfig, img []byte, idx []int, ignoreValid bool) int {
	table, pages := c.Root, len(c.Memory)
	shift := bits.TrailingZeros64(c.PTE.PFNMask)
	for _, i := range idx {
		a := table*c.PageSize + i*c.PTE.Bytes
		var e uint64
		for b := range c.PTE.Bytes {
			if c.Rules.ByteOrder == paging.LittleEndian {
				e |= uint64(img[a+b]) << (8 * b)
			} else {
				e = e<<8 | uint64(img[a+b])
			}
		}
		f := int((e & c.PTE.PFNMask) >> shift)
		if e&c.PTE.ValidMask == 0 && !ignoreValid || f >= pages {
			return -1
		}
		table = f
	}
	return table
}

// hexEntry writes an entry of n bytes in hex, zero-padded: 0x0c.
func hexEntry(v uint64, n int) string {
	h := strconv.FormatUint(v, 16)
	return "0x" + strings.Repeat("0", max(0, 2*n-len(h))) + h
}

// walkIndexes splits va into one index per level, top level first.
func walkIndexes(c paging.WalkConfig, va int) []int {
	idx := make([]int, len(c.Levels))
	shift := c.VABits
	for l, b := range c.Levels {
		shift -= b
		idx[l] = va >> shift & (1<<b - 1)
	}
	return idx
}

func askWalk(sc any, step int) (*Question, error) {
	c := sc.(paging.WalkConfig)
	tr, err := paging.RunWalk(c)
	if err != nil {
		return nil, err
	}
	if err := checkStep(step, len(tr.Results)); err != nil {
		return nil, err
	}
	doc, err := scenario.Encode("pagewalk", c)
	if err != nil {
		return nil, err
	}
	res := tr.Results[step]
	q := &Question{Family: PageWalkTranslate, Topic: TopicPageWalk, Scenario: doc, Step: step,
		Rules: []Rule{{Name: "byte_order", Value: tr.Rules.ByteOrder}}}
	split := make([]string, len(c.Levels)+1)
	for i, b := range c.Levels {
		split[i] = itoa(b)
	}
	split[len(c.Levels)] = itoa(c.VABits - sumInts(c.Levels))
	walk := make([]string, len(res.Entries))
	for i, e := range res.Entries {
		walk[i] = hexEntry(e, c.PTE.Bytes) + " → " + itoa(res.Frames[i])
	}
	args := []string{"va", itoa(res.VA), "ps", itoa(c.PageSize), "bits", itoa(c.VABits), "split", strings.Join(split, " + "),
		"levels", itoa(len(c.Levels)), "root", itoa(c.Root), "valid", hexEntry(c.PTE.ValidMask, c.PTE.Bytes), "pfn", hexEntry(c.PTE.PFNMask, c.PTE.Bytes),
		"indexes", joinInts(walkIndexes(c, res.VA)), "offset", itoa(res.Offset), "walk", strings.Join(walk, ", ")}
	q.Prompt = T("pagewalk.translate.prompt", args[:16]...)
	img := walkImage(c)
	if res.Fault != nil {
		l := *res.Fault
		args = append(args, "level", itoa(l+1), "entry", hexEntry(res.Entries[l], c.PTE.Bytes), "frame", itoa(res.Frames[l]))
		q.Answer = Answer{Kind: KindNumber, Values: []int64{Trap}}
		key := "pagewalk.translate.explain.fault"
		if res.Reason == paging.FaultBadFrame {
			key += ".frame"
		}
		q.Explanation = T(key, args...)
		w := wrongs{answer: Trap}
		if f := walkAlong(c, img, walkIndexes(c, res.VA), true); f >= 0 && res.Reason == paging.FaultInvalid {
			w.add(int64(f*c.PageSize+res.Offset), T("pagewalk.translate.why.novalid", args...))
		}
		q.Wrong = w.list
		return q, nil
	}
	pa := *res.PA
	last := res.Frames[len(res.Frames)-1]
	args = append(args, "frame", itoa(last), "pa", itoa(pa))
	q.Answer = Answer{Kind: KindNumber, Values: []int64{int64(pa)}}
	q.Explanation = T("pagewalk.translate.explain.valid", args...)
	w := wrongs{answer: int64(pa)}
	if len(res.Frames) > 1 {
		w.add(int64(res.Frames[0]*c.PageSize+res.Offset), T("pagewalk.translate.why.skip", args...))
	}
	if e := res.Entries[len(res.Entries)-1]; int(e) != last {
		w.add(int64(int(e)*c.PageSize+res.Offset), T("pagewalk.translate.why.nomask", append(args, "entry", hexEntry(e, c.PTE.Bytes))...))
	}
	w.add(int64(last*c.PageSize), T("pagewalk.translate.why.nooffset", args...))
	rev := make([]int, len(res.Indexes))
	for i, x := range res.Indexes {
		rev[len(rev)-1-i] = x
	}
	if f := walkAlong(c, img, rev, false); f >= 0 && len(c.Levels) > 1 && slicesDiffer(rev, res.Indexes) {
		w.add(int64(f*c.PageSize+res.Offset), T("pagewalk.translate.why.order", args...))
	}
	w.add(Trap, T("pagewalk.translate.why.valid", args...))
	q.Wrong = w.list
	return q, nil
}

func sumInts(xs []int) int {
	s := 0
	for _, x := range xs {
		s += x
	}
	return s
}

func slicesDiffer(a, b []int) bool {
	for i := range a {
		if a[i] != b[i] {
			return true
		}
	}
	return false
}
