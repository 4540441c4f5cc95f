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
	"slices"
	"strings"
	"syscall"
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

// cpuStats is what the child's /cpu reports.
type cpuStats struct {
	CPU  time.Duration // user + system time of the process
	Slow uint64        // connections closed as slow
}

// TestServeChild is not a test: with OSARENA_SERVE_CHILD=1 it serves on
// 127.0.0.1 (a free port, printed on stdout) until its stdin closes, with
// harness endpoints beside the server's own handler: /memstats, /cpu, and
// POST /group-all (every connection joins group "bench") and POST /fanout
// (one GroupSend of a Pong stamped with the time to "bench"). Without the
// variable, it skips.
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
	mux.HandleFunc("POST /group-all", func(w http.ResponseWriter, _ *http.Request) {
		s.mu.Lock()
		for c := range s.conns {
			_ = s.layer.GroupAdd("bench", c.inbox.Name())
		}
		s.mu.Unlock()
	})
	mux.HandleFunc("POST /fanout", func(w http.ResponseWriter, _ *http.Request) {
		_, _ = s.layer.GroupSend("bench", netcode.TypePong, netcode.Pong{ClientMs: time.Now().UnixNano()})
	})
	mux.HandleFunc("GET /cpu", func(w http.ResponseWriter, _ *http.Request) {
		var ru syscall.Rusage
		_ = syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
		st := s.layer.Stats()
		_ = json.NewEncoder(w).Encode(cpuStats{CPU: time.Duration(ru.Utime.Nano() + ru.Stime.Nano()), Slow: st.SlowClosed})
	})
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
	// OSARENA_CHILD_FLAGS passes test flags to the child, e.g.
	// -test.cpuprofile=/tmp/child.prof to profile the server alone.
	args := append([]string{"-test.run=^TestServeChild$"}, strings.Fields(os.Getenv("OSARENA_CHILD_FLAGS"))...)
	cmd := exec.Command(os.Args[0], args...)
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

func childCPU(b *testing.B, addr string) cpuStats {
	b.Helper()
	resp, err := http.Get("http://" + addr + "/cpu")
	if err != nil {
		b.Fatal(err)
	}
	defer resp.Body.Close()
	var c cpuStats
	if err := json.NewDecoder(resp.Body).Decode(&c); err != nil {
		b.Fatal(err)
	}
	return c
}

func childPost(b *testing.B, addr, path string) {
	b.Helper()
	resp, err := http.Post("http://"+addr+path, "", nil)
	if err != nil {
		b.Fatal(err)
	}
	_ = resp.Body.Close()
}

// BenchmarkFanout1000 is a group send to 1 000 members over real
// WebSockets on 127.0.0.1, the server in a child process: per delivery, the
// time from GroupSend to the client's read (p50-ms, p99-ms), loss, and the
// server process's CPU time (user + system) per delivered frame.
func BenchmarkFanout1000(b *testing.B) {
	const members = 1000
	addr := startChild(b)
	url := "ws://" + addr + "/ws"
	hello, _ := netcode.Encode(netcode.TypeHello, 1, netcode.Hello{Protocol: netcode.ProtocolVersion, Sim: 1})
	var clients []*websocket.Conn
	defer func() {
		for _, c := range clients {
			_ = c.CloseNow()
		}
	}()
	for range members {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		ws, _, err := websocket.Dial(ctx, url, nil)
		if err != nil {
			b.Fatal(err)
		}
		clients = append(clients, ws)
		if err := ws.Write(ctx, websocket.MessageBinary, hello); err != nil {
			b.Fatal(err)
		}
		if _, _, err := ws.Read(ctx); err != nil { // Welcome
			b.Fatal(err)
		}
		cancel()
	}
	childPost(b, addr, "/group-all")
	lat := make(chan time.Duration, members)
	for _, c := range clients {
		go func() {
			for {
				_, p, err := c.Read(context.Background())
				if err != nil {
					return
				}
				now := time.Now().UnixNano()
				if t, _, msg, err := netcode.Decode(p); err == nil && t == netcode.TypePong {
					lat <- time.Duration(now - msg.(*netcode.Pong).ClientMs)
				}
			}
		}()
	}
	var all []time.Duration
	before := childCPU(b, addr)
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		childPost(b, addr, "/fanout")
		timeout := time.After(10 * time.Second)
		for range members { // one send at a time, as a room sends
			select {
			case d := <-lat:
				all = append(all, d)
			case <-timeout:
				b.Fatalf("send %d: not every member received it within 10 s (lost frames)", i)
			}
		}
	}
	b.StopTimer()
	after := childCPU(b, addr)
	if after.Slow != 0 {
		b.Fatalf("%d members closed as slow", after.Slow)
	}
	slices.Sort(all)
	b.ReportMetric(float64(all[len(all)/2].Microseconds())/1000, "p50-ms")
	b.ReportMetric(float64(all[len(all)*99/100].Microseconds())/1000, "p99-ms")
	b.ReportMetric(0, "lost")
	b.ReportMetric(float64(after.CPU-before.CPU)/float64(len(all)), "server-cpu-ns/delivery")
}
