package storetest

import (
	"sync"
	"testing"
	"time"

	"github.com/osarena/osarena/server/store"
)

func testPlayers(t *testing.T, s store.Store) {
	c := ctx(t)
	before := time.Now().Add(-time.Second)
	p, err := s.SeePlayer(c, "device-a", "Ada")
	must(t, "SeePlayer(device-a, Ada)", err)
	if p.ID <= 0 || p.Token != "device-a" || p.Nickname != "Ada" || p.Created.Before(before) || p.Seen.Before(p.Created) {
		t.Fatalf("SeePlayer(device-a, Ada) = %+v; want a new player with ID > 0 created now", p)
	}
	again, err := s.SeePlayer(c, "device-a", "Ada L.")
	must(t, "SeePlayer(device-a, Ada L.)", err)
	same(t, "SeePlayer(device-a, Ada L.) ID", again.ID, p.ID)
	same(t, "SeePlayer(device-a, Ada L.) Nickname", again.Nickname, "Ada L.")
	same(t, "Created kept", again.Created, p.Created)
	keep, err := s.SeePlayer(c, "device-a", "")
	must(t, "SeePlayer(device-a, \"\")", err)
	same(t, "SeePlayer with no nickname keeps it", keep.Nickname, "Ada L.")

	other, err := s.SeePlayer(c, "device-b", "Bo")
	must(t, "SeePlayer(device-b)", err)
	if other.ID == p.ID {
		t.Fatalf("two devices share ID %d", p.ID)
	}
	got, err := s.Player(c, p.ID)
	must(t, "Player", err)
	same(t, "Player(id)", got, keep)
	got, err = s.PlayerByToken(c, "device-a")
	must(t, "PlayerByToken", err)
	same(t, "PlayerByToken(device-a)", got, keep)

	_, err = s.Player(c, 987654)
	isErr(t, "Player(unknown)", err, store.ErrNotFound)
	_, err = s.PlayerByToken(c, "nobody")
	isErr(t, "PlayerByToken(unknown)", err, store.ErrNotFound)
	_, err = s.SeePlayer(c, "", "x")
	isErr(t, "SeePlayer(empty token)", err, store.ErrInvalid)
}

// Concurrent first sights of one token make one player.
func testPlayerTokenUnique(t *testing.T, s store.Store) {
	const n = 16
	ids := make([]int64, n)
	errs := make([]error, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() {
			p, err := s.SeePlayer(ctx(t), "shared-device", "twin")
			ids[i], errs[i] = p.ID, err
		})
	}
	wg.Wait()
	for i := range n {
		must(t, "concurrent SeePlayer", errs[i])
		if ids[i] != ids[0] {
			t.Fatalf("concurrent SeePlayer(shared-device) gave IDs %v; want one ID", ids)
		}
	}
}

func testRooms(t *testing.T, s store.Store) {
	c := ctx(t)
	ps := players(t, s, 1)
	a, b := room("AAAAAA", ps[0].ID), room("BBBBBB", 0)
	b.Locked, b.Tournament, b.Mode = true, "cup", "duel"
	must(t, "SaveRoom(A)", s.SaveRoom(c, a))
	must(t, "SaveRoom(B)", s.SaveRoom(c, b))
	got, err := s.Room(c, "BBBBBB")
	must(t, "Room(B)", err)
	same(t, "Room(B)", got, b)

	a.Settings.Rounds, a.Locked = 7, true
	must(t, "SaveRoom(A) again", s.SaveRoom(c, a))
	got, err = s.Room(c, "AAAAAA")
	must(t, "Room(A)", err)
	same(t, "Room(A) after replace", got, a)

	open, err := s.OpenRooms(c)
	must(t, "OpenRooms", err)
	same(t, "OpenRooms", open, []store.Room{a, b})

	must(t, "SaveSnapshot(A)", s.SaveSnapshot(c, snapshot("AAAAAA", "m1", 1, ps)))
	must(t, "CloseRoom(A)", s.CloseRoom(c, "AAAAAA", t0.Add(time.Hour)))
	got, err = s.Room(c, "AAAAAA")
	must(t, "Room(A) closed", err)
	same(t, "Room(A).Closed", got.Closed, t0.Add(time.Hour))
	_, err = s.Snapshot(c, "AAAAAA")
	isErr(t, "Snapshot of a closed room", err, store.ErrNotFound)
	open, err = s.OpenRooms(c)
	must(t, "OpenRooms", err)
	same(t, "OpenRooms after closing A", open, []store.Room{b})

	isErr(t, "CloseRoom(unknown)", s.CloseRoom(c, "ZZZZZZ", t0), store.ErrNotFound)
	_, err = s.Room(c, "ZZZZZZ")
	isErr(t, "Room(unknown)", err, store.ErrNotFound)
	isErr(t, "SaveRoom(empty code)", s.SaveRoom(c, store.Room{}), store.ErrInvalid)
}

