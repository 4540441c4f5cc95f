// Package sqlite is the default store.Store: one SQLite file through
// modernc.org/sqlite (pure Go, no cgo), created with its embedded
// migrations on first Open.
//
// The file runs in WAL mode with foreign keys on and a busy timeout. Writes
// go through one connection (database/sql queues writers for it, honouring
// their contexts), so writers in this process never meet SQLITE_BUSY, and
// each write transaction begins IMMEDIATE. Reads use a small pool of
// read-only connections that WAL lets run beside the writer. Statements are
// prepared once per connection and kept. With the default synchronous=FULL
// a committed write survives kill -9 and power loss; Options.Relaxed trades
// the power-loss part for speed (WAL's synchronous=NORMAL).
//
// One file should be opened by one Store at a time; another process may
// read it (the sqlite3 shell), and a second writer process would wait on
// the busy timeout.
package sqlite

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/osarena/osarena/server/store"
	"github.com/osarena/osarena/server/store/internal/migrate"
	sqlite "modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

//go:embed migrations/*.sql
var migrations embed.FS

var _ store.Store = (*Store)(nil)

// Options tune Open. Zero fields take the defaults.
type Options struct {
	// BusyTimeout is how long a connection waits for a lock held by
	// another process (5 s).
	BusyTimeout time.Duration
	// Readers is the number of read connections (4).
	Readers int
	// Relaxed sets synchronous=NORMAL: commits stay atomic and survive a
	// process crash, but the last ones may be lost to a power failure.
	Relaxed bool
}

// Store is a SQLite store.Store. It is safe for concurrent use.
type Store struct {
	w, r   *sql.DB // the writer (one connection) and the readers
	closed atomic.Bool

	mu      sync.Mutex
	stmts   map[stmtKey]*sql.Stmt // nil once closed
	pending map[stmtKey]bool      // to prepare after the transaction
}

type stmtKey struct {
	write bool
	query string
}

// Open opens or creates the database file at path and migrates it to the
// current schema.
func Open(ctx context.Context, path string, opt Options) (*Store, error) {
	if opt.BusyTimeout <= 0 {
		opt.BusyTimeout = 5 * time.Second
	}
	if opt.Readers <= 0 {
		opt.Readers = 4
	}
	syncMode := "FULL"
	if opt.Relaxed {
		syncMode = "NORMAL"
	}
	q := url.Values{}
	q.Add("_pragma", fmt.Sprintf("busy_timeout(%d)", opt.BusyTimeout.Milliseconds()))
	q.Add("_pragma", "journal_mode(WAL)")
	q.Add("_pragma", "foreign_keys(1)")
	q.Add("_pragma", "synchronous("+syncMode+")")
	q.Set("_txlock", "immediate")
	if strings.ContainsAny(path, "?#") {
		return nil, fmt.Errorf("store: open: %w: path %q has ? or #", store.ErrInvalid, path)
	}
	w, err := sql.Open("sqlite", path+"?"+q.Encode())
	if err != nil {
		return nil, fmt.Errorf("store: open: %w", err)
	}
	w.SetMaxOpenConns(1)
	w.SetMaxIdleConns(1)
	w.SetConnMaxLifetime(0)
	w.SetConnMaxIdleTime(0)
	s := &Store{w: w, stmts: map[stmtKey]*sql.Stmt{}, pending: map[stmtKey]bool{}}
	ms, err := migrate.Load(migrations, "migrations")
	if err == nil {
		_, err = migrate.Up(ctx, w, ms, func(int) string { return "?" })
	}
	if err != nil {
		w.Close()
		return nil, fmt.Errorf("store: open %s: %w", path, err)
	}
	q.Del("_txlock")
	q.Add("_pragma", "query_only(1)")
	r, err := sql.Open("sqlite", path+"?"+q.Encode())
	if err != nil {
		w.Close()
		return nil, fmt.Errorf("store: open: %w", err)
	}
	r.SetMaxOpenConns(opt.Readers)
	r.SetMaxIdleConns(opt.Readers)
	r.SetConnMaxIdleTime(0)
	s.r = r
	return s, nil
}

// Close closes the database after the calls in progress.
func (s *Store) Close() error {
	if s.closed.Swap(true) {
		return nil
	}
	s.mu.Lock()
	for _, st := range s.stmts {
		st.Close()
	}
	s.stmts = nil
	s.mu.Unlock()
	return errors.Join(s.r.Close(), s.w.Close())
}

// Check runs PRAGMA integrity_check and foreign_key_check.
func (s *Store) Check(ctx context.Context) error {
	return s.read(ctx, "check", func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, "PRAGMA integrity_check")
		if err != nil {
			return err
		}
		var problems []string
		for rows.Next() {
			var line string
			if err := rows.Scan(&line); err != nil {
				rows.Close()
				return err
			}
			if line != "ok" {
				problems = append(problems, line)
			}
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		rows, err = tx.QueryContext(ctx, "PRAGMA foreign_key_check")
		if err != nil {
			return err
		}
		for rows.Next() {
			problems = append(problems, "foreign key violation")
		}
		rows.Close()
		if len(problems) > 0 {
			return fmt.Errorf("database is corrupt: %s", strings.Join(problems, "; "))
		}
		return rows.Err()
	})
}

