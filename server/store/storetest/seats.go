package storetest

import (
	"testing"
	"time"

	"github.com/osarena/osarena/server/store"
)

// Phases of netcode.Phase, as the room package saves them.
const (
	phaseLobby  = 1
	phasePodium = 4
)

// testSeatsBetweenMatches: a room's seats are kept between matches. A
// lobby's snapshot (no match yet, an anonymous seat) comes back exactly and
// is replaced by the next one, then by the match's; after FinishMatch
// deleted the match's snapshot, the podium's (same match ID, final
// standings) is stored, listed by Snapshots and kept by a second
// FinishMatch of the same match, which fails.
func testSeatsBetweenMatches(t *testing.T, s store.Store) {
	c := ctx(t)
	ps := players(t, s, 3)
	must(t, "SaveRoom", s.SaveRoom(c, room("LOBBYA", ps[0].ID)))

	lobby := store.Snapshot{Room: "LOBBYA", MatchID: "lobby-LOBBYA", Seq: 1, Settings: settings(), Phase: phaseLobby,
		Seats: []store.Seat{
			{Seat: 1, Player: ps[0].ID, Session: "sess-host", Nickname: "p1", Host: true},
			{Seat: 2, Session: "sess-guest", Nickname: "손님"}, // unknown to the store
			{Seat: 4, Player: 987654, Session: "sess-gone", Nickname: "ghost"},
		}, Saved: t0}
	steps := []struct {
		name string
		snap func() store.Snapshot
		want error
	}{
		{"three seats", func() store.Snapshot { return lobby }, nil},
		{"a seat left", func() store.Snapshot { l := lobby; l.Seq, l.Seats = 2, lobby.Seats[:2]; return l }, nil},
		{"the host moved, stale", func() store.Snapshot {
			l := lobby
			l.Seats = []store.Seat{{Seat: 2, Session: "sess-guest", Nickname: "손님", Host: true}}
			return l
		}, store.ErrStale},
	}
	var want store.Snapshot
	for _, st := range steps {
		snap := st.snap()
		err := s.SaveSnapshot(c, snap)
		if st.want != nil {
			isErr(t, "SaveSnapshot(lobby, "+st.name+")", err, st.want)
		} else {
			must(t, "SaveSnapshot(lobby, "+st.name+")", err)
			want = snap
		}
		got, err := s.Snapshot(c, "LOBBYA")
		must(t, "Snapshot", err)
		same(t, "Snapshot(LOBBYA) after "+st.name, got, want)
	}

	// The match replaces the lobby's snapshot; finishing it deletes it.
	must(t, "SaveSnapshot(m1)", s.SaveSnapshot(c, snapshot("LOBBYA", "m1", 3, ps)))
	m := finished("m1", "LOBBYA", ps, 3, t0.Add(time.Hour))
	must(t, "FinishMatch(m1)", s.FinishMatch(c, m))
	_, err := s.Snapshot(c, "LOBBYA")
	isErr(t, "Snapshot after FinishMatch", err, store.ErrNotFound)

	podium := snapshot("LOBBYA", "m1", 4, ps)
	podium.Phase, podium.Answers, podium.Deadline = phasePodium, nil, time.Time{}
	podium.Podium = m.Players
	podium.Podium[2].Player = 0 // left the room
	must(t, "SaveSnapshot(podium)", s.SaveSnapshot(c, podium))
	got, err := s.Snapshot(c, "LOBBYA")
	must(t, "Snapshot", err)
	same(t, "Snapshot(LOBBYA) on the podium", got, podium)

	isErr(t, "FinishMatch(m1 again)", s.FinishMatch(c, m), store.ErrExists)
	all, err := s.Snapshots(c)
	must(t, "Snapshots", err)
	same(t, "Snapshots after a second FinishMatch", all, []store.Snapshot{podium})
}
