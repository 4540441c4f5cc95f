package sqlite

import (
	"context"
	"fmt"
	"math"
	"time"

	"github.com/osarena/osarena/server/store"
)

const day = int64(24 * time.Hour / time.Millisecond)

// The statistics queries read topic_stats, one row per player, topic and
// match. They share their sums and differ in the bucket they group by and
// in whether they filter by topic (two variants, so that the primary key
// (player_id, topic, ended_ms, …) or topic_stats_time serves the range).
const (
	statsSums  = `SUM(asked), SUM(answered), SUM(correct), SUM(credit), SUM(elapsed_ms)`
	statsAll   = `FROM topic_stats WHERE player_id = ? AND ended_ms >= ? AND ended_ms < ?`
	statsTopic = `FROM topic_stats WHERE player_id = ? AND topic = ? AND ended_ms >= ? AND ended_ms < ?`
	byTopic    = `SELECT topic, 0, ` + statsSums + ` %s GROUP BY topic ORDER BY topic`
	byDay      = `SELECT topic, (ended_ms + ?) / 86400000 AS d, ` + statsSums + ` %s GROUP BY topic, d ORDER BY topic, d`
	byMatch    = `SELECT topic, match_id, ended_ms, asked, answered, correct, credit, elapsed_ms %s ORDER BY topic, ended_ms, match_id`
)

// statsQueries[bucket][filtered by topic] is the query text.
var statsQueries = [3][2]string{
	{fmt.Sprintf(byTopic, statsAll), fmt.Sprintf(byTopic, statsTopic)},
	{fmt.Sprintf(byDay, statsAll), fmt.Sprintf(byDay, statsTopic)},
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
		args, topic = []any{q.Player, q.Topic, since, until}, 1
	}
	if q.By == store.ByDay {
		args = append([]any{off}, args...)
	}
	query := statsQueries[q.By][topic]
	var out []store.Stat
	err := s.view(ctx, "stats", func(t tx) error {
		rows, err := t.query(query, args...)
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
