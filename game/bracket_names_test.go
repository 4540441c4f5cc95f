package game

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/osarena/osarena/netcode"
	"github.com/osarena/osarena/sim/quiz"
)

// TestRoundNames names every round of brackets of each format and size,
// as the match panel and the bracket's column headers show them.
func TestRoundNames(t *testing.T) {
	type name struct {
		bracket string
		round   int
		en, ko  string
	}
	tests := []struct {
		format string
		n      int
		third  bool
		want   []name
	}{
		{netcode.FormatSingle, 2, false, []name{{"winners", 1, "Final", "결승"}}},
		{netcode.FormatSingle, 4, true, []name{
			{"winners", 1, "Semi-finals", "준결승"}, {"winners", 2, "Final", "결승"}, {"third_place", 1, "Third place", "3·4위전"}}},
		{netcode.FormatSingle, 7, false, []name{
			{"winners", 1, "Quarter-finals", "8강"}, {"winners", 2, "Semi-finals", "준결승"}, {"winners", 3, "Final", "결승"}}},
		{netcode.FormatSingle, 16, false, []name{{"winners", 1, "Round of 16", "16강"}, {"winners", 2, "Quarter-finals", "8강"}}},
		{netcode.FormatSingle, 32, false, []name{{"winners", 1, "Round 1", "1라운드"}, {"winners", 2, "Round of 16", "16강"}}},
		{netcode.FormatDouble, 3, false, []name{
			{"winners", 1, "Winners' semi-finals", "승자조 준결승"}, {"winners", 2, "Winners' final", "승자조 결승"},
			{"losers", 1, "Losers' round 1", "패자조 1라운드"}, {"losers", 2, "Losers' final", "패자조 결승"},
			{"grand_final", 1, "Grand final", "최종 결승"}, {"grand_final", 2, "Grand final reset", "최종 결승 재대결"}}},
		{netcode.FormatDouble, 8, false, []name{
			{"winners", 1, "Winners' round 1", "승자조 1라운드"}, {"winners", 2, "Winners' semi-finals", "승자조 준결승"},
			{"winners", 3, "Winners' final", "승자조 결승"},
			{"losers", 1, "Losers' round 1", "패자조 1라운드"}, {"losers", 3, "Losers' round 3", "패자조 3라운드"},
			{"losers", 4, "Losers' final", "패자조 결승"},
			{"grand_final", 1, "Grand final", "최종 결승"}, {"grand_final", 2, "Grand final reset", "최종 결승 재대결"}}},
		{netcode.FormatDouble, 16, false, []name{
			{"winners", 2, "Winners' round 2", "승자조 2라운드"}, {"winners", 4, "Winners' final", "승자조 결승"},
			{"losers", 5, "Losers' round 5", "패자조 5라운드"}, {"losers", 6, "Losers' final", "패자조 결승"}}},
		{netcode.FormatRoundRobin, 4, false, []name{{"league", 1, "Round 1", "1라운드"}, {"league", 3, "Round 3", "3라운드"}}},
		{netcode.FormatSwiss, 5, false, []name{{"league", 1, "Round 1", "1라운드"}}},
	}
	for _, tt := range tests {
		st := testState(tt.format, tt.n, tt.third)
		for _, w := range tt.want {
			bm := findRound(st.Matches, w.bracket, w.round)
			if bm == nil {
				t.Errorf("%s n=%d: no match in %s round %d", tt.format, tt.n, w.bracket, w.round)
				continue
			}
			if got := matchRoundName(bm, &st, quiz.English); got != w.en {
				t.Errorf("%s n=%d: matchRoundName(%s round %d, English) = %q; want %q", tt.format, tt.n, w.bracket, w.round, got, w.en)
			}
			if got := matchRoundName(bm, &st, quiz.Korean); got != w.ko {
				t.Errorf("%s n=%d: matchRoundName(%s round %d, Korean) = %q; want %q", tt.format, tt.n, w.bracket, w.round, got, w.ko)
			}
		}
	}
}

// TestDoubleHeads checks the column headers of double-elimination
// brackets: every round named as its matches are, and none called the
// final or the semi-finals, which come before a grand final.
func TestDoubleHeads(t *testing.T) {
	for _, n := range []int{3, 4, 6, 8, 16} {
		for _, lang := range []quiz.Lang{quiz.English, quiz.Korean} {
			st := testState(netcode.FormatDouble, n, false)
			l := layoutBracket(&st, lang, 0, false)
			heads := map[string]bool{}
			for _, h := range l.heads {
				heads[h.label] = true
				if h.label == msgFinal.in(lang) || h.label == msgSemiFinals.in(lang) {
					t.Errorf("double n=%d (%v): a column is headed %q", n, lang, h.label)
				}
			}
			for i := range st.Matches {
				bm := &st.Matches[i]
				if name := matchRoundName(bm, &st, lang); !heads[name] {
					t.Errorf("double n=%d (%v): match %d's round %q heads no column (heads %s)", n, lang, bm.ID, name, strings.Join(keys(heads), ", "))
				}
			}
		}
	}
}

func findRound(ms []netcode.BracketMatch, bracket string, round int) *netcode.BracketMatch {
	for i := range ms {
		if ms[i].Bracket == bracket && int(ms[i].Round) == round {
			return &ms[i]
		}
	}
	return nil
}

// keys lists m's keys, quoted and sorted.
func keys(m map[string]bool) []string {
	var out []string
	for _, k := range slices.Sorted(maps.Keys(m)) {
		out = append(out, fmt.Sprintf("%q", k))
	}
	return out
}
