package game

import (
	"encoding/json"
	"slices"
	"testing"
	"time"

	"github.com/osarena/osarena/sim/quiz"
)

func TestDailyQuestionsAreTheSameForADate(t *testing.T) {
	for _, date := range []string{"2025-06-14", "2026-01-01", "2028-02-29"} {
		a, err := dailyQuestions(date)
		if err != nil {
			t.Fatalf("dailyQuestions(%s) error %v", date, err)
		}
		b, err := dailyQuestions(date)
		if err != nil {
			t.Fatalf("dailyQuestions(%s) second time: error %v", date, err)
		}
		ja, _ := json.Marshal(a)
		jb, _ := json.Marshal(b)
		if string(ja) != string(jb) {
			t.Errorf("dailyQuestions(%s) twice gave different questions", date)
		}
		if len(a) != dailyLength {
			t.Fatalf("dailyQuestions(%s) = %d questions; want %d", date, len(a), dailyLength)
		}
		for i, q := range a {
			if q.Difficulty != dailyDifficulty[i] {
				t.Errorf("dailyQuestions(%s)[%d] difficulty %d; want %d", date, i, q.Difficulty, dailyDifficulty[i])
			}
			// What the test hook reports regenerates the question.
			again, err := quiz.Generate(q.Family, q.Seed, q.Difficulty)
			if err != nil || string(again.Scenario) != string(q.Scenario) || again.Step != q.Step {
				t.Errorf("quiz.Generate(%s, %d, %d) does not give question %d of %s back (%v)", q.Family, q.Seed, q.Difficulty, i, date, err)
			}
		}
	}
}

func TestDailyQuestionsDifferBetweenDates(t *testing.T) {
	key := func(date string) string {
		qs, err := dailyQuestions(date)
		if err != nil {
			t.Fatalf("dailyQuestions(%s) error %v", date, err)
		}
		b, _ := json.Marshal(qs)
		return string(b)
	}
	pairs := [][2]string{{"2025-06-14", "2025-06-15"}, {"2025-12-31", "2026-01-01"}, {"2025-06-14", "2026-06-14"}}
	for _, p := range pairs {
		if key(p[0]) == key(p[1]) {
			t.Errorf("dailyQuestions(%s) = dailyQuestions(%s); want different questions", p[0], p[1])
		}
	}
}

// Every day of a year generates, visiting every chapter and never asking
// the same family twice.
func TestDailyQuestionsEveryDayOfAYear(t *testing.T) {
	day := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	for range 365 {
		date := day.Format(dateLayout)
		qs, err := dailyQuestions(date)
		if err != nil {
			t.Fatalf("dailyQuestions(%s) error %v", date, err)
		}
		var fams []quiz.Family
		var cards []string
		for _, q := range qs {
			if slices.Contains(fams, q.Family) {
				t.Errorf("dailyQuestions(%s) asks %s twice", date, q.Family)
			}
			fams = append(fams, q.Family)
			if c := topicName(q.Topic, quiz.English); !slices.Contains(cards, c) {
				cards = append(cards, c)
			}
		}
		if len(cards) != len(topics) {
			t.Errorf("dailyQuestions(%s) visits %d chapters %v; want all %d", date, len(cards), cards, len(topics))
		}
		day = day.AddDate(0, 0, 1)
	}
}

func TestDailySeed(t *testing.T) {
	tests := []struct {
		date string
		ok   bool
	}{
		{"2025-06-14", true}, {"2025-6-14", false}, {"", false}, {"2025-02-30", false}, {"yesterday", false},
	}
	for _, tt := range tests {
		seed, err := dailySeed(tt.date)
		if (err == nil) != tt.ok {
			t.Errorf("dailySeed(%q) error %v; want ok %v", tt.date, err, tt.ok)
		}
		if seed >= 1<<40 {
			t.Errorf("dailySeed(%q) = %d; want below 2^40", tt.date, seed)
		}
	}
}

func TestDailyDateIsLocal(t *testing.T) {
	seoul := time.FixedZone("KST", 9*3600)
	// 20:00 UTC on 14 June is already 15 June in Seoul.
	at := time.Date(2025, 6, 14, 20, 0, 0, 0, time.UTC)
	if got := dailyDate(at.In(seoul)); got != "2025-06-15" {
		t.Errorf("dailyDate(%v in Seoul) = %s; want 2025-06-15", at, got)
	}
	if got := dailyDate(at); got != "2025-06-14" {
		t.Errorf("dailyDate(%v) = %s; want 2025-06-14", at, got)
	}
}

func TestDailyOnlyTheFirstResultCounts(t *testing.T) {
	var l dailyLog
	kept, first := l.record(dailyResult{Date: "2025-06-14", Score: 3000, Correct: 4, Count: 8, MS: 61000})
	if !first || kept.Score != 3000 || kept.Plays != 1 {
		t.Fatalf("first record = %+v, %v; want score 3000, 1 play, first", kept, first)
	}
	kept, first = l.record(dailyResult{Date: "2025-06-14", Score: 7000, Correct: 8, Count: 8, MS: 30000})
	if first || kept.Score != 3000 || kept.Plays != 2 {
		t.Errorf("replay record = %+v, %v; want the first score 3000 kept, 2 plays, not first", kept, first)
	}
	l.record(dailyResult{Date: "2025-06-12", Score: 100})
	if got := []string{l.Days[0].Date, l.Days[1].Date}; got[0] != "2025-06-12" || got[1] != "2025-06-14" {
		t.Errorf("days in the log = %v; want oldest first", got)
	}
}

