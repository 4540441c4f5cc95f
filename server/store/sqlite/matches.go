package sqlite

import (
	"context"
	"fmt"
	"slices"

	"github.com/osarena/osarena/server/store"
)

// SaveSnapshot implements store.Matches: one upsert, its own transaction.
func (s *Store) SaveSnapshot(ctx context.Context, snap store.Snapshot) error {
	if snap.Room == "" || snap.MatchID == "" {
		return fmt.Errorf("store: save snapshot: %w: empty room or match ID", store.ErrInvalid)
	}
	snap = normSnapshot(snap)
	body, err := marshal(snap)
	if err != nil {
		return fmt.Errorf("store: save snapshot %s: %w", snap.Room, err)
	}
	return s.write(ctx, "save snapshot "+snap.Room, func(t tx) error {
		res, err := t.exec(`INSERT INTO snapshots (room, match_id, seq, saved_ms, body) VALUES (?, ?, ?, ?, ?)
			ON CONFLICT (room) DO UPDATE SET match_id = excluded.match_id, seq = excluded.seq,
				saved_ms = excluded.saved_ms, body = excluded.body
			WHERE snapshots.match_id <> excluded.match_id OR excluded.seq > snapshots.seq`,
			snap.Room, snap.MatchID, snap.Seq, ms(snap.Saved), body)
		if err != nil {
			return err
		}
		if n, err := res.RowsAffected(); err != nil || n == 0 {
			return fmt.Errorf("%w: seq %d of match %s", store.ErrStale, snap.Seq, snap.MatchID)
		}
		return nil
	})
}

// normSnapshot is s as the store returns it: times in UTC milliseconds.
func normSnapshot(s store.Snapshot) store.Snapshot {
	s.Started, s.RoundStart, s.Deadline, s.Saved = norm(s.Started), norm(s.RoundStart), norm(s.Deadline), norm(s.Saved)
	return s
}

// Snapshot implements store.Matches.
func (s *Store) Snapshot(ctx context.Context, room string) (store.Snapshot, error) {
	var snap store.Snapshot
	err := s.view(ctx, "snapshot "+room, func(t tx) error {
		var body string
		if err := t.row(`SELECT body FROM snapshots WHERE room = ?`, room).Scan(&body); err != nil {
			return err
		}
		return unmarshal(body, &snap)
	})
	return snap, err
}

// Snapshots implements store.Matches.
func (s *Store) Snapshots(ctx context.Context) ([]store.Snapshot, error) {
	var out []store.Snapshot
	err := s.view(ctx, "snapshots", func(t tx) error {
		rows, err := t.query(`SELECT s.body FROM snapshots s JOIN rooms r ON r.code = s.room
			WHERE r.closed_ms = 0 ORDER BY s.room`)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var body string
			var snap store.Snapshot
			if err := rows.Scan(&body); err != nil {
				return err
			}
			if err := unmarshal(body, &snap); err != nil {
				return err
			}
			out = append(out, snap)
		}
		return rows.Err()
	})
	return out, err
}

