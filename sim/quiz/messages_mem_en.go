package quiz

// memEN holds the English templates of the memory families. Every key must
// also be in memKO with the same {placeholders} (a test checks).
var memEN = map[string]string{
	// Topics.
	"topic.relocation": "Relocation (base and limit)",

	// relocation.translate
	"relocation.translate.prompt.size":        "Base register {base}, limit register {limit} (the size of the process's logical address space). The CPU issues logical address {va}. What physical address does it reach, or does it trap?",
	"relocation.translate.prompt.end":         "Base register {base}, limit register {limit} (the physical end of the partition, exclusive). The CPU issues logical address {va}. What physical address does it reach, or does it trap?",
	"relocation.translate.explain.valid.size": "{va} < limit {limit}, so the access is legal, and the MMU adds the base: {base} + {va} = {pa}.",
	"relocation.translate.explain.valid.end":  "Base + address = {base} + {va} = {pa}, below the limit {limit} (the partition's end), so the access is legal: physical address {pa}.",
	"relocation.translate.explain.trap.size":  "{va} ≥ limit {limit}: the address lies outside the process's logical address space, so the MMU traps to the operating system (addressing error).",
	"relocation.translate.explain.trap.end":   "Base + address = {base} + {va} = {pa} ≥ limit {limit} (the partition's end), so the MMU traps to the operating system (addressing error).",
	"relocation.translate.why.nobase":         "That is the logical address itself: the MMU adds the base {base} to every legal address.",
	"relocation.translate.why.valid.size":     "{va} is below the limit {limit}, so the access is legal: no trap.",
	"relocation.translate.why.valid.end":      "{base} + {va} = {pa} is below the limit {limit}, so the access is legal: no trap.",
	"relocation.translate.why.last.size":      "{va} is limit − 1, the last legal address: only addresses from {limit} up trap.",
	"relocation.translate.why.last.end":       "{base} + {va} = {pa} is the last byte below the limit {limit}, so it is legal: only addresses that reach {limit} trap.",
	"relocation.translate.why.offbyone.size":  "Off by one: the legal addresses are 0 to {limit} − 1, so {va}, equal to the limit, already traps.",
	"relocation.translate.why.offbyone.end":   "Off by one: base + address = {pa} equals the limit {limit}, the first byte past the partition, so it traps.",
	"relocation.translate.why.baselimit":      "That compares {va} with base + limit = {sum}. The limit register holds the size, so compare {va} itself with {limit}: it traps.",
	"relocation.translate.why.endsize":        "That reads the limit as a size and compares {va} with {limit}. Here the limit is the partition's physical end, so compare base + address = {pa} with it: it traps.",
	"relocation.translate.why.nolimit":        "That adds the base but skips the limit check: {va} ≥ {limit}, so the access traps before it reaches memory.",

	"topic.paging": "Paging",

	// paging.split
	"paging.split.prompt":  "Pages are {ps} bytes. What are the page number and the offset of virtual address {va}?",
	"paging.split.explain": "A {ps}-byte page is 2^{bits} bytes, so the low {bits} bits are the offset and the rest is the page number: page number = {va} ÷ {ps} = {vpn}, offset = {va} mod {ps} = {offset}.",

	// paging.translate
	"paging.translate.prompt":           "Pages are {ps} bytes; the page table is shown. Virtual address {va}: what physical address does it map to, or does it trap?",
	"paging.translate.explain.valid":    "Page number = {va} ÷ {ps} = {vpn}, offset = {va} mod {ps} = {offset}. The page table maps page {vpn} to frame {frame}, so the physical address is {frame} × {ps} + {offset} = {pa}.",
	"paging.translate.explain.invalid":  "Page number = {va} ÷ {ps} = {vpn}, offset = {offset}. Page {vpn}'s entry is invalid (valid bit 0), so the access traps to the operating system: a page fault.",
	"paging.translate.explain.length":   "Page number = {va} ÷ {ps} = {vpn}, offset = {offset}. The page table has only {entries} entries (pages 0 to {last}), so page {vpn} is past its end and the access traps.",
	"paging.translate.why.vpnframe":     "That keeps page number {vpn} as the frame number. The page table maps page {vpn} to frame {frame}.",
	"paging.translate.why.nooffset":     "That is the start of frame {frame}; add the offset {offset}.",
	"paging.translate.why.add":          "That adds the frame number {frame} to the offset. The frame number is multiplied by the page size {ps} (shifted left {bits} bits), then the offset is added.",
	"paging.translate.why.split":        "That splits the address as if pages were {wrong_ps} bytes. A {ps}-byte page has {bits} offset bits: page {vpn}, offset {offset}.",
	"paging.translate.why.valid":        "Page {vpn}'s entry is valid (frame {frame}), so there is no trap.",
	"paging.translate.why.untranslated": "That uses the address untranslated. Page {vpn} has no frame, so the access traps.",
	"paging.translate.why.frame0":       "That reads the invalid entry as frame 0. An invalid entry names no frame: its valid bit is 0, so the access traps (page fault).",

	"topic.segment": "Segmentation",

	// segment.translate
	"segment.translate.prompt":             "Logical addresses have {bits} bits: a {seg_bits}-bit segment number, then a {off_bits}-bit offset (segment table shown). The CPU reads logical address {va}: what physical address does it reach, or does it trap?",
	"segment.translate.prompt.write":       "Logical addresses have {bits} bits: a {seg_bits}-bit segment number, then a {off_bits}-bit offset (segment table shown). The CPU writes to logical address {va}: what physical address does it reach, or does it trap?",
	"segment.translate.explain.valid.up":   "The segment number is {seg} and the offset {offset}. Segment {seg} grows up and {offset} < limit {limit}, so the access is legal: base {base} + {offset} = {pa}.",
	"segment.translate.explain.valid.down": "The segment number is {seg} and the offset {offset}. Segment {seg} grows down (a stack): the address lies {max} − {offset} = {back} bytes below the base, and {back} ≤ limit {limit}, so the access is legal: {base} − {back} = {pa}.",
	"segment.translate.explain.limit.up":   "The segment number is {seg} and the offset {offset}. Offset {offset} ≥ limit {limit}: past the end of the segment, so the access traps (segmentation fault).",
	"segment.translate.explain.limit.down": "The segment number is {seg} and the offset {offset}. Segment {seg} grows down: the address lies {max} − {offset} = {back} bytes below the base, more than the limit {limit}, so the access traps (segmentation fault).",
	"segment.translate.explain.prot":       "The segment number is {seg} and the offset {offset}. Segment {seg} allows only {prot}, so a write traps (protection violation).",
	"segment.translate.explain.invalid":    "The segment number is {seg}, and the segment's valid bit is 0, so the access traps.",
	"segment.translate.explain.stlr":       "The segment number is {seg}, but the segment table has only {stlr} entries (STLR = {stlr}), so the access traps.",
	"segment.translate.why.stlr":           "That uses the address untranslated. Segment {seg} is past the end of the segment table, so the access traps.",
	"segment.translate.why.growsup":        "That treats the stack as growing up (base + offset). Segment {seg} grows down: the address is {max} − {offset} = {back} bytes below the base {base}.",
	"segment.translate.why.growsup.trap":   "That treats the stack as growing up and compares offset {offset} with the limit. Segment {seg} grows down: the address is only {back} bytes below the base, within the limit {limit}.",
	"segment.translate.why.rawoffset":      "That subtracts the offset itself from the base. A downward segment counts back from the maximum segment size: {max} − {offset} = {back} bytes below the base.",
	"segment.translate.why.whole":          "That takes the whole address as the offset. The segment number is in the top bits; the offset is only {offset}.",
	"segment.translate.why.nobase":         "That is the offset alone: add segment {seg}'s base {base}.",
	"segment.translate.why.valid.up":       "Offset {offset} is below the limit {limit}, so the access is legal: no trap.",
	"segment.translate.why.valid.down":     "The address is {back} bytes below the base, within the limit {limit}, so the access is legal: no trap.",
	"segment.translate.why.nolimit.up":     "That ignores the limit: offset {offset} ≥ {limit}, so the access traps.",
	"segment.translate.why.nolimit.down":   "That ignores the limit: the address is {back} bytes below the base, more than the limit {limit}, so the access traps.",
	"segment.translate.why.offbyone":       "Off by one: the legal offsets are 0 to {limit} − 1, so offset {offset}, equal to the limit, already traps.",
	"segment.translate.why.prot":           "That ignores the protection bits: segment {seg} allows only {prot}, so a write traps.",

	"topic.tlb": "TLB",
	"topic.eat": "Effective access time",

	// tlb.hitmiss
	"tlb.choice.hit":              "TLB hit",
	"tlb.choice.miss":             "TLB miss",
	"tlb.switch.flush":            "a context switch flushes the TLB",
	"tlb.switch.asid":             "entries carry ASIDs, so a context switch keeps them",
	"tlb.victim.lru":              "the entry used longest ago",
	"tlb.victim.fifo":             "the entry loaded longest ago",
	"tlb.hitmiss.prompt":          "A {entries}-entry TLB replaced by {policy}. The CPU next accesses page {page}. TLB hit or TLB miss?",
	"tlb.hitmiss.prompt.va":       "A {entries}-entry TLB replaced by {policy}; addresses are split into page number and offset. The CPU next accesses virtual address {va} (page {page}). TLB hit or TLB miss?",
	"tlb.hitmiss.prompt.pid":      "A {entries}-entry TLB replaced by {policy}; {switch}. Process {pid} next accesses page {page}. TLB hit or TLB miss?",
	"tlb.hitmiss.prompt.pid.va":   "A {entries}-entry TLB replaced by {policy}; {switch}. Process {pid} next accesses virtual address {va} (page {page}). TLB hit or TLB miss?",
	"tlb.hitmiss.explain.hit":     "Page {page} is in TLB slot {slot}: a TLB hit. The frame number comes from the TLB without reading the page table.",
	"tlb.hitmiss.explain.miss":    "Page {page} is not in the TLB: a TLB miss. The page table is read and the entry is loaded into the free slot {slot}.",
	"tlb.hitmiss.explain.victim":  "Page {page} is not in the TLB: a TLB miss. The page table is read, and {policy} replaces {rule}, page {victim} in slot {slot}.",
	"tlb.hitmiss.why.policy.miss": "That is what {other} would do: it would have evicted page {page}'s entry by now, but {policy} keeps it.",
	"tlb.hitmiss.why.policy.hit":  "That is what {other} would do: it would still hold page {page}'s entry, but {policy} evicted it at step {when}.",
	"tlb.hitmiss.why.asid":        "The context switch did not flush the TLB: the entries carry ASIDs, so process {pid}'s entry for page {page} is still there.",
	"tlb.hitmiss.why.present":     "Page {page}'s entry is in TLB slot {slot}.",
	"tlb.hitmiss.why.flush":       "That forgets the flush: the context switch at step {when} emptied the TLB, so page {page}'s entry is gone.",
	"tlb.hitmiss.why.evicted":     "Page {page}'s entry was in the TLB, but {policy} evicted it at step {when} to make room for page {by}.",
	"tlb.hitmiss.why.otherpid":    "The TLB holds page {page} of process {other_pid}, not of process {pid}: an entry matches only its own address space (ASID).",
	"tlb.hitmiss.why.never":       "This process has not used page {page} yet, so the TLB cannot hold it.",

	// eat.compute
	"eat.unit.ns":                  "ns",
	"eat.compute.prompt.serial":    "A memory access takes {m} ns and a TLB lookup {t} ns; the TLB hit ratio is {h}; the page table is a {k}-level table. The TLB is searched first. What is the effective access time, in ns?",
	"eat.compute.prompt.parallel":  "A memory access takes {m} ns and a TLB lookup {t} ns; the TLB hit ratio is {h}; the page table is a {k}-level table. The TLB is searched in parallel with the first page-table read. What is the effective access time, in ns?",
	"eat.compute.explain.serial":   "A hit costs the TLB lookup and the data access: {t} + {m} = {hit_cost} ns. A miss costs the lookup and {reads} memory accesses (page table: {k}, data: 1): {t} + {reads} × {m} = {miss_cost} ns. EAT = {h} × {hit_cost} + {miss_ratio} × {miss_cost} = {eat} ns.",
	"eat.compute.explain.parallel": "A hit costs the TLB lookup and the data access: {t} + {m} = {hit_cost} ns. On a miss the lookup overlaps the first table read, so a miss costs {reads} memory accesses (page table: {k}, data: 1): {reads} × {m} = {miss_cost} ns. EAT = {h} × {hit_cost} + {miss_ratio} × {miss_cost} = {eat} ns.",
	"eat.compute.why.notlb":        "That leaves the TLB lookup out of a miss: the TLB is searched first, so a miss costs {t} + {reads} × {m} = {miss_cost} ns.",
	"eat.compute.why.serial":       "That adds the TLB time to a miss. Searched in parallel, the lookup overlaps the first table read: a miss costs {reads} × {m} = {miss_cost} ns.",
	"eat.compute.why.onelevel":     "That counts one page-table read on a miss. With {k} levels a miss reads {k} tables and then the data: {reads} memory accesses.",
	"eat.compute.why.nodata":       "That leaves out the data access after the page table is read: a miss makes {reads} memory accesses, not {k}.",
	"eat.compute.why.hitnotlb":     "That leaves the TLB lookup out of a hit: a hit costs {t} + {m} = {hit_cost} ns.",
	"eat.compute.why.swapped":      "That swaps the ratios: hits happen with probability {h}, misses with {miss_ratio}.",
}
