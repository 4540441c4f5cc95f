package scenario

import "github.com/osarena/osarena/sim/disk"

// diskKinds lists the scenario kinds of disk scheduling and access time (sim/disk).
var diskKinds = map[string]runner{
	"disk":     adapt(disk.Run),
	"disktime": adapt(disk.RunTime),
}
