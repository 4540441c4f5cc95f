package game

import "image/color"

// palette is the set of colours every view draws with. The colour-blind
// palette replaces the green/red pair with blue/orange (Okabe–Ito), and
// every verdict is also spelt out in words, never told by colour alone.
// Focus is the keyboard's focus ring: white in both, apart from every
// state colour (selected, correct, wrong, victim), drawn over a halo of Bg.
type palette struct {
	Bg, Panel, Panel2, Line       color.RGBA
	Text, Dim, Faint              color.RGBA
	Accent, AccentText            color.RGBA
	Good, Bad, Victim, Hand, Dirt color.RGBA
	Focus                         color.RGBA
}

func rgb(v uint32) color.RGBA {
	return color.RGBA{uint8(v >> 16), uint8(v >> 8), uint8(v), 0xff}
}

var (
	standardPalette = palette{
		Bg: rgb(0x10151f), Panel: rgb(0x1a2233), Panel2: rgb(0x243049), Line: rgb(0x33415e),
		Text: rgb(0xe8edf5), Dim: rgb(0x9aabc4), Faint: rgb(0x5d6d88),
		Accent: rgb(0x4f9dff), AccentText: rgb(0x0b1220),
		Good: rgb(0x3ecf8e), Bad: rgb(0xff6b6b), Victim: rgb(0xf2b84b), Hand: rgb(0xc792ea), Dirt: rgb(0xf2b84b),
		Focus: rgb(0xffffff),
	}
	colorBlindPalette = palette{
		Bg: rgb(0x10151f), Panel: rgb(0x1a2233), Panel2: rgb(0x243049), Line: rgb(0x33415e),
		Text: rgb(0xe8edf5), Dim: rgb(0x9aabc4), Faint: rgb(0x5d6d88),
		Accent: rgb(0x56b4e9), AccentText: rgb(0x0b1220),
		Good: rgb(0x0092e0), Bad: rgb(0xe69f00), Victim: rgb(0xf0e442), Hand: rgb(0xcc79a7), Dirt: rgb(0xf0e442),
		Focus: rgb(0xffffff),
	}
)

// alpha returns c with its opacity scaled by a in [0, 1] (premultiplied).
func alpha(c color.RGBA, a float64) color.RGBA {
	a = clamp(a, 0, 1)
	return color.RGBA{uint8(float64(c.R) * a), uint8(float64(c.G) * a), uint8(float64(c.B) * a), uint8(float64(c.A) * a)}
}

// mix blends a toward b by t.
func mix(a, b color.RGBA, t float64) color.RGBA {
	t = clamp(t, 0, 1)
	f := func(x, y uint8) uint8 { return uint8(lerp(float64(x), float64(y), t)) }
	return color.RGBA{f(a.R, b.R), f(a.G, b.G), f(a.B, b.B), f(a.A, b.A)}
}
