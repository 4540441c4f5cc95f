package sqlite

import (
	"context"
	"fmt"
	"math"
	"time"

	"github.com/osarena/osarena/server/store"
)

const day = int64(24 * time.Hour / time.Millisecond)

// The statistics queries share their aggregates and filter; they differ in
// the bucket they group by. answers_stats (player_id, topic, ended_ms)
// serves the filter.
const (
	statsAggregates = `COUNT(*), SUM(answered), SUM(credit >= 1000), SUM(credit),
		SUM(CASE WHEN answered THEN elapsed_ms ELSE 0 END)`
	statsFilter = `FROM answers WHERE player_id = ? AND (? = '' OR topic = ?) AND ended_ms >= ? AND ended_ms < ?`

	statsByTopic = `SELECT topic, 0, ` + statsAggregates + ` ` + statsFilter + `
		GROUP BY topic ORDER BY topic`
	statsByDay = `SELECT topic, (ended_ms + ?) / 86400000 AS d, ` + statsAggregates + ` ` + statsFilter + `
		GROUP BY topic, d ORDER BY topic, d`
	statsByMatch = `SELECT topic, match_id, ended_ms, ` + statsAggregates + ` ` + statsFilter + `
		GROUP BY topic, match_id, ended_ms ORDER BY topic, ended_ms, match_id`
)

// Stats implements store.Stats.
func (s *Store) Stats(ctx context.Context, q store.StatsQuery) ([]store.Stat, error) {
	since, until := ms(q.Since), int64(math.MaxInt64)
	if !q.Until.IsZero() {
		until = ms(q.Until)
	}
	off := q.UTCOffset.Milliseconds()
	filter := []any{q.Player, q.Topic, q.Topic, since, until}
	var query string
	var args []any
	switch q.By {
	case store.ByTopic:
		query, args = statsByTopic, filter
	case store.ByDay:
		query, args = statsByDay, append([]any{off}, filter...)
	case store.ByMatch:
		query, args = statsByMatch, filter
	default:
		return nil, fmt.Errorf("store: stats: %w: bucket %d", store.ErrInvalid, q.By)
	}
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
