package server

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/exec"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/coder/websocket"

	"github.com/osarena/osarena/netcode"
)

// childEnv makes the test binary a bare server process (TestServeChild)
// for harnesses that must measure the server without its clients.
const childEnv = "OSARENA_SERVE_CHILD"

// memStats is what the child's /memstats reports, after two GCs.
type memStats struct {
	HeapInuse, StackInuse, Sys uint64
	Goroutines                 int
	RSS                        uint64 // VmRSS, bytes
}

// TestServeChild is not a test: with OSARENA_SERVE_CHILD=1 it serves on
// 127.0.0.1 (a free port, printed on stdout) until its stdin closes, with
// /memstats beside the server's own handler. Without it, it skips.
func TestServeChild(t *testing.T) {
	if os.Getenv(childEnv) != "1" {
		t.Skip("a server process for harnesses; set " + childEnv + "=1")
	}
	s, err := New(Config{Log: slog.New(slog.NewTextHandler(io.Discard, nil)), MaxPerSec: 1000})
	if err != nil {
		t.Fatal(err)
	}
	mux := http.NewServeMux()
	mux.Handle("/", s.Handler())
	mux.HandleFunc("GET /memstats", func(w http.ResponseWriter, _ *http.Request) {
		runtime.GC()
		runtime.GC()
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		_ = json.NewEncoder(w).Encode(memStats{HeapInuse: m.HeapInuse, StackInuse: m.StackInuse, Sys: m.Sys,
			Goroutines: runtime.NumGoroutine(), RSS: vmRSS()})
	})
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	hs := &http.Server{Handler: mux}
	go func() { _ = hs.Serve(l) }()
	fmt.Println(l.Addr().String())
	_, _ = io.Copy(io.Discard, os.Stdin) // until the parent closes it
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	_ = s.Shutdown(ctx)
	_ = hs.Close()
}

// vmRSS reads the process's resident set size from /proc (0 elsewhere).
func vmRSS() uint64 {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for line := range strings.SplitSeq(string(b), "\n") {
		if v, ok := strings.CutPrefix(line, "VmRSS:"); ok {
			var kb uint64
			_, _ = fmt.Sscan(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "kB")), &kb)
			return kb << 10
		}
	}
	return 0
}

// startChild runs TestServeChild in a subprocess and returns its address;
// the child ends when the benchmark does.
func startChild(b *testing.B) string {
	b.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestServeChild$")
	cmd.Env = append(os.Environ(), childEnv+"=1")
	stdin, err := cmd.StdinPipe()
	if err != nil {
		b.Fatal(err)
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		b.Fatal(err)
	}
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() {
		_ = stdin.Close()
		done := make(chan struct{})
		go func() { _ = cmd.Wait(); close(done) }()
		select {
		case <-done:
		case <-time.After(10 * time.Second):
			_ = cmd.Process.Kill()
			<-done
		}
	})
	addr, err := bufio.NewReader(stdout).ReadString('\n')
	if err != nil {
		b.Fatalf("child server: %v", err)
	}
	return strings.TrimSpace(addr)
}

func childMem(b *testing.B, addr string) memStats {
	b.Helper()
	resp, err := http.Get("http://" + addr + "/memstats")
	if err != nil {
		b.Fatal(err)
	}
	defer resp.Body.Close()
	var m memStats
	if err := json.NewDecoder(resp.Body).Decode(&m); err != nil {
		b.Fatal(err)
	}
	return m
}

// BenchmarkIdleConnMemory opens 1 000 WebSocket connections that complete
// Hello to a server in a child process and reports what the server alone
// holds per idle connection: heap in use plus goroutine stacks (bytes/conn),
// resident set growth (rss-bytes/conn) and goroutines per connection.
func BenchmarkIdleConnMemory(b *testing.B) {
	const n = 1000
	addr := startChild(b)
	url := "ws://" + addr + "/ws"
	hello, _ := netcode.Encode(netcode.TypeHello, 1, netcode.Hello{Protocol: netcode.ProtocolVersion, Sim: 1})
	for b.Loop() {
		before := childMem(b, addr)
		clients := make([]*websocket.Conn, 0, n)
		for range n {
			ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
			ws, _, err := websocket.Dial(ctx, url, nil)
			if err != nil {
				b.Fatal(err)
			}
			if err := ws.Write(ctx, websocket.MessageBinary, hello); err != nil {
				b.Fatal(err)
			}
			if _, _, err := ws.Read(ctx); err != nil { // Welcome
				b.Fatal(err)
			}
			cancel()
			clients = append(clients, ws)
		}
		time.Sleep(200 * time.Millisecond) // let the handshakes' garbage settle
		after := childMem(b, addr)
		b.ReportMetric(float64(after.HeapInuse+after.StackInuse-before.HeapInuse-before.StackInuse)/n, "bytes/conn")
		b.ReportMetric(float64(after.StackInuse-before.StackInuse)/n, "stack-bytes/conn")
		b.ReportMetric(float64(int64(after.RSS)-int64(before.RSS))/n, "rss-bytes/conn")
		b.ReportMetric(float64(after.Goroutines-before.Goroutines)/n, "goroutines/conn")
		for _, c := range clients {
			_ = c.CloseNow()
		}
		time.Sleep(500 * time.Millisecond)
	}
}
