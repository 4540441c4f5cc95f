package game

import (
	"fmt"
	"slices"
	"testing"

	"github.com/osarena/osarena/netcode"
	"github.com/osarena/osarena/sim/quiz"
)

// testBracket builds the matches server/tournament makes for n entrants in
// format (the same Bracket/Round/Slot shapes; players left unknown), so the
// layout can be checked without importing the server.
func testBracket(format string, n int, third bool) []netcode.BracketMatch {
	var ms []netcode.BracketMatch
	add := func(b string, round, slot int) {
		ms = append(ms, netcode.BracketMatch{ID: uint16(len(ms) + 1), Bracket: b, Round: uint8(round), Slot: uint16(slot),
			Players: []int16{-1, -1}, Status: "pending", Winner: -1})
	}
	k := 0
	for 1<<k < n {
		k++
	}
	size := 1 << k
	switch format {
	case netcode.FormatSingle, netcode.FormatDouble:
		for r := 1; r <= k; r++ {
			for i := 0; i < size>>r; i++ {
				add("winners", r, i)
			}
		}
		if format == netcode.FormatSingle {
			if third && k >= 2 {
				add("third_place", 1, 0)
			}
			break
		}
		if k >= 2 {
			for i := 0; i < size/4; i++ {
				add("losers", 1, i)
			}
			for j := 1; j <= k-1; j++ {
				m := size >> (j + 1)
				for i := 0; i < m; i++ {
					add("losers", 2*j, i)
				}
				if j < k-1 {
					for i := 0; i < m/2; i++ {
						add("losers", 2*j+1, i)
					}
				}
			}
		}
		add("grand_final", 1, 0)
		add("grand_final", 2, 0)
	case netcode.FormatRoundRobin:
		m := n + n%2
		for r := 1; r < m; r++ {
			for i := 0; i < m/2; i++ {
				add("league", r, i)
			}
		}
	case netcode.FormatSwiss:
		for i := 0; i < (n+1)/2; i++ {
			add("league", 1, i)
		}
	}
	return ms
}

func testState(format string, n int, third bool) netcode.TournamentState {
	st := netcode.TournamentState{Format: format, Phase: netcode.TourRunning, Champion: -1, Matches: testBracket(format, n, third)}
	for i := range n {
		st.Entrants = append(st.Entrants, netcode.Entrant{ID: int64(i + 1), Nickname: fmt.Sprintf("p%d", i), Seed: uint16(i + 1)})
		if format == netcode.FormatRoundRobin || format == netcode.FormatSwiss {
			st.Standings = append(st.Standings, netcode.Standing{Entrant: int16(i), Place: uint16(i + 1)})
		}
	}
	return st
}

func overlaps(a, b Rect) bool {
	return a.X < b.Right() && b.X < a.Right() && a.Y < b.Bottom() && b.Y < a.Bottom()
}

// Every match has one box; no two boxes (with their status badges), no
// header and no box, and no two headers overlap; and at the initial zoom
// the whole picture is inside the view, on a desktop and on a phone, for
// every format and 2 to 64 entrants.
func TestBracketLayout(t *testing.T) {
	views := []Rect{{28, 120, 1224, 560}, {16, 150, 358, 640}}
	for _, format := range []string{netcode.FormatSingle, netcode.FormatDouble, netcode.FormatRoundRobin, netcode.FormatSwiss} {
		for n := 2; n <= 64; n++ {
			for _, third := range []bool{false, true} {
				if third && format != netcode.FormatSingle {
					continue
				}
				name := fmt.Sprintf("%s/%d/third=%v", format, n, third)
				st := testState(format, n, third)
				for _, v := range views {
					checkLayout(t, fmt.Sprintf("%s/%.0fpx", name, v.W), &st, v)
				}
			}
		}
	}
}

