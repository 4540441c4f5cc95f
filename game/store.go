package game

import (
	"encoding/json"

	"github.com/osarena/osarena/sim/quiz"
)

// storeKey is the browser-storage key of the saved state.
const storeKey = "osarena.v1"

// Settings are the player's choices on the settings screen.
type Settings struct {
	Lang       quiz.Lang `json:"lang"`
	Timed      bool      `json:"timed"`
	ColorBlind bool      `json:"color_blind"`
	Mute       bool      `json:"mute"` // no sounds (the zero value plays them)
}

// TopicProgress is what the title screen shows for a topic.
type TopicProgress struct {
	Rounds   int `json:"rounds"`
	Answered int `json:"answered"`
	Correct  int `json:"correct"`
	Best     int `json:"best"`
}

// savedVersion is the version of Saved this client writes. History: 0 (no
// "v"), settings and per-topic progress; 2, the local history. Older
// versions load as they are, with an empty history; a newer one loads
// what this version knows of it.
const savedVersion = 2

// Saved is everything kept in browser storage between visits.
type Saved struct {
	Version  int                          `json:"v"`
	Settings Settings                     `json:"settings"`
	Topics   map[quiz.Topic]TopicProgress `json:"topics"` // looked up by topic, never iterated
	History  history                      `json:"history"`
}

func defaultSaved() Saved {
	return Saved{Version: savedVersion, Settings: Settings{Lang: quiz.English, Timed: false},
		Topics: map[quiz.Topic]TopicProgress{}, History: history{}}
}

// loadSaved reads the saved state; anything unreadable gives the defaults.
func loadSaved() Saved {
	s := defaultSaved()
	b := storageGet(storeKey)
	if b == "" || json.Unmarshal([]byte(b), &s) != nil {
		return defaultSaved()
	}
	if s.Settings.Lang != quiz.Korean {
		s.Settings.Lang = quiz.English
	}
	if s.Topics == nil {
		s.Topics = map[quiz.Topic]TopicProgress{}
	}
	if s.History == nil {
		s.History = history{}
	}
	s.Version = savedVersion
	return s
}

// save writes s to browser storage (at once: a lost WebGL context reloads
// the page).
func (s Saved) save() {
	b, err := json.Marshal(s)
	if err == nil {
		storageSet(storeKey, string(b))
	}
}
