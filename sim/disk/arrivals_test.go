package disk

import (
	"slices"
	"testing"
)

// Hand-checked schedules with requests arriving over time (cylinders
// 0..99, one cylinder per time unit).
func TestArrivals(t *testing.T) {
	at := func(c, a int) Request { return Request{Cylinder: c, Arrival: a} }
	tests := []struct {
		name    string
		c       Config
		order   []int
		reached []int
	}{
		// LOOK at 50 moving up sees only 10 pending and turns; 60, which
		// arrives at 5, waits for the next upward sweep.
		{"look turns on what has arrived", Config{Policy: LOOK, Direction: Up, Head: 50, Requests: []Request{at(10, 0), at(60, 5)}}, []int{10, 60}, []int{40, 90}},
		// SCAN heads for the edge anyway and services 60, which arrives
		// in front of it (the head is at 55 at time 5).
		{"scan services what arrives ahead", Config{Policy: SCAN, Direction: Up, Head: 50, Requests: []Request{at(10, 0), at(60, 5)}}, []int{60, 10}, []int{10, 10 + 39 + 89}},
		// A request arriving behind the moving head (52 at time 5, head at
		// 55) waits for the return: edge 99 at 49, back down to 52.
		{"scan passes a late arrival", Config{Policy: SCAN, Direction: Up, Head: 50, Requests: []Request{at(10, 0), at(52, 5)}}, []int{52, 10}, []int{49 + 47, 49 + 47 + 42}},
		// F-SCAN freezes {70, 20} at time 0; 80 (arrives at 10) waits for
		// the next batch. SCAN takes 80 on the way up.
		{"fscan freezes the queue", Config{Policy: FSCAN, Direction: Up, Head: 50, Requests: []Request{at(70, 0), at(20, 0), at(80, 10)}}, []int{70, 20, 80}, []int{20, 128, 228}},
		{"scan does not", Config{Policy: SCAN, Direction: Up, Head: 50, Requests: []Request{at(70, 0), at(20, 0), at(80, 10)}}, []int{70, 80, 20}, []int{20, 30, 128}},
		// The head idles until the first request arrives.
		{"fcfs idles", Config{Policy: FCFS, Head: 0, Requests: []Request{at(30, 100), at(10, 0)}}, []int{10, 30}, []int{10, 120}},
		// SSTF starves the far request while near ones keep arriving.
		{"sstf starves", Config{Policy: SSTF, Head: 50, Requests: []Request{at(99, 0), at(45, 0), at(40, 3), at(45, 8), at(50, 12)}}, []int{45, 40, 45, 50, 99}, []int{5, 10, 15, 20, 69}},
	}
	for _, tt := range tests {
		c := tt.c
		c.Cylinders = 100
		tr, err := Run(c)
		if err != nil {
			t.Fatalf("%s: Run: %v", tt.name, err)
		}
		var reached []int
		for _, s := range tr.Steps {
			reached = append(reached, s.Reached)
		}
		if !slices.Equal(tr.Order, tt.order) || !slices.Equal(reached, tt.reached) {
			t.Errorf("%s: Run(%+v) order %v reached %v; want %v, %v", tt.name, c.Requests, tr.Order, reached, tt.order, tt.reached)
		}
	}
}

func TestWaitStats(t *testing.T) {
	// Waits 45, 130, 276, 361, 469, 579, 638, 640 (FCFS on the textbook queue).
	tr, err := Run(Config{Policy: FCFS, Cylinders: 200, Head: 53, Requests: []Request{{Cylinder: 98}, {Cylinder: 183}, {Cylinder: 37}, {Cylinder: 122}, {Cylinder: 14}, {Cylinder: 124}, {Cylinder: 65}, {Cylinder: 67}}})
	if err != nil {
		t.Fatal(err)
	}
	// Sum 3138, mean 392.25; Σw² = 1 597 268; variance = 1597268/8 − 392.25² = 45798.4375.
	if tr.WaitTotal != 3138 || tr.WaitMean != 39225 || tr.WaitVariance != 4579844 || tr.WaitMax != 640 || tr.WaitMaxRequest != 7 {
		t.Errorf("Run(fcfs textbook) waits = %d, %s, %s, %d (#%d); want 3138, 392.25, 45798.44, 640 (#7)",
			tr.WaitTotal, tr.WaitMean, tr.WaitVariance, tr.WaitMax, tr.WaitMaxRequest)
	}
	for _, tt := range []struct {
		h    Hundredths
		want string
	}{{0, "0.00"}, {5, "0.05"}, {1234, "12.34"}, {100, "1.00"}} {
		if got := tt.h.String(); got != tt.want {
			t.Errorf("Hundredths(%d).String() = %q; want %q", int64(tt.h), got, tt.want)
		}
	}
}
