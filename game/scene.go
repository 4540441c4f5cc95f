package game

import (
	"time"

	"github.com/osarena/osarena/sim/quiz"
)

// Scene is one screen of the client. Update reads a.in, changes the
// scene's state, lays it out for a.w × a.h and may switch scenes with
// a.goTo; Draw only reads what Update left. Targets lists what a player can
// click, for the test hook.
type Scene interface {
	Name() string
	Update(a *app)
	Draw(c *canvas)
	Targets() []Target
}

// rounder is a scene that reports a round to the test hook.
type rounder interface {
	roundInfo() *roundInfo
}

// app is the state every scene shares: the screen, this frame's input and
// time, the saved settings and progress, and the scene manager.
type app struct {
	w, h  float64 // screen in logical pixels
	scale float64 // device pixels per logical pixel
	in    input
	now   time.Time
	saved Saved
	txt   *Text
	opts  practiceOpts // the last solo practice options
	cues  []string     // the last sounds played (at most maxCues), for the test hook
	// keyboard: the player steers with the keys (input.steer), so a
	// question shows its focus ring; a question that takes Enter with no
	// ring showing sets it too.
	keyboard bool
	pointer  [2]float64 // where the pointer was the frame before (input.settle)
	next     Scene
}

// goTo switches to s after this frame's Update.
func (a *app) goTo(s Scene) { a.next = s }

// lang is the interface language.
func (a *app) lang() quiz.Lang { return a.saved.Settings.Lang }

// narrow reports whether the screen is phone-shaped.
func (a *app) narrow() bool { return a.w < 600 }

// margin is the distance kept from the screen's edges.
func (a *app) margin() float64 {
	if a.narrow() {
		return 16
	}
	return 28
}

// column returns the x and width of a centred column at most maxW wide.
func (a *app) column(maxW float64) (x, w float64) {
	w = min(a.w-2*a.margin(), maxW)
	return (a.w - w) / 2, w
}

// palette returns the palette the settings ask for.
func (a *app) palette() *palette {
	if a.saved.Settings.ColorBlind {
		return &colorBlindPalette
	}
	return &standardPalette
}
