package tournament

import (
	"cmp"
	"slices"
)

// Standing is one player's line in the standings. In the league formats
// Score is points (1 a win, ½ a draw, 1 a Swiss bye, 0 a round-robin bye);
// in elimination it is matches won (byes excluded). Tie-break columns are
// filled for the formats that use them.
type Standing struct {
	Player          int     `json:"player"`
	Place           int     `json:"place"`
	Played          int     `json:"played"`
	Wins            int     `json:"wins"`
	Draws           int     `json:"draws"`
	Losses          int     `json:"losses"`
	Byes            int     `json:"byes"`
	Score           float64 `json:"score"`
	Buchholz        float64 `json:"buchholz,omitempty"`
	SonnebornBerger float64 `json:"sonneborn_berger,omitempty"`
	HeadToHead      float64 `json:"head_to_head,omitempty"`
	Eliminated      bool    `json:"eliminated,omitempty"`
}

// Standings returns every player's line, best first, for the tournament as
// it stands now.
//
// Swiss: score, then Buchholz (the sum of the opponents' scores; a bye adds
// nothing), then Sonneborn–Berger (the scores of the opponents beaten plus
// half those of the opponents drawn), then seed.
//
// Round robin: score, then Sonneborn–Berger, then head-to-head (points
// scored in the games among exactly the players still tied), then seed.
// Buchholz is not used: everyone meets everyone, so it only restates the
// score.
//
// League places are 1..n in that order (the seed decides the last tie, as
// declared). Elimination: players still in share place 1; an eliminated
// player's place is one more than the number of players who went further, so
// players knocked out in the same round share it (5th for every quarterfinal
// loser of eight); the third-place match splits 3rd and 4th; in double
// elimination the losers'-bracket round of the second loss decides.
func (t *Tournament) Standings() []Standing {
	recs := t.records()
	st := make([]Standing, len(t.Players))
	for p, r := range recs {
		st[p] = Standing{Player: p, Played: len(r.opp), Wins: r.wins, Draws: r.draws,
			Losses: r.losses, Byes: r.byes, Score: float64(r.points) / 2}
	}
	switch t.Options.Format {
	case Swiss, RoundRobin:
		t.leagueStandings(st, recs)
	default:
		for p := range st {
			st[p].Score = float64(st[p].Wins)
		}
		t.eliminationStandings(st)
	}
	return st
}

func (t *Tournament) leagueStandings(st []Standing, recs []record) {
	for p, r := range recs {
		bh, sb := 0, 0
		for i, q := range r.opp {
			bh += recs[q].points
			sb += r.got[i] * recs[q].points // got is 2, 1 or 0: twice the weight
		}
		st[p].Buchholz = float64(bh) / 2
		st[p].SonnebornBerger = float64(sb) / 4
	}
	key := func(s Standing) [2]float64 {
		if t.Options.Format == Swiss {
			return [2]float64{s.Score, s.Buchholz}
		}
		return [2]float64{s.Score, s.SonnebornBerger}
	}
	if t.Options.Format == RoundRobin {
		// Head-to-head among each group tied on score and Sonneborn–Berger.
		for p := range st {
			for i, q := range recs[p].opp {
				if key(st[p]) == key(st[q]) {
					st[p].HeadToHead += float64(recs[p].got[i]) / 2
				}
			}
		}
	}
	third := func(s Standing) float64 {
		if t.Options.Format == Swiss {
			return s.SonnebornBerger
		}
		return s.HeadToHead
	}
	slices.SortStableFunc(st, func(a, b Standing) int {
		ka, kb := key(a), key(b)
		for i := range ka {
			if c := cmp.Compare(kb[i], ka[i]); c != 0 {
				return c
			}
		}
		if c := cmp.Compare(third(b), third(a)); c != 0 {
			return c
		}
		return cmp.Compare(a.Player, b.Player)
	})
	for i := range st {
		st[i].Place = i + 1
	}
}

// eliminationStandings ranks by how far each player got: stage numbers grow
// towards the final, and a player still in has the highest.
func (t *Tournament) eliminationStandings(st []Standing) {
	const alive = 1 << 20
	stage := make([]int, len(st))
	losses := make([]int, len(st))
	for p := range stage {
		stage[p] = alive
	}
	for _, m := range t.Matches {
		l := m.Loser()
		if l == None {
			continue
		}
		losses[l]++
		switch {
		case m.Bracket == ThirdPlace:
			stage[m.Result.Winner]++ // 3rd above 4th; both keep the semifinal stage
		case t.Options.Format == SingleElimination:
			stage[l] = 2 * m.Round
		case losses[l] == 2 && m.Bracket == GrandFinal:
			stage[l] = 1 << 10 // runner-up
		case losses[l] == 2:
			stage[l] = m.Round // losers' round of the second loss
		}
	}
	for p := range st {
		st[p].Eliminated = stage[p] < alive
	}
	slices.SortStableFunc(st, func(a, b Standing) int {
		if c := cmp.Compare(stage[b.Player], stage[a.Player]); c != 0 {
			return c
		}
		return cmp.Compare(a.Player, b.Player)
	})
	for i := range st {
		st[i].Place = i + 1
		if i > 0 && stage[st[i].Player] == stage[st[i-1].Player] {
			st[i].Place = st[i-1].Place
		}
	}
}
