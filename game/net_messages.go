package game

import (
	"github.com/osarena/osarena/netcode"
	"github.com/osarena/osarena/sim/quiz"
)

// The words of the connection layer and of the live scenes.
var (
	msgFriends      = msg{"Play with friends", "친구와 함께"}
	msgFriendsSub   = msg{"A live quiz match in a room", "방을 만들어 실시간 퀴즈 대결"}
	msgConnecting   = msg{"Connecting…", "연결하는 중…"}
	msgReconnecting = msg{"Reconnecting…", "다시 연결하는 중…"}
	msgLost         = msg{"Connection lost", "연결이 끊겼습니다"}
	msgNickname     = msg{"Your nickname", "닉네임"}
	msgNickHint     = msg{"1–20 characters", "1–20자"}
	msgRoomCode     = msg{"Room code", "방 코드"}
	msgCodeHint     = msg{"6 letters, e.g. K7QXPM", "6자리, 예: K7QXPM"}
	msgCreateRoom   = msg{"Create a room", "방 만들기"}
	msgJoinRoom     = msg{"Join", "참가"}
	msgOrJoin       = msg{"or join a friend's room", "또는 친구의 방에 참가"}
	msgNeedNick     = msg{"Type a nickname first.", "먼저 닉네임을 입력하세요."}
	msgNeedCode     = msg{"A room code has six letters.", "방 코드는 여섯 글자입니다."}
	msgRoomSettings = msg{"Room settings", "방 설정"}
	msgTopics       = msg{"Topics", "주제"}
	msgAllTopics    = msg{"All", "전체"}
	msgRounds       = msg{"Questions", "문제 수"}
	msgSeconds      = msg{"Seconds per question", "문제당 시간(초)"}
	msgTimer        = msg{"Scoring", "채점"}
	msgTimedScore   = msg{"Faster scores more", "빠를수록 높은 점수"}
	msgUntimedScore = msg{"Untimed: 1000 each", "시간 무관: 1000점"}
	msgRoomLang     = msg{"Room language", "방 언어"}
	msgLobby        = msg{"Lobby", "대기실"}
	msgShareCode    = msg{"Share this code", "이 코드를 알려 주세요"}
	msgCopy         = msg{"Copy", "복사"}
	msgCopied       = msg{"Copied", "복사됨"}
	msgPlayersN     = msg{"Players (%d)", "참가자 (%d명)"}
	msgHost         = msg{"host", "방장"}
	msgYou          = msg{"you", "나"}
	msgAway         = msg{"away", "연결 끊김"}
	msgKick         = msg{"Kick", "내보내기"}
	msgLockRoom     = msg{"Lock room", "방 잠그기"}
	msgUnlockRoom   = msg{"Unlock room", "잠금 해제"}
	msgLockedNote   = msg{"Locked: nobody new can join", "잠김: 새 참가자를 받지 않습니다"}
	msgStartMatch   = msg{"Start match", "대결 시작"}
	msgWaitHost     = msg{"Waiting for the host to start…", "방장이 시작하기를 기다리는 중…"}
	msgLeave        = msg{"Leave", "나가기"}
	msgSettingsLine = msg{"%d questions · difficulty %d · %s", "%d문제 · 난이도 %d · %s"}
	msgSecondsEach  = msg{"%d s each", "문제당 %d초"}
	msgUntimedShort = msg{"untimed", "시간 제한 없음"}
	msgRoundOf      = msg{"Question %d of %d", "%d / %d번 문제"}
	msgAnsweredN    = msg{"answered %d/%d", "%d/%d명 답함"}
	msgLocked       = msg{"Answer locked in. Waiting for the others…", "답을 냈습니다. 다른 사람을 기다리는 중…"}
	msgSubmit       = msg{"Submit", "제출"}
	msgCloseRound   = msg{"Reveal now", "지금 공개"}
	msgLeaderboard  = msg{"Leaderboard", "순위표"}
	msgNextQ        = msg{"Next question", "다음 문제"}
	msgToPodium     = msg{"Final results", "최종 결과"}
	msgWaitNext     = msg{"The host moves on when everyone is ready.", "방장이 다음으로 넘어갑니다."}
	msgNoAnswer     = msg{"No answer", "답하지 않음"}
	msgYourAnswer   = msg{"Your answer: %s", "내 답: %s"}
	msgPts          = msg{"%d pts", "%d점"}
	msgPodium       = msg{"Final results", "최종 결과"}
	msgSummaryLine  = msg{"%d/%d correct · avg %.1f s", "%d/%d 정답 · 평균 %.1f초"}
	msgBestTopic    = msg{"best: %s", "강점: %s"}
	msgPlayAgain    = msg{"Play again", "한 판 더"}
	msgBackTitle    = msg{"Leave room", "방 나가기"}
	msgSeatGone     = msg{"Your seat in the room has expired.", "방의 자리가 만료되었습니다."}
	msgTimeLeft     = msg{"%d s", "%d초"}
	msgUntimedRound = msg{"untimed", "시간 제한 없음"}
)

