package game

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"slices"
	"time"

	"github.com/osarena/osarena/sim/quiz"
)

// The daily challenge: the same questions for everyone on the same local
// date. The date is the seed: it picks the topics, the family of each and
// the seed of each question, so two players (or two visits) on one date get
// byte-identical questions without asking a server, and the challenge works
// offline. Only the first result of a day counts; replays are practice.

// dailyLength is the number of questions of a daily challenge, and
// dailyDifficulty the difficulty of each, rising through the round.
const dailyLength = 8

var dailyDifficulty = [dailyLength]int{1, 1, 2, 2, 3, 3, 4, 5}

// dateLayout is how a day is written as a key and a seed: "2025-06-14".
const dateLayout = "2006-01-02"

// dailyTopic is the round topic of a daily challenge (not a quiz topic: it
// keeps daily rounds out of the topics' progress).
const dailyTopic quiz.Topic = "daily"

// dailyDate is the local calendar date of t, as the challenge's key.
func dailyDate(t time.Time) string { return t.Format(dateLayout) }

// dailySeed turns a date ("2025-06-14") into the challenge's seed: the
// digits 20250614 mixed by SplitMix64 and kept below 2^40 (the test hook
// carries seeds as JavaScript numbers).
func dailySeed(date string) (uint64, error) {
	d, err := time.Parse(dateLayout, date)
	if err != nil {
		return 0, fmt.Errorf("game: daily date %q: %w", date, err)
	}
	return splitmix(uint64(d.Year()*10000+int(d.Month())*100+d.Day())) % (1 << 40), nil
}

// splitmix is one step of SplitMix64: a bijective mix of x.
func splitmix(x uint64) uint64 {
	x += 0x9E3779B97F4A7C15
	x = (x ^ x>>30) * 0xBF58476D1CE4E5B9
	x = (x ^ x>>27) * 0x94D049BB133111EB
	return x ^ x>>31
}

// dailyQuestions generates the challenge of date: dailyLength questions
// that visit every chapter of the title screen (in an order drawn from the
// date) before any comes again, never the same family twice and a topic
// twice only when a chapter has no other, at dailyDifficulty. Each question
// is quiz.Generate(family, seed, difficulty) of its own Family, Seed and
// Difficulty fields, so a test can regenerate any one of them.
func dailyQuestions(date string) ([]*quiz.Question, error) {
	seed, err := dailySeed(date)
	if err != nil {
		return nil, err
	}
	r := rand.New(rand.NewPCG(seed, 0xDA1C))
	var cards []quiz.Topic
	for _, t := range topics {
		if t.ready {
			cards = append(cards, t.topic)
		}
	}
	r.Shuffle(len(cards), func(i, j int) { cards[i], cards[j] = cards[j], cards[i] })
	qs := make([]*quiz.Question, 0, dailyLength)
	var usedFams []quiz.Family
	var usedTopics []quiz.Topic
	for i := range dailyLength {
		var fresh, unused []quiz.Family
		for _, f := range cardFamilies(cards[i%len(cards)]) {
			if slices.Contains(usedFams, f) {
				continue
			}
			unused = append(unused, f)
			if t, _ := quiz.TopicOf(f); !slices.Contains(usedTopics, t) {
				fresh = append(fresh, f)
			}
		}
		if len(fresh) == 0 {
			fresh = unused
		}
		fam := fresh[r.IntN(len(fresh))]
		s := splitmix(seed+uint64(i)) % (1 << 40)
		var q *quiz.Question
		for try := range uint64(16) { // a seed with no checkpoint to ask about: the next one
			if q, err = quiz.Generate(fam, s+try, dailyDifficulty[i]); err == nil {
				break
			}
		}
		if err != nil {
			return nil, fmt.Errorf("game: daily %s question %d (%s): %w", date, i+1, fam, err)
		}
		qs = append(qs, q)
		usedFams, usedTopics = append(usedFams, fam), append(usedTopics, q.Topic)
	}
	return qs, nil
}

// newDailyRound starts date's challenge: timed, like the score it keeps.
func newDailyRound(date string, now time.Time) (*round, error) {
	qs, err := dailyQuestions(date)
	if err != nil {
		return nil, err
	}
	seed, _ := dailySeed(date)
	r, err := newRound(dailyTopic, practiceOpts{}, seed, qs, true, now)
	if err != nil {
		return nil, err
	}
	r.daily = date
	return r, nil
}

