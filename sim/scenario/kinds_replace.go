package scenario

import "github.com/osarena/osarena/sim/replace"

// replaceKinds lists the page-replacement simulators.
var replaceKinds = map[string]runner{
	"replace": adapt(replace.Run),
}
