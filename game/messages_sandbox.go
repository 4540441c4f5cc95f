package game

// Interface strings of the sandbox (the homework checker).
var (
	msgSandbox        = msg{"Sandbox", "샌드박스"}
	msgSandboxLink    = msg{"Check your homework", "숙제 검사기"}
	msgSandboxSub     = msg{"Type your own reference string or request queue, then step through the run.", "참조열이나 요청 큐를 직접 입력하고, 실행을 한 단계씩 앞뒤로 살펴보세요."}
	msgSbSimulation   = msg{"Simulation", "시뮬레이션"}
	msgSbReplace      = msg{"Page replacement", "페이지 교체"}
	msgSbDisk         = msg{"Disk scheduling", "디스크 스케줄링"}
	msgSbFrames       = msg{"Frames", "프레임 수"}
	msgSbRefs         = msg{"Reference string", "참조열"}
	msgSbRefsHint     = msg{"Spaces or commas between pages; a w marks a write (0w)", "페이지 사이는 공백이나 쉼표로, 쓰기는 w를 붙여서 (0w)"}
	msgSbQueue        = msg{"Request queue (cylinders)", "요청 큐 (실린더)"}
	msgSbQueueHint    = msg{"Spaces or commas between cylinders: 98, 183, 37", "실린더 사이는 공백이나 쉼표로: 98, 183, 37"}
	msgSbHead         = msg{"Head starts at", "헤드 시작 위치"}
	msgSbCylinders    = msg{"Cylinders", "실린더 수"}
	msgSbDirection    = msg{"Head moving", "헤드 진행 방향"}
	msgSbUp           = msg{"Up (toward %s)", "위로 (%s 쪽)"}
	msgSbDown         = msg{"Down (toward 0)", "아래로 (0 쪽)"}
	msgSbShowRun      = msg{"Step through the run", "한 단계씩 보기"}
	msgSbEdit         = msg{"Edit", "입력 수정"}
	msgSbPicture      = msg{"Picture", "그림"}
	msgSbTable        = msg{"Table", "표"}
	msgSbPlay         = msg{"Play", "재생"}
	msgSbPause        = msg{"Pause", "멈춤"}
	msgSbStep         = msg{"Step %d of %d", "%d/%d단계"}
	msgSbKeys         = msg{"Keys: ← → step · Home/End · Space play", "키: ← → 한 단계 · Home/End · Space 재생"}
	msgSbFixInput     = msg{"Fix the input to see the run.", "입력을 고치면 실행 결과가 나타납니다."}
	msgSbStart        = msg{"Before the first reference: every frame is free.", "첫 참조 전: 모든 프레임이 비어 있습니다."}
	msgSbHit          = msg{"Page %d: hit in frame %d.", "페이지 %d: 히트 (프레임 %d)."}
	msgSbFault        = msg{"Page %d: fault, loaded into free frame %d.", "페이지 %d: 폴트, 빈 프레임 %d에 적재."}
	msgSbFaultVictim  = msg{"Page %d: fault, replaces page %d in frame %d.", "페이지 %[1]d: 폴트, 프레임 %[3]d에 적재하고 페이지 %[2]d 내보냄."}
	msgSbWriteBack    = msg{" Page %d was dirty: written back.", " 내보낸 페이지 %d: 변경되어 디스크에 다시 씀."}
	msgSbFaultsNow    = msg{"So far: %d faults in %d references", "지금까지: 참조 %[2]d번 중 폴트 %[1]d번"}
	msgSbFaultsAll    = msg{"Whole run: %d faults, %d hits (fault rate %d%%)", "전체: 폴트 %d번, 히트 %d번 (폴트율 %d%%)"}
	msgSbDiskStart    = msg{"Head at cylinder %d, moving %s.", "헤드는 실린더 %d에서 %s 움직이는 중."}
	msgSbDiskStartF   = msg{"Head at cylinder %d.", "헤드는 실린더 %d에 있습니다."}
	msgSbUpWord       = msg{"up", "위로"}
	msgSbDownWord     = msg{"down", "아래로"}
	msgSbServed       = msg{"Served cylinder %d: moved %d (from %d).", "실린더 %d 처리: %d 이동 (%d에서)."}
	msgSbServedVia    = msg{"Served cylinder %d: moved %d (from %d, via %s).", "실린더 %d 처리: %d 이동 (%d에서 출발, %s 경유)."}
	msgSbMoveNow      = msg{"So far: %d cylinders of head movement", "지금까지 헤드 이동: %d"}
	msgSbMoveAll      = msg{"Total head movement: %d cylinders", "총 헤드 이동: %d 실린더"}
	msgSbMoveNoReturn = msg{"Total head movement: %d cylinders (%d without the return jump)", "총 헤드 이동: %d 실린더 (복귀 이동 빼면 %d)"}
	msgSbRowRef       = msg{"ref", "참조"}
	msgSbRowFault     = msg{"fault", "폴트"}
	msgSbRowVictim    = msg{"victim", "희생"}
	msgSbRowCyl       = msg{"cylinder", "실린더"}
	msgSbRowMoved     = msg{"moved", "이동"}
	msgSbRowTotal     = msg{"total", "누적"}
	msgSbFrameRow     = msg{"frame %d", "프레임 %d"}
)

// Problems with what was typed (sandbox_input.go).
var (
	msgSbNoRefs      = msg{"Type a reference string, such as 7 0 1 2 0 3", "참조열을 입력하세요. 예: 7 0 1 2 0 3"}
	msgSbTooManyRefs = msg{"At most %d references (you typed %d)", "참조는 %d개까지입니다 (입력: %d개)"}
	msgSbNotPage     = msg{"Item %d, \"%s\", is not a page number", "%d번째 항목 \"%s\": 페이지 번호가 아닙니다"}
	msgSbPageRange   = msg{"Item %d, \"%s\": page numbers go from 0 to %d", "%d번째 항목 \"%s\": 페이지 번호는 0부터 %d까지입니다"}
	msgSbNoRequests  = msg{"Type a request queue, such as 98 183 37 122", "요청 큐를 입력하세요. 예: 98 183 37 122"}
	msgSbTooManyReqs = msg{"At most %d requests (you typed %d)", "요청은 %d개까지입니다 (입력: %d개)"}
	msgSbNotCylinder = msg{"Item %d, \"%s\", is not a cylinder number", "%d번째 항목 \"%s\": 실린더 번호가 아닙니다"}
	msgSbCylRange    = msg{"Item %d, \"%s\": this disk's cylinders go from 0 to %d", "%d번째 항목 \"%s\": 이 디스크의 실린더는 0부터 %d까지입니다"}
	msgSbHeadRange   = msg{"Head: type a cylinder from %d to %d", "헤드 위치: %d부터 %d 사이의 실린더를 입력하세요"}
	msgSbCylsRange   = msg{"Cylinders: type a number from %d to %d", "실린더 수: %d부터 %d 사이의 수를 입력하세요"}
	msgSbSimError    = msg{"The simulator refused it: %s", "시뮬레이터가 받아들이지 않았습니다: %s"}
)

// sandboxLinkSub is the sandbox's line under its title link.
func sandboxLinkSub(a *app) string { return msgSandboxLink.in(a.lang()) }
