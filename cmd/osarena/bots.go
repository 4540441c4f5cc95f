package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"maps"
	"os"
	"os/signal"
	"runtime/pprof"
	"slices"
	"time"

	"github.com/osarena/osarena/netcode"
)

// runBots runs headless players against a server on this machine and
// prints their report (netcode.RunBots holds the logic).
func runBots(args []string, _ io.Reader, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("bots", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var cfg netcode.BotConfig
	fs.StringVar(&cfg.URL, "url", "ws://127.0.0.1:8080/ws", "the server's WebSocket `URL` (loopback hosts only)")
	fs.IntVar(&cfg.Rooms, "rooms", 1, "rooms, each with a host bot (1–2000)")
	fs.IntVar(&cfg.Players, "players", 4, "bots per room, the host included (1–100; at most 10000 bots in all)")
	matches := fs.Int("matches", 0, "matches per room (0: match after match until --duration ends)")
	fs.DurationVar(&cfg.Ramp, "ramp", 0, "start the rooms spread over this long (0: all at once)")
	fs.Float64Var(&cfg.Accuracy, "accuracy", 0.8, "share of answers that are right, where a bot can compute them (0–1)")
	fs.DurationVar(&cfg.Duration, "duration", time.Minute, "longest run; the bots stop by themselves (at most 10m)")
	fs.DurationVar(&cfg.Think, "think", 2*time.Second, "longest think time before an answer")
	rounds := fs.Uint("rounds", 5, "questions per match (1–255)")
	seconds := fs.Uint("seconds", 20, "time limit per question (1–3600)")
	fs.Uint64Var(&cfg.Seed, "seed", 0, "seed for think times and wrong answers (0: random)")
	cpuProfile := fs.String("cpuprofile", "", "write a CPU profile of the bots to this file")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: osarena bots [--url ws://127.0.0.1:8080/ws] [--rooms R] [--players P] [--accuracy A] [--duration D]")
		fmt.Fprintln(stderr, "Headless players: a host bot per room creates it, the others join, every bot answers each")
		fmt.Fprintln(stderr, "question, match after match until --duration ends (or --matches are played); prints latency")
		fmt.Fprintln(stderr, "percentiles, messages, reconnects and errors. Loopback only.")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return usageError{err.Error()}
	}
	if fs.NArg() > 0 {
		return usageError{"takes no arguments"}
	}
	if *rounds < 1 || *rounds > 255 || *seconds < 1 || *seconds > 3600 {
		return usageError{"--rounds must be 1–255 and --seconds 1–3600"}
	}
	cfg.Rounds, cfg.Seconds = uint8(*rounds), uint16(*seconds)
	if *matches < 0 {
		return usageError{"--matches must be 0 (until --duration ends) or more"}
	}
	cfg.Matches = *matches
	if cfg.Matches == 0 {
		cfg.Matches = -1
	}
	if err := netcode.CheckLoopback(cfg.URL); err != nil {
		return usageError{err.Error()}
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
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
	rep, err := netcode.RunBots(ctx, cfg)
	if err != nil {
		return usageError{err.Error()}
	}
	p := func(name string, q netcode.Percentiles) {
		fmt.Fprintf(stdout, "%-10s n=%d p50=%v p90=%v p99=%v max=%v\n", name, q.N, q.P50, q.P90, q.P99, q.Max)
	}
	fmt.Fprintf(stdout, "bots=%d rooms=%d matches=%d answers=%d computed=%d accepted=%d correct=%d\n",
		rep.Bots, rep.Rooms, rep.Matches, rep.Answers, rep.Computed, rep.Accepted, rep.Correct)
	fmt.Fprintf(stdout, "received=%d reconnects=%d late=%d errors=%d", rep.Received, rep.Reconnects, rep.Late, rep.Errors)
	for _, code := range slices.Sorted(maps.Keys(rep.ErrorCodes)) {
		fmt.Fprintf(stdout, " code%d=%d", code, rep.ErrorCodes[code])
	}
	fmt.Fprintln(stdout)
	p("start-lag", rep.StartLag)
	p("ack-rtt", rep.AckRTT)
	return nil
}
