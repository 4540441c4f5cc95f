//go:build !js

package game

// field is the text input; outside the browser it only holds its value.
type field struct {
	text  string
	shown Rect
}

func newField(_, value, _ string, _ int, _ bool) *field { return &field{text: value} }
func (f *field) place(r Rect, _ float64)                { f.shown = r }
func (f *field) value() string                          { return f.text }
func (f *field) setValue(s string)                      { f.text = s }
func (f *field) focus()                                 {}
func (f *field) blur()                                  {}
func (f *field) focused() bool                          { return false }
func (f *field) takeEnter() bool                        { return false }
func (f *field) remove()                                {}
