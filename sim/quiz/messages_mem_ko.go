package quiz

// memKO holds the Korean templates of the memory families, in the course's
// terms (논리 주소, 물리 주소, 페이지 번호, 오프셋, 프레임, 페이지 테이블,
// 세그먼트, 베이스, 리밋, 트랩, TLB 히트/미스, 유효 접근 시간, 최초/최적/
// 최악/다음 적합, 작업 집합). Every key must also be in memEN with the same
// {placeholders} (a test checks).
var memKO = map[string]string{
	// 주제.
	"topic.relocation": "재배치(베이스·리밋 레지스터)",

	// relocation.translate
	"relocation.translate.prompt.size":        "베이스 레지스터 {base}, 리밋 레지스터 {limit}(프로세스 논리 주소 공간의 크기)입니다. CPU가 논리 주소 {va:를} 냅니다. 물리 주소는 얼마일까요, 아니면 트랩이 발생할까요?",
	"relocation.translate.prompt.end":         "베이스 레지스터 {base}, 리밋 레지스터 {limit}(파티션의 물리적 끝 주소, 그 주소는 제외)입니다. CPU가 논리 주소 {va:를} 냅니다. 물리 주소는 얼마일까요, 아니면 트랩이 발생할까요?",
	"relocation.translate.explain.valid.size": "{va:는} 리밋 {limit}보다 작으므로 합법적인 접근이고, MMU가 베이스를 더합니다: {base} + {va} = {pa}.",
	"relocation.translate.explain.valid.end":  "베이스 + 주소 = {base} + {va} = {pa:가} 리밋 {limit}(파티션의 끝)보다 작으므로 합법적인 접근이며, 물리 주소는 {pa}입니다.",
	"relocation.translate.explain.trap.size":  "{va:는} 리밋 {limit} 이상이라 프로세스의 논리 주소 공간 밖에 있으므로, MMU가 운영체제로 트랩을 겁니다(주소 지정 오류).",
	"relocation.translate.explain.trap.end":   "베이스 + 주소 = {base} + {va} = {pa:가} 리밋 {limit}(파티션의 끝) 이상이므로, MMU가 운영체제로 트랩을 겁니다(주소 지정 오류).",
	"relocation.translate.why.nobase":         "그것은 논리 주소 그대로입니다. MMU는 합법적인 주소마다 베이스 {base:를} 더합니다.",
	"relocation.translate.why.valid.size":     "{va:는} 리밋 {limit}보다 작으므로 합법적인 접근입니다. 트랩은 발생하지 않습니다.",
	"relocation.translate.why.valid.end":      "{base} + {va} = {pa:가} 리밋 {limit}보다 작으므로 합법적인 접근입니다. 트랩은 발생하지 않습니다.",
	"relocation.translate.why.last.size":      "{va:는} 리밋 − 1, 곧 마지막 합법 주소입니다. 트랩은 {limit}부터 발생합니다.",
	"relocation.translate.why.last.end":       "{base} + {va} = {pa:는} 리밋 {limit} 바로 아래의 마지막 바이트이므로 합법입니다. 트랩은 {limit}에 닿는 주소부터 발생합니다.",
	"relocation.translate.why.offbyone.size":  "하나 차이 오류입니다. 합법 주소는 0부터 {limit} − 1까지이므로, 리밋과 같은 {va}에서 이미 트랩이 발생합니다.",
	"relocation.translate.why.offbyone.end":   "하나 차이 오류입니다. 베이스 + 주소 = {pa:가} 리밋 {limit:과} 같아 파티션을 벗어난 첫 바이트이므로 트랩이 발생합니다.",
	"relocation.translate.why.baselimit":      "그것은 {va:를} 베이스 + 리밋 = {sum:과} 비교한 결과입니다. 리밋 레지스터에는 크기가 들어 있으므로 {va:를} 그대로 {limit:과} 비교해야 하고, 그러면 트랩이 발생합니다.",
	"relocation.translate.why.endsize":        "그것은 리밋을 크기로 읽고 {va:를} {limit:과} 비교한 결과입니다. 여기서 리밋은 파티션의 물리적 끝이므로 베이스 + 주소 = {pa:를} 리밋과 비교해야 하고, 그러면 트랩이 발생합니다.",
	"relocation.translate.why.nolimit":        "베이스는 더했지만 리밋 검사를 빠뜨렸습니다. {va:는} {limit} 이상이므로 메모리에 닿기 전에 트랩이 발생합니다.",

	"topic.paging": "페이징",

	// paging.split
	"paging.split.prompt":  "페이지 크기는 {ps}바이트입니다. 가상 주소 {va}의 페이지 번호와 오프셋은 얼마일까요?",
	"paging.split.explain": "{ps}바이트 페이지는 2^{bits}바이트이므로 하위 {bits}비트가 오프셋이고 나머지가 페이지 번호입니다. 페이지 번호 = {va} ÷ {ps} = {vpn}, 오프셋 = {va} mod {ps} = {offset}.",

	// paging.translate
	"paging.translate.prompt":           "페이지 크기는 {ps}바이트이고 페이지 테이블은 그림과 같습니다. 가상 주소 {va:는} 어느 물리 주소로 변환될까요, 아니면 트랩이 발생할까요?",
	"paging.translate.explain.valid":    "페이지 번호 = {va} ÷ {ps} = {vpn}, 오프셋 = {va} mod {ps} = {offset}입니다. 페이지 테이블에서 페이지 {vpn:는} 프레임 {frame}에 있으므로 물리 주소는 {frame} × {ps} + {offset} = {pa}입니다.",
	"paging.translate.explain.invalid":  "페이지 번호 = {va} ÷ {ps} = {vpn}, 오프셋 = {offset}입니다. 페이지 {vpn}의 항목이 무효(valid 비트 0)이므로 운영체제로 트랩이 발생합니다. 페이지 폴트입니다.",
	"paging.translate.explain.length":   "페이지 번호 = {va} ÷ {ps} = {vpn}, 오프셋 = {offset}입니다. 페이지 테이블의 항목은 {entries}개(페이지 0부터 {last}까지)뿐이므로 페이지 {vpn:는} 테이블 밖에 있고, 트랩이 발생합니다.",
	"paging.translate.why.vpnframe":     "그것은 페이지 번호 {vpn:를} 프레임 번호로 그대로 쓴 값입니다. 페이지 테이블에서 페이지 {vpn:는} 프레임 {frame}에 있습니다.",
	"paging.translate.why.nooffset":     "그것은 프레임 {frame}의 시작 주소입니다. 오프셋 {offset:를} 더해야 합니다.",
	"paging.translate.why.add":          "그것은 프레임 번호 {frame}에 오프셋을 더한 값입니다. 프레임 번호에 페이지 크기 {ps:를} 곱한 뒤(왼쪽으로 {bits}비트 시프트) 오프셋을 더해야 합니다.",
	"paging.translate.why.split":        "그것은 페이지 크기를 {wrong_ps}바이트로 보고 주소를 나눈 결과입니다. {ps}바이트 페이지의 오프셋은 {bits}비트이므로 페이지 {vpn}, 오프셋 {offset}입니다.",
	"paging.translate.why.valid":        "페이지 {vpn}의 항목은 유효(프레임 {frame})하므로 트랩이 발생하지 않습니다.",
	"paging.translate.why.untranslated": "그것은 주소를 변환하지 않고 그대로 쓴 값입니다. 페이지 {vpn}에는 프레임이 없으므로 트랩이 발생합니다.",
	"paging.translate.why.frame0":       "그것은 무효 항목을 프레임 0으로 읽은 값입니다. 무효 항목은 어떤 프레임도 가리키지 않습니다. valid 비트가 0이므로 트랩(페이지 폴트)이 발생합니다.",

	"topic.segment": "세그먼테이션",

	// segment.translate
	"segment.translate.prompt":             "논리 주소는 {bits}비트로, 세그먼트 번호 {seg_bits}비트와 오프셋 {off_bits}비트로 나뉩니다(세그먼트 테이블은 그림 참고). CPU가 논리 주소 {va:를} 읽습니다. 물리 주소는 얼마일까요, 아니면 트랩이 발생할까요?",
	"segment.translate.prompt.write":       "논리 주소는 {bits}비트로, 세그먼트 번호 {seg_bits}비트와 오프셋 {off_bits}비트로 나뉩니다(세그먼트 테이블은 그림 참고). CPU가 논리 주소 {va}에 씁니다. 물리 주소는 얼마일까요, 아니면 트랩이 발생할까요?",
	"segment.translate.explain.valid.up":   "세그먼트 번호는 {seg}, 오프셋은 {offset}입니다. 세그먼트 {seg:는} 위로 자라고 {offset:는} 리밋 {limit}보다 작으므로 합법적인 접근입니다: 베이스 {base} + {offset} = {pa}.",
	"segment.translate.explain.valid.down": "세그먼트 번호는 {seg}, 오프셋은 {offset}입니다. 세그먼트 {seg:는} 아래로 자라는 스택이므로 주소는 베이스보다 {max} − {offset} = {back}바이트 아래에 있고, {back:는} 리밋 {limit} 이하이므로 합법적인 접근입니다: {base} − {back} = {pa}.",
	"segment.translate.explain.limit.up":   "세그먼트 번호는 {seg}, 오프셋은 {offset}입니다. 오프셋 {offset:는} 리밋 {limit} 이상이라 세그먼트 끝을 넘으므로 트랩이 발생합니다(세그먼테이션 폴트).",
	"segment.translate.explain.limit.down": "세그먼트 번호는 {seg}, 오프셋은 {offset}입니다. 세그먼트 {seg:는} 아래로 자라므로 주소는 베이스보다 {max} − {offset} = {back}바이트 아래에 있는데, 이는 리밋 {limit:를} 넘으므로 트랩이 발생합니다(세그먼테이션 폴트).",
	"segment.translate.explain.prot":       "세그먼트 번호는 {seg}, 오프셋은 {offset}입니다. 세그먼트 {seg:는} {prot} 권한만 허용하므로 쓰기는 트랩이 발생합니다(보호 위반).",
	"segment.translate.explain.invalid":    "세그먼트 번호는 {seg}인데, 그 세그먼트의 valid 비트가 0이므로 트랩이 발생합니다.",
	"segment.translate.explain.stlr":       "세그먼트 번호는 {seg}인데, 세그먼트 테이블의 항목은 {stlr}개(STLR = {stlr})뿐이므로 트랩이 발생합니다.",
	"segment.translate.why.stlr":           "그것은 주소를 변환하지 않고 그대로 쓴 값입니다. 세그먼트 {seg:는} 세그먼트 테이블 밖에 있으므로 트랩이 발생합니다.",
	"segment.translate.why.growsup":        "그것은 스택을 위로 자라는 세그먼트로 보고 베이스 + 오프셋을 계산한 값입니다. 세그먼트 {seg:는} 아래로 자라므로 주소는 베이스 {base}보다 {max} − {offset} = {back}바이트 아래에 있습니다.",
	"segment.translate.why.growsup.trap":   "그것은 스택을 위로 자라는 세그먼트로 보고 오프셋 {offset:를} 리밋과 비교한 결과입니다. 세그먼트 {seg:는} 아래로 자라므로 주소는 베이스보다 {back}바이트 아래에 있을 뿐이고, 리밋 {limit} 이내입니다.",
	"segment.translate.why.rawoffset":      "그것은 베이스에서 오프셋 자체를 뺀 값입니다. 아래로 자라는 세그먼트는 최대 세그먼트 크기에서 거꾸로 셉니다: 베이스보다 {max} − {offset} = {back}바이트 아래입니다.",
	"segment.translate.why.whole":          "그것은 주소 전체를 오프셋으로 쓴 값입니다. 세그먼트 번호는 상위 비트에 있고, 오프셋은 {offset}뿐입니다.",
	"segment.translate.why.nobase":         "그것은 오프셋뿐입니다. 세그먼트 {seg}의 베이스 {base:를} 더해야 합니다.",
	"segment.translate.why.valid.up":       "오프셋 {offset:는} 리밋 {limit}보다 작으므로 합법적인 접근입니다. 트랩은 발생하지 않습니다.",
	"segment.translate.why.valid.down":     "주소는 베이스보다 {back}바이트 아래로 리밋 {limit} 이내이므로 합법적인 접근입니다. 트랩은 발생하지 않습니다.",
	"segment.translate.why.nolimit.up":     "그것은 리밋을 무시한 값입니다. 오프셋 {offset:는} {limit} 이상이므로 트랩이 발생합니다.",
	"segment.translate.why.nolimit.down":   "그것은 리밋을 무시한 값입니다. 주소는 베이스보다 {back}바이트 아래로 리밋 {limit:를} 넘으므로 트랩이 발생합니다.",
	"segment.translate.why.offbyone":       "하나 차이 오류입니다. 합법 오프셋은 0부터 {limit} − 1까지이므로, 리밋과 같은 오프셋 {offset}에서 이미 트랩이 발생합니다.",
	"segment.translate.why.prot":           "그것은 보호 비트를 무시한 값입니다. 세그먼트 {seg:는} {prot} 권한만 허용하므로 쓰기는 트랩이 발생합니다.",

	"topic.tlb": "TLB",
	"topic.eat": "유효 접근 시간",

	// tlb.hitmiss
	"tlb.choice.hit":              "TLB 히트",
	"tlb.choice.miss":             "TLB 미스",
	"tlb.switch.flush":            "문맥 교환 때 TLB를 비웁니다(flush)",
	"tlb.switch.asid":             "항목에 ASID가 붙어 있어 문맥 교환 때도 유지됩니다",
	"tlb.victim.lru":              "가장 오래전에 사용된 항목",
	"tlb.victim.fifo":             "가장 먼저 적재된 항목",
	"tlb.hitmiss.prompt":          "항목 {entries}개짜리 TLB를 {policy:로} 교체합니다. CPU가 다음에 페이지 {page}에 접근합니다. TLB 히트일까요, TLB 미스일까요?",
	"tlb.hitmiss.prompt.va":       "항목 {entries}개짜리 TLB를 {policy:로} 교체하고, 주소는 페이지 번호와 오프셋으로 나뉩니다. CPU가 다음에 가상 주소 {va}(페이지 {page})에 접근합니다. TLB 히트일까요, TLB 미스일까요?",
	"tlb.hitmiss.prompt.pid":      "항목 {entries}개짜리 TLB를 {policy:로} 교체하며, {switch}. 프로세스 {pid:가} 다음에 페이지 {page}에 접근합니다. TLB 히트일까요, TLB 미스일까요?",
	"tlb.hitmiss.prompt.pid.va":   "항목 {entries}개짜리 TLB를 {policy:로} 교체하며, {switch}. 프로세스 {pid:가} 다음에 가상 주소 {va}(페이지 {page})에 접근합니다. TLB 히트일까요, TLB 미스일까요?",
	"tlb.hitmiss.explain.hit":     "페이지 {page:는} TLB 슬롯 {slot}에 있으므로 TLB 히트입니다. 페이지 테이블을 읽지 않고 TLB에서 프레임 번호를 얻습니다.",
	"tlb.hitmiss.explain.miss":    "페이지 {page:는} TLB에 없으므로 TLB 미스입니다. 페이지 테이블을 읽고 그 항목을 빈 슬롯 {slot}에 적재합니다.",
	"tlb.hitmiss.explain.victim":  "페이지 {page:는} TLB에 없으므로 TLB 미스입니다. 페이지 테이블을 읽고, {policy:는} {rule}인 슬롯 {slot}의 페이지 {victim:를} 교체합니다.",
	"tlb.hitmiss.why.policy.miss": "그것은 {other}의 결과입니다. {other:는} 지금쯤 페이지 {page}의 항목을 내보냈겠지만 {policy:는} 그대로 둡니다.",
	"tlb.hitmiss.why.policy.hit":  "그것은 {other}의 결과입니다. {other:는} 페이지 {page}의 항목을 아직 갖고 있겠지만 {policy:는} {when}번째 단계에서 내보냈습니다.",
	"tlb.hitmiss.why.asid":        "문맥 교환이 TLB를 비우지 않았습니다. 항목에 ASID가 붙어 있으므로 프로세스 {pid}의 페이지 {page} 항목이 아직 남아 있습니다.",
	"tlb.hitmiss.why.present":     "페이지 {page}의 항목이 TLB 슬롯 {slot}에 있습니다.",
	"tlb.hitmiss.why.flush":       "TLB 플러시를 잊었습니다. {when}번째 단계의 문맥 교환이 TLB를 비웠으므로 페이지 {page}의 항목은 없습니다.",
	"tlb.hitmiss.why.evicted":     "페이지 {page}의 항목은 TLB에 있었지만, {policy:가} {when}번째 단계에서 페이지 {by}의 자리를 만들려고 내보냈습니다.",
	"tlb.hitmiss.why.otherpid":    "TLB에 있는 것은 프로세스 {pid}가 아니라 프로세스 {other_pid}의 페이지 {page}입니다. 항목은 자기 주소 공간(ASID)에만 맞습니다.",
	"tlb.hitmiss.why.never":       "이 프로세스는 아직 페이지 {page:를} 쓴 적이 없으므로 TLB에 있을 수 없습니다.",

	// eat.compute
	"eat.unit.ns":                  "ns",
	"eat.compute.prompt.serial":    "메모리 접근은 {m}ns, TLB 검색은 {t}ns이고, TLB 히트율은 {h}, 페이지 테이블은 {k}단계입니다. TLB를 먼저 검색합니다. 유효 접근 시간은 몇 ns일까요?",
	"eat.compute.prompt.parallel":  "메모리 접근은 {m}ns, TLB 검색은 {t}ns이고, TLB 히트율은 {h}, 페이지 테이블은 {k}단계입니다. TLB는 첫 페이지 테이블 읽기와 병렬로 검색합니다. 유효 접근 시간은 몇 ns일까요?",
	"eat.compute.explain.serial":   "히트는 TLB 검색과 데이터 접근에 {t} + {m} = {hit_cost}ns가 듭니다. 미스는 검색과 메모리 접근 {reads}번(페이지 테이블 {k}번, 데이터 1번)에 {t} + {reads} × {m} = {miss_cost}ns가 듭니다. 유효 접근 시간 = {h} × {hit_cost} + {miss_ratio} × {miss_cost} = {eat}ns.",
	"eat.compute.explain.parallel": "히트는 TLB 검색과 데이터 접근에 {t} + {m} = {hit_cost}ns가 듭니다. 미스에서는 검색이 첫 테이블 읽기와 겹치므로 메모리 접근 {reads}번(페이지 테이블 {k}번, 데이터 1번)에 {reads} × {m} = {miss_cost}ns가 듭니다. 유효 접근 시간 = {h} × {hit_cost} + {miss_ratio} × {miss_cost} = {eat}ns.",
	"eat.compute.why.notlb":        "미스에서 TLB 검색 시간을 빠뜨렸습니다. TLB를 먼저 검색하므로 미스는 {t} + {reads} × {m} = {miss_cost}ns입니다.",
	"eat.compute.why.serial":       "미스에 TLB 시간을 더했습니다. 병렬 검색에서는 검색이 첫 테이블 읽기와 겹치므로 미스는 {reads} × {m} = {miss_cost}ns입니다.",
	"eat.compute.why.onelevel":     "미스에서 페이지 테이블을 한 번만 읽었습니다. {k}단계이면 미스는 테이블 {k}개를 읽은 뒤 데이터를 읽으므로 메모리 접근이 {reads}번입니다.",
	"eat.compute.why.nodata":       "페이지 테이블을 읽은 뒤의 데이터 접근을 빠뜨렸습니다. 미스는 메모리 접근이 {k}번이 아니라 {reads}번입니다.",
	"eat.compute.why.hitnotlb":     "히트에서 TLB 검색 시간을 빠뜨렸습니다. 히트는 {t} + {m} = {hit_cost}ns입니다.",
	"eat.compute.why.swapped":      "비율을 뒤바꿨습니다. 히트의 확률이 {h}, 미스의 확률이 {miss_ratio}입니다.",
}
