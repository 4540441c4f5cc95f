package tourney

import (
	"context"
	"io"
	"log/slog"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/osarena/osarena/netcode"
	"github.com/osarena/osarena/server/store"
)

// matchOf is the match of round round in which the player named nick
// plays.
func matchOf(t *testing.T, st netcode.TournamentState, round int, name string) netcode.BracketMatch {
	t.Helper()
	for _, m := range st.Matches {
		if int(m.Round) == round && m.Bracket == "winners" && (nick(st, m.Players[0]) == name || nick(st, m.Players[1]) == name) {
			return m
		}
	}
	t.Fatalf("%s plays no match in round %d", name, round)
	return netcode.BracketMatch{}
}

// Without a store, a registered player who comes back on a new session
// (the old one was forgotten) but from the same browser is the same
// entrant: JoinTournament after the start rejoins instead of being refused,
// and ReadyDuel is accepted; a stranger on a new session is refused.
func TestRejoinOnNewSessionSameDevice(t *testing.T) {
	e := newEnv(t, nil)
	e.svc = New(Config{Out: e.out, Duels: e.duels, Rand: rand.New(rand.NewPCG(1, 2)), Clock: e.clock,
		Log: slog.New(slog.NewTextHandler(io.Discard, nil))}) // no store
	dev := func(name, session string) Who {
		return Who{Session: session, Channel: "ch-" + session, Nickname: name, Device: "dev-" + name}
	}
	code, token, _ := e.svc.Create(dev("host", "s-host"), netcode.CreateTournament{Name: "cup", Format: netcode.FormatSingle,
		Duel: duelSettings()})
	for _, n := range []string{"ada", "bob"} {
		if ec := e.svc.Join(dev(n, "s1-"+n), code); ec != netcode.ErrNone {
			t.Fatalf("Join %s = %v", n, ec)
		}
	}
	if ec := e.svc.Start(code, token, nil); ec != netcode.ErrNone {
		t.Fatalf("Start = %v", ec)
	}
	back := dev("bob", "s2-bob")
	if ec := e.svc.Join(back, code); ec != netcode.ErrNone {
		t.Errorf("Join after a reload (new session, same device) = %v; want ErrNone (a rejoin)", ec)
	}
	if ec := e.svc.Ready(back, code, 1); ec != netcode.ErrNone {
		t.Errorf("Ready from the new session = %v; want ErrNone", ec)
	}
	stranger := dev("cy", "s3-cy")
	if ec := e.svc.Join(stranger, code); ec != netcode.ErrWrongPhase {
		t.Errorf("Join by a stranger after the start = %v; want ErrWrongPhase", ec)
	}
}

