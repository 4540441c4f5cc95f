package scenario

import "github.com/osarena/osarena/sim/mem"

// memKinds lists the scenario kinds of relocation and contiguous allocation (sim/mem).
var memKinds = map[string]runner{
	"relocation": adapt(mem.RunRelocation),
	"malloc":     adapt(mem.RunMalloc),
}
