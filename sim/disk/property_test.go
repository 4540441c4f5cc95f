package disk

import (
	"slices"
	"testing"

	"github.com/osarena/osarena/sim/rng"
)

// randomConfig draws a small scenario: a static queue half the time,
// arrivals over time otherwise, with repeated cylinders and edge positions
// common enough to matter.
func randomConfig(r *rng.Rand, p Policy) Config {
	cyl := 1 + r.IntN(300)
	c := Config{Policy: p, Cylinders: cyl, Head: r.IntN(cyl), Direction: []string{Up, Down}[r.IntN(2)]}
	if r.IntN(8) == 0 {
		c.Head = []int{0, cyl - 1}[r.IntN(2)]
	}
	n := 1 + r.IntN(40)
	static := r.IntN(2) == 0
	for range n {
		q := Request{Cylinder: r.IntN(cyl)}
		if r.IntN(6) == 0 {
			q.Cylinder = []int{0, cyl - 1, c.Head}[r.IntN(3)]
		}
		if !static {
			q.Arrival = r.IntN(3 * cyl)
		}
		c.Requests = append(c.Requests, q)
	}
	if p == NSCAN {
		c.N = 1 + r.IntN(6)
	}
	if r.IntN(4) == 0 {
		c.ServiceTime = r.IntN(20)
	}
	c.Rules = Rules{
		SSTFTie: []string{TieDirection, TieLower}[r.IntN(2)],
		Travel:  []string{TravelEdge, TravelLastRequest}[r.IntN(2)],
		Return:  []string{ReturnCounted, ReturnNotCounted}[r.IntN(2)],
	}
	return c
}

func static(c Config) bool {
	for _, q := range c.Requests {
		if q.Arrival != 0 {
			return false
		}
	}
	return true
}

// Invariants every policy keeps on thousands of random scenarios.
func TestProperties(t *testing.T) {
	r := rng.New(1, rng.StreamDisk)
	for trial := range 4000 {
		for _, p := range Policies {
			c := randomConfig(r, p)
			tr, err := Run(c)
			if err != nil {
				t.Fatalf("trial %d: Run(%+v): %v", trial, c, err)
			}
			checkTrace(t, c, tr)
		}
	}
}

func checkTrace(t *testing.T, c Config, tr *Trace) {
	t.Helper()
	n := len(c.Requests)
	// Every request is serviced exactly once.
	seen := make([]bool, n)
	for _, s := range tr.Steps {
		if s.Request < 0 || s.Request >= n || seen[s.Request] {
			t.Fatalf("Run(%+v) services request %d twice or out of range", c, s.Request)
		}
		seen[s.Request] = true
	}
	if len(tr.Steps) != n || len(tr.Order) != n {
		t.Fatalf("Run(%+v) has %d steps, %d in order; want %d", c, len(tr.Steps), len(tr.Order), n)
	}
	// Steps chain, time runs forward, nothing is serviced before it arrives.
	pos, now := c.Head, 0
	for i, s := range tr.Steps {
		if s.From != pos || s.Start != now {
			t.Fatalf("Run(%+v) step %d starts at cylinder %d time %d; want %d, %d", c, i, s.From, s.Start, pos, now)
		}
		if s.Reached != s.Start+s.Idle+s.Distance || s.Idle < 0 {
			t.Fatalf("Run(%+v) step %d: reached %d ≠ start %d + idle %d + distance %d", c, i, s.Reached, s.Start, s.Idle, s.Distance)
		}
		if s.Reached < s.Arrival || s.Wait != s.Reached-s.Arrival {
			t.Fatalf("Run(%+v) step %d services request %d (arrival %d) at time %d", c, i, s.Request, s.Arrival, s.Reached)
		}
		if s.Cylinder != c.Requests[s.Request].Cylinder || tr.Order[i] != s.Cylinder {
			t.Fatalf("Run(%+v) step %d cylinder %d does not match request %d", c, i, s.Cylinder, s.Request)
		}
		pos, now = s.Cylinder, s.Reached+c.ServiceTime
	}
	if tr.Time != now {
		t.Fatalf("Run(%+v).Time = %d; want %d", c, tr.Time, now)
	}
	// Movement is the length of the path, less the jumps it does not count.
	sum, jumps := 0, 0
	for i := 1; i < len(tr.Path); i++ {
		sum += abs(tr.Path[i] - tr.Path[i-1])
	}
	for _, s := range tr.Steps {
		if len(s.Jump) == 2 {
			jumps += abs(s.Jump[1] - s.Jump[0])
		}
	}
	want := sum
	if tr.Rules.Return == ReturnNotCounted {
		want -= jumps
	}
	if tr.Movement != want || tr.MovementWithoutReturn != sum-jumps {
		t.Fatalf("Run(%+v) movement %d, without return %d; path %v sums to %d with %d in jumps", c, tr.Movement, tr.MovementWithoutReturn, tr.Path, sum, jumps)
	}
	if m, w, err := Movement(c); err != nil || m != tr.Movement || w != tr.MovementWithoutReturn {
		t.Fatalf("Movement(%+v) = %d, %d, %v; Run says %d, %d", c, m, w, err, tr.Movement, tr.MovementWithoutReturn)
	}
	switch c.Policy {
	case SSTF:
		checkSSTF(t, c, tr)
	case SCAN, LOOK:
		checkReversals(t, c, tr)
	case FCFS:
		checkFCFS(t, c, tr)
	}
}

