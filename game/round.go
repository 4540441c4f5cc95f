package game

import (
	"time"

	"github.com/osarena/osarena/sim/quiz"
)

// phase is where a question stands.
type phase int

const (
	phaseAdvance phase = iota // the steps before the checkpoint play
	phaseAsk                  // waiting for the answer
	phaseReveal               // the answer lights up and the step plays
	phaseExplain              // the explanation shows; Next moves on
)

var phaseNames = [...]string{"advance", "ask", "reveal", "explain"}

// Durations of the animations.
const (
	advanceStep = 450 * time.Millisecond  // one step played between questions
	maxAdvance  = 2400 * time.Millisecond // all of them, at most (faster steps)
	revealTime  = 1400 * time.Millisecond
	timeLimit   = 30 * time.Second
)

// result is the outcome of one answered question.
type result struct {
	picked  []int64 // the values answered; nil when time ran out
	grade   quiz.Grade
	points  int
	timeout bool
	ms      int64 // time taken to answer (the limit when it ran out)
}

// round is a solo practice round: a chain of questions on one scenario (or
// a mix, for the daily challenge), the question component on screen, and
// the score. It holds no images and does not draw; roundScene does.
type round struct {
	topic   quiz.Topic
	opts    practiceOpts
	seed    uint64
	timed   bool
	qs      []*quiz.Question
	cur     *question // the current question on screen
	daily   string    // the daily challenge's date, or ""
	i       int       // the current question
	phase   phase     //
	since   time.Time // when the phase began
	from    int       // first step to play in phaseAdvance
	results []result
	score   int
	streak  int
}

// newRound builds a round and the first question's picture.
func newRound(topic quiz.Topic, o practiceOpts, seed uint64, qs []*quiz.Question, timed bool, now time.Time) (*round, error) {
	r := &round{topic: topic, opts: o, seed: seed, timed: timed, qs: qs}
	if err := r.begin(0, 0, now); err != nil {
		return nil, err
	}
	return r, nil
}

// begin moves to question i; the steps from step `from` up to its
// checkpoint play first.
func (r *round) begin(i, from int, now time.Time) error {
	q, err := newQuestion(specOf(r.qs[i]))
	if err != nil {
		return err
	}
	r.i, r.from, r.since, r.cur = i, from, now, q
	r.phase = phaseAdvance
	if from >= r.q().Step {
		r.phase = phaseAsk
	}
	return nil
}

// q is the current question.
func (r *round) q() *quiz.Question { return r.qs[r.i] }

// tick moves the phases along with time; it returns true when time ran out
// on the question.
func (r *round) tick(now time.Time) {
	el := now.Sub(r.since)
	switch r.phase {
	case phaseAdvance:
		if el >= time.Duration(r.q().Step-r.from)*r.stepTime() {
			r.phase, r.since = phaseAsk, now
		}
	case phaseAsk:
		if r.timed && el >= timeLimit {
			r.answer(nil, now)
		}
	case phaseReveal:
		if el >= revealTime {
			r.phase, r.since = phaseExplain, now
		}
	}
}

// skip ends the current animation at once.
func (r *round) skip(now time.Time) {
	switch r.phase {
	case phaseAdvance:
		r.phase, r.since = phaseAsk, now
	case phaseReveal:
		r.phase, r.since = phaseExplain, now
	}
}

// answer grades values (nil: no answer in time) and starts the reveal.
func (r *round) answer(values []int64, now time.Time) {
	if r.phase != phaseAsk {
		return
	}
	res := result{picked: values, timeout: values == nil}
	if !res.timeout {
		res.grade = r.q().Grade(values)
	}
	r.cur.reveal(r.q().Answer.Values, values)
	ms := now.Sub(r.since).Milliseconds()
	res.ms = min(ms, timeLimit.Milliseconds())
	res.points, r.streak = quiz.Points(res.grade, ms, timeLimit.Milliseconds(), r.timed, r.streak)
	r.score += res.points
	r.results = append(r.results, res)
	r.phase, r.since = phaseReveal, now
}

// next moves to the next question; it reports false at the end.
func (r *round) next(now time.Time) bool {
	if r.phase != phaseExplain {
		return true
	}
	if r.i+1 >= len(r.qs) {
		return false
	}
	from := r.q().Step + 1
	if r.qs[r.i+1].Seed != r.q().Seed || r.qs[r.i+1].Family != r.q().Family {
		from = r.qs[r.i+1].Step // another scenario: nothing to play
	}
	if err := r.begin(r.i+1, from, now); err != nil {
		return false
	}
	return true
}

// correct counts the fully correct answers so far.
func (r *round) correct() int {
	n := 0
	for _, x := range r.results {
		if x.grade.Correct() {
			n++
		}
	}
	return n
}

// view returns the step the picture plays and how far (0 = the state
// before the step, 1 = after it).
func (r *round) view(now time.Time) (step int, p float64) {
	el := now.Sub(r.since)
	switch r.phase {
	case phaseAdvance:
		d := r.stepTime()
		k := int(el / d)
		return min(r.from+k, r.q().Step-1), min(1, float64(el-time.Duration(k)*d)/float64(d))
	case phaseAsk:
		return r.q().Step, 0
	case phaseReveal:
		// The correct target lights up first; then the step plays.
		return r.q().Step, clamp((float64(el)/float64(revealTime)-0.3)/0.7, 0, 1)
	}
	return r.q().Step, 1
}

// stepTime is how long each step before the checkpoint plays.
func (r *round) stepTime() time.Duration {
	n := max(1, r.q().Step-r.from)
	return min(advanceStep, maxAdvance/time.Duration(n))
}

// remaining is the time left to answer (timed rounds).
func (r *round) remaining(now time.Time) time.Duration {
	if r.phase != phaseAsk {
		return timeLimit
	}
	return max(0, timeLimit-now.Sub(r.since))
}

// play is how the question on screen is driven this frame.
func (r *round) play(now time.Time) play {
	step, p := r.view(now)
	return play{Step: step, P: p, Open: r.phase == phaseAsk}
}
