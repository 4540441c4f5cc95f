//go:build !js

package game

// playNotes has no speaker outside the browser: native builds run the
// client's logic in tests only.
func playNotes([]note) {}
