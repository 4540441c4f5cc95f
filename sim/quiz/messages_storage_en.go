package quiz

// storageEN holds the English templates of the storage families. Every key
// must also be in storageKO with the same {placeholders} (a test checks).
var storageEN = map[string]string{
	// Topics.
	"topic.disk":      "Disk scheduling",
	"topic.raid":      "RAID",
	"topic.fileblock": "File allocation",
	"topic.freespace": "Free-space management",

	// Disk scheduling terms.
	"disk.policy.fcfs":             "FCFS",
	"disk.policy.sstf":             "SSTF",
	"disk.policy.scan":             "SCAN",
	"disk.policy.cscan":            "C-SCAN",
	"disk.policy.look":             "LOOK",
	"disk.policy.clook":            "C-LOOK",
	"disk.policy.nscan":            "N-step SCAN",
	"disk.policy.fscan":            "F-SCAN",
	"disk.dir.up":                  "toward higher cylinders",
	"disk.dir.down":                "toward lower cylinders",
	"disk.side.up":                 "above",
	"disk.side.down":               "below",
	"disk.unit.cylinders":          "cylinders",
	"disk.rule.sstf_tie.direction": "the one in the head's current direction",
	"disk.rule.sstf_tie.lower":     "the lower cylinder",

	// disk.next
	"disk.next.prompt.fcfs":        "{policy}, cylinders 0–{last}. The head is at cylinder {head}. Which request does the head serve next?",
	"disk.next.prompt":             "{policy}, cylinders 0–{last}. The head is at cylinder {head}, moving {dir}. Which request does the head serve next?",
	"disk.next.prompt.sweep":       "{policy}, cylinders 0–{last}. The head is at cylinder {head}, moving {dir}. Where does the head stop next: the request it serves next, or the edge if it goes there first?",
	"disk.next.choice":             "Cylinder {cyl}",
	"disk.next.choice.edge":        "Cylinder {cyl} (edge)",
	"disk.next.explain.fcfs":       "FCFS serves requests in the order they arrived, wherever the head is: cylinder {next} is the oldest request still waiting.",
	"disk.next.explain.sstf":       "SSTF serves the waiting request nearest the head: cylinder {next}, {dist} cylinders from {head}.",
	"disk.next.explain.sstf.tie":   "SSTF serves the waiting request nearest the head. Cylinders {next} and {other} are both {dist} cylinders from {head}; the tie goes to {tie}: cylinder {next}.",
	"disk.next.explain.ahead":      "{policy} keeps moving {dir} while requests lie ahead: the nearest one from cylinder {head} is cylinder {next}.",
	"disk.next.explain.scan.edge":  "No request is left {side} cylinder {head}, but some wait behind: SCAN travels on to the disk's edge, cylinder {next}, before turning (rule: travel to the edge), and then serves cylinder {served}.",
	"disk.next.explain.cscan.edge": "No request is left {side} cylinder {head}: C-SCAN travels on to the disk's edge, cylinder {next} (rule: travel to the edge), returns to cylinder {other} and serves cylinder {served} on its next sweep {dir}.",
	"disk.next.explain.cscan.jump": "The head is at the edge, cylinder {head}, and no request is left ahead: C-SCAN returns to the other end, cylinder {next}, and sweeps {dir} again, serving cylinder {served} first.",
	"disk.next.explain.wrap":       "No request is left {side} cylinder {head}: {policy} jumps back to the farthest waiting request on the other side, cylinder {next}, and sweeps {dir} again.",
	"disk.next.explain.turn":       "No request is left {side} cylinder {head}: {policy} turns there and serves the nearest request on the way back, cylinder {next}.",
	"disk.next.why.turned":         "That turns at the last request, as LOOK does; under the rule {policy} first travels on to the disk's edge, cylinder {edge}.",
	"disk.next.why.edge":           "That goes on to the disk's edge, as SCAN does; {policy} turns at the last request instead.",
	"disk.next.why.edge.early":     "{policy} goes to the edge only when no request is left ahead, and some are still waiting {side} cylinder {head}.",
	"disk.next.why.direction":      "That is where the head would go if it were moving {other}; it is moving {dir}.",
	"disk.next.why.circular":       "That is what {other} would do: jump back to the far end and sweep the same way again. {policy} reverses instead.",
	"disk.next.why.elevator":       "That is what {other} would do: reverse and serve the requests on the way back. {policy} returns to the far end and sweeps the same way again.",
	"disk.next.why.sstf":           "That is what SSTF would do: serve the nearest request ({dist} cylinders away), whatever the direction.",
	"disk.next.why.fcfs":           "That is what FCFS would do: serve the oldest request in the queue.",
	"disk.next.why.look":           "That is what an elevator (SCAN or LOOK) would do: keep moving {dir}.",
	"disk.next.why.later.fcfs":     "Cylinder {cyl} arrived after cylinder {next}; FCFS serves them in arrival order.",
	"disk.next.why.farther":        "Cylinder {cyl} is {dist} cylinders away; cylinder {next} is nearer, {best} cylinders away.",
	"disk.next.why.later":          "Cylinder {cyl} comes later in {policy}'s sweep.",

	// disk.movement
	"disk.movement.prompt.fcfs":        "{policy}, cylinders 0–{last}, the head at cylinder {head}. What is the total head movement, in cylinders, to serve the whole request queue?",
	"disk.movement.prompt":             "{policy}, cylinders 0–{last}, the head at cylinder {head} moving {dir}. What is the total head movement, in cylinders, to serve the whole request queue?",
	"disk.movement.explain":            "{policy} moves the head {path}: {movement} cylinders in all.",
	"disk.movement.explain.counted":    "{policy} moves the head {path}: {movement} cylinders in all, including the return from {from} to {to} ({ret} cylinders), which the rule counts.",
	"disk.movement.explain.notcounted": "{policy} moves the head {path}: {movement} cylinders in all. The return from {from} to {to} is not counted (rule).",
	"disk.movement.why.noreturn":       "That leaves out the return sweep ({ret} cylinders); under the rule it counts.",
	"disk.movement.why.return":         "That counts the return sweep ({ret} cylinders); under the rule it does not count.",
	"disk.movement.why.lastrequest":    "That turns at the last request, as LOOK does; under the rule {policy} travels on to the disk's edge.",
	"disk.movement.why.edge":           "That travels on to the disk's edge; under the rule {policy} turns at the last request.",
	"disk.movement.why.direction":      "That is the total with the head starting {other}; it starts {dir}.",
	"disk.movement.why.policy":         "That is the total for {other}, not {policy}.",
}
