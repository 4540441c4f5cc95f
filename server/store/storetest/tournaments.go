package storetest

import (
	"testing"
	"time"

	"github.com/osarena/osarena/server/store"
)

func cup(id, code string, host int64) store.Tournament {
	return store.Tournament{ID: id, Code: code, Name: "Spring cup", Format: store.FormatSingle, Host: host,
		State: store.TournamentRegistering, Created: t0,
		Schedule: store.Schedule{Start: t0.Add(24 * time.Hour), RoundEvery: 48 * time.Hour},
		Options:  store.TournamentOptions{ThirdPlace: true, Async: true, Seeding: "manual", Duel: settings()}}
}

func entrant(p store.Player, seed int, at time.Duration) store.Entrant {
	return store.Entrant{Player: p.ID, Nickname: p.Nickname, Seed: seed, Registered: t0.Add(at)}
}

func testTournaments(t *testing.T, s store.Store) {
	c := ctx(t)
	ps := players(t, s, 4)
	tr := cup("t1", "CUP111", ps[0].ID)
	tr.Entrants = []store.Entrant{entrant(ps[1], 1, time.Minute), entrant(ps[0], 0, 0)}
	tr.Matches = []store.BracketMatch{{Bracket: store.BracketMain, Round: 1, Slot: 0, PlayerA: ps[1].ID, Status: store.DuelPending}}
	must(t, "CreateTournament", s.CreateTournament(c, tr))
	got, err := s.Tournament(c, "t1")
	must(t, "Tournament", err)
	same(t, "Tournament(t1)", got, tr)
	got, err = s.TournamentByCode(c, "CUP111")
	must(t, "TournamentByCode", err)
	same(t, "TournamentByCode(CUP111)", got, tr)

	isErr(t, "CreateTournament(same ID)", s.CreateTournament(c, cup("t1", "OTHER1", ps[0].ID)), store.ErrExists)
	isErr(t, "CreateTournament(same code)", s.CreateTournament(c, cup("t2", "CUP111", ps[0].ID)), store.ErrExists)
	isErr(t, "CreateTournament(no code)", s.CreateTournament(c, cup("t2", "", ps[0].ID)), store.ErrInvalid)
	_, err = s.Tournament(c, "t2")
	isErr(t, "Tournament(t2) after failed creates", err, store.ErrNotFound)
	_, err = s.TournamentByCode(c, "NOCODE")
	isErr(t, "TournamentByCode(unknown)", err, store.ErrNotFound)

	must(t, "CreateTournament(t2)", s.CreateTournament(c, cup("t2", "CUP222", ps[1].ID)))
	upd := cup("t1", "IGNORED", 777)
	upd.Name, upd.Format, upd.State = "Spring cup (Swiss)", store.FormatSwiss, store.TournamentFinished
	upd.Schedule.RoundEvery, upd.Options.SwissRounds = time.Hour, 3
	upd.Schedule.Start, upd.Options.StartLapsed = t0.Add(36*time.Hour), true // a lapsed scheduled start
	must(t, "UpdateTournament", s.UpdateTournament(c, upd))
	got, err = s.Tournament(c, "t1")
	must(t, "Tournament", err)
	want := tr
	want.Name, want.Format, want.State, want.Schedule, want.Options = upd.Name, upd.Format, upd.State, upd.Schedule, upd.Options
	same(t, "Tournament after UpdateTournament", got, want)
	isErr(t, "UpdateTournament(unknown)", s.UpdateTournament(c, cup("t9", "X", 1)), store.ErrNotFound)

	active, err := s.ActiveTournaments(c)
	must(t, "ActiveTournaments", err)
	header := cup("t2", "CUP222", ps[1].ID)
	same(t, "ActiveTournaments (t1 finished)", active, []store.Tournament{header})
}

func testRegistration(t *testing.T, s store.Store) {
	c := ctx(t)
	ps := players(t, s, 4)
	must(t, "CreateTournament", s.CreateTournament(c, cup("t1", "CUP111", ps[0].ID)))
	for i, p := range ps {
		must(t, "Register", s.Register(c, "t1", entrant(p, 0, time.Duration(i)*time.Minute)))
	}
	isErr(t, "Register twice", s.Register(c, "t1", entrant(ps[2], 0, time.Hour)), store.ErrExists)
	isErr(t, "Register(unknown tournament)", s.Register(c, "t9", entrant(ps[2], 0, 0)), store.ErrNotFound)
	must(t, "Withdraw(p2)", s.Withdraw(c, "t1", ps[1].ID))
	isErr(t, "Withdraw(p2) again", s.Withdraw(c, "t1", ps[1].ID), store.ErrNotFound)

	must(t, "SetSeeds(p4, p1)", s.SetSeeds(c, "t1", []int64{ps[3].ID, ps[0].ID}))
	got, err := s.Tournament(c, "t1")
	must(t, "Tournament", err)
	same(t, "Entrants by seed, then registration", got.Entrants, []store.Entrant{
		entrant(ps[3], 1, 3*time.Minute), entrant(ps[0], 2, 0), entrant(ps[2], 0, 2*time.Minute),
	})
	isErr(t, "SetSeeds(with a withdrawn player)", s.SetSeeds(c, "t1", []int64{ps[2].ID, ps[1].ID}), store.ErrNotFound)
	got, err = s.Tournament(c, "t1")
	must(t, "Tournament", err)
	same(t, "Seeds after a failed SetSeeds", got.Entrants[0].Seed, 1)
	same(t, "Seeds after a failed SetSeeds", got.Entrants[0].Player, ps[3].ID)
}

