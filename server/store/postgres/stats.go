package postgres

import (
	"context"
	"fmt"
	"math"
	"time"

	"github.com/osarena/osarena/server/store"
)

const day = int64(24 * time.Hour / time.Millisecond)

// The statistics queries read topic_stats, one row per player, topic and
// match, like the SQLite store's: the same sums, grouped by the bucket,
// with or without a topic filter (so that the primary key or
// topic_stats_time serves the range).
const (
	statsSums  = `SUM(asked)::bigint, SUM(answered)::bigint, SUM(correct)::bigint, SUM(credit)::bigint, SUM(elapsed_ms)::bigint`
	statsAll   = `FROM topic_stats WHERE player_id = $1 AND ended_ms >= $2 AND ended_ms < $3`
	statsTopic = `FROM topic_stats WHERE player_id = $1 AND ended_ms >= $2 AND ended_ms < $3 AND topic = $4`
	byTopic    = `SELECT topic, 0::bigint, ` + statsSums + ` %s GROUP BY topic ORDER BY topic`
	byDay      = `SELECT topic, (ended_ms + $%d::bigint) / 86400000 AS d, ` + statsSums + ` %s GROUP BY topic, d ORDER BY topic, d`
	byMatch    = `SELECT topic, match_id, ended_ms, asked, answered, correct, credit, elapsed_ms %s ORDER BY topic, ended_ms, match_id`
)

// statsQueries[bucket][filtered by topic] is the query text.
var statsQueries = [3][2]string{
	{fmt.Sprintf(byTopic, statsAll), fmt.Sprintf(byTopic, statsTopic)},
	{fmt.Sprintf(byDay, 4, statsAll), fmt.Sprintf(byDay, 5, statsTopic)},
	{fmt.Sprintf(byMatch, statsAll), fmt.Sprintf(byMatch, statsTopic)},
}

// Stats implements store.Stats.
func (s *Store) Stats(ctx context.Context, q store.StatsQuery) ([]store.Stat, error) {
	since, until := ms(q.Since), int64(math.MaxInt64)
	if !q.Until.IsZero() {
		until = ms(q.Until)
	}
	off := q.UTCOffset.Milliseconds()
	if q.By < store.ByTopic || q.By > store.ByMatch {
		return nil, fmt.Errorf("store: stats: %w: bucket %d", store.ErrInvalid, q.By)
	}
	args := []any{q.Player, since, until}
	topic := 0
	if q.Topic != "" {
		args, topic = append(args, q.Topic), 1
	}
	if q.By == store.ByDay {
		args = append(args, off)
	}
	query := statsQueries[q.By][topic]
	var out []store.Stat
	err := s.one(ctx, "stats", func(db querier) error {
		rows, err := db.Query(ctx, query, args...)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var st store.Stat
			var n int64
			dst := []any{&st.Topic, &n, &st.Asked, &st.Answered, &st.Correct, &st.Credit, &st.ElapsedMs}
			if q.By == store.ByMatch {
				dst = append([]any{&st.Topic, &st.Match, &n}, dst[2:]...)
			}
			if err := rows.Scan(dst...); err != nil {
				return err
			}
			switch q.By {
			case store.ByDay:
				st.Day = time.UnixMilli(n*day - off).UTC()
			case store.ByMatch:
				st.At = fromMs(n)
			}
			out = append(out, st)
		}
		return rows.Err()
	})
	return out, err
}