func TestRegistrationAndStart(t *testing.T) {
	e := newEnv(t, nil)
	code, token, ec := e.svc.Create(e.who("host"), netcode.CreateTournament{Name: "  OS cup ", Format: netcode.FormatSingle,
		Seeding: netcode.SeedHand, Duel: duelSettings()})
	if ec != netcode.ErrNone || len(code) != 6 || token == "" {
		t.Fatalf("Create = %q %q %v", code, token, ec)
	}
	if st := e.out.last(t, "ch-host"); st.Name != "OS cup" || st.Phase != netcode.TourRegistering {
		t.Errorf("host sees %+v", st)
	}
	for _, bad := range []netcode.CreateTournament{
		{Name: "x", Format: "knockout", Duel: duelSettings()},
		{Name: "", Format: netcode.FormatSingle, Duel: duelSettings()},
		{Name: "x", Format: netcode.FormatRoundRobin, ThirdPlace: true, Duel: duelSettings()},
		{Name: "x", Format: netcode.FormatSingle, Seeding: "alphabet", Duel: duelSettings()},
	} {
		if _, _, ec := e.svc.Create(e.who("host"), bad); ec != netcode.ErrBadSettings {
			t.Errorf("Create(%+v) = %v; want ErrBadSettings", bad, ec)
		}
	}
	if ec := e.svc.Join(e.who("ada"), "nope00"); ec != netcode.ErrUnknownRoom {
		t.Errorf("Join unknown code = %v", ec)
	}
	if ec := e.svc.Start(code, token, nil); ec != netcode.ErrWrongPhase {
		t.Errorf("Start with nobody = %v; want ErrWrongPhase", ec)
	}
	for _, n := range []string{"ada", "bob", "cy"} {
		if ec := e.svc.Join(e.who(n), code); ec != netcode.ErrNone {
			t.Fatalf("Join %s = %v", n, ec)
		}
	}
	imposter := e.who("dee")
	imposter.Nickname = "ADA"
	if ec := e.svc.Join(imposter, code); ec != netcode.ErrNicknameTaken {
		t.Errorf("Join with a taken nickname = %v", ec)
	}
	again := e.who("ada")
	again.Channel = "ch-ada-2" // a reconnect: rejoins the group, registers nothing
	if ec := e.svc.Join(again, code); ec != netcode.ErrNone {
		t.Errorf("Join again = %v", ec)
	}
	if ec := e.svc.Watch("ch-watcher", code); ec != netcode.ErrNone {
		t.Fatal(ec)
	}
	if st := e.out.last(t, "ch-watcher"); len(st.Entrants) != 3 {
		t.Errorf("watcher sees %d entrants; want 3", len(st.Entrants))
	}
	if ec := e.svc.Start(code, "wrong", nil); ec != netcode.ErrNotHost {
		t.Errorf("Start with a wrong token = %v", ec)
	}
	// Hand seeding: cy first, the rest in registration order.
	if ec := e.svc.Start(code, token, []int64{e.who("cy").Player}); ec != netcode.ErrNone {
		t.Fatal(ec)
	}
	st := e.out.last(t, "ch-watcher")
	if st.Phase != netcode.TourRunning || nick(st, 0) != "cy" || nick(st, 1) != "ada" || nick(st, 2) != "bob" || st.Entrants[0].Seed != 1 {
		t.Fatalf("after start: %+v", st)
	}
	if ec := e.svc.Join(e.who("dee"), code); ec != netcode.ErrWrongPhase {
		t.Errorf("Join after the start = %v", ec)
	}
	// Three players: cy (seed 1) has a bye into the final.
	ready := 0
	for _, m := range st.Matches {
		if m.Status == "ready" {
			ready++
		}
	}
	if ready != 1 || e.out.last(t, "ch-ada-2").Phase != netcode.TourRunning {
		t.Errorf("%d ready matches; want 1, and ada's new channel in the group", ready)
	}
	rec, err := e.st.TournamentByCode(context.Background(), code)
	if err != nil || rec.State != store.TournamentRunning || len(rec.Entrants) != 3 || len(rec.Matches) == 0 || rec.Entrants[0].Seed != 1 {
		t.Fatalf("stored %+v, %v", rec, err)
	}
}

// Live duels: both players ask, the room plays, the winner advances; the
// final decides the champion; everything is in the store.
func TestLiveDuelsAdvanceToChampion(t *testing.T) {
	e := newEnv(t, nil)
	code, _ := e.cup4(false, 0)
	e.svc.Watch("ch-w", code)
	st := e.out.last(t, "ch-w")
	semi := matchOf(t, st, 1, "ada")
	if nick(st, semi.Players[1]) != "dee" {
		t.Fatalf("ada meets %s in round 1; want dee (1 v 4)", nick(st, semi.Players[1]))
	}
	if ec := e.svc.Ready(e.who("bob"), code, int(semi.ID)); ec != netcode.ErrNotInRoom {
		t.Errorf("bob asks for ada's match: %v", ec)
	}
	if ec := e.svc.Ready(e.who("ada"), code, int(semi.ID)); ec != netcode.ErrNone || len(e.duels.specs) != 0 {
		t.Fatalf("ada ready: %v, %d duels", ec, len(e.duels.specs))
	}
	if ec := e.svc.Ready(e.who("dee"), code, int(semi.ID)); ec != netcode.ErrNone || len(e.duels.specs) != 1 {
		t.Fatalf("dee ready: %v, %d duels", ec, len(e.duels.specs))
	}
	spec := e.duels.specs[0]
	if len(spec.Seats) != 2 || spec.Settings.Rounds != 3 || !spec.Settings.Timed {
		t.Errorf("duel spec %+v", spec)
	}
	if m := find(t, e.out.last(t, "ch-w"), "winners", 1, int(semi.Slot)); m.Room == "" {
		t.Error("the state does not show the duel's room")
	}
	before := e.out.count("ch-w")
	// A tie on score: the faster wins.
	e.duels.finish(t, int(semi.ID), map[string][2]int64{"s-ada": {2000, 9000}, "s-dee": {2000, 8000}})
	if e.out.count("ch-w") <= before {
		t.Fatal("no TournamentState after the result")
	}
	st = e.out.last(t, "ch-w")
	if m := find(t, st, "winners", 1, int(semi.Slot)); m.Status != "done" || nick(st, m.Winner) != "dee" || m.Scores[1] != 2000 || m.TimesMs[1] != 8000 {
		t.Fatalf("semi %+v", m)
	}
	other := matchOf(t, st, 1, "bob")
	e.svc.Ready(e.who("bob"), code, int(other.ID))
	e.svc.Ready(e.who("cy"), code, int(other.ID))
	e.duels.finish(t, int(other.ID), map[string][2]int64{"s-bob": {3000, 1}, "s-cy": {1000, 1}})
	st = e.out.last(t, "ch-w")
	final := matchOf(t, st, 2, "dee")
	if final.Status != "ready" || nick(st, final.Players[0])+nick(st, final.Players[1]) != "deebob" && nick(st, final.Players[0])+nick(st, final.Players[1]) != "bobdee" {
		t.Fatalf("final %+v", final)
	}
	e.svc.Ready(e.who("dee"), code, int(final.ID))
	e.svc.Ready(e.who("bob"), code, int(final.ID))
	e.duels.finish(t, int(final.ID), map[string][2]int64{"s-bob": {500, 1}, "s-dee": {900, 1}})
	st = e.out.last(t, "ch-w")
	if st.Phase != netcode.TourFinished || nick(st, st.Champion) != "dee" || nick(st, st.Standings[0].Entrant) != "dee" {
		t.Fatalf("finished state %+v", st)
	}
	rec, err := e.st.TournamentByCode(context.Background(), code)
	if err != nil || rec.State != store.TournamentFinished {
		t.Fatalf("stored %+v %v", rec.State, err)
	}
	for _, m := range rec.Matches {
		if m.Winner == 0 || m.Status != store.DuelDone || m.MatchID == "" {
			t.Errorf("stored match %+v", m)
		}
	}
}

