package quiz

import (
	"github.com/osarena/osarena/sim/mem"
	"github.com/osarena/osarena/sim/paging"
	"github.com/osarena/osarena/sim/segment"
	"github.com/osarena/osarena/sim/wset"
)

// The memory topics (page replacement has its own, TopicReplace).
const (
	TopicRelocation Topic = "relocation" // base and limit registers
	TopicPaging     Topic = "paging"     // linear page tables
	TopicSegment    Topic = "segment"    // segmentation
	TopicPageWalk   Topic = "pagewalk"   // multilevel page tables
	TopicTLB        Topic = "tlb"        // translation look-aside buffer
	TopicEAT        Topic = "eat"        // effective access time
	TopicMalloc     Topic = "malloc"     // contiguous allocation
	TopicWSet       Topic = "wset"       // working-set model
)

// The memory families.
const (
	RelocationTranslate Family = "relocation.translate" // logical → physical address or trap
	PagingTranslate     Family = "paging.translate"     // virtual → physical through a linear table
	PagingSplit         Family = "paging.split"         // page number and offset of an address
	SegmentTranslate    Family = "segment.translate"    // segmentation, stacks growing down
	PageWalkTranslate   Family = "pagewalk.translate"   // multilevel walk over a memory image
	TLBHitMiss          Family = "tlb.hitmiss"          // TLB hit or miss at a checkpoint
	EATCompute          Family = "eat.compute"          // effective access time in ns
	MallocFit           Family = "malloc.fit"           // which hole a fit policy picks
	MallocCompact       Family = "malloc.compact"       // where compaction moves a block, bytes it copies
	WSetAt              Family = "wset.at"              // W(t, Δ)
)

// memFamilies are the memory-management families other than page
// replacement: address translation (relocation, paging, segmentation,
// multilevel walks), TLB, effective access time, fit policies, working sets.
// Their templates are memEN and memKO (messages_mem_*.go).
var memFamilies = []family{
	{name: RelocationTranslate, topic: TopicRelocation, kind: "relocation", generate: genRelocation, ask: askRelocation, decode: decodeAs[mem.RelocationConfig]},
	{name: PagingTranslate, topic: TopicPaging, kind: "paging", generate: genPaging(false), ask: askPagingTranslate, decode: decodeAs[paging.Config]},
	{name: PagingSplit, topic: TopicPaging, kind: "paging", generate: genPaging(true), ask: askPagingSplit, decode: decodeAs[paging.Config]},
	{name: SegmentTranslate, topic: TopicSegment, kind: "segment", generate: genSegment, ask: askSegment, decode: decodeAs[segment.Config]},
	{name: MallocFit, topic: TopicMalloc, kind: "malloc", generate: genMalloc, ask: askMalloc, decode: decodeAs[mem.MallocConfig]},
	{name: MallocCompact, topic: TopicMalloc, kind: "malloc", generate: genMallocCompact, ask: askMallocCompact, decode: decodeAs[mem.MallocConfig]},
	{name: PageWalkTranslate, topic: TopicPageWalk, kind: "pagewalk", generate: genWalk, ask: askWalk, decode: decodeAs[paging.WalkConfig]},
	{name: WSetAt, topic: TopicWSet, kind: "wset", generate: genWSet, ask: askWSet, decode: decodeAs[wset.Config]},
	{name: TLBHitMiss, topic: TopicTLB, kind: "tlb", generate: genTLB, ask: askTLB, decode: decodeAs[paging.TLBConfig]},
	{name: EATCompute, topic: TopicEAT, kind: "eat", generate: genEAT, ask: askEAT, decode: decodeAs[paging.EATConfig]},
}
