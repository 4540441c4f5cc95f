package quiz

import (
	"errors"

	"github.com/osarena/osarena/sim/paging"
	"github.com/osarena/osarena/sim/rng"
	"github.com/osarena/osarena/sim/scenario"
)

// tlbLevel is what a difficulty means for a TLB: its size, the accesses,
// the pages they touch, whether they are virtual addresses (else page
// numbers), whether two processes take turns and whether the TLB may keep
// ASIDs instead of being flushed on a context switch.
type tlbLevel struct {
	entries, accesses [2]int
	pages             int
	addresses         bool
	switches, asid    bool
}

var tlbLevels = [MaxDifficulty + 1]tlbLevel{
	1: {[2]int{2, 3}, [2]int{8, 10}, 5, false, false, false},
	2: {[2]int{3, 3}, [2]int{10, 12}, 6, false, false, false},
	3: {[2]int{3, 4}, [2]int{12, 12}, 7, true, false, false},
	4: {[2]int{3, 4}, [2]int{12, 14}, 6, false, true, false},
	5: {[2]int{3, 4}, [2]int{14, 16}, 6, true, true, true},
}

// genTLB draws accesses with locality, and from difficulty 4 context
// switches between two processes. Its checkpoints start, where it can, at
// an access whose outcome the other policy or the other switch rule would
// change, so that the distractor is a real misconception.
func genTLB(r *rng.Rand, d int) (any, []int, error) {
	lv := tlbLevels[d]
	for range 8 {
		c := paging.TLBConfig{Entries: between(r, lv.entries), Policy: pick(r, paging.TLBLRU, paging.TLBFIFO)}
		if lv.addresses {
			c.PageSize = pick(r, 256, 1024, 4096)
		}
		if lv.asid && r.IntN(2) == 0 {
			c.Rules.Switch = paging.SwitchASID
		}
		refs := genRefs(r, between(r, lv.accesses), lv.pages)
		pid, next := 0, 3+r.IntN(3)
		for i, p := range refs {
			if lv.switches && i == next {
				pid = 1 - pid
				c.Accesses = append(c.Accesses, paging.SwitchTo(pid))
				next += 3 + r.IntN(3)
			}
			va := p
			if c.PageSize > 0 {
				va = p*c.PageSize + r.IntN(c.PageSize)
			}
			c.Accesses = append(c.Accesses, paging.At(va))
		}
		tr, err := paging.RunTLB(c)
		if err != nil {
			return nil, nil, err
		}
		alts, err := tlbAlternatives(c)
		if err != nil {
			return nil, nil, err
		}
		// Starting points, hits and misses apart so that the answer is a
		// hit about half the time: a step the other rule would answer
		// differently, else any step once the TLB can be full.
		var access []int
		var telling, warm [2][]int // [hit, miss] → indexes into access
		for i, s := range tr.Steps {
			if s.Event == "switch" {
				continue
			}
			access = append(access, i)
			kind := 1
			if s.Event == "hit" {
				kind = 0
			}
			if len(access) > c.Entries {
				warm[kind] = append(warm[kind], len(access)-1)
			}
			for _, alt := range alts {
				if alt.Steps[i].Event != s.Event {
					telling[kind] = append(telling[kind], len(access)-1)
					break
				}
			}
		}
		kind := r.IntN(2)
		for _, from := range [][]int{telling[kind], warm[kind], telling[1-kind], warm[1-kind]} {
			if len(from) > 0 {
				return c, access[from[r.IntN(len(from))]:], nil
			}
		}
	}
	return nil, nil, ErrNoCheckpoint
}

// tlbAlternatives runs c under the other policy and, when c switches
// processes, under the other switch rule: what a student who confuses the
// two would predict.
func tlbAlternatives(c paging.TLBConfig) ([]*paging.TLBTrace, error) {
	oc := c
	oc.Policy = otherTLBPolicy(c.Policy)
	alt, err := paging.RunTLB(oc)
	if err != nil {
		return nil, err
	}
	alts := []*paging.TLBTrace{alt}
	for _, a := range c.Accesses {
		if a.Switch {
			oc = c
			oc.Rules.Switch = paging.SwitchASID
			if c.Rules.Switch == paging.SwitchASID {
				oc.Rules.Switch = paging.SwitchFlush
			}
			if alt, err = paging.RunTLB(oc); err != nil {
				return nil, err
			}
			return append(alts, alt), nil
		}
	}
	return alts, nil
}

func otherTLBPolicy(p string) string {
	if p == paging.TLBLRU {
		return paging.TLBFIFO
	}
	return paging.TLBLRU
}

