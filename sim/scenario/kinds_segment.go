package scenario

import (
	"github.com/osarena/osarena/sim/segment"
	"github.com/osarena/osarena/sim/wset"
)

// segmentKinds lists the scenario kinds of segmentation (sim/segment) and working sets (sim/wset).
var segmentKinds = map[string]runner{
	"segment":   adapt(segment.Run),
	"pagedseg":  adapt(segment.RunPaged),
	"wset":      adapt(wset.Run),
	"pff":       adapt(wset.RunPFF),
	"thrashing": adapt(wset.RunThrashing),
}
