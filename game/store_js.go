package game

import "syscall/js"

// storageGet returns the localStorage value of key, or "".
func storageGet(key string) string {
	ls := js.Global().Get("localStorage")
	if !ls.Truthy() {
		return ""
	}
	v := ls.Call("getItem", key)
	if v.Type() != js.TypeString {
		return ""
	}
	return v.String()
}

// storageSet stores value under key in localStorage.
func storageSet(key, value string) {
	if ls := js.Global().Get("localStorage"); ls.Truthy() {
		ls.Call("setItem", key, value)
	}
}
