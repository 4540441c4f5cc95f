package quiz

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/osarena/osarena/sim/replace"
	"github.com/osarena/osarena/sim/rng"
	"github.com/osarena/osarena/sim/scenario"
)

// TopicReplace is page replacement.
const TopicReplace Topic = "replace"

// The page-replacement families.
const (
	ReplaceHitFault Family = "replace.hitfault" // next reference: hit or fault
	ReplaceVictim   Family = "replace.victim"   // which page is evicted
	ReplaceFaults   Family = "replace.faults"   // faults over the whole string
	ReplaceBelady   Family = "replace.belady"   // does one more frame fault more
)

var replaceFamilies = []family{
	{name: ReplaceHitFault, topic: TopicReplace, kind: "replace", generate: genReplaceSteps(false), ask: askHitFault, decode: decodeAs[replace.Config]},
	{name: ReplaceVictim, topic: TopicReplace, kind: "replace", generate: genReplaceSteps(true), ask: askVictim, decode: decodeAs[replace.Config]},
	{name: ReplaceFaults, topic: TopicReplace, kind: "replace", generate: genReplaceWhole, ask: askFaults, decode: decodeAs[replace.Config]},
	{name: ReplaceBelady, topic: TopicReplace, kind: "belady", generate: genBelady, ask: askBelady, decode: decodeAs[replace.SweepConfig]},
}

// decodeAs decodes a pack's scenario (without its kind) into a C.
func decodeAs[C any](rest []byte) (any, error) {
	var c C
	err := scenario.Decode(rest, &c)
	return c, err
}

// replaceLevel is what a difficulty level means for page replacement.
type replaceLevel struct {
	policies      []replace.Policy
	frames, refs  [2]int // inclusive ranges
	pages         int
	writes, rules bool // dirty bits in play; non-default rules drawn
}

var replaceLevels = [MaxDifficulty + 1]replaceLevel{
	1: {policies: []replace.Policy{replace.FIFO, replace.LRU, replace.OPT}, frames: [2]int{3, 3}, refs: [2]int{10, 12}, pages: 6},
	2: {policies: []replace.Policy{replace.FIFO, replace.LRU, replace.OPT, replace.Clock}, frames: [2]int{3, 3}, refs: [2]int{12, 14}, pages: 6},
	3: {policies: []replace.Policy{replace.FIFO, replace.LRU, replace.OPT, replace.Clock, replace.LFU, replace.MRU}, frames: [2]int{3, 4}, refs: [2]int{14, 16}, pages: 7},
	4: {policies: []replace.Policy{replace.FIFO, replace.LRU, replace.OPT, replace.Clock, replace.LFU, replace.MFU, replace.MRU, replace.EClock}, frames: [2]int{4, 4}, refs: [2]int{16, 18}, pages: 8, writes: true},
	5: {policies: []replace.Policy{replace.FIFO, replace.LRU, replace.OPT, replace.Clock, replace.LFU, replace.MFU, replace.MRU, replace.EClock}, frames: [2]int{4, 5}, refs: [2]int{18, 20}, pages: 9, writes: true, rules: true},
}

func between(r *rng.Rand, lohi [2]int) int { return lohi[0] + r.IntN(lohi[1]-lohi[0]+1) }

// genRefs draws a reference string with locality: most references revisit
// a small, drifting set of recent pages, as programs do.
func genRefs(r *rng.Rand, n, pages int) []int {
	refs := make([]int, n)
	for i := range refs {
		if i >= 2 && r.IntN(5) < 2 {
			refs[i] = refs[i-1-r.IntN(2)]
		} else {
			refs[i] = r.IntN(pages)
		}
	}
	return refs
}

