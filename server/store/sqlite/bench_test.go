package sqlite_test

import (
	"path/filepath"
	"testing"

	"github.com/osarena/osarena/server/store"
	"github.com/osarena/osarena/server/store/sqlite"
	"github.com/osarena/osarena/server/store/storetest"
)

// BenchmarkSQLite runs the store benchmarks with the default durability
// (synchronous=FULL: an fsync per commit) and relaxed (NORMAL).
func BenchmarkSQLite(b *testing.B) {
	for _, mode := range []struct {
		name string
		opt  sqlite.Options
	}{{"full", sqlite.Options{}}, {"relaxed", sqlite.Options{Relaxed: true}}} {
		b.Run(mode.name, func(b *testing.B) {
			storetest.Bench(b, func(b *testing.B) store.Store {
				s, err := sqlite.Open(b.Context(), filepath.Join(b.TempDir(), "bench.db"), mode.opt)
				if err != nil {
					b.Fatalf("sqlite.Open: %v", err)
				}
				b.Cleanup(func() { s.Close() })
				return s
			})
		})
	}
}
