package game

import (
	"strings"

	"github.com/osarena/osarena/sim/quiz"
)

// familyNames names each question family on chips and headers.
var familyNames = []struct {
	f    quiz.Family
	name msg
}{
	{quiz.ReplaceVictim, msgVictim},
	{quiz.ReplaceHitFault, msgHitFault},
	{quiz.ReplaceFaults, msg{"Count the faults", "폴트 수 세기"}},
	{quiz.ReplaceBelady, msg{"Belady's anomaly", "벨레이디의 모순"}},
	{quiz.RelocationTranslate, msg{"Base and limit", "기준·한계 레지스터"}},
	{quiz.PagingTranslate, msg{"Translate an address", "주소 변환"}},
	{quiz.PagingSplit, msg{"Page number and offset", "페이지 번호와 오프셋"}},
	{quiz.SegmentTranslate, msg{"Segmentation", "세그먼테이션"}},
	{quiz.PageWalkTranslate, msg{"Multilevel walk", "다단계 페이지 테이블"}},
	{quiz.TLBHitMiss, msg{"TLB hit or miss", "TLB 히트/미스"}},
	{quiz.EATCompute, msg{"Effective access time", "유효 접근 시간"}},
	{quiz.MallocFit, msg{"Which hole fits", "어느 빈 공간에 할당"}},
	{quiz.MallocCompact, msg{"Compaction", "압축(compaction)"}},
	{quiz.WSetAt, msg{"Working set", "작업 집합"}},
	{quiz.DiskNext, msg{"Next cylinder", "다음 실린더"}},
	{quiz.DiskMovement, msg{"Total head movement", "총 헤드 이동"}},
	{quiz.RAIDDisk, msg{"Which disk holds a block", "블록이 있는 디스크"}},
	{quiz.RAIDParity, msg{"Which disk holds parity", "패리티 디스크"}},
	{quiz.RAIDWrite, msg{"Disks a write touches", "쓰기가 건드리는 디스크"}},
	{quiz.RAIDDegraded, msg{"Reading with a failed disk", "고장 난 디스크가 있을 때 읽기"}},
	{quiz.RAIDRebuild, msg{"Rebuilding onto a spare", "예비 디스크로 재구축"}},
	{quiz.FileBlockBlock, msg{"Block of a file offset", "오프셋이 있는 블록"}},
	{quiz.FileBlockReads, msg{"Disk reads to reach it", "필요한 디스크 읽기"}},
	{quiz.FreeSpaceAlloc, msg{"Free-space bitmap", "빈 공간 비트맵"}},
}

// familyName is a family's name on screen.
func familyName(f quiz.Family, lang quiz.Lang) string {
	for _, n := range familyNames {
		if n.f == f {
			return n.name.in(lang)
		}
	}
	_, what, _ := strings.Cut(string(f), ".")
	return what
}

// roundTitle is the header of a round: the topic, the family and, for page
// replacement, the policy and frames.
func roundTitle(r *round, q *quiz.Question, lang quiz.Lang) string {
	t := topicName(q.Topic, lang) + " · " + familyName(q.Family, lang)
	if r.daily != "" {
		t = msgDaily.in(lang) + " " + r.daily + " · " + t
	}
	if q.Topic == quiz.TopicReplace {
		if p := scenarioPolicy(q); p != "" {
			t += " · " + policyName(p)
		}
	}
	return t
}

// cardFamilies lists the families a title-screen card's practice offers:
// each card is a chapter of the course and gathers the quiz topics in it.
func cardFamilies(card quiz.Topic) []quiz.Family {
	var ts []quiz.Topic
	switch card {
	case quiz.TopicReplace:
		ts = []quiz.Topic{quiz.TopicReplace, quiz.TopicWSet}
	case quiz.TopicPaging:
		ts = []quiz.Topic{quiz.TopicPaging, quiz.TopicTLB, quiz.TopicPageWalk, quiz.TopicEAT}
	case quiz.TopicMalloc:
		ts = []quiz.Topic{quiz.TopicMalloc, quiz.TopicRelocation, quiz.TopicSegment}
	case quiz.TopicFileBlock:
		ts = []quiz.Topic{quiz.TopicFileBlock, quiz.TopicFreeSpace}
	default:
		ts = []quiz.Topic{card}
	}
	var out []quiz.Family
	for _, t := range ts {
		out = append(out, quiz.FamiliesOf(t)...)
	}
	return out
}
