package postgres

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"

	"github.com/osarena/osarena/server/store"
)

// SaveSnapshot implements store.Matches: one upsert that keeps a newer
// snapshot of the same match.
func (s *Store) SaveSnapshot(ctx context.Context, snap store.Snapshot) error {
	if snap.Room == "" || snap.MatchID == "" {
		return fmt.Errorf("store: save snapshot: %w: empty room or match ID", store.ErrInvalid)
	}
	snap.Started, snap.RoundStart, snap.Deadline, snap.Saved = norm(snap.Started), norm(snap.RoundStart), norm(snap.Deadline), norm(snap.Saved)
	body, err := marshal(snap)
	if err != nil {
		return fmt.Errorf("store: save snapshot %s: %w", snap.Room, err)
	}
	return s.one(ctx, "save snapshot "+snap.Room, func(q querier) error {
		tag, err := q.Exec(ctx, `INSERT INTO snapshots (room, match_id, seq, saved_ms, body) VALUES ($1, $2, $3, $4, $5)
			ON CONFLICT (room) DO UPDATE SET match_id = excluded.match_id, seq = excluded.seq,
				saved_ms = excluded.saved_ms, body = excluded.body
			WHERE snapshots.match_id <> excluded.match_id OR excluded.seq > snapshots.seq`,
			snap.Room, snap.MatchID, snap.Seq, ms(snap.Saved), body)
		if err != nil {
			return err
		}
		if tag.RowsAffected() == 0 {
			return fmt.Errorf("%w: seq %d of match %s", store.ErrStale, snap.Seq, snap.MatchID)
		}
		return nil
	})
}

func scanSnapshot(r pgx.Row) (store.Snapshot, error) {
	var snap store.Snapshot
	var body []byte
	if err := r.Scan(&body); err != nil {
		return snap, err
	}
	return snap, unmarshal(body, &snap)
}

// Snapshot implements store.Matches.
func (s *Store) Snapshot(ctx context.Context, room string) (store.Snapshot, error) {
	var snap store.Snapshot
	err := s.one(ctx, "snapshot "+room, func(q querier) error {
		var err error
		snap, err = scanSnapshot(q.QueryRow(ctx, `SELECT body FROM snapshots WHERE room = $1`, room))
		return err
	})
	return snap, err
}

// Snapshots implements store.Matches.
func (s *Store) Snapshots(ctx context.Context) ([]store.Snapshot, error) {
	var out []store.Snapshot
	err := s.one(ctx, "snapshots", func(q querier) error {
		rows, err := q.Query(ctx, `SELECT s.body FROM snapshots s JOIN rooms r ON r.code = s.room
			WHERE r.closed_ms = 0 ORDER BY s.room`)
		if err != nil {
			return err
		}
		out, err = collect(rows, scanSnapshot)
		return err
	})
	return out, err
}

