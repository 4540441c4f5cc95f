package main

import (
	"context"
	"fmt"
	"log/slog"
	"net/url"
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

// redact hides the passwords of a URL: the user info's (up to the last
// '@', so that an unescaped '@' in a password does not leave its end
// showing) and libpq's password and sslpassword query parameters.
func redact(s string) string {
	scheme, rest, ok := strings.Cut(s, "://")
	if !ok {
		return s
	}
	rest, query, hasQuery := strings.Cut(rest, "?")
	if at := strings.LastIndex(rest, "@"); at >= 0 {
		if user, _, ok := strings.Cut(rest[:at], ":"); ok {
			rest = user + ":xxxxx" + rest[at:]
		}
	}
	if !hasQuery {
		return scheme + "://" + rest
	}
	q, err := url.ParseQuery(query)
	if err != nil {
		return scheme + "://" + rest + "?xxxxx"
	}
	secret := false
	for k := range q { // every key is looked at; the order does not matter
		if strings.EqualFold(k, "password") || strings.EqualFold(k, "sslpassword") {
			q[k], secret = []string{"xxxxx"}, true
		}
	}
	if secret {
		query = q.Encode()
	}
	return scheme + "://" + rest + "?" + query
}
