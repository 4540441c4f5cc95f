package postgres

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"

	"github.com/osarena/osarena/server/store"
)

const tournamentCols = `id, code, name, format, host, state, start_ms, round_ms, options, created_ms`

func scanTournament(r pgx.Row) (store.Tournament, error) {
	var t store.Tournament
	var start, round, created int64
	var options []byte
	if err := r.Scan(&t.ID, &t.Code, &t.Name, &t.Format, &t.Host, &t.State, &start, &round, &options, &created); err != nil {
		return t, err
	}
	t.Schedule = store.Schedule{Start: fromMs(start), RoundEvery: time.Duration(round) * time.Millisecond}
	t.Created = fromMs(created)
	return t, unmarshal(options, &t.Options)
}

// CreateTournament implements store.Tournaments.
func (s *Store) CreateTournament(ctx context.Context, tr store.Tournament) error {
	if tr.ID == "" || tr.Code == "" {
		return fmt.Errorf("store: create tournament: %w: empty ID or code", store.ErrInvalid)
	}
	options, err := marshal(tr.Options)
	if err != nil {
		return fmt.Errorf("store: create tournament %s: %w", tr.ID, err)
	}
	if tr.Created.IsZero() {
		tr.Created = time.Now()
	}
	return s.write(ctx, "create tournament "+tr.ID, func(q querier) error {
		if _, err := q.Exec(ctx, `INSERT INTO tournaments (`+tournamentCols+`) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
			tr.ID, tr.Code, tr.Name, tr.Format, tr.Host, tr.State, ms(tr.Schedule.Start),
			tr.Schedule.RoundEvery.Milliseconds(), options, ms(tr.Created)); err != nil {
			return err
		}
		for _, e := range tr.Entrants {
			if err := register(ctx, q, tr.ID, e); err != nil {
				return err
			}
		}
		return saveMatches(ctx, q, tr.ID, tr.Matches, true)
	})
}

// Tournament implements store.Tournaments.
func (s *Store) Tournament(ctx context.Context, id string) (store.Tournament, error) {
	return s.tournament(ctx, "tournament "+id, `id`, id)
}

// TournamentByCode implements store.Tournaments.
func (s *Store) TournamentByCode(ctx context.Context, code string) (store.Tournament, error) {
	return s.tournament(ctx, "tournament by code "+code, `code`, code)
}

func (s *Store) tournament(ctx context.Context, op, col, key string) (store.Tournament, error) {
	var tr store.Tournament
	err := s.view(ctx, op, func(q querier) error {
		var err error
		if tr, err = scanTournament(q.QueryRow(ctx, `SELECT `+tournamentCols+` FROM tournaments WHERE `+col+` = $1`, key)); err != nil {
			return err
		}
		if tr.Entrants, err = entrants(ctx, q, tr.ID); err != nil {
			return err
		}
		if tr.Matches, err = bracket(ctx, q, tr.ID); err != nil {
			return err
		}
		tr.Corrections, err = corrections(ctx, q, tr.ID)
		return err
	})
	return tr, err
}

func entrants(ctx context.Context, q querier, id string) ([]store.Entrant, error) {
	rows, err := q.Query(ctx, `SELECT player_id, nickname, seed, registered_ms FROM entrants WHERE tournament = $1
		ORDER BY seed = 0, seed, registered_ms, player_id`, id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []store.Entrant
	for rows.Next() {
		var e store.Entrant
		var at int64
		if err := rows.Scan(&e.Player, &e.Nickname, &e.Seed, &at); err != nil {
			return nil, err
		}
		e.Registered = fromMs(at)
		out = append(out, e)
	}
	return out, rows.Err()
}

const bracketCols = `bracket, round, slot, player_a, player_b, winner, status, deadline_ms, match_id, score_a, score_b, time_a, time_b`

func bracket(ctx context.Context, q querier, id string) ([]store.BracketMatch, error) {
	rows, err := q.Query(ctx, `SELECT `+bracketCols+` FROM bracket_matches WHERE tournament = $1
		ORDER BY bracket, round, slot`, id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []store.BracketMatch
	for rows.Next() {
		var m store.BracketMatch
		var deadline int64
		r := &m.Result
		if err := rows.Scan(&m.Bracket, &m.Round, &m.Slot, &m.PlayerA, &m.PlayerB, &m.Winner, &m.Status, &deadline,
			&m.MatchID, &r.ScoreA, &r.ScoreB, &r.TimeA, &r.TimeB); err != nil {
			return nil, err
		}
		m.Deadline = fromMs(deadline)
		out = append(out, m)
	}
	return out, rows.Err()
}

func corrections(ctx context.Context, q querier, id string) ([]store.Correction, error) {
	rows, err := q.Query(ctx, `SELECT bracket, round, slot, by_player, reason, at_ms, old_winner, new_winner, old_result, new_result
		FROM corrections WHERE tournament = $1 ORDER BY id`, id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []store.Correction
	for rows.Next() {
		var c store.Correction
		var at int64
		var old, newRes []byte
		if err := rows.Scan(&c.Bracket, &c.Round, &c.Slot, &c.By, &c.Reason, &at, &c.OldWinner, &c.NewWinner, &old, &newRes); err != nil {
			return nil, err
		}
		c.At = fromMs(at)
		if err := unmarshal(old, &c.Old); err != nil {
			return nil, err
		}
		if err := unmarshal(newRes, &c.New); err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// ActiveTournaments implements store.Tournaments.
func (s *Store) ActiveTournaments(ctx context.Context) ([]store.Tournament, error) {
	var out []store.Tournament
	err := s.view(ctx, "active tournaments", func(q querier) error {
		rows, err := q.Query(ctx, `SELECT `+tournamentCols+` FROM tournaments WHERE state <> $1 ORDER BY id`, store.TournamentFinished)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			tr, err := scanTournament(rows)
			if err != nil {
				return err
			}
			out = append(out, tr)
		}
		return rows.Err()
	})
	return out, err
}

// UpdateTournament implements store.Tournaments.
func (s *Store) UpdateTournament(ctx context.Context, tr store.Tournament) error {
	options, err := marshal(tr.Options)
	if err != nil {
		return fmt.Errorf("store: update tournament %s: %w", tr.ID, err)
	}
	return s.write(ctx, "update tournament "+tr.ID, func(q querier) error {
		res, err := q.Exec(ctx, `UPDATE tournaments SET name = $1, format = $2, state = $3, start_ms = $4, round_ms = $5, options = $6
			WHERE id = $7`, tr.Name, tr.Format, tr.State, ms(tr.Schedule.Start), tr.Schedule.RoundEvery.Milliseconds(), options, tr.ID)
		return mustChange(res, err, "tournament "+tr.ID)
	})
}

// mustChange turns "no row changed" into ErrNotFound.
func mustChange(tag pgconn.CommandTag, err error, what string) error {
	if err != nil {
		return err
	}
	if tag.RowsAffected() == 0 {
		return fmt.Errorf("%w: %s", store.ErrNotFound, what)
	}
	return nil
}

// Register implements store.Tournaments.
func (s *Store) Register(ctx context.Context, tournament string, e store.Entrant) error {
	return s.write(ctx, "register", func(q querier) error { return register(ctx, q, tournament, e) })
}

func register(ctx context.Context, q querier, tournament string, e store.Entrant) error {
	if e.Registered.IsZero() {
		e.Registered = time.Now()
	}
	_, err := q.Exec(ctx, `INSERT INTO entrants (tournament, player_id, nickname, seed, registered_ms) VALUES ($1, $2, $3, $4, $5)`,
		tournament, e.Player, e.Nickname, e.Seed, ms(e.Registered))
	return err
}

// Withdraw implements store.Tournaments.
func (s *Store) Withdraw(ctx context.Context, tournament string, player int64) error {
	return s.write(ctx, "withdraw", func(q querier) error {
		res, err := q.Exec(ctx, `DELETE FROM entrants WHERE tournament = $1 AND player_id = $2`, tournament, player)
		return mustChange(res, err, fmt.Sprintf("player %d in %s", player, tournament))
	})
}

// SetSeeds implements store.Tournaments.
func (s *Store) SetSeeds(ctx context.Context, tournament string, players []int64) error {
	return s.write(ctx, "set seeds", func(q querier) error {
		if _, err := q.Exec(ctx, `UPDATE entrants SET seed = 0 WHERE tournament = $1`, tournament); err != nil {
			return err
		}
		for i, p := range players {
			res, err := q.Exec(ctx, `UPDATE entrants SET seed = $1 WHERE tournament = $2 AND player_id = $3`, i+1, tournament, p)
			if err := mustChange(res, err, fmt.Sprintf("player %d in %s", p, tournament)); err != nil {
				return err
			}
		}
		return nil
	})
}

// SaveMatches implements store.Tournaments.
func (s *Store) SaveMatches(ctx context.Context, tournament string, bms []store.BracketMatch) error {
	return s.write(ctx, "save matches", func(q querier) error { return saveMatches(ctx, q, tournament, bms, false) })
}

// CorrectResult implements store.Tournaments.
func (s *Store) CorrectResult(ctx context.Context, tournament string, c store.Correction, bms []store.BracketMatch) error {
	if c.At.IsZero() {
		c.At = time.Now()
	}
	old, err := marshal(c.Old)
	if err != nil {
		return fmt.Errorf("store: correct result: %w", err)
	}
	newRes, err := marshal(c.New)
	if err != nil {
		return fmt.Errorf("store: correct result: %w", err)
	}
	return s.write(ctx, "correct result", func(q querier) error {
		if _, err := q.Exec(ctx, `INSERT INTO corrections (tournament, bracket, round, slot, by_player, reason, at_ms,
			old_winner, new_winner, old_result, new_result) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
			tournament, c.Bracket, c.Round, c.Slot, c.By, c.Reason, ms(c.At), c.OldWinner, c.NewWinner, old, newRes); err != nil {
			return err
		}
		return saveMatches(ctx, q, tournament, bms, true)
	})
}

