package main

import (
	"context"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/osarena/osarena/netcode"
	"github.com/osarena/osarena/server/layer"
	"github.com/osarena/osarena/server/layer/redis"
	"github.com/osarena/osarena/server/store"
	"github.com/osarena/osarena/server/store/postgres"
	"github.com/osarena/osarena/server/store/sqlite"
)

// isPostgres reports whether --db names a PostgreSQL database rather than
// a SQLite file.
func isPostgres(db string) bool {
	return strings.HasPrefix(db, "postgres://") || strings.HasPrefix(db, "postgresql://")
}

// openDB opens --db: a PostgreSQL URL, or the path of a SQLite file
// (its directory made if need be). It returns what to log about it, with
// no password.
func openDB(db string) (store.Store, slog.Attr, error) {
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	if isPostgres(db) {
		st, err := postgres.Open(ctx, db, postgres.Options{})
		if err != nil {
			return nil, slog.Attr{}, fmt.Errorf("--db %s: %w", redact(db), err)
		}
		return st, slog.String("postgres", redact(db)), nil
	}
	if err := os.MkdirAll(filepath.Dir(db), 0o755); err != nil {
		return nil, slog.Attr{}, err
	}
	st, err := sqlite.Open(ctx, db, sqlite.Options{})
	if err != nil {
		return nil, slog.Attr{}, fmt.Errorf("--db %s: %w", db, err)
	}
	return st, slog.String("path", db), nil
}

// openLayer connects --layer, a Redis URL, as this node of a shared
// channel layer.
func openLayer(url string, queue int, log *slog.Logger) (*redis.Layer, error) {
	if !strings.HasPrefix(url, "redis://") && !strings.HasPrefix(url, "rediss://") && !strings.HasPrefix(url, "unix://") {
		return nil, usageError{fmt.Sprintf("--layer %s: want a redis://, rediss:// or unix:// URL, or \"\" for the in-process layer", redact(url))}
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	l, err := redis.New(ctx, redis.Options{URL: url, Log: log,
		Layer: layer.Options{Encode: netcode.Encode, Queue: queue}})
	if err != nil {
		return nil, fmt.Errorf("--layer %s: %w", redact(url), err)
	}
	return l, nil
}

// redact hides the password of a URL's user info.
func redact(url string) string {
	scheme, rest, ok := strings.Cut(url, "://")
	if !ok {
		return url
	}
	auth, host, ok := strings.Cut(rest, "@")
	if !ok {
		return url
	}
	if user, _, ok := strings.Cut(auth, ":"); ok {
		return scheme + "://" + user + ":xxxxx@" + host
	}
	return url
}