func askTLB(sc any, step int) (*Question, error) {
	c := sc.(paging.TLBConfig)
	tr, err := paging.RunTLB(c)
	if err != nil {
		return nil, err
	}
	if err := checkStep(step, len(tr.Steps)); err != nil {
		return nil, err
	}
	s := tr.Steps[step]
	if s.Event == "switch" {
		return nil, errors.New("is a context switch, not an access")
	}
	doc, err := scenario.Encode("tlb", c)
	if err != nil {
		return nil, err
	}
	q := &Question{Family: TLBHitMiss, Topic: TopicTLB, Scenario: doc, Step: step,
		Rules: []Rule{{Name: "policy", Value: tr.Policy}, {Name: "switch", Value: tr.Rules.Switch}}}
	multi := false
	for _, a := range c.Accesses {
		multi = multi || a.Switch || a.PID > 0
	}
	args := []string{"policy", Term("policy." + tr.Policy), "entries", itoa(tr.Entries), "page", itoa(s.VPN),
		"va", itoa(s.VA), "pid", itoa(s.PID), "switch", Term("tlb.switch." + tr.Rules.Switch), "slot", itoa(s.Slot)}
	prompt := "tlb.hitmiss.prompt"
	if multi {
		prompt += ".pid"
	}
	if tr.PageSize > 1 {
		prompt += ".va"
	}
	q.Prompt = T(prompt, args[:12]...)
	hit := s.Event == "hit"
	switch {
	case hit:
		q.Explanation = T("tlb.hitmiss.explain.hit", args...)
	case s.Victim != nil:
		q.Explanation = T("tlb.hitmiss.explain.victim", append(args, "victim", itoa(s.Victim.Page), "rule", Term("tlb.victim."+tr.Policy))...)
	default:
		q.Explanation = T("tlb.hitmiss.explain.miss", args...)
	}
	hitWhy, missWhy := Text{}, Text{}
	if hit {
		q.Answer = Answer{Kind: KindChoice, Values: []int64{0}}
		missWhy, err = tlbWhyMiss(c, tr, step, args)
	} else {
		q.Answer = Answer{Kind: KindChoice, Values: []int64{1}}
		hitWhy, err = tlbWhyHit(c, tr, step, args)
	}
	if err != nil {
		return nil, err
	}
	q.Choices = []Choice{
		{Value: 0, Label: T("tlb.choice.hit"), Why: hitWhy},
		{Value: 1, Label: T("tlb.choice.miss"), Why: missWhy},
	}
	return q, nil
}

// tlbWhyMiss explains "miss" when the access hits: the other policy would
// have evicted the entry, or a flush (which ASIDs avoid) would have.
func tlbWhyMiss(c paging.TLBConfig, tr *paging.TLBTrace, step int, args []string) (Text, error) {
	c.Policy = otherTLBPolicy(c.Policy)
	alt, err := paging.RunTLB(c)
	if err != nil {
		return Text{}, err
	}
	if alt.Steps[step].Event == "miss" {
		return T("tlb.hitmiss.why.policy.miss", append(args, "other", Term("policy."+c.Policy))...), nil
	}
	if tr.Rules.Switch == paging.SwitchASID && tr.Flushes == 0 && tlbSwitched(tr, step) {
		return T("tlb.hitmiss.why.asid", args...), nil
	}
	s := tr.Steps[step]
	when := 0
	for j, p := range tr.Steps[:step] {
		if p.Event == "miss" && p.PID == s.PID && p.VPN == s.VPN {
			when = j + 1
		}
	}
	return T("tlb.hitmiss.why.present", append(args, "when", itoa(when))...), nil
}

// tlbSwitched reports whether a context switch happened before step.
func tlbSwitched(tr *paging.TLBTrace, step int) bool {
	for _, s := range tr.Steps[:step] {
		if s.Event == "switch" || s.Switched {
			return true
		}
	}
	return false
}

// tlbWhyHit explains "hit" when the access misses: a flush emptied the TLB,
// the other policy would have kept the entry, the policy evicted it, another
// process's entry for the same page does not match, or the page is new.
func tlbWhyHit(c paging.TLBConfig, tr *paging.TLBTrace, step int, args []string) (Text, error) {
	s := tr.Steps[step]
	key := paging.TLBEntry{PID: s.PID, Page: s.VPN}
	// Walk back to the last time the entry was in the TLB.
	for j := step - 1; j >= 0; j-- {
		p := tr.Steps[j]
		if p.Victim != nil && *p.Victim == key {
			oc := c
			oc.Policy = otherTLBPolicy(c.Policy)
			alt, err := paging.RunTLB(oc)
			if err != nil {
				return Text{}, err
			}
			if alt.Steps[step].Event == "hit" {
				return T("tlb.hitmiss.why.policy.hit", append(args, "other", Term("policy."+oc.Policy), "when", itoa(j+1))...), nil
			}
			return T("tlb.hitmiss.why.evicted", append(args, "when", itoa(j+1), "by", itoa(p.VPN))...), nil
		}
		if p.Flushed > 0 && tr.Rules.Switch == paging.SwitchFlush && j > 0 && tlbHeld(tr.Steps[j-1].TLB, key) {
			return T("tlb.hitmiss.why.flush", append(args, "when", itoa(j+1))...), nil
		}
	}
	for _, e := range tr.Steps[max(step-1, 0)].TLB {
		if step > 0 && e.Page == s.VPN && e.PID != s.PID {
			return T("tlb.hitmiss.why.otherpid", append(args, "other_pid", itoa(e.PID))...), nil
		}
	}
	return T("tlb.hitmiss.why.never", args...), nil
}

func tlbHeld(tlb []paging.TLBEntry, e paging.TLBEntry) bool {
	for _, x := range tlb {
		if x == e {
			return true
		}
	}
	return false
}