// FinishMatch implements store.Matches: the match, its players, answers
// and per-topic sums go in one batch (one round trip) inside one
// transaction.
func (s *Store) FinishMatch(ctx context.Context, m store.Match) error {
	if m.ID == "" {
		return fmt.Errorf("store: finish match: %w: empty ID", store.ErrInvalid)
	}
	settings, err := marshal(m.Settings)
	if err != nil {
		return fmt.Errorf("store: finish match %s: %w", m.ID, err)
	}
	ended := ms(m.Ended)
	b := &pgx.Batch{}
	b.Queue(`INSERT INTO matches (id, room, tournament, sim_version, seed, settings, started_ms, ended_ms)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
		m.ID, m.Room, m.Tournament, m.SimVersion, int64(m.Seed), settings, ms(m.Started), ended)
	for _, p := range m.Players {
		b.Queue(`INSERT INTO match_players (match_id, player_id, seat, nickname, rank, score, correct,
			answered, avg_ms, best_topic, ended_ms) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
			m.ID, p.Player, int64(p.Seat), p.Nickname, p.Rank, p.Score, p.Correct, p.Answered, p.AvgMs, p.BestTopic, ended)
	}
	for _, a := range m.Answers {
		b.Queue(`INSERT INTO answers (match_id, player_id, round, family, topic, answered, vals, credit,
			points, elapsed_ms, ended_ms) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
			m.ID, a.Player, a.Round, a.Family, a.Topic, a.Answered, nonNil(a.Values), a.Credit, a.Points, a.ElapsedMs, ended)
	}
	for _, ts := range topicStats(m.Answers) {
		b.Queue(`INSERT INTO topic_stats (player_id, topic, ended_ms, match_id, asked, answered, correct,
			credit, elapsed_ms) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
			ts.player, ts.Topic, ended, m.ID, ts.Asked, ts.Answered, ts.Correct, ts.Credit, ts.ElapsedMs)
	}
	b.Queue(`DELETE FROM snapshots WHERE room = $1 AND match_id = $2`, m.Room, m.ID)
	return s.write(ctx, "finish match "+m.ID, func(q querier) error {
		return q.SendBatch(ctx, b).Close()
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

const matchCols = `m.id, m.room, m.tournament, m.sim_version, m.seed, m.settings, m.started_ms, m.ended_ms`

func scanMatch(r pgx.Row) (store.Match, error) {
	var m store.Match
	var seed, started, ended int64
	var settings []byte
	if err := r.Scan(&m.ID, &m.Room, &m.Tournament, &m.SimVersion, &seed, &settings, &started, &ended); err != nil {
		return m, err
	}
	m.Seed, m.Started, m.Ended = uint64(seed), fromMs(started), fromMs(ended)
	return m, unmarshal(settings, &m.Settings)
}

func scanAnswer(r pgx.Row) (store.Answer, error) {
	var a store.Answer
	err := r.Scan(&a.Player, &a.Round, &a.Family, &a.Topic, &a.Answered, &a.Values, &a.Credit, &a.Points, &a.ElapsedMs)
	if len(a.Values) == 0 {
		a.Values = nil
	}
	return a, err
}

// Match implements store.Matches.
func (s *Store) Match(ctx context.Context, id string) (store.Match, error) {
	var m store.Match
	err := s.view(ctx, "match "+id, func(q querier) error {
		var err error
		if m, err = scanMatch(q.QueryRow(ctx, `SELECT `+matchCols+` FROM matches m WHERE m.id = $1`, id)); err != nil {
			return err
		}
		if m.Players, err = matchPlayers(ctx, q, id); err != nil {
			return err
		}
		rows, err := q.Query(ctx, `SELECT player_id, round, family, topic, answered, vals, credit, points, elapsed_ms
			FROM answers WHERE match_id = $1 ORDER BY round, player_id`, id)
		if err != nil {
			return err
		}
		m.Answers, err = collect(rows, scanAnswer)
		return err
	})
	return m, err
}

func scanMatchPlayer(r pgx.Row) (store.MatchPlayer, error) {
	var p store.MatchPlayer
	var seat int64
	err := r.Scan(&p.Player, &seat, &p.Nickname, &p.Rank, &p.Score, &p.Correct, &p.Answered, &p.AvgMs, &p.BestTopic)
	p.Seat = uint32(seat)
	return p, err
}

func matchPlayers(ctx context.Context, q querier, id string) ([]store.MatchPlayer, error) {
	rows, err := q.Query(ctx, `SELECT player_id, seat, nickname, rank, score, correct, answered, avg_ms, best_topic
		FROM match_players WHERE match_id = $1 ORDER BY rank, seat`, id)
	if err != nil {
		return nil, err
	}
	return collect(rows, scanMatchPlayer)
}

// PlayerMatches implements store.Matches.
func (s *Store) PlayerMatches(ctx context.Context, player int64, limit int) ([]store.Match, error) {
	if limit < 0 {
		return nil, fmt.Errorf("store: player matches: %w: limit %d", store.ErrInvalid, limit)
	}
	var out []store.Match
	err := s.view(ctx, "player matches", func(q querier) error {
		rows, err := q.Query(ctx, `SELECT `+matchCols+`
			FROM match_players p JOIN matches m ON m.id = p.match_id
			WHERE p.player_id = $1 ORDER BY p.ended_ms DESC, m.id DESC LIMIT $2`, player, limit)
		if err != nil {
			return err
		}
		if out, err = collect(rows, scanMatch); err != nil {
			return err
		}
		for i := range out {
			if out[i].Players, err = matchPlayers(ctx, q, out[i].ID); err != nil {
				return err
			}
		}
		return nil
	})
	return out, err
}
