package quiz

// storageFamilies are the storage families: disk scheduling, RAID, file
// allocation and free space.
var storageFamilies = []family{}

// storageEN and storageKO hold their message templates.
var storageEN, storageKO = map[string]string{}, map[string]string{}
