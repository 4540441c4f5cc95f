package redis_test

import (
	"context"
	"fmt"
	"os"
	"sync/atomic"
	"testing"
	"time"

	"github.com/osarena/osarena/internal/testsvc"
	"github.com/osarena/osarena/netcode"
	"github.com/osarena/osarena/server/layer"
	"github.com/osarena/osarena/server/layer/layertest"
	"github.com/osarena/osarena/server/layer/redis"
)

// server is the redis-server every test of the package shares (each layer
// gets its own key prefix); started by TestMain.
var server *testsvc.Server

func TestMain(m *testing.M) {
	s, err := testsvc.StartRedis()
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	server = s
	code := m.Run()
	s.Stop()
	os.Exit(code)
}

var prefixes atomic.Int64

// fresh returns a prefix no other layer of this run uses: a new, empty
// layer.
func fresh() string { return fmt.Sprintf("test%d:", prefixes.Add(1)) }

// node makes one node on prefix and shuts it down when t ends.
func node(t testing.TB, prefix string, o layer.Options) *redis.Layer {
	t.Helper()
	if o.Encode == nil {
		o.Encode = netcode.Encode
	}
	l, err := redis.New(t.Context(), redis.Options{URL: "redis://" + server.Addr, Prefix: prefix, Layer: o})
	if err != nil {
		t.Fatalf("redis.New: %v", err)
	}
	t.Cleanup(func() {
		if err := l.Shutdown(context.Background()); err != nil {
			t.Errorf("Shutdown: %v", err)
		}
	})
	return l
}

func TestConformance(t *testing.T) {
	layertest.Run(t, func(o layer.Options) layer.Layer {
		l, err := redis.New(context.Background(), redis.Options{URL: "redis://" + server.Addr, Prefix: fresh(), Layer: o})
		if err != nil {
			panic(fmt.Sprintf("redis.New: %v", err)) // NewFunc cannot fail a test; this one ends the run
		}
		t.Cleanup(func() { _ = l.Shutdown(context.Background()) })
		return l
	})
}

func TestNewRefusesBadOptions(t *testing.T) {
	tests := []struct {
		name string
		o    redis.Options
	}{
		{"no encoder", redis.Options{URL: "redis://" + server.Addr}},
		{"bad URL", redis.Options{URL: "http://" + server.Addr, Layer: layer.Options{Encode: netcode.Encode}}},
		{"nothing listening", redis.Options{URL: "redis://127.0.0.1:1", Layer: layer.Options{Encode: netcode.Encode}}},
	}
	for _, tt := range tests {
		ctx, cancel := context.WithTimeout(t.Context(), 5*time.Second)
		l, err := redis.New(ctx, tt.o)
		cancel()
		if err == nil {
			l.Shutdown(context.Background())
			t.Errorf("New(%s) = nil error; want one", tt.name)
		}
	}
}
