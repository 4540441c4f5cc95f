package netcode

import (
	"encoding/json"
	"math/rand/v2"
	"slices"
	"sync"

	"github.com/osarena/osarena/sim/quiz"
)

// answerCache holds the right answer to a room's current question, so that
// its bots run the sim once per question, not once each: a load run
// measures the server, not the bots' simulators.
type answerCache struct {
	mu       sync.Mutex
	family   string
	step     uint16
	scenario string
	right    []int64
	ok       bool
}

// get returns LocalAnswer(q), computed at most once per question.
func (c *answerCache) get(q *Question) ([]int64, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.scenario == "" || c.family != q.Family || c.step != q.Step || c.scenario != string(q.Scenario) {
		c.family, c.step, c.scenario = q.Family, q.Step, string(q.Scenario)
		c.right, c.ok = LocalAnswer(q)
	}
	return slices.Clone(c.right), c.ok
}

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
