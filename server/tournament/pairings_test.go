package tournament

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Tables of expected pairings: for every n in 2..64 and every format, the
// whole tournament played out under a fixed rule for results, written as
// one line per match (round: seed vs seed, the result, and where each side
// came from) in testdata/pairings/<variant>/nNN.txt. go test -update
// writes them; the test checks every file against the generator, so a
// change to seeding, byes, the losers' bracket or Swiss pairing shows up as
// a diff of readable tables. The property tests (byes, opponents, rematches,
// drop order) check the same brackets by rule.

// pairingVariant is one format and one rule for results.
type pairingVariant struct {
	dir  string
	opts Options
	rule string // the results' rule, in words
	pick chooser
}

// underdog: the lower seed (higher number) always wins.
func underdog(m *Match) Result { return Result{Winner: max(m.Players[0], m.Players[1])} }

const (
	chalkRule    = "every match is won by the higher seed (the lower number)"
	underdogRule = "every match is won by the lower seed (the higher number)"
)

var pairingVariants = []pairingVariant{
	{"single", Options{Format: SingleElimination}, chalkRule, chalk},
	{"single_third", Options{Format: SingleElimination, ThirdPlace: true}, chalkRule, chalk},
	{"double", Options{Format: DoubleElimination}, chalkRule, chalk},
	{"double_underdog", Options{Format: DoubleElimination}, underdogRule, underdog},
	{"roundrobin", Options{Format: RoundRobin}, chalkRule, chalk},
	{"swiss", Options{Format: Swiss}, chalkRule, chalk},
	{"swiss_underdog", Options{Format: Swiss}, underdogRule, underdog},
}

func TestPairingTables(t *testing.T) {
	for _, v := range pairingVariants {
		dir := filepath.Join("testdata", "pairings", v.dir)
		if *update {
			if err := os.MkdirAll(dir, 0o755); err != nil {
				t.Fatal(err)
			}
		}
		for n := 2; n <= 64; n++ {
			tr := mustNew(t, v.opts, n)
			playOut(t, tr, v.pick)
			got := pairingTable(tr, v.rule)
			path := filepath.Join(dir, fmt.Sprintf("n%02d.txt", n))
			if *update {
				if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				continue
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%s: %v (run go test -update)", path, err)
			}
			if got != string(want) {
				t.Errorf("%s n=%d: pairings differ from %s; got:\n%s", v.dir, n, path, got)
			}
		}
	}
}

var formatTitles = map[Format]string{
	SingleElimination: "Single elimination",
	DoubleElimination: "Double elimination",
	RoundRobin:        "Round robin",
	Swiss:             "Swiss",
}

var bracketTitles = map[Bracket]string{
	Winners:    "Winners' round %d",
	Losers:     "Losers' round %d",
	GrandFinal: "Grand final %d",
	ThirdPlace: "Third-place match",
	League:     "Round %d",
}

// pairingTable writes a played-out tournament as a table of pairings.
func pairingTable(tr *Tournament, rule string) string {
	var b strings.Builder
	n := len(tr.Players)
	fmt.Fprintf(&b, "# %s", formatTitles[tr.Options.Format])
	if tr.Options.ThirdPlace {
		b.WriteString(" with a third-place match")
	}
	fmt.Fprintf(&b, ", %d players (seeds 1-%d)", n, n)
	switch tr.Options.Format {
	case SingleElimination, DoubleElimination:
		size, _ := bracketSize(n)
		fmt.Fprintf(&b, ", a bracket of %d; round-one byes: %s", size, seedList(roundOneByes(tr)))
	case Swiss:
		fmt.Fprintf(&b, ", %d rounds", tr.SwissRounds)
	}
	fmt.Fprintf(&b, ".\n# Results: %s.\n", rule)
	switch tr.Options.Format {
	case RoundRobin:
		b.WriteString("# match: seed vs seed\n")
	case Swiss:
		b.WriteString("# match: seed vs seed, result\n")
	default:
		b.WriteString("# match: seed vs seed, result, where the sides come from (sN: seed N)\n")
	}
	var last *Match
	for i := range tr.Matches {
		m := &tr.Matches[i]
		if last == nil || last.Bracket != m.Bracket || last.Round != m.Round {
			title := bracketTitles[m.Bracket]
			if strings.Contains(title, "%d") {
				title = fmt.Sprintf(title, m.Round)
			}
			fmt.Fprintf(&b, "\n%s\n", title)
		}
		last = m
		switch tr.Options.Format {
		case RoundRobin: // the pairings do not depend on results
			fmt.Fprintf(&b, "  %-6s %s\n", matchRef(tr, m.ID), pairingLabel(m))
		case Swiss:
			fmt.Fprintf(&b, "  %-6s %-11s %s\n", matchRef(tr, m.ID), pairingLabel(m), resultLabel(m))
		default:
			fmt.Fprintf(&b, "  %-6s %-11s %-13s %s v %s\n", matchRef(tr, m.ID), pairingLabel(m), resultLabel(m),
				sourceLabel(tr, m.From[0]), sourceLabel(tr, m.From[1]))
		}
	}
	b.WriteString("\n")
	if p, ok := tr.Champion(); ok {
		fmt.Fprintf(&b, "Champion: %d\n", p+1)
	}
	if tr.Options.Format == Swiss || tr.Options.Format == RoundRobin {
		b.WriteString("Standings (place. seed score, Buchholz, Sonneborn-Berger):\n")
		for _, s := range tr.Standings() {
			fmt.Fprintf(&b, "  %2d. %2d  %4v %6v %6v\n", s.Place, s.Player+1, s.Score, s.Buchholz, s.SonnebornBerger)
		}
	}
	return b.String()
}

