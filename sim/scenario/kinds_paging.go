package scenario

// pagingKinds lists the scenario kinds of paging, TLB, page walks, hashed and inverted tables (sim/paging).
var pagingKinds = map[string]runner{}
