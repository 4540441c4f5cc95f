package room

import (
	"time"

	"github.com/osarena/osarena/netcode"
	"github.com/osarena/osarena/server/store"
)

// Duel makes a room a tournament duel (DESIGN.md §5): the match starts by
// itself once Seats players have joined, each reveal gives way to the next
// round (or the podium) after Pause, nobody has host powers, and OnFinish
// reports the scores at the podium.
type Duel struct {
	Tournament string        // the tournament's code, for the store and logs
	Match      int           // the bracket match (tournament.Match.ID)
	Seats      int           // 2 for a live duel, 1 for an asynchronous one
	Pause      time.Duration // how long a reveal shows (0: 3 s)
	// OnFinish is called by the room's goroutine once, at the podium: when
	// the Podium goes out, which a room with a store holds until the store
	// has the finished match (or Config.Hold has passed). It must not
	// block (hand the outcome to another goroutine).
	OnFinish func(DuelOutcome)
	// OnAbort, if set, is called by the room's goroutine when the room
	// ends by itself (every player left) before the podium. It must not
	// block either.
	OnAbort func()
}

// DuelOutcome is a finished duel: every seat's score and total answer time.
type DuelOutcome struct {
	Tournament string
	Match      int
	MatchID    string // the finished match's ID in the store
	Scores     []DuelScore
}

// DuelScore is one seat's result. TotalMs counts an unanswered round as
// its whole time limit, so that "ties by total time" favours who answered.
type DuelScore struct {
	Session  string
	Player   int64
	Score    int32
	TotalMs  int64
	Answered int
	Correct  int
}

// CreateDuel makes a duel room with a fresh code and the given question
// seed (the same seed gives the same questions: both sides of an
// asynchronous duel play one seed), and starts its goroutine. Its players
// join with Join like anyone else; the server seats them.
func (rs *Rooms) CreateDuel(d Duel, s netcode.Settings, seed uint64) (*Room, error) {
	if !ValidSettings(s) || d.Seats < 1 {
		return nil, ErrBadDuel
	}
	if d.Pause <= 0 {
		d.Pause = 3 * time.Second
	}
	rs.mu.Lock()
	defer rs.mu.Unlock()
	if len(rs.rooms) >= rs.max {
		return nil, ErrTooManyRooms
	}
	code := NewCode()
	for rs.rooms[code] != nil {
		code = NewCode()
	}
	cfg := rs.cfg
	cfg.Seed = seed
	cfg.MaxPlayers = d.Seats
	r := newRoom(code, NewToken(), s, rs.out, cfg.withDefaults())
	r.duel = &d
	r.locked = false
	r.saveRoom()
	rs.start(r)
	return r, nil
}

// RestoreDuel rebuilds a tournament duel's room after a restart (see
// Restore) from its record and the snapshot of its running match, as the
// duel d (whose callbacks the caller wires to the tournament again). The
// duel does not go on by itself while its players are away: it waits, in
// its lobby with the scores of the rounds already revealed, until every
// seat is back (or freed after the grace period), then plays the round the
// restart interrupted again from its start (no answer to it was revealed)
// or, after a reveal, the next round or the podium. A snapshot of no
// running match is refused with ErrBadDuel: such a duel is played again
// from the start (the tournament keeps its match open). Call it before Run.
func RestoreDuel(rec store.Room, snap *store.Snapshot, d Duel, out Outbox, cfg Config) (*Room, error) {
	if snap == nil || (snap.Phase != int(netcode.PhaseRound) && snap.Phase != int(netcode.PhaseReveal)) || d.Seats < 1 {
		return nil, ErrBadDuel
	}
	if d.Pause <= 0 {
		d.Pause = 3 * time.Second
	}
	cfg.MaxPlayers = d.Seats
	r, err := Restore(rec, snap, out, cfg)
	if err != nil {
		return nil, err
	}
	m := r.match
	if m == nil || len(r.order) == 0 {
		return nil, ErrBadDuel // another simulator's questions, or no seats
	}
	if r.phase == netcode.PhaseRound {
		m.round-- // opened again (openRound counts it) once the players are back
	}
	m.answers, m.deadline = map[uint32]answer{}, time.Time{}
	r.duel, r.phase, r.duelWait = &d, netcode.PhaseLobby, true
	return r, nil
}

// duelResume lets a restored duel go on once every seat left is back.
func (r *Room) duelResume(now time.Time) {
	if !r.duelWait || len(r.players) == 0 || r.connectedCount() < len(r.players) {
		return
	}
	r.duelWait = false
	if r.match.round < len(r.match.questions) {
		r.openRound(now)
	} else {
		r.finish(now)
	}
}

