package disk

import (
	"bytes"
	"slices"
	"testing"

	"github.com/osarena/osarena/sim/internal/golden"
	"github.com/osarena/osarena/sim/rng"
)

// timeExample: 6000 rpm and 10 sectors per track make a revolution 10 ms
// and a sector 1 ms, so every time below is a whole µs and checkable by hand.
func timeExample(p Policy) TimeConfig {
	return TimeConfig{
		Policy: p, Cylinders: 100, SectorsPerTrack: 10, RPM: 6000, Head: 50,
		Seek: Seek{Settle: 1000, PerCylinder: 100},
		Requests: []TimeRequest{
			{Cylinder: 60, Sector: 2}, {Cylinder: 52, Sector: 5},
			{Cylinder: 50, Sector: 8}, {Cylinder: 49, Sector: 9, Count: 2},
		},
	}
}

func TestRunTimeByHand(t *testing.T) {
	tests := []struct {
		p     Policy
		order []int
		done  []int
	}{
		// FCFS: 60 after a 2000 µs seek lands on sector 2's start (0 latency);
		// 52: seek 1800 to t=4800, sector 5 at 5000; 50: seek 1200 to 7200,
		// sector 8 at 8000; 49: seek 1100 to 10100, sector 9 at 19000, 2 sectors.
		{FCFS, []int{0, 1, 2, 3}, []int{3000, 6000, 9000, 21000}},
		// SSTF: 50 (0 cylinders, waits 8000 for sector 8), 49, 52, 60.
		{SSTF, []int{2, 3, 1, 0}, []int{9000, 21000, 26000, 33000}},
		// SATF: from 50 at t=0, 60 costs 2000 + 0, 52 costs 1800 + 3200,
		// 50 costs 8000, 49 costs 1100 + 7900: 60 first, then as FCFS.
		{SATF, []int{0, 1, 2, 3}, []int{3000, 6000, 9000, 21000}},
	}
	for _, tt := range tests {
		tr, err := RunTime(timeExample(tt.p))
		if err != nil {
			t.Fatalf("RunTime(%s): %v", tt.p, err)
		}
		var done []int
		for _, s := range tr.Steps {
			done = append(done, s.Done)
		}
		if !slices.Equal(tr.Order, tt.order) || !slices.Equal(done, tt.done) {
			t.Errorf("RunTime(%s) order %v done %v; want %v, %v", tt.p, tr.Order, done, tt.order, tt.done)
		}
		if want := (TimeTotals{FCFS: 21000, SSTF: 33000, SATF: 21000}); tr.Compare != want {
			t.Errorf("RunTime(%s).Compare = %+v; want %+v", tt.p, tr.Compare, want)
		}
		if tr.RotationUs != 10000 || tr.SectorUs != 1000 {
			t.Errorf("RunTime(%s) rotation %d µs, sector %d µs; want 10000, 1000", tt.p, tr.RotationUs, tr.SectorUs)
		}
	}
}

func TestSeekCurve(t *testing.T) {
	s := Seek{Curve: [][]int{{1, 1000}, {10, 2500}, {50, 5000}, {199, 9000}}}
	got := s.seekTime(SeekCurve, 200)
	// 11: 2500 + 2500/40 = 2562.5 → 2563 (half up); 199: the last point.
	for _, tt := range []struct{ d, want int }{{0, 0}, {1, 1000}, {2, 1167}, {10, 2500}, {11, 2563}, {30, 3750}, {50, 5000}, {199, 9000}} {
		if got[tt.d] != tt.want {
			t.Errorf("seekTime(curve)[%d] = %d; want %d", tt.d, got[tt.d], tt.want)
		}
	}
	lin := Seek{Settle: 500, PerCylinder: 20}.seekTime(SeekLinear, 10)
	if lin[0] != 0 || lin[1] != 520 || lin[9] != 680 {
		t.Errorf("seekTime(linear 500+20d) = %v; want 0, 520, …, 680", lin)
	}
}

func TestTimeValidate(t *testing.T) {
	tests := []struct {
		name string
		edit func(*TimeConfig)
		want string
	}{
		{"policy", func(c *TimeConfig) { c.Policy = SCAN }, "policy must be one of fcfs, sstf, satf"},
		{"rpm", func(c *TimeConfig) { c.RPM = 0 }, "rpm must be between 1 and 30000"},
		{"spt", func(c *TimeConfig) { c.SectorsPerTrack = 0 }, "sectors_per_track must be between 1 and 1024"},
		{"sector", func(c *TimeConfig) { c.Sector = 10 }, "sector must be between 0 and 9"},
		{"request sector", func(c *TimeConfig) { c.Requests[1].Sector = 10 }, "requests[1].sector must be between 0 and 9"},
		{"count", func(c *TimeConfig) { c.Requests[1].Count = 11 }, "requests[1].count must be between 1 and 10"},
		{"curve with linear", func(c *TimeConfig) { c.Seek.Curve = [][]int{{1, 2}} }, "seek.curve is only used with rules.seek_model=curve"},
		{"linear with curve", func(c *TimeConfig) { c.Rules.SeekModel = SeekCurve }, "seek.settle and seek.per_cylinder are only used with rules.seek_model=linear"},
		{"short curve", func(c *TimeConfig) {
			c.Rules.SeekModel, c.Seek = SeekCurve, Seek{Curve: [][]int{{1, 100}, {50, 900}}}
		}, "seek.curve[1][0] must be at least 99 (the longest seek, cylinders−1)"},
		{"curve order", func(c *TimeConfig) {
			c.Rules.SeekModel, c.Seek = SeekCurve, Seek{Curve: [][]int{{1, 100}, {1, 900}}}
		}, "seek.curve[1][0] must be between 2 and 65536"},
		{"curve pair", func(c *TimeConfig) { c.Rules.SeekModel, c.Seek = SeekCurve, Seek{Curve: [][]int{{1}}} }, "seek.curve[0] must be a pair [distance, µs]"},
		{"curve start", func(c *TimeConfig) { c.Rules.SeekModel, c.Seek = SeekCurve, Seek{Curve: [][]int{{5, 100}, {99, 200}}} }, "seek.curve[0][0] must be 0 or 1 (the curve must start at the shortest seek)"},
		{"rule", func(c *TimeConfig) { c.Rules.SeekModel = "cubic" }, "rules.seek_model must be one of linear, curve"},
	}
	for _, tt := range tests {
		c := timeExample(SATF)
		tt.edit(&c)
		err := c.Validate()
		if err == nil || err.Error() != tt.want {
			t.Errorf("%s: Validate() = %v; want %q", tt.name, err, tt.want)
		}
		if _, err := RunTime(c); err == nil {
			t.Errorf("%s: RunTime accepted an invalid config", tt.name)
		}
	}
}

