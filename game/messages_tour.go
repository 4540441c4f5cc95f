package game

// The words of the tournament screens.
var (
	msgTournaments    = msg{"Tournaments", "토너먼트"}
	msgTournamentsSub = msg{"Brackets and leagues of duels with classmates", "친구들과 1대1 대결로 치르는 대진표와 리그"}
	msgNewTournament  = msg{"Create a tournament", "토너먼트 만들기"}
	msgJoinTournament = msg{"Join a tournament", "토너먼트 참가"}
	msgTourCode       = msg{"Tournament code", "토너먼트 코드"}
	msgTourName       = msg{"Tournament name", "토너먼트 이름"}
	msgTourNameHint   = msg{"e.g. OS midterm cup", "예: 운영체제 중간고사 컵"}
	msgNeedTourName   = msg{"Give the tournament a name.", "토너먼트 이름을 입력하세요."}
	msgNeedTourCode   = msg{"A tournament code has six letters.", "토너먼트 코드는 여섯 글자입니다."}
	msgContinueTour   = msg{"Back to %s (%s)", "%s(%s)로 돌아가기"}
	msgFormat         = msg{"Format", "방식"}
	msgFmtSingle      = msg{"Single elimination", "싱글 엘리미네이션"}
	msgFmtDouble      = msg{"Double elimination", "더블 엘리미네이션"}
	msgFmtRoundRobin  = msg{"Round robin", "리그전 (풀리그)"}
	msgFmtSwiss       = msg{"Swiss", "스위스 방식"}
	msgThirdPlaceOpt  = msg{"Third-place match", "3·4위전"}
	msgDuels          = msg{"Duels", "대결 방식"}
	msgDuelLive       = msg{"Live: both online", "실시간: 둘 다 접속"}
	msgDuelAsync      = msg{"Async: each plays alone", "비동기: 각자 따로"}
	msgDuelQuestions  = msg{"Questions per duel", "대결당 문제 수"}
	msgSeeding        = msg{"Seeding", "시드 배정"}
	msgSeedRating     = msg{"By past results", "지난 성적순"}
	msgSeedRandom     = msg{"Random", "무작위"}
	msgSeedHand       = msg{"By hand", "직접 정하기"}
	msgCreateTour     = msg{"Create", "만들기"}
	msgRegistration   = msg{"Registration", "참가 신청"}
	msgShareTour      = msg{"Share the code or the link", "코드나 링크를 알려 주세요"}
	msgEntrantsN      = msg{"Entrants (%d)", "참가자 (%d명)"}
	msgNoEntrants     = msg{"Nobody has registered yet.", "아직 참가자가 없습니다."}
	msgRegister       = msg{"Register", "참가 신청"}
	msgRegistered     = msg{"You are registered.", "참가 신청이 끝났습니다."}
	msgWaitOrganizer  = msg{"Waiting for the organizer to start…", "주최자가 시작하기를 기다리는 중…"}
	msgStartTour      = msg{"Start tournament", "토너먼트 시작"}
	msgNeedTwo        = msg{"At least two entrants are needed.", "참가자가 두 명 이상 있어야 합니다."}
	msgHandSeedHint   = msg{"Seed order: move players up or down", "시드 순서: 위아래로 옮기세요"}
	msgOrganizer      = msg{"organizer", "주최자"}
	msgSeedN          = msg{"seed %d", "%d번 시드"}
	msgWinnersBracket = msg{"Winners' bracket", "승자조"}
	msgLosersBracket  = msg{"Losers' bracket", "패자조"}
	msgStandings      = msg{"Standings", "순위표"}
	msgPairings       = msg{"Round %d pairings", "%d라운드 대진"}
	msgPlace          = msg{"#", "순위"}
	msgWDL            = msg{"W-D-L", "승-무-패"}
	msgPtsHead        = msg{"Pts", "승점"}
	msgBuchholz       = msg{"Buchholz", "부크홀츠"}
	msgBye            = msg{"bye", "부전승"}
	msgTBD            = msg{"to be decided", "미정"}
	msgWalkover       = msg{"W/O", "기권승"}
	msgBadgeReady     = msg{"Ready", "대기"}
	msgBadgeLive      = msg{"Live", "진행 중"}
	msgBadgeYours     = msg{"Your match", "내 경기"}
	msgBadgeDraw      = msg{"Draw", "무승부"}
	msgChampion       = msg{"Champion: %s", "우승: %s"}
	msgTourOver       = msg{"The tournament is over.", "토너먼트가 끝났습니다."}
	msgYourMatchReady = msg{"Your match against %s is ready", "%s 님과의 경기가 준비됐습니다"}
	msgOpenMatch      = msg{"Open", "열기"}
	msgPlay           = msg{"Play", "경기 시작"}
	msgReady          = msg{"I'm ready", "준비 완료"}
	msgWaitOpponent   = msg{"Waiting for %s to be ready…", "%s 님이 준비하기를 기다리는 중…"}
	msgPlayedWaiting  = msg{"You have played. Waiting for %s.", "경기를 마쳤습니다. %s 님을 기다리는 중."}
	msgDuelLiveNote   = msg{"A live duel: you both answer the same questions at once.", "실시간 대결: 두 사람이 같은 문제를 동시에 풉니다."}
	msgDuelAsyncNote  = msg{"Play now; your opponent plays the same questions later.", "지금 푸세요. 상대는 같은 문제를 나중에 풉니다."}
	msgMatchLabel     = msg{"Match %d · %s", "%d경기 · %s"}
	msgStatusPending  = msg{"Waiting for earlier matches", "앞 경기 결과를 기다리는 중"}
	msgStatusReady    = msg{"Ready to be played", "경기 대기 중"}
	msgStatusLive     = msg{"Being played now", "지금 경기 중"}
	msgStatusDone     = msg{"%s won", "%s 승"}
	msgStatusDraw     = msg{"A draw", "무승부"}
	msgStatusBye      = msg{"%s goes through on a bye", "%s 부전승"}
	msgStatusVoid     = msg{"Not played", "치르지 않음"}
	msgStatusWalkover = msg{"%s won by walkover", "%s 기권승"}
	msgDeadline       = msg{"Play within %s", "남은 시간 %s"}
	msgCorrectResult  = msg{"Correct the result: winner", "결과 정정: 승자"}
	msgAwardMatch     = msg{"Decide without playing (walkover): winner", "경기 없이 승자 정하기 (기권승):"}
	msgClose          = msg{"Close", "닫기"}
	msgToBracket      = msg{"Back to the bracket", "대진표로 돌아가기"}
	msgDuelNextSoon   = msg{"The next question comes in a moment.", "잠시 뒤 다음 문제가 나옵니다."}
	msgZoomFit        = msg{"Fit", "전체"}
	msgWatching       = msg{"watching", "관전 중"}
	msgNoTournament   = msg{"No tournament has that code.", "그 코드의 토너먼트가 없습니다."}
	msgTourPhaseReg   = msg{"registration open", "참가 신청 중"}
	msgTourPhaseRun   = msg{"in progress", "진행 중"}
	msgTourPhaseDone  = msg{"finished", "종료"}
	msgTourSettings   = msg{"Tournament settings", "토너먼트 설정"}
	msgPanHint        = msg{"Drag to move · wheel or pinch to zoom", "끌어서 이동 · 휠이나 두 손가락으로 확대"}
)

// The words of a result the host corrected.
var (
	msgBadgeCorrected  = msg{"Corrected by the host", "주최자 정정"}
	msgStatusCorrected = msg{"%s won (corrected by the host)", "%s 승 (주최자 정정)"}
	msgCorrectedNote   = msg{"The scores are as played; the host gave the match to %s.", "점수는 경기한 그대로이고, 주최자가 %s 님을 승자로 정정했습니다."}
)

var msgOrganizeHint = msg{"empty: organize only", "비우면 진행만 맡음"}
