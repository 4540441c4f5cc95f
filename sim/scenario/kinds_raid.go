package scenario

import "github.com/osarena/osarena/sim/raid"

// raidKinds lists the scenario kinds of RAID (sim/raid).
var raidKinds = map[string]runner{
	"raid": adapt(raid.Run),
}
