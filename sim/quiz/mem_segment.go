package quiz

import (
	"github.com/osarena/osarena/sim/rng"
	"github.com/osarena/osarena/sim/scenario"
	"github.com/osarena/osarena/sim/segment"
)

// segLevel is what a difficulty means for segmentation: the address width,
// the segments (true = a stack growing down), whether addresses may name a
// segment past the table (an STLR trap) and whether writes meet a
// read-only code segment.
type segLevel struct {
	addrBits  int
	down      []bool
	stlr      bool
	writes    bool
	addresses int
}

var segLevels = [MaxDifficulty + 1]segLevel{
	1: {10, []bool{false, false}, false, false, 4},
	2: {10, []bool{false, true}, false, false, 4},
	3: {12, []bool{false, false, true}, true, false, 5},
	4: {14, []bool{false, false, false, true}, false, false, 5},
	5: {16, []bool{false, false, false, true}, false, true, 6},
}

// genSegment lays the segments out in memory, each inside its own slot of
// S bytes (S the maximum segment size) so that none overlap, and draws
// addresses inside, just past and well past each segment's limit.
func genSegment(r *rng.Rand, d int) (any, []int, error) {
	lv := segLevels[d]
	n := len(lv.down)
	segBits := 1
	if n > 2 {
		segBits = 2
	}
	S := 1 << (lv.addrBits - segBits)
	round := func(v int) int { return v }
	if d <= 2 {
		round = func(v int) int { return v - v%10 }
	}
	c := segment.Config{AddressBits: lv.addrBits, Segments: make([]segment.Segment, n)}
	slots := r.Perm(2 * n)
	for i, down := range lv.down {
		limit := round(S/4 + r.IntN(S/2))
		lo := slots[i] * S
		s := segment.Segment{Limit: limit, Base: round(lo + r.IntN(S-limit+1))}
		if down {
			s.Grows, s.Base = segment.Down, s.Base+limit
		}
		if lv.writes && i == 0 {
			s.Prot = "r-x" // code
		}
		c.Segments[i] = s
	}
	for range lv.addresses {
		seg := r.IntN(n)
		if lv.stlr && r.IntN(6) == 0 {
			seg = n // past the table
		}
		var off int
		s := segment.Segment{Limit: S}
		if seg < n {
			s = c.Segments[seg]
		}
		inside := r.IntN(3) > 0
		switch {
		case seg == n:
			off = r.IntN(S)
		case s.Grows == segment.Down && inside:
			off = S - 1 - r.IntN(s.Limit) // 1 ≤ S − off ≤ limit
		case s.Grows == segment.Down:
			off = r.IntN(S - s.Limit) // S − off > limit
		case inside:
			off = r.IntN(s.Limit)
		case r.IntN(2) == 0:
			off = min(s.Limit, S-1) // just past the end
		default:
			off = s.Limit + r.IntN(S-s.Limit)
		}
		a := segment.Access{VA: seg*S + off}
		if lv.writes && r.IntN(4) == 0 {
			a.Op = segment.Write
		}
		c.Addresses = append(c.Addresses, a)
	}
	return c, allSteps(len(c.Addresses)), nil
}

func askSegment(sc any, step int) (*Question, error) {
	c := sc.(segment.Config)
	tr, err := segment.Run(c)
	if err != nil {
		return nil, err
	}
	if err := checkStep(step, len(tr.Results)); err != nil {
		return nil, err
	}
	doc, err := scenario.Encode("segment", c)
	if err != nil {
		return nil, err
	}
	res := tr.Results[step]
	q := &Question{Family: SegmentTranslate, Topic: TopicSegment, Scenario: doc, Step: step,
		Rules: []Rule{{Name: "check", Value: tr.Rules.Check}}}
	S := tr.MaxSegment
	args := []string{"va", itoa(res.VA), "bits", itoa(tr.AddressBits), "seg_bits", itoa(tr.SegmentBits), "off_bits", itoa(tr.OffsetBits),
		"seg", itoa(res.Segment), "offset", itoa(res.Offset), "max", itoa(S), "stlr", itoa(tr.STLR)}
	prompt := "segment.translate.prompt"
	if res.Op == segment.Write {
		prompt += ".write"
	}
	q.Prompt = T(prompt, args[:8]...)
	answer := addrAnswer(int(res.PA), res.Valid)
	q.Answer = Answer{Kind: KindNumber, Values: []int64{answer}}
	w := wrongs{answer: answer}
	if res.Trap == segment.TrapSTLR {
		q.Explanation = T("segment.translate.explain.stlr", args...)
		w.add(int64(res.VA), T("segment.translate.why.stlr", args...))
		q.Wrong = w.list
		return q, nil
	}
	s := tr.Segments[res.Segment]
	down := s.Grows == segment.Down
	back := S - res.Offset
	args = append(args, "base", itoa(s.Base), "limit", itoa(s.Limit), "back", itoa(back), "prot", s.Prot,
		"pa", itoa(int(res.PA)), "up_pa", itoa(s.Base+res.Offset), "down_pa", itoa(s.Base-back))
	dir := "up"
	if down {
		dir = "down"
	}
	switch res.Trap {
	case "":
		q.Explanation = T("segment.translate.explain.valid."+dir, args...)
	case segment.TrapLimit:
		q.Explanation = T("segment.translate.explain.limit."+dir, args...)
	case segment.TrapProt:
		q.Explanation = T("segment.translate.explain.prot", args...)
	default:
		q.Explanation = T("segment.translate.explain.invalid", args...)
	}
	segWrongs(&w, res, s, S, args)
	q.Wrong = w.list
	return q, nil
}

// segWrongs adds what the common mistakes answer: a stack read as growing
// up, the raw offset subtracted from a stack's base, the limit or the
// protection bits ignored, the whole address taken as the offset, the base
// left out, and a trap for a legal access.
func segWrongs(w *wrongs, res segment.Result, s segment.Segment, S int, args []string) {
	down := s.Grows == segment.Down
	back := S - res.Offset
	up := int64(s.Base + res.Offset)
	if down {
		if res.Offset < s.Limit {
			w.add(up, T("segment.translate.why.growsup", args...))
		} else {
			w.add(Trap, T("segment.translate.why.growsup.trap", args...))
		}
		if s.Base >= res.Offset {
			w.add(int64(s.Base-res.Offset), T("segment.translate.why.rawoffset", args...))
		}
	}
	switch res.Trap {
	case "":
		if res.Segment > 0 && !down {
			w.add(int64(s.Base+res.VA), T("segment.translate.why.whole", args...))
		}
		if !down {
			w.add(int64(res.Offset), T("segment.translate.why.nobase", args...))
		}
		w.add(Trap, T("segment.translate.why.valid."+string(s.Grows), args...))
	case segment.TrapLimit:
		ignored := up
		if down {
			ignored = int64(s.Base - back)
		}
		if ignored >= 0 {
			why := "segment.translate.why.nolimit." + string(s.Grows)
			if !down && res.Offset == s.Limit {
				why = "segment.translate.why.offbyone"
			}
			w.add(ignored, T(why, args...))
		}
	case segment.TrapProt:
		if down {
			up = int64(s.Base - back)
		}
		w.add(up, T("segment.translate.why.prot", args...))
	}
}
