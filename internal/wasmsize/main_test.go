package main

import (
	"bytes"
	"strings"
	"testing"
)

func TestPkgOf(t *testing.T) {
	tests := []struct{ name, want string }{
		{"github.com_osarena_osarena_game.(*app).play", "github.com_osarena_osarena_game"},
		{"golang.org_x_image_font_sfnt.(*Font).GlyphIndex", "golang.org_x_image_font_sfnt"},
		{"runtime.mallocgc", "runtime"},
		{"text_template.(*state).walk", "text_template"},
		{"type:.eq.[2]interface {}", "(type equality and hash functions)"},
	}
	for _, tt := range tests {
		if got := pkgOf(tt.name); got != tt.want {
			t.Errorf("pkgOf(%q) = %q, want %q", tt.name, got, tt.want)
		}
	}
}

// tiny is a module with one imported function and two defined ones (bodies
// of 3 and 2 bytes) named in a name section.
var tiny = []byte("\x00asm\x01\x00\x00\x00" +
	"\x02\x07\x01\x01m\x01f\x00\x00" + // import m.f, function type 0
	"\x0a\x08\x02\x03\x00\x01\x0b\x02\x00\x0b" + // code: two bodies
	"\x00\x1c\x04name\x01\x15\x02\x01\x09a_b.x.one\x02\x07a_b.two")

func TestReport(t *testing.T) {
	var out bytes.Buffer
	if err := report(&out, tiny, 10); err != nil {
		t.Fatal(err)
	}
	if got := out.String(); !strings.Contains(got, "5  code in all (2 functions)") || !strings.Contains(got, "5  a_b\n") {
		t.Errorf("report:\n%s\nwant 5 bytes of code, all in package a_b", got)
	}
	for i := 9; i < len(tiny)-1; i++ { // a cut inside a section is an error, never a panic
		if err := report(&out, tiny[:i], 10); err == nil {
			t.Errorf("report of the module cut at byte %d: no error", i)
		}
	}
	if err := report(&out, []byte("nope"), 10); err == nil {
		t.Error("report of a non-wasm file: no error")
	}
}
