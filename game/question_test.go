package game

import (
	"testing"

	"github.com/osarena/osarena/assets/fonts"
	"github.com/osarena/osarena/sim/quiz"
)

// TestQuestionFitsAPhone lays every family's questions out on a 390×844
// phone in Korean: the answer controls must all be on the screen (the
// picture gives way: it scrolls), and nothing may panic.
func TestQuestionFitsAPhone(t *testing.T) {
	txt, err := NewText(fonts.TTF)
	if err != nil {
		t.Fatal(err)
	}
	a := &app{w: 390, h: 844, scale: 3, txt: txt}
	a.saved.Settings.Lang = quiz.Korean
	area := Rect{16, 86, 358, 844 - 86 - 12}
	for _, fam := range quiz.Families() {
		for d := 1; d <= 3; d++ {
			qs, err := quiz.Chain(fam, 42, d, 3)
			if err != nil {
				t.Fatalf("quiz.Chain(%s, d%d): %v", fam, d, err)
			}
			for i, qq := range qs {
				q, err := newQuestion(specOf(qq))
				if err != nil {
					t.Fatalf("%s d%d #%d: %v", fam, d, i, err)
				}
				for range 2 { // the second frame sees the scroll the first one set
					q.update(a, area, play{Step: qq.Step, Open: true})
				}
				var rs []Rect
				for _, b := range q.keys {
					rs = append(rs, b.r)
				}
				for _, b := range q.choices {
					rs = append(rs, b.r)
				}
				rs = append(rs, q.slotBox...)
				if q.submit.name != "" {
					rs = append(rs, q.submit.r)
				}
				for _, r := range rs {
					if r.X < 0 || r.Right() > a.w+0.5 || r.Bottom() > a.h {
						t.Errorf("%s d%d #%d: a control %+v is off the 390×844 screen", fam, d, i, r)
						break
					}
				}
				for _, p := range q.picks {
					if p.r.W > 0 && (p.r.Y < area.Y-0.5 || p.r.Bottom() > a.h) {
						t.Errorf("%s d%d #%d: target %s %+v is off the screen", fam, d, i, p.name, p.r)
					}
				}
			}
		}
	}
}
