package game

import (
	"math"

	"github.com/osarena/osarena/netcode"
	"github.com/osarena/osarena/sim/quiz"
)

// The model behind My progress: local solo history and the server's match
// history, summed per title-screen card (a chapter of the course) into
// buckets of days ending today. Pure functions, tested without a screen.

// source is where results came from. Solo practice and live matches stay
// apart on every chart: a match is timed by the server and played against
// others, solo practice is often untimed, so mixing them would blur both
// the accuracy and the speed trends.
type source int

const (
	srcSolo  source = iota // solo practice in this browser
	srcMatch               // live matches and tournament duels, from the server
	nSources
)

// statRange is the span the charts show: buckets of width days, the last
// ending today.
type statRange struct {
	name    string // the test hook's name, and the chip's target suffix
	buckets int
	width   int // days per bucket
}

var (
	rangeDays  = statRange{"days", 14, 1}
	rangeWeeks = statRange{"weeks", 12, 7}
)

// serverDays is how many days of match statistics the client asks for:
// the longest range.
const serverDays = 12 * 7

// minRanked is how many questions a card needs in the range to be named
// the best topic or the one to practise next.
const minRanked = 5

// agg sums results.
type agg struct {
	Asked, Answered, Correct int
	Credit, Ms               int64
}

func (a *agg) addDay(d dayStat) {
	a.Asked += d.Asked
	a.Answered += d.Answered
	a.Correct += d.Correct
	a.Credit += d.Credit
	a.Ms += d.Ms
}

func (a *agg) add(o agg) {
	a.addDay(dayStat{Asked: o.Asked, Answered: o.Answered, Correct: o.Correct, Credit: o.Credit, Ms: o.Ms})
}

// accuracy is the mean credit per question asked, 0–1 (0 with none).
func (a agg) accuracy() float64 {
	if a.Asked == 0 {
		return 0
	}
	return float64(a.Credit) / float64(1000*a.Asked)
}

// meanMs is the mean answer time of the answered questions (0 with none).
func (a agg) meanMs() float64 {
	if a.Answered == 0 {
		return 0
	}
	return float64(a.Ms) / float64(a.Answered)
}

// series is one card's results in a range: per source, per bucket (oldest
// first), and the totals.
type series struct {
	card    quiz.Topic
	buckets [nSources][]agg
	total   [nSources]agg
}

// all is both sources' totals together.
func (s *series) all() agg {
	var a agg
	for src := range nSources {
		a.add(s.total[src])
	}
	return a
}

// cardOf is the title-screen card whose practice holds quiz topic t, or
// "" for none.
func cardOf(t quiz.Topic) quiz.Topic {
	for _, ti := range topics {
		for _, f := range cardFamilies(ti.topic) {
			if ft, _ := quiz.TopicOf(f); ft == t {
				return ti.topic
			}
		}
	}
	return ""
}

// bucketOf is the bucket of day in rg ending today, or -1 outside it.
func (rg statRange) bucketOf(day, today int32) int {
	ago := int(today - day)
	if ago < 0 || ago >= rg.buckets*rg.width {
		return -1
	}
	return rg.buckets - 1 - ago/rg.width
}

// firstDay is the first day of bucket i.
func (rg statRange) firstDay(i int, today int32) int32 {
	return today - int32((rg.buckets-i)*rg.width-1)
}

// buildSeries sums the histories (indexed by source; nil for none) per
// card, in the order of the title's cards, over rg ending today.
func buildSeries(hs [nSources]history, rg statRange, today int32) []series {
	var out []series
	for _, ti := range topics {
		if !ti.ready {
			continue
		}
		s := series{card: ti.topic}
		for src := range nSources {
			s.buckets[src] = make([]agg, rg.buckets)
		}
		for _, t := range quiz.Topics() {
			if cardOf(t) != ti.topic {
				continue
			}
			for src, h := range hs {
				for _, d := range h[t] {
					if i := rg.bucketOf(d.Day, today); i >= 0 {
						s.buckets[src][i].addDay(d)
						s.total[src].addDay(d)
					}
				}
			}
		}
		out = append(out, s)
	}
	return out
}

// ranked names the best card (highest accuracy) and the card to practise
// next (lowest accuracy, another than the best) among those with at least
// minRanked questions, ties to the card with more questions and then to
// the course's order. With no card ranked, next is the first card not
// tried in the range. Either is -1 when there is none.
func ranked(ss []series) (best, next int) {
	best, next = -1, -1
	for i := range ss {
		a := ss[i].all()
		if a.Asked < minRanked {
			continue
		}
		if best < 0 || better(a, ss[best].all()) {
			best = i
		}
	}
	for i := range ss {
		a := ss[i].all()
		if a.Asked < minRanked || i == best {
			continue
		}
		if next < 0 || better(ss[next].all(), a) {
			next = i
		}
	}
	if best < 0 {
		for i := range ss {
			if ss[i].all().Asked == 0 {
				return best, i
			}
		}
	}
	return best, next
}

// better reports whether a ranks above b: more accurate (compared exactly,
// as credit × asked products), then more questions.
func better(a, b agg) bool {
	x, y := a.Credit*int64(b.Asked), b.Credit*int64(a.Asked)
	if x != y {
		return x > y
	}
	return a.Asked > b.Asked
}

// serverHistory turns the server's Stats lines into a history.
func serverHistory(lines []netcode.StatLine) history {
	h := history{}
	for _, l := range lines {
		h.record(quiz.Topic(l.Topic), dayStat{Day: l.Day, Asked: int(l.Asked), Answered: int(l.Answered),
			Correct: int(l.Correct), Credit: l.Credit, Ms: l.ElapsedMs})
	}
	return h
}

// timeScale is the top of a mean-answer-time axis, in seconds, for a
// largest mean of maxMs: the first of 5, 10, 15, 20, 30, 45, 60, 90 and
// 120 s that holds it, then whole minutes.
func timeScale(maxMs float64) float64 {
	s := maxMs / 1000
	for _, top := range []float64{5, 10, 15, 20, 30, 45, 60, 90, 120} {
		if s <= top {
			return top
		}
	}
	return 60 * math.Ceil(s/60)
}
