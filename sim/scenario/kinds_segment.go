package scenario

// segmentKinds lists the scenario kinds of segmentation (sim/segment) and working sets (sim/wset).
var segmentKinds = map[string]runner{}
