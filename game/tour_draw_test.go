package game

import (
	"strings"
	"testing"

	"github.com/osarena/osarena/assets/fonts"
	"github.com/osarena/osarena/sim/quiz"
)

// TestBannerLines wraps the "your match is ready" banner for the room a
// 390-pixel phone leaves it (and a wide screen): every word shown, no
// line wider than the room, and at most two lines.
func TestBannerLines(t *testing.T) {
	txt, err := NewText(fonts.TTF)
	if err != nil {
		t.Fatal(err)
	}
	phone := 390 - 2*16 - bannerButtonW - bannerPad*3 // a.column on a 390-wide screen
	tests := []struct {
		lang  quiz.Lang
		other string
		w     float64
		lines int
	}{
		{quiz.Korean, "하늘", phone, 2},
		{quiz.Korean, "김민준", phone, 2},
		{quiz.English, "Bob", phone, 2},
		{quiz.Korean, "하늘", 1180 - bannerButtonW - bannerPad*3, 1},
		{quiz.English, "Bob", 1180 - bannerButtonW - bannerPad*3, 1},
	}
	for _, tt := range tests {
		s := msgYourMatchReady.f(tt.lang, tt.other)
		got := bannerLines(txt, s, tt.w)
		if len(got) != tt.lines {
			t.Errorf("bannerLines(%q, %.0f) = %q; want %d lines", s, tt.w, got, tt.lines)
		}
		if joined := strings.Join(got, " "); joined != s {
			t.Errorf("bannerLines(%q, %.0f) = %q; want every word of it", s, tt.w, got)
		}
		for _, l := range got {
			if w := txt.Width(l, 17); w > tt.w {
				t.Errorf("bannerLines(%q, %.0f): line %q is %.0f wide", s, tt.w, l, w)
			}
		}
	}
}
