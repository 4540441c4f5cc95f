package game

import (
	"github.com/osarena/osarena/netcode"
	"github.com/osarena/osarena/sim/quiz"
)

// The names of a tournament's rounds. A single-elimination bracket ends in
// the final, so its last rounds are the final, the semi-finals, the
// quarter-finals and the round of 16. A double-elimination bracket ends in
// the grand final, so its winners' bracket ends in the winners' final and
// its losers' bracket in the losers' final; calling either "the final"
// would be wrong.
var (
	msgFinal           = msg{"Final", "결승"}
	msgSemiFinals      = msg{"Semi-finals", "준결승"}
	msgQuarterFinals   = msg{"Quarter-finals", "8강"}
	msgRoundOf16       = msg{"Round of 16", "16강"}
	msgRoundN          = msg{"Round %d", "%d라운드"}
	msgWinnersFinal    = msg{"Winners' final", "승자조 결승"}
	msgWinnersSemis    = msg{"Winners' semi-finals", "승자조 준결승"}
	msgWinnersRound    = msg{"Winners' round %d", "승자조 %d라운드"}
	msgLosersFinal     = msg{"Losers' final", "패자조 결승"}
	msgLosersRound     = msg{"Losers' round %d", "패자조 %d라운드"}
	msgGrandFinal      = msg{"Grand final", "최종 결승"}
	msgGrandFinalReset = msg{"Grand final reset", "최종 결승 재대결"}
	msgThirdPlace      = msg{"Third place", "3·4위전"}
)

// roundName names round r (1-based) of bracket in a tournament of format,
// where that bracket has n rounds in all.
func roundName(format, bracket string, r, n int, lang quiz.Lang) string {
	switch bracket {
	case "winners":
		if format == netcode.FormatDouble {
			switch n - r {
			case 0:
				return msgWinnersFinal.in(lang)
			case 1:
				return msgWinnersSemis.in(lang)
			}
			return msgWinnersRound.f(lang, r)
		}
		switch n - r {
		case 0:
			return msgFinal.in(lang)
		case 1:
			return msgSemiFinals.in(lang)
		case 2:
			return msgQuarterFinals.in(lang)
		case 3:
			return msgRoundOf16.in(lang)
		}
	case "losers":
		if r == n {
			return msgLosersFinal.in(lang)
		}
		return msgLosersRound.f(lang, r)
	case "grand_final":
		if r > 1 {
			return msgGrandFinalReset.in(lang)
		}
		return msgGrandFinal.in(lang)
	case "third_place":
		return msgThirdPlace.in(lang)
	}
	return msgRoundN.f(lang, r)
}

// bracketRounds is how many rounds bracket has among ms.
func bracketRounds(ms []netcode.BracketMatch, bracket string) int {
	n := 0
	for _, m := range ms {
		if m.Bracket == bracket {
			n = max(n, int(m.Round))
		}
	}
	return n
}

// matchRoundName names a match's round: "Semi-finals", "Winners' final",
// "Losers' round 2", "Grand final", "Round 3".
func matchRoundName(bm *netcode.BracketMatch, st *netcode.TournamentState, lang quiz.Lang) string {
	return roundName(st.Format, bm.Bracket, int(bm.Round), bracketRounds(st.Matches, bm.Bracket), lang)
}
