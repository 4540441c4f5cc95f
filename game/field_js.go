package game

import (
	"strconv"
	"syscall/js"
)

// field is an HTML <input> laid over the canvas for text entry: the
// browser's own input handles IME composition (ㄱ → 기 → 김), selection,
// paste and the phone's keyboard, which a canvas cannot. The scene places
// it each frame (in CSS pixels, the scene's logical pixels) and removes it
// when it leaves. Its callbacks only set flags; nothing blocks.
type field struct {
	el      js.Value
	onKey   js.Func
	entered bool // Enter was pressed since the last take
	shown   Rect
}

// newField adds an input to the page with a name (for tests: the element's
// id is "osarena-<name>"), a starting value, a placeholder and a length limit.
// upper makes it an all-capitals, no-autocorrect code field.
func newField(name, value, placeholder string, maxLen int, upper bool) *field {
	doc := js.Global().Get("document")
	el := doc.Call("createElement", "input")
	el.Set("id", "osarena-"+name)
	el.Set("type", "text")
	el.Set("value", value)
	el.Set("placeholder", placeholder)
	el.Set("maxLength", maxLen)
	el.Set("spellcheck", false)
	el.Call("setAttribute", "autocomplete", "off")
	el.Call("setAttribute", "autocorrect", "off")
	if upper {
		el.Call("setAttribute", "autocapitalize", "characters")
		el.Get("style").Set("textTransform", "uppercase")
		el.Get("style").Set("letterSpacing", "0.18em")
	}
	st := el.Get("style")
	for _, kv := range [...][2]string{
		{"position", "fixed"}, {"boxSizing", "border-box"}, {"margin", "0"}, {"padding", "0 14px"},
		{"background", "#1a2233"}, {"color", "#e8edf5"}, {"border", "1.5px solid #4f9dff"},
		{"borderRadius", "10px"}, {"outline", "none"}, {"zIndex", "5"}, {"caretColor", "#4f9dff"},
		{"fontFamily", "system-ui, -apple-system, 'Segoe UI', 'Apple SD Gothic Neo', 'Noto Sans KR', sans-serif"},
		{"touchAction", "manipulation"},
	} {
		st.Set(kv[0], kv[1])
	}
	f := &field{el: el}
	f.onKey = js.FuncOf(func(_ js.Value, args []js.Value) any {
		e := args[0]
		if e.Get("key").String() == "Enter" && !e.Get("isComposing").Bool() {
			f.entered = true
		}
		e.Call("stopPropagation")
		return nil
	})
	el.Call("addEventListener", "keydown", f.onKey)
	doc.Get("body").Call("appendChild", el)
	return f
}

// place moves the input over r with text of size px (logical pixels).
func (f *field) place(r Rect, px float64) {
	if f.shown == r {
		return
	}
	f.shown = r
	st := f.el.Get("style")
	st.Set("left", px2(r.X))
	st.Set("top", px2(r.Y))
	st.Set("width", px2(r.W))
	st.Set("height", px2(r.H))
	st.Set("fontSize", px2(px))
}

func px2(v float64) string { return strconv.FormatFloat(v, 'f', 1, 64) + "px" }

// value is the text typed so far (composition included once committed).
func (f *field) value() string { return f.el.Get("value").String() }

// setValue replaces the text.
func (f *field) setValue(s string) { f.el.Set("value", s) }

// focus puts the caret in the input.
func (f *field) focus() { f.el.Call("focus") }

// blur gives the keyboard back to the game: Ebitengine listens for keys on
// its canvas, which must have the focus.
func (f *field) blur() {
	f.el.Call("blur")
	if c := js.Global().Get("document").Call("querySelector", "canvas"); c.Truthy() {
		c.Call("focus")
	}
}

// focused reports whether the input has the keyboard.
func (f *field) focused() bool {
	return js.Global().Get("document").Get("activeElement").Equal(f.el)
}

// takeEnter reports whether Enter was pressed in the input since the last call.
func (f *field) takeEnter() bool {
	e := f.entered
	f.entered = false
	return e
}

// remove takes the input off the page.
func (f *field) remove() {
	if f.el.IsUndefined() {
		return
	}
	f.el.Call("removeEventListener", "keydown", f.onKey)
	f.el.Call("remove")
	f.onKey.Release()
	f.el = js.Undefined()
}
