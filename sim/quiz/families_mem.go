package quiz

// memFamilies are the memory-management families other than page
// replacement: address translation (relocation, paging, segmentation,
// multilevel walks), TLB, effective access time, fit policies, working sets.
var memFamilies = []family{}

// memEN and memKO hold their message templates.
var memEN, memKO = map[string]string{}, map[string]string{}
