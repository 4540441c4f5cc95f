package game

import (
	"testing"
	"time"

	"github.com/osarena/osarena/assets/fonts"
	"github.com/osarena/osarena/sim/quiz"
	"github.com/osarena/osarena/sim/replace"
)

func TestNewQuestionsPicksThePolicy(t *testing.T) {
	for _, p := range policies {
		for _, fam := range []quiz.Family{quiz.ReplaceVictim, quiz.ReplaceHitFault} {
			o := practiceOpts{family: fam, policy: p.p, difficulty: p.level}
			qs, seed, err := newQuestions(o, 12345)
			if err != nil {
				t.Fatalf("newQuestions(%v) error %v", o, err)
			}
			if got := scenarioPolicy(qs[0]); got != p.p {
				t.Errorf("newQuestions(%v) policy = %s; want %s", o, got, p.p)
			}
			again, err := quiz.Chain(fam, seed, p.level, roundLength)
			if err != nil || string(again[0].Scenario) != string(qs[0].Scenario) {
				t.Errorf("quiz.Chain(%s, %d) does not regenerate the round (%v)", fam, seed, err)
			}
		}
	}
}

func TestRoundScoresLikeQuiz(t *testing.T) {
	o := practiceOpts{family: quiz.ReplaceVictim, policy: replace.FIFO, difficulty: 1}
	qs, seed, err := newQuestions(o, 7)
	if err != nil {
		t.Fatal(err)
	}
	t0 := time.Unix(1000, 0)
	r, err := newRound(quiz.TopicReplace, o, seed, qs, false, t0)
	if err != nil {
		t.Fatal(err)
	}
	now := t0
	want, streak := 0, 0
	for i, q := range qs {
		now = now.Add(time.Minute) // past any advance animation
		r.tick(now)
		if r.phase != phaseAsk || r.i != i {
			t.Fatalf("question %d: phase %s index %d; want ask %d", i, phaseNames[r.phase], r.i, i)
		}
		v := q.Answer.Values[0]
		if i == 1 {
			v = q.Choices[(indexOfChoice(q, v)+1)%len(q.Choices)].Value
		}
		r.answer([]int64{v}, now)
		pts, s := quiz.Points(q.Grade([]int64{v}), 0, 0, false, streak)
		want, streak = want+pts, s
		if r.score != want {
			t.Fatalf("after question %d score = %d; want %d", i, r.score, want)
		}
		now = now.Add(revealTime)
		r.tick(now)
		if r.phase != phaseExplain {
			t.Fatalf("question %d: phase %s after the reveal; want explain", i, phaseNames[r.phase])
		}
		if more := r.next(now); more != (i+1 < len(qs)) {
			t.Fatalf("next after question %d = %v", i, more)
		}
	}
	if r.correct() != len(qs)-1 {
		t.Errorf("correct = %d; want %d", r.correct(), len(qs)-1)
	}
}

func TestTimedRoundTimesOut(t *testing.T) {
	o := practiceOpts{family: quiz.ReplaceHitFault, difficulty: 2}
	qs, seed, err := newQuestions(o, 99)
	if err != nil {
		t.Fatal(err)
	}
	t0 := time.Unix(0, 0)
	r, _ := newRound(quiz.TopicReplace, o, seed, qs, true, t0)
	r.skip(t0)
	r.tick(t0.Add(timeLimit))
	if r.phase != phaseReveal || len(r.results) != 1 || !r.results[0].timeout || r.score != 0 {
		t.Errorf("after the time limit: phase %s, results %+v, score %d; want a timed-out answer worth 0", phaseNames[r.phase], r.results, r.score)
	}
}

func TestTextWrapAndHangulMinimum(t *testing.T) {
	txt, err := NewText(fonts.TTF)
	if err != nil {
		t.Fatal(err)
	}
	s := "클록(2차 기회), 프레임 3개. 페이지 5를 참조했는데 프레임이 모두 찼습니다."
	for _, w := range []float64{120, 200, 358} {
		for _, l := range txt.Wrap(s, 16, w) {
			if txt.Width(l, 16) > w {
				t.Errorf("Wrap(width %v) gave %q, %v wide", w, l, txt.Width(l, 16))
			}
		}
	}
	if got, want := txt.Width("가나다", 10), txt.Width("가나다", minHangulSize); got != want {
		t.Errorf("Hangul at 10 px is %v wide; want the 14 px width %v", got, want)
	}
}
