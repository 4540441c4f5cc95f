package scenario

import "github.com/osarena/osarena/sim/fs"

// fsKinds lists the scenario kinds of file systems (sim/fs).
var fsKinds = map[string]runner{
	"fileblock": adapt(fs.RunFileBlock),
	"freespace": adapt(fs.RunFreeSpace),
	"dir":       adapt(fs.RunDir),
	"bufcache":  adapt(fs.RunBufCache),
}
