package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/signal"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"strings"
	"syscall"
	"time"

	"github.com/osarena/osarena/server"
)

// defaultWeb is the client build served when --web is not given. The
// package that embeds the client sets it from an init function; nil serves
// a page saying the client was not built.
var defaultWeb fs.FS

// envPrefix prefixes the environment variable of every serve flag:
// --allow-origin is OSARENA_ALLOW_ORIGIN.
const envPrefix = "OSARENA_"

func envName(flagName string) string {
	return envPrefix + strings.ToUpper(strings.ReplaceAll(flagName, "-", "_"))
}

// defaultDB is the database serve keeps by default: osarena.db in the
// user's data directory ($XDG_DATA_HOME or ~/.local/share/osarena on Unix,
// ~/Library/Application Support/osarena on macOS, %LocalAppData%\osarena
// on Windows), or "" when there is no home directory.
func defaultDB() string {
	dir := os.Getenv("XDG_DATA_HOME")
	if dir == "" {
		home, err := os.UserHomeDir()
		switch {
		case runtime.GOOS == "windows":
			dir = os.Getenv("LocalAppData")
		case err != nil || home == "":
			return ""
		case runtime.GOOS == "darwin":
			dir = filepath.Join(home, "Library", "Application Support")
		default:
			dir = filepath.Join(home, ".local", "share")
		}
	}
	if dir == "" {
		return ""
	}
	return filepath.Join(dir, "osarena", "osarena.db")
}

func runServe(args []string, _ io.Reader, stdout, stderr io.Writer) error {
	fset := flag.NewFlagSet("serve", flag.ContinueOnError)
	fset.SetOutput(stderr)
	addr := fset.String("addr", "127.0.0.1:8080", "address to listen on")
	web := fset.String("web", "", "serve the client build from this directory instead of the embedded one")
	origins := fset.String("allow-origin", "", "comma-separated extra origins (host patterns) allowed to open /ws; the page's own origin is always allowed")
	grace := fset.Duration("grace", 60*time.Second, "how long a dropped player keeps their seat, score and streak")
	shutdown := fset.Duration("shutdown-timeout", 10*time.Second, "how long a shutdown waits for connections to close")
	maxMsg := fset.Int("max-msg", 16<<10, "largest frame a client may send, in bytes")
	perSec := fset.Int("rate", 20, "messages per second a connection may send (burst twice that)")
	joins := fset.Int("joins-per-minute", 20, "room create/join attempts per minute per client address")
	queue := fset.Int("queue", 256, "frames queued per connection before a slow client is disconnected")
	maxRooms := fset.Int("max-rooms", 10000, "most live rooms")
	logLevel := fset.String("log-level", "info", "debug, info, warn or error")
	db := fset.String("db", defaultDB(), `where players, rooms, running matches and results are kept: a SQLite file (created on first start), or a PostgreSQL URL (postgres://user@host:5432/db) shared by several nodes; "" keeps nothing`)
	layerURL := fset.String("layer", "", `channel layer shared by several nodes: a Redis URL (redis://host:6379/0); "" keeps it in this process`)
	cpuProfile := fset.String("cpuprofile", "", "write a CPU profile of the whole run to this file (for load runs)")
	fset.Usage = func() {
		fmt.Fprintln(stderr, "usage: osarena serve [flags]")
		fmt.Fprintln(stderr, "\nServes the OS Arena client, /ws, /healthz and /metrics. Every flag can also be set")
		fmt.Fprintln(stderr, "by the environment variable shown; a flag on the command line wins.")
		fmt.Fprintln(stderr)
		fset.VisitAll(func(f *flag.Flag) {
			fmt.Fprintf(stderr, "  --%s (env %s, default %q)\n      %s\n", f.Name, envName(f.Name), f.DefValue, f.Usage)
		})
	}
	if err := fset.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return usageError{err.Error()}
	}
	if fset.NArg() > 0 {
		return usageError{fmt.Sprintf("unexpected argument %q", fset.Arg(0))}
	}
	set := map[string]bool{}
	fset.Visit(func(f *flag.Flag) { set[f.Name] = true })
	var envErr error
	fset.VisitAll(func(f *flag.Flag) {
		if v, ok := os.LookupEnv(envName(f.Name)); ok && !set[f.Name] && envErr == nil {
			if err := f.Value.Set(v); err != nil {
				envErr = usageError{fmt.Sprintf("%s=%q: %v", envName(f.Name), v, err)}
			}
		}
	})
	if envErr != nil {
		return envErr
	}
	var level slog.Level
	if err := level.UnmarshalText([]byte(*logLevel)); err != nil {
		return usageError{fmt.Sprintf("--log-level %q: want debug, info, warn or error", *logLevel)}
	}
	log := slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: level}))

	cfg := server.Config{
		Web: defaultWeb, Grace: *grace, MaxMsgSize: *maxMsg, MaxPerSec: *perSec,
		JoinsPerMinute: *joins, Queue: *queue, MaxRooms: *maxRooms, Log: log,
	}
	if *web != "" {
		if st, err := os.Stat(*web); err != nil || !st.IsDir() {
			return usageError{fmt.Sprintf("--web %s: not a directory", *web)}
		}
		cfg.Web = os.DirFS(*web)
	}
	for o := range strings.SplitSeq(*origins, ",") {
		if o = strings.TrimSpace(o); o != "" {
			cfg.AllowOrigins = append(cfg.AllowOrigins, o)
		}
	}
	if *db != "" {
		st, where, err := openDB(*db)
		if err != nil {
			return err
		}
		// Closed after the server's shutdown (deferred first, runs last):
		// the rooms write what is pending before Shutdown returns.
		defer func() {
			if err := st.Close(); err != nil {
				log.Error("closing the database", "err", err)
			}
		}()
		cfg.Store = st
		log.Info("database", where)
	}
	if *layerURL != "" {
		l, err := openLayer(*layerURL, *queue, log)
		if err != nil {
			return err
		}
		defer func() { // after the server's shutdown, before the database's close
			sctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
			defer cancel()
			if err := l.Shutdown(sctx); err != nil {
				log.Error("closing the channel layer", "err", err)
			}
		}()
		cfg.Layer = l
		log.Info("channel layer", "redis", redact(*layerURL), "node", l.Node())
	}
	srv, err := server.New(cfg)
	if err != nil {
		return err
	}
	if *cpuProfile != "" {
		f, err := os.Create(*cpuProfile)
		if err != nil {
			return err
		}
		if err := pprof.StartCPUProfile(f); err != nil {
			_ = f.Close()
			return err
		}
		defer func() { pprof.StopCPUProfile(); _ = f.Close() }()
	}
	l, err := net.Listen("tcp", *addr)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "OS Arena is serving http://%s/\n", l.Addr())

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(l) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	log.Info("shutting down", "timeout", *shutdown)
	sctx, cancel := context.WithTimeout(context.Background(), *shutdown)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	if err := <-errc; err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}
