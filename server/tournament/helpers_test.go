package tournament

import (
	"fmt"
	"math/rand/v2"
	"testing"
)

// players returns n entrants p01..pNN in seed order.
func players(n int) []Entrant {
	out := make([]Entrant, n)
	for i := range out {
		out[i] = Entrant{ID: fmt.Sprintf("p%02d", i+1), Rating: float64(1000 - i)}
	}
	return out
}

func mustNew(tb testing.TB, opts Options, n int) *Tournament {
	tb.Helper()
	tr, err := New(opts, players(n))
	if err != nil {
		tb.Fatalf("New(%+v, %d players) error: %v", opts, n, err)
	}
	return tr
}

// chooser decides a ready match.
type chooser func(m *Match) Result

// chalk: the better seed (lower index) always wins.
func chalk(m *Match) Result { return Result{Winner: min(m.Players[0], m.Players[1])} }

// randomly: a coin flip per match, with draws allowed in league formats when
// draws is true.
func randomly(r *rand.Rand, draws bool) chooser {
	return func(m *Match) Result {
		if draws && m.Bracket == League && r.IntN(5) == 0 {
			return Result{Winner: None, Draw: true}
		}
		return Result{Winner: m.Players[r.IntN(2)]}
	}
}

// playOut records results until the tournament is finished, pairing Swiss
// rounds as they complete.
func playOut(tb testing.TB, tr *Tournament, pick chooser) {
	tb.Helper()
	for steps := 0; !tr.Finished(); steps++ {
		if steps > 100000 {
			tb.Fatalf("tournament did not finish")
		}
		ready := tr.Ready()
		if len(ready) == 0 {
			if tr.Options.Format != Swiss {
				tb.Fatalf("nothing ready and not finished")
			}
			if _, err := tr.PairNextRound(); err != nil {
				tb.Fatalf("PairNextRound: %v", err)
			}
			continue
		}
		m := tr.match(ready[0])
		if err := tr.Record(m.ID, pick(m)); err != nil {
			tb.Fatalf("Record(%d): %v", m.ID, err)
		}
	}
}

// meetings returns, per player, the opponents met in played matches (byes
// excluded) in match ID order.
func meetings(tr *Tournament) [][]int {
	out := make([][]int, len(tr.Players))
	for _, m := range tr.Matches {
		if m.Status == Done {
			a, b := m.Players[0], m.Players[1]
			out[a] = append(out[a], b)
			out[b] = append(out[b], a)
		}
	}
	return out
}

// pairLabel writes a match's sides as 1-based seeds, "bye" or "?".
func pairLabel(m *Match) string {
	s := func(p int) string {
		switch p {
		case Bye:
			return "bye"
		case None:
			return "?"
		}
		return fmt.Sprint(p + 1)
	}
	return s(m.Players[0]) + "-" + s(m.Players[1])
}

// roundLabels returns the labels of one round of one bracket.
func roundLabels(tr *Tournament, b Bracket, round int) []string {
	var out []string
	for i := range tr.Matches {
		if m := &tr.Matches[i]; m.Bracket == b && m.Round == round {
			out = append(out, pairLabel(m))
		}
	}
	return out
}
