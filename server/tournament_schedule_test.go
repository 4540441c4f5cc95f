package server

import (
	"context"
	"testing"
	"time"

	"github.com/osarena/osarena/netcode"
	"github.com/osarena/osarena/server/room"
)

// Over the wire, a CreateTournament whose start time is past or too far
// ahead is refused with Error{ErrBadStart}; a start ten minutes ahead on
// the server's clock is accepted and told back in TournamentState.
func TestTournamentStartTimeOverTheWire(t *testing.T) {
	_, url := newTestServer(t, Config{JoinsPerMinute: 600})
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	host := dialTour(t, ctx, url, "host")
	settings := room.DefaultSettings()
	create := func(startMs int64) any {
		t.Helper()
		if err := host.c.Send(netcode.TypeCreateTournament, netcode.CreateTournament{Name: "Night cup",
			Format: netcode.FormatSingle, Duel: settings, StartMs: startMs}); err != nil {
			t.Fatal(err)
		}
		for {
			select {
			case m := <-host.c.Incoming():
				switch v := m.Msg.(type) {
				case *netcode.Error:
					return *v
				case *netcode.TournamentState:
					return *v
				}
			case <-time.After(5 * time.Second):
				t.Fatal("no answer to CreateTournament")
			}
		}
	}
	now := host.c.ServerMs()
	for _, tc := range []struct {
		name    string
		startMs int64
	}{
		{"a minute ago", now - 60_000},
		{"61 days ahead", now + 61*24*3600*1000},
	} {
		got := create(tc.startMs)
		if e, ok := got.(netcode.Error); !ok || e.Code != netcode.ErrBadStart || e.About != netcode.TypeCreateTournament {
			t.Errorf("start %s: answer %+v; want Error{ErrBadStart, CreateTournament}", tc.name, got)
		}
	}
	start := now + 10*60_000
	got := create(start)
	if st, ok := got.(netcode.TournamentState); !ok || st.StartMs != start || st.StartLapsed {
		t.Errorf("start in ten minutes: answer %+v; want a TournamentState with StartMs %d", got, start)
	}
}
