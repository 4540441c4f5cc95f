package server

import (
	"io"
	"io/fs"
	"mime"
	"net/http"
	"path"
	"strings"
)

// contentTypes are set explicitly: the system's MIME table may lack them,
// and a wasm served as anything but application/wasm cannot be streamed.
var contentTypes = map[string]string{
	".wasm":        "application/wasm",
	".js":          "text/javascript; charset=utf-8",
	".mjs":         "text/javascript; charset=utf-8",
	".html":        "text/html; charset=utf-8",
	".css":         "text/css; charset=utf-8",
	".json":        "application/json",
	".webmanifest": "application/manifest+json",
	".svg":         "image/svg+xml",
	".png":         "image/png",
	".ico":         "image/x-icon",
	".woff2":       "font/woff2",
	".ttf":         "font/ttf",
	".txt":         "text/plain; charset=utf-8",
}

func contentType(name string) string {
	ext := path.Ext(name)
	if t, ok := contentTypes[ext]; ok {
		return t
	}
	if t := mime.TypeByExtension(ext); t != "" {
		return t
	}
	return "application/octet-stream"
}

// encodings are the precompressed variants looked for, best first.
var encodings = []struct{ token, suffix string }{{"br", ".br"}, {"gzip", ".gz"}}

// staticHandler serves the client build from fsys: "/" is index.html; a
// file with a precompressed sibling (app.wasm.br, app.wasm.gz) is served
// compressed to clients that accept it, with Content-Encoding and
// Vary: Accept-Encoding; the .br and .gz files are not served on their own.
func staticHandler(fsys fs.FS) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			w.Header().Set("Allow", "GET, HEAD")
			http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
			return
		}
		name := strings.TrimPrefix(path.Clean("/"+r.URL.Path), "/")
		if name == "" || strings.HasSuffix(r.URL.Path, "/") {
			name = path.Join(name, "index.html")
		}
		if strings.HasSuffix(name, ".br") || strings.HasSuffix(name, ".gz") || !fs.ValidPath(name) {
			http.NotFound(w, r)
			return
		}
		h := w.Header()
		accept := r.Header.Get("Accept-Encoding")
		hasVariant := false
		for _, e := range encodings {
			if _, err := fs.Stat(fsys, name+e.suffix); err != nil {
				continue
			}
			hasVariant = true
			if acceptsEncoding(accept, e.token) && serveFile(w, r, fsys, name+e.suffix, name, e.token) {
				return
			}
		}
		if hasVariant {
			h.Add("Vary", "Accept-Encoding")
		}
		if !serveFile(w, r, fsys, name, name, "") {
			http.NotFound(w, r)
		}
	})
}

// serveFile serves file with the content type of logical; it reports false
// when file cannot be opened (or is a directory).
func serveFile(w http.ResponseWriter, r *http.Request, fsys fs.FS, file, logical, encoding string) bool {
	f, err := fsys.Open(file)
	if err != nil {
		return false
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil || st.IsDir() {
		return false
	}
	h := w.Header()
	h.Set("Content-Type", contentType(logical))
	if encoding != "" {
		h.Set("Content-Encoding", encoding)
		h.Add("Vary", "Accept-Encoding")
	}
	if path.Base(logical) == "index.html" || strings.HasSuffix(logical, "sw.js") {
		h.Set("Cache-Control", "no-cache")
	}
	if rs, ok := f.(io.ReadSeeker); ok {
		http.ServeContent(w, r, "", st.ModTime(), rs)
		return true
	}
	b, err := io.ReadAll(f)
	if err != nil {
		return false
	}
	http.ServeContent(w, r, "", st.ModTime(), strings.NewReader(string(b)))
	return true
}

// acceptsEncoding reports whether an Accept-Encoding header allows token
// (with a q-value other than 0).
func acceptsEncoding(header, token string) bool {
	for part := range strings.SplitSeq(header, ",") {
		name, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		if !strings.EqualFold(strings.TrimSpace(name), token) {
			continue
		}
		q := strings.ReplaceAll(params, " ", "")
		return !(q == "q=0" || q == "q=0.0" || q == "q=0.00" || q == "q=0.000")
	}
	return false
}

// noWebPage is served when Config.Web is nil.
const noWebPage = `<!doctype html><meta charset="utf-8"><title>OS Arena</title>
<p>The OS Arena server is running, but it has no client build to serve.
Build the client (<code>make web</code>) or start the server with <code>--web DIR</code>.`
