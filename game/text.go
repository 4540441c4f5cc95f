package game

import (
	"image/color"
	"math"
	"strings"
	"unicode"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/text/v2"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/font/sfnt"
)

// Align is a horizontal alignment of text.
type Align int

// The alignments.
const (
	AlignStart Align = iota
	AlignCenter
	AlignEnd
)

// minHangulSize is the smallest size Hangul is drawn at: below 14 px the
// syllables smear (CLIENT-NOTES.md).
const minHangulSize = 14

// Text is the one text-drawing wrapper of the client: it owns the
// Korean-capable font, draws at device resolution and measures in logical
// pixels. Sizes are logical pixels of the em.
type Text struct {
	src   *sfnt.Font
	faces map[float64]*text.GoXFace // by device pixel size; looked up, never iterated
	first *text.GoXFace             // made by NewText, proving the font's metrics read
}

// NewText parses a TrueType or OpenType font (not WOFF2).
//
// Glyphs are rasterised by golang.org/x/image's sfnt through text/v2's
// GoXFace rather than by GoTextFace: the client draws Latin and precomposed
// Hangul syllables, which need no shaping, and leaving go-text/typesetting
// out of the wasm saves 0.64 MB of brotli (3.79 MB to 3.15 MB).
func NewText(ttf []byte) (*Text, error) {
	src, err := opentype.Parse(ttf)
	if err != nil {
		return nil, err
	}
	t := &Text{src: src, faces: map[float64]*text.GoXFace{}}
	if t.first, err = t.newFace(16); err != nil {
		return nil, err
	}
	t.faces[16] = t.first
	return t, nil
}

func (t *Text) newFace(px float64) (*text.GoXFace, error) {
	xf, err := opentype.NewFace(t.src, &opentype.FaceOptions{Size: px, DPI: 72})
	if err != nil {
		return nil, err
	}
	return text.NewGoXFace(xf), nil
}

// face returns the face for px device pixels, made once per half pixel.
func (t *Text) face(px float64) *text.GoXFace {
	px = math.Round(px*2) / 2
	f, ok := t.faces[px]
	if !ok {
		var err error
		if f, err = t.newFace(px); err != nil {
			return t.first // the font read at 16 px; a size cannot break it
		}
		t.faces[px] = f
	}
	return f
}

// size returns the size s is drawn at: never below 14 px when it holds Hangul.
func size(s string, px float64) float64 {
	if px >= minHangulSize {
		return px
	}
	for _, r := range s {
		if unicode.Is(unicode.Hangul, r) {
			return minHangulSize
		}
	}
	return px
}

// substitutes stand in for characters the font subset has no glyph for
// (they would print as nothing: "1440 − 34" read "1440   34"); Draw and
// Width both use them, so measured text is drawn text.
var substitutes = strings.NewReplacer(
	"−", "-", // U+2212 MINUS SIGN
	"⊕", "XOR",
	"µ", "μ",
	"⌊", "floor(", "⌋", ")",
	"⇄", "↔", "⇢", "→",
	"⟦", "[", "⟧", "]",
)

// Width returns the advance of s at size px, in logical pixels.
func (t *Text) Width(s string, px float64) float64 {
	return text.Advance(substitutes.Replace(s), t.face(size(s, px)))
}

// Draw draws s with its line centred vertically on y; x is the start, the
// centre or the end of the line as align says. scale is device pixels per
// logical pixel.
func (t *Text) Draw(dst *ebiten.Image, scale float64, s string, x, y, px float64, clr color.Color, align Align) {
	f := t.face(size(s, px) * scale)
	op := &text.DrawOptions{}
	op.LayoutOptions.PrimaryAlign = [...]text.Align{text.AlignStart, text.AlignCenter, text.AlignEnd}[align]
	op.LayoutOptions.SecondaryAlign = text.AlignCenter
	op.GeoM.Translate(math.Round(x*scale), math.Round(y*scale))
	op.ColorScale.ScaleWithColor(clr)
	text.Draw(dst, substitutes.Replace(s), f, op)
}

// Wrap breaks s into lines no wider than width at size px, at spaces where
// it can and between any two characters where a word alone is too wide.
func (t *Text) Wrap(s string, px, width float64) []string {
	var lines []string
	for _, para := range strings.Split(s, "\n") {
		line := ""
		for _, word := range strings.Fields(para) {
			try := word
			if line != "" {
				try = line + " " + word
			}
			if t.Width(try, px) <= width {
				line = try
				continue
			}
			if line != "" {
				lines = append(lines, line)
			}
			line = ""
			for _, r := range word { // a word wider than the line
				if line != "" && t.Width(line+string(r), px) > width {
					lines = append(lines, line)
					line = ""
				}
				line += string(r)
			}
		}
		lines = append(lines, line)
	}
	return lines
}

// Fit returns the largest size no greater than px at which s fits in width
// (never below lo).
func (t *Text) Fit(s string, px, lo, width float64) float64 {
	for px > lo && t.Width(s, px) > width {
		px--
	}
	return px
}
