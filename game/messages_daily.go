package game

import (
	"time"

	"github.com/osarena/osarena/sim/quiz"
)

// Interface strings of the daily challenge (its scene, its summary and its
// title link).
var (
	msgDailySub       = msg{"Eight questions from across the course, the same for everyone today, getting harder as you go. 30 seconds each.", "과목 전체에서 고른 8문제입니다. 오늘은 모두가 같은 문제를 풀고, 뒤로 갈수록 어려워집니다. 문제마다 30초가 주어집니다."}
	msgDailyStreak    = msg{"Streak", "연속 기록"}
	msgDailyDays      = msg{"%d days", "%d일"}
	msgDailyOneDay    = msg{"1 day", "1일"}
	msgDailyToday     = msg{"Today", "오늘"}
	msgDailyScore     = msg{"%d points", "%d점"}
	msgDailyCorrectT  = msg{"%d/%d correct · %s", "%d/%d 정답 · %s"}
	msgDailyNoStreak  = msg{"Play today to start one", "오늘 풀면 시작됩니다"}
	msgDailyKeepGoing = msg{"Play today to keep it", "오늘 풀어야 이어집니다"}
	msgDailyFirst     = msg{"Replays are practice: only your first result of the day counts.", "다시 풀 수는 있지만, 기록에는 그날 처음 낸 결과만 남습니다."}
	msgDailyStart     = msg{"Start today's challenge", "오늘의 도전 시작"}
	msgDailyReplay    = msg{"Replay (practice)", "다시 풀기 (연습)"}
	msgDailyLineup    = msg{"Today's questions", "오늘의 문제"}
	msgDailyWeek      = msg{"Last 7 days", "최근 7일"}
	msgDailyKeys      = msg{"Enter: start · Esc: back", "Enter: 시작 · Esc: 뒤로"}
	msgDailyDone      = msg{"Daily challenge · %s", "오늘의 도전 · %s"}
	msgDailyRightTime = msg{"%d of %d correct · answering time %s", "%d/%d 정답 · 답한 시간 %s"}
	msgDailySaved     = msg{"Result saved · streak: %s", "기록 저장 · 연속 %s"}
	msgDailyPractice  = msg{"Practice replay: today keeps your first result, %d points.", "연습으로 다시 푼 결과입니다. 오늘의 기록은 처음 낸 %d점입니다."}
	msgDailyLinkNew   = msg{"8 questions · new today", "8문제 · 오늘의 새 문제"}
	msgDailyLinkDone  = msg{"Today %d pts · streak %d", "%d점 · %d일 연속"}
	msgDailyError     = msg{"Today's questions could not be made: %s", "오늘의 문제를 만들지 못했습니다: %s"}
)

// daysText writes a number of days: "1 day", "3 days", "3일".
func daysText(n int, lang quiz.Lang) string {
	if n == 1 {
		return msgDailyOneDay.in(lang)
	}
	return msgDailyDays.f(lang, n)
}

var koWeekdays = [7]string{"일요일", "월요일", "화요일", "수요일", "목요일", "금요일", "토요일"}

// longDate writes a day in full: "Saturday 14 June 2025", "2025년 6월 14일 토요일".
func longDate(d time.Time, lang quiz.Lang) string {
	if lang == quiz.Korean {
		return d.Format("2006년 1월 2일 ") + koWeekdays[d.Weekday()]
	}
	return d.Format("Monday 2 January 2006")
}

// shortWeekday is a day's initial for the week strip: "Mon", "월".
func shortWeekday(d time.Time, lang quiz.Lang) string {
	if lang == quiz.Korean {
		return koWeekdays[d.Weekday()][:3] // one Hangul syllable is three bytes
	}
	return d.Format("Mon")
}
