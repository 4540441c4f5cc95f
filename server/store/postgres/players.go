package postgres

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/osarena/osarena/server/store"
)

const playerCols = `id, token, nickname, created_ms, seen_ms`

func scanPlayer(r pgx.Row) (store.Player, error) {
	var p store.Player
	var created, seen int64
	err := r.Scan(&p.ID, &p.Token, &p.Nickname, &created, &seen)
	p.Created, p.Seen = fromMs(created), fromMs(seen)
	return p, err
}

// SeePlayer implements store.Players: one upsert, so concurrent first
// sights of a token make one player.
func (s *Store) SeePlayer(ctx context.Context, token, nickname string) (store.Player, error) {
	var p store.Player
	if token == "" {
		return p, fmt.Errorf("store: see player: %w: empty token", store.ErrInvalid)
	}
	now := time.Now().UnixMilli()
	err := s.one(ctx, "see player", func(q querier) error {
		var err error
		p, err = scanPlayer(q.QueryRow(ctx, `INSERT INTO players (token, nickname, created_ms, seen_ms) VALUES ($1, $2, $3, $3)
			ON CONFLICT (token) DO UPDATE SET seen_ms = excluded.seen_ms,
				nickname = CASE WHEN excluded.nickname = '' THEN players.nickname ELSE excluded.nickname END
			RETURNING `+playerCols, token, nickname, now))
		return err
	})
	return p, err
}

// Player implements store.Players.
func (s *Store) Player(ctx context.Context, id int64) (store.Player, error) {
	var p store.Player
	err := s.one(ctx, "player", func(q querier) error {
		var err error
		p, err = scanPlayer(q.QueryRow(ctx, `SELECT `+playerCols+` FROM players WHERE id = $1`, id))
		return err
	})
	return p, err
}

// PlayerByToken implements store.Players.
func (s *Store) PlayerByToken(ctx context.Context, token string) (store.Player, error) {
	var p store.Player
	err := s.one(ctx, "player by token", func(q querier) error {
		var err error
		p, err = scanPlayer(q.QueryRow(ctx, `SELECT `+playerCols+` FROM players WHERE token = $1`, token))
		return err
	})
	return p, err
}

const roomCols = `code, host_token, host_player, mode, settings, locked, tournament, created_ms, closed_ms`

func scanRoom(r pgx.Row) (store.Room, error) {
	var m store.Room
	var settings []byte
	var created, closed int64
	if err := r.Scan(&m.Code, &m.HostToken, &m.HostPlayer, &m.Mode, &settings, &m.Locked, &m.Tournament, &created, &closed); err != nil {
		return m, err
	}
	m.Created, m.Closed = fromMs(created), fromMs(closed)
	return m, unmarshal(settings, &m.Settings)
}

// SaveRoom implements store.Rooms.
func (s *Store) SaveRoom(ctx context.Context, r store.Room) error {
	if r.Code == "" {
		return fmt.Errorf("store: save room: %w: empty code", store.ErrInvalid)
	}
	settings, err := marshal(r.Settings)
	if err != nil {
		return fmt.Errorf("store: save room: %w", err)
	}
	return s.one(ctx, "save room", func(q querier) error {
		_, err := q.Exec(ctx, `INSERT INTO rooms (`+roomCols+`) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
			ON CONFLICT (code) DO UPDATE SET host_token = excluded.host_token, host_player = excluded.host_player,
				mode = excluded.mode, settings = excluded.settings, locked = excluded.locked,
				tournament = excluded.tournament, created_ms = excluded.created_ms, closed_ms = excluded.closed_ms`,
			r.Code, r.HostToken, r.HostPlayer, r.Mode, settings, r.Locked, r.Tournament, ms(r.Created), ms(r.Closed))
		return err
	})
}

// Room implements store.Rooms.
func (s *Store) Room(ctx context.Context, code string) (store.Room, error) {
	var r store.Room
	err := s.one(ctx, "room", func(q querier) error {
		var err error
		r, err = scanRoom(q.QueryRow(ctx, `SELECT `+roomCols+` FROM rooms WHERE code = $1`, code))
		return err
	})
	return r, err
}

// OpenRooms implements store.Rooms.
func (s *Store) OpenRooms(ctx context.Context) ([]store.Room, error) {
	var out []store.Room
	err := s.one(ctx, "open rooms", func(q querier) error {
		rows, err := q.Query(ctx, `SELECT `+roomCols+` FROM rooms WHERE closed_ms = 0 ORDER BY code`)
		if err != nil {
			return err
		}
		out, err = collect(rows, scanRoom)
		return err
	})
	return out, err
}

// CloseRoom implements store.Rooms.
func (s *Store) CloseRoom(ctx context.Context, code string, at time.Time) error {
	if at.IsZero() {
		at = time.Now()
	}
	return s.write(ctx, "close room", func(q querier) error {
		tag, err := q.Exec(ctx, `UPDATE rooms SET closed_ms = $1 WHERE code = $2`, ms(at), code)
		if err != nil {
			return err
		}
		if tag.RowsAffected() == 0 {
			return fmt.Errorf("%w: room %s", store.ErrNotFound, code)
		}
		_, err = q.Exec(ctx, `DELETE FROM snapshots WHERE room = $1`, code)
		return err
	})
}

// collect scans every row with scan; no rows give a nil slice.
func collect[T any](rows pgx.Rows, scan func(pgx.Row) (T, error)) ([]T, error) {
	defer rows.Close()
	var out []T
	for rows.Next() {
		v, err := scan(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, rows.Err()
}

// marshal makes a jsonb argument: JSON text, which pgx sends as it is.
func marshal(v any) (string, error) {
	b, err := json.Marshal(v)
	return string(b), err
}

func unmarshal(b []byte, v any) error {
	if err := json.Unmarshal(b, v); err != nil {
		return fmt.Errorf("decode stored JSON: %w", err)
	}
	return nil
}
