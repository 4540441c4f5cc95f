package server

import (
	"context"
	"errors"
	"net"
	"net/http"
	"sync"
	"time"

	"github.com/osarena/osarena/netcode"
	"github.com/osarena/osarena/server/layer"
	"github.com/osarena/osarena/server/room"
	"github.com/osarena/osarena/server/store"
	"github.com/osarena/osarena/server/tourney"
)

// Server is OS Arena's server: HTTP front, channel layer and rooms.
type Server struct {
	cfg     Config
	layer   layer.Layer
	rooms   *room.Rooms
	tours   *tourney.Service
	metrics *metrics
	joins   *addrLimiter
	mux     *http.ServeMux

	ctx    context.Context // ends when the server shuts down
	cancel context.CancelFunc

	mu       sync.Mutex
	conns    map[*conn]struct{}
	sessions map[string]*session
	closing  bool
	wg       sync.WaitGroup // connection goroutines
	hs       *http.Server
}

// New returns a server for cfg.
func New(cfg Config) (*Server, error) {
	cfg = cfg.withDefaults()
	s := &Server{cfg: cfg, layer: cfg.Layer, metrics: newMetrics(),
		conns: map[*conn]struct{}{}, sessions: map[string]*session{}}
	if s.layer == nil {
		s.layer = layer.NewMemory(layer.Options{Encode: netcode.Encode, Queue: cfg.Queue})
	}
	s.joins = newAddrLimiter(cfg.JoinsPerMinute)
	s.ctx, s.cancel = context.WithCancel(context.Background())
	rcfg := room.Config{Grace: cfg.Grace, OnReveal: s.metrics.observeReveal, Log: cfg.Log}
	if cfg.Store != nil {
		rcfg.Store = cfg.Store
	}
	s.rooms = room.NewRooms(s.ctx, s.layer, rcfg, cfg.MaxRooms)
	var duels []store.Room
	var snaps map[string]*store.Snapshot
	if cfg.Store != nil {
		var err error
		if duels, snaps, err = s.restore(); err != nil {
			s.cancel()
			s.rooms.Wait()
			return nil, err
		}
	}
	s.newTourney()
	if len(duels) > 0 {
		s.restoreDuels(duels, snaps)
	}
	s.tickTourney()

	s.mux = http.NewServeMux()
	s.mux.HandleFunc("GET /ws", s.serveWS)
	s.mux.HandleFunc("GET /healthz", s.serveHealth)
	s.mux.HandleFunc("GET /metrics", s.serveMetrics)
	if cfg.Web != nil {
		s.mux.Handle("/", staticHandler(cfg.Web))
	} else {
		s.mux.HandleFunc("GET /{$}", func(w http.ResponseWriter, _ *http.Request) {
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			_, _ = w.Write([]byte(noWebPage))
		})
	}
	go s.sweep()
	return s, nil
}

// Handler is the server's HTTP handler: /ws, /healthz, /metrics and the
// client's files.
func (s *Server) Handler() http.Handler { return s.mux }

// Serve accepts connections on l until Shutdown; it returns
// http.ErrServerClosed after a shutdown.
func (s *Server) Serve(l net.Listener) error {
	s.mu.Lock()
	s.hs = &http.Server{Handler: s.mux, ReadHeaderTimeout: 10 * time.Second,
		BaseContext: func(net.Listener) context.Context { return s.ctx }}
	hs := s.hs
	s.mu.Unlock()
	return hs.Serve(l)
}

func (s *Server) serveHealth(w http.ResponseWriter, _ *http.Request) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	s.mu.Lock()
	closing := s.closing
	s.mu.Unlock()
	if closing {
		http.Error(w, "shutting down", http.StatusServiceUnavailable)
		return
	}
	_, _ = w.Write([]byte("ok\n"))
}

// Shutdown stops accepting connections, closes every client with
// CloseShutdown (they reconnect, to this server when it restarts or to
// another node), waits for the connections to end until ctx is done, and
// stops the rooms.
func (s *Server) Shutdown(ctx context.Context) error {
	s.mu.Lock()
	s.closing = true
	hs := s.hs
	conns := make([]*conn, 0, len(s.conns))
	for c := range s.conns {
		conns = append(conns, c)
	}
	s.mu.Unlock()
	var err error
	if hs != nil {
		err = hs.Shutdown(ctx) // hijacked WebSocket connections are ours to close
	}
	for _, c := range conns {
		s.layer.Close(c.inbox.Name(), netcode.CloseShutdown)
	}
	done := make(chan struct{})
	go func() { s.wg.Wait(); close(done) }()
	select {
	case <-done:
	case <-ctx.Done():
		err = errors.Join(err, ctx.Err())
		s.mu.Lock()
		for c := range s.conns {
			_ = c.ws.CloseNow() // ends its read; its goroutine then ends
		}
		s.mu.Unlock()
	}
	s.cancel()
	s.rooms.Wait()
	return err
}

// sweep forgets, once a minute, sessions that have had no connection for
// longer than the grace period.
func (s *Server) sweep() {
	t := time.NewTicker(time.Minute)
	defer t.Stop()
	for {
		select {
		case <-s.ctx.Done():
			return
		case now := <-t.C:
			s.mu.Lock()
			for tok, ss := range s.sessions {
				if ss.conn == nil && now.Sub(ss.detached) > s.cfg.Grace {
					delete(s.sessions, tok)
				}
			}
			s.mu.Unlock()
			s.joins.forget(now)
		}
	}
}
