// Package testsvc starts real PostgreSQL and Redis servers for tests: on
// 127.0.0.1, on a free port, with their data in a new temporary directory,
// and stops them and removes the directory when the test (or, for a
// server shared by a whole test binary, Stop) is done. It is imported by
// tests only.
//
// A missing server binary fails the test with the Debian package to
// install (the tests never skip silently). Run as root, PostgreSQL (which
// refuses to run as root) runs as the "postgres" user that Debian's
// package creates, or as "nobody".
package testsvc

import (
	"errors"
	"fmt"
	"net"
	"os"
	"os/exec"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// Server is a running server process.
type Server struct {
	// Addr is host:port on 127.0.0.1.
	Addr string
	dir  string
	cmd  *exec.Cmd
	exit chan struct{} // closed when the process has exited
	once sync.Once
}

// Stop ends the server (SIGINT: PostgreSQL's fast shutdown, Redis's
// shutdown) and removes its directory; it is safe to call twice.
func (s *Server) Stop() {
	s.once.Do(func() {
		_ = s.cmd.Process.Signal(syscall.SIGINT)
		select {
		case <-s.exit:
		case <-time.After(10 * time.Second):
			_ = s.cmd.Process.Kill()
			<-s.exit
		}
		_ = os.RemoveAll(s.dir)
	})
}

// freePort returns a port that was free on 127.0.0.1 a moment ago.
func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}

// start runs argv until ready reports nil, trying new ports when the
// process exits early (another process took the port). args builds the
// command line for a port.
func start(dir string, cred *syscall.Credential, args func(port int) []string, ready func(addr string) error, log *strings.Builder) (*Server, error) {
	var last error
	for range 5 {
		port, err := freePort()
		if err != nil {
			return nil, err
		}
		argv := args(port)
		cmd := exec.Command(argv[0], argv[1:]...)
		cmd.Dir = dir
		cmd.Stdout, cmd.Stderr = log, log
		cmd.SysProcAttr = procAttr(cred)
		if err := cmd.Start(); err != nil {
			return nil, err
		}
		s := &Server{Addr: fmt.Sprintf("127.0.0.1:%d", port), dir: dir, cmd: cmd, exit: make(chan struct{})}
		go func() { _ = cmd.Wait(); close(s.exit) }()
		deadline := time.Now().Add(30 * time.Second)
		for {
			if last = ready(s.Addr); last == nil {
				return s, nil
			}
			select {
			case <-s.exit:
				last = fmt.Errorf("%s exited: %v", argv[0], last)
			case <-time.After(50 * time.Millisecond):
				if time.Now().Before(deadline) {
					continue
				}
				s.once.Do(func() { _ = cmd.Process.Kill(); <-s.exit })
				last = fmt.Errorf("%s not ready after 30s: %v", argv[0], last)
			}
			break
		}
	}
	return nil, errors.Join(last, errors.New(log.String()))
}

// dial checks that something accepts TCP connections at addr.
func dial(addr string) error {
	c, err := net.DialTimeout("tcp", addr, time.Second)
	if err == nil {
		c.Close()
	}
	return err
}

// Redis starts redis-server without persistence and stops it when t ends.
// The server's URL is "redis://" + Addr.
func Redis(t testing.TB) *Server {
	t.Helper()
	s, err := StartRedis()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(s.Stop)
	return s
}

// StartRedis starts redis-server; the caller stops it.
func StartRedis() (*Server, error) {
	bin, err := exec.LookPath("redis-server")
	if err != nil {
		return nil, errors.New("testsvc: redis-server not found: install the Debian package redis-server (apt-get install redis-server, or make deps)")
	}
	dir, err := os.MkdirTemp("", "osarena-redis-")
	if err != nil {
		return nil, err
	}
	var log strings.Builder
	s, err := start(dir, nil, func(port int) []string {
		return []string{bin, "--port", fmt.Sprint(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
			"--dir", dir, "--protected-mode", "yes", "--loglevel", "warning"}
	}, func(addr string) error { return redisPing(addr) }, &log)
	if err != nil {
		os.RemoveAll(dir)
		return nil, fmt.Errorf("testsvc: start redis-server: %w", err)
	}
	return s, nil
}

// redisPing sends PING in RESP and waits for +PONG.
func redisPing(addr string) error {
	c, err := net.DialTimeout("tcp", addr, time.Second)
	if err != nil {
		return err
	}
	defer c.Close()
	_ = c.SetDeadline(time.Now().Add(time.Second))
	if _, err := c.Write([]byte("*1\r\n$4\r\nPING\r\n")); err != nil {
		return err
	}
	buf := make([]byte, 7)
	n, err := c.Read(buf)
	if err != nil {
		return err
	}
	if string(buf[:n]) != "+PONG\r\n" {
		return fmt.Errorf("PING answered %q", buf[:n])
	}
	return nil
}
