package room

import (
	"slices"

	"github.com/osarena/osarena/netcode"
	"github.com/osarena/osarena/sim/quiz"
)

// Bounds of the host settings.
const (
	MaxRounds  = 50
	MinSeconds = 5
	MaxSeconds = 600
	MaxChain   = 10
)

// DefaultSettings are a new room's settings when the host sends none.
func DefaultSettings() netcode.Settings {
	return netcode.Settings{Difficulty: 2, Rounds: 10, Seconds: 30, Timed: true, Lang: "en", Chain: 1}
}

// Topics returns every quiz topic, in the order of quiz.Families.
func Topics() []string {
	var out []string
	for _, f := range quiz.Families() {
		if t, ok := quiz.TopicOf(f); ok && !slices.Contains(out, string(t)) {
			out = append(out, string(t))
		}
	}
	return out
}

// ValidSettings reports whether s is in range: known topics (no repeats),
// difficulty 1–5, 1–50 rounds, 5–600 seconds, language en or ko, chain 1–10
// (0 means 1). A false result is answered with netcode.ErrBadSettings.
func ValidSettings(s netcode.Settings) bool {
	known := Topics()
	for i, t := range s.Topics {
		if !slices.Contains(known, t) || slices.Contains(s.Topics[:i], t) {
			return false
		}
	}
	switch {
	case s.Difficulty < quiz.MinDifficulty || s.Difficulty > quiz.MaxDifficulty,
		s.Rounds < 1 || s.Rounds > MaxRounds,
		s.Seconds < MinSeconds || s.Seconds > MaxSeconds,
		s.Chain > MaxChain:
		return false
	}
	return slices.Contains(quiz.Langs, quiz.Lang(s.Lang))
}

// families returns the quiz families of the chosen topics (all when none).
func families(topics []string) []quiz.Family {
	var out []quiz.Family
	for _, f := range quiz.Families() {
		t, _ := quiz.TopicOf(f)
		if len(topics) == 0 || slices.Contains(topics, string(t)) {
			out = append(out, f)
		}
	}
	return out
}
