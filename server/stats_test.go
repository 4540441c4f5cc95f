package server

import (
	"context"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/osarena/osarena/netcode"
	"github.com/osarena/osarena/server/store"
	"github.com/osarena/osarena/server/store/sqlite"
	"github.com/osarena/osarena/sim/scenario"
)

func openSQLite(t *testing.T) *sqlite.Store {
	t.Helper()
	st, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "osarena.db"), sqlite.Options{Relaxed: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = st.Close() })
	return st
}

// helloDevice sends Hello with a device token.
func (c *client) helloDevice(device string) {
	c.t.Helper()
	c.send(netcode.TypeHello, netcode.Hello{Protocol: netcode.ProtocolVersion, Sim: scenario.Version, Lang: "en", Device: device})
	c.session = expect[netcode.Welcome](c, netcode.TypeWelcome).Session
}

// askStats sends GetStats and returns the Stats, or the Error's code.
func (c *client) askStats(m netcode.GetStats) (*netcode.Stats, netcode.ErrorCode) {
	c.t.Helper()
	c.send(netcode.TypeGetStats, m)
	for range 100 {
		switch v := c.recvMsg().(type) {
		case *netcode.Stats:
			return v, netcode.ErrNone
		case *netcode.Error:
			if v.About != netcode.TypeGetStats {
				c.t.Fatalf("GetStats: Error %+v about another request", v)
			}
			return nil, v.Code
		}
	}
	c.t.Fatal("GetStats: no answer in 100 messages")
	return nil, 0
}

func (c *client) recvMsg() any { _, m := c.recv(); return m }

// TestGetStatsAfterMatch plays a match over real WebSockets with a SQLite
// store, then asks for the players' statistics from new connections with
// the same device tokens.
func TestGetStatsAfterMatch(t *testing.T) {
	_, url := newTestServer(t, Config{Store: openSQLite(t)})
	host, guest := dial(t, url), dial(t, url)
	host.helloDevice("device-host")
	host.create("Host", matchSettings(3))
	guest.helloDevice("device-guest")
	guest.join(host.code, "민준")
	podium := playMatch(t, []*client{host, guest}, 3)[0]
	want := map[string]netcode.Summary{}
	for _, s := range podium.Summaries {
		want[s.Nickname] = s
	}

	_, off := time.Now().Zone()
	req := netcode.GetStats{Days: 7, UTCOffsetMin: int16(off / 60)}
	today := int32(floorDiv(time.Now().Unix()+int64(off), 86400))
	for _, tc := range []struct{ device, nick string }{{"device-host", "Host"}, {"device-guest", "민준"}} {
		c := dial(t, url)
		c.helloDevice(tc.device)
		var st *netcode.Stats
		// The match is written to the store just after the podium: wait for it.
		for end := time.Now().Add(5 * time.Second); ; time.Sleep(20 * time.Millisecond) {
			var code netcode.ErrorCode
			st, code = c.askStats(req)
			if code == netcode.ErrNone && len(st.Lines) > 0 || time.Now().After(end) {
				if code != netcode.ErrNone {
					t.Fatalf("%s: GetStats refused with %d", tc.device, code)
				}
				break
			}
		}
		w := want[tc.nick]
		if len(st.Lines) != 1 {
			t.Fatalf("%s: Stats lines %+v; want one line for replace today", tc.device, st.Lines)
		}
		got := st.Lines[0]
		if got.Topic != "replace" || got.Day != today || got.Asked != 3 || got.Answered != 3 || got.Correct != uint32(w.Correct) {
			t.Errorf("%s: line %+v; want replace, day %d, 3 asked, 3 answered, %d correct", tc.device, got, today, w.Correct)
		}
		if got.Credit < int64(got.Correct)*1000 || got.Credit > 3000 || got.ElapsedMs < 0 {
			t.Errorf("%s: credit %d, elapsed %d ms; want credit in [%d, 3000] and elapsed >= 0", tc.device, got.Credit, got.ElapsedMs, got.Correct*1000)
		}
		if st.Days != req.Days || st.UTCOffsetMin != req.UTCOffsetMin {
			t.Errorf("%s: Stats echoes %d days, %+d min; want %d, %+d", tc.device, st.Days, st.UTCOffsetMin, req.Days, req.UTCOffsetMin)
		}
	}
}