func testSnapshots(t *testing.T, s store.Store) {
	c := ctx(t)
	ps := players(t, s, 3)
	must(t, "SaveRoom", s.SaveRoom(c, room("ROOMAA", ps[0].ID)))
	must(t, "SaveRoom", s.SaveRoom(c, room("ROOMBB", ps[1].ID)))
	must(t, "SaveRoom", s.SaveRoom(c, room("ROOMCC", ps[2].ID)))

	for r := 1; r <= 3; r++ {
		must(t, "SaveSnapshot", s.SaveSnapshot(c, snapshot("ROOMAA", "m1", r, ps)))
	}
	want := snapshot("ROOMAA", "m1", 3, ps)
	got, err := s.Snapshot(c, "ROOMAA")
	must(t, "Snapshot", err)
	same(t, "Snapshot after round 3", got, want)

	isErr(t, "SaveSnapshot(seq 2 after 3)", s.SaveSnapshot(c, snapshot("ROOMAA", "m1", 2, ps)), store.ErrStale)
	isErr(t, "SaveSnapshot(seq 3 again)", s.SaveSnapshot(c, snapshot("ROOMAA", "m1", 3, ps[:1])), store.ErrStale)
	got, err = s.Snapshot(c, "ROOMAA")
	must(t, "Snapshot", err)
	same(t, "Snapshot kept after stale saves", got, want)

	// A new match in the room replaces the old one's snapshot, seq or not.
	next := snapshot("ROOMAA", "m2", 1, ps[:2])
	must(t, "SaveSnapshot(new match)", s.SaveSnapshot(c, next))
	got, err = s.Snapshot(c, "ROOMAA")
	must(t, "Snapshot", err)
	same(t, "Snapshot of the new match", got, next)

	// Times come back in UTC, to the millisecond.
	local := snapshot("ROOMBB", "m3", 1, ps[1:])
	local.Deadline = time.Date(2026, 3, 2, 19, 0, 30, 123456789, time.FixedZone("KST", 9*3600))
	must(t, "SaveSnapshot(KST)", s.SaveSnapshot(c, local))
	got, err = s.Snapshot(c, "ROOMBB")
	must(t, "Snapshot", err)
	same(t, "Deadline", got.Deadline, time.Date(2026, 3, 2, 10, 0, 30, 123000000, time.UTC))

	all, err := s.Snapshots(c)
	must(t, "Snapshots", err)
	if len(all) != 2 || all[0].Room != "ROOMAA" || all[1].Room != "ROOMBB" {
		t.Fatalf("Snapshots = %d snapshots; want ROOMAA and ROOMBB", len(all))
	}
	same(t, "Snapshots()[0]", all[0], next)
	must(t, "CloseRoom", s.CloseRoom(c, "ROOMBB", t0))
	all, err = s.Snapshots(c)
	must(t, "Snapshots", err)
	same(t, "Snapshots after closing ROOMBB", len(all), 1)

	_, err = s.Snapshot(c, "ROOMCC")
	isErr(t, "Snapshot(room without one)", err, store.ErrNotFound)
	isErr(t, "SaveSnapshot(no match ID)", s.SaveSnapshot(c, store.Snapshot{Room: "ROOMCC"}), store.ErrInvalid)
}

func testSnapshotNeedsRoom(t *testing.T, s store.Store) {
	ps := players(t, s, 1)
	err := s.SaveSnapshot(ctx(t), snapshot("NOROOM", "m1", 1, ps))
	isErr(t, "SaveSnapshot(unsaved room)", err, store.ErrNotFound)
}
