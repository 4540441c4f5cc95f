package scenario

import "github.com/osarena/osarena/sim/replace"

// replaceKinds lists the page-replacement simulators.
var replaceKinds = map[string]runner{
	"replace":      adapt(replace.Run),
	"belady":       adapt(replace.RunSweep),
	"alloc-frames": adapt(replace.Allocate),
}
