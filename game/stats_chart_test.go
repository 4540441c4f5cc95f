package game

import (
	"math"
	"testing"

	"github.com/osarena/osarena/sim/quiz"
)

func TestChartScaling(t *testing.T) {
	rg := statRange{"test", 4, 1}
	s := series{card: quiz.TopicReplace}
	s.buckets[srcSolo] = []agg{
		{}, // not played
		{Asked: 2, Answered: 2, Credit: 1000, Ms: 15000}, // 50%, 7.5 s
		{Asked: 3, Answered: 3, Credit: 0, Ms: 3000},     // all wrong, 1 s
		{Asked: 1, Answered: 1, Correct: 1, Credit: 1000, Ms: 12000},
	}
	s.buckets[srcMatch] = []agg{{}, {}, {}, {Asked: 4, Answered: 2, Correct: 3, Credit: 3000, Ms: 4000}}
	for src := range nSources {
		for _, a := range s.buckets[src] {
			s.total[src].add(a)
		}
	}
	r := Rect{100, 50, 446, 246}
	acc := accuracyChart(r, &s, rg, 1000, quiz.English)
	p := acc.plot
	if p != (Rect{140, 76, 400, 200}) {
		t.Fatalf("plot area = %+v; want {140 76 400 200}", p)
	}
	const slotW = 100 // 400 px over 4 buckets
	tests := []struct {
		src    source
		bucket int
		h      float64
	}{
		{srcSolo, 0, 0}, {srcSolo, 1, 100}, {srcSolo, 2, 2}, {srcSolo, 3, 200}, {srcMatch, 2, 0}, {srcMatch, 3, 150},
	}
	for _, tt := range tests {
		b := acc.bars[tt.src][tt.bucket]
		if b.H != tt.h {
			t.Errorf("accuracy bar (source %d, bucket %d) is %v px high; want %v", tt.src, tt.bucket, b.H, tt.h)
		}
		if b.H > 0 && (b.Bottom() != p.Bottom() || b.X < p.X+float64(tt.bucket)*slotW || b.Right() > p.X+float64(tt.bucket+1)*slotW) {
			t.Errorf("accuracy bar (source %d, bucket %d) = %+v; want it standing on %v inside its slot", tt.src, tt.bucket, b, p.Bottom())
		}
	}
	if solo, match := acc.bars[srcSolo][3], acc.bars[srcMatch][3]; solo.Right() > match.X {
		t.Errorf("solo bar %+v overlaps or follows the match bar %+v; want solo left of match", solo, match)
	}

	tc := timeChart(r, &s, rg, 1000, quiz.English)
	// The largest mean is 12 s: the axis tops out at 15 s, 200 px above y 276.
	if got := []string{tc.ticks[0].label, tc.ticks[1].label, tc.ticks[2].label}; got[0] != "0" || got[1] != "7.5 s" || got[2] != "15 s" {
		t.Errorf("time axis labels = %v; want [0 7.5 s 15 s]", got)
	}
	y := func(sec float64) float64 { return 276 - sec/15*200 }
	pts := []struct {
		src    source
		bucket int
		ok     bool
		y      float64
	}{
		{srcSolo, 0, false, 0}, {srcSolo, 1, true, y(7.5)}, {srcSolo, 2, true, y(1)}, {srcSolo, 3, true, y(12)},
		{srcMatch, 3, true, y(2)},
	}
	for _, tt := range pts {
		pt := tc.pts[tt.src][tt.bucket]
		if pt.ok != tt.ok || (tt.ok && (math.Abs(pt.y-tt.y) > 1e-9 || pt.x != p.X+float64(tt.bucket)*slotW+slotW/2)) {
			t.Errorf("time point (source %d, bucket %d) = %+v; want ok %v at y %v, x centred in its slot", tt.src, tt.bucket, pt, tt.ok, tt.y)
		}
	}
	if !timeChart(r, &series{buckets: [nSources][]agg{make([]agg, 4), make([]agg, 4)}}, rg, 1000, quiz.Korean).empty {
		t.Errorf("timeChart of no answers is not marked empty")
	}
	if got := tc.xl; got[1] != "today" {
		t.Errorf("x labels = %v; want the last to be today", got)
	}
	m, d := dayDate(997)
	if got := acc.xl[0]; got != msgDateShort.f(quiz.English, m, d) {
		t.Errorf("first x label = %q; want the date of day 997 (%d/%d)", got, m, d)
	}
}
