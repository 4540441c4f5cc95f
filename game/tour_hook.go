package game

import (
	"encoding/json"
	"strings"

	"github.com/osarena/osarena/netcode"
)

// tourHook is what window.osarena.tour reports in a tournament, for
// browser tests: the tournament as this client shows it, with names
// instead of indices.
type tourHook struct {
	Status   string          `json:"status"` // the connection: connecting, online, reconnecting, lost
	Code     string          `json:"code"`
	Name     string          `json:"name"`
	Format   string          `json:"format"`
	Phase    string          `json:"phase"` // registering, running, finished ("" before the first state)
	Me       string          `json:"me"`    // the registered nickname, "" when watching
	Host     bool            `json:"host"`
	Entrants []string        `json:"entrants"` // registration order, then seed order
	Order    []string        `json:"order"`    // the host's hand-seeding order in the lobby
	Matches  []tourHookMatch `json:"matches"`
	// Standings are the table's lines, best first, as the server sent them.
	Standings []tourHookStanding `json:"standings"`
	Champion  string             `json:"champion"`
	Selected  int                `json:"selected"` // the match whose panel is open, 0 if none
	Duel      bool               `json:"duel"`     // a duel is on screen
	Zoom      float64            `json:"zoom"`
	Pairings  int                `json:"pairings"` // a league: the round whose pairings are shown
	Notice    int                `json:"notice"`   // the last refusal's ErrorCode
	// DuelResult is the headline of the duel's end on screen ("" when none).
	DuelResult string `json:"duelResult"`
	StartMs    int64  `json:"startMs"`     // the scheduled start (server Unix ms), 0: the host starts
	Deadline   uint32 `json:"deadlineSec"` // the time to play each duel once ready, 0: none
	Lapsed     bool   `json:"lapsed"`      // the start time came with fewer than two entrants
	Schedule   string `json:"schedule"`    // the lobby's line about the start, as shown
}

type tourHookMatch struct {
	ID        int      `json:"id"`
	Bracket   string   `json:"bracket"`
	Round     int      `json:"round"`
	Status    string   `json:"status"`
	Players   []string `json:"players"` // nickname, "bye" or "" (not known yet)
	Winner    string   `json:"winner"`
	Scores    []int32  `json:"scores"`
	Walkover  bool     `json:"walkover"`
	Live      bool     `json:"live"`      // a live duel room is playing it
	Played    []bool   `json:"played"`    // async: which sides have played
	Corrected bool     `json:"corrected"` // the host's result, not the scores'
}

type tourHookStanding struct {
	Name     string  `json:"name"`
	Place    int     `json:"place"`
	Played   int     `json:"played"`
	Wins     int     `json:"wins"`
	Draws    int     `json:"draws"`
	Losses   int     `json:"losses"`
	Score    float64 `json:"score"`
	Buchholz float64 `json:"buchholz"`
	Out      bool    `json:"out"` // eliminated
}

var tourPhaseNames = map[uint8]string{netcode.TourRegistering: "registering", netcode.TourRunning: "running",
	netcode.TourFinished: "finished"} // looked up, never iterated

// hookJSON is the tournament hook as JSON, and the live hook of the duel
// on screen ("" when none).
func (s *tourScene) hookJSON() (tour, live string) {
	m := &s.m
	h := tourHook{Status: netStatusNames[s.net.status], Code: m.st.Code, Name: m.st.Name, Format: m.st.Format,
		Phase: tourPhaseNames[m.st.Phase], Host: m.isHost(), Champion: m.champion(), Selected: int(s.sel),
		Zoom: s.bracket.cam.zoom, Pairings: s.bracket.l.round, Notice: int(m.notice),
		StartMs: m.st.StartMs, Lapsed: m.st.StartLapsed, Deadline: m.st.DeadlineSec}
	if m.st.Phase == netcode.TourRegistering {
		h.Schedule = strings.Join(s.lobby.sched, " ")
	}
	if m.me() >= 0 {
		h.Me = m.saved.Nick
	}
	if s.inDuel() && s.duel.m.phase == netcode.PhasePodium {
		h.DuelResult = s.result.o.title
	}
	for _, e := range m.st.Entrants {
		h.Entrants = append(h.Entrants, e.Nickname)
	}
	for _, id := range s.lobby.order {
		for _, e := range m.st.Entrants {
			if e.ID == id && m.isHost() && m.saved.Seeding == netcode.SeedHand {
				h.Order = append(h.Order, e.Nickname)
			}
		}
	}
	for _, bm := range m.st.Matches {
		hm := tourHookMatch{ID: int(bm.ID), Bracket: bm.Bracket, Round: int(bm.Round), Status: bm.Status, Scores: bm.Scores,
			Walkover: bm.Walkover, Live: bm.Room != ""}
		for _, p := range bm.Players {
			n, _ := m.name(p)
			if p == -2 {
				n = "bye"
			}
			hm.Players = append(hm.Players, n)
		}
		if bm.Status == "done" && !bm.Draw {
			hm.Winner, _ = m.name(bm.Winner)
		}
		hm.Corrected = byHost(&bm)
		if m.st.Async {
			hm.Played = []bool{played(&bm, 0), played(&bm, 1)}
		}
		h.Matches = append(h.Matches, hm)
	}
	for _, sd := range m.st.Standings {
		n, _ := m.name(sd.Entrant)
		h.Standings = append(h.Standings, tourHookStanding{Name: n, Place: int(sd.Place), Played: int(sd.Played),
			Wins: int(sd.Wins), Draws: int(sd.Draws), Losses: int(sd.Losses), Score: sd.Score, Buchholz: sd.Buchholz,
			Out: sd.Eliminated})
	}
	if s.inDuel() {
		h.Duel = true
		live = s.duel.liveJSON()
	}
	b, _ := json.Marshal(h)
	return string(b), live
}
