package room

import (
	"cmp"
	"maps"
	"math/rand/v2"
	"slices"
	"time"

	"github.com/osarena/osarena/netcode"
	"github.com/osarena/osarena/server/store"
	"github.com/osarena/osarena/sim/quiz"
)

// MaxAnswerValues bounds an answer's values (set answers may vary in size).
const MaxAnswerValues = 32

// match is one match's state, owned by the room's goroutine.
type match struct {
	questions []*quiz.Question
	round     int // 1-based index of the current or last round
	start     netcode.RoundStart
	startAt   time.Time
	deadline  time.Time // zero when untimed
	answers   map[uint32]answer

	lastReveal netcode.Reveal
	podium     netcode.Podium

	// For the store: the match's ID, the seed its questions came from,
	// when it started, and every player's outcome of every round so far.
	id      string
	seed    uint64
	started time.Time
	log     []store.Answer
}

type answer struct {
	values    []int64
	elapsedMs int64
}

// questionsFor generates a match's questions: families drawn in turn from
// the chosen topics by a generator seeded from the room's seed, each played
// as a chain of up to chain questions on one scenario.
func questionsFor(s netcode.Settings, seed uint64) []*quiz.Question {
	fams := families(s.Topics)
	rng := rand.New(rand.NewPCG(seed, 0x05a7e7a))
	chain := max(int(s.Chain), 1)
	var out []*quiz.Question
	for tries := 0; len(out) < int(s.Rounds) && tries < 20*int(s.Rounds); tries++ {
		f := fams[rng.IntN(len(fams))]
		qs, err := quiz.Chain(f, rng.Uint64(), int(s.Difficulty), min(chain, int(s.Rounds)-len(out)))
		if err != nil {
			continue
		}
		out = append(out, qs...)
	}
	return out
}

func (r *Room) startMatch(now time.Time) {
	seed := r.cfg.Seed
	qs := questionsFor(r.settings, seed)
	r.cfg.Seed = r.cfg.Seed*6364136223846793005 + 1442695040888963407 // a new match, new questions
	if len(qs) == 0 {
		r.sendError(r.players[r.host].channel, netcode.ErrBadSettings, netcode.TypeStartMatch)
		return
	}
	for _, id := range r.order {
		r.players[id].resetMatch()
	}
	r.match = &match{questions: qs, id: NewToken(), seed: seed, started: now}
	r.openRound(now)
}

// openRound starts the next round.
func (r *Room) openRound(now time.Time) {
	m := r.match
	m.round++
	q := m.questions[m.round-1]
	m.startAt, m.deadline = now, time.Time{}
	m.answers = map[uint32]answer{}
	m.start = netcode.RoundStart{
		Round: uint8(m.round), Rounds: uint8(len(m.questions)),
		Question: WireQuestion(q), StartMs: now.UnixMilli(),
	}
	if r.settings.Timed {
		m.deadline = now.Add(time.Duration(r.settings.Seconds) * time.Second)
		m.start.DeadlineMs = m.deadline.UnixMilli()
	}
	r.phase = netcode.PhaseRound
	_, _ = r.out.GroupSend(r.group, netcode.TypeRoundStart, m.start)
	r.saveSnapshot(now)
}

// answer takes a player's answer, or refuses it with a reason.
func (r *Room) answer(now time.Time, p *player, a netcode.Answer, ok bool) {
	m := r.match
	ack := netcode.AnswerAck{Round: a.Round}
	q := (*quiz.Question)(nil)
	if m != nil && m.round >= 1 && m.round <= len(m.questions) { // a podium restored without its questions has none
		q = m.questions[m.round-1]
	}
	switch {
	case !ok:
		ack.Reason = netcode.ErrMalformedAnswer
	case m == nil || r.phase != netcode.PhaseRound && (r.phase != netcode.PhaseReveal || int(a.Round) != m.round):
		ack.Reason = netcode.ErrWrongPhase
	case int(a.Round) < m.round || r.phase == netcode.PhaseReveal:
		ack.Reason = netcode.ErrLate
	case int(a.Round) != m.round:
		ack.Reason = netcode.ErrMalformedAnswer
	case !m.deadline.IsZero() && now.After(m.deadline):
		ack.Reason = netcode.ErrLate
	case hasAnswered(m, p.id):
		ack.Reason = netcode.ErrDuplicate
	case !wellFormed(q, a.Values):
		ack.Reason = netcode.ErrMalformedAnswer
	default:
		ack.Accepted = true
		m.answers[p.id] = answer{values: slices.Clone(a.Values), elapsedMs: max(now.Sub(m.startAt).Milliseconds(), 0)}
	}
	_ = r.out.Send(p.channel, netcode.TypeAnswerAck, ack)
	if ack.Accepted {
		_, _ = r.out.GroupSend(r.group, netcode.TypeAnswered, netcode.Answered{
			Round: uint8(m.round), Count: uint16(len(m.answers)), Of: uint16(r.connectedCount()),
		})
		r.maybeCloseRound(now)
	}
}

// sortResults orders a reveal's results by score, then player ID.
func sortResults(rs []netcode.Result) {
	slices.SortStableFunc(rs, func(a, b netcode.Result) int {
		return cmp.Or(cmp.Compare(b.Score, a.Score), cmp.Compare(a.PlayerID, b.PlayerID))
	})
}

