package game

import "encoding/json"

// statsHook is what window.osarena.stats reports on My progress, for
// browser tests: the range, where the match results stand, the best and
// next cards, and per card each bucket as the charts show it.
type statsHook struct {
	Range  string          `json:"range"`  // "days" or "weeks"
	Server string          `json:"server"` // waiting, got, none, offline
	Best   string          `json:"best"`   // a card, or ""
	Next   string          `json:"next"`
	Cards  []statsHookCard `json:"cards"`
}

// statsHookCard is one card: its buckets per source, oldest first.
type statsHookCard struct {
	Card  string         `json:"card"`
	Shown bool           `json:"shown"` // its panel is on screen
	Solo  []statsHookBar `json:"solo"`
	Match []statsHookBar `json:"match"`
}

// statsHookBar is one bucket of one source; zero fields are left out, so
// an empty bucket is {}.
type statsHookBar struct {
	Asked int `json:"asked,omitempty"`
	Pct   int `json:"pct,omitempty"`  // accuracy in whole percent
	Ms    int `json:"ms,omitempty"`   // mean answer time, 0 with none answered
	BarH  int `json:"barH,omitempty"` // the accuracy bar's height on screen in CSS pixels (0: not drawn)
}

// statsJSON is the hook as JSON.
func (s *statsScene) statsJSON() string {
	h := statsHook{Range: s.rg.name, Server: fetchNames[s.fetch]}
	if s.best >= 0 {
		h.Best = string(s.ss[s.best].card)
	}
	if s.next >= 0 {
		h.Next = string(s.ss[s.next].card)
	}
	for i := range s.ss {
		card := statsHookCard{Card: string(s.ss[i].card)}
		var shown *statsPanel
		for k := range s.panels {
			if s.panels[k].i == i {
				shown, card.Shown = &s.panels[k], true
			}
		}
		for src := range nSources {
			var bars []statsHookBar
			for b, a := range s.ss[i].buckets[src] {
				bar := statsHookBar{Asked: a.Asked, Pct: pct(a), Ms: int(a.meanMs() + 0.5)}
				if shown != nil {
					bar.BarH = int(shown.acc.bars[src][b].H + 0.5)
				}
				bars = append(bars, bar)
			}
			if src == srcSolo {
				card.Solo = bars
			} else {
				card.Match = bars
			}
		}
		h.Cards = append(h.Cards, card)
	}
	b, _ := json.Marshal(h)
	return string(b)
}
