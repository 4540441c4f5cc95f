//go:build !js

package netcode

import (
	"context"
	"errors"

	"github.com/coder/websocket"
)

// wsTransport is a Transport over github.com/coder/websocket.
type wsTransport struct{ c *websocket.Conn }

var _ Transport = wsTransport{}

// DialWebSocket dials url with github.com/coder/websocket. Frames above
// MaxFrame close the connection.
func DialWebSocket(ctx context.Context, url string) (Transport, error) {
	c, _, err := websocket.Dial(ctx, url, nil)
	if err != nil {
		return nil, err
	}
	c.SetReadLimit(MaxFrame)
	return wsTransport{c}, nil
}

// NewWebSocketTransport wraps an accepted or dialled coder/websocket
// connection (servers and tests use it).
func NewWebSocketTransport(c *websocket.Conn) Transport { return wsTransport{c} }

func (t wsTransport) ReadFrame(ctx context.Context) ([]byte, error) {
	typ, b, err := t.c.Read(ctx)
	if err != nil {
		var ce websocket.CloseError
		if errors.As(err, &ce) {
			return nil, &CloseError{Code: CloseCode(ce.Code), Reason: ce.Reason}
		}
		return nil, err
	}
	if typ != websocket.MessageBinary {
		return nil, ErrNotBinary
	}
	return b, nil
}

func (t wsTransport) WriteFrame(ctx context.Context, frame []byte) error {
	return t.c.Write(ctx, websocket.MessageBinary, frame)
}

func (t wsTransport) Close(code CloseCode, reason string) error {
	return t.c.Close(websocket.StatusCode(code), reason)
}