func hasAnswered(m *match, id uint32) bool { _, ok := m.answers[id]; return ok }

// wellFormed checks an answer's shape against the question: one value for
// choice and number questions (a choice's value must be offered), exactly
// the slots for slot questions, 1–MaxAnswerValues for sets.
func wellFormed(q *quiz.Question, v []int64) bool {
	switch q.Answer.Kind {
	case quiz.KindChoice:
		return len(v) == 1 && slices.ContainsFunc(q.Choices, func(c quiz.Choice) bool { return c.Value == v[0] })
	case quiz.KindNumber:
		return len(v) == 1
	case quiz.KindSlots:
		return len(v) == len(q.Answer.Values)
	case quiz.KindSet:
		return len(v) >= 1 && len(v) <= MaxAnswerValues
	}
	return false
}

// maybeCloseRound reveals the round once every connected player answered.
func (r *Room) maybeCloseRound(now time.Time) {
	m := r.match
	if m == nil || r.phase != netcode.PhaseRound {
		return
	}
	n := 0
	for _, id := range r.order {
		if r.players[id].connected && hasAnswered(m, id) {
			n++
		}
	}
	if n > 0 && n >= r.connectedCount() {
		r.reveal(now, now)
	}
}

// reveal closes the round: grade, score, leaderboard. due is when the round
// was due to close (its deadline, or the last answer), for the latency hook.
func (r *Room) reveal(now, due time.Time) {
	m := r.match
	q := m.questions[m.round-1]
	topic := string(q.Topic)
	limitMs := int64(r.settings.Seconds) * 1000
	rv := netcode.Reveal{Round: uint8(m.round), Answer: q.Answer.Values, Explanation: q.Explanation}
	for _, id := range r.order {
		p := r.players[id]
		res := netcode.Result{PlayerID: id}
		var g quiz.Grade
		a, answered := m.answers[id]
		if answered {
			g = q.Grade(a.values)
			res.Answered, res.Values, res.ElapsedMs = true, a.values, int32(min(a.elapsedMs, 1<<31-1))
			p.answered++
			p.totalMs += a.elapsedMs
		}
		pts, streak := quiz.Points(g, a.elapsedMs, limitMs, r.settings.Timed, p.streak)
		p.score += int32(pts)
		p.streak = streak
		if g.Correct() {
			p.correct++
		}
		p.topicCredit[topic] += g.Credit
		res.Credit, res.Points, res.Score = uint16(g.Credit), int32(pts), p.score
		res.Streak, res.Why = uint16(min(streak, 65535)), g.Why
		rv.Results = append(rv.Results, res)
	}
	sortResults(rv.Results)
	m.lastReveal = rv
	r.phase = netcode.PhaseReveal
	r.holdAnnouncement(now) // until the snapshot below is in the store
	_, _ = r.out.GroupSend(r.group, netcode.TypeReveal, rv)
	r.duelRevealed(now)
	r.logRound(q, rv)
	r.saveSnapshot(now)
	if f := r.cfg.OnReveal; f != nil {
		r.gate.then(now, func(time.Time) { f(r.cfg.Clock().Sub(due)) }) // when the Reveal goes out
	}
}

// next is the host's Next: close an open round early, go from a reveal to
// the next round, or to the podium after the last.
func (r *Room) next(now time.Time, host *player) {
	m := r.match
	switch {
	case m != nil && r.phase == netcode.PhaseRound:
		r.reveal(now, now)
	case m != nil && r.phase == netcode.PhaseReveal && m.round < len(m.questions):
		r.openRound(now)
	case m != nil && r.phase == netcode.PhaseReveal:
		r.finish(now)
	default:
		r.sendError(host.channel, netcode.ErrWrongPhase, netcode.TypeNext)
	}
}

// finish ends the match with the podium: players by score, ties sharing a
// rank (1, 1, 3).
func (r *Room) finish(now time.Time) {
	var sums []netcode.Summary
	for _, id := range r.order {
		p := r.players[id]
		s := netcode.Summary{PlayerID: id, Nickname: p.nickname, Score: p.score,
			Correct: uint16(p.correct), Answered: uint16(p.answered)}
		if p.answered > 0 {
			s.AvgMs = int32(p.totalMs / int64(p.answered))
		}
		best := 0
		for _, t := range slices.Sorted(maps.Keys(p.topicCredit)) {
			if c := p.topicCredit[t]; c > best {
				s.BestTopic, best = t, c
			}
		}
		sums = append(sums, s)
	}
	slices.SortStableFunc(sums, func(a, b netcode.Summary) int {
		return cmp.Or(cmp.Compare(b.Score, a.Score), cmp.Compare(a.PlayerID, b.PlayerID))
	})
	for i := range sums {
		sums[i].Rank = uint16(i + 1)
		if i > 0 && sums[i].Score == sums[i-1].Score {
			sums[i].Rank = sums[i-1].Rank
		}
	}
	r.match.podium = netcode.Podium{Summaries: sums}
	r.phase = netcode.PhasePodium
	r.holdAnnouncement(now) // until the finished match is in the store
	_, _ = r.out.GroupSend(r.group, netcode.TypePodium, r.match.podium)
	r.broadcastState()
	r.saveFinished(now)
	r.seatsChanged() // the podium's snapshot, queued after the finished match
	r.duelFinished(now)
}
