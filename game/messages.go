package game

import (
	"fmt"

	"github.com/osarena/osarena/sim/quiz"
)

// msg is one interface string in every language. Question text comes from
// sim/quiz (quiz.Text.Render); msg covers the interface around it.
type msg struct{ en, ko string }

// in returns m in lang.
func (m msg) in(lang quiz.Lang) string {
	if lang == quiz.Korean {
		return m.ko
	}
	return m.en
}

// f formats m in lang with args.
func (m msg) f(lang quiz.Lang, args ...any) string { return fmt.Sprintf(m.in(lang), args...) }

// term renders a quiz catalog term ("policy.lru") in lang.
func term(key string, lang quiz.Lang) string { return quiz.Text{Key: key}.Render(lang) }

var (
	msgTagline        = msg{"Predict the simulator. Learn the OS.", "시뮬레이터를 예측하며 운영체제를 익히세요."}
	msgSolo           = msg{"Solo practice", "혼자 연습"}
	msgSettings       = msg{"Settings", "설정"}
	msgSound          = msg{"Sound", "소리"}
	msgSoon           = msg{"Coming soon", "준비 중"}
	msgNotPlayed      = msg{"Not played yet", "아직 풀지 않음"}
	msgProgress       = msg{"%d of %d correct · best %d", "%d/%d 정답 · 최고 %d점"}
	msgOffline        = msg{"Works offline after the first visit", "첫 방문 뒤에는 오프라인에서도 됩니다"}
	msgBack           = msg{"Back", "뒤로"}
	msgStart          = msg{"Start", "시작"}
	msgQuestion       = msg{"Question", "문제 유형"}
	msgVictim         = msg{"Victim page", "희생 페이지"}
	msgHitFault       = msg{"Hit or fault", "히트/폴트"}
	msgPolicy         = msg{"Policy", "교체 정책"}
	msgAny            = msg{"Any", "상관없음"}
	msgDifficulty     = msg{"Difficulty", "난이도"}
	msgTiming         = msg{"Timing", "시간 제한"}
	msgTimed          = msg{"Timed (30 s)", "제한 있음 (30초)"}
	msgUntimed        = msg{"Untimed", "제한 없음"}
	msgFrames         = msg{"%d frames", "프레임 %d개"}
	msgQOfN           = msg{"Q %d/%d", "%d/%d번"}
	msgScore          = msg{"Score %d", "점수 %d"}
	msgNext           = msg{"Next", "다음"}
	msgResults        = msg{"See results", "결과 보기"}
	msgCorrect        = msg{"Correct", "정답"}
	msgWrong          = msg{"Not quite", "오답"}
	msgTimeUp         = msg{"Time is up", "시간 초과"}
	msgPoints         = msg{"+%d points", "+%d점"}
	msgStreak         = msg{"streak %d", "연속 %d"}
	msgPickFrame      = msg{"Click or tap the frame whose page is evicted (keys 1–%d)", "쫓겨날 페이지가 있는 프레임을 누르세요 (키 1–%d)"}
	msgPickHF         = msg{"Keys: 1 = hit, 2 = fault", "키: 1 = 히트, 2 = 폴트"}
	msgRefString      = msg{"Reference string", "참조열"}
	msgIncoming       = msg{"Next reference", "다음 참조"}
	msgPage           = msg{"page %d", "페이지 %d"}
	msgFrame          = msg{"Frame %d", "프레임 %d"}
	msgWrite          = msg{"write", "쓰기"}
	msgHitShort       = msg{"hit", "히트"}
	msgFaultShort     = msg{"fault", "폴트"}
	msgEmpty          = msg{"free", "빈칸"}
	msgHand           = msg{"hand", "바늘"}
	msgDone           = msg{"Round complete", "라운드 끝"}
	msgTotal          = msg{"%d points", "%d점"}
	msgRight          = msg{"%d of %d correct", "%d/%d 정답"}
	msgNewBest        = msg{"New best for this topic!", "이 주제의 최고 기록입니다!"}
	msgBest           = msg{"Best: %d", "최고 기록: %d"}
	msgAgain          = msg{"Play again", "다시 하기"}
	msgChange         = msg{"Change options", "옵션 바꾸기"}
	msgTitle          = msg{"Title", "처음으로"}
	msgPlayHere       = msg{"Play in this tab", "이 탭에서 계속하기"}
	msgChangeSettings = msg{"Settings", "설정 바꾸기"}
	msgSaveSettings   = msg{"Save", "저장"}
	msgLanguage       = msg{"Language", "언어"}
	msgColorBlind     = msg{"Colour-blind palette", "색각 이상 배려 색상"}
	msgOn             = msg{"On", "켜기"}
	msgOff            = msg{"Off", "끄기"}
	msgTimingNote     = msg{"Untimed: every correct answer scores 1000.", "제한 없음: 정답마다 1000점입니다."}
	msgLegendBits     = msg{"R = reference bit · D = dirty bit", "R = 참조 비트 · D = 변경(dirty) 비트"}
	msgAnswerWas      = msg{"Answer: %s", "정답: %s"}
	msgYouPicked      = msg{"You picked %s. %s", "고른 답: %s. %s"}
	msgEscQuit        = msg{"Esc: quit", "Esc: 그만두기"}
	msgLoadingFont    = msg{"Loading font…", "글꼴을 불러오는 중…"}
)

// topicInfo is a topic on the title screen, in the course's order.
type topicInfo struct {
	topic quiz.Topic
	name  msg
	ready bool // playable in this version
}

var topics = []topicInfo{
	{quiz.TopicReplace, msg{"Page replacement", "페이지 교체"}, true},
	{"paging", msg{"Paging and TLBs", "페이징과 TLB"}, true},
	{"malloc", msg{"Memory allocation", "메모리 할당"}, true},
	{"disk", msg{"Disk scheduling", "디스크 스케줄링"}, true},
	{"raid", msg{"RAID", "RAID"}, true},
	{"fileblock", msg{"File systems", "파일 시스템"}, true},
}
