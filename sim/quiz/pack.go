package quiz

import (
	"bytes"
	"embed"
	"encoding/json"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strings"

	"github.com/osarena/osarena/sim/field"
	"github.com/osarena/osarena/sim/scenario"
)

// Pack is a question pack: fixed scenarios, such as a teacher's textbook
// examples, that the engine validates and then plays like generated
// questions. A pack is JSON:
//
//	{"name": "silberschatz-replacement",
//	 "title": {"en": "...", "ko": "..."},
//	 "questions": [{"family": "replace.victim", "scenario": {...}, "step": 3, "answer": [7]}]}
//
// "answer" is optional; when given it must agree with the simulator, which
// catches a typo in a teacher's key before any student sees it.
type Pack struct {
	Name      string          `json:"name"`
	Title     map[Lang]string `json:"title"`
	Questions []PackQuestion  `json:"questions"`
}

// PackQuestion is one question of a pack.
type PackQuestion struct {
	Family   Family          `json:"family"`
	Scenario json.RawMessage `json:"scenario"`
	Step     int             `json:"step"`
	Answer   []int64         `json:"answer,omitempty"`
}

// MaxPackQuestions bounds a pack.
const MaxPackQuestions = 500

// LoadPack decodes and validates a pack and builds its questions. An error
// names the question and field: "questions[2].answer: ...".
func LoadPack(data []byte) (*Pack, []*Question, error) {
	var p Pack
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&p); err != nil {
		return nil, nil, fmt.Errorf("pack: %w", err)
	}
	if p.Name == "" {
		return nil, nil, field.Errorf("name", "is required")
	}
	for _, l := range Langs {
		if strings.TrimSpace(p.Title[l]) == "" {
			return nil, nil, field.Errorf(field.Sub("title", string(l)), "is missing: a pack needs a title in every language")
		}
	}
	if err := field.Len("questions", len(p.Questions), 1, MaxPackQuestions); err != nil {
		return nil, nil, err
	}
	qs := make([]*Question, len(p.Questions))
	for i, pq := range p.Questions {
		q, err := pq.build()
		if err != nil {
			return nil, nil, fmt.Errorf("%s%w", field.Index("questions", i)+".", err)
		}
		qs[i] = q
	}
	return &p, qs, nil
}

func (pq PackQuestion) build() (*Question, error) {
	f, ok := lookup(pq.Family)
	if !ok {
		return nil, field.Errorf("family", "%q is not a question family", pq.Family)
	}
	kind, rest, err := scenario.Split(pq.Scenario)
	if err != nil {
		return nil, fmt.Errorf("scenario.%w", err)
	}
	if kind != f.kind {
		return nil, field.Errorf("scenario.kind", "must be %q for %s", f.kind, pq.Family)
	}
	sc, err := f.decode(rest)
	if err != nil {
		return nil, fmt.Errorf("scenario.%w", err)
	}
	q, err := f.ask(sc, pq.Step)
	if fe, ok := field.As(err); ok {
		return nil, field.Errorf("scenario."+fe.Field, "%s", fe.Msg)
	}
	if err != nil {
		return nil, field.Errorf("step", "%d: %v", pq.Step, err)
	}
	if pq.Answer != nil && !slices.Equal(pq.Answer, q.Answer.Values) {
		return nil, field.Errorf("answer", "%v disagrees with the simulator, which answers %v", pq.Answer, q.Answer.Values)
	}
	return q, nil
}

//go:embed packs/*.json
var builtin embed.FS

// BuiltinPacks returns the names of the packs that ship with OS Arena.
func BuiltinPacks() []string {
	names, _ := fs.Glob(builtin, "packs/*.json")
	for i, n := range names {
		names[i] = strings.TrimSuffix(path.Base(n), ".json")
	}
	return names
}

// BuiltinPack loads a pack that ships with OS Arena.
func BuiltinPack(name string) (*Pack, []*Question, error) {
	data, err := builtin.ReadFile("packs/" + name + ".json")
	if err != nil {
		return nil, nil, fmt.Errorf("quiz: no built-in pack %q", name)
	}
	return LoadPack(data)
}
