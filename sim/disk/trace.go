package disk

// Step is the servicing of one request.
type Step struct {
	// Request is the index of the request in the scenario's requests.
	Request  int `json:"request"`
	Cylinder int `json:"cylinder"`
	Arrival  int `json:"arrival"`
	// From is the head's cylinder when the step began.
	From int `json:"from"`
	// Via lists the points the head passed between From and Cylinder: the
	// disk's edge where SCAN or C-SCAN turned, the far end of a return jump.
	Via []int `json:"via,omitempty"`
	// Jump is the return jump [from, to] of C-SCAN or C-LOOK in this step.
	Jump []int `json:"jump,omitempty"`
	// Distance is the head movement of the step as the rules count it.
	Distance int `json:"distance"`
	// Start is the time the step began (the previous one's end), Idle how
	// long the head then waited with no request pending, Reached the time
	// it reached Cylinder: Reached = Start + Idle + Distance.
	Start   int `json:"start"`
	Idle    int `json:"idle,omitempty"`
	Reached int `json:"reached"`
	// Wait is Reached − Arrival.
	Wait int `json:"wait"`
	// Queue is how many requests had arrived unserviced when the head set
	// off (this one included unless it arrived on the way).
	Queue int `json:"queue"`
	// Batch is how many requests of the current N-step SCAN or F-SCAN batch
	// were left, this one included.
	Batch int `json:"batch,omitempty"`
	// Direction is the head's direction after the step.
	Direction string `json:"direction"`
}

// Trace is the full run of a disk-scheduling scenario.
type Trace struct {
	Policy      Policy `json:"policy"`
	Cylinders   int    `json:"cylinders"`
	Head        int    `json:"head"`
	Direction   string `json:"direction,omitempty"`
	N           int    `json:"n,omitempty"`
	ServiceTime int    `json:"service_time,omitempty"`
	Rules       Rules  `json:"rules"`
	// Order lists the cylinders in the order they were serviced.
	Order []int `json:"order"`
	// Path lists every position the head stopped, turned or jumped at,
	// starting with Head; consecutive repeats are left out.
	Path []int `json:"path"`
	// Movement is the total head movement under the return_sweep rule;
	// MovementWithoutReturn leaves out every C-SCAN / C-LOOK return jump.
	Movement              int    `json:"movement"`
	MovementWithoutReturn int    `json:"movement_without_return"`
	Steps                 []Step `json:"steps"`
	// Time is when the last request's service ended.
	Time int `json:"time"`
	// Waits: total, mean and population variance over all requests (the
	// mean and variance rounded to hundredths, halves up), the longest wait
	// and the first request that waited it: fairness and starvation.
	WaitTotal      int        `json:"wait_total"`
	WaitMean       Hundredths `json:"wait_mean"`
	WaitVariance   Hundredths `json:"wait_variance"`
	WaitMax        int        `json:"wait_max"`
	WaitMaxRequest int        `json:"wait_max_request"`
}

// Run validates c and schedules it, recording every step.
func Run(c Config) (*Trace, error) {
	c, err := c.resolve()
	if err != nil {
		return nil, err
	}
	e := newEngine(c)
	n := len(c.Requests)
	t := &Trace{
		Policy: c.Policy, Cylinders: c.Cylinders, Head: c.Head, N: c.N, ServiceTime: c.ServiceTime, Rules: c.Rules,
		Order: make([]int, 0, n), Path: []int{c.Head}, Steps: make([]Step, 0, n),
	}
	if c.Policy != FCFS {
		t.Direction = c.Direction
	}
	var w waitStats
	var m move
	for e.step(&m) {
		r := c.Requests[m.req]
		s := Step{
			Request: m.req, Cylinder: r.Cylinder, Arrival: r.Arrival, From: m.from,
			Distance: m.dist, Start: m.start, Idle: m.idle, Reached: m.reached,
			Wait: m.reached - r.Arrival, Queue: m.queue, Batch: m.batch, Direction: dirName(m.dir),
		}
		if m.nvia > 0 {
			s.Via = append([]int(nil), m.via[:m.nvia]...)
		}
		if m.hasJump {
			s.Jump = []int{m.jump[0], m.jump[1]}
		}
		for _, p := range s.Via {
			t.Path = appendPoint(t.Path, p)
		}
		t.Path = appendPoint(t.Path, r.Cylinder)
		t.Order = append(t.Order, r.Cylinder)
		t.Movement += m.dist
		t.MovementWithoutReturn += m.dist
		if e.counted {
			t.MovementWithoutReturn -= m.ret
		}
		w.add(m.req, s.Wait)
		t.Steps = append(t.Steps, s)
	}
	t.Time = e.now
	t.WaitTotal, t.WaitMax, t.WaitMaxRequest = w.sum, w.max, w.maxReq
	t.WaitMean, t.WaitVariance = w.meanVariance()
	return t, nil
}

// Movement validates c and returns its head movement with and without the
// return sweep, without recording a trace; it allocates only the engine's
// tables, never per request.
func Movement(c Config) (movement, withoutReturn int, err error) {
	c, err = c.resolve()
	if err != nil {
		return 0, 0, err
	}
	e := newEngine(c)
	var m move
	for e.step(&m) {
		movement += m.dist
		withoutReturn += m.dist
		if e.counted {
			withoutReturn -= m.ret
		}
	}
	return movement, withoutReturn, nil
}

func appendPoint(path []int, p int) []int {
	if path[len(path)-1] == p {
		return path
	}
	return append(path, p)
}

func dirName(d int) string {
	if d > 0 {
		return Up
	}
	return Down
}