// stmt returns query as a statement of the transaction. A query runs
// prepared on the transaction's own connection: the first time, through
// tx.PrepareContext; after that transaction, the store prepares it for its
// pool (a pool-wide Stmt, prepared on each connection once), which
// tx.StmtContext reuses. Preparing for the pool only between transactions
// keeps a transaction from waiting for a second connection, which the
// single writer connection would never give it.
func (s *Store) stmt(ctx context.Context, tx *sql.Tx, write bool, query string) (*sql.Stmt, error) {
	k := stmtKey{write, query}
	s.mu.Lock()
	if s.stmts == nil {
		s.mu.Unlock()
		return nil, store.ErrClosed
	}
	st, ok := s.stmts[k]
	if !ok {
		s.pending[k] = true
	}
	s.mu.Unlock()
	if !ok {
		return tx.PrepareContext(ctx, query)
	}
	return tx.StmtContext(ctx, st), nil
}

// prepare prepares the queries that transactions met for the first time.
func (s *Store) prepare(ctx context.Context) {
	s.mu.Lock()
	var keys []stmtKey
	for k := range s.pending {
		keys = append(keys, k)
	}
	clear(s.pending)
	s.mu.Unlock()
	for _, k := range keys {
		db := s.r
		if k.write {
			db = s.w
		}
		st, err := db.PrepareContext(ctx, k.query)
		if err != nil {
			continue // prepared again by the next transaction that needs it
		}
		s.mu.Lock()
		if _, dup := s.stmts[k]; dup || s.stmts == nil {
			st.Close()
		} else {
			s.stmts[k] = st
		}
		s.mu.Unlock()
	}
}

// tx runs prepared statements within one transaction.
type tx struct {
	s     *Store
	ctx   context.Context
	tx    *sql.Tx
	write bool
}

func (t tx) exec(query string, args ...any) (sql.Result, error) {
	st, err := t.s.stmt(t.ctx, t.tx, t.write, query)
	if err != nil {
		return nil, err
	}
	return st.ExecContext(t.ctx, args...)
}

func (t tx) query(query string, args ...any) (*sql.Rows, error) {
	st, err := t.s.stmt(t.ctx, t.tx, t.write, query)
	if err != nil {
		return nil, err
	}
	return st.QueryContext(t.ctx, args...)
}

func (t tx) row(query string, args ...any) row {
	st, err := t.s.stmt(t.ctx, t.tx, t.write, query)
	if err != nil {
		return row{err: err}
	}
	return row{r: st.QueryRowContext(t.ctx, args...)}
}

// row is a *sql.Row that may carry a preparation error.
type row struct {
	r   *sql.Row
	err error
}

func (r row) Scan(dst ...any) error {
	if r.err != nil {
		return r.err
	}
	return r.r.Scan(dst...)
}

// write runs fn in an IMMEDIATE transaction on the writer and commits it.
func (s *Store) write(ctx context.Context, op string, fn func(t tx) error) error {
	return s.run(ctx, op, true, func(t *sql.Tx) error { return fn(tx{s, ctx, t, true}) })
}

// view runs fn in a read transaction (one consistent snapshot).
func (s *Store) view(ctx context.Context, op string, fn func(t tx) error) error {
	return s.run(ctx, op, false, func(t *sql.Tx) error { return fn(tx{s, ctx, t, false}) })
}

func (s *Store) read(ctx context.Context, op string, fn func(t *sql.Tx) error) error {
	return s.run(ctx, op, false, fn)
}

func (s *Store) run(ctx context.Context, op string, write bool, fn func(t *sql.Tx) error) error {
	if s.closed.Load() {
		return fmt.Errorf("store: %s: %w", op, store.ErrClosed)
	}
	db := s.r
	if write {
		db = s.w
	}
	t, err := db.BeginTx(ctx, nil)
	if err != nil {
		return wrap(op, err)
	}
	if err = fn(t); err == nil {
		err = t.Commit()
	} else {
		t.Rollback()
	}
	s.prepare(ctx)
	if err != nil {
		return wrap(op, err)
	}
	return nil
}

// wrap names the operation and maps driver errors onto the sentinels.
func wrap(op string, err error) error {
	var se *sqlite.Error
	switch {
	case errors.Is(err, sql.ErrNoRows):
		err = store.ErrNotFound
	case errors.Is(err, sql.ErrConnDone) || strings.Contains(err.Error(), "sql: database is closed"):
		err = fmt.Errorf("%w: %v", store.ErrClosed, err)
	case errors.As(err, &se):
		switch se.Code() {
		case sqlite3.SQLITE_CONSTRAINT_PRIMARYKEY, sqlite3.SQLITE_CONSTRAINT_UNIQUE:
			err = fmt.Errorf("%w: %v", store.ErrExists, err)
		case sqlite3.SQLITE_CONSTRAINT_FOREIGNKEY:
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
