package game

import (
	"encoding/json"
	"time"

	"github.com/osarena/osarena/netcode"
)

// liveHook is what window.osarena.live reports during a live match, for
// browser tests: the room, the players, the round and the leaderboard as
// this client shows them.
type liveHook struct {
	Status   string       `json:"status"` // connecting, online, reconnecting, lost
	Close    int          `json:"close"`  // the last close code
	Code     string       `json:"code"`
	Me       uint32       `json:"me"`
	Host     bool         `json:"host"`
	Phase    string       `json:"phase"`
	Locked   bool         `json:"locked"`
	Players  []hookPlayer `json:"players"`
	Round    int          `json:"round"`
	Rounds   int          `json:"rounds"`
	Family   string       `json:"family,omitempty"`
	Kind     string       `json:"kind,omitempty"`
	Scenario string       `json:"scenario,omitempty"` // the question's scenario document
	Step     int          `json:"step"`
	Picks    []hookPick   `json:"picks"`    // the picture's answer targets and the values they answer
	Answered [2]int       `json:"answered"` // count, of
	Left     int          `json:"left"`     // whole seconds left, -1 when untimed
	Mine     []int64      `json:"mine"`     // this player's answer this round
	Notice   int          `json:"notice"`   // the last refusal's ErrorCode
	Board    []hookRow    `json:"board"`    // the last reveal's leaderboard
	Podium   []hookRow    `json:"podium"`
}

type hookPlayer struct {
	ID        uint32 `json:"id"`
	Nickname  string `json:"nickname"`
	Host      bool   `json:"host"`
	Connected bool   `json:"connected"`
	Score     int32  `json:"score"`
}

type hookPick struct {
	Name  string `json:"name"`
	Value int64  `json:"value"`
}

type hookRow struct {
	ID       uint32 `json:"id"`
	Nickname string `json:"nickname"`
	Rank     int    `json:"rank"`
	Score    int32  `json:"score"`
	Points   int32  `json:"points"`
	Streak   uint16 `json:"streak"`
	Correct  bool   `json:"correct"`
}

var phaseHookNames = map[netcode.Phase]string{0: "", netcode.PhaseLobby: "lobby", netcode.PhaseRound: "round",
	netcode.PhaseReveal: "reveal", netcode.PhasePodium: "podium"} // looked up, never iterated

// liveJSON is the live hook as JSON.
func (s *liveScene) liveJSON() string {
	m := &s.m
	h := liveHook{Status: netStatusNames[s.net.status], Close: int(s.net.code), Code: m.code, Me: m.me,
		Host: m.isHost(), Phase: phaseHookNames[m.phase], Locked: m.room.Locked, Left: -1, Mine: m.mine, Notice: int(m.notice),
		Rounds: int(m.room.Settings.Rounds)} // the settings' count until a round says how many the match has
	for _, p := range m.room.Players {
		h.Players = append(h.Players, hookPlayer{p.ID, p.Nickname, p.Host, p.Connected, p.Score})
	}
	if m.start != nil {
		h.Round, h.Rounds, h.Family = int(m.start.Round), int(m.start.Rounds), string(m.spec.Family)
		h.Answered = [2]int{int(m.answered.Count), int(m.answered.Of)}
		h.Kind, h.Scenario, h.Step = string(m.spec.Kind), string(m.spec.Scenario), m.spec.Step
		if m.q != nil {
			for _, p := range m.q.picks {
				h.Picks = append(h.Picks, hookPick{p.name, p.value})
			}
		}
		if left, ok := m.remaining(s.server); ok {
			h.Left = int((left + 999*time.Millisecond) / time.Second)
		}
	}
	if rv := m.reveal; rv != nil {
		rank := 0
		for i, r := range rv.Results {
			if i == 0 || r.Score != rv.Results[i-1].Score {
				rank = i + 1
			}
			h.Board = append(h.Board, hookRow{ID: r.PlayerID, Nickname: m.nickname(r.PlayerID), Rank: rank,
				Score: r.Score, Points: r.Points, Streak: r.Streak, Correct: r.Answered && r.Credit == 1000})
		}
	}
	if pd := m.podium; pd != nil {
		for _, sum := range pd.Summaries {
			h.Podium = append(h.Podium, hookRow{ID: sum.PlayerID, Nickname: sum.Nickname, Rank: int(sum.Rank), Score: sum.Score})
		}
	}
	b, _ := json.Marshal(h)
	return string(b)
}