// Async duels: each plays alone on one seed; a no-show loses by walkover
// at the deadline; nobody showing gives the match to the higher seed.
func TestAsyncDuelsAndWalkovers(t *testing.T) {
	e := newEnv(t, nil)
	code, _ := e.cup4(true, 3600)
	e.svc.Watch("ch-w", code)
	st := e.out.last(t, "ch-w")
	semi := matchOf(t, st, 1, "ada")
	if semi.DeadlineMs != t0.Add(time.Hour).UnixMilli() {
		t.Errorf("deadline %d; want an hour after the start", semi.DeadlineMs)
	}
	e.svc.Ready(e.who("ada"), code, int(semi.ID))
	if ec := e.svc.Ready(e.who("ada"), code, int(semi.ID)); ec != netcode.ErrWrongPhase {
		t.Errorf("ada plays twice: %v", ec)
	}
	e.duels.finish(t, int(semi.ID), map[string][2]int64{"s-ada": {1200, 5000}})
	st = e.out.last(t, "ch-w")
	if m := find(t, st, "winners", 1, int(semi.Slot)); m.Status != "ready" || m.Scores[0] != 1200 {
		t.Fatalf("after ada's half: %+v", m)
	}
	e.svc.Ready(e.who("dee"), code, int(semi.ID))
	if a, b := e.duels.specs[0], e.duels.specs[1]; a.Seed != b.Seed || len(b.Seats) != 1 {
		t.Errorf("async sides get seeds %d and %d; want one", a.Seed, b.Seed)
	}
	e.duels.finish(t, int(semi.ID), map[string][2]int64{"s-dee": {1500, 9000}})
	if m := find(t, e.out.last(t, "ch-w"), "winners", 1, int(semi.Slot)); nick(st, m.Winner) != "dee" || m.Walkover {
		t.Errorf("semi %+v; want dee by score", m)
	}
	// bob v cy: bob plays, cy does not.
	other := matchOf(t, st, 1, "bob")
	e.svc.Ready(e.who("bob"), code, int(other.ID))
	e.duels.finish(t, int(other.ID), map[string][2]int64{"s-bob": {0, 60000}})
	e.advance(59 * time.Minute)
	if m := find(t, e.out.last(t, "ch-w"), "winners", 1, int(other.Slot)); m.Status != "ready" {
		t.Fatal("decided before the deadline")
	}
	e.advance(time.Minute)
	st = e.out.last(t, "ch-w")
	if m := find(t, st, "winners", 1, int(other.Slot)); nick(st, m.Winner) != "bob" || !m.Walkover {
		t.Fatalf("other semi %+v; want bob by walkover", m)
	}
	// The final opened at the walkover: nobody plays it.
	final := matchOf(t, st, 2, "bob")
	if final.DeadlineMs != e.clock().Add(time.Hour).UnixMilli() {
		t.Errorf("final deadline %d", final.DeadlineMs)
	}
	e.advance(time.Hour)
	st = e.out.last(t, "ch-w")
	if st.Phase != netcode.TourFinished || nick(st, st.Champion) != "bob" {
		t.Fatalf("champion %s; want bob (seed 2 over seed 4)", nick(st, st.Champion))
	}
	rec, _ := e.st.TournamentByCode(context.Background(), code)
	walkovers := 0
	for _, m := range rec.Matches {
		if m.Status == store.DuelWalkover {
			walkovers++
		}
	}
	if walkovers != 2 {
		t.Errorf("%d walkovers stored; want 2", walkovers)
	}
}

