package storetest

import (
	"bufio"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/osarena/osarena/server/store"
)

// Backend opens one database more than once.
type Backend struct {
	// Fresh returns the location of a new, empty database (a file path, a
	// DSN) that is removed when t ends.
	Fresh func(t *testing.T) string
	// Open opens the database at loc. The caller closes the store.
	Open func(t testing.TB, loc string) (store.Store, error)
}

// RunDurability checks that what was committed survives Close and reopen,
// and a SIGKILL of a process in the middle of writing.
func RunDurability(t *testing.T, b Backend) {
	t.Run("reopen", func(t *testing.T) { testReopen(t, b) })
	t.Run("crash", func(t *testing.T) { testCrash(t, b) })
}

func open(t *testing.T, b Backend, loc string) store.Store {
	t.Helper()
	s, err := b.Open(t, loc)
	must(t, "open "+loc, err)
	t.Cleanup(func() { s.Close() })
	return s
}

// everything reads back what testReopen wrote.
type everything struct {
	players    []store.Player
	rooms      []store.Room
	snapshots  []store.Snapshot
	match      store.Match
	stats      []store.Stat
	tournament store.Tournament
}

func readAll(t *testing.T, s store.Store, ps []store.Player) everything {
	t.Helper()
	c := ctx(t)
	var e everything
	var err error
	for _, p := range ps {
		got, err := s.PlayerByToken(c, p.Token)
		must(t, "PlayerByToken", err)
		e.players = append(e.players, got)
	}
	e.rooms, err = s.OpenRooms(c)
	must(t, "OpenRooms", err)
	e.snapshots, err = s.Snapshots(c)
	must(t, "Snapshots", err)
	e.match, err = s.Match(c, "kept")
	must(t, "Match", err)
	e.stats, err = s.Stats(c, store.StatsQuery{Player: ps[0].ID, By: store.ByMatch})
	must(t, "Stats", err)
	e.tournament, err = s.Tournament(c, "t1")
	must(t, "Tournament", err)
	return e
}

func testReopen(t *testing.T, b Backend) {
	loc := b.Fresh(t)
	s := open(t, b, loc)
	c := ctx(t)
	ps := players(t, s, 3)
	must(t, "SaveRoom", s.SaveRoom(c, room("KEEPER", ps[0].ID)))
	must(t, "SaveSnapshot", s.SaveSnapshot(c, snapshot("KEEPER", "running", 2, ps)))
	must(t, "FinishMatch", s.FinishMatch(c, finished("kept", "KEEPER", ps, 3, t0)))
	tr := cup("t1", "CUP111", ps[0].ID)
	tr.Entrants = []store.Entrant{entrant(ps[0], 1, 0), entrant(ps[1], 2, time.Second)}
	tr.Matches = []store.BracketMatch{{Bracket: store.BracketMain, Round: 1, Slot: 0, PlayerA: ps[0].ID, PlayerB: ps[1].ID,
		Winner: ps[1].ID, Status: store.DuelDone, MatchID: "kept"}}
	must(t, "CreateTournament", s.CreateTournament(c, tr))
	must(t, "CorrectResult", s.CorrectResult(c, "t1", store.Correction{Bracket: store.BracketMain, Round: 1,
		By: ps[0].ID, At: t0, Reason: "typo", OldWinner: ps[1].ID, NewWinner: ps[0].ID},
		[]store.BracketMatch{{Bracket: store.BracketMain, Round: 1, PlayerA: ps[0].ID, PlayerB: ps[1].ID, Winner: ps[0].ID,
			Status: store.DuelDone, MatchID: "kept"}}))
	before := readAll(t, s, ps)
	must(t, "Close", s.Close())

	again := open(t, b, loc)
	after := readAll(t, again, ps)
	same(t, "players after reopen", after.players, before.players)
	same(t, "rooms after reopen", after.rooms, before.rooms)
	same(t, "snapshots after reopen", after.snapshots, before.snapshots)
	same(t, "finished match after reopen", after.match, before.match)
	same(t, "stats after reopen", after.stats, before.stats)
	same(t, "tournament after reopen", after.tournament, before.tournament)
	same(t, "snapshot after reopen", after.snapshots, []store.Snapshot{snapshot("KEEPER", "running", 2, ps)})
	must(t, "Check", again.Check(c))
}

const (
	crashEnv    = "STORETEST_CRASH_DB"
	crashPrefix = "storetest-committed "
	crashRoom   = "CRASHY"
	crashTarget = 150 // commits before the kill
)

