package quiz

// messagesEN holds the English templates. Every key must also be in
// messagesKO with the same {placeholders} (a test checks).
var messagesEN = map[string]string{
	// Terms.
	"policy.fifo":   "FIFO",
	"policy.lru":    "LRU",
	"policy.lfu":    "LFU",
	"policy.mfu":    "MFU",
	"policy.mru":    "MRU",
	"policy.opt":    "OPT",
	"policy.clock":  "Clock (second chance)",
	"policy.eclock": "Enhanced clock",
	"policy.random": "Random replacement",
	"choice.hit":    "Hit",
	"choice.fault":  "Page fault",
	"choice.yes":    "Yes",
	"choice.no":     "No",
	"choice.page":   "Page {page} (frame {frame})",
	"unit.faults":   "page faults",

	// Topics.
	"topic.replace": "Page replacement",

	// replace.hitfault
	"replace.hitfault.prompt":        "{policy}, {frames} frames. Page {page} is referenced next. Hit or page fault?",
	"replace.hitfault.explain.hit":   "Page {page} is in frame {frame}, so the reference is a hit: nothing is loaded or evicted.",
	"replace.hitfault.explain.fault": "Page {page} is in no frame, so the reference is a page fault: it is loaded into frame {frame}.",
	"replace.hitfault.why.evicted":   "Page {page} was in memory, but {policy} evicted it at reference {when}.",
	"replace.hitfault.why.never":     "Page {page} has not been referenced before, so it cannot be in memory yet.",
	"replace.hitfault.why.present":   "Page {page} is still in frame {frame}.",

	// replace.victim
	"replace.victim.prompt":               "{policy}, {frames} frames. Page {page} is referenced and every frame is full. Which page is the victim?",
	"replace.victim.explain.fifo":         "FIFO evicts the page that was loaded longest ago: page {victim}, loaded at reference {loaded}.",
	"replace.victim.explain.lru":          "LRU evicts the page whose last use is longest ago: page {victim}, last used {ago} references ago.",
	"replace.victim.explain.opt.never":    "OPT evicts the page whose next use is farthest away: page {victim} is never used again. Tie among pages never used again: {tie}.",
	"replace.victim.explain.opt":          "OPT evicts the page whose next use is farthest away: page {victim} is next used {ahead} references ahead.",
	"replace.victim.explain.lfu":          "LFU evicts the page with the fewest references ({count}): page {victim}. Counting: {count_rule}; ties: {tie}.",
	"replace.victim.explain.mfu":          "MFU evicts the page with the most references ({count}): page {victim}. Counting: {count_rule}; ties: {tie}.",
	"replace.victim.explain.mru":          "MRU evicts the page used most recently: page {victim}, referenced just before.",
	"replace.victim.explain.clock":        "The hand starts at frame {hand}, whose reference bit is already 0: page {victim} is the victim.",
	"replace.victim.explain.clock.second": "The hand starts at frame {hand}. It gives frames {cleared} a second chance, clearing their reference bits, and stops at frame {frame}, whose bit is 0: page {victim} is the victim.",
	"replace.victim.why.fifo":             "That is what FIFO would evict: page {page} was loaded first.",
	"replace.victim.why.lru":              "That is what LRU would evict: page {page} has gone unused the longest.",
	"replace.victim.why.opt":              "That is what OPT would evict: page {page} is needed last, or never.",
	"replace.victim.why.lfu":              "That is what LFU would evict: page {page} has the fewest references.",
	"replace.victim.why.mfu":              "That is what MFU would evict: page {page} has the most references.",
	"replace.victim.why.mru":              "That is what MRU would evict: page {page} was used most recently.",
	"replace.victim.explain.eclock":       "The enhanced clock looks for the lowest class (reference, dirty) from frame {hand}; after {sweeps} sweep(s) it stops at frame {frame}, class (0, {dirty}): page {victim}.",
	"replace.victim.explain.random":       "Random replacement evicts the frame drawn from the seeded stream: frame {frame}, page {victim}.",
	"replace.victim.why.other":            "Page {page} is not {policy}'s choice here.",

	// replace.faults
	"replace.faults.prompt":     "{policy} with {frames} frames runs this reference string. How many page faults happen in all?",
	"replace.faults.explain":    "{policy} with {frames} frames makes {faults} page faults and {hits} hits on {refs} references.",
	"replace.faults.why.policy": "That is the count for {other}, not {policy}.",
	"replace.faults.why.cold":   "That leaves out the {cold} faults that first fill the empty frames; they count too.",

	// replace.belady
	"replace.belady.prompt":      "{policy} runs this reference string. With {more} frames instead of {fewer}, does it make more page faults?",
	"replace.belady.explain":     "{policy} makes {faults_fewer} page faults with {fewer} frames and {faults_more} with {more}.",
	"replace.belady.explain.yes": "{policy} makes {faults_fewer} page faults with {fewer} frames but {faults_more} with {more}: Belady's anomaly. FIFO-like policies are not stack algorithms.",
	"replace.belady.why.stack":   "{policy} is a stack algorithm: the pages it holds with fewer frames are always held with more, so more frames never fault more.",
	"replace.belady.why.anomaly": "More frames usually help, but FIFO-like policies can fault more with more frames (Belady's anomaly), as they do here.",
	"replace.belady.why.usually": "FIFO-like policies can show Belady's anomaly, but not on this string: here more frames do not fault more.",

	// Rules.
	"rule.opt_tie.lowest-frame":    "the lowest frame",
	"rule.opt_tie.earliest-loaded": "the page loaded earliest",
	"rule.opt_tie.latest-loaded":   "the page loaded latest",
	"rule.count.since-load":        "references since the page was loaded",
	"rule.count.all-time":          "all references ever",
	"rule.count_tie.lru":           "the least recently used",
	"rule.count_tie.fifo":          "the page loaded first",
}
