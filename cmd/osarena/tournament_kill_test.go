package main

import (
	"context"
	"fmt"
	"path/filepath"
	"slices"
	"testing"

	"github.com/osarena/osarena/netcode"
	"github.com/osarena/osarena/server/store"
)

// answerRound answers rs on c, right or (right false) wrong.
func answerRound(t *testing.T, c *netcode.Client, rs *netcode.RoundStart, right bool) {
	t.Helper()
	v, ok := netcode.LocalAnswer(&rs.Question)
	if !ok {
		t.Fatalf("no local answer for %s", rs.Question.Family)
	}
	v = slices.Clone(v)
	if !right {
		switch {
		case len(rs.Question.Choices) > 1 && rs.Question.Choices[0].Value != v[0]:
			v[0] = rs.Question.Choices[0].Value
		case len(rs.Question.Choices) > 1:
			v[0] = rs.Question.Choices[1].Value
		default:
			v[0] += 1000
		}
	}
	if err := c.Send(netcode.TypeAnswer, netcode.Answer{Round: rs.Round, Values: v}); err != nil {
		t.Fatal(err)
	}
}

// tourState waits for c's next TournamentState that satisfies ok.
func tourState(t *testing.T, c *netcode.Client, ok func(*netcode.TournamentState) bool) *netcode.TournamentState {
	t.Helper()
	for {
		if s := await[netcode.TournamentState](t, c, netcode.TypeTournamentState); ok(s) {
			return s
		}
	}
}

