package postgres_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/osarena/osarena/internal/testsvc"
	"github.com/osarena/osarena/server/store"
	"github.com/osarena/osarena/server/store/postgres"
	"github.com/osarena/osarena/server/store/storetest"
)

// The PostgreSQL server every test of the binary shares, started on first
// use (the crash test's child process only connects to its parent's) and
// stopped by TestMain. Each store gets a schema of its own.
var (
	srvOnce sync.Once
	srv     *testsvc.Server
	srvErr  error
	schemas atomic.Int64
)

func TestMain(m *testing.M) {
	code := m.Run()
	if srv != nil {
		srv.Stop()
	}
	os.Exit(code)
}

func server(t testing.TB) *testsvc.Server {
	t.Helper()
	srvOnce.Do(func() { srv, srvErr = testsvc.StartPostgres(testsvc.PGOptions{}) })
	if srvErr != nil {
		t.Fatal(srvErr)
	}
	return srv
}

// fresh makes an empty schema and returns a DSN whose search_path is it;
// the schema is dropped when t ends.
func fresh(t testing.TB) string {
	t.Helper()
	s := server(t)
	name := fmt.Sprintf("t%d_%d", os.Getpid(), schemas.Add(1))
	admin := func(sql string) {
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		c, err := pgx.Connect(ctx, testsvc.DSN(s.Addr, "postgres"))
		if err != nil {
			t.Fatalf("connect: %v", err)
		}
		defer c.Close(ctx)
		if _, err := c.Exec(ctx, sql); err != nil {
			t.Fatalf("%s: %v", sql, err)
		}
	}
	admin("CREATE SCHEMA " + name)
	t.Cleanup(func() { admin("DROP SCHEMA " + name + " CASCADE") })
	return testsvc.DSN(s.Addr, "postgres") + "&search_path=" + name
}

func openAt(t testing.TB, dsn string) (store.Store, error) {
	return postgres.Open(t.Context(), dsn, postgres.Options{})
}

func TestPostgres(t *testing.T) {
	storetest.Run(t, func(t *testing.T) store.Store {
		s, err := openAt(t, fresh(t))
		if err != nil {
			t.Fatalf("postgres.Open: %v", err)
		}
		t.Cleanup(func() { s.Close() })
		return s
	})
}

func TestPostgresDurability(t *testing.T) {
	storetest.RunDurability(t, storetest.Backend{Fresh: func(t *testing.T) string { return fresh(t) }, Open: openAt})
}

// Nodes starting at once on a new database migrate it once, in turn.
func TestConcurrentOpenMigratesOnce(t *testing.T) {
	dsn := fresh(t)
	const nodes = 4
	errs := make([]error, nodes)
	var wg sync.WaitGroup
	for i := range nodes {
		wg.Go(func() {
			s, err := postgres.Open(t.Context(), dsn, postgres.Options{MaxConns: 2})
			if err == nil {
				err = s.Check(t.Context())
				s.Close()
			}
			errs[i] = err
		})
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			t.Errorf("node %d: Open/Check: %v", i, err)
		}
	}
}

func TestOpenRefusesBadDSN(t *testing.T) {
	tests := []string{"postgres://[::1", "host=127.0.0.1 port=notaport"}
	for _, dsn := range tests {
		s, err := postgres.Open(t.Context(), dsn, postgres.Options{})
		if !errors.Is(err, store.ErrInvalid) {
			if s != nil {
				s.Close()
			}
			t.Errorf("Open(%q) error %v; want ErrInvalid", dsn, err)
		}
	}
}

// A cancelled context aborts a write and leaves nothing behind.
func TestCancelledWriteLeavesNothing(t *testing.T) {
	s, err := openAt(t, fresh(t))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	p, err := s.SeePlayer(t.Context(), "dev", "p")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	m := store.Match{ID: "m", Room: "R", Ended: time.Now(), Players: []store.MatchPlayer{{Player: p.ID, Rank: 1}},
		Answers: []store.Answer{{Player: p.ID, Round: 1, Topic: "disk", Credit: 1000}}}
	if err := s.FinishMatch(ctx, m); !errors.Is(err, context.Canceled) {
		t.Errorf("FinishMatch(cancelled) = %v; want context.Canceled", err)
	}
	if _, err := s.Match(t.Context(), "m"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("Match after a cancelled FinishMatch: %v; want ErrNotFound", err)
	}
	if err := s.FinishMatch(t.Context(), m); err != nil {
		t.Errorf("FinishMatch after the cancelled one: %v", err)
	}
}
