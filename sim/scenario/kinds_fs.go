package scenario

// fsKinds lists the scenario kinds of file systems (sim/fs).
var fsKinds = map[string]runner{}
