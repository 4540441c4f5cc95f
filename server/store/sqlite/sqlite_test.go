package sqlite_test

import (
	"path/filepath"
	"testing"

	"github.com/osarena/osarena/server/store"
	"github.com/osarena/osarena/server/store/sqlite"
	"github.com/osarena/osarena/server/store/storetest"
)

func fresh(t *testing.T) string { return filepath.Join(t.TempDir(), "osarena.db") }

func openAt(t testing.TB, path string) (store.Store, error) {
	return sqlite.Open(t.Context(), path, sqlite.Options{})
}

func TestSQLite(t *testing.T) {
	storetest.Run(t, func(t *testing.T) store.Store {
		s, err := openAt(t, fresh(t))
		if err != nil {
			t.Fatalf("sqlite.Open: %v", err)
		}
		t.Cleanup(func() { s.Close() })
		return s
	})
}

func TestSQLiteDurability(t *testing.T) {
	storetest.RunDurability(t, storetest.Backend{Fresh: fresh, Open: openAt})
}
