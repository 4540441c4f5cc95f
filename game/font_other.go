//go:build !js

package game

import "github.com/osarena/osarena/assets/fonts"

// loadFont returns the embedded font (native builds).
func loadFont() <-chan fontResult {
	ch := make(chan fontResult, 1)
	ch <- fontResult{ttf: fonts.TTF}
	return ch
}