// duelJoined starts a duel's match once every seat is taken.
func (r *Room) duelJoined(now time.Time) {
	if r.duel != nil && r.match == nil && !r.duelWait && r.phase == netcode.PhaseLobby && len(r.players) >= r.duel.Seats {
		r.startMatch(now)
	}
}

// duelRevealed schedules the next step after a duel's reveal, called just
// after the Reveal is queued: the reveal shows for Pause from when it goes
// out, which a room with a store holds (hold.go). Until then duelNext is
// zero, and the duel waits.
func (r *Room) duelRevealed(now time.Time) {
	if r.duel == nil {
		return
	}
	r.duelNext = time.Time{}
	pause := r.duel.Pause
	r.gate.then(now, func(sent time.Time) { r.duelNext = sent.Add(pause) })
}

// duelTick moves a duel on from a reveal once its pause is over.
func (r *Room) duelTick(now time.Time) {
	if r.duel == nil || r.match == nil || r.phase != netcode.PhaseReveal || r.duelNext.IsZero() || now.Before(r.duelNext) {
		return
	}
	if r.match.round < len(r.match.questions) {
		r.openRound(now)
	} else {
		r.finish(now)
	}
}

// duelFinished reports a duel's outcome at the podium: the outcome is
// taken now, and reported when the podium goes out (hold.go), so that the
// tournament, which saves the result and announces the next match, does
// so only after the store has the finished match and the players have
// seen the podium.
func (r *Room) duelFinished(now time.Time) {
	d, m := r.duel, r.match
	if d == nil || d.OnFinish == nil || m == nil {
		return
	}
	out := DuelOutcome{Tournament: d.Tournament, Match: d.Match, MatchID: m.id}
	for _, id := range r.order {
		p := r.players[id]
		out.Scores = append(out.Scores, duelScore(p.session, p.playerID, p.score, p.totalMs, p.answered, p.correct,
			len(m.questions), int(r.settings.Seconds)))
	}
	r.gate.then(now, func(time.Time) { d.OnFinish(out) })
}

// duelScore is a seat's DuelScore after a match of rounds questions of
// seconds each: totalMs is the time of its answers, and each round it did
// not answer counts as the whole time limit.
func duelScore(session string, player int64, score int32, totalMs int64, answered, correct, rounds, seconds int) DuelScore {
	return DuelScore{Session: session, Player: player, Score: score,
		TotalMs: totalMs + int64(max(rounds-answered, 0))*int64(seconds)*1000, Answered: answered, Correct: correct}
}

// StoredOutcome is the outcome of the duel whose finished match the store
// keeps as m, the same as the room reported at its podium (for a restart
// that came between the match reaching the store and its tournament's
// result): every player's score, and total time from the answers, each
// unanswered round counting as the whole time limit. Its sessions are ""
// and its Match 0: the tournament knows the players and its bracket match.
func StoredOutcome(m store.Match) DuelOutcome {
	out := DuelOutcome{Tournament: m.Tournament, MatchID: m.ID}
	rounds := 0
	ms := map[int64]int64{}
	for _, a := range m.Answers {
		rounds = max(rounds, a.Round)
		if a.Answered {
			ms[a.Player] += int64(a.ElapsedMs)
		}
	}
	if rounds == 0 {
		rounds = m.Settings.Rounds
	}
	for _, p := range m.Players {
		total, ok := ms[p.Player]
		if !ok {
			total = int64(p.AvgMs) * int64(p.Answered) // no answers kept: as the podium showed it
		}
		out.Scores = append(out.Scores, duelScore("", p.Player, int32(p.Score), total, p.Answered, p.Correct,
			rounds, m.Settings.Seconds))
	}
	return out
}

// duelEnded reports a duel room that ended by itself before its podium.
func (r *Room) duelEnded() {
	if d := r.duel; d != nil && d.OnAbort != nil && r.closed && r.phase != netcode.PhasePodium {
		d.OnAbort()
	}
}

// wireHost is the host players are told of: nobody in a duel, whose
// commands are refused to everyone (the room keeps r.host for its records).
func (r *Room) wireHost() uint32 {
	if r.duel != nil {
		return 0
	}
	return r.host
}

// tournament is the duel's tournament code, or "".
func (r *Room) tournament() string {
	if r.duel == nil {
		return ""
	}
	return r.duel.Tournament
}

// IsDuel reports whether r is a tournament duel. Safe from any goroutine.
func (r *Room) IsDuel() bool { return r.duel != nil }
