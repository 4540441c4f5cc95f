// Package game is the browser client of OS Arena (DESIGN.md §6): scenes,
// views of simulator state, widgets, input and the interface's words. It is
// the only package that imports Ebitengine, and only cmd/osarena-web
// imports it.
//
// The client is one [Game] run by ebiten.RunGame. A manager holds the
// current [Scene]; every frame Update reads the input, lets the scene change
// its state (and lay itself out for the current screen size), and publishes
// the test hook; Draw only reads that state. Every length a scene computes
// is in CSS pixels ("logical" pixels); the canvas multiplies by the device
// scale, so text and shapes are drawn at device resolution and stay sharp
// on high-DPI screens.
//
// Platform code lives in _js.go files (browser storage, the font handed over
// by the page, the window.osarena test hook) with no-op or embedded
// counterparts for native builds, which exist so that `go vet` and
// `go test` compile the package everywhere.
//
// Everything here runs on Ebitengine's game goroutine; nothing is safe for
// concurrent use unless it says so.
package game
