package game

import (
	"strings"
	"testing"

	"github.com/osarena/osarena/netcode"
	"github.com/osarena/osarena/sim/quiz"
)

// The end of an async duel says what happened, from the bracket: a side
// played alone waits for the opponent (no podium, no rank), and once both
// have played it says who won.
func TestDuelOutcome(t *testing.T) {
	m := tourModel{saved: savedTour{Code: "ABCDEF", Nick: "Bob"}, st: netcode.TournamentState{Format: netcode.FormatDouble, Async: true,
		Entrants: []netcode.Entrant{{ID: 1, Nickname: "Ada"}, {ID: 2, Nickname: "Bob"}, {ID: 3, Nickname: "하늘"}}}}
	mine := netcode.Summary{Nickname: "Bob", Score: 0, Correct: 0, Answered: 3, AvgMs: 4000}
	match := func(status string, winner int16, scores []int32, times []int64) *netcode.BracketMatch {
		return &netcode.BracketMatch{ID: 4, Bracket: "winners", Round: 1, Players: []int16{1, 2}, Status: status, Winner: winner,
			Scores: scores, TimesMs: times}
	}
	tests := []struct {
		name       string
		bm         *netcode.BracketMatch
		title      string
		tone       int
		theyPlayed bool
		mine       string // my side's detail line
	}{
		{"alone", match("ready", -1, []int32{0, 0}, []int64{16000, 0}), "Waiting for 하늘", 0, false, "0/3 correct · 16.0 s"},
		{"state not in yet", match("ready", -1, nil, nil), "Waiting for 하늘", 0, false, "0/3 correct · 12.0 s"},
		{"they won", match("done", 2, []int32{0, 950}, []int64{16000, 7000}), "하늘 won", -1, true, "0/3 correct · 16.0 s"},
		{"I won", match("done", 1, []int32{0, 0}, []int64{16000, 30000}), "You won", 1, true, "0/3 correct · 16.0 s"},
		{"unknown match", nil, "Your duel is over", 0, false, "0/3 correct · 12.0 s"},
	}
	for _, tt := range tests {
		o := duelOutcomeOf(&m, tt.bm, mine, 3, quiz.English)
		if o.title != tt.title || o.tone != tt.tone || o.sides[1].played != tt.theyPlayed {
			t.Errorf("%s: duelOutcomeOf = %q (tone %d, opponent played %v); want %q (tone %d, opponent played %v)",
				tt.name, o.title, o.tone, o.sides[1].played, tt.title, tt.tone, tt.theyPlayed)
		}
		if got := o.sides[0].detail(3, quiz.English); got != tt.mine {
			t.Errorf("%s: my line = %q; want %q", tt.name, got, tt.mine)
		}
		if o.note == "" {
			t.Errorf("%s: no words under the headline", tt.name)
		}
	}
	o := duelOutcomeOf(&m, match("ready", -1, []int32{0, 0}, []int64{16000, 0}), mine, 3, quiz.Korean)
	if want := "하늘 님이 같은 문제를 풀고 나면"; !strings.Contains(o.note, want) {
		t.Errorf("Korean, alone: note %q; want it to say %q", o.note, want)
	}
	if got := o.sides[1].detail(3, quiz.Korean); got != "아직 경기하지 않음" {
		t.Errorf("Korean, alone: the opponent's line = %q; want 아직 경기하지 않음", got)
	}
}
