package room

import (
	"errors"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/osarena/osarena/netcode"
	"github.com/osarena/osarena/server/store"
	"github.com/osarena/osarena/server/study"
)

// Study rooms (netcode/messages_study.go): a room whose Board (server/study)
// everyone watches instead of a quiz match. Joins, resumes, drops, leaves,
// grace periods, Kick and Lock work as in a quiz room; the room's state goes
// out as StudyState instead of RoomState, and every state it sends is also
// saved as the room's snapshot (the saver keeps only the newest), so a
// restart brings the room back with its history.

// ErrBadStudy refuses CreateStudy's setup.
var ErrBadStudy = errors.New("room: bad study setup")

// CreateStudy makes a study room with a fresh code, hosted by hostSession,
// and starts its goroutine.
func (rs *Rooms) CreateStudy(hostSession string, setup netcode.StudySetup) (*Room, error) {
	b, err := study.New(setup)
	if err != nil {
		return nil, ErrBadStudy
	}
	rs.mu.Lock()
	defer rs.mu.Unlock()
	if len(rs.rooms) >= rs.max {
		return nil, ErrTooManyRooms
	}
	code := NewCode()
	for rs.rooms[code] != nil {
		code = NewCode()
	}
	r := newRoom(code, NewToken(), DefaultSettings(), rs.out, rs.cfg.withDefaults())
	r.hostSession, r.study = hostSession, b
	r.saveRoom()
	r.saveStudy()
	rs.start(r)
	return r, nil
}

// IsStudy reports whether r is a study room. Safe from any goroutine (it
// never changes after the room is made).
func (r *Room) IsStudy() bool { return r.study != nil }

// IsStudyType reports whether t is a study room's request.
func IsStudyType(t netcode.Type) bool {
	switch t {
	case netcode.TypePropose, netcode.TypePredict, netcode.TypeStep, netcode.TypeBack, netcode.TypeForward:
		return true
	}
	return false
}

// studyGap is the least time between two StudyStates of a room. A
// member's change is broadcast at once when the last broadcast is older;
// changes that come faster are folded into one broadcast at the end of the
// gap. Every state is the whole board (tens of KB with a long history), so
// without this one member at the rate limit would make the room send
// members × 20 states a second.
const studyGap = 100 * time.Millisecond

// studyCommand handles a member's study request.
func (r *Room) studyCommand(now time.Time, p *player, in Command) {
	b := r.study
	var err error
	switch msg := in.Msg.(type) {
	case netcode.Propose:
		err = b.Propose(int(msg.Input))
	case netcode.Predict:
		err = b.Predict(p.id, int(msg.Value))
	case netcode.Step:
		_, err = b.Step()
	case netcode.Back:
		err = b.Back()
	case netcode.Forward:
		err = b.Forward()
	default:
		err = &study.Error{Code: netcode.ErrWrongPhase, Msg: "not a study request"}
	}
	if err != nil {
		r.sendError(p.channel, study.CodeOf(err), in.Type)
		return
	}
	if now.Sub(r.studySent) >= studyGap {
		r.broadcastState()
		r.studySent = now
	} else {
		r.studyDirty = true // flushStudy sends it when the gap is over
	}
}

// flushStudy broadcasts a change held back by studyGap once the gap is
// over.
func (r *Room) flushStudy(now time.Time) {
	if r.studyDirty && now.Sub(r.studySent) >= studyGap {
		r.broadcastState()
		r.studySent = now
	}
}

// studyState is the room's StudyState.
func (r *Room) studyState() netcode.StudyState {
	s := r.study.State()
	s.Code = r.code
	nicks := make([]string, len(r.order))
	for i, id := range r.order {
		nicks[i] = r.players[id].nickname
	}
	inits := Initials(nicks)
	for i, id := range r.order {
		p := r.players[id]
		s.Members = append(s.Members, netcode.StudyMember{ID: p.id, Nickname: p.nickname, Initial: inits[i],
			Host: p.id == r.host, Connected: p.connected})
	}
	return s
}

// Initials returns a distinct short mark for each nickname, in order: its
// first letter in capitals; where an earlier one has it, the first two
// letters; where that is taken too, the first letter and the position
// (1-based) in the list, or the next number after it that is still free
// (an earlier nickname's first two letters may be that mark: "A3").
func Initials(nicks []string) []string {
	out := make([]string, len(nicks))
	taken := map[string]bool{} // looked up, never iterated
	for i, n := range nicks {
		rs := []rune(strings.TrimSpace(n))
		if len(rs) == 0 {
			rs = []rune{'?'}
		}
		first := string(unicode.ToUpper(rs[0]))
		cands := []string{first}
		if len(rs) > 1 {
			cands = append(cands, first+string(unicode.ToLower(rs[1])))
		}
		for _, c := range cands {
			if !taken[c] {
				out[i] = c
				break
			}
		}
		// At most i marks are taken, so this ends within i+1 tries.
		for n := i + 1; out[i] == ""; n++ {
			if c := first + itoa(n); !taken[c] {
				out[i] = c
			}
		}
		taken[out[i]] = true
	}
	return out
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b [20]byte
	i := len(b)
	for ; n > 0; n /= 10 {
		i--
		b[i] = byte('0' + n%10)
	}
	return string(b[i:])
}

// saveStudy queues the room's snapshot: its seats and its board.
func (r *Room) saveStudy() {
	if r.saver == nil || r.study == nil {
		return
	}
	r.seq++
	rec := r.study.Record()
	s := store.Snapshot{Room: r.code, MatchID: "study-" + r.code, Seq: r.seq, Settings: StoreSettings(r.settings),
		Started: r.created, Saved: r.cfg.Clock(), Study: &rec}
	for _, id := range r.order {
		p := r.players[id]
		s.Seats = append(s.Seats, store.Seat{Seat: p.id, Player: p.playerID, Session: p.session,
			Nickname: p.nickname, Host: p.id == r.host})
	}
	r.saver.saveSnapshot(s)
}

// restoreStudy rebuilds a study room from its record and snapshot (see
// Restore); a study room without its snapshot cannot come back.
func restoreStudy(rec store.Room, snap *store.Snapshot, out Outbox, cfg Config) (*Room, error) {
	if snap == nil || snap.Study == nil {
		return nil, errors.New("room: restore " + rec.Code + ": a study room without its snapshot")
	}
	b, err := study.Restore(*snap.Study)
	if err != nil {
		return nil, err
	}
	r := newRoom(rec.Code, rec.HostToken, DefaultSettings(), out, cfg)
	r.locked, r.study, r.seq = rec.Locked, b, snap.Seq
	now := cfg.Clock()
	if !snap.Started.IsZero() {
		r.created = snap.Started
	}
	for _, st := range snap.Seats {
		if st.Seat == 0 || st.Session == "" || r.players[st.Seat] != nil || !utf8.ValidString(st.Nickname) {
			continue
		}
		p := &player{id: st.Seat, session: st.Session, nickname: st.Nickname, droppedAt: now, playerID: st.Player,
			topicCredit: map[string]int{}}
		r.players[p.id] = p
		r.order = append(r.order, p.id)
		r.bySession[p.session] = p.id
		r.nextID = max(r.nextID, p.id)
		if st.Host {
			r.host, r.hostSession = p.id, p.session
		}
	}
	if r.host == 0 && len(r.order) > 0 {
		r.host = r.order[0]
		r.hostSession = r.players[r.host].session
	}
	return r, nil
}
