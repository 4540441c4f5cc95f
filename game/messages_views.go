package game

// Interface strings of the question component and the views.
var (
	msgRules        = msg{"Rules: ", "규칙: "}
	msgSubmitAnswer = msg{"Submit", "제출"}
	msgTrapKey      = msg{"TRAP", "트랩"}
	msgPickOne      = msg{"Click or tap the %s (keys 1–%d, or arrows/Tab and Enter)", "%s 하나를 누르세요 (키 1–%d, 또는 방향키/Tab과 Enter)"}
	msgPickSet      = msg{"Click or tap every %s, then Submit (keys 1–%d, or arrows/Tab and Enter)", "해당하는 %s 모두 누른 뒤 제출 (키 1–%d, 또는 방향키/Tab과 Enter)"}
	msgChoiceKeys   = msg{"Keys 1–%d, or arrows/Tab and Enter", "키 1–%d, 또는 방향키/Tab과 Enter"}
	msgChoiceArrows = msg{"Arrows/Tab and Enter to choose", "방향키/Tab으로 옮기고 Enter로 선택"}
	msgPickOneTap   = msg{"Tap the %s", "%s 하나를 누르세요"}
	msgPickSetTap   = msg{"Tap every %s, then Submit", "해당하는 %s 모두 누른 뒤 제출"}
	msgPageNumber   = msg{"page number", "페이지 번호"}
	msgOffset       = msg{"offset", "오프셋"}
	nounFrame       = msg{"frame whose page is evicted", "쫓겨날 페이지의 프레임"}
	nounCylinder    = msg{"cylinder on the axis", "축 위의 실린더"}
	nounDisk        = msg{"disk", "디스크"}
	nounHole        = msg{"hole", "빈 공간(hole)"}
	nounBlock       = msg{"block", "블록"}
	nounPage        = msg{"page", "페이지"}
)

var msgDaily = msg{"Daily challenge", "오늘의 도전"}

var (
	msgDiskPolicy = msg{"%s · cylinders 0–%d", "%s · 실린더 0–%d"}
	msgMovement   = msg{"Total head movement: %d", "총 헤드 이동: %d"}
)

var (
	msgDiskN  = msg{"Disk %d", "디스크 %d"}
	msgStripe = msg{"stripe %d", "스트라이프 %d"}
	msgRowN   = msg{"row %d", "행 %d"}
	msgFailed = msg{"failed", "고장"}
	msgSpareN = msg{"Spare %d", "예비 %d"}
	msgSpare  = msg{"Spare", "예비"}
	// msgForDisk tags a spare with the failed disk it replaces; the short
	// form when a phone's column is narrow.
	msgForDisk      = msg{"for disk %d", "디스크 %d 대신"}
	msgForDiskShort = msg{"for %d", "%d 대신"}
)

var (
	msgRW         = msg{"R read · W write", "R 읽기 · W 쓰기"}
	msgVA         = msg{"Virtual address %d · pages of %d bytes", "가상 주소 %d · 페이지 %d바이트"}
	msgVPNBits    = msg{"page number (%d bits)", "페이지 번호 (%d비트)"}
	msgOffsetBits = msg{"offset (%d bits)", "오프셋 (%d비트)"}
	msgPageTable  = msg{"Page table", "페이지 테이블"}
	msgTrapWhy    = msg{"Trap: %s", "트랩: %s"}
	msgPAis       = msg{"Physical address = frame %d × %d + %d = %d", "물리 주소 = 프레임 %d × %d + %d = %d"}
)

var (
	msgRequest     = msg{"request %d", "요청 %d"}
	msgBlocksHoles = msg{"blue: allocated · dark: holes", "파랑: 할당됨 · 어두움: 빈 공간"}
	msgBaseLimit   = msg{"Base %d · limit %d", "기준 %d · 한계 %d"}
	msgLogical     = msg{"Logical address %d", "논리 주소 %d"}
	msgPartition   = msg{"process", "프로세스"}
	msgSegAddr     = msg{"Logical address %d = segment %d, offset %d", "논리 주소 %d = 세그먼트 %d, 오프셋 %d"}
	msgSegAddrAsk  = msg{"Logical address %d (%d-bit segment, %d-bit offset)", "논리 주소 %d (세그먼트 %d비트, 오프셋 %d비트)"}
	msgSegN        = msg{"seg %d", "세그 %d"}
	msgBaseN       = msg{"base %d", "기준 %d"}
	msgLimitN      = msg{"limit %d", "한계 %d"}
	msgGrowsUp     = msg{"grows up", "위로 자람"}
	msgGrowsDown   = msg{"grows down", "아래로 자람"}
	msgPA          = msg{"physical %d", "물리 %d"}
	msgTrapped     = msg{"Trap: the address is outside the limit", "트랩: 주소가 한계를 벗어남"}
)