func TestDailyStreak(t *testing.T) {
	tests := []struct {
		played []string
		today  string
		want   int
	}{
		{nil, "2025-06-14", 0},
		{[]string{"2025-06-14"}, "2025-06-14", 1},
		{[]string{"2025-06-12", "2025-06-13", "2025-06-14"}, "2025-06-14", 3},
		{[]string{"2025-06-12", "2025-06-13"}, "2025-06-14", 2}, // today not played yet: still alive
		{[]string{"2025-06-11", "2025-06-12"}, "2025-06-14", 0}, // a day missed
		{[]string{"2025-06-10", "2025-06-12", "2025-06-13", "2025-06-14"}, "2025-06-14", 3},
		{[]string{"2025-02-28", "2025-03-01"}, "2025-03-01", 2}, // across a month
		{[]string{"2025-12-31", "2026-01-01"}, "2026-01-01", 2}, // across a year
	}
	for _, tt := range tests {
		var l dailyLog
		for _, d := range tt.played {
			l.record(dailyResult{Date: d})
		}
		if got := l.streak(tt.today); got != tt.want {
			t.Errorf("streak(%s) with %v played = %d; want %d", tt.today, tt.played, got, tt.want)
		}
	}
}

func TestDailyLogSurvivesBadStorage(t *testing.T) {
	tests := []struct {
		stored string
		want   []string
	}{
		{"", nil},
		{"not json", nil},
		{`{"days":[{"date":"2025-06-14","score":5},{"date":"junk"},{"date":"2025-06-13"},{"date":"2025-06-14","score":9}]}`,
			[]string{"2025-06-13", "2025-06-14"}},
	}
	for _, tt := range tests {
		storageSet(dailyKey, tt.stored)
		l := loadDailyLog()
		var got []string
		for _, d := range l.Days {
			got = append(got, d.Date)
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("loadDailyLog from %q = %v; want %v", tt.stored, got, tt.want)
		}
	}
	storageSet(dailyKey, "")
}

// playDaily plays date's challenge, answering every question after 3 s,
// rightly when right, and records it as the summary does.
func playDaily(t *testing.T, date string, right bool) (*round, *dailyOutcome) {
	t.Helper()
	now := time.Date(2025, 6, 14, 9, 0, 0, 0, time.UTC)
	r, err := newDailyRound(date, now)
	if err != nil {
		t.Fatalf("newDailyRound(%s) error %v", date, err)
	}
	if !r.timed || r.daily != date || len(r.qs) != dailyLength {
		t.Fatalf("newDailyRound(%s) = timed %v, daily %q, %d questions; want timed, %s, %d", date, r.timed, r.daily, len(r.qs), date, dailyLength)
	}
	for i, q := range r.qs {
		if r.phase == phaseAdvance {
			now = now.Add(maxAdvance + time.Millisecond)
			r.tick(now) // the steps before the checkpoint have played
		}
		if r.phase != phaseAsk || r.i != i {
			t.Fatalf("question %d: phase %s index %d; want ask %d", i, phaseNames[r.phase], r.i, i)
		}
		v := slices.Clone(q.Answer.Values)
		if !right {
			v[0]++
		}
		now = now.Add(3 * time.Second)
		r.answer(v, now)
		now = now.Add(revealTime)
		r.tick(now)
		if !r.next(now) && i != len(r.qs)-1 {
			t.Fatalf("question %d: the round ended early", i)
		}
	}
	return r, recordDaily(r)
}

func TestDailyRoundRecordsTheFirstResult(t *testing.T) {
	storageSet(dailyKey, "")
	defer storageSet(dailyKey, "")
	r, o := playDaily(t, "2025-06-14", true)
	if r.correct() != dailyLength {
		t.Fatalf("answered every question right, but %d are correct", r.correct())
	}
	want := dailyResult{Date: "2025-06-14", Score: r.score, Correct: dailyLength, Count: dailyLength, MS: dailyLength * 3000, Plays: 1}
	if !o.first || o.kept != want || o.streak != 1 {
		t.Errorf("first play recorded %+v (first %v, streak %d); want %+v, first, streak 1", o.kept, o.first, o.streak, want)
	}
	if got, ok := loadDailyLog().find("2025-06-14"); !ok || got != want {
		t.Errorf("stored result = %+v, %v; want %+v", got, ok, want)
	}
	r2, o2 := playDaily(t, "2025-06-14", false)
	want.Plays = 2
	if o2.first || o2.kept != want || r2.score == want.Score {
		t.Errorf("replay (score %d) recorded %+v (first %v); want the first result %+v kept", r2.score, o2.kept, o2.first, want)
	}
}