// TestGetStatsRefused checks each refusal and that the connection serves
// on after it.
func TestGetStatsRefused(t *testing.T) {
	_, withStore := newTestServer(t, Config{Store: openSQLite(t)})
	_, noStore := newTestServer(t, Config{})
	tests := []struct {
		name   string
		url    string
		device string
		req    netcode.GetStats
		want   netcode.ErrorCode
	}{
		{"no days", withStore, "d1", netcode.GetStats{Days: 0}, netcode.ErrBadSettings},
		{"too many days", withStore, "d1", netcode.GetStats{Days: netcode.MaxStatsDays + 1}, netcode.ErrBadSettings},
		{"offset east of UTC+14", withStore, "d1", netcode.GetStats{Days: 7, UTCOffsetMin: netcode.MaxUTCOffsetMin + 1}, netcode.ErrBadSettings},
		{"offset west of UTC-14", withStore, "d1", netcode.GetStats{Days: 7, UTCOffsetMin: -netcode.MaxUTCOffsetMin - 1}, netcode.ErrBadSettings},
		{"unknown device", withStore, "never-played", netcode.GetStats{Days: 7}, netcode.ErrNoStats},
		{"no device token", withStore, "", netcode.GetStats{Days: 7}, netcode.ErrNoStats},
		{"no store", noStore, "d1", netcode.GetStats{Days: 7}, netcode.ErrNoStats},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := dial(t, tt.url)
			c.helloDevice(tt.device)
			if st, got := c.askStats(tt.req); got != tt.want {
				t.Errorf("GetStats%+v = %+v, code %d; want code %d", tt.req, st, got, tt.want)
			}
			c.send(netcode.TypePing, netcode.Ping{ClientMs: 42})
			if p := expect[netcode.Pong](c, netcode.TypePong); p.ClientMs != 42 {
				t.Errorf("Pong after the refusal echoes %d; want 42", p.ClientMs)
			}
		})
	}
}

// TestReadStatsDays checks which local day a match counts on and which
// days a range covers, in three time zones.
func TestReadStatsDays(t *testing.T) {
	st := openSQLite(t)
	ctx := context.Background()
	p, err := st.SeePlayer(ctx, "dev", "ada")
	if err != nil {
		t.Fatal(err)
	}
	// Two matches: 2026-03-01 23:30 UTC (already 2 March in Seoul) and
	// 2026-02-23 12:00 UTC.
	ends := []time.Time{time.Date(2026, 3, 1, 23, 30, 0, 0, time.UTC), time.Date(2026, 2, 23, 12, 0, 0, 0, time.UTC)}
	for i, end := range ends {
		m := store.Match{ID: "m" + string(rune('a'+i)), Room: "ROOM" + string(rune('A'+i)), Started: end.Add(-time.Minute), Ended: end,
			Players: []store.MatchPlayer{{Player: p.ID, Seat: 1, Nickname: "ada", Rank: 1}},
			Answers: []store.Answer{{Player: p.ID, Round: 1, Family: "replace.victim", Topic: "replace", Answered: true, Credit: 1000, ElapsedMs: 4000}}}
		if err := st.SaveRoom(ctx, store.Room{Code: m.Room, Mode: "quiz", Created: m.Started}); err != nil {
			t.Fatal(err)
		}
		if err := st.FinishMatch(ctx, m); err != nil {
			t.Fatal(err)
		}
	}
	mar1 := int32(time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC).Unix() / 86400)
	tests := []struct {
		name   string
		now    time.Time
		days   uint16
		offMin int16
		want   []int32 // the days of the lines
	}{
		{"UTC, a week", time.Date(2026, 3, 2, 1, 0, 0, 0, time.UTC), 7, 0, []int32{mar1}},
		{"UTC, 8 days", time.Date(2026, 3, 2, 1, 0, 0, 0, time.UTC), 8, 0, []int32{mar1 - 6, mar1}},
		{"UTC, today only", time.Date(2026, 3, 2, 1, 0, 0, 0, time.UTC), 1, 0, nil},
		{"Seoul, today only", time.Date(2026, 3, 2, 1, 0, 0, 0, time.UTC), 1, 540, []int32{mar1 + 1}},
		{"Seoul, two days", time.Date(2026, 3, 2, 1, 0, 0, 0, time.UTC), 2, 540, []int32{mar1 + 1}},
		{"New York, a week", time.Date(2026, 3, 2, 1, 0, 0, 0, time.UTC), 7, -300, []int32{mar1 - 6, mar1}},
		{"New York, 6 days", time.Date(2026, 3, 2, 1, 0, 0, 0, time.UTC), 6, -300, []int32{mar1}},
	}
	for _, tt := range tests {
		lines, err := readStats(ctx, st, "dev", netcode.GetStats{Days: tt.days, UTCOffsetMin: tt.offMin}, tt.now)
		if err != nil {
			t.Fatalf("%s: readStats: %v", tt.name, err)
		}
		var got []int32
		for _, l := range lines {
			got = append(got, l.Day)
			if l.Asked != 1 || l.Correct != 1 || l.Credit != 1000 || l.ElapsedMs != 4000 {
				t.Errorf("%s: line %+v; want 1 asked, 1 correct, 1000 credit, 4000 ms", tt.name, l)
			}
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("%s: days %v; want %v", tt.name, got, tt.want)
		}
	}
	if _, err := readStats(ctx, st, "nobody", netcode.GetStats{Days: 7}, time.Now()); err == nil {
		t.Errorf("readStats of an unknown device: nil error; want store.ErrNotFound")
	}
}
