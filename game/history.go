package game

import (
	"encoding/json"
	"slices"
	"time"

	"github.com/osarena/osarena/sim/quiz"
)

// The local history (issue 8): what solo practice answered, per quiz topic
// and local day, kept in browser storage with the rest of Saved. It is
// compact (one short JSON array a day a topic) and bounded: days more than
// historyDays before the newest recorded day are dropped, and so is
// anything unreadable, never the settings around it.

// historyDays is how many local days of history are kept, today included.
const historyDays = 365

// maxSoloMs caps one solo answer's time in the history: an untimed round
// left open while the player does something else would swamp the mean.
const maxSoloMs = 120_000

// dayStat is one topic's results on one local day.
type dayStat struct {
	Day      int32 // the local date, as days since 1970-01-01 (see localDay)
	Asked    int   // questions shown
	Answered int   // answered before time ran out
	Correct  int   // answered with full credit
	Credit   int64 // thousandths: 1000 per fully correct answer
	Ms       int64 // answer time summed over the answered questions
}

// add adds o's counts to d's.
func (d *dayStat) add(o dayStat) {
	d.Asked += o.Asked
	d.Answered += o.Answered
	d.Correct += o.Correct
	d.Credit += o.Credit
	d.Ms += o.Ms
}

// MarshalJSON writes d as [day, asked, answered, correct, credit, ms].
func (d dayStat) MarshalJSON() ([]byte, error) {
	return json.Marshal([6]int64{int64(d.Day), int64(d.Asked), int64(d.Answered), int64(d.Correct), d.Credit, d.Ms})
}

// history is the local history: per quiz topic, days in increasing order,
// each at most once. It is looked up by topic, never iterated for an
// outcome.
type history map[quiz.Topic][]dayStat

// UnmarshalJSON reads a history and never fails: a malformed topic or day
// is dropped, days are sorted and merged, and counts must be sane
// (0 ≤ correct ≤ answered ≤ asked, credit ≤ 1000 × asked).
func (h *history) UnmarshalJSON(b []byte) error {
	*h = history{}
	var raw map[string]json.RawMessage
	if json.Unmarshal(b, &raw) != nil {
		return nil
	}
	for topic, v := range raw {
		var rows [][]int64
		if json.Unmarshal(v, &rows) != nil {
			continue
		}
		var days []dayStat
		for _, r := range rows {
			if len(r) != 6 || r[0] < 0 || r[0] > 1<<30 || r[1] < 0 || r[1] > 1<<20 || r[2] < 0 || r[2] > r[1] ||
				r[3] < 0 || r[3] > r[2] || r[4] < 0 || r[4] > 1000*r[1] || r[5] < 0 || r[5] > maxSoloMs*r[2] {
				continue
			}
			days = append(days, dayStat{Day: int32(r[0]), Asked: int(r[1]), Answered: int(r[2]), Correct: int(r[3]), Credit: r[4], Ms: r[5]})
		}
		slices.SortStableFunc(days, func(a, b dayStat) int { return int(a.Day - b.Day) })
		days = slices.CompactFunc(days, func(a, b dayStat) bool { return a.Day == b.Day }) // keeps the first of a day
		if len(days) > 0 {
			(*h)[quiz.Topic(topic)] = days
		}
	}
	h.prune()
	return nil
}

// localDay is t's calendar date in t's own location (the browser's time
// zone in the client), as days since 1970-01-01.
func localDay(t time.Time) int32 {
	y, m, d := t.Date()
	return int32(time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Unix() / 86400)
}

// dayDate is the calendar date of a local day number.
func dayDate(day int32) (month, dom int) {
	t := time.Unix(int64(day)*86400, 0).UTC()
	return int(t.Month()), t.Day()
}

// record adds d (one question or a round's worth) to topic's day d.Day.
func (h history) record(topic quiz.Topic, d dayStat) {
	days := h[topic]
	i, found := slices.BinarySearchFunc(days, d.Day, func(x dayStat, day int32) int { return int(x.Day - day) })
	if found {
		days[i].add(d)
	} else {
		days = slices.Insert(days, i, d)
	}
	h[topic] = days
	h.prune()
}

// prune drops, in every topic, the days more than historyDays before the
// newest day recorded in any topic (so a clock set back cannot keep old
// days forever, and no topic holds more than historyDays days).
func (h history) prune() {
	var newest int32
	for _, t := range quiz.Topics() {
		if days := h[t]; len(days) > 0 {
			newest = max(newest, days[len(days)-1].Day)
		}
	}
	for t, days := range h { // each topic on its own: order does not matter
		i := 0
		for i < len(days) && days[i].Day <= newest-historyDays {
			i++
		}
		if len(days)-i > historyDays {
			i = len(days) - historyDays
		}
		if i > 0 {
			h[t] = slices.Clone(days[i:])
		}
		if !slices.Contains(quiz.Topics(), t) {
			delete(h, t) // a topic this version does not know
		}
	}
}

// recordRound adds a finished solo round to the history on day.
func (h history) recordRound(r *round, day int32) {
	for i, res := range r.results {
		if i >= len(r.qs) {
			break
		}
		d := dayStat{Day: day, Asked: 1, Credit: int64(res.grade.Credit)}
		if !res.timeout {
			d.Answered, d.Ms = 1, min(res.ms, maxSoloMs)
		}
		if res.grade.Correct() {
			d.Correct = 1
		}
		h.record(r.qs[i].Topic, d)
	}
}