// Results: winners advance through SaveMatches; a decided result changes
// only through CorrectResult, which keeps a log.
func testTournamentResults(t *testing.T, s store.Store) {
	c := ctx(t)
	ps := players(t, s, 4)
	a, b, cc, d := ps[0].ID, ps[1].ID, ps[2].ID, ps[3].ID
	must(t, "CreateTournament", s.CreateTournament(c, cup("t1", "CUP111", a)))
	due := t0.Add(72 * time.Hour)
	bracket := []store.BracketMatch{
		{Bracket: store.BracketMain, Round: 1, Slot: 0, PlayerA: a, PlayerB: d, Status: store.DuelOpen, Deadline: due},
		{Bracket: store.BracketMain, Round: 1, Slot: 1, PlayerA: b, PlayerB: cc, Status: store.DuelOpen, Deadline: due},
		{Bracket: store.BracketMain, Round: 2, Slot: 0, Status: store.DuelPending},
		{Bracket: store.BracketThird, Round: 1, Slot: 0, Status: store.DuelPending},
	}
	must(t, "SaveMatches(bracket)", s.SaveMatches(c, "t1", bracket))

	// Round one is played; winners advance.
	bracket[0].Winner, bracket[0].Status, bracket[0].MatchID = a, store.DuelDone, "duel-1"
	bracket[0].Result = store.DuelResult{ScoreA: 5000, ScoreB: 3000, TimeA: 40000, TimeB: 52000}
	bracket[1].Winner, bracket[1].Status = b, store.DuelWalkover
	bracket[2].PlayerA, bracket[2].PlayerB, bracket[2].Status = a, b, store.DuelOpen
	bracket[3].PlayerA, bracket[3].PlayerB = d, cc
	must(t, "SaveMatches(round one results)", s.SaveMatches(c, "t1", bracket))
	must(t, "SaveMatches(same winner again)", s.SaveMatches(c, "t1", bracket[:1]))

	flipped := bracket[0]
	flipped.Winner = d
	err := s.SaveMatches(c, "t1", []store.BracketMatch{bracket[3], flipped})
	isErr(t, "SaveMatches(changing a decided winner)", err, store.ErrDecided)
	got, err := s.Tournament(c, "t1")
	must(t, "Tournament", err)
	same(t, "bracket after a refused SaveMatches", got.Matches, sorted(bracket))

	// The host corrects match 1: d won; the final and third-place match follow.
	fix := store.Correction{Bracket: store.BracketMain, Round: 1, Slot: 0, By: a, Reason: "scores swapped",
		At: t0.Add(80 * time.Hour), OldWinner: a, NewWinner: d, Old: bracket[0].Result,
		New: store.DuelResult{ScoreA: 3000, ScoreB: 5000, TimeA: 40000, TimeB: 52000}}
	bracket[0].Winner, bracket[0].Result = d, fix.New
	bracket[2].PlayerA, bracket[3].PlayerA = d, a
	must(t, "CorrectResult", s.CorrectResult(c, "t1", fix, []store.BracketMatch{bracket[0], bracket[2], bracket[3]}))
	got, err = s.Tournament(c, "t1")
	must(t, "Tournament", err)
	same(t, "bracket after CorrectResult", got.Matches, sorted(bracket))
	same(t, "corrections", got.Corrections, []store.Correction{fix})

	err = s.CorrectResult(c, "t9", fix, nil)
	isErr(t, "CorrectResult(unknown tournament)", err, store.ErrNotFound)
}

// sorted orders bracket matches as Tournament returns them: by bracket,
// round, slot (the test's brackets are main and third).
func sorted(ms []store.BracketMatch) []store.BracketMatch {
	var out []store.BracketMatch
	for _, br := range []string{store.BracketMain, store.BracketThird} {
		for _, m := range ms {
			if m.Bracket == br {
				out = append(out, m)
			}
		}
	}
	return out
}
