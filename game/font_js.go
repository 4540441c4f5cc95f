package game

import (
	"errors"
	"syscall/js"
)

// loadFont starts taking the font bytes from the page: index.html fetches
// the font in parallel with the wasm and leaves a promise of a Uint8Array
// in window.osarenaFont. The result arrives on the channel; nothing blocks.
func loadFont() <-chan fontResult {
	ch := make(chan fontResult, 1)
	p := js.Global().Get("osarenaFont")
	if !p.Truthy() {
		ch <- fontResult{err: errors.New("game: window.osarenaFont is missing")}
		return ch
	}
	var ok, fail js.Func
	ok = js.FuncOf(func(_ js.Value, args []js.Value) any {
		b := make([]byte, args[0].Get("byteLength").Int())
		js.CopyBytesToGo(b, args[0])
		ch <- fontResult{ttf: b}
		ok.Release()
		fail.Release()
		return nil
	})
	fail = js.FuncOf(func(_ js.Value, args []js.Value) any {
		ch <- fontResult{err: errors.New("game: font: " + args[0].Call("toString").String())}
		ok.Release()
		fail.Release()
		return nil
	})
	p.Call("then", ok, fail)
	return ch
}
