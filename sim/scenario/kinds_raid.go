package scenario

// raidKinds lists the scenario kinds of RAID (sim/raid).
var raidKinds = map[string]runner{}
