package game

import "time"

// cue is one sound the game makes. Sounds are short and quiet and say
// something: the verdict on an answer, the last seconds of a countdown,
// the podium. Nothing plays while Settings.Mute is set.
type cue int

// The cues.
const (
	cueCorrect cue = iota // two rising notes
	cueWrong              // one low, short note
	cueTick               // a soft click in each of the last three seconds
	cueFanfare            // three rising notes for the podium
)

// note is one tone of a cue: a frequency in Hz, when it starts after the
// cue, how long it sounds, and its wave ("sine", "triangle", "square").
type note struct {
	hz    float64
	at    time.Duration
	dur   time.Duration
	wave  string
	level float64 // peak gain, 0–1; the whole game stays quiet
}

// notes returns the tones of c.
func (c cue) notes() []note {
	ms := func(n int) time.Duration { return time.Duration(n) * time.Millisecond }
	switch c {
	case cueCorrect:
		return []note{{660, 0, ms(110), "sine", 0.16}, {880, ms(100), ms(180), "sine", 0.16}}
	case cueWrong:
		return []note{{196, 0, ms(260), "triangle", 0.2}}
	case cueTick:
		return []note{{1200, 0, ms(40), "sine", 0.06}}
	case cueFanfare:
		return []note{{523, 0, ms(140), "triangle", 0.14}, {659, ms(140), ms(140), "triangle", 0.14}, {784, ms(280), ms(380), "triangle", 0.16}}
	}
	return nil
}

// play plays c unless the player muted the game.
func (a *app) play(c cue) {
	if a.saved.Settings.Mute {
		return
	}
	playNotes(c.notes())
	if len(a.cues) == maxCues {
		a.cues = append(a.cues[:0], a.cues[1:]...)
	}
	a.cues = append(a.cues, c.String())
}

// maxCues is how many played cues the test hook remembers.
const maxCues = 8

// String names c for the test hook.
func (c cue) String() string {
	switch c {
	case cueCorrect:
		return "correct"
	case cueWrong:
		return "wrong"
	case cueTick:
		return "tick"
	case cueFanfare:
		return "fanfare"
	}
	return "?"
}

// countdown plays a tick as a countdown crosses each of its last three
// whole seconds; last is the remaining time seen at the previous frame
// (it is updated).
func (a *app) countdown(last *time.Duration, left time.Duration) {
	for s := 3; s >= 1; s-- {
		at := time.Duration(s) * time.Second
		if *last > at && left <= at && left > 0 {
			a.play(cueTick)
			break
		}
	}
	*last = left
}
