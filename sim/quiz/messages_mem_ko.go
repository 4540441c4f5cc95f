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
}