// dailyKey is the browser-storage key of the daily results (kept apart from
// the settings and topic progress in storeKey).
const dailyKey = "osarena.daily.v1"

// dailyKeep is how many days of results are kept.
const dailyKeep = 400

// dailyResult is the first result of one day's challenge. Plays counts
// every finished play of the day, replays included.
type dailyResult struct {
	Date    string `json:"date"`
	Score   int    `json:"score"`
	Correct int    `json:"correct"`
	Count   int    `json:"count"`
	MS      int64  `json:"ms"` // answering time, summed over the questions
	Plays   int    `json:"plays"`
}

// dailyLog is every kept result, oldest first, one per date.
type dailyLog struct {
	Days []dailyResult `json:"days"`
}

// loadDailyLog reads the results from browser storage; anything unreadable
// gives an empty log.
func loadDailyLog() dailyLog {
	var l dailyLog
	if b := storageGet(dailyKey); b == "" || json.Unmarshal([]byte(b), &l) != nil {
		return dailyLog{}
	}
	l.Days = slices.DeleteFunc(l.Days, func(d dailyResult) bool {
		_, err := time.Parse(dateLayout, d.Date)
		return err != nil
	})
	slices.SortFunc(l.Days, func(a, b dailyResult) int { return cmpString(a.Date, b.Date) })
	l.Days = slices.CompactFunc(l.Days, func(a, b dailyResult) bool { return a.Date == b.Date })
	return l
}

func cmpString(a, b string) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// save writes the log to browser storage.
func (l dailyLog) save() {
	if b, err := json.Marshal(l); err == nil {
		storageSet(dailyKey, string(b))
	}
}

// find returns the result of date.
func (l dailyLog) find(date string) (dailyResult, bool) {
	i, ok := slices.BinarySearchFunc(l.Days, date, func(d dailyResult, s string) int { return cmpString(d.Date, s) })
	if !ok {
		return dailyResult{}, false
	}
	return l.Days[i], true
}

// record keeps res as its date's result if the date has none and reports
// whether it did; a replay only counts as another play. The result kept
// is returned either way.
func (l *dailyLog) record(res dailyResult) (kept dailyResult, first bool) {
	i, ok := slices.BinarySearchFunc(l.Days, res.Date, func(d dailyResult, s string) int { return cmpString(d.Date, s) })
	if ok {
		l.Days[i].Plays++
		return l.Days[i], false
	}
	res.Plays = 1
	l.Days = slices.Insert(l.Days, i, res)
	if n := len(l.Days); n > dailyKeep {
		l.Days = slices.Delete(l.Days, 0, n-dailyKeep)
	}
	return res, true
}

// streak counts the consecutive days with a result that end on today, or
// on the day before when today has not been played yet (the streak is
// still alive until midnight).
func (l dailyLog) streak(today string) int {
	d, err := time.Parse(dateLayout, today)
	if err != nil {
		return 0
	}
	if _, ok := l.find(today); !ok {
		d = d.AddDate(0, 0, -1)
	}
	n := 0
	for {
		if _, ok := l.find(d.Format(dateLayout)); !ok {
			return n
		}
		n++
		d = d.AddDate(0, 0, -1)
	}
}

// answerMS sums the answering time of r's questions so far.
func answerMS(r *round) int64 {
	var ms int64
	for _, x := range r.results {
		ms += x.ms
	}
	return ms
}

// dailyOutcome is what the summary of a daily challenge shows: the result
// kept for the day (the first), whether this play was it, and the streak.
type dailyOutcome struct {
	kept   dailyResult
	first  bool
	streak int
	ms     int64 // this play's answering time
}

// recordDaily keeps r's result if it is the day's first and returns what
// the summary shows.
func recordDaily(r *round) *dailyOutcome {
	l := loadDailyLog()
	ms := answerMS(r)
	kept, first := l.record(dailyResult{Date: r.daily, Score: r.score, Correct: r.correct(), Count: len(r.qs), MS: ms})
	l.save()
	return &dailyOutcome{kept: kept, first: first, streak: l.streak(r.daily), ms: ms}
}
