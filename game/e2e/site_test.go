//go:build !js

package e2e

import (
	"context"
	"log/slog"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/osarena/osarena/server"
)

// site is the browser client served by the real server on 127.0.0.1, as
// players get it: its static files, MIME types and precompressed wasm.
type site struct {
	root  string // the module's root
	url   string // the page, "http://127.0.0.1:port/"
	shots string // where screenshots go (build/screenshots)
	stop  func() // shuts the server down; safe to call again (cleanup does)
}

// serveClient checks for chromium, builds build/web with make (cached),
// and serves it with server.New(cfg) on a free loopback port; cfg.Web and
// cfg.Log are filled in. The server stops when the test ends.
func serveClient(t *testing.T, cfg server.Config) *site {
	t.Helper()
	if _, err := exec.LookPath("chromium"); err != nil {
		t.Fatal("browser test: the chromium command is missing: install the Debian package \"chromium\" (as root: scripts/need chromium, or make deps)")
	}
	root := moduleRoot(t)
	build := exec.Command("make", "-s", "web")
	build.Dir = root
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("make web: %v\n%s", err, out)
	}
	shots := filepath.Join(root, "build", "screenshots")
	if err := os.MkdirAll(shots, 0o755); err != nil {
		t.Fatal(err)
	}
	cfg.Web = os.DirFS(filepath.Join(root, "build", "web"))
	cfg.Log = slog.New(slog.DiscardHandler)
	srv, err := server.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	go srv.Serve(ln)
	stop := sync.OnceFunc(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		_ = srv.Shutdown(ctx)
	})
	t.Cleanup(stop)
	return &site{root: root, url: "http://" + ln.Addr().String() + "/", shots: shots, stop: stop}
}
