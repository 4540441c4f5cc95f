package game

// The words of the study room (scene_study_start.go, scene_study.go).
var (
	msgStudy          = msg{"Study room", "스터디 룸"}
	msgStudySub       = msg{"One shared simulation: propose, predict, step together", "하나의 시뮬레이션을 함께: 입력 제안, 예측, 단계 실행"}
	msgStudyPicks     = msg{"Simulation", "시뮬레이션"}
	msgStudyReplace   = msg{"Page replacement", "페이지 교체"}
	msgStudyDisk      = msg{"Disk scheduling", "디스크 스케줄링"}
	msgStudyPolicy    = msg{"Policy", "정책"}
	msgStudyFrames    = msg{"Frames", "프레임 수"}
	msgStudyHead      = msg{"Head starts at (cylinders 0–%d)", "헤드 시작 위치 (실린더 0–%d)"}
	msgStudyDir       = msg{"Moving", "이동 방향"}
	msgStudyUp        = msg{"up ↑", "큰 쪽 ↑"}
	msgStudyDown      = msg{"down ↓", "작은 쪽 ↓"}
	msgStudyCreate    = msg{"Create study room", "스터디 룸 만들기"}
	msgStudyOrJoin    = msg{"or join a study room", "또는 스터디 룸에 참가"}
	msgStudyCode      = msg{"Code %s", "코드 %s"}
	msgStudyNextRef   = msg{"Propose the next reference", "다음 참조 페이지 제안"}
	msgStudyNextReq   = msg{"Propose a request", "요청 실린더 제안"}
	msgStudyPropose   = msg{"Add", "추가"}
	msgStudyPageRange = msg{"page 0–99", "페이지 0–99"}
	msgStudyCylRange  = msg{"cylinder 0–%d", "실린더 0–%d"}
	msgStudyQueue     = msg{"Waiting: %s", "대기 중: %s"}
	msgStudyQueueNone = msg{"Nothing waiting", "대기 중인 입력 없음"}
	msgStudyStep      = msg{"Play step", "단계 실행"}
	msgStudyBack      = msg{"◀ Back", "◀ 이전"}
	msgStudyForward   = msg{"Forward ▶", "다음 ▶"}
	msgStudyStepOf    = msg{"Step %d of %d", "%d / %d단계"}
	msgStudyNoSteps   = msg{"No steps yet", "아직 실행한 단계 없음"}
	msgStudyAskFrame  = msg{"Where will page %d go? Tap the frame it will be in after the step.", "다음 참조(페이지 %d)가 끝나면 이 페이지가 있을 프레임을 누르세요."}
	msgStudyAskCyl    = msg{"Which request does the head serve next? Tap its cylinder.", "헤드가 다음에 처리할 요청은? 그 실린더를 누르세요."}
	msgStudyStart     = msg{"Propose the first input with the keypad; everyone sees it.", "키패드로 첫 입력을 제안하세요. 모두에게 보입니다."}
	msgStudyIdle      = msg{"Propose the next input to go on.", "계속하려면 다음 입력을 제안하세요."}
	msgStudyPast      = msg{"You are looking back in the history. Forward returns to the latest step.", "지난 단계를 보고 있습니다. '다음'으로 최신 단계에 돌아갑니다."}
	msgStudyPredicted = msg{"Predictions: %d of %d", "예측: %d/%d명"}
	msgStudyRight     = msg{"right: %s", "맞힘: %s"}
	msgStudyNobody    = msg{"nobody predicted", "예측한 사람 없음"}
	msgStudyEmpty     = msg{"The frames are empty until the first reference.", "첫 참조 전에는 프레임이 비어 있습니다."}
	msgStudyHit       = msg{"Step %d · page %d · hit", "%d단계 · 페이지 %d · 히트"}
	msgStudyFault     = msg{"Step %d · page %d · fault", "%d단계 · 페이지 %d · 폴트"}
	msgStudyServed    = msg{"Step %d · served cylinder %d", "%d단계 · 실린더 %d 처리"}
	msgStudyMembers   = msg{"Members", "참가자"}
)
