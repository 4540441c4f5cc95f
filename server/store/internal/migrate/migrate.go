// Package migrate applies a store's embedded schema migrations: numbered,
// forward-only SQL files (0001_init.sql, 0002_….sql), each in its own
// transaction together with its row in schema_migrations, so a crash leaves
// every migration either applied and recorded or not at all. It works on
// any database/sql driver; bind spells the driver's n-th placeholder.
//
// It is hand-rolled rather than a library: a store needs only "apply the
// files not yet applied, in order, atomically", and goose, the usual
// choice, would add five modules and two dozen packages for down
// migrations, Go migrations and a CLI that the store does not use.
package migrate

import (
	"context"
	"database/sql"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Migration is one numbered SQL file.
type Migration struct {
	Version int
	Name    string
	SQL     string
}

// Load reads dir's NNNN_name.sql files from fsys, by version. Versions must
// start at 1 and have no gaps or repeats.
func Load(fsys fs.FS, dir string) ([]Migration, error) {
	names, err := fs.Glob(fsys, path.Join(dir, "*.sql"))
	if err != nil {
		return nil, fmt.Errorf("migrate: load: %w", err)
	}
	var out []Migration
	for _, n := range names {
		base := path.Base(n)
		num, _, ok := strings.Cut(base, "_")
		v, err := strconv.Atoi(num)
		if !ok || err != nil {
			return nil, fmt.Errorf("migrate: load: %s: name is not NNNN_name.sql", base)
		}
		b, err := fs.ReadFile(fsys, n)
		if err != nil {
			return nil, fmt.Errorf("migrate: load: %w", err)
		}
		out = append(out, Migration{Version: v, Name: base, SQL: string(b)})
	}
	slices.SortFunc(out, func(a, b Migration) int { return a.Version - b.Version })
	for i, m := range out {
		if m.Version != i+1 {
			return nil, fmt.Errorf("migrate: load: %s: want version %d", m.Name, i+1)
		}
	}
	return out, nil
}

// DB is what Up needs: a *sql.DB, or a *sql.Conn when the caller holds a
// session lock (PostgreSQL's advisory lock) around the migration.
type DB interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
	BeginTx(ctx context.Context, opts *sql.TxOptions) (*sql.Tx, error)
}

// Up applies the migrations that db has not recorded, in order, and
// returns how many it applied. It refuses a database whose recorded
// version is newer than the last migration (written by a newer server).
func Up(ctx context.Context, db DB, ms []Migration, bind func(n int) string) (int, error) {
	if _, err := db.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
		version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_ms BIGINT NOT NULL)`); err != nil {
		return 0, fmt.Errorf("migrate: up: %w", err)
	}
	applied := 0
	for _, m := range ms {
		done, err := apply(ctx, db, m, bind)
		if err != nil {
			return applied, fmt.Errorf("migrate: up: %s: %w", m.Name, err)
		}
		if done {
			applied++
		}
	}
	var top sql.NullInt64
	if err := db.QueryRowContext(ctx, `SELECT MAX(version) FROM schema_migrations`).Scan(&top); err != nil {
		return applied, fmt.Errorf("migrate: up: %w", err)
	}
	if int(top.Int64) > len(ms) {
		return applied, fmt.Errorf("migrate: up: database is at version %d, newer than this program's %d", top.Int64, len(ms))
	}
	return applied, nil
}

// apply runs m in a transaction unless it is recorded; it reports whether
// it ran.
func apply(ctx context.Context, db DB, m Migration, bind func(int) string) (bool, error) {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return false, err
	}
	defer tx.Rollback()
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM schema_migrations WHERE version = `+bind(1), m.Version).Scan(&n); err != nil {
		return false, err
	}
	if n > 0 {
		return false, nil
	}
	if _, err := tx.ExecContext(ctx, m.SQL); err != nil {
		return false, err
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO schema_migrations (version, name, applied_ms) VALUES (`+bind(1)+`, `+bind(2)+`, `+bind(3)+`)`,
		m.Version, m.Name, time.Now().UnixMilli()); err != nil {
		return false, err
	}
	return true, tx.Commit()
}
