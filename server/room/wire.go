package room

import (
	"github.com/osarena/osarena/netcode"
	"github.com/osarena/osarena/sim/quiz"
)

// WireQuestion is q as players receive it: the picture and the question,
// without the answer, the misconceptions or the explanation.
func WireQuestion(q *quiz.Question) netcode.Question {
	w := netcode.Question{
		Family: string(q.Family), Difficulty: uint8(q.Difficulty), Scenario: q.Scenario,
		Step: uint16(q.Step), Prompt: q.Prompt, Kind: string(q.Answer.Kind),
		Slots: uint8(len(q.Answer.Values)), Unit: q.Answer.Unit, Rules: q.Rules,
	}
	for _, c := range q.Choices {
		w.Choices = append(w.Choices, netcode.Choice{Value: c.Value, Label: c.Label})
	}
	return w
}
