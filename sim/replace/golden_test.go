package replace

import (
	"bytes"
	"testing"

	"github.com/osarena/osarena/sim/internal/golden"
)

var textbookRefs = []int{7, 0, 1, 2, 0, 3, 0, 4, 2, 3, 0, 3, 2, 1, 2, 0, 1, 7, 0, 1}

// Golden traces pin every policy step by step on the textbook string (with
// writes, so dirty bits and write-backs show), plus the rule variants.
func TestGoldenTraces(t *testing.T) {
	writes := make([]bool, len(textbookRefs))
	for _, i := range []int{1, 4, 9, 13} {
		writes[i] = true
	}
	tests := []struct {
		name string
		c    Config
	}{
		{"fifo", Config{Policy: FIFO, Frames: 3, Refs: textbookRefs}},
		{"lru", Config{Policy: LRU, Frames: 3, Refs: textbookRefs}},
		{"lfu", Config{Policy: LFU, Frames: 3, Refs: textbookRefs}},
		{"lfu-fifo-tie", Config{Policy: LFU, Frames: 3, Refs: textbookRefs, Rules: Rules{CountTie: CountTieFIFO}}},
		{"mfu", Config{Policy: MFU, Frames: 3, Refs: textbookRefs}},
		{"mru", Config{Policy: MRU, Frames: 3, Refs: textbookRefs}},
		{"opt", Config{Policy: OPT, Frames: 3, Refs: textbookRefs}},
		{"opt-latest-loaded", Config{Policy: OPT, Frames: 4, Refs: []int{1, 2, 3, 4, 5, 1}, Rules: Rules{OptTie: TieLatestLoaded}}},
		{"clock", Config{Policy: Clock, Frames: 3, Refs: textbookRefs}},
		{"clock-ref-0", Config{Policy: Clock, Frames: 3, Refs: textbookRefs, Rules: Rules{RefOnLoad: RefOnLoadClear}}},
		{"eclock", Config{Policy: EClock, Frames: 3, Refs: textbookRefs, Writes: writes}},
		{"random", Config{Policy: Random, Frames: 3, Refs: textbookRefs, Seed: 7}},
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

func TestOPTTieRules(t *testing.T) {
	// With 4 frames, 1..4 fill them; at 5, pages 2, 3 and 4 are never used
	// again (1 is), so the tie rule alone picks the victim.
	refs := []int{1, 2, 3, 4, 5, 1}
	tests := []struct {
		rule string
		want Nullable
	}{
		{TieLowestFrame, 2},
		{TieEarliestLoaded, 2},
		{TieLatestLoaded, 4},
	}
	for _, tt := range tests {
		tr, err := Run(Config{Policy: OPT, Frames: 4, Refs: refs, Rules: Rules{OptTie: tt.rule}})
		if err != nil {
			t.Fatal(err)
		}
		if got := tr.Steps[4].Victim; got != tt.want {
			t.Errorf("OPT opt_tie=%s victim at 5 = %d; want %d", tt.rule, got, tt.want)
		}
	}
}

func TestValidate(t *testing.T) {
	ok := Config{Policy: LRU, Frames: 3, Refs: []int{1, 2}}
	tests := []struct {
		name string
		edit func(*Config)
		want string
	}{
		{"no policy", func(c *Config) { c.Policy = "" }, "policy is required (one of fifo, lru, lfu, mfu, mru, opt, clock, eclock, random)"},
		{"bad policy", func(c *Config) { c.Policy = "lifo" }, "policy must be one of fifo, lru, lfu, mfu, mru, opt, clock, eclock, random"},
		{"no frames", func(c *Config) { c.Frames = 0 }, "frames must be between 1 and 64"},
		{"many frames", func(c *Config) { c.Frames = 65 }, "frames must be between 1 and 64"},
		{"no refs", func(c *Config) { c.Refs = nil }, "refs must have between 1 and 100000 elements"},
		{"negative page", func(c *Config) { c.Refs = []int{1, -1} }, "refs[1] must be between 0 and 999999"},
		{"writes length", func(c *Config) { c.Writes = []bool{true} }, "writes must have one entry per reference (2), or be left out"},
		{"bad rule", func(c *Config) { c.Rules.CountTie = "random" }, "rules.count_tie must be one of lru, fifo"},
	}
	for _, tt := range tests {
		c := ok
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

func TestAllocate(t *testing.T) {
	procs := []Process{{Size: 10, Priority: 1}, {Size: 127, Priority: 3}}
	tests := []struct {
		scheme, remainder string
		frames            int
		want              []int
		free              int
	}{
		{SchemeEqual, "", 62, []int{31, 31}, 0},
		{SchemeProportional, "", 62, []int{4, 57}, 1},                       // Silberschatz's example
		{SchemeProportional, RemainderLargestFraction, 62, []int{5, 57}, 0}, // 4.53 has the larger fraction
		{SchemePriority, "", 62, []int{15, 46}, 1},                          // 62/4 = 15.5, 46.5
		{SchemePriority, RemainderLargestFraction, 62, []int{16, 46}, 0},    // equal fractions: the earlier process
		{SchemeEqual, "", 93, []int{46, 46}, 1},
	}
	for _, tt := range tests {
		c := AllocConfig{Frames: tt.frames, Scheme: tt.scheme, Processes: procs, Rules: AllocRules{Remainder: tt.remainder}}
		a, err := Allocate(c)
		if err != nil {
			t.Fatalf("Allocate(%+v): %v", c, err)
		}
		var got []int
		for _, s := range a.Shares {
			got = append(got, s.Frames)
		}
		if len(got) != len(tt.want) || got[0] != tt.want[0] || got[1] != tt.want[1] || a.Free != tt.free {
			t.Errorf("Allocate(%s, %s, %d frames) = %v free %d; want %v free %d", tt.scheme, tt.remainder, tt.frames, got, a.Free, tt.want, tt.free)
		}
	}
}
