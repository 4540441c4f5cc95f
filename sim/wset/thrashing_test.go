package wset

import (
	"math/big"
	"strings"
	"testing"

	"github.com/osarena/osarena/sim/internal/golden"
	"github.com/osarena/osarena/sim/rng"
)

func TestThrashingTextbookCurve(t *testing.T) {
	// While the working sets fit, U(n) = 1 − p^n: with p = 0.8,
	// 20%, 36%, 48.8%, 59.04%, 67.232%, 73.7856%.
	var c ThrashingConfig
	loadExample(t, "thrashing", &c)
	tr, err := RunThrashing(c)
	if err != nil {
		t.Fatal(err)
	}
	want := []int{200, 360, 488, 590, 672, 738}
	for i, w := range want {
		if got := tr.Degrees[i].Utilization; got != w || !tr.Degrees[i].Fits {
			t.Errorf("RunThrashing(example).Degrees[%d].Utilization = %d (fits %v); want %d (fits)", i, got, tr.Degrees[i].Fits, w)
		}
	}
	if tr.Knee != 6 || tr.FitsUntil != 6 {
		t.Errorf("RunThrashing(example) knee %d fits until %d; want 6, 6", tr.Knee, tr.FitsUntil)
	}
	// n = 7: W = 70, m = 6/70, m·F = 60/7, bound = 7/60 = 11.67%.
	if d := tr.Degrees[6]; d.Utilization != 117 || d.LimitedBy != "paging" || d.Missing != 86 {
		t.Errorf("RunThrashing(example).Degrees[6] = %+v; want utilization 117 limited by paging, missing 86", d)
	}
}

// exact computes U(n) with rational arithmetic, rounded half up to per-mille,
// as an independent check of the fixed point.
func exact(c ThrashingConfig, n int) int {
	sum := 0
	for _, w := range c.WorkingSets[:n] {
		sum += w
	}
	one := big.NewRat(1, 1)
	p := big.NewRat(int64(c.IOWaitPercent), 100)
	w := new(big.Rat).Quo(p, new(big.Rat).Sub(one, p))
	mf := new(big.Rat)
	if sum > c.Memory {
		mf.SetFrac64(int64(sum-c.Memory)*int64(c.FaultPenalty), int64(sum))
	}
	num := new(big.Rat).Add(w, mf)
	q := new(big.Rat).Quo(num, new(big.Rat).Add(one, num))
	qn := big.NewRat(1, 1)
	for range n {
		qn.Mul(qn, q)
	}
	u := new(big.Rat).Sub(one, qn)
	if mf.Sign() > 0 {
		if b := new(big.Rat).Inv(mf); b.Cmp(u) < 0 {
			u = b
		}
	}
	// round half up to per-mille
	x := new(big.Rat).Mul(u, big.NewRat(1000, 1))
	x.Add(x, big.NewRat(1, 2))
	return int(new(big.Int).Quo(x.Num(), x.Denom()).Int64())
}

// The fixed point agrees with exact arithmetic to within one per-mille
// step (truncation can only lose less than 10^-6 before rounding); U never
// exceeds 100%; the working sets fit exactly up to FitsUntil; the missing
// fraction never falls as processes are added; and the knee is a maximum.
func TestThrashingProperties(t *testing.T) {
	r := rng.New(5, rng.StreamScenario)
	for i := range 2000 {
		c := ThrashingConfig{Memory: 1 + r.IntN(200), IOWaitPercent: r.IntN(100), FaultPenalty: 1 + r.IntN(500)}
		for range 1 + r.IntN(16) {
			c.WorkingSets = append(c.WorkingSets, 1+r.IntN(40))
		}
		tr, err := RunThrashing(c)
		if err != nil {
			t.Fatalf("case %d: RunThrashing(%+v): %v", i, c, err)
		}
		prevMissing := 0
		for k, d := range tr.Degrees {
			if e := exact(c, d.N); d.Utilization < e-1 || d.Utilization > e {
				t.Fatalf("case %d: %+v: U(%d) = %d; exact %d", i, c, d.N, d.Utilization, e)
			}
			if d.Utilization < 0 || d.Utilization > 1000 || d.Utilization > tr.Degrees[tr.Knee-1].Utilization {
				t.Fatalf("case %d: U(%d) = %d with knee %d at %d", i, d.N, d.Utilization, tr.Knee, tr.Degrees[tr.Knee-1].Utilization)
			}
			if d.Fits != (k < tr.FitsUntil) || d.Fits != (d.SumWSS <= c.Memory) {
				t.Fatalf("case %d: degree %d fits %v, sum %d, memory %d, fits until %d", i, d.N, d.Fits, d.SumWSS, c.Memory, tr.FitsUntil)
			}
			if d.Missing < prevMissing {
				t.Fatalf("case %d: missing fell from %d to %d at n = %d", i, prevMissing, d.Missing, d.N)
			}
			prevMissing = d.Missing
		}
	}
}

func TestThrashingValidateErrors(t *testing.T) {
	ws := []int{4}
	tests := []struct {
		c    ThrashingConfig
		want string
	}{
		{ThrashingConfig{Memory: 0, WorkingSets: ws}, "memory must be between 1 and"},
		{ThrashingConfig{Memory: 8}, "working_sets must have between 1 and 64 elements"},
		{ThrashingConfig{Memory: 8, WorkingSets: []int{4, 0}}, "working_sets[1] must be between 1 and"},
		{ThrashingConfig{Memory: 8, WorkingSets: ws, IOWaitPercent: 100}, "io_wait_percent must be between 0 and 99"},
		{ThrashingConfig{Memory: 8, WorkingSets: ws, FaultPenalty: -1}, "fault_penalty must be between 1 and 10000"},
		{ThrashingConfig{Memory: 8, WorkingSets: ws, Rules: ThrashingRules{Model: "x"}}, "rules.model must be one of paging-device"},
	}
	for _, tt := range tests {
		_, err := RunThrashing(tt.c)
		if err == nil || !strings.HasPrefix(err.Error(), tt.want) {
			t.Errorf("RunThrashing(%+v) error = %v; want prefix %q", tt.c, err, tt.want)
		}
	}
}

func TestThrashingGolden(t *testing.T) {
	var c ThrashingConfig
	loadExample(t, "thrashing", &c)
	tr, err := RunThrashing(c)
	if err != nil {
		t.Fatal(err)
	}
	golden.JSON(t, "thrashing", tr)
	var b strings.Builder
	if err := tr.WriteTable(&b); err != nil {
		t.Fatal(err)
	}
	golden.Bytes(t, "thrashing.txt", []byte(b.String()))
}
