package game

// The words of My progress.
var (
	msgMyProgress    = msg{"My progress", "나의 기록"}
	msgRange14       = msg{"14 days", "14일"}
	msgRange12w      = msg{"12 weeks", "12주"}
	msgAccuracy      = msg{"Accuracy", "정답률"}
	msgMeanTime      = msg{"Mean answer time", "평균 풀이 시간"}
	msgSoloLegend    = msg{"Solo practice", "혼자 연습"}
	msgMatchLegend   = msg{"Matches and duels", "대결·토너먼트"}
	msgAnsweredQs    = msg{"Questions answered", "푼 문제"}
	msgStatsBest     = msg{"Best topic", "가장 잘하는 주제"}
	msgPractiseNext  = msg{"Practise next", "다음에 연습할 주제"}
	msgNone          = msg{"—", "—"}
	msgNeedMore      = msg{"Answer %d questions in a topic", "한 주제에서 %d문제를 풀어 보세요"}
	msgNotTried      = msg{"not tried yet", "아직 풀지 않음"}
	msgPctCorrect    = msg{"%d%% correct", "정답률 %d%%"}
	msgTotalsLine    = msg{"%d questions · %d%% · %s", "%d문제 · %d%% · %s"}
	msgSoloMatch     = msg{"solo %d · matches %d", "혼자 %d · 대결 %d"}
	msgNoAnswersYet  = msg{"No answers in this range yet", "이 기간에 푼 문제가 없습니다"}
	msgSeconds1      = msg{"%.1f s", "%.1f초"}
	msgSecondsAxis   = msg{"%d s", "%d초"}
	msgToday         = msg{"today", "오늘"}
	msgThisWeek      = msg{"this week", "이번 주"}
	msgDateShort     = msg{"%d/%d", "%d.%d."}
	msgStatsFetching = msg{"Fetching match results…", "대결 기록을 불러오는 중…"}
	msgStatsServer   = msg{"Match results from the server", "서버의 대결 기록 포함"}
	msgStatsNoMatch  = msg{"No match results on the server yet", "서버에 대결 기록이 아직 없습니다"}
	msgStatsOffline  = msg{"Offline: solo practice on this device only", "오프라인: 이 기기의 혼자 연습 기록만"}
	msgPlayTopic     = msg{"Practise", "연습하기"}
)
