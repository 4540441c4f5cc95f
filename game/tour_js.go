package game

import "syscall/js"

// pageURL is the page's address without its query: what a ?t=CODE link
// to a tournament is built on.
func pageURL() string {
	loc := js.Global().Get("location")
	return loc.Get("origin").String() + loc.Get("pathname").String()
}

// takeTourParam returns the tournament code of a ?t=CODE link the page was
// opened with ("" if none) and takes it off the address bar, so that a
// later reload does not open it again unasked.
func takeTourParam() string {
	loc := js.Global().Get("location")
	params := js.Global().Get("URLSearchParams").New(loc.Get("search"))
	v := params.Call("get", "t")
	if v.Type() != js.TypeString {
		return ""
	}
	if h := js.Global().Get("history"); h.Truthy() {
		h.Call("replaceState", js.Null(), "", loc.Get("pathname").String())
	}
	return v.String()
}