// checkLayout lays st out for view v (narrow when v is a phone's) and checks
// the boxes, headers and table; at the first fit all of them are inside the
// view, above its buttons.
func checkLayout(t *testing.T, name string, st *netcode.TournamentState, v Rect) {
	t.Helper()
	format, n := st.Format, len(st.Entrants)
	l := layoutBracket(st, quiz.English, 0, v.W < 600)
	want := len(st.Matches)
	if format == netcode.FormatRoundRobin {
		want = (n + n%2) / 2 // one round's pairings
	}
	if len(l.boxes) != want {
		t.Fatalf("%s: %d boxes; want %d", name, len(l.boxes), want)
	}
	var rs []Rect
	for _, b := range l.boxes {
		rs = append(rs, Rect{b.r.X, b.r.Y - boxBadge, b.r.W, b.r.H + boxBadge})
	}
	for _, h := range l.heads {
		rs = append(rs, h.rect())
	}
	if l.table.H > 0 {
		rs = append(rs, l.table)
	}
	for i := range rs {
		for j := i + 1; j < len(rs); j++ {
			if overlaps(rs[i], rs[j]) {
				t.Fatalf("%s: %+v overlaps %+v", name, rs[i], rs[j])
			}
		}
	}
	var cam camera
	cam.fit(l.bounds, v)
	for _, r := range rs {
		s := cam.toScreen(r, v)
		if s.X < v.X-0.01 || s.Y < v.Y-0.01 || s.Right() > v.Right()+0.01 || s.Bottom() > v.Bottom()-zoomBar+0.01 {
			t.Fatalf("%s: fitted at zoom %.3f, %+v is drawn at %+v, outside the view %+v above its buttons", name, cam.zoom, r, s, v)
		}
	}
}

// Each link joins two boxes, left to right.
func TestBracketLinks(t *testing.T) {
	for _, n := range []int{2, 3, 5, 8, 13, 32} {
		for _, format := range []string{netcode.FormatSingle, netcode.FormatDouble} {
			st := testState(format, n, true && format == netcode.FormatSingle)
			l := layoutBracket(&st, quiz.English, 0, false)
			for _, k := range l.links {
				a, okA := l.box(k.from)
				b, okB := l.box(k.to)
				if !okA || !okB || a.Right() >= b.X {
					t.Errorf("%s/%d: link %d→%d joins %+v and %+v; want two boxes, the first left of the second", format, n, k.from, k.to, a, b)
				}
			}
		}
	}
}

// The viewing player's path is every match they play or played, whatever
// the bracket: for a player who loses into the losers' bracket, it follows
// them there.
func TestOwnPath(t *testing.T) {
	m := func(id uint16, b string, p0, p1 int16, status string) netcode.BracketMatch {
		return netcode.BracketMatch{ID: id, Bracket: b, Players: []int16{p0, p1}, Status: status, Winner: -1}
	}
	ms := []netcode.BracketMatch{
		m(1, "winners", 0, 3, "done"),
		m(2, "winners", 1, 2, "done"),
		m(3, "winners", 0, 1, "done"),
		m(4, "losers", 3, 2, "done"),
		m(5, "losers", 1, 3, "ready"),
		m(6, "grand_final", 0, -1, "pending"),
		m(7, "grand_final", -1, 0, "void"),
	}
	tests := []struct {
		me   int
		want []uint16
	}{
		{0, []uint16{1, 3, 6}},
		{1, []uint16{2, 3, 5}},
		{3, []uint16{1, 4, 5}},
		{2, []uint16{2, 4}},
		{-1, nil},
		{9, nil},
	}
	for _, tt := range tests {
		if got := ownPath(ms, tt.me); !slices.Equal(got, tt.want) {
			t.Errorf("ownPath(me=%d) = %v; want %v", tt.me, got, tt.want)
		}
	}
}

// The camera keeps the point under the pointer in place when it zooms, and
// zooms no further than its limits.
func TestCameraZoomAt(t *testing.T) {
	v := Rect{0, 0, 800, 600}
	var cam camera
	cam.fit(Rect{0, 0, 1600, 1200}, v)
	if want := (600 - viewPad - zoomBar) / 1200; cam.zoom != want { // the height limits, with room for the buttons
		t.Fatalf("fit zoom = %v; want %v", cam.zoom, want)
	}
	wx, wy := cam.toWorld(300, 200, v)
	cam.zoomAt(2, 300, 200, v)
	gx, gy := cam.toWorld(300, 200, v)
	if d := (gx-wx)*(gx-wx) + (gy-wy)*(gy-wy); d > 1e-9 {
		t.Errorf("after zooming at (300,200) the world point there moved from (%v,%v) to (%v,%v)", wx, wy, gx, gy)
	}
	for range 20 {
		cam.zoomAt(2, 300, 200, v)
	}
	if cam.zoom != maxZoom {
		t.Errorf("zoom after many steps in = %v; want the limit %v", cam.zoom, maxZoom)
	}
	for range 40 {
		cam.zoomAt(0.5, 300, 200, v)
	}
	if cam.zoom != cam.min {
		t.Errorf("zoom after many steps out = %v; want the limit %v", cam.zoom, cam.min)
	}
}