// matchRef names a match as sourceLabel does: W2.1 is slot 1 of winners'
// round 2.
func matchRef(tr *Tournament, id int) string { return sourceLabel(tr, winnerOf(id)) }

// pairingLabel is "3 vs 6", with "bye" for an empty side and "-" for a
// void match.
func pairingLabel(m *Match) string {
	if m.Status == Void {
		return "-"
	}
	s := func(p int) string {
		switch p {
		case Bye:
			return "bye"
		case None:
			return "?"
		}
		return fmt.Sprint(p + 1)
	}
	return s(m.Players[0]) + " vs " + s(m.Players[1])
}

func resultLabel(m *Match) string {
	switch m.Status {
	case ByeWin:
		return fmt.Sprintf("%d on a bye", m.Result.Winner+1)
	case Void:
		return "not played"
	case Done:
		if m.Result.Draw {
			return "draw"
		}
		return fmt.Sprintf("%d wins", m.Result.Winner+1)
	}
	return string(m.Status)
}

// roundOneByes returns the seeds (0-based) that have a bye in winners'
// round one, in seed order.
func roundOneByes(tr *Tournament) []int {
	has := make([]bool, len(tr.Players))
	for _, m := range tr.Matches {
		if m.Bracket == Winners && m.Round == 1 && m.Status == ByeWin {
			has[m.Result.Winner] = true
		}
	}
	var out []int
	for p, ok := range has {
		if ok {
			out = append(out, p)
		}
	}
	return out
}

// seedList writes 0-based seeds as "none", "1", or "1-5" when they run on.
func seedList(ps []int) string {
	switch {
	case len(ps) == 0:
		return "none"
	case len(ps) == 1:
		return fmt.Sprint(ps[0] + 1)
	case ps[len(ps)-1]-ps[0] == len(ps)-1:
		return fmt.Sprintf("%d-%d", ps[0]+1, ps[len(ps)-1]+1)
	}
	var s []string
	for _, p := range ps {
		s = append(s, fmt.Sprint(p+1))
	}
	return strings.Join(s, ", ")
}

// Swiss plays ⌈log2 n⌉ rounds unless told otherwise: the resolved count,
// and the rounds actually paired once the tournament is played out.
func TestSwissDefaultRounds(t *testing.T) {
	want := map[int]int{2: 1, 3: 2, 4: 2, 5: 3, 8: 3, 9: 4, 16: 4, 17: 5, 31: 5, 32: 5, 33: 6, 63: 6, 64: 6}
	for n := 2; n <= 64; n++ {
		w, ok := want[n]
		if !ok {
			for w = 0; 1<<w < n; w++ {
			}
		}
		tr := mustNew(t, Options{Format: Swiss}, n)
		if tr.SwissRounds != w {
			t.Errorf("New(Swiss, %d players).SwissRounds = %d; want %d", n, tr.SwissRounds, w)
		}
		playOut(t, tr, chalk)
		if got := tr.Matches[len(tr.Matches)-1].Round; got != w {
			t.Errorf("Swiss with %d players played %d rounds; want %d", n, got, w)
		}
	}
}
