package game

import "syscall/js"

// wsURL is the server's WebSocket endpoint on the page's own host:
// ws://host/ws, or wss:// when the page came over HTTPS.
func wsURL() string {
	loc := js.Global().Get("location")
	scheme := "ws://"
	if loc.Get("protocol").String() == "https:" {
		scheme = "wss://"
	}
	return scheme + loc.Get("host").String() + "/ws"
}

// sessionGet returns the sessionStorage value of key, or "". Session
// storage is per tab and survives a reload: the resume token lives there,
// so two tabs are two players and a reloaded tab takes its seat back.
func sessionGet(key string) string {
	ss := js.Global().Get("sessionStorage")
	if !ss.Truthy() {
		return ""
	}
	v := ss.Call("getItem", key)
	if v.Type() != js.TypeString {
		return ""
	}
	return v.String()
}

// sessionSet stores value under key in sessionStorage ("" removes it).
func sessionSet(key, value string) {
	ss := js.Global().Get("sessionStorage")
	if !ss.Truthy() {
		return
	}
	if value == "" {
		ss.Call("removeItem", key)
		return
	}
	ss.Call("setItem", key, value)
}

// copyText puts s on the clipboard; the browser may refuse without a
// user gesture, which is fine: the code is on screen in large letters.
func copyText(s string) {
	cb := js.Global().Get("navigator").Get("clipboard")
	if !cb.Truthy() {
		return
	}
	p := cb.Call("writeText", s)
	var f js.Func
	f = js.FuncOf(func(js.Value, []js.Value) any { f.Release(); return nil })
	p.Call("catch", f) // an unhandled rejection would only log
}
