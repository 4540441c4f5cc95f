package room

import (
	"maps"
	"slices"
	"time"

	"github.com/osarena/osarena/netcode"
	"github.com/osarena/osarena/server/store"
	"github.com/osarena/osarena/sim/quiz"
	"github.com/osarena/osarena/sim/scenario"
)

// Persistence (DESIGN.md §7): with Config.Store set, a room saves its
// record when it is made and when its settings or lock change, a snapshot
// of its match when a round opens (with the deadline) and when it is
// revealed, the finished match at the podium, and closes its record when it
// ends (not when the server shuts down: the room is resumed on restart).
// Everything goes through the room's saver, so only the room's goroutine
// calls the functions in this file (New and Restore before Run).

// StoreSettings converts settings to the store's plain data.
func StoreSettings(s netcode.Settings) store.Settings {
	return store.Settings{Topics: slices.Clone(s.Topics), Difficulty: int(s.Difficulty), Rounds: int(s.Rounds),
		Seconds: int(s.Seconds), Timed: s.Timed, Lang: s.Lang, Chain: int(s.Chain)}
}

// WireSettings converts the store's settings back to the wire's.
func WireSettings(s store.Settings) netcode.Settings {
	return netcode.Settings{Topics: slices.Clone(s.Topics), Difficulty: uint8(s.Difficulty), Rounds: uint8(s.Rounds),
		Seconds: uint16(s.Seconds), Timed: s.Timed, Lang: s.Lang, Chain: uint8(s.Chain)}
}

func (r *Room) saveRoom() {
	if r.saver == nil {
		return
	}
	rec := store.Room{Code: r.code, HostToken: r.hostToken, Mode: "quiz", Settings: StoreSettings(r.settings),
		Locked: r.locked, Created: r.created}
	if r.duel != nil {
		rec.Mode, rec.Tournament = "duel", r.duel.Tournament
	}
	if r.study != nil {
		rec.Mode = "study"
	}
	if p := r.players[r.host]; p != nil {
		rec.HostPlayer = p.playerID
	}
	r.saver.saveRoom(rec)
}

// saveSnapshot queues a snapshot of the running match.
func (r *Room) saveSnapshot(now time.Time) {
	m := r.match
	if r.saver == nil || m == nil {
		return
	}
	r.seq++
	s := store.Snapshot{
		Room: r.code, MatchID: m.id, Seq: r.seq, SimVersion: scenario.Version, Seed: m.seed,
		Settings: StoreSettings(r.settings), Phase: int(r.phase), Round: m.round, Rounds: len(m.questions),
		Started: m.started, RoundStart: m.startAt, Deadline: m.deadline, Answers: slices.Clone(m.log), Saved: now,
	}
	for _, id := range r.order {
		p := r.players[id]
		s.Seats = append(s.Seats, store.Seat{
			Seat: p.id, Player: p.playerID, Session: p.session, Nickname: p.nickname, Host: p.id == r.host,
			Score: int(p.score), Streak: p.streak, Correct: p.correct, Answered: p.answered, TotalMs: p.totalMs,
			TopicCredit: maps.Clone(p.topicCredit),
		})
	}
	r.saver.saveSnapshot(s)
}

// logRound appends the round's outcome per player to the match's log.
func (r *Room) logRound(q *quiz.Question, rv netcode.Reveal) {
	m := r.match
	for _, res := range rv.Results {
		p := r.players[res.PlayerID]
		if p == nil {
			continue
		}
		m.log = append(m.log, store.Answer{
			Player: p.playerID, Round: m.round, Family: string(q.Family), Topic: string(q.Topic),
			Answered: res.Answered, Values: slices.Clone(res.Values), Credit: int(res.Credit),
			Points: int(res.Points), ElapsedMs: int(res.ElapsedMs),
		})
	}
	slices.SortStableFunc(m.log, func(a, b store.Answer) int {
		if a.Round != b.Round {
			return a.Round - b.Round
		}
		return int(min(max(a.Player-b.Player, -1), 1))
	})
}

// saveFinished queues the finished match: its podium and every answer of
// the players known to the store.
func (r *Room) saveFinished(now time.Time) {
	m := r.match
	if r.saver == nil || m == nil {
		return
	}
	rec := store.Match{ID: m.id, Room: r.code, Tournament: r.tournament(), SimVersion: scenario.Version, Seed: m.seed,
		Settings: StoreSettings(r.settings), Started: m.started, Ended: now}
	seen := map[int64]bool{}
	for _, s := range m.podium.Summaries {
		p := r.players[s.PlayerID]
		if p == nil || p.playerID == 0 || seen[p.playerID] {
			continue // anonymous (the store did not answer when it joined), or a second seat of one device
		}
		seen[p.playerID] = true
		rec.Players = append(rec.Players, store.MatchPlayer{Player: p.playerID, Seat: p.id, Nickname: s.Nickname,
			Rank: int(s.Rank), Score: int(s.Score), Correct: int(s.Correct), Answered: int(s.Answered),
			AvgMs: int(s.AvgMs), BestTopic: s.BestTopic})
	}
	type key struct {
		round  int
		player int64
	}
	logged := map[key]bool{}
	for _, a := range m.log {
		if k := (key{a.Round, a.Player}); seen[a.Player] && !logged[k] {
			logged[k] = true
			rec.Answers = append(rec.Answers, a)
		}
	}
	r.saver.finishMatch(rec)
}
