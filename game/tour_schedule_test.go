package game

import (
	"testing"
	"time"

	"github.com/osarena/osarena/netcode"
	"github.com/osarena/osarena/sim/quiz"
)

func TestUntilText(t *testing.T) {
	tests := []struct {
		d    time.Duration
		lang quiz.Lang
		want string
	}{
		{10 * time.Second, quiz.English, "1 min"},
		{0, quiz.English, "1 min"},
		{15 * time.Minute, quiz.English, "15 min"},
		{14*time.Minute + time.Second, quiz.English, "15 min"}, // rounded up
		{59 * time.Minute, quiz.Korean, "59분"},
		{time.Hour, quiz.English, "1 h 0 min"},
		{2*time.Hour + 5*time.Minute, quiz.Korean, "2시간 5분"},
		{47 * time.Hour, quiz.English, "47 h 0 min"},
		{72 * time.Hour, quiz.English, "3 days"},
		{72 * time.Hour, quiz.Korean, "3일"},
	}
	for _, tt := range tests {
		if got := untilText(tt.d, tt.lang); got != tt.want {
			t.Errorf("untilText(%v, %s) = %q; want %q", tt.d, tt.lang, got, tt.want)
		}
	}
}

// The lobby's line about the start, at 14:00 on 4 May (server clock five
// seconds ahead of the local one, which must not show).
func TestScheduleText(t *testing.T) {
	now := time.Date(2026, 5, 4, 14, 0, 0, 0, time.Local)
	server := now.UnixMilli() + 5000
	at := func(d time.Duration) int64 { return server + d.Milliseconds() }
	tests := []struct {
		name string
		st   netcode.TournamentState
		host bool
		lang quiz.Lang
		want string
	}{
		{"host starts", netcode.TournamentState{Phase: netcode.TourRegistering}, false, quiz.English, ""},
		{"in 15 min", netcode.TournamentState{Phase: netcode.TourRegistering, StartMs: at(15 * time.Minute)}, false, quiz.English,
			"Starts at 14:15 (in 15 min)"},
		{"in 15 min, Korean", netcode.TournamentState{Phase: netcode.TourRegistering, StartMs: at(15 * time.Minute)}, true, quiz.Korean,
			"14:15에 시작 (15분 뒤)"},
		{"tomorrow", netcode.TournamentState{Phase: netcode.TourRegistering, StartMs: at(20 * time.Hour)}, false, quiz.English,
			"Starts at May 5, 10:00 (in 20 h 0 min)"},
		{"tomorrow, Korean", netcode.TournamentState{Phase: netcode.TourRegistering, StartMs: at(20 * time.Hour)}, false, quiz.Korean,
			"5월 5일 10:00에 시작 (20시간 0분 뒤)"},
		{"due", netcode.TournamentState{Phase: netcode.TourRegistering, StartMs: at(-time.Second)}, false, quiz.English,
			"Starting now…"},
		{"lapsed, guest", netcode.TournamentState{Phase: netcode.TourRegistering, StartMs: at(-10 * time.Minute), StartLapsed: true},
			false, quiz.English, "Fewer than two players by 13:50: the organizer will start it."},
		{"lapsed, host, Korean", netcode.TournamentState{Phase: netcode.TourRegistering, StartMs: at(-10 * time.Minute), StartLapsed: true},
			true, quiz.Korean, "13:50까지 참가자가 두 명이 안 됐습니다. 준비되면 직접 시작하세요."},
		{"running", netcode.TournamentState{Phase: netcode.TourRunning, StartMs: at(-time.Minute)}, false, quiz.English, ""},
	}
	for _, tt := range tests {
		if got := scheduleText(&tt.st, tt.host, now, server, tt.lang); got != tt.want {
			t.Errorf("%s: scheduleText = %q; want %q", tt.name, got, tt.want)
		}
	}
}

// Every start choice has a label in both languages, "host starts" first.
func TestStartLabels(t *testing.T) {
	if startChoices[0] != 0 {
		t.Fatalf("the first start choice is %d; want 0 (the host starts)", startChoices[0])
	}
	for _, n := range startChoices {
		en, ko := startLabel(n, quiz.English), startLabel(n, quiz.Korean)
		if en == "" || ko == "" || en == ko {
			t.Errorf("start choice %d: labels %q and %q", n, en, ko)
		}
	}
	if got := startLabel(30, quiz.Korean); got != "30분" {
		t.Errorf("startLabel(30, ko) = %q; want 30분", got)
	}
}

func TestDeadlineLabel(t *testing.T) {
	tests := []struct {
		sec  uint32
		lang quiz.Lang
		want string
	}{
		{0, quiz.English, "None"},
		{0, quiz.Korean, "없음"},
		{3600, quiz.English, "1 h"},
		{3600, quiz.Korean, "1시간"},
		{24 * 3600, quiz.English, "1 day"},
		{3 * 24 * 3600, quiz.English, "3 days"},
		{7 * 24 * 3600, quiz.Korean, "7일"},
	}
	for _, tt := range tests {
		if got := deadlineLabel(tt.sec, tt.lang); got != tt.want {
			t.Errorf("deadlineLabel(%d, %s) = %q; want %q", tt.sec, tt.lang, got, tt.want)
		}
	}
	for _, sec := range deadlineChoices {
		if sec > netcode.MaxDeadlineSec {
			t.Errorf("deadline choice %d s is over the server's limit %d s", sec, netcode.MaxDeadlineSec)
		}
	}
}
