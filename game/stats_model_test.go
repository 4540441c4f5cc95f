package game

import (
	"testing"

	"github.com/osarena/osarena/netcode"
	"github.com/osarena/osarena/sim/quiz"
)

func TestBucketOf(t *testing.T) {
	const today = 1000
	tests := []struct {
		rg   statRange
		day  int32
		want int
	}{
		{rangeDays, today, 13},
		{rangeDays, today - 1, 12},
		{rangeDays, today - 13, 0},
		{rangeDays, today - 14, -1},
		{rangeDays, today + 1, -1}, // a day after today (a clock set back)
		{rangeWeeks, today, 11},
		{rangeWeeks, today - 6, 11},
		{rangeWeeks, today - 7, 10},
		{rangeWeeks, today - 83, 0},
		{rangeWeeks, today - 84, -1},
	}
	for _, tt := range tests {
		if got := tt.rg.bucketOf(tt.day, today); got != tt.want {
			t.Errorf("%s.bucketOf(today%+d) = %d; want %d", tt.rg.name, tt.day-today, got, tt.want)
		}
	}
	for _, rg := range []statRange{rangeDays, rangeWeeks} {
		for i := range rg.buckets {
			if got := rg.bucketOf(rg.firstDay(i, today), today); got != i {
				t.Errorf("%s: bucketOf(firstDay(%d)) = %d; want %d", rg.name, i, got, i)
			}
		}
	}
}

func TestTimeScale(t *testing.T) {
	tests := []struct {
		maxMs float64
		want  float64
	}{
		{0, 5}, {4200, 5}, {5000, 5}, {5001, 10}, {13_400, 15}, {29_000, 30}, {44_000, 45},
		{61_000, 90}, {120_000, 120}, {121_000, 180}, {180_000, 180}, {250_000, 300},
	}
	for _, tt := range tests {
		if got := timeScale(tt.maxMs); got != tt.want {
			t.Errorf("timeScale(%v) = %v; want %v", tt.maxMs, got, tt.want)
		}
	}
}

func TestCardOf(t *testing.T) {
	tests := []struct{ topic, want quiz.Topic }{
		{quiz.TopicReplace, quiz.TopicReplace}, {quiz.TopicWSet, quiz.TopicReplace},
		{quiz.TopicTLB, quiz.TopicPaging}, {quiz.TopicEAT, quiz.TopicPaging}, {quiz.TopicPageWalk, quiz.TopicPaging},
		{quiz.TopicSegment, quiz.TopicMalloc}, {quiz.TopicRelocation, quiz.TopicMalloc},
		{quiz.TopicDisk, quiz.TopicDisk}, {quiz.TopicRAID, quiz.TopicRAID},
		{quiz.TopicFreeSpace, quiz.TopicFileBlock}, {"nope", ""},
	}
	for _, tt := range tests {
		if got := cardOf(tt.topic); got != tt.want {
			t.Errorf("cardOf(%q) = %q; want %q", tt.topic, got, tt.want)
		}
	}
	for _, topic := range quiz.Topics() {
		if cardOf(topic) == "" {
			t.Errorf("cardOf(%q) = \"\": every quiz topic belongs to a card", topic)
		}
	}
}

func TestBuildSeriesAndRanking(t *testing.T) {
	const today = 2000
	solo := history{}
	solo.record(quiz.TopicReplace, dayStat{Day: today, Asked: 5, Answered: 5, Correct: 4, Credit: 4000, Ms: 20000})
	solo.record(quiz.TopicWSet, dayStat{Day: today, Asked: 1, Answered: 1, Correct: 1, Credit: 1000, Ms: 2000})
	solo.record(quiz.TopicReplace, dayStat{Day: today - 20, Asked: 5, Answered: 5, Credit: 0, Ms: 5000}) // outside 14 days
	solo.record(quiz.TopicDisk, dayStat{Day: today - 3, Asked: 6, Answered: 6, Correct: 3, Credit: 3000, Ms: 60000})
	match := serverHistory([]netcode.StatLine{
		{Topic: "tlb", Day: today - 1, Asked: 10, Answered: 9, Correct: 9, Credit: 9500, ElapsedMs: 45000},
		{Topic: "raid", Day: today, Asked: 2, Answered: 2, Correct: 0, Credit: 0, ElapsedMs: 8000},
		{Topic: "unknown", Day: today, Asked: 3},
	})
	ss := buildSeries([nSources]history{solo, match}, rangeDays, today)
	if len(ss) != len(topics) {
		t.Fatalf("buildSeries gave %d cards; want %d", len(ss), len(topics))
	}
	byCard := map[quiz.Topic]*series{}
	for i := range ss {
		byCard[ss[i].card] = &ss[i]
	}
	rp := byCard[quiz.TopicReplace]
	if got := rp.buckets[srcSolo][13]; got.Asked != 6 || got.Correct != 5 || got.Ms != 22000 {
		t.Errorf("replace today (solo) = %+v; want 6 asked (replace and wset), 5 correct, 22000 ms", got)
	}
	if got := rp.total[srcSolo].Asked; got != 6 {
		t.Errorf("replace solo total asked = %d; want 6 (the day 20 days ago is outside the range)", got)
	}
	if got := byCard[quiz.TopicPaging].buckets[srcMatch][12]; got.Asked != 10 || got.meanMs() != 5000 || got.accuracy() != 0.95 {
		t.Errorf("paging yesterday (match) = %+v, mean %v ms, accuracy %v; want 10 asked, 5000 ms, 0.95", got, got.meanMs(), got.accuracy())
	}
	if got := byCard[quiz.TopicPaging].total[srcSolo].Asked; got != 0 {
		t.Errorf("paging solo asked = %d; want 0", got)
	}
	// Ranked (≥ 5 questions): paging 95%, replace 83%, disk 50%; raid has 2.
	best, next := ranked(ss)
	if best < 0 || ss[best].card != quiz.TopicPaging || next < 0 || ss[next].card != quiz.TopicDisk {
		t.Errorf("ranked = %d, %d; want paging (best) and disk (next)", best, next)
	}
	// Nothing ranked yet: the first card not tried is next.
	few := history{}
	few.record(quiz.TopicReplace, dayStat{Day: today, Asked: 2})
	best, next = ranked(buildSeries([nSources]history{few, nil}, rangeDays, today))
	if best != -1 || next != 1 {
		t.Errorf("ranked with two questions = %d, %d; want -1 and 1 (paging, the first not tried)", best, next)
	}
}

func TestAggMeans(t *testing.T) {
	tests := []struct {
		a        agg
		acc, avg float64
	}{
		{agg{}, 0, 0},
		{agg{Asked: 4, Answered: 2, Correct: 1, Credit: 1500, Ms: 9000}, 0.375, 4500},
		{agg{Asked: 3, Answered: 0, Credit: 0}, 0, 0},
	}
	for _, tt := range tests {
		if acc, avg := tt.a.accuracy(), tt.a.meanMs(); acc != tt.acc || avg != tt.avg {
			t.Errorf("%+v: accuracy %v, mean %v ms; want %v, %v", tt.a, acc, avg, tt.acc, tt.avg)
		}
	}
}
