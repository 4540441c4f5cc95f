package server

import (
	"context"
	"path/filepath"
	"slices"
	"sync/atomic"
	"testing"
	"time"

	"github.com/osarena/osarena/netcode"
	"github.com/osarena/osarena/server/room"
	"github.com/osarena/osarena/server/store"
	"github.com/osarena/osarena/server/store/sqlite"
)

// crashStore is a store that "crashes": after crash, every write is
// dropped (and reported done), so the database stays exactly as it was at
// that instant, as after a kill -9, while the server that wrote it runs on
// in memory without reaching it again and without any shutdown path.
type crashStore struct {
	store.Store
	dead atomic.Bool
}

func (c *crashStore) crash() { c.dead.Store(true) }

func (c *crashStore) SaveRoom(ctx context.Context, r store.Room) error {
	if c.dead.Load() {
		return nil
	}
	return c.Store.SaveRoom(ctx, r)
}

func (c *crashStore) CloseRoom(ctx context.Context, code string, at time.Time) error {
	if c.dead.Load() {
		return nil
	}
	return c.Store.CloseRoom(ctx, code, at)
}

func (c *crashStore) SaveSnapshot(ctx context.Context, s store.Snapshot) error {
	if c.dead.Load() {
		return nil
	}
	return c.Store.SaveSnapshot(ctx, s)
}

func (c *crashStore) FinishMatch(ctx context.Context, m store.Match) error {
	if c.dead.Load() {
		return nil
	}
	return c.Store.FinishMatch(ctx, m)
}

func (c *crashStore) UpdateTournament(ctx context.Context, t store.Tournament) error {
	if c.dead.Load() {
		return nil
	}
	return c.Store.UpdateTournament(ctx, t)
}

func (c *crashStore) SaveMatches(ctx context.Context, tournament string, ms []store.BracketMatch) error {
	if c.dead.Load() {
		return nil
	}
	return c.Store.SaveMatches(ctx, tournament, ms)
}

func (c *crashStore) CorrectResult(ctx context.Context, tournament string, corr store.Correction, ms []store.BracketMatch) error {
	if c.dead.Load() {
		return nil
	}
	return c.Store.CorrectResult(ctx, tournament, corr, ms)
}

// awaitMsg returns c's next message of type T, skipping others (the
// latest TournamentState is kept in *tour when tour is not nil).
func awaitMsg[T any](t *testing.T, c *netcode.Client, typ netcode.Type, tour *netcode.TournamentState) *T {
	t.Helper()
	timeout := time.After(15 * time.Second)
	for {
		select {
		case m, ok := <-c.Incoming():
			if !ok {
				t.Fatalf("client closed waiting for %v: %v", typ, c.Err())
			}
			if s, ok := m.Msg.(*netcode.TournamentState); ok && tour != nil {
				*tour = *s
			}
			if m.Type == typ {
				return m.Msg.(*T)
			}
		case <-timeout:
			t.Fatalf("no message of type %v", typ)
		}
	}
}

// duelPlayer is one side of the crash test's duel.
type duelPlayer struct {
	name  string
	c     *netcode.Client
	right bool // answers right, else wrong
	tour  netcode.TournamentState
}

