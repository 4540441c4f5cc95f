package storetest

import (
	"fmt"
	"testing"
	"time"

	"github.com/osarena/osarena/server/store"
)

// Bench measures the store's hot paths on a fresh store from open: the
// snapshot a room writes after every round (8 players, round 10 of 20),
// a finished match (8 players × 20 rounds), and the statistics a client
// chart asks for over 200 finished matches.
func Bench(b *testing.B, open func(b *testing.B) store.Store) {
	b.Run("snapshot-per-round", func(b *testing.B) {
		s := open(b)
		ps := players(b, s, 8)
		must(b, "SaveRoom", s.SaveRoom(ctx(b), room("BENCHR", ps[0].ID)))
		snap := snapshot("BENCHR", "bench", 10, ps)
		b.ReportAllocs()
		b.ResetTimer()
		for i := 0; b.Loop(); i++ {
			snap.Seq = int64(i + 1)
			must(b, "SaveSnapshot", s.SaveSnapshot(ctx(b), snap))
		}
		reportMicros(b)
	})
	b.Run("snapshot-parallel-rooms", func(b *testing.B) {
		s := open(b)
		ps := players(b, s, 8)
		const rooms = 64
		for r := range rooms {
			must(b, "SaveRoom", s.SaveRoom(ctx(b), room(fmt.Sprintf("PAR%03d", r), ps[0].ID)))
		}
		next := make(chan int, rooms)
		for r := range rooms {
			next <- r
		}
		b.ResetTimer()
		b.RunParallel(func(pb *testing.PB) {
			r := <-next
			snap := snapshot(fmt.Sprintf("PAR%03d", r), "bench", 10, ps)
			for pb.Next() {
				snap.Seq++
				must(b, "SaveSnapshot", s.SaveSnapshot(ctx(b), snap))
			}
		})
		reportMicros(b)
	})
	b.Run("finish-match", func(b *testing.B) {
		s := open(b)
		ps := players(b, s, 8)
		m := finished("", "BENCHF", ps, 20, t0)
		b.ReportAllocs()
		b.ResetTimer()
		for i := 0; b.Loop(); i++ {
			m.ID = fmt.Sprintf("bench-%d", i)
			must(b, "FinishMatch", s.FinishMatch(ctx(b), m))
		}
		reportMicros(b)
	})
	for _, by := range []store.Bucket{store.ByTopic, store.ByDay, store.ByMatch} {
		q := store.StatsQuery{By: by, UTCOffset: 9 * time.Hour}
		b.Run("stats-"+describe(q), func(b *testing.B) {
			s := open(b)
			ps := players(b, s, 8)
			for i := range 200 {
				must(b, "FinishMatch", s.FinishMatch(ctx(b), finished(fmt.Sprintf("m%d", i), "BENCHS", ps, 20, t0.Add(time.Duration(i)*3*time.Hour))))
			}
			q.Player = ps[0].ID
			b.ReportAllocs()
			b.ResetTimer()
			for b.Loop() {
				st, err := s.Stats(ctx(b), q)
				must(b, "Stats", err)
				if len(st) == 0 {
					b.Fatal("Stats found nothing")
				}
			}
			reportMicros(b)
		})
	}
}

func reportMicros(b *testing.B) {
	b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N), "µs/op")
}
