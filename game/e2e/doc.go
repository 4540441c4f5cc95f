// Package e2e holds the browser test of the client (no non-test code): it
// builds build/web with make, serves it from 127.0.0.1, drives Debian's
// chromium headless with chromedp, plays a solo round by clicking the
// targets window.osarena reports, reloads with the server stopped, and
// saves screenshots under build/screenshots. Run it with `make web-test`
// or `go test ./game/e2e`.
package e2e
