package tourney

import (
	"context"
	"io"
	"log/slog"
	"math/rand/v2"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/osarena/osarena/netcode"
	"github.com/osarena/osarena/server/room"
	"github.com/osarena/osarena/server/store"
	"github.com/osarena/osarena/server/store/sqlite"
)

// fakeOut records what the service sends.
type fakeOut struct {
	mu     sync.Mutex
	groups map[string]map[string]bool
	states map[string][]netcode.TournamentState // by channel, group sends included
	sent   map[string][]any
}

func newFakeOut() *fakeOut {
	return &fakeOut{groups: map[string]map[string]bool{}, states: map[string][]netcode.TournamentState{}, sent: map[string][]any{}}
}

func (f *fakeOut) GroupAdd(g, ch string) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.groups[g] == nil {
		f.groups[g] = map[string]bool{}
	}
	f.groups[g][ch] = true
	return nil
}

func (f *fakeOut) GroupSend(g string, t netcode.Type, msg any) (uint32, error) {
	f.mu.Lock()
	members := make([]string, 0, len(f.groups[g]))
	for ch := range f.groups[g] {
		members = append(members, ch)
	}
	f.mu.Unlock()
	for _, ch := range members {
		_ = f.Send(ch, t, msg)
	}
	return 0, nil
}

func (f *fakeOut) Send(ch string, t netcode.Type, msg any) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	if st, ok := msg.(netcode.TournamentState); ok {
		f.states[ch] = append(f.states[ch], st)
	}
	f.sent[ch] = append(f.sent[ch], msg)
	return nil
}

// last is the latest TournamentState channel ch received.
func (f *fakeOut) last(t *testing.T, ch string) netcode.TournamentState {
	t.Helper()
	f.mu.Lock()
	defer f.mu.Unlock()
	ss := f.states[ch]
	if len(ss) == 0 {
		t.Fatalf("%s received no TournamentState", ch)
	}
	return ss[len(ss)-1]
}

func (f *fakeOut) count(ch string) int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return len(f.states[ch])
}

// fakeDuels records the duels the service starts.
type fakeDuels struct {
	specs []DuelSpec
	n     int
}

func (d *fakeDuels) StartDuel(s DuelSpec) (string, netcode.ErrorCode) {
	d.specs = append(d.specs, s)
	d.n++
	return "DUEL" + string(rune('A'+d.n)), netcode.ErrNone
}

// finish ends the latest duel of match with scores and total times by
// session.
func (d *fakeDuels) finish(t *testing.T, match int, scores map[string][2]int64) {
	t.Helper()
	for i := len(d.specs) - 1; i >= 0; i-- {
		s := d.specs[i]
		if s.Match != match {
			continue
		}
		o := room.DuelOutcome{Tournament: s.Tournament, Match: match, MatchID: "m-" + s.Seats[0].Session}
		for _, w := range s.Seats {
			sc := scores[w.Session]
			o.Scores = append(o.Scores, room.DuelScore{Session: w.Session, Player: w.Player, Score: int32(sc[0]), TotalMs: sc[1]})
		}
		s.OnFinish(o)
		return
	}
	t.Fatalf("no duel for match %d", match)
}

var t0 = time.Date(2026, 5, 4, 9, 0, 0, 0, time.UTC)

// env is a service with a fake clock over a fresh SQLite store.
type env struct {
	t     *testing.T
	svc   *Service
	out   *fakeOut
	duels *fakeDuels
	st    *sqlite.Store
	now   time.Time
	mu    sync.Mutex
}

func newEnv(t *testing.T, st *sqlite.Store) *env {
	t.Helper()
	if st == nil {
		var err error
		st, err = sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "t.db"), sqlite.Options{Relaxed: true})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { _ = st.Close() })
	}
	e := &env{t: t, out: newFakeOut(), duels: &fakeDuels{}, st: st, now: t0}
	e.svc = New(Config{Out: e.out, Duels: e.duels, Store: st, Stats: st, Matches: st, Rand: rand.New(rand.NewPCG(1, 2)),
		Clock: e.clock, Log: slog.New(slog.NewTextHandler(io.Discard, nil))})
	return e
}

func (e *env) clock() time.Time {
	e.mu.Lock()
	defer e.mu.Unlock()
	return e.now
}

func (e *env) advance(d time.Duration) {
	e.mu.Lock()
	e.now = e.now.Add(d)
	now := e.now
	e.mu.Unlock()
	e.svc.Tick(now)
}

// who is a player known to the store by name ("ada" → session s-ada,
// channel ch-ada).
func (e *env) who(name string) Who {
	e.t.Helper()
	p, err := e.st.SeePlayer(context.Background(), "dev-"+name, name)
	if err != nil {
		e.t.Fatal(err)
	}
	return Who{Session: "s-" + name, Channel: "ch-" + name, Nickname: name, Player: p.ID}
}

func duelSettings() netcode.Settings {
	s := room.DefaultSettings()
	s.Rounds, s.Seconds = 3, 20
	return s
}

// cup4 creates a four-player single-elimination tournament hosted by
// "host", registers ada, bob, cy, dee, and starts it with hand seeding in
// that order.
func (e *env) cup4(async bool, deadline uint32) (code, token string) {
	e.t.Helper()
	code, token, ec := e.svc.Create(e.who("host"), netcode.CreateTournament{Name: "OS cup", Format: netcode.FormatSingle,
		Seeding: netcode.SeedHand, Duel: duelSettings(), Async: async, DeadlineSec: deadline})
	if ec != netcode.ErrNone {
		e.t.Fatalf("Create: %v", ec)
	}
	for _, n := range []string{"ada", "bob", "cy", "dee"} {
		if ec := e.svc.Join(e.who(n), code); ec != netcode.ErrNone {
			e.t.Fatalf("Join %s: %v", n, ec)
		}
	}
	order := []int64{e.who("ada").Player, e.who("bob").Player, e.who("cy").Player, e.who("dee").Player}
	if ec := e.svc.Start(code, token, order); ec != netcode.ErrNone {
		e.t.Fatalf("Start: %v", ec)
	}
	return code, token
}

// find is the match of st in bracket b, round r, slot s.
func find(t *testing.T, st netcode.TournamentState, b string, r, s int) netcode.BracketMatch {
	t.Helper()
	for _, m := range st.Matches {
		if m.Bracket == b && int(m.Round) == r && int(m.Slot) == s {
			return m
		}
	}
	t.Fatalf("no match %s r%d s%d", b, r, s)
	return netcode.BracketMatch{}
}

// nick is the nickname of entrant index i.
func nick(st netcode.TournamentState, i int16) string {
	if i < 0 || int(i) >= len(st.Entrants) {
		return ""
	}
	return st.Entrants[i].Nickname
}

var _ store.Tournaments = (*sqlite.Store)(nil)
