package disk

// inf is the key of an empty leaf: larger than any time the engine reaches.
const inf = 1 << 62

// Keys a tree node aggregates; each query prunes by one of them.
const (
	keyArrival      = iota // a: earliest arrival among the cylinder's unserviced requests
	keyArrivalMinus        // a − c: reachable moving up when a − c ≤ t − h
	keyArrivalPlus         // a + c: reachable moving down when a + c ≤ t + h
	numKeys
)

// tree is a segment tree over cylinders. Leaf c holds a, the arrival time of
// the earliest unserviced request on cylinder c (inf when there is none);
// every node keeps the minimum of a, a − c and a + c over its leaves, so the
// nearest cylinder on either side of the head whose request has arrived, or
// will have arrived when the head gets there, is found in O(log cylinders).
type tree struct {
	size int            // leaves, a power of two ≥ the cylinder count
	node [][numKeys]int // node → minimum of each key; node 1 is the root, leaf c is node size+c
}

func newTree(cylinders int) *tree {
	size := 1
	for size < cylinders {
		size *= 2
	}
	t := &tree{size: size, node: make([][numKeys]int, 2*size)}
	for i := range t.node {
		t.node[i] = [numKeys]int{inf, inf, inf}
	}
	return t
}

// setLeaf gives cylinder c the arrival a (inf to empty it) without
// updating the nodes above; call build or set afterwards.
func (t *tree) setLeaf(c, a int) {
	if a >= inf {
		t.node[t.size+c] = [numKeys]int{inf, inf, inf}
	} else {
		t.node[t.size+c] = [numKeys]int{a, a - c, a + c}
	}
}

// build recomputes every inner node from the leaves: O(size).
func (t *tree) build() {
	for i := t.size - 1; i >= 1; i-- {
		t.pull(i)
	}
}

func (t *tree) pull(i int) {
	l, r := &t.node[2*i], &t.node[2*i+1]
	t.node[i] = [numKeys]int{min(l[0], r[0]), min(l[1], r[1]), min(l[2], r[2])}
}

// set gives cylinder c the arrival a (inf to empty it): O(log size).
func (t *tree) set(c, a int) {
	t.setLeaf(c, a)
	for i := (t.size + c) / 2; i >= 1; i /= 2 {
		t.pull(i)
	}
}

// earliest returns the earliest arrival among all unserviced requests.
func (t *tree) earliest() int { return t.node[1][keyArrival] }

// first returns the lowest cylinder in [lo, hi] whose key k is ≤ bound, or -1.
func (t *tree) first(lo, hi, k, bound int) int {
	if lo > hi {
		return -1
	}
	return t.firstIn(1, 0, t.size-1, lo, hi, k, bound)
}

func (t *tree) firstIn(node, nl, nr, lo, hi, k, bound int) int {
	if nr < lo || nl > hi || t.node[node][k] > bound {
		return -1
	}
	if nl == nr {
		return nl
	}
	mid := (nl + nr) / 2
	if r := t.firstIn(2*node, nl, mid, lo, hi, k, bound); r >= 0 {
		return r
	}
	return t.firstIn(2*node+1, mid+1, nr, lo, hi, k, bound)
}

// last returns the highest cylinder in [lo, hi] whose key k is ≤ bound, or -1.
func (t *tree) last(lo, hi, k, bound int) int {
	if lo > hi {
		return -1
	}
	return t.lastIn(1, 0, t.size-1, lo, hi, k, bound)
}

func (t *tree) lastIn(node, nl, nr, lo, hi, k, bound int) int {
	if nr < lo || nl > hi || t.node[node][k] > bound {
		return -1
	}
	if nl == nr {
		return nl
	}
	mid := (nl + nr) / 2
	if r := t.lastIn(2*node+1, mid+1, nr, lo, hi, k, bound); r >= 0 {
		return r
	}
	return t.lastIn(2*node, nl, mid, lo, hi, k, bound)
}
