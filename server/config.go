package server

import (
	"io/fs"
	"log/slog"
	"time"

	"github.com/osarena/osarena/server/layer"
	"github.com/osarena/osarena/server/store"
)

// Config configures a Server. Zero fields take the defaults in brackets.
type Config struct {
	// Web holds the client build (index.html, the wasm, ...). Nil serves a
	// short page that says the client was not built.
	Web fs.FS
	// AllowOrigins are extra origins allowed to open /ws, as host patterns
	// ("example.com", "*.example.com", "localhost:*"). The page's own
	// origin is always allowed; other origins are refused.
	AllowOrigins []string
	// Grace is how long a dropped player keeps their seat [60s].
	Grace time.Duration
	// MaxMsgSize is the largest frame a client may send, in bytes [16 KiB];
	// a larger one closes with CloseTooLarge.
	MaxMsgSize int
	// MaxPerSec and Burst rate-limit each connection's messages [20, 40];
	// past them it closes with CloseRateLimited.
	MaxPerSec int
	Burst     int
	// JoinsPerMinute limits CreateRoom and JoinRoom attempts per client
	// address [20].
	JoinsPerMinute int
	// HelloTimeout is how long a new connection may take to send Hello [10s];
	// IdleTimeout how long any connection may stay silent [75s].
	HelloTimeout time.Duration
	IdleTimeout  time.Duration
	// WriteTimeout bounds one frame's write [10s].
	WriteTimeout time.Duration
	// Queue is each connection's send queue, in frames [256].
	Queue int
	// MaxRooms bounds the live rooms [10 000].
	MaxRooms int
	// DuelPause is how long a tournament duel shows each reveal before it
	// moves on by itself [3s].
	DuelPause time.Duration
	// Layer is the channel layer [an in-memory one].
	Layer layer.Layer
	// Store keeps players, rooms, match snapshots and finished matches
	// (DESIGN.md §7); New resumes the rooms it holds. Nil keeps nothing.
	// The caller closes it after Shutdown.
	Store store.Store
	// Log receives connection and room events [slog.Default()].
	Log *slog.Logger
}

func (c Config) withDefaults() Config {
	def := func(v *int, d int) {
		if *v <= 0 {
			*v = d
		}
	}
	defDur := func(v *time.Duration, d time.Duration) {
		if *v <= 0 {
			*v = d
		}
	}
	defDur(&c.Grace, 60*time.Second)
	def(&c.MaxMsgSize, 16<<10)
	def(&c.MaxPerSec, 20)
	def(&c.Burst, 2*c.MaxPerSec)
	def(&c.JoinsPerMinute, 20)
	defDur(&c.HelloTimeout, 10*time.Second)
	defDur(&c.IdleTimeout, 75*time.Second)
	defDur(&c.WriteTimeout, 10*time.Second)
	def(&c.Queue, 256)
	defDur(&c.DuelPause, 3*time.Second)
	def(&c.MaxRooms, 10000)
	if c.Log == nil {
		c.Log = slog.Default()
	}
	return c
}
