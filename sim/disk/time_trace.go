package disk

// TimeStep is the servicing of one request in the access-time model. Times
// are µs; Start, Seek, Latency, Transfer and Done come from time stamps
// rounded to the nearest µs (halves up), so Start + Seek + Latency +
// Transfer = Done exactly and each duration is within 1 µs of its exact value.
type TimeStep struct {
	// Request is the index of the request in the scenario's requests.
	Request  int `json:"request"`
	Cylinder int `json:"cylinder"`
	Sector   int `json:"sector"`
	Count    int `json:"count"`
	// From is the head's cylinder before the seek; Distance the cylinders crossed.
	From     int `json:"from"`
	Distance int `json:"distance"`
	Start    int `json:"start"`
	Seek     int `json:"seek"`
	// SectorUnderHead is the sector passing under the head when the seek
	// ends (the one whose start it last passed).
	SectorUnderHead int `json:"sector_under_head"`
	Latency         int `json:"latency"`
	Transfer        int `json:"transfer"`
	Done            int `json:"done"`
}

// TimeTotals are the total service times (µs) of the same requests under
// each policy, for comparing SATF with SSTF and FCFS.
type TimeTotals struct {
	FCFS int `json:"fcfs"`
	SSTF int `json:"sstf"`
	SATF int `json:"satf"`
}

// TimeTrace is the full run of an access-time scenario.
type TimeTrace struct {
	Policy          Policy    `json:"policy"`
	Cylinders       int       `json:"cylinders"`
	SectorsPerTrack int       `json:"sectors_per_track"`
	RPM             int       `json:"rpm"`
	Head            int       `json:"head"`
	Sector          int       `json:"sector"`
	Direction       string    `json:"direction,omitempty"`
	Seek            Seek      `json:"seek"`
	Rules           TimeRules `json:"rules"`
	// RotationUs is one revolution and SectorUs one sector's transfer
	// time, rounded to the nearest µs (the engine keeps them exact).
	RotationUs int `json:"rotation_us"`
	SectorUs   int `json:"sector_us"`
	// Order lists the request indices in service order.
	Order []int      `json:"order"`
	Steps []TimeStep `json:"steps"`
	// Movement is the total seek distance in cylinders.
	Movement int `json:"movement"`
	// Totals over the steps; Total is when the last transfer ends.
	SeekTotal     int        `json:"seek_total"`
	LatencyTotal  int        `json:"latency_total"`
	TransferTotal int        `json:"transfer_total"`
	Total         int        `json:"total"`
	Compare       TimeTotals `json:"compare"`
}

// RunTime validates c and simulates it, recording every step, and runs the
// same requests under FCFS, SSTF and SATF for Compare.
//
// The engine keeps time exactly in units of 1/(rpm·sectors_per_track) µs,
// in which a revolution is 60 000 000·sectors_per_track units and a sector
// 60 000 000: the platter's angle at any time is exact, and times are
// rounded to µs only when reported.
func RunTime(c TimeConfig) (*TimeTrace, error) {
	c, err := c.resolve()
	if err != nil {
		return nil, err
	}
	e := newTimeEngine(c)
	t := &TimeTrace{
		Policy: c.Policy, Cylinders: c.Cylinders, SectorsPerTrack: c.SectorsPerTrack, RPM: c.RPM,
		Head: c.Head, Sector: c.Sector, Direction: c.Direction, Seek: c.Seek, Rules: c.Rules,
		RotationUs: e.us(e.rotation), SectorUs: e.us(e.sector),
	}
	t.Steps = e.run(c.Policy, true)
	for _, s := range t.Steps {
		t.Order = append(t.Order, s.Request)
		t.Movement += s.Distance
		t.SeekTotal += s.Seek
		t.LatencyTotal += s.Latency
		t.TransferTotal += s.Transfer
		t.Total = s.Done
	}
	for _, p := range TimePolicies {
		total := t.Total
		if p != c.Policy {
			steps := e.run(p, false)
			total = steps[len(steps)-1].Done
		}
		switch p {
		case FCFS:
			t.Compare.FCFS = total
		case SSTF:
			t.Compare.SSTF = total
		case SATF:
			t.Compare.SATF = total
		}
	}
	return t, nil
}
