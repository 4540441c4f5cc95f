package main

import (
	"strings"
	"testing"
)

// TestRedact: no part of a password reaches a log line or an error,
// however the URL carries it.
func TestRedact(t *testing.T) {
	tests := []struct {
		in, want, secret string
	}{
		{"postgres://ada:s3cret@db:5432/osarena", "postgres://ada:xxxxx@db:5432/osarena", "s3cret"},
		{"redis://:s3cret@cache:6379/0", "redis://:xxxxx@cache:6379/0", "s3cret"},
		{"redis://cache:6379/0", "redis://cache:6379/0", ""},
		{"postgres://ada@db/osarena", "postgres://ada@db/osarena", ""},
		// An '@' in the password, not percent-encoded.
		{"postgres://ada:p@ss@db/osarena", "postgres://ada:xxxxx@db/osarena", "ss@db"},
		// libpq's query parameters.
		{"postgres://ada@db/osarena?sslmode=disable&password=s3cret", "postgres://ada@db/osarena?password=xxxxx&sslmode=disable", "s3cret"},
		{"postgresql://db/osarena?sslpassword=k3y", "postgresql://db/osarena?sslpassword=xxxxx", "k3y"},
		{"unix:///run/redis.sock?password=s3cret&db=1", "unix:///run/redis.sock?db=1&password=xxxxx", "s3cret"},
	}
	for _, tc := range tests {
		got := redact(tc.in)
		if got != tc.want {
			t.Errorf("redact(%q) = %q; want %q", tc.in, got, tc.want)
		}
		if tc.secret != "" && strings.Contains(got, tc.secret) {
			t.Errorf("redact(%q) = %q still holds %q", tc.in, got, tc.secret)
		}
	}
}
