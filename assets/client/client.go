// Package client embeds the browser client build so that `osarena serve`
// serves the game with no files beside the binary. `make build` copies the
// output of `make web` into dist/ before compiling osarena; a checkout where
// that has not happened embeds only dist/README.md, and FS reports that no
// client is present (the server then serves --web, or a page saying how to
// build the client).
package client

import (
	"embed"
	"io/fs"
)

//go:embed all:dist
var dist embed.FS

// FS returns the embedded client build and whether it holds a built client
// (an index.html and the wasm).
func FS() (fs.FS, bool) {
	sub, err := fs.Sub(dist, "dist")
	if err != nil {
		return nil, false
	}
	for _, name := range []string{"index.html", "osarena.wasm"} {
		if _, err := fs.Stat(sub, name); err != nil {
			return sub, false
		}
	}
	return sub, true
}