// On random scenarios: every request once, the times add up, latency is
// under a revolution, SSTF takes a nearest cylinder and SATF a least
// positioning time (checked in the engine's exact units).
func TestTimeProperties(t *testing.T) {
	r := rng.New(4, rng.StreamDisk)
	for range 2000 {
		spt := 1 + r.IntN(40)
		cyl := 1 + r.IntN(300)
		c := TimeConfig{Cylinders: cyl, SectorsPerTrack: spt, RPM: []int{3600, 5400, 7200, 10000, 15000}[r.IntN(5)],
			Head: r.IntN(cyl), Sector: r.IntN(spt), Seek: Seek{Settle: r.IntN(3000), PerCylinder: r.IntN(50)}}
		for range 1 + r.IntN(12) {
			c.Requests = append(c.Requests, TimeRequest{Cylinder: r.IntN(cyl), Sector: r.IntN(spt), Count: 1 + r.IntN(spt)})
		}
		for _, p := range TimePolicies {
			c.Policy = p
			tr, err := RunTime(c)
			if err != nil {
				t.Fatalf("RunTime(%+v): %v", c, err)
			}
			checkTimeTrace(t, c, tr)
		}
	}
}

func checkTimeTrace(t *testing.T, c TimeConfig, tr *TimeTrace) {
	t.Helper()
	rc, _ := c.resolve()
	e := newTimeEngine(rc)
	seen := make([]bool, len(c.Requests))
	h, now, exact := c.Head, 0, 0
	for i, s := range tr.Steps {
		if seen[s.Request] {
			t.Fatalf("RunTime(%+v) services request %d twice", c, s.Request)
		}
		if s.From != h || s.Start != now || s.Start+s.Seek+s.Latency+s.Transfer != s.Done || s.Latency > tr.RotationUs {
			t.Fatalf("RunTime(%+v) step %d = %+v does not add up (head %d, time %d)", c, i, s, h, now)
		}
		bestKey := -1
		for j, q := range rc.Requests {
			if seen[j] {
				continue
			}
			d := abs(q.Cylinder - h)
			key := d
			if c.Policy == SATF {
				key = e.seek[d] + e.latency(exact+e.seek[d], q.Sector)
			}
			if bestKey < 0 || key < bestKey {
				bestKey = key
			}
		}
		q := rc.Requests[s.Request]
		d := abs(q.Cylinder - h)
		key := d
		if c.Policy == SATF {
			key = e.seek[d] + e.latency(exact+e.seek[d], q.Sector)
		}
		if c.Policy != FCFS && key != bestKey {
			t.Fatalf("RunTime(%+v) step %d picked request %d with key %d; the least was %d", c, i, s.Request, key, bestKey)
		}
		exact += e.seek[d] + e.latency(exact+e.seek[d], q.Sector) + q.Count*e.sector
		seen[s.Request] = true
		h, now = q.Cylinder, s.Done
	}
	if tr.Total != now || len(tr.Steps) != len(c.Requests) {
		t.Fatalf("RunTime(%+v) total %d after %d steps; want %d after %d", c, tr.Total, len(tr.Steps), now, len(c.Requests))
	}
}

func TestTimeGolden(t *testing.T) {
	curve := TimeConfig{
		Policy: SSTF, Cylinders: 200, SectorsPerTrack: 12, RPM: 7200, Head: 100, Sector: 3, Direction: Down,
		Seek:     Seek{Curve: [][]int{{1, 1000}, {10, 2500}, {50, 5000}, {199, 9000}}},
		Rules:    TimeRules{SeekModel: SeekCurve},
		Requests: []TimeRequest{{Cylinder: 90}, {Cylinder: 110, Sector: 6}, {Cylinder: 150, Sector: 11, Count: 3}, {Cylinder: 100, Sector: 4}},
	}
	satfCurve := curve
	satfCurve.Policy = SATF
	for _, tt := range []struct {
		name string
		c    TimeConfig
	}{{"time-fcfs", timeExample(FCFS)}, {"time-sstf", timeExample(SSTF)}, {"time-satf", timeExample(SATF)}, {"time-curve-sstf", curve}, {"time-curve-satf", satfCurve}} {
		t.Run(tt.name, func(t *testing.T) {
			tr, err := RunTime(tt.c)
			if err != nil {
				t.Fatal(err)
			}
			golden.JSON(t, tt.name, tr)
			var b bytes.Buffer
			if err := tr.WriteTable(&b); err != nil {
				t.Fatal(err)
			}
			golden.Bytes(t, tt.name+".txt", b.Bytes())
		})
	}
}
