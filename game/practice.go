package game

import (
	"encoding/json"
	"fmt"

	"github.com/osarena/osarena/sim/quiz"
	"github.com/osarena/osarena/sim/replace"
)

// practiceOpts are the choices of a solo practice round.
type practiceOpts struct {
	family     quiz.Family
	policy     replace.Policy // "" = any
	difficulty int
}

func (o practiceOpts) orDefault() practiceOpts {
	if o.family == "" {
		o.family = quiz.ReplaceVictim
	}
	if t, _ := quiz.TopicOf(o.family); t != quiz.TopicReplace {
		o.policy = ""
	}
	if o.difficulty == 0 {
		o.difficulty = 1
	}
	return o
}

// roundLength is the number of questions in a solo round.
const roundLength = 5

// policies lists the policies a player can pick, with the lowest
// difficulty whose scenarios use each (see sim/quiz's replaceLevels).
var policies = []struct {
	p     replace.Policy
	level int
}{
	{replace.FIFO, 1}, {replace.LRU, 1}, {replace.OPT, 1}, {replace.Clock, 2},
	{replace.LFU, 3}, {replace.MRU, 3}, {replace.MFU, 4}, {replace.EClock, 4},
}

// minLevel returns the lowest difficulty that draws policy p.
func minLevel(p replace.Policy) int {
	for _, q := range policies {
		if q.p == p {
			return q.level
		}
	}
	return 1
}

// newQuestions generates a round: a chain of questions on one scenario,
// from the first seed at or after seed whose scenario uses o.policy. The
// seed found is returned, so the server (or a test) can regenerate the
// same questions with quiz.Chain.
func newQuestions(o practiceOpts, seed uint64) ([]*quiz.Question, uint64, error) {
	o = o.orDefault()
	for s := seed; s < seed+2000; s++ {
		qs, err := quiz.Chain(o.family, s, o.difficulty, roundLength)
		if err != nil {
			return nil, 0, err
		}
		if o.policy == "" || o.family == quiz.ReplaceBelady || scenarioPolicy(qs[0]) == o.policy {
			return qs, s, nil
		}
	}
	return nil, 0, fmt.Errorf("game: no %s scenario at difficulty %d", o.policy, o.difficulty)
}

// forCard returns o with a family of the card's (its first when o's is
// not one of them).
func (o practiceOpts) forCard(card quiz.Topic) practiceOpts {
	fams := cardFamilies(card)
	if indexOf(fams, o.family) < 0 && len(fams) > 0 {
		o.family, o.policy = fams[0], ""
	}
	return o
}

// scenarioPolicy reads the policy of a page-replacement question.
func scenarioPolicy(q *quiz.Question) replace.Policy {
	var sc struct {
		Policy replace.Policy `json:"policy"`
	}
	_ = json.Unmarshal(q.Scenario, &sc)
	return sc.Policy
}
