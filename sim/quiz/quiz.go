// Package quiz turns the simulators into endless, always-correct questions
// (DESIGN.md §4). A question is generated from (family, seed, difficulty):
// a scenario, the checkpoint step it stops at, a prompt, the answer, the
// choices with the misconception behind each wrong one, and an explanation
// that names the rules that decided it. The same inputs give a
// byte-identical question on every platform, so the browser (solo practice)
// and the server (matches) agree without talking; grading is done by the
// server's own copy.
//
// Everything here is pure and deterministic and safe for concurrent use.
package quiz

import (
	"encoding/json"
	"errors"
	"fmt"
	"slices"

	"github.com/osarena/osarena/sim/field"
	"github.com/osarena/osarena/sim/rng"
)

// Family names a kind of question, "<topic>.<what>": "replace.victim".
type Family string

// Topic groups families as the course does: "replace", "disk", ...
type Topic string

// Trap is the answer value of an address translation that traps (or
// faults) instead of producing a physical address.
const Trap int64 = -1

// Difficulty levels.
const (
	MinDifficulty = 1
	MaxDifficulty = 5
)

// AnswerKind says how a question is answered and graded.
type AnswerKind string

// The answer kinds.
const (
	// KindChoice: one value, one of Choices; exact.
	KindChoice AnswerKind = "choice"
	// KindNumber: one value typed on a keypad; right within Tolerance.
	KindNumber AnswerKind = "number"
	// KindSlots: several values in order (the victim at each of the next
	// faults); partial credit per slot.
	KindSlots AnswerKind = "slots"
	// KindSet: several values in any order (the disks a write touches);
	// credit for each right value less each wrong one.
	KindSet AnswerKind = "set"
)

// Answer is the correct answer of a question.
type Answer struct {
	Kind      AnswerKind `json:"kind"`
	Values    []int64    `json:"values"`
	Tolerance int64      `json:"tolerance,omitempty"`
	// Unit names what the values count ("@unit.ns"), for display.
	Unit string `json:"unit,omitempty"`
}

// Choice is one option of a choice question. For a wrong choice, Why says
// which misconception it matches ("that is what FIFO would evict"). Families
// list choices in the order of the picture (frame order, ascending values),
// never with the answer in a fixed place.
type Choice struct {
	Value int64 `json:"value"`
	Label Text  `json:"label"`
	Why   Text  `json:"why,omitzero"`
}

// Rule is a named convention that decided the answer, shown on the card.
type Rule struct {
	Name  string `json:"name"`
	Value string `json:"value"`
}

// Question is one generated (or pack) question.
type Question struct {
	Family     Family `json:"family"`
	Topic      Topic  `json:"topic"`
	Seed       uint64 `json:"seed"`
	Difficulty int    `json:"difficulty"`
	// Scenario is the scenario document (DESIGN.md §3) the picture is drawn
	// from; running it gives the trace.
	Scenario json.RawMessage `json:"scenario"`
	// Step is the checkpoint: the picture shows the state after step Step-1
	// and the question asks about step Step of the trace.
	Step        int      `json:"step"`
	Prompt      Text     `json:"prompt"`
	Answer      Answer   `json:"answer"`
	Choices     []Choice `json:"choices,omitempty"`
	Explanation Text     `json:"explanation"`
	// Wrong maps a wrong number answer to the misconception it matches.
	Wrong []Misconception `json:"wrong,omitempty"`
	Rules []Rule          `json:"rules,omitempty"`
}

// Misconception ties a wrong value to the mistake that produces it.
type Misconception struct {
	Value int64 `json:"value"`
	Why   Text  `json:"why"`
}

// family generates and asks questions of one kind. ask builds the question
// for a scenario and checkpoint (question packs call it directly); generate
// draws a scenario for a difficulty and the checkpoints worth asking about,
// in order, for a prediction chain.
type family struct {
	name     Family
	topic    Topic
	kind     string // scenario kind
	generate func(r *rng.Rand, difficulty int) (scenario any, steps []int, err error)
	ask      func(scenario any, step int) (*Question, error)
	decode   func(rest []byte) (any, error) // a pack's scenario into the config ask takes
}

// registry lists every family; each topic file contributes its own.
var registry = slices.Concat(replaceFamilies, memFamilies, storageFamilies)

// Families returns every family name, in a fixed order.
func Families() []Family {
	out := make([]Family, len(registry))
	for i, f := range registry {
		out[i] = f.name
	}
	return out
}

// Topics returns every topic, in the order of their first family.
func Topics() []Topic {
	var out []Topic
	for _, f := range registry {
		if !slices.Contains(out, f.topic) {
			out = append(out, f.topic)
		}
	}
	return out
}

// FamiliesOf returns the families of a topic, in registry order.
func FamiliesOf(t Topic) []Family {
	var out []Family
	for _, f := range registry {
		if f.topic == t {
			out = append(out, f.name)
		}
	}
	return out
}

// TopicOf returns the topic of a family.
func TopicOf(name Family) (Topic, bool) {
	f, ok := lookup(name)
	return f.topic, ok
}

func lookup(name Family) (family, bool) {
	for _, f := range registry {
		if f.name == name {
			return f, true
		}
	}
	return family{}, false
}

// Errors.
var (
	ErrUnknownFamily = errors.New("quiz: unknown family")
	ErrNoCheckpoint  = errors.New("quiz: scenario has no step to ask about")
)

// Generate returns the question of family name for seed and difficulty.
func Generate(name Family, seed uint64, difficulty int) (*Question, error) {
	qs, err := Chain(name, seed, difficulty, 1)
	if err != nil {
		return nil, err
	}
	return qs[0], nil
}

// Chain returns up to n questions on one scenario, one per checkpoint in
// order: what a live round plays ("predict the victim at each of the next
// five faults"). It returns at least one question or an error.
func Chain(name Family, seed uint64, difficulty, n int) ([]*Question, error) {
	f, ok := lookup(name)
	if !ok {
		return nil, fmt.Errorf("%w %q", ErrUnknownFamily, name)
	}
	if err := field.Range("difficulty", difficulty, MinDifficulty, MaxDifficulty); err != nil {
		return nil, err
	}
	sc, steps, err := f.generate(rng.New(seed, rng.StreamScenario), difficulty)
	if err != nil {
		return nil, fmt.Errorf("quiz: generate %s seed %d: %w", name, seed, err)
	}
	if len(steps) == 0 {
		return nil, fmt.Errorf("%w (%s seed %d)", ErrNoCheckpoint, name, seed)
	}
	var qs []*Question
	for _, step := range steps[:min(n, len(steps))] {
		q, err := f.ask(sc, step)
		if err != nil {
			return nil, fmt.Errorf("quiz: ask %s seed %d step %d: %w", name, seed, step, err)
		}
		q.Seed, q.Difficulty = seed, difficulty
		qs = append(qs, q)
	}
	return qs, nil
}
