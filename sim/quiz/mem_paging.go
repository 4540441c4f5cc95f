package quiz

import (
	"errors"
	"math/bits"

	"github.com/osarena/osarena/sim/paging"
	"github.com/osarena/osarena/sim/rng"
	"github.com/osarena/osarena/sim/scenario"
)

// pagingLevel is what a difficulty means for a linear page table: the page
// sizes drawn from, the table length, whether entries may be invalid and
// whether addresses may fall past the table's end.
type pagingLevel struct {
	pageSizes       []int
	entries         [2]int
	invalid, beyond bool
	addresses       int
}

var pagingLevels = [MaxDifficulty + 1]pagingLevel{
	1: {[]int{4, 8, 16}, [2]int{4, 6}, false, false, 4},
	2: {[]int{16, 32, 64}, [2]int{6, 8}, true, false, 4},
	3: {[]int{256, 512, 1024}, [2]int{8, 12}, true, true, 5},
	4: {[]int{1024, 2048, 4096}, [2]int{12, 16}, true, true, 5},
	5: {[]int{4096, 8192, 16384}, [2]int{16, 16}, true, true, 6},
}

// genPaging draws a page table and addresses to translate (split: to split
// only, so every address falls inside the table).
func genPaging(split bool) func(*rng.Rand, int) (any, []int, error) {
	return func(r *rng.Rand, d int) (any, []int, error) {
		lv := pagingLevels[d]
		ps := pick(r, lv.pageSizes...)
		n := between(r, lv.entries)
		frames := r.Perm(2*n + 8)
		c := paging.Config{PageSize: ps, PageTable: make([]paging.PTE, n)}
		for i := range c.PageTable {
			c.PageTable[i] = paging.Frame(frames[i] + 1) // frame 0 would hide mistakes
			if lv.invalid && r.IntN(4) == 0 {
				c.PageTable[i] = paging.Invalid
			}
		}
		for range lv.addresses {
			vpn := r.IntN(n)
			if lv.beyond && !split && r.IntN(6) == 0 {
				vpn = n + r.IntN(4)
			}
			off := r.IntN(ps)
			if d == 1 && r.IntN(3) == 0 {
				off = 0
			}
			c.Addresses = append(c.Addresses, paging.At(vpn*ps+off))
		}
		return c, allSteps(len(c.Addresses)), nil
	}
}

// pagingResult runs c and returns the translation at step.
func pagingResult(name Family, c paging.Config, step int) (*Question, paging.Result, error) {
	if c.Processes != nil {
		return nil, paging.Result{}, errors.New("must use page_table: the question shows one process")
	}
	tr, err := paging.Run(c)
	if err != nil {
		return nil, paging.Result{}, err
	}
	if err := checkStep(step, len(tr.Results)); err != nil {
		return nil, paging.Result{}, err
	}
	doc, err := scenario.Encode("paging", c)
	if err != nil {
		return nil, paging.Result{}, err
	}
	return &Question{Family: name, Topic: TopicPaging, Scenario: doc, Step: step}, tr.Results[step], nil
}

// splitArgs are the template arguments of an address split.
func splitArgs(ps int, r paging.Result) []string {
	return []string{"va", itoa(r.VA), "ps", itoa(ps), "bits", itoa(bits.TrailingZeros(uint(ps))), "vpn", itoa(r.VPN), "offset", itoa(r.Offset)}
}

func askPagingSplit(sc any, step int) (*Question, error) {
	c := sc.(paging.Config)
	q, res, err := pagingResult(PagingSplit, c, step)
	if err != nil {
		return nil, err
	}
	args := splitArgs(c.PageSize, res)
	q.Prompt = T("paging.split.prompt", args[:4]...)
	q.Answer = Answer{Kind: KindSlots, Values: []int64{int64(res.VPN), int64(res.Offset)}}
	q.Explanation = T("paging.split.explain", args...)
	return q, nil
}

func askPagingTranslate(sc any, step int) (*Question, error) {
	c := sc.(paging.Config)
	q, res, err := pagingResult(PagingTranslate, c, step)
	if err != nil {
		return nil, err
	}
	if res.Op != paging.Read {
		return nil, errors.New("must be a read: the question does not ask about protection")
	}
	ps, n := c.PageSize, len(c.PageTable)
	args := splitArgs(ps, res)
	q.Prompt = T("paging.translate.prompt", "va", itoa(res.VA), "ps", itoa(ps))
	answer := Trap
	if res.Valid {
		answer = int64(*res.PA)
	}
	q.Answer = Answer{Kind: KindNumber, Values: []int64{answer}}
	q.Wrong = pagingWrongs(c.PageTable, ps, res, answer)
	switch res.Trap {
	case paging.TrapNone:
		q.Explanation = T("paging.translate.explain.valid", append(args, "frame", itoa(*res.Frame), "pa", itoa(*res.PA))...)
	case paging.TrapLength:
		q.Explanation = T("paging.translate.explain.length", append(args, "entries", itoa(n), "last", itoa(n-1))...)
	default:
		q.Explanation = T("paging.translate.explain.invalid", args...)
	}
	return q, nil
}

// pagingWrongs lists what the common mistakes answer for res: the page
// number kept as the frame, the offset left out, the frame number added
// instead of shifted, the address split one bit off, and the trap taken
// for a valid page (or a frame read from an invalid entry).
func pagingWrongs(table []paging.PTE, ps int, res paging.Result, answer int64) []Misconception {
	w := wrongs{answer: answer}
	args := splitArgs(ps, res)
	if !res.Valid {
		w.add(int64(res.VA), T("paging.translate.why.untranslated", args...))
		if res.Trap == paging.TrapInvalid {
			w.add(int64(res.Offset), T("paging.translate.why.frame0", args...))
		}
		return w.list
	}
	f := *res.Frame
	fargs := append(args, "frame", itoa(f), "pa", itoa(*res.PA))
	w.add(int64(res.VA), T("paging.translate.why.vpnframe", fargs...))
	w.add(int64(f*ps), T("paging.translate.why.nooffset", fargs...))
	w.add(int64(f+res.Offset), T("paging.translate.why.add", fargs...))
	for _, wrong := range []int{ps * 2, ps / 2} {
		if wrong < 2 {
			continue
		}
		vpn, off := res.VA/wrong, res.VA%wrong
		if vpn >= len(table) || !table[vpn].Valid {
			continue
		}
		w.add(int64(table[vpn].Frame*wrong+off), T("paging.translate.why.split", append(fargs, "wrong_ps", itoa(wrong))...))
	}
	w.add(Trap, T("paging.translate.why.valid", fargs...))
	return w.list
}
