// Package storetest is the conformance suite of store.Store: every
// implementation runs it from its own tests, so SQLite and PostgreSQL give
// the same guarantees.
//
//	func TestStore(t *testing.T) {
//		storetest.Run(t, func(t *testing.T) store.Store { return openFresh(t) })
//		storetest.RunDurability(t, storetest.Backend{Fresh: newDB, Open: openAt})
//	}
//
// Run covers what one open store must do; RunDurability what must survive
// closing and reopening the database and a kill -9 of a process writing to
// it. The crash test re-executes the test binary (os.Args[0]) with
// -test.run narrowed to itself, so RunDurability must be called from a
// top-level test function of that binary.
package storetest

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"testing"
	"time"

	"github.com/osarena/osarena/server/store"
)

// Run runs the suite's cases, each in a subtest with a fresh, empty store
// from open. open must arrange for the store to be closed (t.Cleanup);
// closing twice must be harmless.
func Run(t *testing.T, open func(t *testing.T) store.Store) {
	cases := []struct {
		name string
		fn   func(t *testing.T, s store.Store)
	}{
		{"players", testPlayers},
		{"player-token-unique", testPlayerTokenUnique},
		{"rooms", testRooms},
		{"snapshots", testSnapshots},
		{"snapshot-needs-room", testSnapshotNeedsRoom},
		{"study-snapshot", testStudySnapshot},
		{"seats-between-matches", testSeatsBetweenMatches},
		{"finish-match", testFinishMatch},
		{"finished-match-immutable", testFinishedImmutable},
		{"finish-match-atomic", testFinishAtomic},
		{"player-matches", testPlayerMatches},
		{"stats", testStats},
		{"stats-filters", testStatsFilters},
		{"tournaments", testTournaments},
		{"tournament-registration", testRegistration},
		{"tournament-results", testTournamentResults},
		{"concurrent-writers", testConcurrentWriters},
		{"closed", testClosed},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) { c.fn(t, open(t)) })
	}
}

// t0 is the suite's clock: a Monday morning, UTC.
var t0 = time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC)

func ctx(t testing.TB) context.Context { return t.Context() }

// same fails the test when got and want differ.
func same[T any](t *testing.T, what string, got, want T) {
	t.Helper()
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("%s =\n\t%+v\nwant\n\t%+v", what, got, want)
	}
}

// must fails the test on an error.
func must(t testing.TB, what string, err error) {
	t.Helper()
	if err != nil {
		t.Fatalf("%s: %v", what, err)
	}
}

// isErr fails the test unless err wraps want and names the package.
func isErr(t *testing.T, what string, err, want error) {
	t.Helper()
	if !errors.Is(err, want) {
		t.Fatalf("%s: error %v; want %v", what, err, want)
	}
	if msg := err.Error(); len(msg) < 7 || msg[:7] != "store: " {
		t.Errorf("%s: error %q does not start with \"store: \"", what, msg)
	}
}

// players creates n players p1…pn.
func players(t testing.TB, s store.Store, n int) []store.Player {
	t.Helper()
	out := make([]store.Player, n)
	for i := range out {
		p, err := s.SeePlayer(ctx(t), fmt.Sprintf("device-%d", i+1), fmt.Sprintf("p%d", i+1))
		must(t, "SeePlayer", err)
		out[i] = p
	}
	return out
}

func settings() store.Settings {
	return store.Settings{Topics: []string{"replace", "disk"}, Difficulty: 2, Rounds: 3, Seconds: 30, Timed: true, Lang: "ko", Chain: 1}
}

func room(code string, host int64) store.Room {
	return store.Room{Code: code, HostToken: "host-" + code, HostPlayer: host, Mode: "quiz",
		Settings: settings(), Created: t0}
}

// snapshot is a match of ps in room after round rounds (seq = round).
func snapshot(code, matchID string, round int, ps []store.Player) store.Snapshot {
	s := store.Snapshot{Room: code, MatchID: matchID, Seq: int64(round), SimVersion: 3, Seed: 1<<63 + 12345,
		Settings: settings(), Phase: 3, Round: round, Rounds: 3, Started: t0,
		RoundStart: t0.Add(time.Duration(round) * time.Minute), Deadline: t0.Add(time.Duration(round)*time.Minute + 30*time.Second),
		Saved: t0.Add(time.Duration(round) * time.Minute)}
	for i, p := range ps {
		seat := store.Seat{Seat: uint32(i + 1), Player: p.ID, Session: fmt.Sprintf("sess-%d", p.ID), Nickname: p.Nickname,
			Host: i == 0, TopicCredit: map[string]int{}}
		for r := 1; r <= round; r++ {
			a := answer(p.ID, r, i)
			s.Answers = append(s.Answers, a)
			seat.Score += a.Points
			seat.Answered++
			seat.TotalMs += int64(a.ElapsedMs)
			seat.TopicCredit[a.Topic] += a.Credit
			if a.Credit == 1000 {
				seat.Correct++
				seat.Streak++
			} else {
				seat.Streak = 0
			}
		}
		s.Seats = append(s.Seats, seat)
	}
	return s
}

// answer is player's deterministic answer to a round: odd rounds are disk
// questions, even ones replace; skill 0 answers everything right.
func answer(player int64, round, skill int) store.Answer {
	a := store.Answer{Player: player, Round: round, Family: "replace.victim", Topic: "replace", Answered: true,
		Values: []int64{int64(round), int64(skill)}, ElapsedMs: 1000 * (round + skill)}
	if round%2 == 1 {
		a.Family, a.Topic = "disk.next", "disk"
	}
	if (round+skill)%3 != 0 || skill == 0 {
		a.Credit, a.Points = 1000, 900-10*skill
	} else {
		a.Credit = 500 // partly right
	}
	return a
}

// finished is a finished match of ps (rank by order) with rounds answers
// each, ended at end.
func finished(id, code string, ps []store.Player, rounds int, end time.Time) store.Match {
	m := store.Match{ID: id, Room: code, SimVersion: 3, Seed: 99, Settings: settings(), Started: end.Add(-10 * time.Minute), Ended: end}
	for i, p := range ps {
		mp := store.MatchPlayer{Player: p.ID, Seat: uint32(i + 1), Nickname: p.Nickname, Rank: i + 1, BestTopic: "disk"}
		for r := 1; r <= rounds; r++ {
			a := answer(p.ID, r, i)
			mp.Score += a.Points
			mp.Answered++
			mp.AvgMs += a.ElapsedMs
			if a.Credit == 1000 {
				mp.Correct++
			}
		}
		mp.AvgMs /= max(rounds, 1)
		m.Players = append(m.Players, mp)
	}
	for r := 1; r <= rounds; r++ {
		for i, p := range ps {
			m.Answers = append(m.Answers, answer(p.ID, r, i))
		}
	}
	return m
}
