// Package wset simulates the working-set model and the controllers an OS
// course builds on it:
//
//   - kind "wset": the working set W(t, Δ) of a reference string at every
//     time t and its size |W| over time (Run);
//   - kind "pff": a page-fault-frequency controller that gives a process
//     frames when it faults often and takes them away when it faults
//     rarely (RunPFF);
//   - kind "thrashing": CPU utilisation against the degree of
//     multiprogramming for given working-set sizes and memory, showing the
//     collapse once the working sets no longer fit (RunThrashing).
//
// Time t counts references from 1. Every convention textbooks disagree on
// is a named rule with a default, echoed in the trace. Everything here is
// pure, deterministic and integer-valued (thrashing uses fixed point with
// stated rounding); functions are safe for concurrent use.
package wset

// Window maintains W(t, Δ) incrementally: the distinct pages among the last
// Length references. It does constant work per reference and allocates only
// in NewWindow, so it serves both traces and long reference strings.
// A Window is not safe for concurrent use.
type Window struct {
	ring  []int // the last len(ring) references, by slot t mod len(ring)
	count []int // page → occurrences in the window
	size  int   // distinct pages in the window
	t     int   // references pushed so far
}

// NewWindow returns an empty window over the last length references
// (length ≥ 1) of pages numbered 0 … pages−1.
func NewWindow(length, pages int) *Window {
	return &Window{ring: make([]int, max(length, 1)), count: make([]int, max(pages, 0))}
}

// Push records the next reference, to page p (0 ≤ p < pages). It reports
// whether p entered the working set (it was not in the window before:
// under the working-set policy, a page fault) and the page that left it,
// or -1. The same page never both enters and leaves.
func (w *Window) Push(p int) (entered bool, left int) {
	slot := w.t % len(w.ring)
	old := -1
	if w.t >= len(w.ring) {
		old = w.ring[slot]
	}
	w.t++
	w.ring[slot] = p
	w.count[p]++
	if w.count[p] == 1 {
		w.size++
		entered = true
	}
	left = -1
	if old >= 0 {
		w.count[old]--
		if w.count[old] == 0 {
			w.size--
			left = old
		}
	}
	return entered, left
}

// Size returns |W|, the number of distinct pages in the window.
func (w *Window) Size() int { return w.size }

// Contains reports whether page p is in the window.
func (w *Window) Contains(p int) bool { return p >= 0 && p < len(w.count) && w.count[p] > 0 }