// crashSnapshot is the snapshot the child writes at seq: its content is a
// function of seq, so a torn write shows.
func crashSnapshot(seq int64, ps []store.Player) store.Snapshot {
	s := snapshot(crashRoom, "crash", 3, ps)
	s.Seq, s.Saved = seq, t0.Add(time.Duration(seq)*time.Millisecond)
	s.Seats[0].Score = int(seq)
	return s
}

func crashMatch(seq int64, ps []store.Player) store.Match {
	return finished(fmt.Sprintf("done-%d", seq), "CRASHF", ps, 2, t0.Add(time.Duration(seq)*time.Second))
}

// testCrash runs a child process that writes a snapshot per "round" (and
// finishes a match every tenth) and reports each commit; the parent kills
// it with SIGKILL mid-stream and checks what the database kept.
func testCrash(t *testing.T, b Backend) {
	if loc := os.Getenv(crashEnv); loc != "" {
		crashChild(t, b, loc)
		return
	}
	loc := b.Fresh(t)
	s := open(t, b, loc)
	ps := players(t, s, 2)
	must(t, "SaveRoom", s.SaveRoom(ctx(t), room(crashRoom, ps[0].ID)))
	must(t, "Close", s.Close())

	var run []string
	for _, part := range strings.Split(t.Name(), "/") {
		run = append(run, "^"+regexp.QuoteMeta(part)+"$")
	}
	cmd := exec.Command(os.Args[0], "-test.run="+strings.Join(run, "/"), "-test.count=1", "-test.v")
	cmd.Env = append(os.Environ(), crashEnv+"="+loc)
	var stderr strings.Builder
	cmd.Stderr = &stderr
	out, err := cmd.StdoutPipe()
	must(t, "child stdout", err)
	must(t, "start child", cmd.Start())
	timer := time.AfterFunc(60*time.Second, func() { cmd.Process.Kill() })
	defer timer.Stop()

	var last int64
	var lines []string
	sc := bufio.NewScanner(out)
	killed := false
	for sc.Scan() {
		line := sc.Text()
		n, err := strconv.ParseInt(strings.TrimPrefix(line, crashPrefix), 10, 64)
		if !strings.HasPrefix(line, crashPrefix) || err != nil {
			lines = append(lines, line)
			continue
		}
		last = n
		if n >= crashTarget && !killed {
			time.Sleep(time.Duration(rand.IntN(3000)) * time.Microsecond) // land inside a later write
			must(t, "kill -9 the child", cmd.Process.Kill())
			killed = true
		}
	}
	cmd.Wait()
	if !killed {
		t.Fatalf("child stopped after %d commits without being killed:\n%s\n%s", last, strings.Join(lines, "\n"), stderr.String())
	}

	s = open(t, b, loc)
	c := ctx(t)
	must(t, "Check after kill -9", s.Check(c))
	snap, err := s.Snapshot(c, crashRoom)
	must(t, "Snapshot after kill -9", err)
	if snap.Seq < last {
		t.Fatalf("after kill -9 the snapshot has seq %d; the child had committed %d", snap.Seq, last)
	}
	same(t, "snapshot after kill -9", snap, crashSnapshot(snap.Seq, ps))
	for seq := int64(10); seq <= last; seq += 10 {
		want := crashMatch(seq, ps)
		got, err := s.Match(c, want.ID)
		must(t, "Match "+want.ID+" after kill -9", err)
		same(t, "Match "+want.ID+" after kill -9", got, want)
	}
	t.Logf("killed the child after %d commits; the snapshot has seq %d", last, snap.Seq)
}

// crashChild writes until it is killed.
func crashChild(t *testing.T, b Backend, loc string) {
	s := open(t, b, loc)
	c := ctx(t)
	var ps []store.Player
	for i := range 2 {
		p, err := s.PlayerByToken(c, fmt.Sprintf("device-%d", i+1))
		must(t, "child: PlayerByToken", err)
		ps = append(ps, p)
	}
	w := bufio.NewWriter(os.Stdout)
	for seq := int64(1); ; seq++ {
		must(t, "child: SaveSnapshot", s.SaveSnapshot(c, crashSnapshot(seq, ps)))
		if seq%10 == 0 {
			must(t, "child: FinishMatch", s.FinishMatch(c, crashMatch(seq, ps)))
		}
		fmt.Fprintf(w, "%s%d\n", crashPrefix, seq)
		w.Flush()
	}
}
