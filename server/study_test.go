package server

import (
	"context"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"github.com/osarena/osarena/netcode"
	"github.com/osarena/osarena/server/store/sqlite"
)

// waitStudy reads StudyStates until one satisfies ok.
func waitStudy(c *client, what string, ok func(*netcode.StudyState) bool) *netcode.StudyState {
	c.t.Helper()
	for range 50 {
		if s := expect[netcode.StudyState](c, netcode.TypeStudyState); ok(s) {
			return s
		}
	}
	c.t.Fatalf("no StudyState with %s", what)
	return nil
}

// TestStudyRoomOverWebSockets plays a disk study room between two
// connections, refuses what does not fit, and brings the room back with its
// history after a restart on the same store.
func TestStudyRoomOverWebSockets(t *testing.T) {
	st, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "osarena.db"), sqlite.Options{Relaxed: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = st.Close() })
	s1, url := newTestServer(t, Config{Store: st, JoinsPerMinute: 600})

	host := dial(t, url)
	host.hello("")
	setup := netcode.StudySetup{Sim: netcode.StudyDisk, Policy: "scan", Cylinders: 200, Head: 53, Direction: "up"}
	host.send(netcode.TypeCreateStudy, netcode.CreateStudy{Nickname: "Ada", Setup: setup})
	j := expect[netcode.RoomJoined](host, netcode.TypeRoomJoined)
	host.code, host.playerID = j.Code, j.PlayerID
	waitStudy(host, "the host", func(s *netcode.StudyState) bool { return len(s.Members) == 1 })

	guest := dial(t, url)
	guest.hello("")
	guest.send(netcode.TypeJoinRoom, netcode.JoinRoom{Code: host.code, Nickname: "민수"})
	if e := expect[netcode.Error](guest, netcode.TypeError); e.Code != netcode.ErrUnknownRoom || e.About != netcode.TypeJoinRoom {
		t.Fatalf("JoinRoom with a study code: %+v; want ErrUnknownRoom", e)
	}
	bad := setup
	bad.Policy = "opt"
	guest.send(netcode.TypeCreateStudy, netcode.CreateStudy{Nickname: "민수", Setup: bad})
	if e := expect[netcode.Error](guest, netcode.TypeError); e.Code != netcode.ErrBadSettings {
		t.Fatalf("CreateStudy with OPT on a disk: %+v; want ErrBadSettings", e)
	}
	guest.send(netcode.TypeJoinStudy, netcode.JoinStudy{Code: host.code, Nickname: "민수"})
	expect[netcode.RoomJoined](guest, netcode.TypeRoomJoined)
	waitStudy(host, "two members", func(s *netcode.StudyState) bool { return len(s.Members) == 2 })

	guest.send(netcode.TypePropose, netcode.Propose{Input: 98})
	guest.send(netcode.TypePropose, netcode.Propose{Input: 37})
	guest.send(netcode.TypePredict, netcode.Predict{Value: 98})
	waitStudy(host, "two requests", func(s *netcode.StudyState) bool { return len(s.Queue) == 2 })
	host.send(netcode.TypePredict, netcode.Predict{Value: 37})
	waitStudy(host, "two predictions", func(s *netcode.StudyState) bool { return len(s.Predictions) == 2 })
	host.send(netcode.TypePredict, netcode.Predict{Value: 5})
	if e := expect[netcode.Error](host, netcode.TypeError); e.Code != netcode.ErrMalformedAnswer || e.About != netcode.TypePredict {
		t.Fatalf("Predict(5) with nobody waiting there: %+v; want ErrMalformedAnswer", e)
	}
	host.send(netcode.TypeStep, netcode.Step{})
	var played [2]*netcode.StudyState
	for i, c := range []*client{host, guest} {
		played[i] = waitStudy(c, "the step", func(s *netcode.StudyState) bool { return len(s.Steps) == 1 })
	}
	if !reflect.DeepEqual(played[0], played[1]) {
		t.Fatalf("the two members see different states:\n%+v\n%+v", played[0], played[1])
	}
	s := played[0].Steps[0]
	if s.Answer != 98 || !reflect.DeepEqual(s.Path, []int32{53, 98}) || len(s.Predictions) != 2 || s.Explanation.Key != "disk.next.explain.ahead" {
		t.Fatalf("step = %+v; want 53 → 98 with two predictions", s)
	}
	guest.send(netcode.TypeBack, netcode.Back{})
	waitStudy(host, "the view back", func(s *netcode.StudyState) bool { return s.Cursor == 0 })

	_ = host.ws.CloseNow() // the players drop; their seats are held
	_ = guest.ws.CloseNow()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := s1.Shutdown(ctx); err != nil {
		t.Fatal(err)
	}
	_, url2 := newTestServer(t, Config{Store: st, JoinsPerMinute: 600})
	back := dial(t, url2)
	if w := back.hello(host.session); !w.Resumed {
		t.Fatalf("the host's session did not resume after the restart")
	}
	got := waitStudy(back, "the history", func(s *netcode.StudyState) bool { return len(s.Steps) == 1 })
	if got.Code != host.code || got.Cursor != 0 || !reflect.DeepEqual(got.Queue, []int32{37}) || !reflect.DeepEqual(got.Steps, played[0].Steps) {
		t.Fatalf("after the restart: %+v; want the step, cursor 0, queue [37]", got)
	}
}
