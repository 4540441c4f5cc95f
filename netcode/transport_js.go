//go:build js && wasm

package netcode

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"syscall/js"
)

// jsTransport is a Transport over the browser's WebSocket, through
// syscall/js: a Go WebSocket library would pull net/http into the wasm
// build (CLIENT-NOTES.md). The browser's callbacks never block: they copy
// the frame and queue it for ReadFrame.
type jsTransport struct {
	ws    js.Value
	funcs []js.Func

	mu     sync.Mutex
	queue  [][]byte
	err    error         // why the connection ended, once closed is closed
	signal chan struct{} // a frame was queued (capacity 1)
	closed chan struct{}
	once   sync.Once
}

var _ Transport = (*jsTransport)(nil)

// maxQueued bounds the frames the browser may hand over before ReadFrame
// takes them; past it the client has fallen behind and closes.
const maxQueued = 4096

// DialWebSocket opens the browser's WebSocket to url (binary frames as
// ArrayBuffers) and waits for it to open, to close, or for ctx.
func DialWebSocket(ctx context.Context, url string) (_ Transport, err error) {
	ctor := js.Global().Get("WebSocket")
	if !ctor.Truthy() {
		return nil, errors.New("netcode: no WebSocket in this JavaScript environment")
	}
	defer func() { // the constructor throws on a malformed URL
		if r := recover(); r != nil {
			err = fmt.Errorf("netcode: WebSocket(%q): %v", url, r)
		}
	}()
	t := &jsTransport{signal: make(chan struct{}, 1), closed: make(chan struct{})}
	t.ws = ctor.New(url)
	t.ws.Set("binaryType", "arraybuffer")
	opened := make(chan struct{})
	var openOnce sync.Once
	t.on("open", func(js.Value) { openOnce.Do(func() { close(opened) }) })
	t.on("message", t.onMessage)
	t.on("close", func(ev js.Value) {
		t.end(&CloseError{Code: CloseCode(ev.Get("code").Int()), Reason: ev.Get("reason").String()})
	})
	t.on("error", func(js.Value) {}) // a close event follows
	// The callbacks outlive the socket only until it closes.
	go func() {
		<-t.closed
		for _, f := range t.funcs {
			f.Release()
		}
	}()
	select {
	case <-opened:
		return t, nil
	case <-t.closed:
		return nil, fmt.Errorf("netcode: WebSocket(%q) did not open: %w", url, t.err)
	case <-ctx.Done():
		t.ws.Call("close")
		return nil, ctx.Err()
	}
}

// on adds an event listener that lives until the socket closes.
func (t *jsTransport) on(event string, fn func(ev js.Value)) {
	f := js.FuncOf(func(_ js.Value, args []js.Value) any {
		fn(args[0])
		return nil
	})
	t.funcs = append(t.funcs, f)
	t.ws.Call("addEventListener", event, f)
}

func (t *jsTransport) onMessage(ev js.Value) {
	data := ev.Get("data")
	if !data.InstanceOf(js.Global().Get("ArrayBuffer")) {
		t.ws.Call("close", int(CloseBadMessage), "text frame")
		t.end(ErrNotBinary)
		return
	}
	u8 := js.Global().Get("Uint8Array").New(data)
	b := make([]byte, u8.Get("length").Int())
	js.CopyBytesToGo(b, u8)
	t.mu.Lock()
	full := len(t.queue) >= maxQueued
	if !full {
		t.queue = append(t.queue, b)
	}
	t.mu.Unlock()
	if full {
		t.ws.Call("close", int(CloseSlow), "behind")
		t.end(&CloseError{Code: CloseSlow, Reason: "the client fell behind"})
		return
	}
	select {
	case t.signal <- struct{}{}:
	default:
	}
}

// end records why the connection ended, once.
func (t *jsTransport) end(err error) {
	t.once.Do(func() {
		t.mu.Lock()
		t.err = err
		t.mu.Unlock()
		close(t.closed)
	})
}

// ReadFrame returns queued frames first, then the reason the socket closed.
func (t *jsTransport) ReadFrame(ctx context.Context) ([]byte, error) {
	for {
		t.mu.Lock()
		if len(t.queue) > 0 {
			b := t.queue[0]
			t.queue[0] = nil
			t.queue = t.queue[1:]
			t.mu.Unlock()
			return b, nil
		}
		err := t.err
		t.mu.Unlock()
		if err != nil {
			return nil, err
		}
		select {
		case <-t.signal:
		case <-t.closed:
		case <-ctx.Done():
			_ = t.Close(CloseNormal, "")
			return nil, ctx.Err()
		}
	}
}

// WriteFrame hands frame to the browser, which sends it without blocking.
func (t *jsTransport) WriteFrame(ctx context.Context, frame []byte) (err error) {
	select {
	case <-t.closed:
		return t.err
	default:
	}
	defer func() { // send throws if the socket is not open
		if r := recover(); r != nil {
			err = fmt.Errorf("netcode: WebSocket send: %v", r)
		}
	}()
	u8 := js.Global().Get("Uint8Array").New(len(frame))
	js.CopyBytesToJS(u8, frame)
	t.ws.Call("send", u8)
	return nil
}

// Close starts the browser's close handshake; the close event ends ReadFrame.
func (t *jsTransport) Close(code CloseCode, reason string) error {
	select {
	case <-t.closed:
		return nil
	default:
	}
	defer func() { _ = recover() }()
	t.ws.Call("close", int(code), reason)
	return nil
}
