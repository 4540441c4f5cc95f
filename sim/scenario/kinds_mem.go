package scenario

// memKinds lists the scenario kinds of relocation and contiguous allocation (sim/mem).
var memKinds = map[string]runner{}
