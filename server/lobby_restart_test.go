package server

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"github.com/osarena/osarena/netcode"
	"github.com/osarena/osarena/server/store/sqlite"
)

// TestLobbySeatsSurviveRestart: two players wait in a locked lobby; their
// seats reach the store while the server runs (not only when it shuts
// down). After a restart on the same SQLite file both resume their seats
// with their session tokens, the host keeps the host token, the lobby is
// still locked, and the host starts the match.
func TestLobbySeatsSurviveRestart(t *testing.T) {
	st, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "osarena.db"), sqlite.Options{Relaxed: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = st.Close() })
	s1, url := newTestServer(t, Config{Store: st, JoinsPerMinute: 600})

	host, guest := dial(t, url), dial(t, url)
	host.hello("")
	host.create("Host", matchSettings(2))
	guest.hello("")
	guest.join(host.code, "Bora")
	host.send(netcode.TypeLock, netcode.Lock{Locked: true})
	for s := expect[netcode.RoomState](host, netcode.TypeRoomState); !s.Locked; s = expect[netcode.RoomState](host, netcode.TypeRoomState) {
	}
	deadline := time.Now().Add(10 * time.Second)
	for {
		snap, err := st.Snapshot(context.Background(), host.code)
		if err == nil && (snap.Phase != int(netcode.PhaseLobby) || len(snap.Seats) != 2) {
			err = fmt.Errorf("phase %d, %d seats", snap.Phase, len(snap.Seats))
		}
		if err == nil {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("the lobby's seats never reached the store: %v", err)
		}
		time.Sleep(20 * time.Millisecond)
	}

	_ = host.ws.CloseNow()
	_ = guest.ws.CloseNow()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := s1.Shutdown(ctx); err != nil {
		t.Fatal(err)
	}
	_, url2 := newTestServer(t, Config{Store: st, JoinsPerMinute: 600})

	back := map[*client]*client{}
	for _, c := range []*client{host, guest} {
		b := dial(t, url2)
		if w := b.hello(c.session); !w.Resumed || w.Session != c.session {
			t.Fatalf("Welcome after the restart %+v; want session %s resumed", w, c.session)
		}
		j := expect[netcode.RoomJoined](b, netcode.TypeRoomJoined)
		if j.Code != host.code || j.PlayerID != c.playerID || (j.HostToken != "") != (c == host) {
			t.Fatalf("RoomJoined after the restart %+v; want room %s, player %d, host token only for the host", j, host.code, c.playerID)
		}
		back[c] = b
	}
	for {
		s := expect[netcode.RoomState](back[host], netcode.TypeRoomState)
		if len(s.Players) != 2 || !s.Players[0].Connected || !s.Players[1].Connected {
			continue
		}
		if s.Phase != netcode.PhaseLobby || !s.Locked || !s.Players[0].Host || s.Players[0].Nickname != "Host" || s.Players[1].Nickname != "Bora" {
			t.Fatalf("the lobby after the restart %+v; want the locked lobby of Host and Bora, Host hosting", s)
		}
		break
	}
	back[host].send(netcode.TypeStartMatch, netcode.StartMatch{})
	for _, c := range back {
		if rs := expect[netcode.RoundStart](c, netcode.TypeRoundStart); rs.Round != 1 || rs.Rounds != 2 {
			t.Fatalf("RoundStart %d/%d; want 1/2", rs.Round, rs.Rounds)
		}
	}
}