// genReplaceConfig draws a scenario for difficulty d.
func genReplaceConfig(r *rng.Rand, d int) replace.Config {
	lv := replaceLevels[d]
	c := replace.Config{
		Policy: lv.policies[r.IntN(len(lv.policies))],
		Frames: between(r, lv.frames),
		Refs:   genRefs(r, between(r, lv.refs), lv.pages),
	}
	if lv.writes && (c.Policy == replace.EClock || r.IntN(2) == 0) {
		c.Writes = make([]bool, len(c.Refs))
		for i := range c.Writes {
			c.Writes[i] = r.IntN(3) == 0
		}
	}
	if lv.rules && r.IntN(2) == 0 {
		switch c.Policy {
		case replace.OPT:
			c.Rules.OptTie = replace.TieLatestLoaded
		case replace.LFU, replace.MFU:
			c.Rules.Count, c.Rules.CountTie = replace.CountAllTime, replace.CountTieFIFO
		case replace.Clock, replace.EClock:
			c.Rules.RefOnLoad = replace.RefOnLoadClear
		}
	}
	return c
}

// genReplaceSteps returns a generator whose checkpoints are, from a drawn
// starting point on, every step with a victim (victims) or every step once
// the frames are full (hit or fault).
func genReplaceSteps(victims bool) func(*rng.Rand, int) (any, []int, error) {
	return func(r *rng.Rand, d int) (any, []int, error) {
		for range 64 {
			c := genReplaceConfig(r, d)
			tr, err := replace.Run(c)
			if err != nil {
				return nil, nil, err
			}
			var steps []int
			for i, s := range tr.Steps {
				full := i > 0 && !hasFree(tr.Steps[i-1].Frames)
				if victims && s.Victim != replace.Null || !victims && full {
					steps = append(steps, i)
				}
			}
			if len(steps) >= 3 {
				start := r.IntN(len(steps) - 2)
				return c, steps[start:], nil
			}
		}
		return nil, nil, ErrNoCheckpoint
	}
}

func hasFree(frames []replace.Nullable) bool {
	for _, p := range frames {
		if p == replace.Null {
			return true
		}
	}
	return false
}

// replaceQuestion runs c and fills what every replacement question shares.
func replaceQuestion(name Family, c replace.Config, step int) (*Question, *replace.Trace, error) {
	tr, err := replace.Run(c)
	if err != nil {
		return nil, nil, err
	}
	if step < 0 || step >= len(tr.Steps) {
		return nil, nil, fmt.Errorf("must be between 0 and %d", len(tr.Steps)-1)
	}
	doc, err := scenario.Encode("replace", c)
	if err != nil {
		return nil, nil, err
	}
	q := &Question{Family: name, Topic: TopicReplace, Scenario: doc, Step: step, Rules: replaceRules(tr.Rules)}
	return q, tr, nil
}

func replaceRules(r replace.Rules) []Rule {
	var out []Rule
	for _, kv := range [][2]string{{"opt_tie", r.OptTie}, {"count", r.Count}, {"count_tie", r.CountTie}, {"ref_on_load", r.RefOnLoad}} {
		if kv[1] != "" {
			out = append(out, Rule{Name: kv[0], Value: kv[1]})
		}
	}
	return out
}

func itoa(n int) string { return strconv.Itoa(n) }

func policyTerm(p replace.Policy) string { return Term("policy." + string(p)) }

func askHitFault(sc any, step int) (*Question, error) {
	c := sc.(replace.Config)
	q, tr, err := replaceQuestion(ReplaceHitFault, c, step)
	if err != nil {
		return nil, err
	}
	s := tr.Steps[step]
	page := itoa(s.Ref)
	q.Prompt = T("replace.hitfault.prompt", "policy", policyTerm(c.Policy), "frames", itoa(c.Frames), "page", page)
	hitWhy, faultWhy := Text{}, Text{}
	if s.Hit {
		q.Answer = Answer{Kind: KindChoice, Values: []int64{0}}
		q.Explanation = T("replace.hitfault.explain.hit", "page", page, "frame", itoa(s.Frame))
		faultWhy = T("replace.hitfault.why.present", "page", page, "frame", itoa(s.Frame))
	} else {
		q.Answer = Answer{Kind: KindChoice, Values: []int64{1}}
		q.Explanation = T("replace.hitfault.explain.fault", "page", page, "frame", itoa(s.Frame))
		hitWhy = T("replace.hitfault.why.never", "page", page)
		for j := step - 1; j >= 0; j-- {
			if tr.Steps[j].Victim == replace.Nullable(s.Ref) {
				hitWhy = T("replace.hitfault.why.evicted", "page", page, "policy", policyTerm(c.Policy), "when", itoa(j+1))
				break
			}
		}
	}
	q.Choices = []Choice{
		{Value: 0, Label: T("choice.hit"), Why: hitWhy},
		{Value: 1, Label: T("choice.fault"), Why: faultWhy},
	}
	return q, nil
}