// The host corrects a semifinal after the final was played: the final is
// undone, its new pair plays again, and the store logs the correction.
// A restarted service then reloads the tournament as it was.
func TestCorrectionAndReload(t *testing.T) {
	e := newEnv(t, nil)
	code, token := e.cup4(false, 0)
	e.svc.Watch("ch-w", code)
	play := func(round int, a, b string, sa, sb int64) {
		st := e.out.last(t, "ch-w")
		m := matchOf(t, st, round, a)
		e.svc.Ready(e.who(a), code, int(m.ID))
		e.svc.Ready(e.who(b), code, int(m.ID))
		e.duels.finish(t, int(m.ID), map[string][2]int64{"s-" + a: {sa, 1}, "s-" + b: {sb, 1}})
	}
	play(1, "ada", "dee", 900, 100)
	play(1, "bob", "cy", 900, 100)
	play(2, "ada", "bob", 900, 100)
	st := e.out.last(t, "ch-w")
	if nick(st, st.Champion) != "ada" {
		t.Fatalf("champion %s", nick(st, st.Champion))
	}
	semi := matchOf(t, st, 1, "ada")
	if ec := e.svc.Correct(code, "nope", int(semi.ID), e.who("dee").Player); ec != netcode.ErrNotHost {
		t.Errorf("Correct without the token: %v", ec)
	}
	if ec := e.svc.Correct(code, token, int(semi.ID), e.who("bob").Player); ec != netcode.ErrBadSettings {
		t.Errorf("Correct to a player not in the match: %v", ec)
	}
	if ec := e.svc.Correct(code, token, int(semi.ID), e.who("dee").Player); ec != netcode.ErrNone {
		t.Fatal(ec)
	}
	st = e.out.last(t, "ch-w")
	final := matchOf(t, st, 2, "dee")
	if st.Phase != netcode.TourRunning || st.Champion != -1 || final.Status != "ready" || final.Scores != nil {
		t.Fatalf("after the correction: phase %d champion %d final %+v", st.Phase, st.Champion, final)
	}
	rec, _ := e.st.TournamentByCode(context.Background(), code)
	if len(rec.Corrections) != 1 || rec.Corrections[0].NewWinner != e.who("dee").Player || rec.Corrections[0].OldWinner != e.who("ada").Player {
		t.Fatalf("corrections %+v", rec.Corrections)
	}

	// A restart: a new service over the same store.
	e2 := newEnv(t, e.st)
	if err := e2.svc.Load(context.Background()); err != nil {
		t.Fatal(err)
	}
	got, ok := e2.svc.State(code)
	if !ok {
		t.Fatal("tournament not reloaded")
	}
	want, _ := e.svc.State(code)
	if len(got.Matches) != len(want.Matches) || got.Phase != want.Phase || nick(got, 0) != nick(want, 0) {
		t.Fatalf("reloaded %+v\nwant %+v", got, want)
	}
	for i := range got.Matches {
		g, w := got.Matches[i], want.Matches[i]
		if g.Status != w.Status || g.Winner != w.Winner || g.Players[0] != w.Players[0] || g.Players[1] != w.Players[1] {
			t.Errorf("match %d reloaded %+v; want %+v", i+1, g, w)
		}
	}
	// The reloaded tournament plays on.
	e2.svc.Watch("ch-w", code)
	e2.svc.Ready(e2.who("dee"), code, int(final.ID))
	e2.svc.Ready(e2.who("bob"), code, int(final.ID))
	e2.duels.finish(t, int(final.ID), map[string][2]int64{"s-dee": {10, 1}, "s-bob": {5, 1}})
	if st := e2.out.last(t, "ch-w"); nick(st, st.Champion) != "dee" || st.Phase != netcode.TourFinished {
		t.Fatalf("after the reload the final gives %s", nick(st, st.Champion))
	}
}
