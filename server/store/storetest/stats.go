package storetest

import (
	"testing"
	"time"

	"github.com/osarena/osarena/server/store"
)

// statsFixture plays three matches; p1's answers (worked out by hand from
// answer) are:
//
//	d1a Mon 10:00 UTC  skill 0  r1 disk ✓ 1000ms  r2 replace ✓ 2000  r3 disk ✓ 3000  r4 replace ✓ 4000
//	d1b Mon 23:30 UTC  skill 1  r1 disk ✓ 2000    r2 replace ½ 3000  r3 disk ✓ 4000
//	d2  Tue 12:00 UTC  skill 0  r1 disk ✓ 1000    r2 replace unanswered
//
// Mon 23:30 UTC is Tue 08:30 in Seoul.
func statsFixture(t *testing.T, s store.Store) (p1, p2 store.Player) {
	ps := players(t, s, 2)
	d1a := finished("d1a", "STATSS", ps, 4, t0)
	d1b := finished("d1b", "STATSS", []store.Player{ps[1], ps[0]}, 3, time.Date(2026, 3, 2, 23, 30, 0, 0, time.UTC))
	d2 := finished("d2", "STATSS", ps[:1], 2, time.Date(2026, 3, 3, 12, 0, 0, 0, time.UTC))
	d2.Answers[1] = store.Answer{Player: ps[0].ID, Round: 2, Family: "replace.victim", Topic: "replace"}
	for _, m := range []store.Match{d1a, d1b, d2} {
		must(t, "FinishMatch", s.FinishMatch(ctx(t), m))
	}
	return ps[0], ps[1]
}

func testStats(t *testing.T, s store.Store) {
	p1, _ := statsFixture(t, s)
	seoul := 9 * time.Hour
	monSeoul, tueSeoul := time.Date(2026, 3, 1, 15, 0, 0, 0, time.UTC), time.Date(2026, 3, 2, 15, 0, 0, 0, time.UTC)
	mon, tue := time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC), time.Date(2026, 3, 3, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		q    store.StatsQuery
		want []store.Stat
	}{
		{store.StatsQuery{Player: p1.ID, By: store.ByTopic}, []store.Stat{
			{Topic: "disk", Asked: 5, Answered: 5, Correct: 5, Credit: 5000, ElapsedMs: 11000},
			{Topic: "replace", Asked: 4, Answered: 3, Correct: 2, Credit: 2500, ElapsedMs: 9000},
		}},
		{store.StatsQuery{Player: p1.ID, By: store.ByDay}, []store.Stat{
			{Topic: "disk", Day: mon, Asked: 4, Answered: 4, Correct: 4, Credit: 4000, ElapsedMs: 10000},
			{Topic: "disk", Day: tue, Asked: 1, Answered: 1, Correct: 1, Credit: 1000, ElapsedMs: 1000},
			{Topic: "replace", Day: mon, Asked: 3, Answered: 3, Correct: 2, Credit: 2500, ElapsedMs: 9000},
			{Topic: "replace", Day: tue, Asked: 1},
		}},
		{store.StatsQuery{Player: p1.ID, By: store.ByDay, UTCOffset: seoul}, []store.Stat{
			{Topic: "disk", Day: monSeoul, Asked: 2, Answered: 2, Correct: 2, Credit: 2000, ElapsedMs: 4000},
			{Topic: "disk", Day: tueSeoul, Asked: 3, Answered: 3, Correct: 3, Credit: 3000, ElapsedMs: 7000},
			{Topic: "replace", Day: monSeoul, Asked: 2, Answered: 2, Correct: 2, Credit: 2000, ElapsedMs: 6000},
			{Topic: "replace", Day: tueSeoul, Asked: 2, Answered: 1, Correct: 0, Credit: 500, ElapsedMs: 3000},
		}},
		{store.StatsQuery{Player: p1.ID, Topic: "replace", By: store.ByMatch}, []store.Stat{
			{Topic: "replace", Match: "d1a", At: t0, Asked: 2, Answered: 2, Correct: 2, Credit: 2000, ElapsedMs: 6000},
			{Topic: "replace", Match: "d1b", At: time.Date(2026, 3, 2, 23, 30, 0, 0, time.UTC), Asked: 1, Answered: 1, Credit: 500, ElapsedMs: 3000},
			{Topic: "replace", Match: "d2", At: time.Date(2026, 3, 3, 12, 0, 0, 0, time.UTC), Asked: 1},
		}},
	}
	for _, tt := range tests {
		got, err := s.Stats(ctx(t), tt.q)
		must(t, "Stats", err)
		same(t, "Stats("+describe(tt.q)+")", got, tt.want)
	}
	got, err := s.Stats(ctx(t), store.StatsQuery{Player: p1.ID, Topic: "replace"})
	must(t, "Stats", err)
	if len(got) != 1 || got[0].Accuracy() != 0.625 || got[0].AvgMs() != 3000 {
		t.Fatalf("Stats(replace) = %+v; want accuracy 0.625 and 3000 ms", got)
	}
}

func describe(q store.StatsQuery) string {
	by := map[store.Bucket]string{store.ByTopic: "by topic", store.ByDay: "by day", store.ByMatch: "by match"}[q.By]
	if q.UTCOffset != 0 {
		by += " at UTC" + q.UTCOffset.String()
	}
	if q.Topic != "" {
		by = q.Topic + " " + by
	}
	return by
}

func testStatsFilters(t *testing.T, s store.Store) {
	p1, p2 := statsFixture(t, s)
	c := ctx(t)
	matches := func(q store.StatsQuery) []string {
		t.Helper()
		q.By = store.ByMatch
		got, err := s.Stats(c, q)
		must(t, "Stats", err)
		var ids []string
		for _, st := range got {
			if st.Topic == "disk" {
				ids = append(ids, st.Match)
			}
		}
		return ids
	}
	same(t, "matches since Mon 12:00", matches(store.StatsQuery{Player: p1.ID, Since: t0.Add(2 * time.Hour)}), []string{"d1b", "d2"})
	same(t, "matches until Tue", matches(store.StatsQuery{Player: p1.ID, Until: time.Date(2026, 3, 3, 0, 0, 0, 0, time.UTC)}), []string{"d1a", "d1b"})
	same(t, "matches since d1a, exactly", matches(store.StatsQuery{Player: p1.ID, Since: t0, Until: t0.Add(time.Millisecond)}), []string{"d1a"})
	same(t, "p2's matches", matches(store.StatsQuery{Player: p2.ID}), []string{"d1a", "d1b"})
	got, err := s.Stats(c, store.StatsQuery{Player: p1.ID, Topic: "tlb"})
	must(t, "Stats(tlb)", err)
	same(t, "Stats(tlb) lines", len(got), 0)
	_, err = s.Stats(c, store.StatsQuery{Player: p1.ID, By: store.Bucket(9)})
	isErr(t, "Stats(bucket 9)", err, store.ErrInvalid)
}
