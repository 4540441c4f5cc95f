package game

import (
	"encoding/json"
	"fmt"
	"testing"
	"time"

	"github.com/osarena/osarena/sim/quiz"
)

func TestLocalDayRollsOverAtLocalMidnight(t *testing.T) {
	seoul := time.FixedZone("KST", 9*3600)
	ny := time.FixedZone("EST", -5*3600)
	mar1 := int32(time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC).Unix() / 86400)
	tests := []struct {
		t    time.Time
		want int32
	}{
		{time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC), mar1},
		{time.Date(2026, 3, 1, 23, 59, 59, 0, time.UTC), mar1},
		{time.Date(2026, 3, 1, 23, 59, 59, 0, seoul), mar1},
		{time.Date(2026, 3, 2, 0, 0, 0, 0, seoul), mar1 + 1},
		// 2026-03-01 15:00 UTC is midnight on 2 March in Seoul, still 1 March in UTC.
		{time.Date(2026, 3, 1, 15, 0, 0, 0, time.UTC).In(seoul), mar1 + 1},
		{time.Date(2026, 3, 1, 14, 59, 59, 0, time.UTC).In(seoul), mar1},
		// 2026-03-02 04:59 UTC is still 1 March in New York.
		{time.Date(2026, 3, 2, 4, 59, 0, 0, time.UTC).In(ny), mar1},
		{time.Date(2026, 3, 2, 5, 0, 0, 0, time.UTC).In(ny), mar1 + 1},
		{time.Date(1969, 12, 31, 12, 0, 0, 0, time.UTC), -1},
	}
	for _, tt := range tests {
		if got := localDay(tt.t); got != tt.want {
			t.Errorf("localDay(%v) = %d; want %d", tt.t, got, tt.want)
		}
	}
	if m, d := dayDate(mar1 + 1); m != 3 || d != 2 {
		t.Errorf("dayDate(%d) = %d/%d; want 3/2", mar1+1, m, d)
	}
}

func TestHistoryRecordMergesDays(t *testing.T) {
	h := history{}
	h.record(quiz.TopicReplace, dayStat{Day: 100, Asked: 1, Answered: 1, Correct: 1, Credit: 1000, Ms: 3000})
	h.record(quiz.TopicReplace, dayStat{Day: 98, Asked: 1, Answered: 0})
	h.record(quiz.TopicReplace, dayStat{Day: 100, Asked: 1, Answered: 1, Credit: 500, Ms: 5000})
	h.record(quiz.TopicDisk, dayStat{Day: 99, Asked: 2, Answered: 2, Correct: 2, Credit: 2000, Ms: 1000})
	want := []dayStat{{Day: 98, Asked: 1}, {Day: 100, Asked: 2, Answered: 2, Correct: 1, Credit: 1500, Ms: 8000}}
	if got := h[quiz.TopicReplace]; fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("replace days = %v; want %v", got, want)
	}
	if got := h[quiz.TopicDisk]; len(got) != 1 || got[0].Asked != 2 {
		t.Errorf("disk days = %v; want one day of 2 questions", got)
	}
	h.record("no-such-topic", dayStat{Day: 100, Asked: 1})
	if _, ok := h["no-such-topic"]; ok {
		t.Errorf("an unknown topic was kept: %v", h)
	}
}

func TestHistoryIsBounded(t *testing.T) {
	h := history{}
	// Play every day for three years, two topics.
	for day := int32(1000); day < 1000+3*365; day++ {
		h.record(quiz.TopicReplace, dayStat{Day: day, Asked: 1, Answered: 1, Ms: 1000})
		if day%2 == 0 {
			h.record(quiz.TopicDisk, dayStat{Day: day, Asked: 1})
		}
	}
	last := int32(1000 + 3*365 - 1)
	for _, tc := range []struct {
		topic quiz.Topic
		n     int
		first int32
	}{{quiz.TopicReplace, historyDays, last - historyDays + 1}, {quiz.TopicDisk, (historyDays + 1) / 2, last - historyDays + 1}} {
		days := h[tc.topic]
		if len(days) != tc.n || days[0].Day != tc.first || days[len(days)-1].Day > last {
			t.Errorf("%s: %d days from %d to %d; want %d days from %d", tc.topic, len(days), days[0].Day, days[len(days)-1].Day, tc.n, tc.first)
		}
	}
	// A year of play every day still fits well inside localStorage.
	b, _ := json.Marshal(h)
	if len(b) > 40_000 {
		t.Errorf("history of %d days in two topics is %d bytes of JSON; want at most 40000", historyDays, len(b))
	}
	// The clock jumps ahead a year and a day: everything older goes.
	h.record(quiz.TopicWSet, dayStat{Day: last + historyDays + 1, Asked: 1})
	if n := len(h[quiz.TopicReplace]); n != 0 {
		t.Errorf("after the clock jumped a year ahead, replace keeps %d days; want 0", n)
	}
}

