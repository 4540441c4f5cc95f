package quiz

// storageKO holds the Korean templates of the storage families, in the
// course's terms (헤드, 실린더, 헤드 이동 거리, 요청 큐, 스트라이프, 패리티,
// 연속 할당, 아이노드, 비트맵, 자유 블록, ...). Every key must also be in
// storageEN with the same {placeholders} (a test checks). A policy name is
// never followed by a particle that changes with its sound ("LOOK" reads
// 룩), so templates write "{policy}에서는" or "{policy}의".
var storageKO = map[string]string{
	// 주제.
	"topic.disk":      "디스크 스케줄링",
	"topic.raid":      "RAID",
	"topic.fileblock": "파일 할당",
	"topic.freespace": "자유 공간 관리",

	// 디스크 스케줄링 용어.
	"disk.policy.fcfs":             "FCFS",
	"disk.policy.sstf":             "SSTF",
	"disk.policy.scan":             "SCAN",
	"disk.policy.cscan":            "C-SCAN",
	"disk.policy.look":             "LOOK",
	"disk.policy.clook":            "C-LOOK",
	"disk.policy.nscan":            "N-step SCAN",
	"disk.policy.fscan":            "F-SCAN",
	"disk.dir.up":                  "번호가 큰 쪽으로",
	"disk.dir.down":                "번호가 작은 쪽으로",
	"disk.side.up":                 "큰 쪽",
	"disk.side.down":               "작은 쪽",
	"disk.unit.cylinders":          "실린더",
	"disk.rule.sstf_tie.direction": "헤드의 현재 진행 방향에 있는 요청",
	"disk.rule.sstf_tie.lower":     "번호가 작은 실린더",

	// disk.next
	"disk.next.prompt.fcfs":        "{policy}, 실린더 0–{last}. 헤드는 실린더 {head}에 있습니다. 헤드가 다음에 처리할 요청은 어느 실린더일까요?",
	"disk.next.prompt":             "{policy}, 실린더 0–{last}. 헤드는 실린더 {head}에 있고 {dir} 이동 중입니다. 헤드가 다음에 처리할 요청은 어느 실린더일까요?",
	"disk.next.prompt.sweep":       "{policy}, 실린더 0–{last}. 헤드는 실린더 {head}에 있고 {dir} 이동 중입니다. 헤드가 다음에 멈추는 곳은 어디일까요? 다음에 처리할 요청, 또는 그보다 먼저 가장자리로 간다면 그 가장자리를 고르세요.",
	"disk.next.choice":             "실린더 {cyl}",
	"disk.next.choice.edge":        "실린더 {cyl} (가장자리)",
	"disk.next.explain.fcfs":       "FCFS에서는 헤드 위치와 상관없이 요청이 도착한 순서대로 처리합니다. 아직 기다리는 요청 중 가장 먼저 온 것이 실린더 {next}입니다.",
	"disk.next.explain.sstf":       "SSTF에서는 헤드에서 가장 가까운 요청을 먼저 처리합니다. 실린더 {head}에서 {dist}실린더 떨어진 실린더 {next}입니다.",
	"disk.next.explain.sstf.tie":   "SSTF에서는 헤드에서 가장 가까운 요청을 먼저 처리합니다. 실린더 {next:와} 실린더 {other} 모두 실린더 {head}에서 {dist}실린더 떨어져 있어, 동률 규칙에 따라 {tie}인 실린더 {next:를} 고릅니다.",
	"disk.next.explain.ahead":      "{policy}에서는 진행 방향에 요청이 남아 있는 동안 {dir} 계속 이동합니다. 실린더 {head}에서 그 방향으로 가장 가까운 요청은 실린더 {next}입니다.",
	"disk.next.explain.scan.edge":  "실린더 {head}보다 {side}에는 남은 요청이 없지만 반대쪽에는 요청이 남아 있습니다. SCAN에서는 방향을 바꾸기 전에 디스크 가장자리인 실린더 {next}까지 간 다음(규칙: 가장자리까지 이동) 실린더 {served:를} 처리합니다.",
	"disk.next.explain.cscan.edge": "실린더 {head}보다 {side}에는 남은 요청이 없습니다. C-SCAN에서는 디스크 가장자리인 실린더 {next}까지 간 다음(규칙: 가장자리까지 이동) 실린더 {other}까지 돌아간 뒤 다시 {dir} 훑으며 실린더 {served:를} 처리합니다.",
	"disk.next.explain.cscan.jump": "헤드가 가장자리인 실린더 {head}에 있고 진행 방향에 남은 요청이 없습니다. C-SCAN에서는 반대쪽 끝인 실린더 {next}까지 돌아가 다시 {dir} 훑으며, 먼저 실린더 {served:를} 처리합니다.",
	"disk.next.explain.wrap":       "실린더 {head}보다 {side}에는 남은 요청이 없습니다. {policy}에서는 반대쪽에서 가장 멀리 있는 요청인 실린더 {next}까지 바로 돌아가 다시 {dir} 훑습니다.",
	"disk.next.explain.turn":       "실린더 {head}보다 {side}에는 남은 요청이 없습니다. {policy}에서는 그 자리에서 방향을 바꾸어, 돌아가는 길에 가장 가까운 요청인 실린더 {next:를} 처리합니다.",
	"disk.next.why.turned":         "그것은 LOOK처럼 마지막 요청에서 방향을 바꾼 답입니다. 규칙에 따라 {policy}에서는 먼저 디스크 가장자리인 실린더 {edge}까지 갑니다.",
	"disk.next.why.edge":           "그것은 SCAN처럼 디스크 가장자리까지 간 답입니다. {policy}에서는 마지막 요청에서 바로 방향을 바꿉니다.",
	"disk.next.why.edge.early":     "{policy}에서는 진행 방향에 요청이 하나도 남지 않았을 때만 가장자리로 갑니다. 실린더 {head}보다 {side}에 아직 요청이 남아 있습니다.",
	"disk.next.why.direction":      "그것은 헤드가 {other} 이동할 때의 답입니다. 헤드는 {dir} 이동 중입니다.",
	"disk.next.why.circular":       "그것은 {other}의 방식입니다. 반대쪽 끝으로 돌아가 같은 방향으로 다시 훑습니다. {policy}에서는 방향을 바꿉니다.",
	"disk.next.why.elevator":       "그것은 {other}의 방식입니다. 방향을 바꾸어 돌아가는 길에 요청을 처리합니다. {policy}에서는 반대쪽 끝으로 돌아가 같은 방향으로 다시 훑습니다.",
	"disk.next.why.sstf":           "그것은 SSTF의 선택입니다. 방향과 상관없이 가장 가까운({dist}실린더) 요청을 처리합니다.",
	"disk.next.why.fcfs":           "그것은 FCFS의 선택입니다. 요청 큐에서 가장 먼저 온 요청을 처리합니다.",
	"disk.next.why.look":           "그것은 엘리베이터 방식(SCAN, LOOK)의 선택입니다. {dir} 계속 이동합니다.",
	"disk.next.why.later.fcfs":     "실린더 {cyl}의 요청은 실린더 {next}보다 늦게 도착했습니다. FCFS에서는 도착한 순서대로 처리합니다.",
	"disk.next.why.farther":        "실린더 {cyl:는} {dist}실린더 떨어져 있습니다. 실린더 {next:가} {best}실린더로 더 가깝습니다.",
	"disk.next.why.later":          "실린더 {cyl:는} {policy}의 이동 순서에서 더 나중에 처리됩니다.",

	// disk.movement
	"disk.movement.prompt.fcfs":        "{policy}, 실린더 0–{last}, 헤드는 실린더 {head}에 있습니다. 요청 큐를 모두 처리할 때 총 헤드 이동 거리는 몇 실린더일까요?",
	"disk.movement.prompt":             "{policy}, 실린더 0–{last}, 헤드는 실린더 {head}에서 {dir} 이동 중입니다. 요청 큐를 모두 처리할 때 총 헤드 이동 거리는 몇 실린더일까요?",
	"disk.movement.explain":            "{policy}에서 헤드는 {path} 순으로 움직여, 모두 {movement}실린더를 이동합니다.",
	"disk.movement.explain.counted":    "{policy}에서 헤드는 {path} 순으로 움직여, 모두 {movement}실린더를 이동합니다. 규칙에 따라 {from}에서 {to}까지 돌아가는 {ret}실린더도 셉니다.",
	"disk.movement.explain.notcounted": "{policy}에서 헤드는 {path} 순으로 움직여, 모두 {movement}실린더를 이동합니다. 규칙에 따라 {from}에서 {to}까지 돌아가는 이동은 세지 않습니다.",
	"disk.movement.why.noreturn":       "그것은 되돌아가는 이동({ret}실린더)을 빼먹은 값입니다. 규칙에 따라 이것도 셉니다.",
	"disk.movement.why.return":         "그것은 되돌아가는 이동({ret}실린더)까지 센 값입니다. 규칙에 따라 이것은 세지 않습니다.",
	"disk.movement.why.lastrequest":    "그것은 LOOK처럼 마지막 요청에서 방향을 바꾼 값입니다. 규칙에 따라 {policy}에서는 디스크 가장자리까지 갑니다.",
	"disk.movement.why.edge":           "그것은 디스크 가장자리까지 간 값입니다. 규칙에 따라 {policy}에서는 마지막 요청에서 방향을 바꿉니다.",
	"disk.movement.why.direction":      "그것은 헤드가 {other} 출발할 때의 값입니다. 헤드는 {dir} 출발합니다.",
	"disk.movement.why.policy":         "그것은 {policy}의 값이 아니라 {other}의 값입니다.",
}
