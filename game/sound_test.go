package game

import (
	"strings"
	"testing"
	"time"
)

func TestCountdownTicksInTheLastThreeSeconds(t *testing.T) {
	s := time.Second
	tests := []struct {
		name  string
		lefts []time.Duration // remaining time frame by frame
		want  string          // cues played
	}{
		{"whole countdown", []time.Duration{20 * s, 10 * s, 3500 * time.Millisecond, 2900 * time.Millisecond, 2500 * time.Millisecond, 1900 * time.Millisecond, 900 * time.Millisecond, 0}, "tick,tick,tick"},
		{"no tick above three seconds", []time.Duration{20 * s, 5 * s, 3001 * time.Millisecond}, ""},
		{"a skipped second ticks once", []time.Duration{4 * s, 1500 * time.Millisecond}, "tick"},
		{"time up is not a tick", []time.Duration{1 * s, 0}, ""},
		{"crossing one second ticks", []time.Duration{1100 * time.Millisecond, 1 * s}, "tick"},
		{"a new round does not tick", []time.Duration{0, 20 * s, 19 * s}, ""},
	}
	for _, tt := range tests {
		a := &app{saved: defaultSaved()}
		last := time.Duration(0)
		if len(tt.lefts) > 0 {
			last = tt.lefts[0]
		}
		for _, l := range tt.lefts[1:] {
			a.countdown(&last, l)
		}
		if got := strings.Join(a.cues, ","); got != tt.want {
			t.Errorf("%s: cues %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestMuteSilencesEveryCue(t *testing.T) {
	a := &app{saved: defaultSaved()}
	a.play(cueCorrect)
	a.saved.Settings.Mute = true
	a.play(cueWrong)
	last := 4 * time.Second
	a.countdown(&last, 2*time.Second)
	if got := strings.Join(a.cues, ","); got != "correct" {
		t.Errorf("cues %q, want only the one played before muting", got)
	}
}

func TestCuesKeepTheLastEight(t *testing.T) {
	a := &app{saved: defaultSaved()}
	for range 5 {
		a.play(cueTick)
	}
	for range 5 {
		a.play(cueCorrect)
	}
	if len(a.cues) != maxCues || a.cues[0] != "tick" || a.cues[maxCues-1] != "correct" {
		t.Errorf("cues %v, want the last %d, oldest first", a.cues, maxCues)
	}
	for c := cueCorrect; c <= cueFanfare; c++ {
		if len(c.notes()) == 0 || c.String() == "?" {
			t.Errorf("cue %d has no notes or no name", c)
		}
	}
}
