package disk

import (
	"encoding/json"
	"testing"
)

func TestValidate(t *testing.T) {
	ok := Config{Policy: SCAN, Cylinders: 200, Head: 53, Direction: Up, Requests: []Request{{Cylinder: 98}, {Cylinder: 183, Arrival: 4}}}
	tests := []struct {
		name string
		edit func(*Config)
		want string
	}{
		{"no policy", func(c *Config) { c.Policy = "" }, "policy is required (one of fcfs, sstf, scan, cscan, look, clook, nscan, fscan)"},
		{"bad policy", func(c *Config) { c.Policy = "elevator" }, "policy must be one of fcfs, sstf, scan, cscan, look, clook, nscan, fscan"},
		{"no cylinders", func(c *Config) { c.Cylinders = 0 }, "cylinders must be between 1 and 131072"},
		{"head off disk", func(c *Config) { c.Head = 200 }, "head must be between 0 and 199"},
		{"no direction", func(c *Config) { c.Direction = "" }, "direction is required (one of up, down)"},
		{"bad direction", func(c *Config) { c.Direction = "left" }, "direction must be one of up, down"},
		{"bad fcfs direction", func(c *Config) { c.Policy, c.Direction = FCFS, "left" }, "direction must be one of up, down"},
		{"no requests", func(c *Config) { c.Requests = nil }, "requests must have between 1 and 1048576 elements"},
		{"request off disk", func(c *Config) { c.Requests[0].Cylinder = 200 }, "requests[0] must be between 0 and 199"},
		{"timed request off disk", func(c *Config) { c.Requests[1].Cylinder = -1 }, "requests[1].cylinder must be between 0 and 199"},
		{"negative arrival", func(c *Config) { c.Requests[1].Arrival = -4 }, "requests[1].arrival must be between 0 and 4294967296"},
		{"n without nscan", func(c *Config) { c.N = 3 }, "n is only used by policy nscan; leave it out"},
		{"nscan without n", func(c *Config) { c.Policy = NSCAN }, "n must be between 1 and 1048576"},
		{"service time", func(c *Config) { c.ServiceTime = -1 }, "service_time must be between 0 and 65536"},
		{"bad rule", func(c *Config) { c.Rules.Travel = "wall" }, "rules.scan_travel must be one of edge, last-request"},
		{"bad tie", func(c *Config) { c.Rules.SSTFTie = "higher" }, "rules.sstf_tie must be one of direction, lower"},
		{"bad return", func(c *Config) { c.Rules.Return = "half" }, "rules.return_sweep must be one of counted, not-counted"},
	}
	for _, tt := range tests {
		c := ok
		c.Requests = append([]Request(nil), ok.Requests...)
		tt.edit(&c)
		err := c.Validate()
		if err == nil || err.Error() != tt.want {
			t.Errorf("%s: Validate() = %v; want %q", tt.name, err, tt.want)
		}
		if _, err := Run(c); err == nil {
			t.Errorf("%s: Run accepted an invalid config", tt.name)
		}
	}
	if err := ok.Validate(); err != nil {
		t.Errorf("Validate(%+v) = %v; want nil", ok, err)
	}
}

// Requests decode from a bare cylinder or an object; a malformed element is
// reported by Validate under its own path.
func TestRequestJSON(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{`[98,{"cylinder":183,"arrival":40}]`, ""},
		{`[98,{"cylinder":183,"arival":40}]`, "requests[1].arival is not a known field"},
		{`[98,{"arrival":40}]`, "requests[1].cylinder is required"},
		{`[98,{"cylinder":"x"}]`, "requests[1].cylinder must be a whole number"},
		{`[98,{"cylinder":1,"arrival":1.5}]`, "requests[1].arrival must be a whole number"},
		{`[98,"x"]`, `requests[1] must be a cylinder number or an object {"cylinder":c,"arrival":t}`},
		{`[98,null]`, `requests[1] must be a cylinder number or an object {"cylinder":c,"arrival":t}`},
		{`[98,{"cylinder":300}]`, "requests[1].cylinder must be between 0 and 199"},
	}
	for _, tt := range tests {
		var rs []Request
		if err := json.Unmarshal([]byte(tt.in), &rs); err != nil {
			t.Fatalf("Unmarshal(%s): %v", tt.in, err)
		}
		c := Config{Policy: FCFS, Cylinders: 200, Requests: rs}
		err := c.Validate()
		if got := ""; err != nil || tt.want != "" {
			if err != nil {
				got = err.Error()
			}
			if got != tt.want {
				t.Errorf("Validate(requests %s) = %q; want %q", tt.in, got, tt.want)
			}
		}
	}
	b, err := json.Marshal([]Request{{Cylinder: 98}, {Cylinder: 183, Arrival: 40}})
	if want := `[98,{"cylinder":183,"arrival":40}]`; err != nil || string(b) != want {
		t.Errorf("Marshal(requests) = %s, %v; want %s", b, err, want)
	}
}