// TestKill9MidTournament: the real server runs a four-player single
// elimination tournament. One semifinal is played to its result; the other
// is killed with SIGKILL right after its first reveal. After a restart on
// the same database the first semifinal's result is intact, the second's
// players are back in their duel (their clients reconnect by themselves)
// with the first round's scores, play it to its result, and the final
// opens between the two winners; a watcher sees that bracket.
func TestKill9MidTournament(t *testing.T) {
	if testing.Short() {
		t.Skip("starts server processes")
	}
	db := filepath.Join(t.TempDir(), "osarena.db")
	addr := freeAddr(t)
	url := "ws://" + addr + "/ws"
	srv := startServer(t, addr, db, "--joins-per-minute", "600")

	host := dialPlayer(t, url, "device-host")
	await[netcode.Welcome](t, host, netcode.TypeWelcome)
	settings := netcode.Settings{Topics: []string{"replace"}, Difficulty: 2, Rounds: 2, Seconds: 60, Timed: true, Lang: "en", Chain: 1}
	_ = host.Send(netcode.TypeCreateTournament, netcode.CreateTournament{Name: "kill cup", Format: netcode.FormatSingle,
		Seeding: netcode.SeedHand, Duel: settings})
	created := await[netcode.TournamentCreated](t, host, netcode.TypeTournamentCreated)
	names := []string{"ada", "bob", "cy", "dee"}
	players := map[string]*netcode.Client{}
	for _, n := range names {
		c := dialPlayer(t, url, "device-"+n)
		await[netcode.Welcome](t, c, netcode.TypeWelcome)
		_ = c.Send(netcode.TypeJoinTournament, netcode.JoinTournament{Code: created.Code, Nickname: n})
		players[n] = c
	}
	reg := tourState(t, host, func(s *netcode.TournamentState) bool { return len(s.Entrants) == 4 })
	var order []int64
	for _, n := range names {
		order = append(order, reg.Entrants[slices.IndexFunc(reg.Entrants, func(e netcode.Entrant) bool { return e.Nickname == n })].ID)
	}
	_ = host.Send(netcode.TypeStartTournament, netcode.StartTournament{Code: created.Code, HostToken: created.HostToken, Order: order})
	semis := map[string]netcode.BracketMatch{}
	for _, n := range names {
		st := tourState(t, players[n], func(s *netcode.TournamentState) bool { return s.Phase == netcode.TourRunning })
		me := int16(slices.IndexFunc(st.Entrants, func(e netcode.Entrant) bool { return e.Nickname == n }))
		for _, m := range st.Matches {
			if m.Round == 1 && (m.Players[0] == me || m.Players[1] == me) {
				semis[n] = m
			}
		}
	}
	// play readies a semifinal's two players and plays rounds from..to of
	// it, the first answering right, the second wrong; it returns the last
	// reveal.
	play := func(a, b string, from, to uint8, ready bool) *netcode.Reveal {
		t.Helper()
		if ready {
			for _, n := range []string{a, b} {
				_ = players[n].Send(netcode.TypeReadyDuel, netcode.ReadyDuel{Code: created.Code, MatchID: semis[n].ID})
			}
		}
		var rv *netcode.Reveal
		for round := from; round <= to; round++ {
			for _, n := range []string{a, b} {
				rs := await[netcode.RoundStart](t, players[n], netcode.TypeRoundStart)
				if rs.Round != round {
					t.Fatalf("%s: round %d; want %d", n, rs.Round, round)
				}
				answerRound(t, players[n], rs, n == a)
			}
			for _, n := range []string{a, b} {
				rv = await[netcode.Reveal](t, players[n], netcode.TypeReveal)
			}
		}
		return rv
	}

	// The first semifinal, to its result.
	play("ada", "dee", 1, 2, true)
	for _, n := range []string{"ada", "dee"} {
		await[netcode.Podium](t, players[n], netcode.TypePodium)
	}
	st := openStore(t, db)
	var semiA store.BracketMatch
	eventually(t, "the first semifinal's result", func() error {
		rec, err := st.TournamentByCode(context.Background(), created.Code)
		if err != nil {
			return err
		}
		for _, m := range rec.Matches {
			if m.Round == 1 && m.Slot == int(semis["ada"].Slot) && m.Status == store.DuelDone && m.MatchID != "" {
				semiA = m
				return nil
			}
		}
		return fmt.Errorf("bracket %+v", rec.Matches)
	})

	// The second, killed after its first reveal (which the server sends
	// only once the round's snapshot is on disk).
	rv := play("bob", "cy", 1, 1, true)
	srv.kill(t)
	srv = startServer(t, addr, db, "--joins-per-minute", "600")

	for _, n := range []string{"bob", "cy"} {
		if w := await[netcode.Welcome](t, players[n], netcode.TypeWelcome); !w.Resumed {
			t.Fatalf("%s: Welcome after the restart %+v; want resumed", n, w)
		}
		await[netcode.RoomJoined](t, players[n], netcode.TypeRoomJoined)
	}
	last := play("bob", "cy", 2, 2, false)
	for _, r := range last.Results {
		for _, before := range rv.Results {
			if r.PlayerID == before.PlayerID && r.Score < before.Score {
				t.Errorf("player %d's score %d after the restart; want from round 1's %d up", r.PlayerID, r.Score, before.Score)
			}
		}
	}
	for _, n := range []string{"bob", "cy"} {
		if p := await[netcode.Podium](t, players[n], netcode.TypePodium); p.Summaries[0].Nickname != "bob" || p.Summaries[0].Correct != 2 {
			t.Fatalf("%s: podium %+v; want bob first with 2 right", n, p.Summaries)
		}
	}

	// The bracket: both results, played; the final between ada and bob.
	w := dialPlayer(t, url, "device-watcher")
	await[netcode.Welcome](t, w, netcode.TypeWelcome)
	_ = w.Send(netcode.TypeWatchTournament, netcode.WatchTournament{Code: created.Code})
	final := tourState(t, w, func(s *netcode.TournamentState) bool {
		done := 0
		for _, m := range s.Matches {
			if m.Round == 1 && m.Status == "done" {
				done++
			}
		}
		return done == 2
	})
	for _, m := range final.Matches {
		var want []string
		switch {
		case m.Round == 1 && m.Slot == semis["ada"].Slot:
			want = []string{"ada", "done"}
		case m.Round == 1:
			want = []string{"bob", "done"}
		default:
			want = []string{"", "ready"}
		}
		winner := ""
		if m.Status == "done" {
			winner = final.Entrants[m.Winner].Nickname
		}
		if winner != want[0] || m.Status != want[1] || m.Walkover {
			t.Errorf("match %+v after the kill: winner %q status %s; want %q %s, played", m, winner, m.Status, want[0], want[1])
		}
		if m.Round == 2 {
			pair := []string{final.Entrants[m.Players[0]].Nickname, final.Entrants[m.Players[1]].Nickname}
			slices.Sort(pair)
			if pair[0] != "ada" || pair[1] != "bob" {
				t.Errorf("final between %v; want ada and bob", pair)
			}
		}
	}
	rec, err := st.TournamentByCode(context.Background(), created.Code)
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range rec.Matches {
		if m.Round == 1 && m.Slot == semiA.Slot && (m.Winner != semiA.Winner || m.Result != semiA.Result || m.MatchID != semiA.MatchID) {
			t.Errorf("the first semifinal after the kill %+v; want %+v", m, semiA)
		}
		if m.Round == 1 && m.Status == store.DuelDone {
			if dm, err := st.Match(context.Background(), m.MatchID); err != nil || len(dm.Players) != 2 || len(dm.Answers) != 4 {
				t.Errorf("semifinal %d's match %s: %+v, %v; want 2 players, 4 answers", m.Slot, m.MatchID, dm, err)
			}
		}
	}
}
