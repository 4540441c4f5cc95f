package tourney

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/osarena/osarena/netcode"
	"github.com/osarena/osarena/server/store/sqlite"
)

// openStore opens the SQLite store at path; the caller closes it.
func openStore(t *testing.T, path string) *sqlite.Store {
	t.Helper()
	st, err := sqlite.Open(context.Background(), path, sqlite.Options{Relaxed: true})
	if err != nil {
		t.Fatal(err)
	}
	return st
}

// scheduled creates a single-elimination tournament hosted by "host" that
// starts at start, with hand seeding, and registers players.
func (e *env) scheduled(start time.Time, players ...string) (code, token string) {
	e.t.Helper()
	code, token, ec := e.svc.Create(e.who("host"), netcode.CreateTournament{Name: "Night cup", Format: netcode.FormatSingle,
		Seeding: netcode.SeedHand, Duel: duelSettings(), StartMs: start.UnixMilli()})
	if ec != netcode.ErrNone {
		e.t.Fatalf("Create starting at %v: %v", start, ec)
	}
	for _, n := range players {
		if ec := e.svc.Join(e.who(n), code); ec != netcode.ErrNone {
			e.t.Fatalf("Join %s: %v", n, ec)
		}
	}
	return code, token
}

// The start time is told to everyone; the tournament starts by itself at
// that time, not a second before, seeded in registration order (hand
// seeding without an order), and everyone watching sees it start.
func TestScheduledStartFires(t *testing.T) {
	e := newEnv(t, nil)
	start := t0.Add(15 * time.Minute)
	code, _ := e.scheduled(start, "ada", "bob", "cy")
	st := e.out.last(t, "ch-ada")
	if st.StartMs != start.UnixMilli() || st.StartLapsed || st.Phase != netcode.TourRegistering {
		t.Fatalf("before the start: StartMs %d lapsed %v phase %d; want %d, false, registering",
			st.StartMs, st.StartLapsed, st.Phase, start.UnixMilli())
	}
	e.advance(15*time.Minute - time.Second)
	if st := e.out.last(t, "ch-ada"); st.Phase != netcode.TourRegistering {
		t.Fatalf("a second before the start: phase %d; want registering", st.Phase)
	}
	e.advance(time.Second)
	for _, ch := range []string{"ch-host", "ch-ada", "ch-bob", "ch-cy"} {
		if st := e.out.last(t, ch); st.Phase != netcode.TourRunning {
			t.Errorf("%s sees phase %d at the start; want running", ch, st.Phase)
		}
	}
	st = e.out.last(t, "ch-ada")
	for i, want := range []string{"ada", "bob", "cy"} {
		if got := nick(st, int16(i)); got != want {
			t.Errorf("seed %d is %q; want %q (registration order)", i+1, got, want)
		}
	}
	rec, err := e.st.TournamentByCode(context.Background(), code)
	if err != nil || rec.State != "running" || !rec.Schedule.Start.Equal(start) {
		t.Errorf("stored state %q start %v (%v); want running, %v", rec.State, rec.Schedule.Start, err, start)
	}
	n := e.out.count("ch-ada")
	e.advance(time.Minute)
	if e.out.count("ch-ada") != n {
		t.Error("a later tick sent the state again: the start fired twice")
	}
}

// The host may start before the scheduled time; the time then does
// nothing more.
func TestHostStartsBeforeSchedule(t *testing.T) {
	e := newEnv(t, nil)
	code, token := e.scheduled(t0.Add(time.Hour), "ada", "bob")
	if ec := e.svc.Start(code, token, []int64{e.who("bob").Player}); ec != netcode.ErrNone {
		t.Fatalf("Start before the schedule: %v", ec)
	}
	e.advance(2 * time.Hour)
	st := e.out.last(t, "ch-ada")
	if st.Phase != netcode.TourRunning || nick(st, 0) != "bob" || st.StartLapsed {
		t.Errorf("phase %d, top seed %q, lapsed %v; want running, bob (the host's order), not lapsed",
			st.Phase, nick(st, 0), st.StartLapsed)
	}
}

// With fewer than two registered at the start time, the start lapses:
// registration stays open, everyone is told, latecomers may still join and
// the host starts by hand. The lapse survives a restart and never fires
// again.
func TestScheduledStartLapsesWithTooFew(t *testing.T) {
	path := filepath.Join(t.TempDir(), "t.db")
	st1 := openStore(t, path)
	e := newEnv(t, st1)
	code, token := e.scheduled(t0.Add(5*time.Minute), "ada")
	e.advance(5 * time.Minute)
	st := e.out.last(t, "ch-ada")
	if st.Phase != netcode.TourRegistering || !st.StartLapsed {
		t.Fatalf("one entrant at the start: phase %d lapsed %v; want registering, lapsed", st.Phase, st.StartLapsed)
	}
	if st := e.out.last(t, "ch-host"); !st.StartLapsed {
		t.Error("the host was not told the start lapsed")
	}
	if ec := e.svc.Join(e.who("bob"), code); ec != netcode.ErrNone {
		t.Fatalf("Join after the lapse: %v", ec)
	}
	e.advance(time.Minute)
	if st := e.out.last(t, "ch-ada"); st.Phase != netcode.TourRegistering {
		t.Fatalf("a lapsed start fired when a second player came: phase %d", st.Phase)
	}
	_ = st1.Close()

	st2 := openStore(t, path)
	defer func() { _ = st2.Close() }()
	e2 := newEnv(t, st2)
	e2.now = t0.Add(time.Hour)
	if err := e2.svc.Load(context.Background()); err != nil {
		t.Fatal(err)
	}
	e2.advance(time.Second)
	got, ok := e2.svc.State(code)
	if !ok || got.Phase != netcode.TourRegistering || !got.StartLapsed || len(got.Entrants) != 2 {
		t.Fatalf("after a restart: %v phase %d lapsed %v entrants %d; want registering, lapsed, 2",
			ok, got.Phase, got.StartLapsed, len(got.Entrants))
	}
	if ec := e2.svc.Start(code, token, nil); ec != netcode.ErrNone {
		t.Fatalf("the host starts a lapsed tournament: %v", ec)
	}
}

