package mem

import (
	"bytes"
	"strings"
	"testing"

	"github.com/osarena/osarena/sim/field"
	"github.com/osarena/osarena/sim/internal/golden"
	"github.com/osarena/osarena/sim/rng"
)

func TestTranslate(t *testing.T) {
	tests := []struct {
		name        string
		base, limit int
		rule        string
		va          int
		wantPA      int
		wantOK      bool
	}{
		// Silberschatz, dynamic relocation using a relocation register: 14000 + 346.
		{"textbook", 14000, 3000, "", 346, 14346, true},
		{"first byte", 14000, 3000, "", 0, 14000, true},
		{"last byte", 14000, 3000, "", 2999, 16999, true},
		{"at the limit traps", 14000, 3000, "", 3000, -1, false},
		{"past the limit traps", 14000, 3000, "", 7000, -1, false},
		{"base 0", 0, 1, "", 0, 0, true},
		{"limit 1 traps at 1", 0, 1, "", 1, -1, false},
		// rules.limit end: the limit register holds the partition's physical end.
		{"end: inside", 300040, 420940, LimitEnd, 120899, 420939, true},
		{"end: at the end traps", 300040, 420940, LimitEnd, 120900, -1, false},
		{"end: read as a size it would pass", 300040, 420940, LimitEnd, 200000, -1, false},
	}
	for _, tc := range tests {
		c := RelocationConfig{Base: tc.base, Limit: tc.limit, Addresses: []int{tc.va}, Rules: RelocationRules{Limit: tc.rule}}
		tr, err := RunRelocation(c)
		if err != nil {
			t.Fatalf("%s: RunRelocation(%+v): %v", tc.name, c, err)
		}
		got := tr.Results[0]
		want := Translation{VA: tc.va, Valid: tc.wantOK, PA: Nullable(tc.wantPA)}
		if got != want {
			t.Errorf("%s: RunRelocation(base %d, limit %d, %s).Results[0] = %+v; want %+v", tc.name, tc.base, tc.limit, tr.Rules.Limit, got, want)
		}
		if wantTraps := map[bool]int{true: 0, false: 1}[tc.wantOK]; tr.Traps != wantTraps {
			t.Errorf("%s: Traps = %d; want %d", tc.name, tr.Traps, wantTraps)
		}
	}
}

func TestRelocationValidate(t *testing.T) {
	tests := []struct {
		name      string
		c         RelocationConfig
		wantField string
		wantMsg   string // part of the message
	}{
		{"limit larger than memory", RelocationConfig{Base: 0, Limit: 5000, Memory: 4096, Addresses: []int{1}}, "limit", "must be at most 4096"},
		{"limit past memory after base", RelocationConfig{Base: 1000, Limit: 3200, Memory: 4096, Addresses: []int{1}}, "limit", "memory 4096 − base 1000"},
		{"end limit past memory", RelocationConfig{Base: 1000, Limit: 5000, Memory: 4096, Addresses: []int{1}, Rules: RelocationRules{Limit: LimitEnd}}, "limit", "at most memory (4096)"},
		{"end limit below base", RelocationConfig{Base: 1000, Limit: 1000, Addresses: []int{1}, Rules: RelocationRules{Limit: LimitEnd}}, "limit", "base+1 (1001)"},
		{"base outside memory", RelocationConfig{Base: 4096, Limit: 1, Memory: 4096, Addresses: []int{1}}, "base", "between 0 and 4095"},
		{"negative base", RelocationConfig{Base: -1, Limit: 1, Addresses: []int{1}}, "base", "between 0"},
		{"zero limit", RelocationConfig{Base: 0, Limit: 0, Addresses: []int{1}}, "limit", "between 1"},
		{"negative memory", RelocationConfig{Base: 0, Limit: 1, Memory: -5, Addresses: []int{1}}, "memory", "between 1"},
		{"no addresses", RelocationConfig{Base: 0, Limit: 10}, "addresses", "between 1 and"},
		{"negative address", RelocationConfig{Base: 0, Limit: 10, Addresses: []int{1, -2}}, "addresses[1]", "between 0"},
		{"huge address", RelocationConfig{Base: 0, Limit: 10, Addresses: []int{MaxAddress + 1}}, "addresses[0]", "between 0"},
		{"unknown rule", RelocationConfig{Base: 0, Limit: 10, Addresses: []int{1}, Rules: RelocationRules{Limit: "bytes"}}, "rules.limit", "size, end"},
	}
	for _, tc := range tests {
		_, err := RunRelocation(tc.c)
		fe, ok := field.As(err)
		if !ok {
			t.Errorf("%s: RunRelocation(%+v) error = %v; want a field error on %s", tc.name, tc.c, err, tc.wantField)
			continue
		}
		if fe.Field != tc.wantField || !strings.Contains(fe.Msg, tc.wantMsg) {
			t.Errorf("%s: RunRelocation error = %q; want field %s with %q", tc.name, err, tc.wantField, tc.wantMsg)
		}
		if tc.c.Validate() == nil {
			t.Errorf("%s: Validate() = nil; want %v", tc.name, err)
		}
	}
}

