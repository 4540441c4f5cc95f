//go:build !js

package game

// Native builds (tests, vet) keep the state in memory for the process.
var memoryStore = map[string]string{}

func storageGet(key string) string { return memoryStore[key] }

func storageSet(key, value string) { memoryStore[key] = value }
