package quiz

import (
	"errors"
	"strings"

	"github.com/osarena/osarena/sim/mem"
	"github.com/osarena/osarena/sim/rng"
	"github.com/osarena/osarena/sim/scenario"
)

// genMallocCompact lays memory out as a row of blocks and holes (allocated
// in address order, then the holes freed), compacts it, frees one more
// block below others and compacts again. The two compactions are the
// checkpoints: where a block lands, then how many bytes move.
func genMallocCompact(r *rng.Rand, d int) (any, []int, error) {
	lv := mallocLevels[d]
	for range 32 {
		c := mem.MallocConfig{Policy: mem.FirstFit, Base: 1000 * r.IntN(10)}
		if lv.padded {
			c.Header, c.Align = pick(r, 4, 8), pick(r, 4, 8, 16)
		}
		align := max(c.Align, 1)
		block := func(lohi [2]int) int {
			units := lv.unit * between(r, lohi)
			return (units+align-1)/align*align + c.Header
		}
		// Pieces bottom up: a block or a hole each, never two holes in a
		// row (the allocator would see one), the top one a block.
		n := 5 + r.IntN(2) + min(d, 3)/2
		var ops []mem.Op
		var holes, live []int
		for i := range n {
			hole := i < n-1 && (i == 0 || !contains(holes, i-1)) && r.IntN(5) < 2
			size := block(lv.used)
			if hole {
				size = block(lv.hole)
				holes = append(holes, i)
			} else {
				live = append(live, i)
			}
			ops = append(ops, mem.Op{Alloc: intp(size - c.Header)})
			c.Size += size
		}
		if len(holes) < 2 || len(live) < 3 {
			continue
		}
		c.Size += block(lv.hole) // room at the top
		for _, k := range holes {
			ops = append(ops, mem.Op{Free: intp(k)})
		}
		first := len(ops)
		ops = append(ops, mem.Op{Compact: true})
		// Free a block with others above it; they move again.
		ops = append(ops, mem.Op{Free: intp(live[r.IntN(len(live)-1)])}, mem.Op{Compact: true})
		c.Ops = ops
		tr, err := mem.RunMalloc(c)
		if err != nil {
			return nil, nil, err
		}
		if len(tr.Steps[first].Moves) == 0 || len(tr.Steps[first+2].Moves) == 0 {
			continue
		}
		return c, []int{first, first + 2}, nil
	}
	return nil, nil, ErrNoCheckpoint
}

func contains(xs []int, x int) bool {
	for _, v := range xs {
		if v == x {
			return true
		}
	}
	return false
}

// CompactAsked returns the alloc whose block a malloc.compact question at
// step asks about — the block compaction slides furthest (the highest of
// equals) — or ok false when that question asks how many bytes move (a
// compaction after the scenario's first) or step is no compaction.
func CompactAsked(tr *mem.MallocTrace, step int) (alloc int, ok bool) {
	if step < 0 || step >= len(tr.Steps) || !tr.Steps[step].Compact {
		return 0, false
	}
	for _, s := range tr.Steps[:step] {
		if s.Compact {
			return 0, false
		}
	}
	best := -1
	for i, m := range tr.Steps[step].Moves {
		if best < 0 || m.From-m.To >= tr.Steps[step].Moves[best].From-tr.Steps[step].Moves[best].To {
			best = i
		}
	}
	if best < 0 {
		return 0, false
	}
	return tr.Steps[step].Moves[best].Alloc, true
}

func askMallocCompact(sc any, step int) (*Question, error) {
	c := sc.(mem.MallocConfig)
	tr, err := mem.RunMalloc(c)
	if err != nil {
		return nil, err
	}
	if err := checkStep(step, len(tr.Steps)); err != nil {
		return nil, err
	}
	s := tr.Steps[step]
	if !s.Compact || step == 0 || len(s.Moves) == 0 {
		return nil, errors.New("must be a compaction that moves a block, after at least one other operation")
	}
	doc, err := scenario.Encode("malloc", c)
	if err != nil {
		return nil, err
	}
	q := &Question{Family: MallocCompact, Topic: TopicMalloc, Scenario: doc, Step: step}
	before := tr.Steps[step-1].Allocated
	args := []string{"base", itoa(tr.Base), "end", itoa(tr.Base + tr.Size), "moved", itoa(s.Moved)}
	var moves []string
	for _, m := range s.Moves {
		moves = append(moves, "#"+itoa(m.Alloc)+" ("+itoa(m.Size)+", "+itoa(m.From)+" → "+itoa(m.To)+")")
	}
	args = append(args, "moves", strings.Join(moves, ", "))
	w := stWrongs{}
	k, addr := CompactAsked(tr, step)
	if !addr {
		q.Prompt = T("malloc.compact.prompt.moved", args...)
		q.Answer = Answer{Kind: KindNumber, Values: []int64{int64(s.Moved)}, Unit: Term("malloc.unit.bytes")}
		q.Explanation = T("malloc.compact.explain.moved", args...)
		w.right = q.Answer.Values
		all, free := 0, 0
		for _, b := range before {
			all += b.Size
		}
		for _, h := range tr.Steps[step-1].FreeList {
			free += h.Size
		}
		w.add(int64(all), T("malloc.compact.why.all", "all", itoa(all)))
		w.add(int64(free), T("malloc.compact.why.holes", "free", itoa(free)))
		w.add(int64(s.Moves[0].Size), T("malloc.compact.why.first"))
		q.Wrong = w.list
		return q, nil
	}
	var mv mem.Move
	for _, m := range s.Moves {
		if m.Alloc == k {
			mv = m
		}
	}
	var below []string
	sum := 0
	for _, b := range before {
		if b.Addr < mv.From {
			below = append(below, "#"+itoa(b.Alloc)+" ("+itoa(b.Size)+")")
			sum += b.Size
		}
	}
	args = append(args, "k", itoa(k), "from", itoa(mv.From), "to", itoa(mv.To), "size", itoa(mv.Size),
		"below", strings.Join(below, " + "), "sum", itoa(sum))
	q.Prompt = T("malloc.compact.prompt.addr", args...)
	q.Answer = Answer{Kind: KindNumber, Values: []int64{int64(mv.To)}}
	key := "malloc.compact.explain.addr"
	if len(below) == 0 {
		key += ".lowest"
	}
	q.Explanation = T(key, args...)
	w.right = q.Answer.Values
	w.add(int64(mv.From), T("malloc.compact.why.stays", args...))
	w.add(int64(mv.To+mv.Size), T("malloc.compact.why.end", args...))
	if tr.Base > 0 {
		w.add(int64(mv.To-tr.Base), T("malloc.compact.why.base", args...))
	}
	// Over the hole just below only.
	for _, h := range tr.Steps[step-1].FreeList {
		if h.Addr+h.Size == mv.From && mv.From-h.Size != mv.To {
			w.add(int64(mv.From-h.Size), T("malloc.compact.why.nearest", append(args, "hole", itoa(h.Size))...))
		}
	}
	q.Wrong = w.list
	return q, nil
}
