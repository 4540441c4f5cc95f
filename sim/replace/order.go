package replace

// lruList keeps frames from least to most recently used in a doubly linked
// list over frame indexes, with node k as the sentinel: O(1) per reference.
type lruList struct {
	prev, next []int
	in         []bool
}

func newLRUList(k int) lruList {
	l := lruList{prev: make([]int, k+1), next: make([]int, k+1), in: make([]bool, k)}
	l.prev[k], l.next[k] = k, k
	return l
}

// moveToBack makes f the most recently used frame.
func (l *lruList) moveToBack(f int) {
	s := len(l.in)
	if l.in[f] {
		l.next[l.prev[f]], l.prev[l.next[f]] = l.next[f], l.prev[f]
	}
	l.in[f] = true
	last := l.prev[s]
	l.next[last], l.prev[f], l.next[f], l.prev[s] = f, last, s, f
}

// front returns the least recently used frame.
func (l *lruList) front() int { return l.next[len(l.in)] }

// optHeap orders the resident frames by the step of their page's next use,
// farthest first, so OPT finds its victim in O(1) and updates in O(log k).
// Ties among pages never used again follow the opt_tie rule.
type optHeap struct {
	e    *engine
	key  []int // frame → step of next use, or never
	pos  []int // frame → index in h, or -1
	h    []int // heap of frames
	rule string
}

func newOptHeap(e *engine) optHeap {
	return optHeap{e: e, key: make([]int, e.k), pos: fill(make([]int, e.k), -1), h: make([]int, 0, e.k), rule: e.c.Rules.OptTie}
}

// before reports whether frame a should be evicted before frame b.
func (o *optHeap) before(a, b int) bool {
	ka, kb := o.key[a], o.key[b]
	if ka != kb {
		return ka > kb
	}
	// Only pages never used again can tie: distinct steps differ.
	switch o.rule {
	case TieEarliestLoaded:
		return o.e.loaded[a] < o.e.loaded[b]
	case TieLatestLoaded:
		return o.e.loaded[a] > o.e.loaded[b]
	}
	return a < b
}

func (o *optHeap) top() int { return o.h[0] }

// set gives frame f the key next, adding f to the heap if it is not there.
func (o *optHeap) set(f, next int) {
	o.key[f] = next
	i := o.pos[f]
	if i < 0 {
		i = len(o.h)
		o.h = append(o.h, f)
		o.pos[f] = i
	}
	if !o.up(i) {
		o.down(i)
	}
}

func (o *optHeap) swap(i, j int) {
	o.h[i], o.h[j] = o.h[j], o.h[i]
	o.pos[o.h[i]], o.pos[o.h[j]] = i, j
}

func (o *optHeap) up(i int) bool {
	moved := false
	for i > 0 {
		p := (i - 1) / 2
		if !o.before(o.h[i], o.h[p]) {
			break
		}
		o.swap(i, p)
		i, moved = p, true
	}
	return moved
}

func (o *optHeap) down(i int) {
	n := len(o.h)
	for {
		l := 2*i + 1
		if l >= n {
			return
		}
		c := l
		if r := l + 1; r < n && o.before(o.h[r], o.h[l]) {
			c = r
		}
		if !o.before(o.h[c], o.h[i]) {
			return
		}
		o.swap(i, c)
		i = c
	}
}
