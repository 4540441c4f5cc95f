package disk

// fcfs picks the earliest-arrived unserviced request, waiting for it if
// it has not arrived.
func (e *engine) fcfs(m *move) int {
	r := e.byArr[e.served]
	e.wait(m, e.arrival(r))
	return e.c.Requests[r].Cylinder
}

// sstf picks the arrived request nearest the head. Between two equally far
// on either side, the sstf_tie rule decides: keep the current direction
// (the scenario's direction before the first move), or the lower cylinder.
func (e *engine) sstf(m *move) int {
	e.wait(m, e.pending.earliest())
	lo := e.pending.last(0, e.h, keyArrival, e.now)
	hi := e.pending.first(e.h, e.cyl-1, keyArrival, e.now)
	switch {
	case lo < 0:
		return hi
	case hi < 0:
		return lo
	case e.h-lo < hi-e.h:
		return lo
	case hi-e.h < e.h-lo:
		return hi
	case e.c.Rules.SSTFTie == TieDirection && e.dir > 0:
		return hi
	}
	return lo
}

// sweep picks the next request for SCAN, C-SCAN, LOOK and C-LOOK.
//
// The head keeps its direction while an arrived request lies ahead, and
// stops at the first cylinder whose request has arrived by the time the head
// gets there, so a request that arrives just in front of a moving head is
// serviced on this sweep, as in an elevator. When every arrived request is
// behind: LOOK turns; C-LOOK jumps to the farthest one behind; SCAN and
// C-SCAN under scan_travel=edge first travel on to the disk's edge (again
// servicing what arrives in front of them), then SCAN turns and C-SCAN jumps
// to the opposite edge; under scan_travel=last-request they behave as LOOK
// and C-LOOK.
func (e *engine) sweep(m *move) int {
	e.wait(m, e.pending.earliest())
	circular := e.c.Policy == CSCAN || e.c.Policy == CLOOK
	for {
		var arrived, reachable int
		if e.dir > 0 {
			arrived = e.pending.first(e.h, e.cyl-1, keyArrival, e.now)
			reachable = e.pending.first(e.h, e.cyl-1, keyArrivalMinus, e.now-e.h)
		} else {
			arrived = e.pending.last(0, e.h, keyArrival, e.now)
			reachable = e.pending.last(0, e.h, keyArrivalPlus, e.now+e.h)
		}
		if arrived >= 0 || e.edge && reachable >= 0 {
			return reachable
		}
		// Every arrived request is behind the head.
		switch {
		case e.edge:
			if end := e.edgeAhead(); end != e.h {
				e.travel(m, end)
				m.addVia(end)
			}
			if circular {
				e.jump(m, e.cyl-1-e.h)
				m.addVia(e.h)
			} else {
				e.dir = -e.dir
			}
		case circular:
			if e.dir > 0 {
				e.jump(m, e.pending.first(0, e.cyl-1, keyArrival, e.now))
			} else {
				e.jump(m, e.pending.last(0, e.cyl-1, keyArrival, e.now))
			}
		default:
			e.dir = -e.dir
		}
	}
}

// batchScan picks the next request for N-step SCAN and F-SCAN. When a batch
// is done, the next one takes the arrived, unserviced requests in arrival
// order, at most n of them for nscan and all of them for fscan (the queue
// is frozen at the sweep's start); requests that arrive meanwhile wait for
// a later batch. Within a batch the head runs SCAN under the scan_travel rule.
func (e *engine) batchScan(m *move) int {
	if e.batchLeft == 0 {
		e.wait(m, e.arrival(e.byArr[e.batchEnd]))
		k := e.arrived - e.batchEnd
		if e.c.Policy == NSCAN {
			k = min(k, e.c.N)
		}
		for _, r := range e.byArr[e.batchEnd : e.batchEnd+k] {
			cy := e.c.Requests[r].Cylinder
			if e.inBatch[cy] == 0 {
				e.batchTree.set(cy, 0)
			}
			e.inBatch[cy]++
		}
		e.batchEnd += k
		e.batchLeft = k
	} else {
		e.wait(m, e.now)
	}
	m.batch = e.batchLeft
	for {
		var ahead int
		if e.dir > 0 {
			ahead = e.batchTree.first(e.h, e.cyl-1, keyArrival, 0)
		} else {
			ahead = e.batchTree.last(0, e.h, keyArrival, 0)
		}
		if ahead >= 0 {
			return ahead
		}
		if end := e.edgeAhead(); e.edge && end != e.h {
			e.travel(m, end)
			m.addVia(end)
		}
		e.dir = -e.dir
	}
}
