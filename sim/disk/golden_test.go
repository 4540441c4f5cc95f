package disk

import (
	"bytes"
	"testing"

	"github.com/osarena/osarena/sim/internal/golden"
)

var textbookQueue = []Request{{Cylinder: 98}, {Cylinder: 183}, {Cylinder: 37}, {Cylinder: 122}, {Cylinder: 14}, {Cylinder: 124}, {Cylinder: 65}, {Cylinder: 67}}

// Golden traces pin every policy step by step on the textbook queue, plus
// the rule variants and a queue with arrivals.
func TestGoldenTraces(t *testing.T) {
	q := textbookQueue
	arrivals := []Request{{Cylinder: 183}, {Cylinder: 98}, {Cylinder: 60, Arrival: 10}, {Cylinder: 45, Arrival: 20}, {Cylinder: 70, Arrival: 30}, {Cylinder: 50, Arrival: 45}, {Cylinder: 14, Arrival: 50}, {Cylinder: 190, Arrival: 400}}
	// F-SCAN leaves 120 (arriving at 20) for its second sweep; SCAN takes it on the way up.
	frozen := []Request{{Cylinder: 98}, {Cylinder: 37}, {Cylinder: 120, Arrival: 20}, {Cylinder: 60, Arrival: 40}, {Cylinder: 150, Arrival: 60}}
	base := func(p Policy, dir string, rs []Request) Config {
		return Config{Policy: p, Cylinders: 200, Head: 53, Direction: dir, Requests: rs}
	}
	with := func(c Config, f func(*Config)) Config { f(&c); return c }
	tests := []struct {
		name string
		c    Config
	}{
		{"fcfs", base(FCFS, "", q)},
		{"sstf", base(SSTF, "", q)},
		{"scan", base(SCAN, Down, q)},
		{"scan-last-request", with(base(SCAN, Down, q), func(c *Config) { c.Rules.Travel = TravelLastRequest })},
		{"cscan", base(CSCAN, Up, q)},
		{"cscan-not-counted", with(base(CSCAN, Up, q), func(c *Config) { c.Rules.Return = ReturnNotCounted })},
		{"look", base(LOOK, Down, q)},
		{"clook", base(CLOOK, Up, q)},
		{"nscan-3", with(base(NSCAN, Down, q), func(c *Config) { c.N = 3 })},
		{"fscan", base(FSCAN, Up, q)},
		{"arrivals-sstf", base(SSTF, Up, arrivals)},
		{"arrivals-scan", base(SCAN, Up, arrivals)},
		{"arrivals-clook-service", with(base(CLOOK, Up, arrivals), func(c *Config) { c.ServiceTime = 5 })},
		{"arrivals-fscan", base(FSCAN, Up, frozen)},
		{"arrivals-scan-unfrozen", base(SCAN, Up, frozen)},
		{"arrivals-nscan-2", with(base(NSCAN, Up, arrivals), func(c *Config) { c.N = 2 })},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tr, err := Run(tt.c)
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
