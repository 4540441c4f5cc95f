package game

// Interface strings of the question component and the views.
var (
	msgRules      = msg{"Rules: ", "규칙: "}
	msgSubmitAnswer     = msg{"Submit", "제출"}
	msgTrapKey    = msg{"TRAP", "트랩"}
	msgPickOne    = msg{"Click or tap the %s (keys 1–%d)", "%s 하나를 누르세요 (키 1–%d)"}
	msgPickSet    = msg{"Click or tap every %s, then Submit (keys 1–%d, Enter)", "해당하는 %s 모두 누른 뒤 제출 (키 1–%d, Enter)"}
	msgChoiceKeys = msg{"Keys 1–%d", "키 1–%d"}
	msgPageNumber = msg{"page number", "페이지 번호"}
	msgOffset     = msg{"offset", "오프셋"}
	nounFrame     = msg{"frame whose page is evicted", "쫓겨날 페이지의 프레임"}
	nounCylinder  = msg{"cylinder on the axis", "축 위의 실린더"}
	nounDisk      = msg{"disk", "디스크"}
	nounHole      = msg{"hole", "빈 공간(hole)"}
	nounBlock     = msg{"block", "블록"}
	nounPage      = msg{"page", "페이지"}
)

var msgDaily = msg{"Daily challenge", "오늘의 도전"}
