package main

import (
	"bufio"
	"context"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/osarena/osarena/netcode"
	"github.com/osarena/osarena/server/store/sqlite"
)

// serveEnv makes the test binary run the command line in its arguments
// instead of the tests: the restart test starts the real server as a child
// process this way and kills it with SIGKILL.
const serveEnv = "OSARENA_TEST_RUN_CLI"

func TestMain(m *testing.M) {
	if os.Getenv(serveEnv) == "1" {
		os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
	}
	os.Exit(m.Run())
}

// serverProc is `osarena serve` running in a child process.
type serverProc struct {
	cmd  *exec.Cmd
	exit chan error
}

// startServer runs `osarena serve` on addr with the database db (and any
// extra flags) and waits until it says it is serving.
func startServer(t *testing.T, addr, db string, extra ...string) *serverProc {
	t.Helper()
	args := append([]string{"serve", "--addr", addr, "--db", db, "--grace", "60s", "--log-level", "warn"}, extra...)
	cmd := exec.Command(os.Args[0], args...)
	cmd.Env = append(os.Environ(), serveEnv+"=1")
	cmd.Stderr = os.Stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	p := &serverProc{cmd: cmd, exit: make(chan error, 1)}
	ready := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(out)
		for sc.Scan() {
			select {
			case ready <- sc.Text():
			default:
			}
		}
		p.exit <- cmd.Wait()
	}()
	t.Cleanup(func() { p.kill(t) })
	select {
	case line := <-ready:
		if !strings.Contains(line, "serving") {
			t.Fatalf("server said %q", line)
		}
	case err := <-p.exit:
		t.Fatalf("server exited before serving: %v", err)
	case <-time.After(20 * time.Second):
		t.Fatal("server did not start")
	}
	return p
}

// kill sends SIGKILL and waits for the process to end.
func (p *serverProc) kill(t *testing.T) {
	if p.cmd.ProcessState != nil {
		return
	}
	_ = p.cmd.Process.Signal(syscall.SIGKILL)
	select {
	case <-p.exit:
	case <-time.After(10 * time.Second):
		t.Error("killed server did not exit")
	}
}

func freeAddr(t *testing.T) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().String()
}

func dialPlayer(t *testing.T, url, device string) *netcode.Client {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	c, err := netcode.Dial(context.Background(), url, netcode.Options{Device: device,
		MinBackoff: 20 * time.Millisecond, MaxBackoff: 200 * time.Millisecond, Seed: 1})
	if err != nil || ctx.Err() != nil {
		t.Fatalf("dial %s: %v", url, err)
	}
	t.Cleanup(c.Close)
	return c
}

// lastState is the last RoomState each client received (test goroutine
// only).
var lastState = map[*netcode.Client]*netcode.RoomState{}

// await returns the next message of type T (skipping others, but noting
// RoomStates in lastState).
func await[T any](t *testing.T, c *netcode.Client, typ netcode.Type) *T {
	t.Helper()
	timeout := time.After(15 * time.Second)
	for {
		select {
		case m, ok := <-c.Incoming():
			if !ok {
				t.Fatalf("client closed waiting for %v: %v", typ, c.Err())
			}
			if s, ok := m.Msg.(*netcode.RoomState); ok {
				lastState[c] = s
			}
			if m.Type == typ {
				return m.Msg.(*T)
			}
		case <-timeout:
			t.Fatalf("no %v", typ)
		}
	}
}

func someAnswer(q netcode.Question) []int64 {
	switch q.Kind {
	case "choice":
		return []int64{q.Choices[0].Value}
	case "slots":
		return make([]int64, q.Slots)
	}
	return []int64{0}
}

// openStore opens the database beside the server (or after it), for the
// test to read what was made durable.
func openStore(t *testing.T, db string) *sqlite.Store {
	t.Helper()
	st, err := sqlite.Open(context.Background(), db, sqlite.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = st.Close() })
	return st
}

