package game

import "syscall/js"

// audio is the page's one AudioContext, made at the first sound: browsers
// let a page start audio only after the player has touched it, and every
// cue follows a click or a tap.
var audio js.Value

// playNotes schedules notes on the Web Audio clock: an oscillator per note
// with a short attack and an exponential release, so nothing clicks.
func playNotes(ns []note) {
	if len(ns) == 0 {
		return
	}
	if audio.IsUndefined() {
		ctor := js.Global().Get("AudioContext")
		if !ctor.Truthy() {
			ctor = js.Global().Get("webkitAudioContext")
		}
		if !ctor.Truthy() {
			audio = js.Null() // no Web Audio: stay silent
			return
		}
		audio = ctor.New()
	}
	if audio.IsNull() {
		return
	}
	if audio.Get("state").String() == "suspended" {
		audio.Call("resume")
	}
	t0 := audio.Get("currentTime").Float() + 0.01
	for _, n := range ns {
		start := t0 + n.at.Seconds()
		end := start + n.dur.Seconds()
		osc := audio.Call("createOscillator")
		osc.Set("type", n.wave)
		osc.Get("frequency").Call("setValueAtTime", n.hz, start)
		gain := audio.Call("createGain")
		g := gain.Get("gain")
		g.Call("setValueAtTime", 0.0001, start)
		g.Call("exponentialRampToValueAtTime", n.level, start+0.012)
		g.Call("exponentialRampToValueAtTime", 0.0001, end)
		osc.Call("connect", gain)
		gain.Call("connect", audio.Get("destination"))
		osc.Call("start", start)
		osc.Call("stop", end+0.02)
	}
}
