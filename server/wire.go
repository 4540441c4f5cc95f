package server

import (
	"bufio"
	"bytes"
	"net"
	"net/http"
	"sync"
	"time"
)

// Buffer sizes of the bufio.Reader and bufio.Writer that coder/websocket
// keeps for a connection's whole life. net/http would hand it 4 KiB each
// (plus its own 4 KiB reader and writer, which the handler goroutine would
// keep alive); clients send frames of tens of bytes, and the writer only
// stages bytes on their way into a wire's batch, so small ones do.
const (
	readBufSize  = 512
	writeBufSize = 128 // a control frame (≤ 127 bytes) in one write
	maxBatch     = 64 << 10
)

// wire is a connection's socket as coder/websocket sees it. It serves the
// bytes the HTTP server had read past the handshake, and it batches: while
// held, writes collect in a pooled buffer that release writes to the socket
// in one call, so a writer burst of n frames costs one write, not n. Not
// held, a write goes straight through. Every socket write has a deadline.
type wire struct {
	net.Conn
	timeout time.Duration
	pre     []byte // read-ahead from the HTTP server; the reader goroutine's alone

	mu       sync.Mutex // serialises socket writes and guards the fields below
	holding  bool
	batch    *[]byte   // from batchPool while holding
	deadline time.Time // the socket's write deadline
}

var batchPool = sync.Pool{New: func() any { b := make([]byte, 0, 4<<10); return &b }}

func (w *wire) Read(p []byte) (int, error) {
	if len(w.pre) > 0 {
		n := copy(p, w.pre)
		w.pre = w.pre[n:]
		if len(w.pre) == 0 {
			w.pre = nil
		}
		return n, nil
	}
	return w.Conn.Read(p)
}

// Write batches p while the wire is held, and writes it otherwise.
func (w *wire) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.holding {
		*w.batch = append(*w.batch, p...)
		return len(p), nil
	}
	return w.writeLocked(p)
}

// writeLocked writes p with a deadline of timeout from now, give or take
// a slack of a quarter of it (at most a second): moving the deadline costs
// a timer update, so it moves only when it has fallen a slack behind.
func (w *wire) writeLocked(p []byte) (int, error) {
	slack := min(time.Second, w.timeout/4)
	if d := time.Now().Add(w.timeout); d.Sub(w.deadline) > slack {
		w.deadline = d.Add(slack)
		_ = w.Conn.SetWriteDeadline(w.deadline)
	}
	return w.Conn.Write(p)
}

// hold starts a batch: writes collect until release.
func (w *wire) hold() {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.holding = true
	if w.batch == nil {
		w.batch = batchPool.Get().(*[]byte)
	}
}

// full reports whether the batch should be written before it grows more.
func (w *wire) full() bool {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.batch != nil && len(*w.batch) >= maxBatch
}

// flush writes the batch and keeps holding.
func (w *wire) flush() error {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.flushLocked()
}

func (w *wire) flushLocked() error {
	if w.batch == nil || len(*w.batch) == 0 {
		return nil
	}
	_, err := w.writeLocked(*w.batch)
	*w.batch = (*w.batch)[:0]
	return err
}

// release writes the batch, returns its buffer to the pool and stops
// holding.
func (w *wire) release() error {
	w.mu.Lock()
	defer w.mu.Unlock()
	err := w.flushLocked()
	w.holding = false
	if w.batch != nil {
		if cap(*w.batch) <= maxBatch+8<<10 {
			batchPool.Put(w.batch)
		}
		w.batch = nil
	}
	return err
}

// hijackWriter gives coder/websocket a wire with small buffers instead of
// the connection and buffers net/http hands over on Hijack.
type hijackWriter struct {
	http.ResponseWriter
	timeout time.Duration
	wire    *wire // set by Hijack
}

// Hijack takes over the connection from net/http.
func (h *hijackWriter) Hijack() (net.Conn, *bufio.ReadWriter, error) {
	nc, brw, err := http.NewResponseController(h.ResponseWriter).Hijack()
	if err != nil {
		return nil, nil, err
	}
	if brw.Writer.Buffered() > 0 {
		if err := brw.Writer.Flush(); err != nil {
			_ = nc.Close()
			return nil, nil, err
		}
	}
	w := &wire{Conn: nc, timeout: h.timeout}
	if n := brw.Reader.Buffered(); n > 0 {
		p, _ := brw.Reader.Peek(n)
		w.pre = bytes.Clone(p)
	}
	h.wire = w
	return w, bufio.NewReadWriter(bufio.NewReaderSize(w, readBufSize), bufio.NewWriterSize(w, writeBufSize)), nil
}

// Unwrap lets http.ResponseController reach the server's writer.
func (h *hijackWriter) Unwrap() http.ResponseWriter { return h.ResponseWriter }