func TestLoadSavedVersions(t *testing.T) {
	tests := []struct {
		name     string
		stored   string
		lang     quiz.Lang
		best     int // replace's best score
		replace  []dayStat
		diskDays int
	}{
		{"nothing stored", ``, quiz.English, 0, nil, 0},
		{"not JSON", `{"settings":`, quiz.English, 0, nil, 0},
		{"version 0 (before the history)",
			`{"settings":{"lang":"ko","timed":true,"color_blind":false},"topics":{"replace":{"rounds":2,"answered":10,"correct":7,"best":3200}}}`,
			quiz.Korean, 3200, nil, 0},
		{"version 2",
			`{"v":2,"settings":{"lang":"ko"},"topics":{"replace":{"best":900}},"history":{"replace":[[20500,5,5,4,4500,20000],[20499,1,0,0,0,0]],"disk":[[20500,2,2,2,2000,9000]]}}`,
			quiz.Korean, 900, []dayStat{{Day: 20499, Asked: 1}, {Day: 20500, Asked: 5, Answered: 5, Correct: 4, Credit: 4500, Ms: 20000}}, 1},
		{"a damaged history keeps the settings",
			`{"v":2,"settings":{"lang":"ko"},"topics":{"replace":{"best":900}},"history":{"replace":"oops","disk":[[1,2],[20500,2,2,2,2000,9000],[20501,1,2,0,0,0],[20502,1,1,1,5000,0]]}}`,
			quiz.Korean, 900, nil, 1},
		{"a history that is not an object", `{"v":2,"settings":{"lang":"ko"},"history":[1,2,3]}`, quiz.Korean, 0, nil, 0},
		{"a newer version", `{"v":9,"settings":{"lang":"ko"},"history":{"replace":[[20500,1,1,1,1000,100]]},"future":{"x":1}}`,
			quiz.Korean, 0, []dayStat{{Day: 20500, Asked: 1, Answered: 1, Correct: 1, Credit: 1000, Ms: 100}}, 0},
	}
	for _, tt := range tests {
		storageSet(storeKey, tt.stored)
		s := loadSaved()
		if s.Settings.Lang != tt.lang || s.Topics[quiz.TopicReplace].Best != tt.best || s.Version != savedVersion || s.History == nil {
			t.Errorf("%s: loadSaved() = lang %q, best %d, version %d, history nil %v; want %q, %d, %d, false",
				tt.name, s.Settings.Lang, s.Topics[quiz.TopicReplace].Best, s.Version, s.History == nil, tt.lang, tt.best, savedVersion)
		}
		if got := s.History[quiz.TopicReplace]; fmt.Sprint(got) != fmt.Sprint(tt.replace) {
			t.Errorf("%s: replace history = %v; want %v", tt.name, got, tt.replace)
		}
		if got := len(s.History[quiz.TopicDisk]); got != tt.diskDays {
			t.Errorf("%s: disk history has %d days; want %d", tt.name, got, tt.diskDays)
		}
		// What was loaded saves and loads back the same.
		s.save()
		if again := loadSaved(); fmt.Sprint(again) != fmt.Sprint(s) {
			t.Errorf("%s: saved and loaded again = %+v; want %+v", tt.name, again, s)
		}
	}
	storageSet(storeKey, "")
}

func TestRecordRound(t *testing.T) {
	qs, seed, err := newQuestions(practiceOpts{family: quiz.ReplaceVictim, difficulty: 1}, 7)
	if err != nil {
		t.Fatal(err)
	}
	qs = append(qs, qs...) // four results need four questions
	r := &round{topic: quiz.TopicReplace, seed: seed, qs: qs}
	r.results = []result{
		{grade: quiz.Grade{Credit: quiz.FullCredit}, ms: 4000},
		{grade: quiz.Grade{Credit: 0}, ms: 6000},
		{timeout: true, ms: 30000},
		{grade: quiz.Grade{Credit: quiz.FullCredit}, ms: 10 * 60 * 1000}, // left open for ten minutes
	}
	h := history{}
	h.recordRound(r, 500)
	want := []dayStat{{Day: 500, Asked: 4, Answered: 3, Correct: 2, Credit: 2000, Ms: 4000 + 6000 + maxSoloMs}}
	if got := h[quiz.TopicReplace]; fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("recordRound: replace = %v; want %v", got, want)
	}
}
