package tournament

import "slices"

// resolve recomputes every match's Players and Status from its sources and
// the recorded results, in ID order (sources always point backwards). A
// side whose player is not known yet is None; a side nobody can fill is Bye.
// A match with one empty side is a bye for the other side once that side is
// known; a match with two empty sides is void, and so is a grand-final reset
// that the winners' champion made unnecessary. A stored result that no longer
// fits the match's players is dropped (it cannot happen through Record and
// Correct, but a state read back from storage is not trusted blindly).
func (t *Tournament) resolve() {
	for i := range t.Matches {
		m := &t.Matches[i]
		a, b := t.side(m.From[0]), t.side(m.From[1])
		if m.Bracket == GrandFinal && m.Round == 2 {
			first := &t.Matches[m.From[0].Match-1]
			if first.Status == Done && first.Result.Winner == first.Players[0] {
				a, b = Bye, Bye
			}
		}
		m.Players = [2]int{a, b}
		switch {
		case a == Bye && b == Bye:
			m.Status, m.Result = Void, nil
		case a == None || b == None:
			m.Status, m.Result = Pending, nil
		case a == Bye || b == Bye:
			m.Status, m.Result = ByeWin, &Result{Winner: max(a, b)}
		case m.Result != nil && m.Result.fits(a, b):
			m.Status = Done
		default:
			m.Status, m.Result = Ready, nil
		}
	}
}

func (r *Result) fits(a, b int) bool {
	return r.Draw && r.Winner == None || !r.Draw && (r.Winner == a || r.Winner == b)
}

// side resolves one source against the current statuses.
func (t *Tournament) side(s Source) int {
	switch s.Kind {
	case FromSeed:
		return s.Player
	case FromBye:
		return Bye
	}
	m := &t.Matches[s.Match-1]
	switch m.Status {
	case Void:
		return Bye
	case ByeWin:
		if s.Kind == FromWinner {
			return m.Result.Winner
		}
		return Bye
	case Done:
		if s.Kind == FromWinner {
			return m.Result.Winner
		}
		return m.Loser()
	}
	return None
}

// match returns the match with id, or nil.
func (t *Tournament) match(id int) *Match {
	if id < 1 || id > len(t.Matches) {
		return nil
	}
	return &t.Matches[id-1]
}

// check validates r for m: the winner plays in m, draws only in league
// formats, and a draw cannot be a walkover.
func (t *Tournament) check(op string, m *Match, r Result) error {
	if r.Draw {
		if m.Bracket != League {
			return opErr(op, m.ID, ErrResult, "no draws in elimination")
		}
		if r.Walkover || r.Winner != None {
			return opErr(op, m.ID, ErrResult, "a draw has no winner and is not a walkover")
		}
		return nil
	}
	if r.Winner < 0 || r.Winner != m.Players[0] && r.Winner != m.Players[1] {
		return opErr(op, m.ID, ErrResult, "winner %d does not play in it", r.Winner)
	}
	return nil
}

// Record stores the result of a ready match and advances its winner (and,
// in double elimination, its loser) to the matches they feed. For a
// walkover set r.Walkover: the caller has decided that the other player did
// not show up before the deadline.
func (t *Tournament) Record(id int, r Result) error {
	const op = "record result"
	m := t.match(id)
	if m == nil {
		return opErr(op, id, ErrNoMatch, "")
	}
	if m.Status != Ready {
		return opErr(op, id, ErrNotReady, "status %s", m.Status)
	}
	if err := t.check(op, m, r); err != nil {
		return err
	}
	m.Result = &r
	t.resolve()
	return nil
}

// Correct replaces the result of a played match, as the host may. If the
// winner changes, every result that depended on the old outcome (every
// match fed, directly or not, by this one) is undone and the new winner and
// loser are advanced; the IDs of the undone matches are returned in order.
// In Swiss a result can be corrected only while no later round has been
// paired (ErrLaterRound otherwise), because pairings depend on scores.
func (t *Tournament) Correct(id int, r Result) ([]int, error) {
	const op = "correct result"
	m := t.match(id)
	if m == nil {
		return nil, opErr(op, id, ErrNoMatch, "")
	}
	if m.Status != Done {
		return nil, opErr(op, id, ErrNotPlayed, "status %s", m.Status)
	}
	if err := t.check(op, m, r); err != nil {
		return nil, err
	}
	if t.Options.Format == Swiss && m.Round < t.swissRound() {
		return nil, opErr(op, id, ErrLaterRound, "match is in round %d, round %d is paired", m.Round, t.swissRound())
	}
	var undone []int
	if old := m.Result; old.Draw != r.Draw || old.Winner != r.Winner {
		for _, d := range t.dependents(id) {
			if dm := &t.Matches[d-1]; dm.Status == Done {
				undone = append(undone, d)
			}
			t.Matches[d-1].Result = nil
		}
	}
	m.Result = &r
	t.resolve()
	return undone, nil
}

// dependents returns, in ID order, every match fed directly or indirectly by
// the match id.
func (t *Tournament) dependents(id int) []int {
	in := map[int]bool{id: true}
	var out []int
	for i := id; i < len(t.Matches); i++ {
		m := &t.Matches[i]
		for _, s := range m.From {
			if (s.Kind == FromWinner || s.Kind == FromLoser) && in[s.Match] && !in[m.ID] {
				in[m.ID] = true
				out = append(out, m.ID)
			}
		}
	}
	return out
}

// Ready returns the IDs of the matches that can be played now, in ID order.
func (t *Tournament) Ready() []int {
	var out []int
	for _, m := range t.Matches {
		if m.Status == Ready {
			out = append(out, m.ID)
		}
	}
	return out
}

// Finished reports whether every match is decided (and, in Swiss, every
// round has been paired).
func (t *Tournament) Finished() bool {
	if t.Options.Format == Swiss && t.swissRound() < t.SwissRounds {
		return false
	}
	return !slices.ContainsFunc(t.Matches, func(m Match) bool {
		return m.Status == Pending || m.Status == Ready
	})
}

// Champion returns the winner of a finished tournament: the final's (or the
// grand final's, or its reset's) winner, or the top of the standings in the
// league formats. ok is false while it is undecided.
func (t *Tournament) Champion() (player int, ok bool) {
	if !t.Finished() {
		return None, false
	}
	switch t.Options.Format {
	case SingleElimination, DoubleElimination:
		for i := len(t.Matches) - 1; i >= 0; i-- {
			m := &t.Matches[i]
			if m.Bracket != ThirdPlace && (m.Status == Done || m.Status == ByeWin) {
				return m.Result.Winner, true
			}
		}
		return None, false
	}
	return t.Standings()[0].Player, true
}
