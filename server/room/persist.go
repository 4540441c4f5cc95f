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
// record when it is made and when its settings, lock or host change, a
// snapshot of its match when a round opens (with the deadline) and when it
// is revealed, the finished match at the podium, and closes its record when
// it ends (not when the server shuts down: the room is resumed on restart).
// Its seats are saved whenever they change (a join, a leave, a kick, a seat
// freed after the grace period, a new host, new settings, the podium): as
// the match's snapshot during a match, and between matches as a snapshot
// of the lobby or of the podium with the final standings. An input that
// changes the seats only marks them (seatsChanged); handle saves them once
// after it, so a burst of changes costs one snapshot and a drop, a resume
// or an answer none. Everything goes through the room's saver, so only the
// room's goroutine calls the functions in this file (New and Restore before
// Run).

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
		Started: m.started, RoundStart: m.startAt, Deadline: m.deadline, Seats: r.storeSeats(),
		Answers: slices.Clone(m.log), Saved: now,
	}
	r.saver.saveSnapshot(s)
}

// storeSeats is every seat with its score and statistics, by seat number.
func (r *Room) storeSeats() []store.Seat {
	var out []store.Seat
	for _, id := range r.order {
		p := r.players[id]
		out = append(out, store.Seat{
			Seat: p.id, Player: p.playerID, Session: p.session, Nickname: p.nickname, Host: p.id == r.host,
			Score: int(p.score), Streak: p.streak, Correct: p.correct, Answered: p.answered, TotalMs: p.totalMs,
			TopicCredit: maps.Clone(p.topicCredit),
		})
	}
	return out
}

// seatsChanged marks the seats for saving after the current input.
func (r *Room) seatsChanged() { r.seatsDirty = r.saver != nil }

// saveSeats queues the room's seats if they changed: with the running
// match's snapshot, or as the lobby's or the podium's. A study room saves
// its seats with every state it sends (saveStudy), and a tournament duel
// only with its match's snapshots (RestoreDuel brings back a running match
// only), so neither saves them here.
func (r *Room) saveSeats(now time.Time) {
	if !r.seatsDirty {
		return
	}
	r.seatsDirty = false
	switch {
	case r.saver == nil || r.study != nil || r.duel != nil:
	case r.match != nil && (r.phase == netcode.PhaseRound || r.phase == netcode.PhaseReveal):
		r.saveSnapshot(now)
	default:
		r.saveBetween(now)
	}
}

// lobbyMatch is the MatchID of a lobby's snapshot: no match's.
func lobbyMatch(code string) string { return "lobby-" + code }

// saveBetween queues the snapshot of a room between matches: the lobby's
// seats, or the podium's with the finished match's standings (Restore
// brings either back).
func (r *Room) saveBetween(now time.Time) {
	r.seq++
	s := store.Snapshot{Room: r.code, MatchID: lobbyMatch(r.code), Seq: r.seq, Settings: StoreSettings(r.settings),
		Phase: int(r.phase), Seats: r.storeSeats(), Saved: now}
	if m := r.match; m != nil && r.phase == netcode.PhasePodium {
		s.MatchID, s.SimVersion, s.Seed, s.Started = m.id, scenario.Version, m.seed, m.started
		s.Round, s.Rounds = m.round, m.round // the podium follows the last round
		for _, sum := range m.podium.Summaries {
			line := store.MatchPlayer{Seat: sum.PlayerID, Nickname: sum.Nickname, Rank: int(sum.Rank),
				Score: int(sum.Score), Correct: int(sum.Correct), Answered: int(sum.Answered), AvgMs: int(sum.AvgMs),
				BestTopic: sum.BestTopic}
			if p := r.players[sum.PlayerID]; p != nil {
				line.Player = p.playerID
			}
			s.Podium = append(s.Podium, line)
		}
	}
	r.saver.saveSnapshot(s)
}

// wirePodium converts a podium snapshot's standings back to the wire's.
func wirePodium(lines []store.MatchPlayer) netcode.Podium {
	var p netcode.Podium
	for _, l := range lines {
		p.Summaries = append(p.Summaries, netcode.Summary{PlayerID: l.Seat, Nickname: l.Nickname, Rank: uint16(l.Rank),
			Score: int32(l.Score), Correct: uint16(l.Correct), Answered: uint16(l.Answered), AvgMs: int32(l.AvgMs),
			BestTopic: l.BestTopic})
	}
	return p
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
