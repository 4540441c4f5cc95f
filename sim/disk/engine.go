package disk

import "slices"

// move is what the engine did to service one request.
type move struct {
	req     int    // request index
	from    int    // head position when the step began
	via     [2]int // points passed before the cylinder: an edge, a jump's landing
	nvia    int
	jump    [2]int // the return jump's ends, when hasJump
	hasJump bool
	dist    int // head movement the rules count
	ret     int // length of the return jump, counted or not
	start   int // time the step began
	idle    int // time waited with no request pending
	reached int // time the head reached the cylinder
	queue   int // arrived, unserviced requests when the head set off
	batch   int // requests left in the current batch, this one included (nscan, fscan)
	dir     int // direction after the step: +1 up, -1 down
}

// engine schedules one scenario step by step. Requests on one cylinder are
// serviced in arrival order (then by index), so the request serviced at a
// cylinder is always that cylinder's earliest unserviced one.
type engine struct {
	c         Config
	cyl       int
	byArr     []int // request indices by (arrival, index)
	byCyl     []int // request indices by (cylinder, arrival, index)
	start     []int // cylinder → first position in byCyl; start[cyl] = len(requests)
	next      []int // cylinder → position in byCyl of its earliest unserviced request
	pending   *tree // SSTF and the sweeps: earliest unserviced arrival per cylinder
	batchTree *tree // nscan, fscan: leaf 0 while the batch has requests on the cylinder
	inBatch   []int // cylinder → batch requests left on it
	batchEnd  int   // byArr[:batchEnd] have joined a batch
	batchLeft int
	arrived   int // byArr[:arrived] have arrived by now
	served    int
	h, now    int
	dir       int  // +1 up, -1 down
	edge      bool // sweeps travel to the disk's edge before turning
	counted   bool // the return jump counts as movement and takes time
}

// newEngine prepares a validated config: O(n log n + cylinders).
func newEngine(c Config) *engine {
	n := len(c.Requests)
	e := &engine{
		c: c, cyl: c.Cylinders, h: c.Head, dir: 1,
		edge:    (c.Policy == SCAN || c.Policy == CSCAN || c.Policy == NSCAN || c.Policy == FSCAN) && c.Rules.Travel == TravelEdge,
		counted: c.Rules.Return == ReturnCounted,
	}
	if c.Direction == Down {
		e.dir = -1
	}
	e.byArr = make([]int, n)
	for i := range e.byArr {
		e.byArr[i] = i
	}
	slices.SortFunc(e.byArr, func(a, b int) int {
		if d := c.Requests[a].Arrival - c.Requests[b].Arrival; d != 0 {
			return d
		}
		return a - b
	})
	// Counting sort by cylinder keeps the arrival order within a cylinder.
	e.start = make([]int, e.cyl+1)
	for _, r := range c.Requests {
		e.start[r.Cylinder+1]++
	}
	for i := 1; i <= e.cyl; i++ {
		e.start[i] += e.start[i-1]
	}
	e.next = slices.Clone(e.start[:e.cyl])
	e.byCyl = make([]int, n)
	for _, r := range e.byArr {
		cy := c.Requests[r].Cylinder
		e.byCyl[e.next[cy]] = r
		e.next[cy]++
	}
	copy(e.next, e.start[:e.cyl])
	switch c.Policy {
	case FCFS:
	case NSCAN, FSCAN:
		e.batchTree = newTree(e.cyl)
		e.inBatch = make([]int, e.cyl)
	default:
		e.pending = newTree(e.cyl)
		for cy := range e.cyl {
			if e.start[cy] < e.start[cy+1] {
				e.pending.setLeaf(cy, c.Requests[e.byCyl[e.start[cy]]].Arrival)
			}
		}
		e.pending.build()
	}
	return e
}

// step services the next request and describes it in m; it reports false
// when every request has been serviced.
func (e *engine) step(m *move) bool {
	if e.served == len(e.c.Requests) {
		return false
	}
	*m = move{from: e.h, start: e.now}
	var cy int
	switch e.c.Policy {
	case FCFS:
		cy = e.fcfs(m)
	case SSTF:
		cy = e.sstf(m)
	case NSCAN, FSCAN:
		cy = e.batchScan(m)
	default:
		cy = e.sweep(m)
	}
	e.travel(m, cy)
	m.reached = e.now
	m.req = e.service(cy)
	e.now += e.c.ServiceTime
	m.dir = e.dir
	e.served++
	return true
}

func (e *engine) arrival(r int) int { return e.c.Requests[r].Arrival }

// admit counts the requests that have arrived by now.
func (e *engine) admit() {
	for e.arrived < len(e.byArr) && e.arrival(e.byArr[e.arrived]) <= e.now {
		e.arrived++
	}
}

// wait idles the head until time a if nothing is pending before it, and
// then records the queue the head sees.
func (e *engine) wait(m *move, a int) {
	if a > e.now {
		m.idle += a - e.now
		e.now = a
	}
	e.admit()
	m.queue = e.arrived - e.served
}

// travel moves the head to cylinder to, turning it if needed.
func (e *engine) travel(m *move, to int) {
	switch {
	case to > e.h:
		e.dir = 1
	case to < e.h:
		e.dir = -1
	}
	d := abs(to - e.h)
	m.dist += d
	e.now += d
	e.h = to
}

// jump makes the C-SCAN / C-LOOK return jump to cylinder to.
func (e *engine) jump(m *move, to int) {
	d := abs(to - e.h)
	m.jump, m.hasJump = [2]int{e.h, to}, true
	m.ret += d
	if e.counted {
		m.dist += d
		e.now += d
	}
	e.h = to
}

func (m *move) addVia(p int) {
	m.via[m.nvia] = p
	m.nvia++
}

// edgeAhead is the last cylinder in the current direction.
func (e *engine) edgeAhead() int {
	if e.dir > 0 {
		return e.cyl - 1
	}
	return 0
}

// service removes cylinder cy's earliest unserviced request and returns it.
func (e *engine) service(cy int) int {
	r := e.byCyl[e.next[cy]]
	e.next[cy]++
	if e.pending != nil {
		a := inf
		if e.next[cy] < e.start[cy+1] {
			a = e.arrival(e.byCyl[e.next[cy]])
		}
		e.pending.set(cy, a)
	}
	if e.batchTree != nil {
		e.inBatch[cy]--
		if e.inBatch[cy] == 0 {
			e.batchTree.set(cy, inf)
		}
		e.batchLeft--
	}
	return r
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
