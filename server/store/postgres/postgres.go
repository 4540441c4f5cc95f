// Package postgres is the store.Store for more than one server node
// (DESIGN.md §7): PostgreSQL through github.com/jackc/pgx/v5, with its
// schema created and upgraded by embedded migrations on Open.
//
// The schema mirrors the SQLite store's (times as Unix milliseconds, keys
// sorted byte by byte with COLLATE "C"), so both pass storetest with the
// same results. Every write is one transaction (READ COMMITTED, with row
// locks where a check precedes a write); reads that take several queries
// run in one REPEATABLE READ READ ONLY transaction, so they see one
// snapshot. A finished match's rows are sent in one batch, one round trip.
// pgx prepares and caches each statement per connection. Several server
// nodes may open one database at once: migrations run under an advisory
// lock, and all coordination is PostgreSQL's.
//
// A committed write is as durable as the server's settings make it (with
// the defaults, fsync and synchronous_commit on, it survives a crash of the
// machine).
package postgres

import (
	"context"
	"embed"
	"errors"
	"fmt"
	"strings"
	"sync/atomic"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/jackc/pgx/v5/stdlib"

	"github.com/osarena/osarena/server/store"
	"github.com/osarena/osarena/server/store/internal/migrate"
)

//go:embed migrations/*.sql
var migrations embed.FS

var _ store.Store = (*Store)(nil)

// migrationLock is the advisory lock key that serializes migrations of one
// database among nodes starting at once ("osarena" in ASCII).
const migrationLock = 0x6f736172656e61

// Options tune Open. Zero fields take the defaults.
type Options struct {
	// MaxConns bounds the connection pool (pgx's default: 4 or the number
	// of CPUs, whichever is more). A DSN's pool_max_conns wins.
	MaxConns int32
}

// Store is a PostgreSQL store.Store. It is safe for concurrent use.
type Store struct {
	pool   *pgxpool.Pool
	closed atomic.Bool
}

// Open connects to the database at dsn (postgres://user@host:port/db?...,
// or the key=value form) and migrates it to the current schema.
func Open(ctx context.Context, dsn string, opt Options) (*Store, error) {
	cfg, err := pgxpool.ParseConfig(dsn)
	if err != nil {
		return nil, fmt.Errorf("store: open: %w: %v", store.ErrInvalid, err)
	}
	if opt.MaxConns > 0 && !strings.Contains(dsn, "pool_max_conns") {
		cfg.MaxConns = opt.MaxConns
	}
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, fmt.Errorf("store: open: %w", err)
	}
	if err := migrateUp(ctx, pool); err != nil {
		pool.Close()
		return nil, fmt.Errorf("store: open: %w", err)
	}
	return &Store{pool: pool}, nil
}

// migrateUp applies the embedded migrations on one connection that holds
// the advisory lock, so that two nodes starting at once migrate in turn.
func migrateUp(ctx context.Context, pool *pgxpool.Pool) error {
	ms, err := migrate.Load(migrations, "migrations")
	if err != nil {
		return err
	}
	db := stdlib.OpenDBFromPool(pool)
	defer db.Close()
	conn, err := db.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, `SELECT pg_advisory_lock($1)`, int64(migrationLock)); err != nil {
		return err
	}
	_, err = migrate.Up(ctx, conn, ms, func(n int) string { return fmt.Sprintf("$%d", n) })
	if _, uerr := conn.ExecContext(context.WithoutCancel(ctx), `SELECT pg_advisory_unlock($1)`, int64(migrationLock)); err == nil {
		err = uerr
	}
	return err
}

// Close closes the pool after the calls in progress.
func (s *Store) Close() error {
	if !s.closed.Swap(true) {
		s.pool.Close()
	}
	return nil
}

// Check verifies that the database answers and holds this program's
// schema version. PostgreSQL enforces the foreign keys and checksums pages
// itself; there is no cheap whole-database check like SQLite's.
func (s *Store) Check(ctx context.Context) error {
	ms, err := migrate.Load(migrations, "migrations")
	if err != nil {
		return fmt.Errorf("store: check: %w", err)
	}
	return s.one(ctx, "check", func(q querier) error {
		var v int
		if err := q.QueryRow(ctx, `SELECT COALESCE(MAX(version), 0) FROM schema_migrations`).Scan(&v); err != nil {
			return err
		}
		if v != len(ms) {
			return fmt.Errorf("schema version %d; want %d", v, len(ms))
		}
		return nil
	})
}

// querier is what a pool and a transaction share.
type querier interface {
	Exec(ctx context.Context, sql string, args ...any) (pgconn.CommandTag, error)
	Query(ctx context.Context, sql string, args ...any) (pgx.Rows, error)
	QueryRow(ctx context.Context, sql string, args ...any) pgx.Row
	SendBatch(ctx context.Context, b *pgx.Batch) pgx.BatchResults
}

// write runs fn in a READ COMMITTED transaction and commits it.
func (s *Store) write(ctx context.Context, op string, fn func(q querier) error) error {
	return s.tx(ctx, op, pgx.TxOptions{}, fn)
}

// view runs fn in a REPEATABLE READ READ ONLY transaction: several reads,
// one snapshot.
func (s *Store) view(ctx context.Context, op string, fn func(q querier) error) error {
	return s.tx(ctx, op, pgx.TxOptions{IsoLevel: pgx.RepeatableRead, AccessMode: pgx.ReadOnly}, fn)
}

func (s *Store) tx(ctx context.Context, op string, o pgx.TxOptions, fn func(q querier) error) error {
	if s.closed.Load() {
		return fmt.Errorf("store: %s: %w", op, store.ErrClosed)
	}
	t, err := s.pool.BeginTx(ctx, o)
	if err != nil {
		return s.wrap(op, err)
	}
	if err = fn(t); err == nil {
		err = t.Commit(ctx)
	}
	if err != nil {
		_ = t.Rollback(context.WithoutCancel(ctx))
		return s.wrap(op, err)
	}
	return nil
}

// one runs fn's single statement on the pool, without a transaction.
func (s *Store) one(ctx context.Context, op string, fn func(q querier) error) error {
	if s.closed.Load() {
		return fmt.Errorf("store: %s: %w", op, store.ErrClosed)
	}
	if err := fn(s.pool); err != nil {
		return s.wrap(op, err)
	}
	return nil
}

// wrap names the operation and maps driver errors onto the sentinels.
func (s *Store) wrap(op string, err error) error {
	var pe *pgconn.PgError
	switch {
	case errors.Is(err, pgx.ErrNoRows):
		err = store.ErrNotFound
	case s.closed.Load() || strings.Contains(err.Error(), "closed pool"):
		err = fmt.Errorf("%w: %v", store.ErrClosed, err)
	case errors.As(err, &pe):
		switch pe.Code {
		case "23505": // unique_violation
			err = fmt.Errorf("%w: %v", store.ErrExists, err)
		case "23503": // foreign_key_violation
			err = fmt.Errorf("%w: a referenced row is missing: %v", store.ErrNotFound, err)
		}
	}
	return fmt.Errorf("store: %s: %w", op, err)
}

// ms and fromMs store times as Unix milliseconds, 0 for the zero time.
func ms(t time.Time) int64 {
	if t.IsZero() {
		return 0
	}
	return t.UnixMilli()
}

func fromMs(n int64) time.Time {
	if n == 0 {
		return time.Time{}
	}
	return time.UnixMilli(n).UTC()
}

// norm is a time as the store returns it: UTC, milliseconds.
func norm(t time.Time) time.Time { return fromMs(ms(t)) }
