// Command osarena-web is the browser client of OS Arena. Build it with
// GOOS=js GOARCH=wasm (`make web`); it runs package game.
package main

import (
	"log"

	"github.com/hajimehoshi/ebiten/v2"

	"github.com/osarena/osarena/game"
)

func main() {
	ebiten.SetWindowTitle("OS Arena")
	ebiten.SetWindowSize(1280, 720)
	ebiten.SetWindowResizingMode(ebiten.WindowResizingModeEnabled)
	if err := ebiten.RunGame(game.New()); err != nil {
		log.Fatal(err)
	}
}
