package room

import (
	"errors"
	"maps"

	"github.com/osarena/osarena/netcode"
	"github.com/osarena/osarena/server/store"
	"github.com/osarena/osarena/sim/quiz"
	"github.com/osarena/osarena/sim/scenario"
)

// Restore rebuilds a room after a restart from its stored record and, when
// it has one, its snapshot. Every seat comes back with its session (so
// Hello.Resume finds it), host, score, streak and statistics, disconnected
// since now and held for the grace period; the lock and, between matches,
// the settings come from the record. A lobby's snapshot brings the lobby
// back; a podium's, the podium with the final standings. A match resumes
// where the snapshot left it: an open round with its deadline (a deadline
// that passed is revealed as soon as Run starts), or the last reveal. The
// questions are regenerated from the settings and seed, which needs the
// same simulator version; otherwise the seats come back in the lobby.
// Without a snapshot the room comes back without seats and waits for
// players, the first of whom becomes host. A study room (Mode "study")
// comes back with its board replayed from the snapshot, or not at all
// without one. Call it before Run, from any goroutine.
func Restore(rec store.Room, snap *store.Snapshot, out Outbox, cfg Config) (*Room, error) {
	cfg = cfg.withDefaults()
	if rec.Mode == "study" {
		return restoreStudy(rec, snap, out, cfg)
	}
	settings := WireSettings(rec.Settings)
	phase := netcode.PhaseLobby
	if snap != nil {
		phase = netcode.Phase(snap.Phase)
	}
	if phase == netcode.PhaseRound || phase == netcode.PhaseReveal {
		settings = WireSettings(snap.Settings) // the match's
	}
	if !ValidSettings(settings) {
		return nil, errors.New("room: restore " + rec.Code + ": bad settings")
	}
	r := newRoom(rec.Code, rec.HostToken, settings, out, cfg)
	r.locked = rec.Locked
	if snap == nil {
		return r, nil
	}
	now := cfg.Clock()
	r.seq = snap.Seq
	for _, st := range snap.Seats {
		p := &player{id: st.Seat, session: st.Session, nickname: st.Nickname, droppedAt: now, playerID: st.Player,
			score: int32(st.Score), streak: st.Streak, correct: st.Correct, answered: st.Answered, totalMs: st.TotalMs,
			topicCredit: maps.Clone(st.TopicCredit)}
		if p.topicCredit == nil {
			p.topicCredit = map[string]int{}
		}
		if p.id == 0 || p.session == "" || r.players[p.id] != nil {
			continue
		}
		r.players[p.id] = p
		r.order = append(r.order, p.id)
		r.bySession[p.session] = p.id
		r.nextID = max(r.nextID, p.id)
		if st.Host {
			r.host, r.hostSession = p.id, p.session
		}
	}
	if r.host == 0 && len(r.order) > 0 {
		r.host = r.order[0]
		r.hostSession = r.players[r.host].session
	}
	switch phase {
	case netcode.PhaseLobby:
		return r, nil
	case netcode.PhasePodium:
		r.restorePodium(snap)
		return r, nil
	}
	qs := []*quiz.Question(nil)
	if snap.SimVersion == scenario.Version {
		qs = questionsFor(settings, snap.Seed)
	}
	if len(qs) != snap.Rounds || snap.Round < 1 || snap.Round > len(qs) ||
		(phase != netcode.PhaseRound && phase != netcode.PhaseReveal) {
		return r, nil // the lobby, seats and scores kept
	}
	m := &match{questions: qs, round: snap.Round, startAt: snap.RoundStart, deadline: snap.Deadline,
		answers: map[uint32]answer{}, id: snap.MatchID, seed: snap.Seed, started: snap.Started,
		log: append([]store.Answer(nil), snap.Answers...)}
	// A resumed match's next match draws new questions, as it would have.
	r.cfg.Seed = snap.Seed*6364136223846793005 + 1442695040888963407
	q := qs[m.round-1]
	m.start = netcode.RoundStart{Round: uint8(m.round), Rounds: uint8(len(qs)), Question: WireQuestion(q),
		StartMs: m.startAt.UnixMilli()}
	if !m.deadline.IsZero() {
		m.start.DeadlineMs = m.deadline.UnixMilli()
	}
	r.match, r.phase = m, phase
	if phase == netcode.PhaseReveal {
		m.lastReveal = r.rebuildReveal(q)
	}
	return r, nil
}

// restorePodium puts a finished match back on the podium with its final
// standings. The match is in the store already (FinishMatch); the room
// keeps no questions of it, only what the podium shows and what the next
// match needs (its seed). A snapshot without standings leaves the lobby.
func (r *Room) restorePodium(snap *store.Snapshot) {
	if snap.MatchID == "" || snap.Round < 1 || len(snap.Podium) == 0 {
		return
	}
	r.match = &match{round: snap.Round, answers: map[uint32]answer{}, podium: wirePodium(snap.Podium),
		id: snap.MatchID, seed: snap.Seed, started: snap.Started}
	r.phase = netcode.PhasePodium
	for _, l := range snap.Podium {
		r.nextID = max(r.nextID, l.Seat) // a newcomer never takes the number of a line on the podium
	}
	// The next match draws new questions, as it would have.
	r.cfg.Seed = snap.Seed*6364136223846793005 + 1442695040888963407
}

// rebuildReveal is the current round's Reveal from the match's log and the
// seats' scores (the standings as they were when it was revealed).
func (r *Room) rebuildReveal(q *quiz.Question) netcode.Reveal {
	m := r.match
	rv := netcode.Reveal{Round: uint8(m.round), Answer: q.Answer.Values, Explanation: q.Explanation}
	byPlayer := map[int64]store.Answer{}
	for _, a := range m.log {
		if a.Round == m.round {
			byPlayer[a.Player] = a
		}
	}
	for _, id := range r.order {
		p := r.players[id]
		res := netcode.Result{PlayerID: id, Score: p.score, Streak: uint16(min(p.streak, 65535))}
		if a, ok := byPlayer[p.playerID]; ok && p.playerID != 0 {
			res.Answered, res.Values, res.ElapsedMs = a.Answered, a.Values, int32(a.ElapsedMs)
			res.Credit, res.Points = uint16(a.Credit), int32(a.Points)
			if a.Answered {
				res.Why = q.Grade(a.Values).Why
			}
		}
		rv.Results = append(rv.Results, res)
	}
	sortResults(rv.Results)
	return rv
}
