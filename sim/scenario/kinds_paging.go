package scenario

import "github.com/osarena/osarena/sim/paging"

// pagingKinds lists the scenario kinds of paging, TLB, page walks, hashed and inverted tables (sim/paging).
var pagingKinds = map[string]runner{
	"paging":   adapt(paging.Run),
	"eat":      adapt(paging.RunEAT),
	"tlb":      adapt(paging.RunTLB),
	"pagewalk": adapt(paging.RunWalk),
	"hashed":   adapt(paging.RunHashed),
	"inverted": adapt(paging.RunInverted),
}