// TestRelocationProperties checks, over random valid scenarios, that an
// address is valid exactly when its physical address lies inside the
// partition the registers describe, and that memory bounds every valid one.
func TestRelocationProperties(t *testing.T) {
	r := rng.New(3, rng.StreamMemory)
	for range 5000 {
		memory := 1 + r.IntN(1<<20)
		base := r.IntN(memory)
		c := RelocationConfig{Base: base, Memory: memory}
		lo, hi := base, 0 // the partition is [lo, hi)
		if r.IntN(2) == 0 {
			c.Limit = 1 + r.IntN(memory-base)
			hi = base + c.Limit
		} else {
			c.Rules.Limit = LimitEnd
			c.Limit = base + 1 + r.IntN(memory-base)
			hi = c.Limit
		}
		for range 20 {
			c.Addresses = append(c.Addresses, r.IntN(2*memory))
		}
		tr, err := RunRelocation(c)
		if err != nil {
			t.Fatalf("RunRelocation(%+v): %v", c, err)
		}
		traps := 0
		for _, res := range tr.Results {
			inside := lo+res.VA < hi
			if res.Valid != inside {
				t.Fatalf("RunRelocation(%+v): va %d valid = %v; want %v", c, res.VA, res.Valid, inside)
			}
			if res.Valid && (int(res.PA) != base+res.VA || int(res.PA) >= memory) {
				t.Fatalf("RunRelocation(%+v): va %d → pa %d; want %d inside memory %d", c, res.VA, res.PA, base+res.VA, memory)
			}
			if pa, ok := c.Translate(res.VA); ok != res.Valid || ok && pa != int(res.PA) {
				t.Fatalf("%+v.Translate(%d) = %d, %v; want the trace's %d, %v", c, res.VA, pa, ok, res.PA, res.Valid)
			}
			if !res.Valid {
				traps++
				if res.PA != Null {
					t.Fatalf("RunRelocation(%+v): trapped va %d has pa %d; want null", c, res.VA, res.PA)
				}
			}
		}
		if tr.Traps != traps {
			t.Fatalf("RunRelocation(%+v).Traps = %d; want %d", c, tr.Traps, traps)
		}
	}
}

func TestRelocationGolden(t *testing.T) {
	for _, tc := range []struct {
		name string
		c    RelocationConfig
	}{
		{"relocation", RelocationConfig{Base: 14000, Limit: 3000, Memory: 65536, Addresses: []int{0, 346, 2999, 3000, 7000}}},
		{"relocation-end", RelocationConfig{Base: 300040, Limit: 420940, Addresses: []int{0, 120899, 120900, 300040}, Rules: RelocationRules{Limit: LimitEnd}}},
	} {
		tr, err := RunRelocation(tc.c)
		if err != nil {
			t.Fatalf("RunRelocation(%s): %v", tc.name, err)
		}
		golden.JSON(t, tc.name, tr)
		var b bytes.Buffer
		if err := tr.WriteTable(&b); err != nil {
			t.Fatalf("WriteTable(%s): %v", tc.name, err)
		}
		golden.Bytes(t, tc.name+".txt", b.Bytes())
	}
}

func TestRegisters(t *testing.T) {
	tests := []struct {
		c    RelocationConfig
		want Registers
	}{
		{RelocationConfig{Base: 14000, Limit: 3000}, Registers{14000, 3000}},
		{RelocationConfig{Base: 14000, Limit: 3000, Rules: RelocationRules{Limit: LimitSize}}, Registers{14000, 3000}},
		{RelocationConfig{Base: 300040, Limit: 420940, Rules: RelocationRules{Limit: LimitEnd}}, Registers{300040, 120900}},
	}
	for _, tc := range tests {
		if got := tc.c.Registers(); got != tc.want {
			t.Errorf("%+v.Registers() = %+v; want %+v", tc.c, got, tc.want)
		}
	}
	if pa, ok := (Registers{Base: 100, Size: 10}).Translate(-1); ok || pa != -1 {
		t.Errorf("Registers{100, 10}.Translate(-1) = %d, %v; want -1, false", pa, ok)
	}
}