// At every step SSTF picks a request at minimal distance among those that
// have arrived when the head sets off.
func checkSSTF(t *testing.T, c Config, tr *Trace) {
	t.Helper()
	done := make([]bool, len(c.Requests))
	for i, s := range tr.Steps {
		best := -1
		for j, q := range c.Requests {
			if !done[j] && q.Arrival <= s.Start+s.Idle {
				if d := abs(q.Cylinder - s.From); best < 0 || d < best {
					best = d
				}
			}
		}
		if got := abs(s.Cylinder - s.From); got != best {
			t.Fatalf("Run(%+v) step %d: SSTF moved %d from %d; the nearest arrived request was %d away", c, i, got, s.From, best)
		}
		done[s.Request] = true
	}
}

// FCFS services in arrival order.
func checkFCFS(t *testing.T, c Config, tr *Trace) {
	t.Helper()
	for i := 1; i < len(tr.Steps); i++ {
		a, b := tr.Steps[i-1], tr.Steps[i]
		if a.Arrival > b.Arrival || a.Arrival == b.Arrival && a.Request > b.Request {
			t.Fatalf("Run(%+v): FCFS serviced request %d before %d", c, a.Request, b.Request)
		}
	}
}

// SCAN and LOOK never reverse more than once per sweep: on a static queue
// they reverse at most once in all, and with arrivals the head services at
// least one request between two reversals.
func checkReversals(t *testing.T, c Config, tr *Trace) {
	t.Helper()
	type point struct {
		c       int
		service bool
	}
	pts := []point{{c.Head, false}}
	for _, s := range tr.Steps {
		for _, v := range s.Via {
			pts = append(pts, point{v, false})
		}
		pts = append(pts, point{s.Cylinder, true})
	}
	// Drop repeats, keeping the service mark.
	var run []point
	for _, p := range pts {
		if len(run) > 0 && run[len(run)-1].c == p.c {
			run[len(run)-1].service = run[len(run)-1].service || p.service
			continue
		}
		run = append(run, p)
	}
	var reversals []int
	for i := 1; i+1 < len(run); i++ {
		if (run[i].c-run[i-1].c > 0) != (run[i+1].c-run[i].c > 0) {
			reversals = append(reversals, i)
		}
	}
	if static(c) && len(reversals) > 1 {
		t.Fatalf("Run(%+v) reverses %d times on a static queue: path %v", c, len(reversals), tr.Path)
	}
	for k := 1; k < len(reversals); k++ {
		if !slices.ContainsFunc(run[reversals[k-1]+1:reversals[k]+1], func(p point) bool { return p.service }) {
			t.Fatalf("Run(%+v) reverses twice in one sweep: path %v", c, tr.Path)
		}
	}
}

// A naive O(n²) SSTF gives the same order, ties and all.
func TestSSTFMatchesNaive(t *testing.T) {
	r := rng.New(2, rng.StreamDisk)
	for range 3000 {
		c := randomConfig(r, SSTF)
		c.ServiceTime = 0
		tr, err := Run(c)
		if err != nil {
			t.Fatal(err)
		}
		if want := naiveSSTF(c); !slices.Equal(tr.Order, want) {
			t.Fatalf("Run(%+v).Order = %v; naive SSTF gives %v", c, tr.Order, want)
		}
	}
}

func naiveSSTF(c Config) []int {
	done := make([]bool, len(c.Requests))
	h, now, dir := c.Head, 0, 1
	if c.Direction == Down {
		dir = -1
	}
	var order []int
	for len(order) < len(c.Requests) {
		best, next := -1, -1
		for j, q := range c.Requests {
			if done[j] {
				continue
			}
			if next < 0 || q.Arrival < next {
				next = q.Arrival
			}
			if q.Arrival > now {
				continue
			}
			if best < 0 || better(c, h, dir, q, c.Requests[best]) || q.Cylinder == c.Requests[best].Cylinder && earlier(q, j, c.Requests[best], best) {
				best = j
			}
		}
		if best < 0 {
			now = next
			continue
		}
		q := c.Requests[best]
		if q.Cylinder != h {
			dir = 1
			if q.Cylinder < h {
				dir = -1
			}
		}
		now += abs(q.Cylinder - h)
		h = q.Cylinder
		done[best] = true
		order = append(order, h)
	}
	return order
}

// better reports whether request a beats b for SSTF at head h moving dir.
func better(c Config, h, dir int, a, b Request) bool {
	da, db := abs(a.Cylinder-h), abs(b.Cylinder-h)
	if da != db {
		return da < db
	}
	if a.Cylinder == b.Cylinder {
		return false
	}
	if c.Rules.SSTFTie == TieLower || dir < 0 {
		return a.Cylinder < b.Cylinder
	}
	return a.Cylinder > b.Cylinder
}

func earlier(a Request, i int, b Request, j int) bool {
	return a.Arrival < b.Arrival || a.Arrival == b.Arrival && i < j
}
