package server

import (
	"bytes"
	"io"
	"net"
	"strings"
	"testing"
	"time"
)

// recordConn is a net.Conn that records each Write and reads from r.
type recordConn struct {
	net.Conn
	r         io.Reader
	writes    []string
	deadlines int
}

func (c *recordConn) Read(p []byte) (int, error) { return c.r.Read(p) }
func (c *recordConn) Write(p []byte) (int, error) {
	c.writes = append(c.writes, string(p))
	return len(p), nil
}
func (c *recordConn) SetWriteDeadline(time.Time) error { c.deadlines++; return nil }

func TestWireBatchesWhileHeld(t *testing.T) {
	tests := []struct {
		name string
		run  func(w *wire)
		want []string
	}{
		{"not held: each write goes out", func(w *wire) {
			_, _ = w.Write([]byte("ab"))
			_, _ = w.Write([]byte("cd"))
		}, []string{"ab", "cd"}},
		{"held: one write at release", func(w *wire) {
			w.hold()
			_, _ = w.Write([]byte("ab"))
			_, _ = w.Write([]byte("cd"))
			_ = w.release()
		}, []string{"abcd"}},
		{"flush while held", func(w *wire) {
			w.hold()
			_, _ = w.Write([]byte("ab"))
			_ = w.flush()
			_, _ = w.Write([]byte("cd"))
			_ = w.release()
			_, _ = w.Write([]byte("ef"))
		}, []string{"ab", "cd", "ef"}},
		{"empty batch writes nothing", func(w *wire) {
			w.hold()
			_ = w.release()
		}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rc := &recordConn{}
			w := &wire{Conn: rc, timeout: 10 * time.Second}
			tt.run(w)
			if strings.Join(rc.writes, "|") != strings.Join(tt.want, "|") {
				t.Errorf("socket writes %q; want %q", rc.writes, tt.want)
			}
			if len(rc.writes) > 0 && rc.deadlines != 1 {
				t.Errorf("%d deadline updates for writes within a second; want 1", rc.deadlines)
			}
		})
	}
}

func TestWireReadsReadAheadFirst(t *testing.T) {
	w := &wire{Conn: &recordConn{r: strings.NewReader("world")}, pre: []byte("hello ")}
	got, err := io.ReadAll(io.LimitReader(w, 11))
	if err != nil || !bytes.Equal(got, []byte("hello world")) {
		t.Errorf("read %q, %v; want %q", got, err, "hello world")
	}
}
