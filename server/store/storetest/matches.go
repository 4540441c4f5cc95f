package storetest

import (
	"fmt"
	"testing"
	"time"

	"github.com/osarena/osarena/server/store"
)

func testFinishMatch(t *testing.T, s store.Store) {
	c := ctx(t)
	ps := players(t, s, 3)
	must(t, "SaveRoom", s.SaveRoom(c, room("FINISH", ps[0].ID)))
	must(t, "SaveSnapshot", s.SaveSnapshot(c, snapshot("FINISH", "m1", 3, ps)))

	m := finished("m1", "FINISH", ps, 3, t0.Add(time.Hour))
	m.Answers[0].Answered, m.Answers[0].Values, m.Answers[0].Credit, m.Answers[0].Points = false, nil, 0, 0
	m.Players[1].Rank = 1 // a tie: ranks 1, 1, 3
	must(t, "FinishMatch", s.FinishMatch(c, m))
	got, err := s.Match(c, "m1")
	must(t, "Match", err)
	same(t, "Match(m1)", got, m)

	_, err = s.Snapshot(c, "FINISH")
	isErr(t, "Snapshot after FinishMatch", err, store.ErrNotFound)
	_, err = s.Match(c, "nope")
	isErr(t, "Match(unknown)", err, store.ErrNotFound)

	// Finishing a match leaves another match's snapshot alone.
	must(t, "SaveSnapshot(m2)", s.SaveSnapshot(c, snapshot("FINISH", "m2", 1, ps)))
	must(t, "FinishMatch(m3)", s.FinishMatch(c, finished("m3", "FINISH", ps[:1], 1, t0.Add(2*time.Hour))))
	if _, err := s.Snapshot(c, "FINISH"); err != nil {
		t.Fatalf("Snapshot(FINISH) after finishing another match: %v; want m2's snapshot", err)
	}
	isErr(t, "FinishMatch(no ID)", s.FinishMatch(c, store.Match{}), store.ErrInvalid)
}

// A finished match is written once: finishing it again fails and changes
// nothing.
func testFinishedImmutable(t *testing.T, s store.Store) {
	c := ctx(t)
	ps := players(t, s, 2)
	m := finished("final", "IMMUTE", ps, 4, t0)
	must(t, "FinishMatch", s.FinishMatch(c, m))
	other := finished("final", "IMMUTE", ps[:1], 1, t0.Add(time.Hour))
	other.Players[0].Score = 1_000_000
	isErr(t, "FinishMatch(same ID again)", s.FinishMatch(c, other), store.ErrExists)
	got, err := s.Match(c, "final")
	must(t, "Match", err)
	same(t, "Match after a second FinishMatch", got, m)
}

// FinishMatch is all or nothing: an unknown player rolls back the match
// and keeps the snapshot.
func testFinishAtomic(t *testing.T, s store.Store) {
	c := ctx(t)
	ps := players(t, s, 2)
	must(t, "SaveRoom", s.SaveRoom(c, room("ATOMIC", ps[0].ID)))
	must(t, "SaveSnapshot", s.SaveSnapshot(c, snapshot("ATOMIC", "m1", 2, ps)))
	m := finished("m1", "ATOMIC", ps, 2, t0)
	m.Answers[len(m.Answers)-1].Player = 424242 // no such player
	isErr(t, "FinishMatch(unknown player)", s.FinishMatch(c, m), store.ErrNotFound)
	_, err := s.Match(c, "m1")
	isErr(t, "Match after a failed FinishMatch", err, store.ErrNotFound)
	if _, err := s.Snapshot(c, "ATOMIC"); err != nil {
		t.Fatalf("Snapshot after a failed FinishMatch: %v; want it kept", err)
	}
	st, err := s.Stats(c, store.StatsQuery{Player: ps[0].ID})
	must(t, "Stats", err)
	same(t, "Stats after a failed FinishMatch", len(st), 0)
}

func testPlayerMatches(t *testing.T, s store.Store) {
	c := ctx(t)
	ps := players(t, s, 3)
	for i := range 5 {
		who := ps[:2]
		if i%2 == 1 {
			who = []store.Player{ps[2], ps[0]}
		}
		must(t, "FinishMatch", s.FinishMatch(c, finished(fmt.Sprintf("h%d", i), "HISTOR", who, 2, t0.Add(time.Duration(i)*time.Hour))))
	}
	got, err := s.PlayerMatches(c, ps[0].ID, 3)
	must(t, "PlayerMatches", err)
	var ids []string
	for _, m := range got {
		ids = append(ids, m.ID)
		if m.Answers != nil || len(m.Players) != 2 {
			t.Errorf("PlayerMatches: match %s has %d players and %d answers; want 2 players, no answers", m.ID, len(m.Players), len(m.Answers))
		}
	}
	same(t, "PlayerMatches(p1, 3)", ids, []string{"h4", "h3", "h2"})
	want := finished("h3", "HISTOR", []store.Player{ps[2], ps[0]}, 2, t0.Add(3*time.Hour))
	want.Answers = nil
	same(t, "PlayerMatches(p1)[1]", got[1], want)

	got, err = s.PlayerMatches(c, ps[2].ID, 10)
	must(t, "PlayerMatches", err)
	same(t, "len(PlayerMatches(p3))", len(got), 2)
	got, err = s.PlayerMatches(c, 999, 10)
	must(t, "PlayerMatches(unknown)", err)
	same(t, "len(PlayerMatches(unknown))", len(got), 0)
	_, err = s.PlayerMatches(c, ps[0].ID, -1)
	isErr(t, "PlayerMatches(limit -1)", err, store.ErrInvalid)
}

func testClosed(t *testing.T, s store.Store) {
	must(t, "Close", s.Close())
	_, err := s.SeePlayer(ctx(t), "late", "x")
	isErr(t, "SeePlayer after Close", err, store.ErrClosed)
	_, err = s.Snapshots(ctx(t))
	isErr(t, "Snapshots after Close", err, store.ErrClosed)
}
