package sqlite

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/osarena/osarena/server/store"
)

const playerCols = `id, token, nickname, created_ms, seen_ms`

func scanPlayer(r interface{ Scan(...any) error }) (store.Player, error) {
	var p store.Player
	var created, seen int64
	err := r.Scan(&p.ID, &p.Token, &p.Nickname, &created, &seen)
	p.Created, p.Seen = fromMs(created), fromMs(seen)
	return p, err
}

// SeePlayer implements store.Players.
func (s *Store) SeePlayer(ctx context.Context, token, nickname string) (store.Player, error) {
	var p store.Player
	if token == "" {
		return p, fmt.Errorf("store: see player: %w: empty token", store.ErrInvalid)
	}
	now := time.Now().UnixMilli()
	err := s.write(ctx, "see player", func(t tx) error {
		var err error
		p, err = scanPlayer(t.row(`INSERT INTO players (token, nickname, created_ms, seen_ms) VALUES (?, ?, ?, ?)
			ON CONFLICT (token) DO UPDATE SET seen_ms = excluded.seen_ms,
				nickname = CASE WHEN excluded.nickname = '' THEN players.nickname ELSE excluded.nickname END
			RETURNING `+playerCols, token, nickname, now, now))
		return err
	})
	return p, err
}

// Player implements store.Players.
func (s *Store) Player(ctx context.Context, id int64) (store.Player, error) {
	var p store.Player
	err := s.view(ctx, "player", func(t tx) error {
		var err error
		p, err = scanPlayer(t.row(`SELECT `+playerCols+` FROM players WHERE id = ?`, id))
		return err
	})
	return p, err
}

// PlayerByToken implements store.Players.
func (s *Store) PlayerByToken(ctx context.Context, token string) (store.Player, error) {
	var p store.Player
	err := s.view(ctx, "player by token", func(t tx) error {
		var err error
		p, err = scanPlayer(t.row(`SELECT `+playerCols+` FROM players WHERE token = ?`, token))
		return err
	})
	return p, err
}

const roomCols = `code, host_token, host_player, mode, settings, locked, tournament, created_ms, closed_ms`

func scanRoom(r interface{ Scan(...any) error }) (store.Room, error) {
	var m store.Room
	var settings string
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
	return s.write(ctx, "save room", func(t tx) error {
		_, err := t.exec(`INSERT INTO rooms (`+roomCols+`) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
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
	err := s.view(ctx, "room", func(t tx) error {
		var err error
		r, err = scanRoom(t.row(`SELECT `+roomCols+` FROM rooms WHERE code = ?`, code))
		return err
	})
	return r, err
}

// OpenRooms implements store.Rooms.
func (s *Store) OpenRooms(ctx context.Context) ([]store.Room, error) {
	var out []store.Room
	err := s.view(ctx, "open rooms", func(t tx) error {
		rows, err := t.query(`SELECT ` + roomCols + ` FROM rooms WHERE closed_ms = 0 ORDER BY code`)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			r, err := scanRoom(rows)
			if err != nil {
				return err
			}
			out = append(out, r)
		}
		return rows.Err()
	})
	return out, err
}

// CloseRoom implements store.Rooms.
func (s *Store) CloseRoom(ctx context.Context, code string, at time.Time) error {
	if at.IsZero() {
		at = time.Now()
	}
	return s.write(ctx, "close room", func(t tx) error {
		res, err := t.exec(`UPDATE rooms SET closed_ms = ? WHERE code = ?`, ms(at), code)
		if err != nil {
			return err
		}
		if n, err := res.RowsAffected(); err != nil || n == 0 {
			return fmt.Errorf("%w: room %s", store.ErrNotFound, code)
		}
		_, err = t.exec(`DELETE FROM snapshots WHERE room = ?`, code)
		return err
	})
}

func marshal(v any) (string, error) {
	b, err := json.Marshal(v)
	return string(b), err
}

func unmarshal(s string, v any) error {
	if err := json.Unmarshal([]byte(s), v); err != nil {
		return fmt.Errorf("decode stored JSON: %w", err)
	}
	return nil
}
