package netcode

import (
	"context"
	"errors"
	"strconv"
)

// Transport carries binary frames over one connection. The client calls
// ReadFrame from one goroutine and WriteFrame from another, never two of
// either at once; Close may be called from any goroutine, at any time,
// more than once.
type Transport interface {
	// ReadFrame returns the next binary frame. When the peer closes the
	// connection with a close code, the error is a *CloseError.
	ReadFrame(ctx context.Context) ([]byte, error)
	// WriteFrame sends one binary frame. It does not keep frame.
	WriteFrame(ctx context.Context, frame []byte) error
	// Close closes the connection with a close code and a short reason.
	Close(code CloseCode, reason string) error
}

// Dialer opens a Transport to a ws:// or wss:// URL. DialWebSocket is the
// platform's: the browser's WebSocket under GOOS=js, coder/websocket
// elsewhere.
type Dialer func(ctx context.Context, url string) (Transport, error)

// MaxFrame is the largest frame a Transport reads from the server.
const MaxFrame = 1 << 20

// CloseError is a connection closed by the peer with a close code.
type CloseError struct {
	Code   CloseCode
	Reason string
}

func (e *CloseError) Error() string {
	s := "netcode: connection closed with " + strconv.Itoa(int(e.Code))
	if e.Reason != "" {
		s += " (" + e.Reason + ")"
	}
	return s
}

// ErrNotBinary is the error for a text frame: the protocol sends binary
// frames only.
var ErrNotBinary = errors.New("netcode: text frame")

// CloseCodeOf returns the close code carried by err (a *CloseError in its
// chain), or 0 if the connection broke without one.
func CloseCodeOf(err error) CloseCode {
	var ce *CloseError
	if errors.As(err, &ce) {
		return ce.Code
	}
	return 0
}