// eventually polls f until it returns nil.
func eventually(t *testing.T, what string, f func() error) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		err := f()
		if err == nil {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("%s: %v", what, err)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// TestKill9MidMatchResumes: the real server, in its own process, is killed
// with SIGKILL in the middle of a match and restarted on the same database;
// the players' clients reconnect with their resume tokens into the same
// room, seats, scores, streaks and open round. Then the match is finished,
// the server is killed again right away, and the finished match is read
// back whole, and both players are back on its podium.
func TestKill9MidMatchResumes(t *testing.T) {
	if testing.Short() {
		t.Skip("starts server processes")
	}
	dir := t.TempDir()
	db := filepath.Join(dir, "osarena.db")
	addr := freeAddr(t)
	url := "ws://" + addr + "/ws"
	srv := startServer(t, addr, db)

	host, bora := dialPlayer(t, url, "device-host"), dialPlayer(t, url, "device-bora")
	await[netcode.Welcome](t, host, netcode.TypeWelcome)
	await[netcode.Welcome](t, bora, netcode.TypeWelcome)
	settings := netcode.Settings{Topics: []string{"replace"}, Difficulty: 2, Rounds: 3, Seconds: 60, Timed: true, Lang: "en", Chain: 1}
	_ = host.Send(netcode.TypeCreateRoom, netcode.CreateRoom{Nickname: "Host", Settings: settings})
	hj := await[netcode.RoomJoined](t, host, netcode.TypeRoomJoined)
	_ = bora.Send(netcode.TypeJoinRoom, netcode.JoinRoom{Code: hj.Code, Nickname: "Bora"})
	bj := await[netcode.RoomJoined](t, bora, netcode.TypeRoomJoined)
	_ = host.Send(netcode.TypeStartMatch, netcode.StartMatch{})

	// Round 1: both answer, the reveal scores it; the host opens round 2.
	rs := await[netcode.RoundStart](t, host, netcode.TypeRoundStart)
	await[netcode.RoundStart](t, bora, netcode.TypeRoundStart)
	_ = host.Send(netcode.TypeAnswer, netcode.Answer{Round: 1, Values: someAnswer(rs.Question)})
	_ = bora.Send(netcode.TypeAnswer, netcode.Answer{Round: 1, Values: someAnswer(rs.Question)})
	rv := await[netcode.Reveal](t, host, netcode.TypeReveal)
	await[netcode.Reveal](t, bora, netcode.TypeReveal)
	scores := map[uint32]netcode.Result{}
	for _, r := range rv.Results {
		scores[r.PlayerID] = r
	}
	_ = host.Send(netcode.TypeNext, netcode.Next{})
	rs2 := await[netcode.RoundStart](t, host, netcode.TypeRoundStart)
	await[netcode.RoundStart](t, bora, netcode.TypeRoundStart)

	// The snapshot of round 2 is written by the room's saver, off the match
	// loop; once it is on disk, kill -9.
	st := openStore(t, db)
	eventually(t, "snapshot of round 2", func() error {
		s, err := st.Snapshot(context.Background(), hj.Code)
		if err == nil && (s.Round != 2 || s.Phase != int(netcode.PhaseRound)) {
			err = fmt.Errorf("snapshot at round %d phase %d", s.Round, s.Phase)
		}
		return err
	})
	srv.kill(t)
	srv = startServer(t, addr, db)

	// Both clients reconnect by themselves with their resume tokens.
	for _, c := range []*netcode.Client{host, bora} {
		w := await[netcode.Welcome](t, c, netcode.TypeWelcome)
		if !w.Resumed {
			t.Fatalf("Welcome after restart %+v; want resumed", w)
		}
	}
	for i, c := range []*netcode.Client{host, bora} {
		want := []*netcode.RoomJoined{hj, bj}[i]
		j := await[netcode.RoomJoined](t, c, netcode.TypeRoomJoined)
		if j.Code != hj.Code || j.PlayerID != want.PlayerID || (i == 0 && j.HostToken != hj.HostToken) {
			t.Fatalf("RoomJoined after restart %+v; want %+v", j, want)
		}
		r := await[netcode.RoundStart](t, c, netcode.TypeRoundStart)
		if r.Round != 2 || r.DeadlineMs != rs2.DeadlineMs || r.Question.Family != rs2.Question.Family {
			t.Fatalf("RoundStart after restart: round %d deadline %d family %s; want 2, %d, %s",
				r.Round, r.DeadlineMs, r.Question.Family, rs2.DeadlineMs, rs2.Question.Family)
		}
	}
	// The room state, once both are back, has their scores and streaks.
	for s := lastState[host]; ; s = await[netcode.RoomState](t, host, netcode.TypeRoomState) {
		if len(s.Players) != 2 || !s.Players[0].Connected || !s.Players[1].Connected {
			continue
		}
		for _, p := range s.Players {
			if w := scores[p.ID]; p.Score != w.Score || p.Streak != w.Streak {
				t.Fatalf("player %d after restart: score %d streak %d; want %d, %d", p.ID, p.Score, p.Streak, w.Score, w.Streak)
			}
		}
		if s.Phase != netcode.PhaseRound || s.Round != 2 || s.Code != hj.Code {
			t.Fatalf("room after restart %+v", s)
		}
		break
	}

	// Rounds 2 and 3 on the restarted server, then the podium.
	for round := uint8(2); round <= 3; round++ {
		if round > 2 {
			_ = host.Send(netcode.TypeNext, netcode.Next{})
			rs2 = await[netcode.RoundStart](t, host, netcode.TypeRoundStart)
		}
		_ = host.Send(netcode.TypeAnswer, netcode.Answer{Round: round, Values: someAnswer(rs2.Question)})
		_ = bora.Send(netcode.TypeAnswer, netcode.Answer{Round: round, Values: someAnswer(rs2.Question)})
		await[netcode.Reveal](t, host, netcode.TypeReveal)
	}
	_ = host.Send(netcode.TypeNext, netcode.Next{})
	pod := await[netcode.Podium](t, host, netcode.TypePodium)

	// Kill -9 as soon as the result and the podium's seats are on disk;
	// it is all there after the restart, and the players are back on the
	// podium.
	hp, err := st.PlayerByToken(context.Background(), "device-host")
	if err != nil {
		t.Fatal(err)
	}
	var matchID string
	eventually(t, "finished match and podium", func() error {
		ms, err := st.PlayerMatches(context.Background(), hp.ID, 10)
		if err == nil && len(ms) != 1 {
			err = fmt.Errorf("%d matches", len(ms))
		}
		if err != nil {
			return err
		}
		matchID = ms[0].ID
		s, err := st.Snapshot(context.Background(), hj.Code)
		if err == nil && (s.Phase != int(netcode.PhasePodium) || s.MatchID != matchID || len(s.Podium) != 2) {
			err = fmt.Errorf("snapshot of match %s phase %d with %d podium lines", s.MatchID, s.Phase, len(s.Podium))
		}
		return err
	})
	srv.kill(t)
	_ = st.Close()
	startServer(t, addr, db)
	for _, c := range []*netcode.Client{host, bora} {
		if w := await[netcode.Welcome](t, c, netcode.TypeWelcome); !w.Resumed {
			t.Fatalf("Welcome after the restart on the podium %+v; want resumed", w)
		}
		if got := await[netcode.Podium](t, c, netcode.TypePodium); !reflect.DeepEqual(got, pod) {
			t.Fatalf("Podium after the restart %+v; want %+v", got, pod)
		}
	}
	st = openStore(t, db)
	m, err := st.Match(context.Background(), matchID)
	if err != nil {
		t.Fatal(err)
	}
	if len(m.Players) != 2 || len(m.Answers) != 6 || m.Room != hj.Code || m.Settings.Rounds != 3 {
		t.Fatalf("match after kill -9: %d players, %d answers, room %s, %+v", len(m.Players), len(m.Answers), m.Room, m.Settings)
	}
	for i, s := range pod.Summaries {
		if p := m.Players[i]; p.Seat != s.PlayerID || p.Score != int(s.Score) || p.Rank != int(s.Rank) || p.Nickname != s.Nickname {
			t.Errorf("stored podium line %d %+v; want %+v", i, p, s)
		}
	}
}

// TestKill9InLobbyResumes: the real server is killed with SIGKILL while two
// players wait in its lobby and restarted on the same database; both
// clients reconnect into their seats (the host with the host token) and the
// host starts the match.
func TestKill9InLobbyResumes(t *testing.T) {
	if testing.Short() {
		t.Skip("starts server processes")
	}
	db := filepath.Join(t.TempDir(), "osarena.db")
	addr := freeAddr(t)
	url := "ws://" + addr + "/ws"
	srv := startServer(t, addr, db)
	host, bora := dialPlayer(t, url, "device-host"), dialPlayer(t, url, "device-bora")
	await[netcode.Welcome](t, host, netcode.TypeWelcome)
	await[netcode.Welcome](t, bora, netcode.TypeWelcome)
	settings := netcode.Settings{Topics: []string{"disk"}, Difficulty: 1, Rounds: 2, Seconds: 60, Timed: true, Lang: "ko", Chain: 1}
	_ = host.Send(netcode.TypeCreateRoom, netcode.CreateRoom{Nickname: "Host", Settings: settings})
	hj := await[netcode.RoomJoined](t, host, netcode.TypeRoomJoined)
	_ = bora.Send(netcode.TypeJoinRoom, netcode.JoinRoom{Code: hj.Code, Nickname: "Bora"})
	bj := await[netcode.RoomJoined](t, bora, netcode.TypeRoomJoined)

	st := openStore(t, db)
	eventually(t, "the lobby's seats", func() error {
		s, err := st.Snapshot(context.Background(), hj.Code)
		if err == nil && (s.Phase != int(netcode.PhaseLobby) || len(s.Seats) != 2) {
			err = fmt.Errorf("snapshot phase %d with %d seats", s.Phase, len(s.Seats))
		}
		return err
	})
	srv.kill(t)
	startServer(t, addr, db)

	for i, c := range []*netcode.Client{host, bora} {
		if w := await[netcode.Welcome](t, c, netcode.TypeWelcome); !w.Resumed {
			t.Fatalf("Welcome after restart %+v; want resumed", w)
		}
		want := []*netcode.RoomJoined{hj, bj}[i]
		if j := await[netcode.RoomJoined](t, c, netcode.TypeRoomJoined); j.Code != hj.Code || j.PlayerID != want.PlayerID || j.HostToken != want.HostToken {
			t.Fatalf("RoomJoined after restart %+v; want %+v", j, want)
		}
	}
	_ = host.Send(netcode.TypeStartMatch, netcode.StartMatch{})
	for _, c := range []*netcode.Client{host, bora} {
		if rs := await[netcode.RoundStart](t, c, netcode.TypeRoundStart); rs.Round != 1 || rs.Rounds != 2 {
			t.Fatalf("RoundStart after restart %d/%d; want 1/2", rs.Round, rs.Rounds)
		}
	}
}
