package netcode

import (
	"encoding/json"
	"math/rand/v2"
	"slices"

	"github.com/osarena/osarena/sim/quiz"
)

// LocalAnswer computes the right answer to q with the client's own
// simulators, by building q as a one-question pack (family, scenario,
// step). It returns false when this build cannot (an unknown family, or a
// scenario its sim refuses).
func LocalAnswer(q *Question) ([]int64, bool) {
	type packQ struct {
		Family   string          `json:"family"`
		Scenario json.RawMessage `json:"scenario"`
		Step     int             `json:"step"`
	}
	pack, err := json.Marshal(map[string]any{
		"name": "bot", "title": map[string]string{"en": "bot", "ko": "bot"},
		"questions": []packQ{{q.Family, q.Scenario, int(q.Step)}},
	})
	if err != nil {
		return nil, false
	}
	_, qs, err := quiz.LoadPack(pack)
	if err != nil || len(qs) != 1 {
		return nil, false
	}
	return qs[0].Answer.Values, true
}

func wrongAnswer(q *Question, right []int64, rng *rand.Rand) []int64 {
	w := slices.Clone(right)
	if len(w) == 0 {
		return randomAnswer(q, rng)
	}
	for _, ch := range q.Choices {
		if ch.Value != w[0] {
			w[0] = ch.Value
			return w
		}
	}
	w[0] += 1 + rng.Int64N(3)
	return w
}

func randomAnswer(q *Question, rng *rand.Rand) []int64 {
	n := max(1, int(q.Slots))
	v := make([]int64, n)
	for i := range v {
		if len(q.Choices) > 0 {
			v[i] = q.Choices[rng.IntN(len(q.Choices))].Value
		} else {
			v[i] = rng.Int64N(100)
		}
	}
	return v
}
