package migrate_test

import (
	"database/sql"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/osarena/osarena/server/store/internal/migrate"
	_ "modernc.org/sqlite"
)

func files(names ...string) fstest.MapFS {
	fs := fstest.MapFS{}
	for _, n := range names {
		fs["m/"+n] = &fstest.MapFile{Data: []byte("CREATE TABLE t" + strings.TrimSuffix(n[5:], ".sql") + " (x INTEGER);")}
	}
	return fs
}

func TestLoad(t *testing.T) {
	tests := []struct {
		names   []string
		wantErr string
	}{
		{[]string{"0001_a.sql", "0002_b.sql"}, ""},
		{[]string{"0002_b.sql", "0001_a.sql", "0003_c.sql"}, ""},
		{[]string{"0001_a.sql", "0003_c.sql"}, "want version 2"},
		{[]string{"0001_a.sql", "0001_b.sql"}, "want version 2"},
		{[]string{"first.sql"}, "NNNN_name.sql"},
	}
	for _, tt := range tests {
		ms, err := migrate.Load(files(tt.names...), "m")
		switch {
		case tt.wantErr == "" && err != nil:
			t.Errorf("Load(%v): %v", tt.names, err)
		case tt.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tt.wantErr)):
			t.Errorf("Load(%v) error = %v; want one containing %q", tt.names, err, tt.wantErr)
		case err == nil:
			for i, m := range ms {
				if m.Version != i+1 {
					t.Errorf("Load(%v)[%d].Version = %d; want %d", tt.names, i, m.Version, i+1)
				}
			}
		}
	}
}

func TestUp(t *testing.T) {
	db, err := sql.Open("sqlite", filepath.Join(t.TempDir(), "m.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	q := func(int) string { return "?" }
	load := func(names ...string) []migrate.Migration {
		ms, err := migrate.Load(files(names...), "m")
		if err != nil {
			t.Fatal(err)
		}
		return ms
	}
	steps := []struct {
		ms      []migrate.Migration
		applied int
		wantErr string
	}{
		{load("0001_a.sql"), 1, ""},
		{load("0001_a.sql"), 0, ""},
		{load("0001_a.sql", "0002_b.sql", "0003_c.sql"), 2, ""},
		{load("0001_a.sql", "0002_b.sql"), 0, "newer than this program's 2"},
	}
	for i, s := range steps {
		n, err := migrate.Up(t.Context(), db, s.ms, q)
		if n != s.applied || (err == nil) != (s.wantErr == "") || err != nil && !strings.Contains(err.Error(), s.wantErr) {
			t.Fatalf("step %d: Up = %d, %v; want %d, error containing %q", i, n, err, s.applied, s.wantErr)
		}
	}
	// A migration that fails leaves nothing behind: not its table, not its row.
	bad := append(load("0001_a.sql", "0002_b.sql", "0003_c.sql"), migrate.Migration{Version: 4, Name: "0004_bad.sql",
		SQL: "CREATE TABLE t4 (x INTEGER); INSERT INTO nowhere VALUES (1);"})
	if _, err := migrate.Up(t.Context(), db, bad, q); err == nil {
		t.Fatal("Up with a failing migration: no error")
	}
	var n int
	if err := db.QueryRow(`SELECT COUNT(*) FROM sqlite_master WHERE name = 't4'`).Scan(&n); err != nil || n != 0 {
		t.Fatalf("after a failed migration, table t4 count = %d (%v); want 0", n, err)
	}
	if err := db.QueryRow(`SELECT COUNT(*) FROM schema_migrations`).Scan(&n); err != nil || n != 3 {
		t.Fatalf("after a failed migration, %d migrations recorded (%v); want 3", n, err)
	}
}
