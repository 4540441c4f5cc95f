package tourney

import (
	"context"
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/osarena/osarena/netcode"
	"github.com/osarena/osarena/server/room"
	"github.com/osarena/osarena/server/store"
)

// pastMatch stores a finished quiz match in which each named player gave
// the answers whose credits (thousandths) are listed, one per round.
func (e *env) pastMatch(id string, credits map[string][]int) {
	e.t.Helper()
	m := store.Match{ID: id, Room: "PAST00", SimVersion: 1, Seed: 7, Settings: room.StoreSettings(duelSettings()),
		Started: t0.Add(-48 * time.Hour), Ended: t0.Add(-47 * time.Hour)}
	names := make([]string, 0, len(credits))
	for n := range credits {
		names = append(names, n)
	}
	slices.Sort(names)
	for i, n := range names {
		p := e.who(n).Player
		m.Players = append(m.Players, store.MatchPlayer{Player: p, Seat: uint32(i + 1), Nickname: n, Rank: i + 1})
		for r, c := range credits[n] {
			m.Answers = append(m.Answers, store.Answer{Player: p, Round: r + 1, Family: "replace.victim", Topic: "replace",
				Answered: true, Credit: c, ElapsedMs: 1000})
		}
	}
	if err := e.st.FinishMatch(context.Background(), m); err != nil {
		e.t.Fatalf("FinishMatch(%s): %v", id, err)
	}
}

// Seeding by past results reads the players' answers from the store: the
// higher mean credit is the better seed, and equal ratings (above all,
// everyone without a history) keep registration order. With eleven
// players the store's IDs run past 9, where comparing IDs as strings would
// put "10" before "9".
func TestSeedingByPastResults(t *testing.T) {
	e := newEnv(t, nil)
	names := make([]string, 11)
	for i := range names {
		names[i] = fmt.Sprintf("p%02d", i+1)
	}
	code, token, ec := e.svc.Create(e.who("host"), netcode.CreateTournament{Name: "cup", Format: netcode.FormatRoundRobin,
		Seeding: netcode.SeedRating, Duel: duelSettings()})
	if ec != netcode.ErrNone {
		t.Fatal(ec)
	}
	for _, n := range names {
		e.who(n) // known to the store (IDs in this order), no history yet
	}
	// p11 answered everything right; p03 and p10 half right on average (a
	// tie: p03 registered first); p05 badly; the rest never played.
	e.pastMatch("past-1", map[string][]int{"p11": {1000, 1000}, "p03": {1000, 0}, "p10": {500, 500}, "p05": {100, 0}})
	for _, n := range names {
		if ec := e.svc.Join(e.who(n), code); ec != netcode.ErrNone {
			t.Fatalf("Join %s = %v", n, ec)
		}
	}
	if ec := e.svc.Start(code, token, nil); ec != netcode.ErrNone {
		t.Fatalf("Start = %v", ec)
	}
	st, _ := e.svc.State(code)
	var got []string
	for _, en := range st.Entrants {
		got = append(got, en.Nickname)
	}
	want := []string{"p11", "p03", "p10", "p05", "p01", "p02", "p04", "p06", "p07", "p08", "p09"}
	if !slices.Equal(got, want) {
		t.Errorf("seeds by past results = %v; want %v", got, want)
	}
	rec, err := e.st.TournamentByCode(context.Background(), code)
	if err != nil {
		t.Fatal(err)
	}
	for _, en := range rec.Entrants {
		if i := slices.Index(want, en.Nickname); en.Seed != i+1 {
			t.Errorf("stored seed of %s = %d; want %d", en.Nickname, en.Seed, i+1)
		}
	}
}
