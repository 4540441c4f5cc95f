package server

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/coder/websocket"

	"github.com/osarena/osarena/netcode"
)

func TestStatic(t *testing.T) {
	web := fstest.MapFS{
		"index.html":           {Data: []byte("<!doctype html>arena")},
		"osarena.wasm":         {Data: []byte("\x00asm plain")},
		"osarena.wasm.br":      {Data: []byte("brotli bytes")},
		"osarena.wasm.gz":      {Data: []byte("gzip bytes")},
		"wasm_exec.js":         {Data: []byte("// js")},
		"manifest.webmanifest": {Data: []byte("{}")},
	}
	s, err := New(Config{Web: web})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		path, accept                     string
		wantStatus                       int
		wantType, wantEncoding, wantBody string
	}{
		{"/", "", 200, "text/html; charset=utf-8", "", "<!doctype html>arena"},
		{"/osarena.wasm", "", 200, "application/wasm", "", "\x00asm plain"},
		{"/osarena.wasm", "gzip, deflate, br", 200, "application/wasm", "br", "brotli bytes"},
		{"/osarena.wasm", "gzip", 200, "application/wasm", "gzip", "gzip bytes"},
		{"/osarena.wasm", "br;q=0, gzip", 200, "application/wasm", "gzip", "gzip bytes"},
		{"/wasm_exec.js", "br", 200, "text/javascript; charset=utf-8", "", "// js"},
		{"/manifest.webmanifest", "", 200, "application/manifest+json", "", "{}"},
		{"/osarena.wasm.br", "", 404, "", "", ""},
		{"/missing.js", "", 404, "", "", ""},
		{"/../etc/passwd", "", 307, "", "", ""}, // the mux redirects to the clean path
	}
	for _, tt := range tests {
		req := httptest.NewRequest("GET", tt.path, nil)
		if tt.accept != "" {
			req.Header.Set("Accept-Encoding", tt.accept)
		}
		rec := httptest.NewRecorder()
		s.Handler().ServeHTTP(rec, req)
		res := rec.Result()
		body, _ := io.ReadAll(res.Body)
		if res.StatusCode != tt.wantStatus {
			t.Errorf("GET %s (Accept-Encoding %q) status %d; want %d", tt.path, tt.accept, res.StatusCode, tt.wantStatus)
			continue
		}
		if tt.wantStatus != 200 {
			continue
		}
		if got := res.Header.Get("Content-Type"); got != tt.wantType {
			t.Errorf("GET %s Content-Type %q; want %q", tt.path, got, tt.wantType)
		}
		if got := res.Header.Get("Content-Encoding"); got != tt.wantEncoding {
			t.Errorf("GET %s (%q) Content-Encoding %q; want %q", tt.path, tt.accept, got, tt.wantEncoding)
		}
		if strings.HasPrefix(tt.path, "/osarena.wasm") && res.Header.Get("Vary") != "Accept-Encoding" {
			t.Errorf("GET %s Vary %q; want Accept-Encoding", tt.path, res.Header.Get("Vary"))
		}
		if string(body) != tt.wantBody {
			t.Errorf("GET %s (%q) body %q; want %q", tt.path, tt.accept, body, tt.wantBody)
		}
	}
}

func TestHealthAndMetrics(t *testing.T) {
	s, url := newTestServer(t, Config{})
	base := "http" + strings.TrimSuffix(strings.TrimPrefix(url, "ws"), "/ws")
	c := dial(t, url)
	c.hello("")
	c.create("Host", matchSettings(1))
	res, err := http.Get(base + "/healthz")
	if err != nil || res.StatusCode != 200 {
		t.Fatalf("GET /healthz: %v %v", res, err)
	}
	res, err = http.Get(base + "/metrics")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(res.Body)
	for _, want := range []string{
		"osarena_connections 1", "osarena_rooms 1", "osarena_messages_in_total 2",
		"osarena_messages_out_total", "osarena_send_queue_drops_total 0",
		"# TYPE osarena_round_reveal_latency_seconds histogram",
		`osarena_round_reveal_latency_seconds_bucket{le="+Inf"} 0`,
		"# TYPE osarena_write_delay_seconds histogram", "# TYPE go_goroutines gauge", "# TYPE go_stack_bytes gauge",
		"# TYPE process_cpu_seconds_total counter", "# TYPE process_resident_memory_bytes gauge",
	} {
		if !strings.Contains(string(body), want) {
			t.Errorf("/metrics lacks %q:\n%s", want, body)
		}
	}
	_ = s
}

func TestOriginCheck(t *testing.T) {
	_, url := newTestServer(t, Config{AllowOrigins: []string{"arena.example"}})
	tests := []struct {
		origin string
		ok     bool
	}{
		{"", true}, // not a browser
		{"http://evil.example", false},
		{"https://arena.example", true},
	}
	for _, tt := range tests {
		h := http.Header{}
		if tt.origin != "" {
			h.Set("Origin", tt.origin)
		}
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		ws, res, err := websocket.Dial(ctx, url, &websocket.DialOptions{HTTPHeader: h})
		cancel()
		if (err == nil) != tt.ok {
			t.Errorf("Origin %q: dial error %v; want ok=%v", tt.origin, err, tt.ok)
		}
		if !tt.ok && res != nil && res.StatusCode != http.StatusForbidden {
			t.Errorf("Origin %q: status %d; want 403", tt.origin, res.StatusCode)
		}
		if ws != nil {
			_ = ws.CloseNow()
		}
	}
}

func TestJoinLimit(t *testing.T) {
	_, url := newTestServer(t, Config{JoinsPerMinute: 4}) // a burst of 2
	c := dial(t, url)
	c.hello("")
	for i := range 3 {
		c.send(netcode.TypeJoinRoom, netcode.JoinRoom{Code: "ZZZZZZ", Nickname: "x"})
		e := expect[netcode.Error](c, netcode.TypeError)
		want := netcode.ErrUnknownRoom
		if i == 2 {
			want = netcode.ErrTooManyJoins
		}
		if e.Code != want {
			t.Errorf("join attempt %d: Error %d; want %d", i+1, e.Code, want)
		}
	}
}

func TestShutdownClosesClients(t *testing.T) {
	s, url := newTestServer(t, Config{})
	c := dial(t, url)
	c.hello("")
	c.create("Host", matchSettings(1))
	done := make(chan error, 1)
	go func() {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		done <- s.Shutdown(ctx)
	}()
	if code := c.closed(); code != netcode.CloseShutdown || !code.MayReconnect() {
		t.Errorf("closed with %d on shutdown; want %d (reconnect)", code, netcode.CloseShutdown)
	}
	if err := <-done; err != nil {
		t.Errorf("Shutdown: %v", err)
	}
}
