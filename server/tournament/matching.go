package tournament

// maxMatching returns the size of a maximum matching among vs in the graph
// whose edges join players who have not met (played[a][b] false), using
// Edmonds' blossom algorithm: O(V³) for V = len(vs).
func maxMatching(vs []int, played [][]bool) int {
	n := len(vs)
	adj := make([][]int, n)
	for i := 0; i < n; i++ {
		for j := i + 1; j < n; j++ {
			if !played[vs[i]][vs[j]] {
				adj[i] = append(adj[i], j)
				adj[j] = append(adj[j], i)
			}
		}
	}
	match := make([]int, n)
	for i := range match {
		match[i] = -1
	}
	size := 0
	for i := 0; i < n; i++ { // greedy start
		if match[i] != -1 {
			continue
		}
		for _, j := range adj[i] {
			if match[j] == -1 {
				match[i], match[j] = j, i
				size++
				break
			}
		}
	}
	b := blossom{adj: adj, match: match,
		p: make([]int, n), base: make([]int, n),
		used: make([]bool, n), inBlossom: make([]bool, n), seen: make([]bool, n)}
	for v := 0; v < n && size < n/2; v++ {
		if match[v] != -1 {
			continue
		}
		if u := b.findPath(v); u != -1 {
			size++
			for u != -1 {
				pv := b.p[u]
				next := match[pv]
				match[u], match[pv] = pv, u
				u = next
			}
		}
	}
	return size
}

// blossom is the working state of one augmenting-path search.
type blossom struct {
	adj                   [][]int
	match, p, base, queue []int
	used, inBlossom, seen []bool
}

func (b *blossom) lca(x, y int) int {
	clear(b.seen)
	for {
		x = b.base[x]
		b.seen[x] = true
		if b.match[x] == -1 {
			break
		}
		x = b.p[b.match[x]]
	}
	for {
		y = b.base[y]
		if b.seen[y] {
			return y
		}
		y = b.p[b.match[y]]
	}
}

func (b *blossom) markPath(v, root, child int) {
	for b.base[v] != root {
		b.inBlossom[b.base[v]] = true
		b.inBlossom[b.base[b.match[v]]] = true
		b.p[v] = child
		child = b.match[v]
		v = b.p[b.match[v]]
	}
}

// findPath searches for an augmenting path from the free vertex root and
// returns its other end, or -1.
func (b *blossom) findPath(root int) int {
	for i := range b.p {
		b.used[i], b.p[i], b.base[i] = false, -1, i
	}
	b.used[root] = true
	b.queue = append(b.queue[:0], root)
	for qh := 0; qh < len(b.queue); qh++ {
		v := b.queue[qh]
		for _, to := range b.adj[v] {
			if b.base[v] == b.base[to] || b.match[v] == to {
				continue
			}
			if to == root || b.match[to] != -1 && b.p[b.match[to]] != -1 {
				cur := b.lca(v, to)
				clear(b.inBlossom)
				b.markPath(v, cur, to)
				b.markPath(to, cur, v)
				for i := range b.base {
					if b.inBlossom[b.base[i]] {
						b.base[i] = cur
						if !b.used[i] {
							b.used[i] = true
							b.queue = append(b.queue, i)
						}
					}
				}
			} else if b.p[to] == -1 {
				b.p[to] = v
				if b.match[to] == -1 {
					return to
				}
				b.used[b.match[to]] = true
				b.queue = append(b.queue, b.match[to])
			}
		}
	}
	return -1
}
