package game

// Target is a clickable thing on screen, as the test hook reports it: a
// name, a rectangle in CSS pixels of the page, whether the keyboard's
// focus ring is on it, whether it is marked (a set answer's chosen
// target), and what it holds (the value typed in a number's box).
type Target struct {
	Name     string `json:"name"`
	R        Rect   `json:"-"`
	Focus    bool   `json:"focus,omitempty"`
	Selected bool   `json:"selected,omitempty"`
	Text     string `json:"text,omitempty"`
}

// hookState is what window.osarena reports besides readiness and targets.
type hookState struct {
	Scene   string
	Lang    string
	Targets []Target
	Focus   string     // the name of the target the focus ring is on, "" for none
	Round   *roundInfo // nil outside a round
	FPS     int        // frames drawn per second, as Ebitengine measures it
	Live    string     // a live match as JSON (see liveHook), "" outside one
	Cues    string     // the last sounds played, oldest first, comma-separated
	Stats   string     // My progress as JSON (see statsHook), "" elsewhere
	Tour    string     // a tournament as JSON (see tourHook), "" outside one
	Info    string     // the scene's own state as JSON (see informer), or ""
}

// informer is a scene that reports its own state to the test hook, as
// window.osarena.info: a JSON object (the sandbox's run, the daily record).
type informer interface {
	hookInfo() string
}

// roundInfo is the state of a solo round, for tests: enough to regenerate
// the same questions with sim/quiz and to check the score.
type roundInfo struct {
	Family     string
	Seed       uint64
	Difficulty int
	Count      int
	Index      int
	Phase      string
	Score      int
	Correct    int
}

func (h *hookState) equal(o *hookState) bool {
	if h.Scene != o.Scene || h.Focus != o.Focus || h.Lang != o.Lang || h.FPS != o.FPS || h.Live != o.Live || h.Cues != o.Cues || h.Stats != o.Stats || h.Tour != o.Tour ||
		h.Info != o.Info || len(h.Targets) != len(o.Targets) {
		return false
	}
	for i := range h.Targets {
		if h.Targets[i] != o.Targets[i] {
			return false
		}
	}
	if (h.Round == nil) != (o.Round == nil) {
		return false
	}
	return h.Round == nil || *h.Round == *o.Round
}
