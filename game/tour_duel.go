package game

import (
	"github.com/osarena/osarena/netcode"
	"github.com/osarena/osarena/sim/quiz"
)

// The words of a tournament duel's end.
var (
	msgDuelYouWon      = msg{"You won", "승리했습니다"}
	msgDuelTheyWon     = msg{"%s won", "%s 님이 이겼습니다"}
	msgDuelDrawn       = msg{"A draw", "무승부입니다"}
	msgDuelWaiting     = msg{"Waiting for %s", "%s 님을 기다리는 중"}
	msgDuelDeciding    = msg{"The result is on its way…", "결과를 기다리는 중…"}
	msgDuelOver        = msg{"Your duel is over", "대결이 끝났습니다"}
	msgDuelPendingNote = msg{"Your score is in. The result comes when %s has played the same questions.", "점수가 기록됐습니다. %s 님이 같은 문제를 풀고 나면 결과가 나옵니다."}
	msgDuelRuleNote    = msg{"The higher score wins; on equal scores, the faster.", "점수가 높은 쪽이 이기고, 같으면 더 빨리 푼 쪽이 이깁니다."}
	msgDuelWalkover    = msg{"%s did not play in time: a win by walkover.", "%s 님이 기한 안에 경기하지 않아 기권승입니다."}
	msgDuelInBracket   = msg{"The result will be shown in the bracket.", "결과는 대진표에 나옵니다."}
	msgDuelNotPlayed   = msg{"has not played yet", "아직 경기하지 않음"}
	msgDuelDetail      = msg{"%d/%d correct · %s", "%d/%d 정답 · %s"}
	msgDuelTime        = msg{"%.1f s", "%.1f초"}
	msgDuelScore       = msg{"%d pts", "%d점"}
)

// duelSide is one side of a finished duel as the result screen shows it.
type duelSide struct {
	name    string
	played  bool  // its score is known
	score   int32 // points
	correct int   // correct answers, -1 when unknown (the opponent's)
	timeMs  int64 // total answer time, 0 when unknown
}

// duelOutcome is what the end of a tournament duel says: who won, or that
// the result waits for the opponent; mine first among the sides.
type duelOutcome struct {
	title string
	note  string
	tone  int // 1: this player won, -1: lost, 0: no result yet or a draw
	sides [2]duelSide
	of    int // questions in the duel
}

// duelOutcomeOf builds the outcome of this player's duel in match bm
// (nil when unknown) from the model and this player's podium line: the
// podium of a duel played alone has one line, which says nothing about
// the match, so the words come from the bracket.
func duelOutcomeOf(m *tourModel, bm *netcode.BracketMatch, mine netcode.Summary, of int, lang quiz.Lang) duelOutcome {
	o := duelOutcome{of: of, title: msgDuelOver.in(lang), note: msgDuelInBracket.in(lang)}
	o.sides[0] = duelSide{name: mine.Nickname, played: true, score: mine.Score, correct: int(mine.Correct),
		timeMs: int64(mine.AvgMs) * int64(mine.Answered)}
	sd := -1
	if bm != nil {
		sd = side(bm, m.me())
	}
	if sd < 0 {
		o.sides[1] = duelSide{correct: -1}
		return o
	}
	if played(bm, sd) {
		o.sides[0].timeMs = bm.TimesMs[sd]
	}
	other := 1 - sd
	name, _ := m.name(bm.Players[other])
	o.sides[1] = duelSide{name: name, correct: -1}
	if len(bm.Scores) == 2 && played(bm, other) {
		o.sides[1].played, o.sides[1].score, o.sides[1].timeMs = true, bm.Scores[other], bm.TimesMs[other]
	}
	switch {
	case bm.Status == "done" && bm.Draw:
		o.title, o.note = msgDuelDrawn.in(lang), msgDuelRuleNote.in(lang)
	case bm.Status == "done":
		o.tone, o.title = -1, msgDuelTheyWon.f(lang, name)
		if bm.Winner == bm.Players[sd] {
			o.tone, o.title = 1, msgDuelYouWon.in(lang)
		}
		o.note = msgDuelRuleNote.in(lang)
		switch {
		case bm.Walkover && o.tone > 0:
			o.note = msgDuelWalkover.f(lang, name)
		case byHost(bm):
			o.note = msgStatusCorrected.f(lang, m.nameOr(bm.Winner))
		}
	case m.st.Async && !played(bm, other):
		o.title, o.note = msgDuelWaiting.f(lang, name), msgDuelPendingNote.f(lang, name)
	default:
		o.title, o.note = msgDuelDeciding.in(lang), msgDuelRuleNote.in(lang)
	}
	return o
}

// detail is a side's line under its name: correct answers and time, or
// that it has not played.
func (d duelSide) detail(of int, lang quiz.Lang) string {
	if !d.played {
		return msgDuelNotPlayed.in(lang)
	}
	t := msgDuelTime.f(lang, float64(d.timeMs)/1000)
	if d.correct < 0 {
		return t
	}
	return msgDuelDetail.f(lang, d.correct, of, t)
}

// scoreText is a side's score, or "–" before it has played.
func (d duelSide) scoreText(lang quiz.Lang) string {
	if !d.played {
		return "–"
	}
	return msgDuelScore.f(lang, d.score)
}

// nameOr is entrant p's nickname, or "?".
func (m *tourModel) nameOr(p int16) string {
	if n, ok := m.name(p); ok {
		return n
	}
	return "?"
}

// duelMatch is the match of the duel this player is starting: the one
// they asked to play (the lowest ID), else their first ready match.
func (m *tourModel) duelMatch() uint16 {
	var id uint16
	for a := range m.asked {
		if id == 0 || a < id {
			id = a
		}
	}
	if id == 0 {
		if bm := m.myReady(); bm != nil {
			id = bm.ID
		}
	}
	return id
}