// closeText says in words why a connection closed, from its close code
// (0: the network broke without one). Never a Go error string.
func closeText(c netcode.CloseCode, lang quiz.Lang) string {
	m, ok := closeTexts[c]
	if !ok {
		if c.MayReconnect() {
			m = msg{"The server closed the connection (%d).", "서버가 연결을 닫았습니다 (%d)."}
		} else {
			m = msg{"The server refused the connection (%d).", "서버가 연결을 거부했습니다 (%d)."}
		}
		return m.f(lang, int(c))
	}
	return m.in(lang)
}

var closeTexts = map[netcode.CloseCode]msg{ // looked up, never iterated
	0:                            {"Cannot reach the server.", "서버에 연결할 수 없습니다."},
	netcode.CloseNormal:          {"The connection was closed.", "연결이 닫혔습니다."},
	netcode.CloseShutdown:        {"The server is restarting.", "서버가 다시 시작하는 중입니다."},
	netcode.CloseSlow:            {"The connection fell behind.", "연결이 너무 느립니다."},
	netcode.CloseIdle:            {"No word from this tab for too long.", "오랫동안 응답이 없었습니다."},
	netcode.CloseTakenOver:       {"The game was opened in another tab.", "다른 탭에서 게임을 열었습니다."},
	netcode.CloseResumeStale:     {"Your seat has expired.", "자리가 만료되었습니다."},
	netcode.CloseProtocolVersion: {"This page is out of date: reload it.", "페이지가 오래되었습니다. 새로 고침하세요."},
	netcode.CloseSimVersion:      {"This page is out of date: reload it.", "페이지가 오래되었습니다. 새로 고침하세요."},
	netcode.CloseBadMessage:      {"The server could not read a message.", "서버가 메시지를 읽지 못했습니다."},
	netcode.CloseTooLarge:        {"A message was too large.", "메시지가 너무 큽니다."},
	netcode.CloseRateLimited:     {"Too many messages at once.", "메시지를 너무 많이 보냈습니다."},
	netcode.CloseKicked:          {"The host removed you from the room.", "방장이 방에서 내보냈습니다."},
	netcode.CloseNoHello:         {"The connection did not start properly.", "연결이 제대로 시작되지 않았습니다."},
}

// errorText says in words why the server refused a request.
func errorText(c netcode.ErrorCode, lang quiz.Lang) string {
	if int(c) < len(errorTexts) {
		return errorTexts[c].in(lang)
	}
	return msg{"The server refused (%d).", "서버가 거절했습니다 (%d)."}.f(lang, int(c))
}

var errorTexts = [...]msg{
	netcode.ErrNone:            {"", ""},
	netcode.ErrUnknownRoom:     {"No room has that code.", "그 코드의 방이 없습니다."},
	netcode.ErrRoomFull:        {"The room is full.", "방이 가득 찼습니다."},
	netcode.ErrRoomLocked:      {"The host has locked the room.", "방장이 방을 잠갔습니다."},
	netcode.ErrBadNickname:     {"That nickname is not allowed.", "쓸 수 없는 닉네임입니다."},
	netcode.ErrNicknameTaken:   {"Someone in the room already has that nickname.", "방에 같은 닉네임이 있습니다."},
	netcode.ErrNotHost:         {"Only the host can do that.", "방장만 할 수 있습니다."},
	netcode.ErrBadSettings:     {"Those settings are out of range.", "설정 값이 범위를 벗어났습니다."},
	netcode.ErrNotInRoom:       {"You are not in a room.", "방에 들어가 있지 않습니다."},
	netcode.ErrWrongPhase:      {"Not possible right now.", "지금은 할 수 없습니다."},
	netcode.ErrLate:            {"Too late: time was up.", "늦었습니다. 시간이 끝났습니다."},
	netcode.ErrDuplicate:       {"You already answered.", "이미 답했습니다."},
	netcode.ErrMalformedAnswer: {"That answer has the wrong form.", "답의 형식이 맞지 않습니다."},
	netcode.ErrTooManyJoins:    {"Too many tries: wait a minute.", "시도가 너무 많습니다. 1분 뒤에 하세요."},
	netcode.ErrAlreadyInRoom:   {"You are already in a room.", "이미 방에 들어가 있습니다."},
	netcode.ErrBadStart: {"The start time must be in the future and at most 60 days away.",
		"시작 시각은 지금 이후, 60일 안이어야 합니다."},
}
