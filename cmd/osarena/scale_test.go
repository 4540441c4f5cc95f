package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"

	"github.com/osarena/osarena/internal/testsvc"
	"github.com/osarena/osarena/netcode"
	"github.com/osarena/osarena/server/store/postgres"
)

// TestServeOnPostgresAndRedis: `osarena serve --db postgres://... --layer
// redis://...` plays a round with two players (every group message goes
// through Redis) and keeps the room and its snapshot in PostgreSQL.
func TestServeOnPostgresAndRedis(t *testing.T) {
	if testing.Short() {
		t.Skip("starts server processes")
	}
	pg := testsvc.Postgres(t, testsvc.PGOptions{})
	rd := testsvc.Redis(t)
	dsn := testsvc.DSN(pg.Addr, "postgres")
	addr := freeAddr(t)
	url := "ws://" + addr + "/ws"
	startServer(t, addr, dsn, "--layer", "redis://"+rd.Addr)

	host, bora := dialPlayer(t, url, "device-host"), dialPlayer(t, url, "device-bora")
	await[netcode.Welcome](t, host, netcode.TypeWelcome)
	await[netcode.Welcome](t, bora, netcode.TypeWelcome)
	settings := netcode.Settings{Topics: []string{"disk"}, Difficulty: 1, Rounds: 2, Seconds: 60, Timed: true, Lang: "en", Chain: 1}
	_ = host.Send(netcode.TypeCreateRoom, netcode.CreateRoom{Nickname: "Host", Settings: settings})
	hj := await[netcode.RoomJoined](t, host, netcode.TypeRoomJoined)
	_ = bora.Send(netcode.TypeJoinRoom, netcode.JoinRoom{Code: hj.Code, Nickname: "Bora"})
	await[netcode.RoomJoined](t, bora, netcode.TypeRoomJoined)
	_ = host.Send(netcode.TypeStartMatch, netcode.StartMatch{})
	rs := await[netcode.RoundStart](t, host, netcode.TypeRoundStart)
	await[netcode.RoundStart](t, bora, netcode.TypeRoundStart)
	for _, c := range []*netcode.Client{host, bora} {
		_ = c.Send(netcode.TypeAnswer, netcode.Answer{Round: 1, Values: someAnswer(rs.Question)})
	}
	for _, c := range []*netcode.Client{host, bora} {
		if rv := await[netcode.Reveal](t, c, netcode.TypeReveal); len(rv.Results) != 2 {
			t.Fatalf("Reveal has %d results; want 2", len(rv.Results))
		}
	}

	st, err := postgres.Open(context.Background(), dsn, postgres.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if _, err := st.Room(context.Background(), hj.Code); err != nil {
		t.Fatalf("Room(%s) in PostgreSQL: %v", hj.Code, err)
	}
	eventually(t, "snapshot of round 1 in PostgreSQL", func() error {
		s, err := st.Snapshot(context.Background(), hj.Code)
		if err == nil && (s.Round != 1 || len(s.Answers) != 2) {
			err = fmt.Errorf("snapshot at round %d with %d answers", s.Round, len(s.Answers))
		}
		return err
	})
}

func TestServeRefusesBadBackends(t *testing.T) {
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"--layer", "http://127.0.0.1:1"}, "--layer http://127.0.0.1:1: want a redis://"},
		{[]string{"--layer", "redis://127.0.0.1:1"}, "--layer redis://127.0.0.1:1"},
		{[]string{"--db", "postgres://u:secret@127.0.0.1:1/x?connect_timeout=2"}, "--db postgres://u:xxxxx@127.0.0.1:1/x"},
	}
	for _, tt := range tests {
		args := append([]string{"--addr", "127.0.0.1:0", "--db", ""}, tt.args...)
		err := runServe(args, nil, io.Discard, io.Discard)
		if err == nil || !strings.Contains(err.Error(), tt.want) || strings.Contains(err.Error(), "secret") {
			t.Errorf("serve %v = %v; want an error containing %q and no password", tt.args, err, tt.want)
		}
		var ue usageError
		if strings.HasPrefix(tt.args[1], "http") && !errors.As(err, &ue) {
			t.Errorf("serve %v = %T; want a usage error", tt.args, err)
		}
	}
}
