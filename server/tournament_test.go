package server

import (
	"context"
	"path/filepath"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/osarena/osarena/netcode"
	"github.com/osarena/osarena/server/room"
	"github.com/osarena/osarena/server/store"
	"github.com/osarena/osarena/server/store/sqlite"
)

// tourClient is a netcode.Client that plays tournament duels: it asks for
// every ready match of its own and answers every round, right or (when
// wrong says so for the match's round) wrong.
type tourClient struct {
	t     *testing.T
	name  string
	c     *netcode.Client
	wrong func(round int) bool

	mu     sync.Mutex
	states []netcode.TournamentState
	asked  map[uint16]bool
	round  int // the bracket round of the duel being played
	errs   []netcode.Error
}

func dialTour(t *testing.T, ctx context.Context, url, name string) *tourClient {
	t.Helper()
	c, err := netcode.Dial(ctx, url, netcode.Options{Device: "dev-" + name, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(c.Close)
	return &tourClient{t: t, name: name, c: c, wrong: func(int) bool { return false }, asked: map[uint16]bool{}}
}

// run handles the client's messages until ctx ends.
func (p *tourClient) run(ctx context.Context, code string) {
	for {
		select {
		case <-ctx.Done():
			return
		case m := <-p.c.Incoming():
			switch msg := m.Msg.(type) {
			case *netcode.TournamentState:
				p.mu.Lock()
				p.states = append(p.states, *msg)
				me := slices.IndexFunc(msg.Entrants, func(e netcode.Entrant) bool { return e.Nickname == p.name })
				for _, bm := range msg.Matches {
					if bm.Status == "ready" && me >= 0 && (int(bm.Players[0]) == me || int(bm.Players[1]) == me) && !p.asked[bm.ID] {
						p.asked[bm.ID] = true
						p.round = int(bm.Round)
						_ = p.c.Send(netcode.TypeReadyDuel, netcode.ReadyDuel{Code: code, MatchID: bm.ID})
					}
				}
				p.mu.Unlock()
			case *netcode.RoundStart:
				right, ok := netcode.LocalAnswer(&msg.Question)
				if !ok {
					p.t.Errorf("%s: no local answer for %s", p.name, msg.Question.Family)
					continue
				}
				p.mu.Lock()
				wrong := p.wrong(p.round)
				p.mu.Unlock()
				v := slices.Clone(right)
				if wrong {
					v = wrongValues(&msg.Question, v)
				}
				_ = p.c.Send(netcode.TypeAnswer, netcode.Answer{Round: msg.Round, Values: v})
			case *netcode.Error:
				p.mu.Lock()
				p.errs = append(p.errs, *msg)
				p.mu.Unlock()
			}
		}
	}
}

// wrongValues is a well-formed wrong answer.
func wrongValues(q *netcode.Question, v []int64) []int64 {
	for _, ch := range q.Choices {
		if ch.Value != v[0] {
			v[0] = ch.Value
			return v
		}
	}
	v[0] += 1000
	return v
}

func (p *tourClient) last() (netcode.TournamentState, int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if len(p.states) == 0 {
		return netcode.TournamentState{}, 0
	}
	return p.states[len(p.states)-1], len(p.states)
}

// waitFor waits until the client's latest state satisfies ok.
func (p *tourClient) waitFor(what string, ok func(netcode.TournamentState) bool) netcode.TournamentState {
	p.t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for time.Now().Before(deadline) {
		if st, n := p.last(); n > 0 && ok(st) {
			return st
		}
		time.Sleep(10 * time.Millisecond)
	}
	st, _ := p.last()
	p.t.Fatalf("%s: no state where %s; last %+v", p.name, what, st)
	return st
}

func doneCount(st netcode.TournamentState) int {
	n := 0
	for _, m := range st.Matches {
		if m.Status == "done" {
			n++
		}
	}
	return n
}

// A host creates a four-player single-elimination tournament over real
// WebSockets, four clients register, the host starts it, the clients play
// the two semifinals and the final live by answering, a watcher sees the
// bracket after every result, and the champion is reported and stored.
func TestTournamentEndToEnd(t *testing.T) {
	t.Run("with a store", func(t *testing.T) { tournamentEndToEnd(t, true) })
	t.Run("without a store", func(t *testing.T) { tournamentEndToEnd(t, false) })
}

func tournamentEndToEnd(t *testing.T, withStore bool) {
	cfg := Config{DuelPause: 30 * time.Millisecond, JoinsPerMinute: 600}
	var st *sqlite.Store
	if withStore {
		var err error
		st, err = sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "osarena.db"), sqlite.Options{Relaxed: true})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { _ = st.Close() })
		cfg.Store = st
	}
	_, url := newTestServer(t, cfg)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()

	host := dialTour(t, ctx, url, "host")
	settings := room.DefaultSettings()
	settings.Rounds, settings.Seconds, settings.Topics = 2, 20, []string{"replace"}
	if err := host.c.Send(netcode.TypeCreateTournament, netcode.CreateTournament{Name: "OS cup", Format: netcode.FormatSingle,
		Seeding: netcode.SeedHand, Duel: settings}); err != nil {
		t.Fatal(err)
	}
	var created *netcode.TournamentCreated
	for created == nil {
		select {
		case m := <-host.c.Incoming():
			if e, ok := m.Msg.(*netcode.Error); ok {
				t.Fatalf("CreateTournament refused: %+v", e)
			}
			created, _ = m.Msg.(*netcode.TournamentCreated)
		case <-time.After(5 * time.Second):
			t.Fatal("no TournamentCreated")
		}
	}
	code := created.Code
	go host.run(ctx, code)

	names := []string{"ada", "bob", "cy", "dee"}
	players := map[string]*tourClient{}
	for _, n := range names {
		p := dialTour(t, ctx, url, n)
		players[n] = p
		// ada always answers right; bob right in the semifinal, wrong in
		// the final; cy and dee always wrong.
		switch n {
		case "bob":
			p.wrong = func(round int) bool { return round == 2 }
		case "cy", "dee":
			p.wrong = func(int) bool { return true }
		}
		go p.run(ctx, code)
		if err := p.c.Send(netcode.TypeJoinTournament, netcode.JoinTournament{Code: code, Nickname: n}); err != nil {
			t.Fatal(err)
		}
	}
	watcher := dialTour(t, ctx, url, "watcher")
	go watcher.run(ctx, code)
	if err := watcher.c.Send(netcode.TypeWatchTournament, netcode.WatchTournament{Code: code}); err != nil {
		t.Fatal(err)
	}
	reg := watcher.waitFor("four entrants", func(s netcode.TournamentState) bool { return len(s.Entrants) == 4 })
	order := make([]int64, 0, 4)
	for _, n := range names {
		i := slices.IndexFunc(reg.Entrants, func(e netcode.Entrant) bool { return e.Nickname == n })
		order = append(order, reg.Entrants[i].ID)
	}
	if err := host.c.Send(netcode.TypeStartTournament, netcode.StartTournament{Code: code, HostToken: created.HostToken, Order: order}); err != nil {
		t.Fatal(err)
	}

	final := watcher.waitFor("a champion", func(s netcode.TournamentState) bool { return s.Phase == netcode.TourFinished })
	if final.Champion < 0 || final.Entrants[final.Champion].Nickname != "ada" {
		t.Fatalf("champion %d; want ada: %+v", final.Champion, final)
	}
	// The watcher saw the bracket after every result: one, two, three done.
	watcher.mu.Lock()
	seen := map[int]bool{}
	for _, s := range watcher.states {
		seen[doneCount(s)] = true
	}
	watcher.mu.Unlock()
	for n := range 4 {
		if !seen[n] {
			t.Errorf("the watcher never saw %d results", n)
		}
	}
	var fin netcode.BracketMatch
	for _, m := range final.Matches {
		if m.Round == 2 {
			fin = m
		}
		if m.Status != "done" || m.Walkover || len(m.Scores) != 2 {
			t.Errorf("match %+v; want played", m)
		}
	}
	pair := []string{final.Entrants[fin.Players[0]].Nickname, final.Entrants[fin.Players[1]].Nickname}
	slices.Sort(pair)
	if pair[0] != "ada" || pair[1] != "bob" {
		t.Errorf("final between %v; want the semifinal winners ada and bob", pair)
	}
	for _, p := range append([]*tourClient{host, watcher}, players["ada"], players["bob"], players["cy"], players["dee"]) {
		p.mu.Lock()
		if len(p.errs) > 0 {
			t.Errorf("%s got errors %+v", p.name, p.errs)
		}
		p.mu.Unlock()
	}
	if st == nil {
		return
	}
	rec, err := st.TournamentByCode(context.Background(), code)
	if err != nil || rec.State != store.TournamentFinished || len(rec.Matches) != 3 {
		t.Fatalf("stored tournament %+v, %v", rec, err)
	}
	for _, m := range rec.Matches {
		if m.MatchID == "" {
			t.Errorf("stored bracket match %+v has no duel", m)
			continue
		}
		var dm store.Match
		for try := 0; try < 100; try++ { // the room's saver writes on its own goroutine
			if dm, err = st.Match(context.Background(), m.MatchID); err == nil {
				break
			}
			time.Sleep(20 * time.Millisecond)
		}
		if err != nil || dm.Tournament != code || len(dm.Players) != 2 {
			t.Errorf("duel %s: %+v, %v", m.MatchID, dm, err)
		}
	}
}
