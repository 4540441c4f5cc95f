//go:build !js

package game

// publishHook does nothing outside the browser.
func publishHook(*hookState) {}
