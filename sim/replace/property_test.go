package replace

import (
	"testing"

	"github.com/osarena/osarena/sim/rng"
)

// randomRefs returns n references over pages 0..pages-1, with locality: half
// the time the next reference repeats one of the last few.
func randomRefs(r *rng.Rand, n, pages int) []int {
	refs := make([]int, n)
	for i := range refs {
		if i > 3 && r.IntN(2) == 0 {
			refs[i] = refs[i-1-r.IntN(3)]
		} else {
			refs[i] = r.IntN(pages)
		}
	}
	return refs
}

func mustCount(t *testing.T, c Config) int {
	t.Helper()
	n, err := Count(c)
	if err != nil {
		t.Fatalf("Count(%+v): %v", c, err)
	}
	return n
}

// OPT is optimal: no policy faults less on any string and frame count.
func TestOPTNeverFaultsMore(t *testing.T) {
	r := rng.New(1, 99)
	for trial := range 3000 {
		refs := randomRefs(r, 5+r.IntN(40), 2+r.IntN(8))
		frames := 1 + r.IntN(6)
		opt := mustCount(t, Config{Policy: OPT, Frames: frames, Refs: refs})
		for _, p := range Policies {
			c := Config{Policy: p, Frames: frames, Refs: refs, Seed: uint64(trial)}
			if got := mustCount(t, c); got < opt {
				t.Fatalf("Count(%s, %d frames, %v) = %d < OPT's %d; OPT must be optimal", p, frames, refs, got, opt)
			}
		}
	}
}

// LRU and OPT are stack algorithms: more frames never fault more.
func TestStackPoliciesHaveNoAnomaly(t *testing.T) {
	r := rng.New(2, 99)
	for range 2000 {
		refs := randomRefs(r, 5+r.IntN(40), 2+r.IntN(9))
		for _, p := range []Policy{LRU, OPT} {
			prev := mustCount(t, Config{Policy: p, Frames: 1, Refs: refs})
			for k := 2; k <= 8; k++ {
				got := mustCount(t, Config{Policy: p, Frames: k, Refs: refs})
				if got > prev {
					t.Fatalf("%s on %v: %d frames fault %d, %d frames fault %d; a stack algorithm must not", p, refs, k-1, prev, k, got)
				}
				prev = got
			}
		}
	}
}

func TestFIFOBeladyAnomaly(t *testing.T) {
	s, err := RunSweep(SweepConfig{Policy: FIFO, Refs: []int{1, 2, 3, 4, 1, 2, 5, 1, 2, 3, 4, 5}})
	if err != nil {
		t.Fatal(err)
	}
	want := []int{12, 12, 9, 10, 5}
	if len(s.Faults) != len(want) {
		t.Fatalf("RunSweep(FIFO, Belady string).Faults = %v; want %v", s.Faults, want)
	}
	for i := range want {
		if s.Faults[i] != want[i] {
			t.Fatalf("RunSweep(FIFO, Belady string).Faults = %v; want %v", s.Faults, want)
		}
	}
	if !s.Anomaly || len(s.Rises) != 1 || s.Rises[0] != (Rise{Frames: 3, Faults: 9, MoreFaults: 10}) {
		t.Errorf("RunSweep(FIFO, Belady string) anomaly = %v %+v; want one rise 3→4 frames, 9→10 faults", s.Anomaly, s.Rises)
	}
	lru, err := RunSweep(SweepConfig{Policy: LRU, Refs: []int{1, 2, 3, 4, 1, 2, 5, 1, 2, 3, 4, 5}})
	if err != nil {
		t.Fatal(err)
	}
	if lru.Anomaly {
		t.Errorf("RunSweep(LRU, Belady string).Anomaly = true (%v); want false", lru.Faults)
	}
}

// Invariants of every trace: hits+faults = references; the referenced page
// is in its frame; no page is in two frames; a victim is named exactly when
// a fault happens with every frame full; the trace agrees with Count.
func TestTraceInvariants(t *testing.T) {
	r := rng.New(3, 99)
	for trial := range 1500 {
		refs := randomRefs(r, 1+r.IntN(30), 1+r.IntN(8))
		writes := make([]bool, len(refs))
		for i := range writes {
			writes[i] = r.IntN(3) == 0
		}
		frames := 1 + r.IntN(5)
		for _, p := range Policies {
			c := Config{Policy: p, Frames: frames, Refs: refs, Writes: writes, Seed: uint64(trial)}
			tr, err := Run(c)
			if err != nil {
				t.Fatalf("Run(%+v): %v", c, err)
			}
			if tr.Hits+tr.Faults != len(refs) {
				t.Fatalf("%s: hits %d + faults %d != %d references", p, tr.Hits, tr.Faults, len(refs))
			}
			if n := mustCount(t, c); n != tr.Faults {
				t.Fatalf("%s on %v: Count = %d, Run.Faults = %d", p, refs, n, tr.Faults)
			}
			full := 0
			for i, s := range tr.Steps {
				if int(s.Frames[s.Frame]) != s.Ref {
					t.Fatalf("%s step %d: frame %d holds %d; want the referenced page %d", p, i, s.Frame, s.Frames[s.Frame], s.Ref)
				}
				seen := map[Nullable]bool{}
				for _, pg := range s.Frames {
					if pg != Null && seen[pg] {
						t.Fatalf("%s step %d: page %d in two frames: %v", p, i, pg, s.Frames)
					}
					seen[pg] = true
				}
				if wantVictim := !s.Hit && full == frames; wantVictim != (s.Victim != Null) {
					t.Fatalf("%s step %d: victim %d with hit=%v and %d/%d frames full", p, i, s.Victim, s.Hit, full, frames)
				}
				if !s.Hit && full < frames {
					if s.Frame != full {
						t.Fatalf("%s step %d: loaded into frame %d; want lowest free frame %d", p, i, s.Frame, full)
					}
					full++
				}
			}
		}
	}
}

func TestLFUCountRules(t *testing.T) {
	// 1 is referenced twice, evicted by 4, and evicts 4 when it comes back.
	// When 4 returns, since-load LFU has counted 1 once and evicts it again;
	// all-time LFU has counted 1 three times, ties it with 2 and 3, and
	// evicts the least recently used of them, 2.
	refs := []int{1, 1, 2, 2, 2, 3, 3, 3, 4, 1, 4}
	tests := []struct {
		count string
		want  []Nullable // victims at the faults with full frames
	}{
		{CountSinceLoad, []Nullable{1, 4, 1}},
		{CountAllTime, []Nullable{1, 4, 2}},
	}
	for _, tt := range tests {
		tr, err := Run(Config{Policy: LFU, Frames: 3, Refs: refs, Rules: Rules{Count: tt.count}})
		if err != nil {
			t.Fatal(err)
		}
		var got []Nullable
		for _, s := range tr.Steps {
			if s.Victim != Null {
				got = append(got, s.Victim)
			}
		}
		if len(got) != len(tt.want) {
			t.Fatalf("LFU count=%s victims = %v; want %v", tt.count, got, tt.want)
		}
		for i := range got {
			if got[i] != tt.want[i] {
				t.Errorf("LFU count=%s victims = %v; want %v", tt.count, got, tt.want)
				break
			}
		}
	}
}
