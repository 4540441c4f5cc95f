//go:build !js

package e2e

import (
	"net/http"
	"os"
	"path"
	"path/filepath"
	"strings"
)

// mimeTypes are the types of the files in build/web.
var mimeTypes = map[string]string{
	".html":        "text/html; charset=utf-8",
	".js":          "text/javascript; charset=utf-8",
	".wasm":        "application/wasm",
	".ttf":         "font/ttf",
	".webmanifest": "application/manifest+json",
	".svg":         "image/svg+xml",
}

// static serves dir the way the real server should: "/" is index.html,
// and a file with a precompressed .br or .gz sibling is sent compressed
// when the browser accepts it (brotli first).
func static(dir string) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		name := path.Clean(r.URL.Path)
		if strings.HasSuffix(name, "/") {
			name += "index.html"
		}
		file := filepath.Join(dir, filepath.FromSlash(name))
		typ, ok := mimeTypes[path.Ext(name)]
		if !ok {
			http.NotFound(w, r)
			return
		}
		h := w.Header()
		h.Set("Content-Type", typ)
		h.Set("Cache-Control", "no-cache")
		h.Set("Vary", "Accept-Encoding")
		accept := r.Header.Get("Accept-Encoding")
		for _, enc := range []struct{ token, ext string }{{"br", ".br"}, {"gzip", ".gz"}} {
			if strings.Contains(accept, enc.token) {
				if _, err := os.Stat(file + enc.ext); err == nil {
					h.Set("Content-Encoding", enc.token)
					file += enc.ext
					break
				}
			}
		}
		b, err := os.ReadFile(file)
		if err != nil {
			http.NotFound(w, r)
			return
		}
		w.Write(b)
	})
}
