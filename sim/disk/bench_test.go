package disk

import (
	"sync"
	"testing"

	"github.com/osarena/osarena/sim/rng"
)

const (
	benchRequests  = 1_000_000
	benchCylinders = 65_536
)

// benchQueues are built on first use: a static queue, and the same
// cylinders arriving over time about as fast as the head can serve them.
var benchQueues = sync.OnceValues(func() (static, timed []Request) {
	r := rng.New(3, rng.StreamDisk)
	static = make([]Request, benchRequests)
	timed = make([]Request, benchRequests)
	for i := range static {
		c := r.IntN(benchCylinders)
		static[i] = Request{Cylinder: c}
		timed[i] = Request{Cylinder: c, Arrival: i * 64}
	}
	return static, timed
})

// BenchmarkMovement schedules 1 M requests over 65 536 cylinders per policy
// and reports requests per second. SSTF and the sweeps find the next request
// in a segment tree, O(log cylinders) per request.
func BenchmarkMovement(b *testing.B) {
	static, timed := benchQueues()
	for _, q := range []struct {
		name string
		rs   []Request
	}{{"static", static}, {"arrivals", timed}} {
		for _, p := range Policies {
			b.Run(q.name+"/"+string(p), func(b *testing.B) {
				c := Config{Policy: p, Cylinders: benchCylinders, Head: benchCylinders / 2, Direction: Up, Requests: q.rs}
				if p == NSCAN {
					c.N = 16
				}
				for b.Loop() {
					if _, _, err := Movement(c); err != nil {
						b.Fatal(err)
					}
				}
				b.ReportMetric(float64(benchRequests)*float64(b.N)/b.Elapsed().Seconds()/1e6, "Mreq/s")
			})
		}
	}
}

// BenchmarkRun records the full trace of 1 M requests under SSTF.
func BenchmarkRun(b *testing.B) {
	static, _ := benchQueues()
	c := Config{Policy: SSTF, Cylinders: benchCylinders, Head: benchCylinders / 2, Requests: static}
	for b.Loop() {
		if _, err := Run(c); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(benchRequests)*float64(b.N)/b.Elapsed().Seconds()/1e6, "Mreq/s")
}