func askVictim(sc any, step int) (*Question, error) {
	c := sc.(replace.Config)
	q, tr, err := replaceQuestion(ReplaceVictim, c, step)
	if err != nil {
		return nil, err
	}
	s := tr.Steps[step]
	if s.Victim == replace.Null {
		return nil, errors.New("that reference evicts nothing")
	}
	if c.Policy == replace.Random {
		return nil, fmt.Errorf("random replacement cannot be predicted")
	}
	q.Prompt = T("replace.victim.prompt", "policy", policyTerm(c.Policy), "frames", itoa(c.Frames), "page", itoa(s.Ref))
	q.Answer = Answer{Kind: KindChoice, Values: []int64{int64(s.Victim)}}
	q.Explanation = victimExplanation(c, tr, step)
	st := stateBefore(tr, c.Refs, step)
	before := tr.Steps[step-1].Frames
	for f, p := range before {
		ch := Choice{Value: int64(p), Label: T("choice.page", "page", itoa(int(p)), "frame", itoa(f))}
		if p != s.Victim {
			ch.Why = T("replace.victim.why.other", "page", itoa(int(p)), "policy", policyTerm(c.Policy))
			for _, other := range []replace.Policy{replace.FIFO, replace.LRU, replace.OPT, replace.LFU, replace.MRU, replace.MFU} {
				if other != c.Policy && st.pick(other) == int(p) {
					ch.Why = T("replace.victim.why."+string(other), "page", itoa(int(p)))
					break
				}
			}
		}
		q.Choices = append(q.Choices, ch)
	}
	return q, nil
}

func victimExplanation(c replace.Config, tr *replace.Trace, step int) Text {
	s := tr.Steps[step]
	victim, frame := itoa(int(s.Victim)), itoa(s.Frame)
	switch c.Policy {
	case replace.FIFO:
		st := stateBefore(tr, c.Refs, step)
		return T("replace.victim.explain.fifo", "victim", victim, "loaded", itoa(st.loaded[s.Frame]+1))
	case replace.LRU:
		return T("replace.victim.explain.lru", "victim", victim, "ago", itoa(int(s.Distances[s.Frame])))
	case replace.OPT:
		if d := s.Distances[s.Frame]; d != replace.Null {
			return T("replace.victim.explain.opt", "victim", victim, "ahead", itoa(int(d)))
		}
		return T("replace.victim.explain.opt.never", "victim", victim, "tie", Term("rule.opt_tie."+tr.Rules.OptTie))
	case replace.LFU, replace.MFU:
		return T("replace.victim.explain."+string(c.Policy), "victim", victim, "count", itoa(s.Counts[s.Frame]),
			"count_rule", Term("rule.count."+tr.Rules.Count), "tie", Term("rule.count_tie."+tr.Rules.CountTie))
	case replace.MRU:
		return T("replace.victim.explain.mru", "victim", victim)
	case replace.Clock:
		hand := itoa(*tr.Steps[step-1].Hand)
		if len(s.SecondChances) == 0 {
			return T("replace.victim.explain.clock", "hand", hand, "victim", victim)
		}
		return T("replace.victim.explain.clock.second", "hand", hand, "cleared", joinInts(s.SecondChances), "frame", frame, "victim", victim)
	case replace.EClock:
		return T("replace.victim.explain.eclock", "hand", itoa(*tr.Steps[step-1].Hand), "sweeps", itoa(s.Sweeps),
			"frame", frame, "dirty", itoa(tr.Steps[step-1].Dirty[s.Frame]), "victim", victim)
	}
	return T("replace.victim.explain.random", "frame", frame, "victim", victim)
}

func joinInts(xs []int) string {
	parts := make([]string, len(xs))
	for i, x := range xs {
		parts[i] = itoa(x)
	}
	return strings.Join(parts, ", ")
}
