package quiz

// messagesKO holds the Korean templates, in the course's terms (페이지 폴트,
// 프레임, 희생 페이지, 참조 비트, ...). Every key must also be in messagesEN
// with the same {placeholders} (a test checks).
var messagesKO = map[string]string{
	// 용어.
	"policy.fifo":   "FIFO",
	"policy.lru":    "LRU",
	"policy.lfu":    "LFU",
	"policy.mfu":    "MFU",
	"policy.mru":    "MRU",
	"policy.opt":    "OPT(최적)",
	"policy.clock":  "클록(2차 기회)",
	"policy.eclock": "개선된 클록",
	"policy.random": "무작위 교체",
	"choice.hit":    "히트",
	"choice.fault":  "페이지 폴트",
	"choice.yes":    "예",
	"choice.no":     "아니요",
	"choice.page":   "페이지 {page} (프레임 {frame})",
	"unit.faults":   "페이지 폴트",

	// 주제.
	"topic.replace": "페이지 교체",

	// replace.hitfault
	"replace.hitfault.prompt":        "{policy}, 프레임 {frames}개. 다음에 페이지 {page:를} 참조합니다. 히트일까요, 페이지 폴트일까요?",
	"replace.hitfault.explain.hit":   "페이지 {page:는} 프레임 {frame}에 있으므로 히트입니다. 적재나 교체가 일어나지 않습니다.",
	"replace.hitfault.explain.fault": "페이지 {page:는} 어느 프레임에도 없으므로 페이지 폴트입니다. 프레임 {frame}에 적재됩니다.",
	"replace.hitfault.why.evicted":   "페이지 {page:는} 메모리에 있었지만 {policy:가} {when}번째 참조에서 내보냈습니다.",
	"replace.hitfault.why.never":     "페이지 {page:는} 아직 한 번도 참조되지 않았으므로 메모리에 있을 수 없습니다.",
	"replace.hitfault.why.present":   "페이지 {page:는} 아직 프레임 {frame}에 있습니다.",

	// replace.victim
	"replace.victim.prompt":               "{policy}, 프레임 {frames}개. 페이지 {page:를} 참조했는데 프레임이 모두 찼습니다. 희생 페이지는 무엇일까요?",
	"replace.victim.explain.fifo":         "FIFO는 가장 먼저 적재된 페이지를 내보냅니다. {loaded}번째 참조에서 적재된 페이지 {victim:가} 희생 페이지입니다.",
	"replace.victim.explain.lru":          "LRU는 가장 오랫동안 사용되지 않은 페이지를 내보냅니다. 페이지 {victim:는} {ago}번 참조 전에 마지막으로 사용되었습니다.",
	"replace.victim.explain.opt.never":    "OPT는 다음 사용이 가장 먼 페이지를 내보냅니다. 페이지 {victim:는} 다시 사용되지 않습니다. 다시 쓰이지 않는 페이지끼리는 {tie:를} 고릅니다.",
	"replace.victim.explain.opt":          "OPT는 다음 사용이 가장 먼 페이지를 내보냅니다. 페이지 {victim:는} {ahead}번 참조 뒤에야 다시 사용됩니다.",
	"replace.victim.explain.lfu":          "LFU는 참조 횟수가 가장 적은({count}회) 페이지 {victim:를} 내보냅니다. 횟수 기준: {count_rule}, 동률: {tie}.",
	"replace.victim.explain.mfu":          "MFU는 참조 횟수가 가장 많은({count}회) 페이지 {victim:를} 내보냅니다. 횟수 기준: {count_rule}, 동률: {tie}.",
	"replace.victim.explain.mru":          "MRU는 가장 최근에 사용된 페이지를 내보냅니다. 바로 앞에서 참조된 페이지 {victim:가} 희생 페이지입니다.",
	"replace.victim.explain.clock":        "시곗바늘이 출발하는 프레임 {hand}의 참조 비트가 이미 0이므로 페이지 {victim:가} 희생 페이지입니다.",
	"replace.victim.why.fifo":             "그것은 FIFO의 선택입니다. 페이지 {page:가} 가장 먼저 적재되었습니다.",
	"replace.victim.why.lru":              "그것은 LRU의 선택입니다. 페이지 {page:가} 가장 오랫동안 사용되지 않았습니다.",
	"replace.victim.why.opt":              "그것은 OPT의 선택입니다. 페이지 {page:가} 가장 나중에 쓰이거나 다시 쓰이지 않습니다.",
	"replace.victim.why.lfu":              "그것은 LFU의 선택입니다. 페이지 {page}의 참조 횟수가 가장 적습니다.",
	"replace.victim.why.mfu":              "그것은 MFU의 선택입니다. 페이지 {page}의 참조 횟수가 가장 많습니다.",
	"replace.victim.why.mru":              "그것은 MRU의 선택입니다. 페이지 {page:가} 가장 최근에 사용되었습니다.",
	"replace.victim.explain.clock.second": "시곗바늘은 프레임 {hand}에서 출발합니다. 프레임 {cleared}의 참조 비트를 0으로 바꾸며 2차 기회를 주고, 참조 비트가 0인 프레임 {frame}에서 멈추므로 페이지 {victim:가} 희생 페이지입니다.",

	"replace.victim.explain.eclock": "개선된 클록은 프레임 {hand}부터 (참조 비트, 변경 비트) 등급이 가장 낮은 프레임을 찾습니다. {sweeps}번 돌아 등급 (0, {dirty})인 프레임 {frame}에서 멈추므로 페이지 {victim:가} 희생 페이지입니다.",
	"replace.victim.explain.random": "무작위 교체는 시드로 정해진 난수열에서 뽑은 프레임 {frame}의 페이지 {victim:를} 내보냅니다.",
	"replace.victim.why.other":      "여기서 {policy:는} 페이지 {page:를} 고르지 않습니다.",

	// replace.faults
	"replace.faults.prompt":     "프레임 {frames}개로 {policy:가} 이 참조열을 처리합니다. 페이지 폴트는 모두 몇 번 일어날까요?",
	"replace.faults.explain":    "프레임 {frames}개의 {policy:는} 참조 {refs}번 중 페이지 폴트 {faults}번, 히트 {hits}번입니다.",
	"replace.faults.why.policy": "그것은 {policy:가} 아니라 {other}의 횟수입니다.",
	"replace.faults.why.cold":   "빈 프레임을 처음 채우는 페이지 폴트 {cold}번을 빼먹었습니다. 이것도 페이지 폴트입니다.",

	// replace.belady
	"replace.belady.prompt":      "{policy:가} 이 참조열을 처리합니다. 프레임을 {fewer}개에서 {more}개로 늘리면 페이지 폴트가 더 많아질까요?",
	"replace.belady.explain":     "{policy:는} 프레임 {fewer}개에서 페이지 폴트 {faults_fewer}번, {more}개에서 {faults_more}번입니다.",
	"replace.belady.explain.yes": "{policy:는} 프레임 {fewer}개에서 페이지 폴트 {faults_fewer}번인데 {more}개에서는 {faults_more}번입니다. 벨레이디의 모순(Belady's anomaly)입니다. FIFO 계열은 스택 알고리즘이 아닙니다.",
	"replace.belady.why.stack":   "{policy:는} 스택 알고리즘이라 프레임이 적을 때 가진 페이지를 프레임이 많을 때도 항상 가지므로, 프레임을 늘려도 페이지 폴트가 늘지 않습니다.",
	"replace.belady.why.anomaly": "보통은 프레임이 많을수록 좋지만, FIFO 계열은 프레임을 늘리면 페이지 폴트가 늘 수 있고(벨레이디의 모순), 여기서 그렇습니다.",
	"replace.belady.why.usually": "FIFO 계열에서 벨레이디의 모순이 생길 수 있지만, 이 참조열에서는 프레임을 늘려도 페이지 폴트가 늘지 않습니다.",

	// 규칙.
	"rule.opt_tie.lowest-frame":    "번호가 가장 낮은 프레임",
	"rule.opt_tie.earliest-loaded": "가장 먼저 적재된 페이지",
	"rule.opt_tie.latest-loaded":   "가장 나중에 적재된 페이지",
	"rule.count.since-load":        "적재된 뒤의 참조 횟수",
	"rule.count.all-time":          "전체 참조 횟수",
	"rule.count_tie.lru":           "가장 오래전에 사용된 페이지",
	"rule.count_tie.fifo":          "가장 먼저 적재된 페이지",
}
