package quiz

import (
	"testing"

	"github.com/osarena/osarena/sim/mem"
	"github.com/osarena/osarena/sim/paging"
	"github.com/osarena/osarena/sim/segment"
	"github.com/osarena/osarena/sim/wset"
)

// memCase is one question and the misconception a wrong value must match.
type memCase struct {
	name   string
	family Family
	sc     any
	step   int
	answer int64
	wrong  int64  // a wrong value, or the value of a wrong choice
	why    string // the key its misconception must have ("" = none)
}

func TestMemMisconceptions(t *testing.T) {
	reloc := mem.RelocationConfig{Base: 14000, Limit: 3000, Addresses: []int{346, 3000, 5000, 20000, 2999}}
	relocEnd := mem.RelocationConfig{Base: 14000, Limit: 17000, Addresses: []int{346, 3000, 5000}, Rules: mem.RelocationRules{Limit: mem.LimitEnd}}
	pg := paging.Config{PageSize: 4, PageTable: []paging.PTE{paging.Frame(5), paging.Frame(6), paging.Frame(1), paging.Frame(2), paging.Invalid},
		Addresses: []paging.Access{paging.At(13), paging.At(17), paging.At(21)}}
	ostep := segment.Config{AddressBits: 14, Segments: []segment.Segment{{Base: 32768, Limit: 2048}, {Base: 34816, Limit: 3072},
		{Base: 28672, Limit: 2048, Grows: segment.Down}, {Base: 28672, Limit: 2048, Grows: segment.Down}},
		Addresses: []segment.Access{{VA: 15360}, {VA: 16383}, {VA: 12288 + 1000}, {VA: 2048}, {VA: 4096 + 100}}}
	eat := paging.EATConfig{Levels: 1, MemoryNS: 100, TLBNS: 20, HitRatio: "0.8"}
	eat4 := paging.EATConfig{Levels: 4, MemoryNS: 100, TLBNS: 20, HitRatio: "0.5"}
	tlbLRU := paging.TLBConfig{Entries: 2, Policy: paging.TLBLRU, Accesses: []paging.Access{paging.At(1), paging.At(2), paging.At(1), paging.At(3), paging.At(2)}}
	tlbFIFO := tlbLRU
	tlbFIFO.Policy = paging.TLBFIFO
	tlbFlush := paging.TLBConfig{Entries: 2, Policy: paging.TLBLRU, Accesses: []paging.Access{paging.At(1), paging.SwitchTo(1), paging.At(2), paging.SwitchTo(0), paging.At(1)}}
	tlbASID := tlbFlush
	tlbASID.Rules.Switch = paging.SwitchASID
	holes := []mem.Op{{Alloc: intp(100)}, {Alloc: intp(10)}, {Alloc: intp(500)}, {Alloc: intp(10)}, {Alloc: intp(200)}, {Alloc: intp(10)},
		{Alloc: intp(300)}, {Alloc: intp(10)}, {Alloc: intp(600)}, {Free: intp(0)}, {Free: intp(2)}, {Free: intp(4)}, {Free: intp(6)}, {Free: intp(8)}, {Alloc: intp(212)}, {Alloc: intp(50)}}
	fit := func(p mem.Fit) mem.MallocConfig { return mem.MallocConfig{Policy: p, Size: 1740, Ops: holes} }
	refs := []int{2, 6, 1, 5, 7, 7, 7, 7, 5, 1, 6, 2, 3, 4, 1, 2, 3, 4, 4, 4, 3, 4, 3, 4, 4, 4, 1, 3, 2, 3, 4, 4, 4, 3, 4, 4, 4}
	ws := wset.Config{Refs: refs, Delta: 10}

	tests := []memCase{
		{"reloc: forgot the base", RelocationTranslate, reloc, 0, 14346, 346, "relocation.translate.why.nobase"},
		{"reloc: off by one at the limit", RelocationTranslate, reloc, 1, Trap, 17000, "relocation.translate.why.offbyone.size"},
		{"reloc: compared with base+limit", RelocationTranslate, reloc, 2, Trap, 19000, "relocation.translate.why.baselimit"},
		{"reloc: ignored the limit", RelocationTranslate, reloc, 3, Trap, 34000, "relocation.translate.why.nolimit"},
		{"reloc: the last legal address", RelocationTranslate, reloc, 4, 16999, Trap, "relocation.translate.why.last.size"},
		{"reloc end: read the limit as a size", RelocationTranslate, relocEnd, 2, Trap, 19000, "relocation.translate.why.endsize"},
		{"reloc end: off by one", RelocationTranslate, relocEnd, 1, Trap, 17000, "relocation.translate.why.offbyone.end"},
		{"reloc end: legal", RelocationTranslate, relocEnd, 0, 14346, Trap, "relocation.translate.why.valid.end"},
		{"paging: vpn as frame", PagingTranslate, pg, 0, 9, 13, "paging.translate.why.vpnframe"},
		{"paging: forgot the offset", PagingTranslate, pg, 0, 9, 8, "paging.translate.why.nooffset"},
		{"paging: added the frame", PagingTranslate, pg, 0, 9, 3, "paging.translate.why.add"},
		{"paging: wrong split", PagingTranslate, pg, 0, 9, 6*8 + 5, "paging.translate.why.split"},
		{"paging: invalid read as frame 0", PagingTranslate, pg, 1, Trap, 1, "paging.translate.why.frame0"},
		{"paging: past the table", PagingTranslate, pg, 2, Trap, 21, "paging.translate.why.untranslated"},
		{"segment: stack read as growing up", SegmentTranslate, ostep, 0, 27648, Trap, "segment.translate.why.growsup.trap"},
		{"segment: raw offset subtracted", SegmentTranslate, ostep, 0, 27648, 28672 - 3072, "segment.translate.why.rawoffset"},
		{"segment: stack grows up, below the limit", SegmentTranslate, ostep, 2, Trap, 28672 + 1000, "segment.translate.why.growsup"},
		{"segment: off by one at the limit", SegmentTranslate, ostep, 3, Trap, 32768 + 2048, "segment.translate.why.offbyone"},
		{"segment: whole address as offset", SegmentTranslate, ostep, 4, 34916, 34816 + 4196, "segment.translate.why.whole"},
		{"eat: no TLB time on a miss", EATCompute, eat, 0, 140, 136, "eat.compute.why.notlb"},
		{"eat: data access left out", EATCompute, eat, 0, 140, 120, "eat.compute.why.nodata"},
		{"eat: ratios swapped", EATCompute, eat, 0, 140, 200, "eat.compute.why.swapped"},
		{"eat: one table read for 4 levels", EATCompute, eat4, 0, 320, 170, "eat.compute.why.onelevel"},
		{"tlb: LRU misses where FIFO hits", TLBHitMiss, tlbLRU, 4, 1, 0, "tlb.hitmiss.why.policy.hit"},
		{"tlb: FIFO hits where LRU misses", TLBHitMiss, tlbFIFO, 4, 0, 1, "tlb.hitmiss.why.policy.miss"},
		{"tlb: forgot the flush", TLBHitMiss, tlbFlush, 4, 1, 0, "tlb.hitmiss.why.flush"},
		{"tlb: ASIDs keep the entry", TLBHitMiss, tlbASID, 4, 0, 1, "tlb.hitmiss.why.asid"},
		{"malloc: best fit's hole", MallocFit, fit(mem.FirstFit), 14, 110, 830, "malloc.fit.why.best"},
		{"malloc: worst fit's hole", MallocFit, fit(mem.FirstFit), 14, 110, 1140, "malloc.fit.why.worst"},
		{"malloc: too small", MallocFit, fit(mem.BestFit), 14, 830, 620, "malloc.fit.why.small"},
		{"malloc: first fit's hole", MallocFit, fit(mem.WorstFit), 14, 1140, 110, "malloc.fit.why.first"},
		{"malloc: next fit searched from the front", MallocFit, fit(mem.NextFit), 15, 620, 0, "malloc.fit.why.front"},
		{"wset: window one too long", WSetAt, ws, 25, 3, 2, "wset.at.why.long"},
	}
	for _, tt := range tests {
		f, _ := lookup(tt.family)
		q, err := f.ask(tt.sc, tt.step)
		if err != nil {
			t.Errorf("%s: ask: %v", tt.name, err)
			continue
		}
		if got := q.Answer.Values[0]; got != tt.answer {
			t.Errorf("%s: answer %v; want %d first", tt.name, q.Answer.Values, tt.answer)
		}
		if tt.why == "" {
			continue
		}
		var why Text
		for _, m := range q.Wrong {
			if m.Value == tt.wrong {
				why = m.Why
			}
		}
		for _, c := range q.Choices {
			if c.Value == tt.wrong {
				why = c.Why
			}
		}
		if why.Key != tt.why {
			t.Errorf("%s: wrong value %d explained by %q; want %q (wrong: %v)", tt.name, tt.wrong, why.Key, tt.why, q.Wrong)
		}
	}
}

func TestPermille(t *testing.T) {
	for _, tt := range []struct {
		h    int
		want string
	}{{980, "0.98"}, {800, "0.8"}, {995, "0.995"}, {5, "0.005"}} {
		if got := permille(tt.h); got != tt.want {
			t.Errorf("permille(%d) = %q; want %q", tt.h, got, tt.want)
		}
	}
}
