package game

import (
	"testing"

	"github.com/osarena/osarena/netcode"
	"github.com/osarena/osarena/sim/quiz"
)

// The model finds this player by the registered nickname (any case), their
// ready match, and says each match's status in words.
func TestTourModel(t *testing.T) {
	m := tourModel{saved: savedTour{Code: "ABCDEF", Nick: "bob"}}
	m.apply(&netcode.TournamentState{Code: "ABCDEF", Phase: netcode.TourRunning, Champion: -1,
		Entrants: []netcode.Entrant{{ID: 7, Nickname: "하늘", Seed: 1}, {ID: 8, Nickname: "Ada", Seed: 2}, {ID: 9, Nickname: "Bob", Seed: 3}},
		Matches: []netcode.BracketMatch{
			{ID: 1, Bracket: "winners", Round: 1, Players: []int16{0, -2}, Status: "bye", Winner: -1},
			{ID: 2, Bracket: "winners", Round: 1, Players: []int16{1, 2}, Status: "ready", Winner: -1, Room: "QWERTY"},
			{ID: 3, Bracket: "winners", Round: 2, Players: []int16{0, -1}, Status: "pending", Winner: -1},
			{ID: 4, Bracket: "winners", Round: 1, Players: []int16{1, 2}, Status: "done", Winner: 1, Walkover: true},
			{ID: 5, Bracket: "league", Round: 3, Players: []int16{1, 2}, Status: "done", Winner: -1, Draw: true},
		}})
	if got := m.me(); got != 2 {
		t.Errorf("me() = %d; want 2 (Bob, registered as bob)", got)
	}
	if got := m.myReady(); got == nil || got.ID != 2 {
		t.Errorf("myReady() = %+v; want match 2", got)
	}
	tests := []struct {
		id   uint16
		want string
	}{
		{1, "하늘 goes through on a bye"},
		{2, "Being played now"},
		{3, "Waiting for earlier matches"},
		{4, "Ada won by walkover"},
		{5, "A draw"},
	}
	for _, tt := range tests {
		if got := matchStatus(&m, m.match(tt.id), quiz.English); got != tt.want {
			t.Errorf("matchStatus(match %d) = %q; want %q", tt.id, got, tt.want)
		}
	}
	if got := matchRoundName(m.match(3), &m.st, quiz.Korean); got != "결승" {
		t.Errorf("matchRoundName(final) = %q; want 결승", got)
	}
	watcher := tourModel{saved: savedTour{Code: "ABCDEF"}, st: m.st}
	if got := watcher.me(); got != -1 {
		t.Errorf("a watcher's me() = %d; want -1", got)
	}
}

// byHost tells a result the host corrected from one its scores gave.
func TestByHost(t *testing.T) {
	done := func(bracket string, winner int16, draw bool, scores []int32, times []int64) netcode.BracketMatch {
		return netcode.BracketMatch{Bracket: bracket, Status: "done", Players: []int16{2, 1}, Winner: winner, Draw: draw,
			Scores: scores, TimesMs: times}
	}
	tests := []struct {
		name string
		bm   netcode.BracketMatch
		want bool
	}{
		{"higher score won", done("winners", 2, false, []int32{900, 0}, []int64{9000, 30000}), false},
		{"lower score won", done("winners", 1, false, []int32{900, 0}, []int64{9000, 30000}), true},
		{"faster won a tie", done("winners", 1, false, []int32{500, 500}, []int64{12000, 8000}), false},
		{"slower won a tie", done("winners", 2, false, []int32{500, 500}, []int64{12000, 8000}), true},
		{"full tie to the higher seed", done("winners", 1, false, []int32{0, 0}, []int64{30000, 30000}), false},
		{"full tie to the lower seed", done("winners", 2, false, []int32{0, 0}, []int64{30000, 30000}), true},
		{"league full tie drawn", done("league", -1, true, []int32{0, 0}, []int64{30000, 30000}), false},
		{"league full tie given", done("league", 1, false, []int32{0, 0}, []int64{30000, 30000}), true},
		{"no scores", done("winners", 1, false, nil, nil), false},
		{"walkover", func() netcode.BracketMatch {
			bm := done("winners", 1, false, []int32{300, 0}, []int64{9000, 0})
			bm.Walkover = true
			return bm
		}(), false},
		{"not played yet", func() netcode.BracketMatch {
			bm := done("winners", -1, false, []int32{300, 0}, []int64{9000, 0})
			bm.Status = "ready"
			return bm
		}(), false},
	}
	for _, tt := range tests {
		if got := byHost(&tt.bm); got != tt.want {
			t.Errorf("byHost(%s: %+v) = %v; want %v", tt.name, tt.bm, got, tt.want)
		}
	}
}
