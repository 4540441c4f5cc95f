package quiz

import "github.com/osarena/osarena/sim/replace"

// frameState is what each frame looks like just before a step, as the
// textbook rules of thumb read it. It lets a wrong choice be matched to the
// policy that would have made it ("that is what FIFO would evict").
type frameState struct {
	pages  []int // frame → page
	loaded []int // frame → step its page was loaded
	last   []int // frame → step of its page's latest use
	next   []int // frame → step of its page's next use, or len(refs)
	count  []int // frame → references since its page was loaded
}

// stateBefore reads the frames just before step (which must be > 0 and
// find every frame full) from the trace.
func stateBefore(tr *replace.Trace, refs []int, step int) frameState {
	frames := tr.Steps[step-1].Frames
	k := len(frames)
	st := frameState{pages: make([]int, k), loaded: make([]int, k), last: make([]int, k), next: make([]int, k), count: make([]int, k)}
	for f, p := range frames {
		st.pages[f] = int(p)
		st.next[f] = len(refs)
		for j := step; j < len(refs); j++ {
			if refs[j] == int(p) {
				st.next[f] = j
				break
			}
		}
	}
	for j := 0; j < step; j++ {
		s := tr.Steps[j]
		if !s.Hit {
			st.loaded[s.Frame], st.count[s.Frame] = j, 0
		}
		st.last[s.Frame] = j
		st.count[s.Frame]++
	}
	return st
}

// pick returns the page policy p's rule of thumb evicts from this state
// (FIFO, LRU, OPT, LFU, MFU, MRU; ties to the lowest frame, LFU/MFU ties to
// the least recently used), or -1 for policies it does not model.
func (st frameState) pick(p replace.Policy) int {
	best := 0
	for f := 1; f < len(st.pages); f++ {
		var better bool
		switch p {
		case replace.FIFO:
			better = st.loaded[f] < st.loaded[best]
		case replace.LRU:
			better = st.last[f] < st.last[best]
		case replace.MRU:
			better = st.last[f] > st.last[best]
		case replace.OPT:
			better = st.next[f] > st.next[best]
		case replace.LFU:
			better = st.count[f] < st.count[best] || st.count[f] == st.count[best] && st.last[f] < st.last[best]
		case replace.MFU:
			better = st.count[f] > st.count[best] || st.count[f] == st.count[best] && st.last[f] < st.last[best]
		default:
			return -1
		}
		if better {
			best = f
		}
	}
	return st.pages[best]
}
