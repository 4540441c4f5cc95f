package game

import (
	"time"

	"github.com/osarena/osarena/netcode"
	"github.com/osarena/osarena/sim/quiz"
)

// startChoices are the create form's start options, in minutes from
// creation; 0: the host starts the tournament.
var startChoices = []int{0, 5, 15, 30, 60}

// deadlineChoices are the create form's times to play a duel once it is
// ready, in seconds (0: no deadline); past it, a side that has not played
// loses by walkover.
var deadlineChoices = []uint32{0, 3600, 24 * 3600, 3 * 24 * 3600, 7 * 24 * 3600}

// The words of a tournament's scheduled start.
var (
	msgStartWhen    = msg{"Start: by the host, or on its own in …", "시작: 주최자가 직접, 또는 … 뒤 자동으로"}
	msgStartByHost  = msg{"Host", "직접"}
	msgStartInMin   = msg{"%d min", "%d분"}
	msgStartInHour  = msg{"1 hour", "1시간"}
	msgStartsAt     = msg{"Starts at %s (in %s)", "%s에 시작 (%s 뒤)"}
	msgStartingNow  = msg{"Starting now…", "곧 시작합니다…"}
	msgStartLapsed  = msg{"Fewer than two players by %s: the organizer will start it.", "%s까지 참가자가 두 명이 안 되어 주최자가 직접 시작합니다."}
	msgStartLapsedH = msg{"Fewer than two players by %s: start it when you are ready.", "%s까지 참가자가 두 명이 안 됐습니다. 준비되면 직접 시작하세요."}
	msgMinutes      = msg{"%d min", "%d분"}
	msgHours        = msg{"%d h", "%d시간"}
	msgNoDeadline   = msg{"None", "없음"}
	msgDeadlineOpt  = msg{"Time to play each duel (then a walkover)", "대결마다 치를 기한 (넘기면 기권패)"}
	msgHoursMinutes = msg{"%d h %d min", "%d시간 %d분"}
	msgDays         = msg{"%d days", "%d일"}
	msgOnDate       = msg{"%s %d, %s", "%d월 %d일 %s"}
)

// deadlineLabel names a deadline choice of the create form: "None", "1 h",
// "1 day", "3 days".
func deadlineLabel(sec uint32, lang quiz.Lang) string {
	switch {
	case sec == 0:
		return msgNoDeadline.in(lang)
	case sec < 24*3600:
		return msgHours.f(lang, sec/3600)
	}
	return daysText(int(sec/(24*3600)), lang)
}

// startLabel names a start choice of the create form.
func startLabel(min int, lang quiz.Lang) string {
	switch min {
	case 0:
		return msgStartByHost.in(lang)
	case 60:
		return msgStartInHour.in(lang)
	}
	return msgStartInMin.f(lang, min)
}

// untilText says how long until something, rounded up to the minute: "12
// min", "2 h 5 min", past two days "3 days".
func untilText(d time.Duration, lang quiz.Lang) string {
	min := int((d + time.Minute - 1) / time.Minute)
	switch {
	case min < 60:
		return msgMinutes.f(lang, max(min, 1))
	case min < 48*60:
		return msgHoursMinutes.f(lang, min/60, min%60)
	}
	return msgDays.f(lang, min/(24*60))
}

// clockAt writes local time at as HH:MM, with the date when it is not on
// the day of now.
func clockAt(at, now time.Time, lang quiz.Lang) string {
	hm := at.Format("15:04")
	if y, m, d := at.Date(); y == now.Year() && m == now.Month() && d == now.Day() {
		return hm
	}
	if lang == quiz.Korean {
		return msgOnDate.f(lang, int(at.Month()), at.Day(), hm)
	}
	return msgOnDate.f(lang, at.Month().String()[:3], at.Day(), hm)
}

// scheduleText is the lobby's line about a scheduled start: when it starts
// and how soon, that it is starting, or that it lapsed (for the host: that
// they start it). now is the local clock and serverMs the server's at the
// same moment; "" when the host starts the tournament.
func scheduleText(st *netcode.TournamentState, host bool, now time.Time, serverMs int64, lang quiz.Lang) string {
	if st.StartMs == 0 || st.Phase != netcode.TourRegistering {
		return ""
	}
	left := time.Duration(st.StartMs-serverMs) * time.Millisecond
	at := clockAt(now.Add(left).Local(), now.Local(), lang)
	switch {
	case st.StartLapsed && host:
		return msgStartLapsedH.f(lang, at)
	case st.StartLapsed:
		return msgStartLapsed.f(lang, at)
	case left <= 0:
		return msgStartingNow.in(lang)
	}
	return msgStartsAt.f(lang, at, untilText(left, lang))
}
