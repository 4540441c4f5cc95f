package tournament

// Round lists the matches of one round of one bracket, in slot order.
type Round struct {
	Bracket Bracket `json:"bracket"`
	Number  int     `json:"number"`
	Matches []int   `json:"matches"`
}

// State is what the client draws: the tournament plus its rounds, current
// standings and champion (None until decided). It is a snapshot: changing it
// does not change the tournament.
type State struct {
	Tournament
	Rounds    []Round    `json:"rounds"`
	Standings []Standing `json:"standings"`
	Champion  int        `json:"champion"`
}

// State returns a snapshot for drawing and broadcasting.
func (t *Tournament) State() State {
	c := t.Clone()
	s := State{Tournament: *c, Standings: t.Standings(), Champion: None}
	if p, ok := t.Champion(); ok {
		s.Champion = p
	}
	for _, m := range t.Matches {
		i := len(s.Rounds) - 1
		if i < 0 || s.Rounds[i].Bracket != m.Bracket || s.Rounds[i].Number != m.Round {
			s.Rounds = append(s.Rounds, Round{Bracket: m.Bracket, Number: m.Round})
			i++
		}
		s.Rounds[i].Matches = append(s.Rounds[i].Matches, m.ID)
	}
	return s
}

// Clone returns a deep copy.
func (t *Tournament) Clone() *Tournament {
	c := *t
	c.Players = append([]Entrant(nil), t.Players...)
	c.Matches = append([]Match(nil), t.Matches...)
	for i := range c.Matches {
		if r := c.Matches[i].Result; r != nil {
			rr := *r
			c.Matches[i].Result = &rr
		}
	}
	return &c
}
