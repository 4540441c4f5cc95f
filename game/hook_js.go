package game

import "syscall/js"

// publishHook updates window.osarena (ready, scene, lang, targets, focus, round)
// for browser tests. It writes only when something changed.
func publishHook(h *hookState) {
	o := js.Global().Get("osarena")
	if !o.Truthy() {
		o = js.Global().Get("Object").New()
		js.Global().Set("osarena", o)
	}
	if !o.Get("ready").Bool() {
		o.Set("ready", true)
		o.Set("readyAt", js.Global().Get("performance").Call("now"))
	}
	o.Set("scene", h.Scene)
	o.Set("lang", h.Lang)
	o.Set("fps", h.FPS)
	o.Set("cues", h.Cues)
	ts := js.Global().Get("Array").New(len(h.Targets))
	for i, t := range h.Targets {
		v := js.Global().Get("Object").New()
		v.Set("name", t.Name)
		v.Set("x", t.R.X)
		v.Set("y", t.R.Y)
		v.Set("w", t.R.W)
		v.Set("h", t.R.H)
		if t.Focus {
			v.Set("focus", true)
		}
		if t.Selected {
			v.Set("selected", true)
		}
		if t.Text != "" {
			v.Set("text", t.Text)
		}
		ts.SetIndex(i, v)
	}
	o.Set("targets", ts)
	o.Set("focus", h.Focus)
	if h.Live == "" {
		o.Set("live", js.Null())
	} else {
		o.Set("live", js.Global().Get("JSON").Call("parse", h.Live))
	}
	if h.Stats == "" {
		o.Set("stats", js.Null())
	} else {
		o.Set("stats", js.Global().Get("JSON").Call("parse", h.Stats))
	}
	if h.Tour == "" {
		o.Set("tour", js.Null())
	} else {
		o.Set("tour", js.Global().Get("JSON").Call("parse", h.Tour))
	}
	if h.Info == "" {
		o.Set("info", js.Null())
	} else {
		o.Set("info", js.Global().Get("JSON").Call("parse", h.Info))
	}
	if h.Round == nil {
		o.Set("round", js.Null())
		return
	}
	r := js.Global().Get("Object").New()
	r.Set("family", h.Round.Family)
	r.Set("seed", float64(h.Round.Seed)) // seeds are kept below 2^53
	r.Set("difficulty", h.Round.Difficulty)
	r.Set("count", h.Round.Count)
	r.Set("index", h.Round.Index)
	r.Set("phase", h.Round.Phase)
	r.Set("score", h.Round.Score)
	r.Set("correct", h.Round.Correct)
	o.Set("round", r)
}
