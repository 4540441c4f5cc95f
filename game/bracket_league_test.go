package game

import (
	"slices"
	"testing"

	"github.com/osarena/osarena/netcode"
	"github.com/osarena/osarena/sim/quiz"
)

// A league shows the current round's pairings, and any other round the
// player steps to: a played round stays reachable (to see a result, or for
// the host to correct it), and in a round robin, whose every round is
// ready at once, so do the rounds ahead.
func TestLeagueRounds(t *testing.T) {
	st := testState(netcode.FormatRoundRobin, 3, false) // rounds 1-3, matches 1-2, 3-4, 5-6
	st.Matches[0].Status, st.Matches[1].Status = "bye", "done"
	for i := 2; i < len(st.Matches); i++ {
		st.Matches[i].Status = "ready"
	}
	ids := func(l bracketLayout) []uint16 {
		var got []uint16
		for _, b := range l.boxes {
			got = append(got, b.id)
		}
		return got
	}
	tests := []struct {
		round int
		want  []uint16
		shown int
	}{
		{0, []uint16{3, 4}, 2}, // the current round: the first with a match to play
		{1, []uint16{1, 2}, 1},
		{2, []uint16{3, 4}, 2},
		{3, []uint16{5, 6}, 3},
		{9, []uint16{3, 4}, 2}, // no such round: the current one
	}
	for _, narrow := range []bool{false, true} {
		for _, tt := range tests {
			l := layoutBracket(&st, quiz.English, tt.round, narrow)
			if got := ids(l); !slices.Equal(got, tt.want) || l.round != tt.shown || l.rounds != 3 {
				t.Errorf("layoutBracket(round %d, narrow %v) shows round %d of %d, matches %v; want round %d of 3, matches %v",
					tt.round, narrow, l.round, l.rounds, got, tt.shown, tt.want)
			}
		}
	}
}

// A bracket too big to read when fitted starts at a readable zoom, at its
// top left corner: a phone shows the first round's names, not empty boxes.
func TestBracketStartReadable(t *testing.T) {
	phone := Rect{16, 150, 358, 640}
	for _, tt := range []struct {
		format string
		n      int
	}{{netcode.FormatDouble, 3}, {netcode.FormatSingle, 8}, {netcode.FormatRoundRobin, 8}, {netcode.FormatDouble, 16}} {
		st := testState(tt.format, tt.n, false)
		l := layoutBracket(&st, quiz.English, 0, true)
		var cam camera
		cam.start(l.bounds, phone)
		if q := zoomPx(15, cam.zoom); q < 12 {
			t.Errorf("%s/%d: names start at %v px (zoom %.2f); want 12 px or more", tt.format, tt.n, q, cam.zoom)
		}
		first := cam.toScreen(l.boxes[0].r, phone)
		if first.X < phone.X || first.Y < phone.Y || first.Right() > phone.Right() || first.Bottom() > phone.Bottom() {
			t.Errorf("%s/%d: the first match's box starts at %+v, not inside the view %+v", tt.format, tt.n, first, phone)
		}
	}
	// A bracket that fits readably is fitted whole.
	st := testState(netcode.FormatSingle, 4, false)
	l := layoutBracket(&st, quiz.English, 0, false)
	var a, b camera
	a.start(l.bounds, Rect{28, 120, 1224, 560})
	b.fit(l.bounds, Rect{28, 120, 1224, 560})
	if a != b {
		t.Errorf("a four-player bracket on a desktop starts at %+v; want the fit %+v", a, b)
	}
}

// A league's standings table fits across a phone's view at the zoom the
// view starts at, and its title and place column are told apart.
func TestStandingsFitPhone(t *testing.T) {
	for _, w := range []float64{360, 390, 412} {
		for _, format := range []string{netcode.FormatRoundRobin, netcode.FormatSwiss} {
			st := testState(format, 8, false)
			l := layoutBracket(&st, quiz.Korean, 0, true)
			view := Rect{16, 90, w - 32, 844 - 90 - 16} // tourScene.layoutBracket on a phone
			var cam camera
			cam.start(l.bounds, view)
			r := cam.toScreen(l.table, view)
			if r.X < view.X || r.Right() > view.Right() || cam.zoom < readZoom {
				t.Errorf("%s on a %.0f-wide phone: the table is drawn at x %.1f–%.1f (zoom %.2f); want inside the view's %.1f–%.1f at zoom %.1f or more",
					format, w, r.X, r.Right(), cam.zoom, view.X, view.Right(), readZoom)
			}
		}
	}
	for _, lang := range []quiz.Lang{quiz.English, quiz.Korean} {
		if msgStandings.in(lang) == msgPlace.in(lang) {
			t.Errorf("the standings' title and place column are both %q", msgPlace.in(lang))
		}
	}
}
