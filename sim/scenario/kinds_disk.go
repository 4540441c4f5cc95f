package scenario

// diskKinds lists the scenario kinds of disk scheduling and access time (sim/disk).
var diskKinds = map[string]runner{}
