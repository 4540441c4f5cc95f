package game

import (
	"testing"

	"github.com/osarena/osarena/sim/quiz"
)

// TestDailyCountsOnTheCards: a daily challenge's answers add to the title
// cards' answered and correct counts, by chapter, and leave their rounds and
// best scores alone.
func TestDailyCountsOnTheCards(t *testing.T) {
	storageSet(dailyKey, "")
	defer storageSet(dailyKey, "")
	r, _ := playDaily(t, "2025-06-14", true)
	topics := map[quiz.Topic]TopicProgress{quiz.TopicReplace: {Rounds: 2, Answered: 10, Correct: 7, Best: 5000}}
	countDaily(r, topics)
	want := map[quiz.Topic]TopicProgress{quiz.TopicReplace: {Rounds: 2, Answered: 10, Correct: 7, Best: 5000}}
	for _, q := range r.qs {
		p := want[cardOf(q.Topic)]
		p.Answered++
		p.Correct++
		want[cardOf(q.Topic)] = p
	}
	total := 0
	for card, p := range topics {
		if p != want[card] {
			t.Errorf("card %s after the daily = %+v; want %+v", card, p, want[card])
		}
		if card != cardOf(card) {
			t.Errorf("the daily counted on %s, which is not a card", card)
		}
		total += p.Answered
	}
	if total != 10+len(r.qs) {
		t.Errorf("%d answers counted in all; want %d", total, 10+len(r.qs))
	}
}