// saveMatches upserts bracket matches; unless correcting, a decided
// winner may not change.
func saveMatches(ctx context.Context, q querier, tournament string, bms []store.BracketMatch, correcting bool) error {
	for _, m := range bms {
		if !correcting {
			var winner int64
			err := q.QueryRow(ctx, `SELECT winner FROM bracket_matches WHERE tournament = $1 AND bracket = $2 AND round = $3 AND slot = $4 FOR UPDATE`,
				tournament, m.Bracket, m.Round, m.Slot).Scan(&winner)
			if err != nil && !errors.Is(err, pgx.ErrNoRows) {
				return err
			}
			if err == nil && winner != 0 && winner != m.Winner {
				return fmt.Errorf("%w: %s round %d slot %d", store.ErrDecided, m.Bracket, m.Round, m.Slot)
			}
		}
		r := m.Result
		if _, err := q.Exec(ctx, `INSERT INTO bracket_matches (tournament, `+bracketCols+`) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
			ON CONFLICT (tournament, bracket, round, slot) DO UPDATE SET player_a = excluded.player_a,
				player_b = excluded.player_b, winner = excluded.winner, status = excluded.status,
				deadline_ms = excluded.deadline_ms, match_id = excluded.match_id, score_a = excluded.score_a,
				score_b = excluded.score_b, time_a = excluded.time_a, time_b = excluded.time_b`,
			tournament, m.Bracket, m.Round, m.Slot, m.PlayerA, m.PlayerB, m.Winner, m.Status, ms(m.Deadline),
			m.MatchID, r.ScoreA, r.ScoreB, r.TimeA, r.TimeB); err != nil {
			return err
		}
	}
	return nil
}