// The schedule survives a restart (the store is closed and opened again):
// a start still ahead is armed again and fires at its time; one that fell
// due while the server was down fires at the first tick.
func TestScheduledStartSurvivesRestart(t *testing.T) {
	for _, tc := range []struct {
		name    string
		down    time.Duration // how long after t0 the server comes back
		fireIn  time.Duration // from then, when the start should fire
		players []string
	}{
		{"ahead", 10 * time.Minute, 20 * time.Minute, []string{"ada", "bob"}},
		{"past due", 2 * time.Hour, time.Second, []string{"ada", "bob", "cy"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "t.db")
			st1 := openStore(t, path)
			e := newEnv(t, st1)
			start := t0.Add(30 * time.Minute)
			code, _ := e.scheduled(start, tc.players...)
			_ = st1.Close()

			st2 := openStore(t, path)
			defer func() { _ = st2.Close() }()
			e2 := newEnv(t, st2)
			e2.now = t0.Add(tc.down)
			if err := e2.svc.Load(context.Background()); err != nil {
				t.Fatal(err)
			}
			got, _ := e2.svc.State(code)
			if got.StartMs != start.UnixMilli() || got.Phase != netcode.TourRegistering {
				t.Fatalf("reloaded StartMs %d phase %d; want %d, registering", got.StartMs, got.Phase, start.UnixMilli())
			}
			e2.svc.Watch("ch-w", code)
			if tc.fireIn > time.Second {
				e2.advance(tc.fireIn - time.Second)
				if st := e2.out.last(t, "ch-w"); st.Phase != netcode.TourRegistering {
					t.Fatalf("started %v early", time.Second)
				}
				e2.advance(time.Second)
			} else {
				e2.advance(tc.fireIn)
			}
			st := e2.out.last(t, "ch-w")
			if st.Phase != netcode.TourRunning || len(st.Entrants) != len(tc.players) {
				t.Fatalf("phase %d with %d entrants; want running with %d", st.Phase, len(st.Entrants), len(tc.players))
			}
			if rec, _ := st2.TournamentByCode(context.Background(), code); rec.State != "running" {
				t.Errorf("stored state %q; want running", rec.State)
			}
		})
	}
}

// A start time in the past (or now), or more than MaxStartAheadSec ahead,
// is refused with ErrBadStart, and nothing is created.
func TestScheduledStartBadTimes(t *testing.T) {
	e := newEnv(t, nil)
	limit := time.Duration(netcode.MaxStartAheadSec) * time.Second
	for _, tc := range []struct {
		name  string
		start time.Time
		want  netcode.ErrorCode
	}{
		{"an hour ago", t0.Add(-time.Hour), netcode.ErrBadStart},
		{"a millisecond ago", t0.Add(-time.Millisecond), netcode.ErrBadStart},
		{"now", t0, netcode.ErrBadStart},
		{"past the limit", t0.Add(limit + time.Millisecond), netcode.ErrBadStart},
		{"a year ahead", t0.AddDate(1, 0, 0), netcode.ErrBadStart},
		{"at the limit", t0.Add(limit), netcode.ErrNone},
		{"in a minute", t0.Add(time.Minute), netcode.ErrNone},
	} {
		code, _, ec := e.svc.Create(e.who("host"), netcode.CreateTournament{Name: "cup", Format: netcode.FormatSingle,
			Duel: duelSettings(), StartMs: tc.start.UnixMilli()})
		if ec != tc.want {
			t.Errorf("%s: Create = %v; want %v", tc.name, ec, tc.want)
		}
		if _, ok := e.svc.State(code); ok != (tc.want == netcode.ErrNone) {
			t.Errorf("%s: tournament exists = %v", tc.name, ok)
		}
	}
	_, _, ec := e.svc.Create(e.who("host"), netcode.CreateTournament{Name: "cup", Format: netcode.FormatSingle,
		Duel: duelSettings(), Async: true, DeadlineSec: netcode.MaxDeadlineSec + 1})
	if ec != netcode.ErrBadSettings {
		t.Errorf("a duel deadline over MaxDeadlineSec: Create = %v; want ErrBadSettings", ec)
	}
}
