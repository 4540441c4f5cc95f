package postgres_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/jackc/pgx/v5"

	"github.com/osarena/osarena/internal/testsvc"
	"github.com/osarena/osarena/server/store"
	"github.com/osarena/osarena/server/store/postgres"
	"github.com/osarena/osarena/server/store/storetest"
)

// BenchmarkPostgres runs the store benchmarks (finish-match is the
// FinishMatch of 8 players × 20 rounds) against a PostgreSQL server of its
// own with fsync on, so that a commit costs what it costs in production.
func BenchmarkPostgres(b *testing.B) {
	srv := testsvc.Postgres(b, testsvc.PGOptions{Fsync: true})
	n := 0
	storetest.Bench(b, func(b *testing.B) store.Store {
		n++
		schema := fmt.Sprintf("bench%d", n)
		c, err := pgx.Connect(context.Background(), testsvc.DSN(srv.Addr, "postgres"))
		if err != nil {
			b.Fatal(err)
		}
		defer c.Close(context.Background())
		if _, err := c.Exec(context.Background(), "CREATE SCHEMA "+schema); err != nil {
			b.Fatal(err)
		}
		s, err := postgres.Open(b.Context(), testsvc.DSN(srv.Addr, "postgres")+"&search_path="+schema, postgres.Options{})
		if err != nil {
			b.Fatalf("postgres.Open: %v", err)
		}
		b.Cleanup(func() { s.Close() })
		return s
	})
}
