package disk

// timeEngine runs the access-time model in exact time units: one unit is
// 1/(rpm·sectors_per_track) µs.
type timeEngine struct {
	c        TimeConfig
	perUs    int   // units per µs: rpm · sectors_per_track
	rotation int   // units per revolution
	sector   int   // units per sector
	seek     []int // distance → seek time in units
}

func newTimeEngine(c TimeConfig) *timeEngine {
	e := &timeEngine{c: c, perUs: c.RPM * c.SectorsPerTrack, rotation: 60_000_000 * c.SectorsPerTrack, sector: 60_000_000}
	e.seek = c.Seek.seekTime(c.Rules.SeekModel, c.Cylinders)
	for d := range e.seek {
		e.seek[d] *= e.perUs
	}
	return e
}

// us rounds a time in units to the nearest µs, halves up.
func (e *timeEngine) us(t int) int { return (2*t + e.perUs) / (2 * e.perUs) }

// latency is the rotational delay, at time now, until sector s starts
// passing under the head.
func (e *timeEngine) latency(now, s int) int {
	pos := (e.c.Sector*e.sector + now) % e.rotation
	return ((s*e.sector-pos)%e.rotation + e.rotation) % e.rotation
}

// run services every request under policy p. With detail false it fills
// only the last step's Done.
func (e *timeEngine) run(p Policy, detail bool) []TimeStep {
	rs := e.c.Requests
	done := make([]bool, len(rs))
	h, now, dir := e.c.Head, 0, 1
	if e.c.Direction == Down {
		dir = -1
	}
	var steps []TimeStep
	var last TimeStep
	for k := range rs {
		i := e.pick(p, done, h, now, dir, k)
		done[i] = true
		r := rs[i]
		d := abs(r.Cylinder - h)
		switch {
		case r.Cylinder > h:
			dir = 1
		case r.Cylinder < h:
			dir = -1
		}
		from, start := h, now
		seekEnd := start + e.seek[d]
		xfer := seekEnd + e.latency(seekEnd, r.Sector)
		now = xfer + r.Count*e.sector
		h = r.Cylinder
		last = TimeStep{Done: e.us(now)}
		if detail {
			s := TimeStep{
				Request: i, Cylinder: r.Cylinder, Sector: r.Sector, Count: r.Count,
				From: from, Distance: d, Start: e.us(start),
				SectorUnderHead: (e.c.Sector*e.sector + seekEnd) % e.rotation / e.sector,
				Done:            e.us(now),
			}
			s.Seek = e.us(seekEnd) - s.Start
			s.Latency = e.us(xfer) - e.us(seekEnd)
			s.Transfer = s.Done - e.us(xfer)
			steps = append(steps, s)
		}
	}
	if !detail {
		return []TimeStep{last}
	}
	return steps
}

// pick chooses the k-th request to service. FCFS takes them in order; SSTF
// the nearest cylinder (sstf_tie between the two sides, the lowest index on
// one cylinder); SATF the least seek + rotational latency, the lowest index
// on a tie.
func (e *timeEngine) pick(p Policy, done []bool, h, now, dir, k int) int {
	rs := e.c.Requests
	if p == FCFS {
		return k
	}
	best, bestKey := -1, 0
	for i, r := range rs {
		if done[i] {
			continue
		}
		d := abs(r.Cylinder - h)
		var key int
		if p == SATF {
			key = e.seek[d] + e.latency(now+e.seek[d], r.Sector)
		} else {
			key = d
		}
		if best < 0 || key < bestKey || p == SSTF && key == bestKey && e.sstfPrefers(r.Cylinder, rs[best].Cylinder, h, dir) {
			best, bestKey = i, key
		}
	}
	return best
}

// sstfPrefers reports whether cylinder a beats cylinder b, equally far from
// h on opposite sides, under the sstf_tie rule.
func (e *timeEngine) sstfPrefers(a, b, h, dir int) bool {
	if a == b {
		return false
	}
	if e.c.Rules.SSTFTie == TieLower || dir < 0 {
		return a < b
	}
	return a > b
}
