package storetest

import (
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/osarena/osarena/server/store"
)

// Many goroutines write and read at once, the way many rooms do: every call
// must succeed (no "database is busy") and every write must land.
func testConcurrentWriters(t *testing.T, s store.Store) {
	const rooms, rounds = 8, 12
	c := ctx(t)
	errs := make(chan error, rooms*(rounds+8))
	var wg sync.WaitGroup
	for r := range rooms {
		wg.Go(func() {
			fail := func(what string, err error) bool {
				if err != nil {
					errs <- fmt.Errorf("room %d: %s: %w", r, what, err)
				}
				return err != nil
			}
			code := fmt.Sprintf("CONC%02d", r)
			var ps []store.Player
			for i := range 3 {
				p, err := s.SeePlayer(c, fmt.Sprintf("conc-%d-%d", r, i), "p")
				if fail("SeePlayer", err) {
					return
				}
				ps = append(ps, p)
			}
			if fail("SaveRoom", s.SaveRoom(c, room(code, ps[0].ID))) {
				return
			}
			for round := 1; round <= rounds; round++ {
				if fail("SaveSnapshot", s.SaveSnapshot(c, snapshot(code, "cm"+code, round, ps))) {
					return
				}
				if _, err := s.Snapshots(c); fail("Snapshots", err) {
					return
				}
				if _, err := s.Stats(c, store.StatsQuery{Player: ps[0].ID, By: store.ByDay}); fail("Stats", err) {
					return
				}
			}
			fail("FinishMatch", s.FinishMatch(c, finished("cm"+code, code, ps, rounds, t0.Add(time.Duration(r)*time.Minute))))
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	if t.Failed() {
		return
	}
	for r := range rooms {
		m, err := s.Match(c, fmt.Sprintf("cmCONC%02d", r))
		must(t, "Match", err)
		same(t, "answers of a concurrently finished match", len(m.Answers), 3*rounds)
	}
	left, err := s.Snapshots(c)
	must(t, "Snapshots", err)
	same(t, "snapshots left after every match finished", len(left), 0)
}
