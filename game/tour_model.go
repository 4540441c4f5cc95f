package game

import (
	"cmp"
	"encoding/json"
	"strings"
	"time"

	"github.com/osarena/osarena/netcode"
)

// Browser storage of tournaments: tourKey (localStorage) remembers the
// last tournament this browser created or joined, with the host token and
// the nickname it registered, across visits; tourTabKey (sessionStorage)
// says this tab is showing a tournament, with its session's resume token,
// so a reload goes straight back to it.
const (
	tourKey    = "osarena.tour"
	tourTabKey = "osarena.tourtab"
)

// savedTour is what tourKey holds.
type savedTour struct {
	Code      string `json:"code"`
	Name      string `json:"name,omitempty"`
	HostToken string `json:"host,omitempty"`
	Nick      string `json:"nick,omitempty"`    // the registered nickname, "" when only watching
	Seeding   string `json:"seeding,omitempty"` // the host's seeding method
}

// loadTour reads the remembered tournament (zero if none).
func loadTour() savedTour {
	var t savedTour
	if b := storageGet(tourKey); b != "" && json.Unmarshal([]byte(b), &t) == nil && len(t.Code) == codeLen {
		return t
	}
	return savedTour{}
}

// save remembers t.
func (t savedTour) save() {
	if b, err := json.Marshal(t); err == nil {
		storageSet(tourKey, string(b))
	}
}

// tourTab reads this tab's tournament and resume token, if any.
func tourTab() (token, code string) {
	token, code, _ = strings.Cut(sessionGet(tourTabKey), " ")
	return token, code
}

// setTourTab remembers this tab's tournament ("" code forgets it).
func setTourTab(token, code string) {
	if code == "" {
		sessionSet(tourTabKey, "")
		return
	}
	sessionSet(tourTabKey, token+" "+code)
}

// tourModel is a tournament as this client knows it, built from the
// server's TournamentState messages; the tournament scene draws from it.
type tourModel struct {
	saved    savedTour // code, host token and registered nickname
	st       netcode.TournamentState
	have     bool              // a state has arrived
	asked    map[uint16]bool   // ReadyDuel sent for these matches (live: waiting for the opponent)
	notice   netcode.ErrorCode // the last refusal, shown for a while
	noticeAt time.Time
	version  int // counts states, so views re-lay out when one arrives
}

// apply takes a TournamentState.
func (m *tourModel) apply(st *netcode.TournamentState) {
	m.st, m.have = *st, true
	m.version++
	if m.asked == nil {
		m.asked = map[uint16]bool{}
	}
	for id := range m.asked { // forget matches no longer waiting
		if bm := m.match(id); bm == nil || bm.Status != "ready" {
			delete(m.asked, id)
		}
	}
}

// me is this player's index in Entrants, or -1 for a watcher.
func (m *tourModel) me() int {
	if m.saved.Nick == "" {
		return -1
	}
	for i, e := range m.st.Entrants {
		if strings.EqualFold(e.Nickname, m.saved.Nick) {
			return i
		}
	}
	return -1
}

// isHost reports whether this browser holds the host token.
func (m *tourModel) isHost() bool { return m.saved.HostToken != "" }

// match returns the match with id, or nil.
func (m *tourModel) match(id uint16) *netcode.BracketMatch {
	for i := range m.st.Matches {
		if m.st.Matches[i].ID == id {
			return &m.st.Matches[i]
		}
	}
	return nil
}

// name is a match side's name: the entrant's nickname, "bye" or "TBD".
func (m *tourModel) name(p int16) (string, bool) {
	if p >= 0 && int(p) < len(m.st.Entrants) {
		return m.st.Entrants[p].Nickname, true
	}
	return "", false
}

// seed is entrant p's seed (0 when unknown).
func (m *tourModel) seed(p int16) int {
	if p >= 0 && int(p) < len(m.st.Entrants) {
		return int(m.st.Entrants[p].Seed)
	}
	return 0
}

// side is entrant me's side (0 or 1) in match bm, or -1.
func side(bm *netcode.BracketMatch, me int) int {
	if me < 0 || len(bm.Players) != 2 {
		return -1
	}
	for i, p := range bm.Players {
		if int(p) == me {
			return i
		}
	}
	return -1
}

// myReady returns this player's first ready match, or nil.
func (m *tourModel) myReady() *netcode.BracketMatch {
	me := m.me()
	for i := range m.st.Matches {
		if bm := &m.st.Matches[i]; bm.Status == "ready" && side(bm, me) >= 0 {
			return bm
		}
	}
	return nil
}

// played reports whether side sd of an async match has already played
// (its score is in).
func played(bm *netcode.BracketMatch, sd int) bool {
	return len(bm.TimesMs) == 2 && bm.TimesMs[sd] > 0
}

// byHost reports whether a played match's result is not the one its
// scores give by the server's rule (server/tourney's decide: the higher
// score wins, then the lower total time; a full tie is a draw in a league
// and goes to the higher seed, the lower entrant index, in elimination).
// Only the host's correction makes them differ; the scores stay as played.
// Walkovers and matches without both scores are never reported.
func byHost(bm *netcode.BracketMatch) bool {
	if bm.Status != "done" || bm.Walkover || len(bm.Scores) != 2 || len(bm.TimesMs) != 2 || len(bm.Players) != 2 {
		return false
	}
	winner, draw := int16(-1), false
	switch cmp.Or(cmp.Compare(bm.Scores[1], bm.Scores[0]), cmp.Compare(bm.TimesMs[0], bm.TimesMs[1])) {
	case -1:
		winner = bm.Players[0]
	case 1:
		winner = bm.Players[1]
	default:
		if bm.Bracket == "league" {
			draw = true
		} else {
			winner = min(bm.Players[0], bm.Players[1])
		}
	}
	return bm.Draw != draw || !bm.Draw && bm.Winner != winner
}

// champion is the champion's nickname, or "".
func (m *tourModel) champion() string {
	n, _ := m.name(m.st.Champion)
	return n
}
