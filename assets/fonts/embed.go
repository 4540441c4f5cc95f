// Package fonts holds the client's font: OSArenaGothic.ttf, a subset of
// Nanum Gothic (SIL OFL 1.1, see OFL.txt) with Latin and every Hangul
// syllable, made by `make font`. The browser build does not embed it (the
// page downloads it in parallel with the wasm); native builds do.
package fonts

import _ "embed"

// TTF is the font file.
//
//go:embed OSArenaGothic.ttf
var TTF []byte