var (
	msgAccesses      = msg{"Accesses (page numbers)", "접근 (페이지 번호)"}
	msgTLB           = msg{"TLB: %d entries, %s", "TLB: 항목 %d개, %s"}
	msgSlot          = msg{"entry %d", "항목 %d"}
	msgHitMissLegend = msg{"ring: hit · dot: miss", "고리: 히트 · 점: 미스"}
)

var (
	msgBitmap   = msg{"Free-space bitmap (1 = free): a file asks for %d blocks", "빈 공간 비트맵 (1 = 빈 블록): 파일이 %d블록을 요청"}
	msgWSetRefs = msg{"Reference string (time under each) · Δ = %d", "참조열 (아래는 시각) · Δ = %d"}
	msgWindow   = msg{"window ending at t = %d (Δ = %d)", "t = %d에서 끝나는 창 (Δ = %d)"}
	msgPages    = msg{"Pages: click every page in the working set", "페이지: 작업 집합에 든 페이지를 모두 누르세요"}
)

var (
	msgWalkVA = msg{"Virtual address %d (%d bits): one index per level, then the offset", "가상 주소 %d (%d비트): 단계마다 인덱스, 그다음 오프셋"}
	msgLevel  = msg{"Level %d", "%d단계"}
	msgEntry  = msg{"[%d] = 0x%02x", "[%d] = 0x%02x"}
	msgPageN  = msg{"page %d", "페이지 %d"}
)

var (
	msgFileScheme  = msg{"Scheme: %s · %d-byte blocks", "방식: %s · 블록 %d바이트"}
	msgIndexBlock  = msg{"index block %d", "인덱스 블록 %d"}
	msgFileBlockN  = msg{"file blk %d", "파일 블록 %d"}
	msgInodeSlots  = msg{"inode: %d direct pointers, then single, double, triple indirect", "아이노드: 직접 포인터 %d개, 그다음 단일·이중·삼중 간접"}
	msgRole        = msg{"%s %d", "%s %d"}
	msgReads       = msg{"%d disk reads · file block %d", "디스크 읽기 %d번 · 파일 블록 %d"}
	msgDataBlockAt = msg{"data block %d", "데이터 블록 %d"}
	msgByteN       = msg{"byte %d", "%d번 바이트"}
	msgFATStart    = msg{"Directory entry: first block %d", "디렉터리 항목: 첫 블록 %d"}
	msgFATBlockCol = msg{"block", "블록"}
	msgFATNextCol  = msg{"next", "다음"}
	msgFATEnd      = msg{"end", "끝"}
	msgCompaction  = msg{"Compaction: every block slides down", "압축: 모든 블록을 아래로 밀기"}
	msgCompacted   = msg{"Compaction copied %d bytes", "압축으로 %d바이트 복사"}
	msgFATRows     = msg{"the file's entries only", "이 파일의 항목만"}
	msgFATFileBlk  = msg{"file blk %d", "파일 블록 %d"}
	msgFATIn       = msg{"FAT blk %d", "FAT 블록 %d"}

	msgEATTLB        = msg{"TLB", "TLB"}
	msgEATTable      = msg{"table", "테이블"}
	msgEATMemory     = msg{"memory", "메모리"}
	msgEATHit        = msg{"TLB hit", "TLB 적중"}
	msgEATMiss       = msg{"TLB miss", "TLB 미스"}
	msgEATAsk        = msg{"Weigh each case's time by its probability and add.", "각 경우의 시간에 확률을 곱해 더하세요."}
	msgBeladyRefs    = msg{"Reference string", "참조열"}
	msgBeladyFaults  = msg{"Page faults with %s", "%s의 페이지 폴트 수"}
	msgBeladyFrame   = msg{"1 frame", "프레임 1개"}
	msgBeladyFrames  = msg{"%d frames", "프레임 %d개"}
	msgBeladyUsual   = msg{"More frames, no more faults", "프레임이 늘어도 폴트는 늘지 않음"}
	msgBeladyAnomaly = msg{"More frames, more faults: Belady's anomaly", "프레임이 늘었는데 폴트도 늘어남: 벨레이디의 모순"}
)