func (p *duelPlayer) dial(t *testing.T, url, resume string) {
	t.Helper()
	c, err := netcode.Dial(context.Background(), url, netcode.Options{Device: "dev-" + p.name, Resume: resume, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(c.Close)
	p.c = c
	if w := awaitMsg[netcode.Welcome](t, c, netcode.TypeWelcome, nil); (resume != "") != w.Resumed {
		t.Fatalf("%s: Welcome %+v; want resumed %v", p.name, w, resume != "")
	}
}

// answer answers round rs, right or wrong by the player's habit.
func (p *duelPlayer) answer(t *testing.T, rs *netcode.RoundStart) {
	t.Helper()
	v, ok := netcode.LocalAnswer(&rs.Question)
	if !ok {
		t.Fatalf("no local answer for %s", rs.Question.Family)
	}
	v = slices.Clone(v)
	if !p.right {
		v = wrongValues(&rs.Question, v)
	}
	if err := p.c.Send(netcode.TypeAnswer, netcode.Answer{Round: rs.Round, Values: v}); err != nil {
		t.Fatal(err)
	}
}

// TestDuelSurvivesCrash: a two-player tournament's final is being played
// live when the store stops taking writes (a crash: the server is not shut
// down), at the first reveal or in the second round. A new server on the
// same database, started after the duel's deadline has passed, brings the
// duel room back: both players resume their seats with their session
// tokens, with the first round's scores, play the rest, see the podium
// (the match already in the store), and the bracket records the result,
// played, not walked over.
func TestDuelSurvivesCrash(t *testing.T) {
	if testing.Short() {
		t.Skip("plays a duel over WebSockets")
	}
	tests := []struct {
		name    string
		inRound bool // crash once round 2 is open, else at the first reveal
	}{
		{"at the first reveal", false},
		{"in round 2", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { duelSurvivesCrash(t, tt.inRound) })
	}
}

func duelSurvivesCrash(t *testing.T, inRound bool) {
	st, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "osarena.db"), sqlite.Options{Relaxed: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = st.Close() })
	cs := &crashStore{Store: st}
	_, url := newTestServer(t, Config{Store: cs, JoinsPerMinute: 600, DuelPause: 2 * time.Second})

	host := &duelPlayer{name: "host"}
	host.dial(t, url, "")
	settings := room.DefaultSettings()
	settings.Rounds, settings.Seconds, settings.Topics = 3, 30, []string{"replace"}
	const deadline = 3 * time.Second
	_ = host.c.Send(netcode.TypeCreateTournament, netcode.CreateTournament{Name: "crash cup", Format: netcode.FormatSingle,
		Seeding: netcode.SeedHand, Duel: settings, DeadlineSec: uint32(deadline / time.Second)})
	created := awaitMsg[netcode.TournamentCreated](t, host.c, netcode.TypeTournamentCreated, nil)
	ada, bob := &duelPlayer{name: "ada", right: true}, &duelPlayer{name: "bob"}
	for _, p := range []*duelPlayer{ada, bob} {
		p.dial(t, url, "")
		_ = p.c.Send(netcode.TypeJoinTournament, netcode.JoinTournament{Code: created.Code, Nickname: p.name})
	}
	for len(host.tour.Entrants) < 2 {
		awaitMsg[netcode.TournamentState](t, host.c, netcode.TypeTournamentState, &host.tour)
	}
	var order []int64
	for _, n := range []string{"ada", "bob"} {
		i := slices.IndexFunc(host.tour.Entrants, func(e netcode.Entrant) bool { return e.Nickname == n })
		order = append(order, host.tour.Entrants[i].ID)
	}
	started := time.Now()
	_ = host.c.Send(netcode.TypeStartTournament, netcode.StartTournament{Code: created.Code, HostToken: created.HostToken, Order: order})
	var final netcode.BracketMatch
	for _, p := range []*duelPlayer{ada, bob} {
		for p.tour.Phase != netcode.TourRunning {
			awaitMsg[netcode.TournamentState](t, p.c, netcode.TypeTournamentState, &p.tour)
		}
		final = p.tour.Matches[0]
		_ = p.c.Send(netcode.TypeReadyDuel, netcode.ReadyDuel{Code: created.Code, MatchID: final.ID})
	}
	joined := awaitMsg[netcode.RoomJoined](t, ada.c, netcode.TypeRoomJoined, nil)
	var rv *netcode.Reveal
	for _, p := range []*duelPlayer{ada, bob} {
		p.answer(t, awaitMsg[netcode.RoundStart](t, p.c, netcode.TypeRoundStart, nil))
	}
	for _, p := range []*duelPlayer{ada, bob} {
		rv = awaitMsg[netcode.Reveal](t, p.c, netcode.TypeReveal, nil) // the room sends it once the store has it
	}
	scores := map[uint32]int32{}
	for _, r := range rv.Results {
		scores[r.PlayerID] = r.Score
	}
	if inRound {
		for _, p := range []*duelPlayer{ada, bob} {
			if rs := awaitMsg[netcode.RoundStart](t, p.c, netcode.TypeRoundStart, nil); rs.Round != 2 {
				t.Fatalf("round %d after the first reveal; want 2", rs.Round)
			}
		}
		waitUntilStored(t, "round 2's snapshot", func() bool {
			s, err := st.Snapshot(context.Background(), joined.Code)
			return err == nil && s.Round == 2 && s.Phase == int(netcode.PhaseRound)
		})
	}
	cs.crash()
	sessions := map[*duelPlayer]string{ada: ada.c.Session(), bob: bob.c.Session()}
	ada.c.Close()
	bob.c.Close()
	time.Sleep(time.Until(started.Add(deadline + 500*time.Millisecond))) // the duel's deadline passes during the outage

	_, url2 := newTestServer(t, Config{Store: st, JoinsPerMinute: 600, DuelPause: 50 * time.Millisecond})
	for _, p := range []*duelPlayer{ada, bob} {
		p.dial(t, url2, sessions[p])
		if j := awaitMsg[netcode.RoomJoined](t, p.c, netcode.TypeRoomJoined, nil); j.Code != joined.Code {
			t.Fatalf("%s resumed into room %s; want the duel's %s", p.name, j.Code, joined.Code)
		}
		_ = p.c.Send(netcode.TypeJoinTournament, netcode.JoinTournament{Code: created.Code, Nickname: p.name})
	}
	for round := uint8(2); round <= 3; round++ {
		for _, p := range []*duelPlayer{ada, bob} {
			rs := awaitMsg[netcode.RoundStart](t, p.c, netcode.TypeRoundStart, nil)
			if rs.Round != round {
				t.Fatalf("%s: round %d after the restart; want %d", p.name, rs.Round, round)
			}
			p.answer(t, rs)
		}
		if round == 2 {
			rv := awaitMsg[netcode.Reveal](t, bob.c, netcode.TypeReveal, nil)
			for _, r := range rv.Results {
				if r.Score < scores[r.PlayerID] || scores[r.PlayerID] == 0 && r.PlayerID == 1 {
					t.Errorf("player %d's score %d after round 2; want from %d (round 1's) up", r.PlayerID, r.Score, scores[r.PlayerID])
				}
			}
		}
	}
	podium := awaitMsg[netcode.Podium](t, ada.c, netcode.TypePodium, &ada.tour)
	if len(podium.Summaries) != 2 || podium.Summaries[0].Nickname != "ada" || podium.Summaries[0].Correct != 3 || podium.Summaries[1].Answered != 3 {
		t.Fatalf("podium %+v; want ada first with 3 right, bob with 3 answered", podium.Summaries)
	}
	adaPlayer, err := st.PlayerByToken(context.Background(), "dev-ada")
	if err != nil {
		t.Fatal(err)
	}
	ms, err := st.PlayerMatches(context.Background(), adaPlayer.ID, 5)
	if err != nil || len(ms) != 1 || ms[0].Room != joined.Code || ms[0].Tournament != created.Code {
		t.Fatalf("ada's stored matches when the podium came %+v, %v; want the duel", ms, err)
	}
	for ada.tour.Phase != netcode.TourFinished {
		awaitMsg[netcode.TournamentState](t, ada.c, netcode.TypeTournamentState, &ada.tour)
	}
	m := ada.tour.Matches[0]
	if m.Status != "done" || m.Walkover || len(m.Scores) != 2 || ada.tour.Entrants[m.Winner].Nickname != "ada" {
		t.Fatalf("the final after the crash %+v; want ada's win, played", m)
	}
	rec, err := st.TournamentByCode(context.Background(), created.Code)
	if err != nil || rec.State != store.TournamentFinished || len(rec.Matches) != 1 ||
		rec.Matches[0].Status != store.DuelDone || rec.Matches[0].Winner != adaPlayer.ID || rec.Matches[0].MatchID != ms[0].ID {
		t.Fatalf("stored tournament %+v, %v; want ada's win with match %s", rec, err, ms[0].ID)
	}
}

func waitUntilStored(t *testing.T, what string, f func() bool) {
	t.Helper()
	for end := time.Now().Add(10 * time.Second); !f(); time.Sleep(20 * time.Millisecond) {
		if time.Now().After(end) {
			t.Fatalf("%s never reached the store", what)
		}
	}
}