// FinishMatch implements store.Matches.
func (s *Store) FinishMatch(ctx context.Context, m store.Match) error {
	if m.ID == "" {
		return fmt.Errorf("store: finish match: %w: empty ID", store.ErrInvalid)
	}
	settings, err := marshal(m.Settings)
	if err != nil {
		return fmt.Errorf("store: finish match %s: %w", m.ID, err)
	}
	vals := make([]string, len(m.Answers))
	for i, a := range m.Answers {
		if vals[i], err = marshal(nonNil(a.Values)); err != nil {
			return fmt.Errorf("store: finish match %s: %w", m.ID, err)
		}
	}
	ended := ms(m.Ended)
	return s.write(ctx, "finish match "+m.ID, func(t tx) error {
		if _, err := t.exec(`INSERT INTO matches (id, room, tournament, sim_version, seed, settings, started_ms, ended_ms)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
			m.ID, m.Room, m.Tournament, m.SimVersion, int64(m.Seed), settings, ms(m.Started), ended); err != nil {
			return err
		}
		for _, p := range m.Players {
			if _, err := t.exec(`INSERT INTO match_players (match_id, player_id, seat, nickname, rank, score, correct,
				answered, avg_ms, best_topic, ended_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
				m.ID, p.Player, p.Seat, p.Nickname, p.Rank, p.Score, p.Correct, p.Answered, p.AvgMs, p.BestTopic, ended); err != nil {
				return err
			}
		}
		for i, a := range m.Answers {
			if _, err := t.exec(`INSERT INTO answers (match_id, player_id, round, family, topic, answered, vals, credit,
				points, elapsed_ms, ended_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
				m.ID, a.Player, a.Round, a.Family, a.Topic, a.Answered, vals[i], a.Credit, a.Points, a.ElapsedMs, ended); err != nil {
				return err
			}
		}
		for _, ts := range topicStats(m.Answers) {
			if _, err := t.exec(`INSERT INTO topic_stats (player_id, topic, ended_ms, match_id, asked, answered, correct,
				credit, elapsed_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
				ts.player, ts.Topic, ended, m.ID, ts.Asked, ts.Answered, ts.Correct, ts.Credit, ts.ElapsedMs); err != nil {
				return err
			}
		}
		_, err := t.exec(`DELETE FROM snapshots WHERE room = ? AND match_id = ?`, m.Room, m.ID)
		return err
	})
}

// playerStat is one player's sums for one topic of a match.
type playerStat struct {
	player int64
	store.Stat
}

// topicStats sums answers per player and topic, in order of first answer.
func topicStats(answers []store.Answer) []playerStat {
	type key struct {
		player int64
		topic  string
	}
	var out []playerStat
	at := map[key]int{}
	for _, a := range answers {
		k := key{a.Player, a.Topic}
		i, ok := at[k]
		if !ok {
			i = len(out)
			at[k] = i
			out = append(out, playerStat{player: a.Player, Stat: store.Stat{Topic: a.Topic}})
		}
		st := &out[i].Stat
		st.Asked++
		st.Credit += int64(a.Credit)
		if a.Credit >= 1000 {
			st.Correct++
		}
		if a.Answered {
			st.Answered++
			st.ElapsedMs += int64(a.ElapsedMs)
		}
	}
	return out
}

func nonNil(v []int64) []int64 {
	if v == nil {
		return []int64{}
	}
	return v
}

// Match implements store.Matches.
func (s *Store) Match(ctx context.Context, id string) (store.Match, error) {
	var m store.Match
	err := s.view(ctx, "match "+id, func(t tx) error {
		var err error
		if m, err = scanMatch(t.row(`SELECT `+matchCols+` FROM matches WHERE id = ?`, id)); err != nil {
			return err
		}
		if m.Players, err = matchPlayers(t, id); err != nil {
			return err
		}
		rows, err := t.query(`SELECT player_id, round, family, topic, answered, vals, credit, points, elapsed_ms
			FROM answers WHERE match_id = ? ORDER BY round, player_id`, id)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var a store.Answer
			var vals string
			if err := rows.Scan(&a.Player, &a.Round, &a.Family, &a.Topic, &a.Answered, &vals, &a.Credit, &a.Points, &a.ElapsedMs); err != nil {
				return err
			}
			if err := unmarshal(vals, &a.Values); err != nil {
				return err
			}
			if len(a.Values) == 0 {
				a.Values = nil
			}
			m.Answers = append(m.Answers, a)
		}
		return rows.Err()
	})
	return m, err
}

const matchCols = `id, room, tournament, sim_version, seed, settings, started_ms, ended_ms`

func scanMatch(r interface{ Scan(...any) error }) (store.Match, error) {
	var m store.Match
	var seed, started, ended int64
	var settings string
	if err := r.Scan(&m.ID, &m.Room, &m.Tournament, &m.SimVersion, &seed, &settings, &started, &ended); err != nil {
		return m, err
	}
	m.Seed, m.Started, m.Ended = uint64(seed), fromMs(started), fromMs(ended)
	return m, unmarshal(settings, &m.Settings)
}

func matchPlayers(t tx, id string) ([]store.MatchPlayer, error) {
	rows, err := t.query(`SELECT player_id, seat, nickname, rank, score, correct, answered, avg_ms, best_topic
		FROM match_players WHERE match_id = ? ORDER BY rank, seat`, id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []store.MatchPlayer
	for rows.Next() {
		var p store.MatchPlayer
		if err := rows.Scan(&p.Player, &p.Seat, &p.Nickname, &p.Rank, &p.Score, &p.Correct, &p.Answered, &p.AvgMs, &p.BestTopic); err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, rows.Err()
}

// PlayerMatches implements store.Matches.
func (s *Store) PlayerMatches(ctx context.Context, player int64, limit int) ([]store.Match, error) {
	if limit < 0 {
		return nil, fmt.Errorf("store: player matches: %w: limit %d", store.ErrInvalid, limit)
	}
	var out []store.Match
	err := s.view(ctx, "player matches", func(t tx) error {
		rows, err := t.query(`SELECT m.id, m.room, m.tournament, m.sim_version, m.seed, m.settings, m.started_ms, m.ended_ms
			FROM match_players p JOIN matches m ON m.id = p.match_id
			WHERE p.player_id = ? ORDER BY p.ended_ms DESC, m.id DESC LIMIT ?`, player, limit)
		if err != nil {
			return err
		}
		for rows.Next() {
			m, err := scanMatch(rows)
			if err != nil {
				rows.Close()
				return err
			}
			out = append(out, m)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		for i := range out {
			if out[i].Players, err = matchPlayers(t, out[i].ID); err != nil {
				return err
			}
		}
		return nil
	})
	return slices.Clip(out), err
}
