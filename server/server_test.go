package server

import (
	"strings"
	"testing"

	"github.com/osarena/osarena/netcode"
)

func matchSettings(rounds uint8) netcode.Settings {
	return netcode.Settings{Topics: []string{"replace"}, Difficulty: 2, Rounds: rounds, Seconds: 30, Timed: true, Lang: "en", Chain: 1}
}

// playMatch plays a whole match for the players (the first is the host)
// and returns the podium each received.
func playMatch(t *testing.T, players []*client, rounds int) []*netcode.Podium {
	host := players[0]
	host.send(netcode.TypeStartMatch, netcode.StartMatch{})
	for round := 1; round <= rounds; round++ {
		for _, p := range players {
			rs := expect[netcode.RoundStart](p, netcode.TypeRoundStart)
			if int(rs.Round) != round || int(rs.Rounds) != rounds || rs.DeadlineMs-rs.StartMs != 30000 {
				t.Fatalf("player %d: RoundStart %d/%d, %d ms; want %d/%d, 30000 ms", p.playerID, rs.Round, rs.Rounds, rs.DeadlineMs-rs.StartMs, round, rounds)
			}
			p.send(netcode.TypeAnswer, netcode.Answer{Round: rs.Round, Values: anyAnswer(rs.Question)})
			if ack := expect[netcode.AnswerAck](p, netcode.TypeAnswerAck); !ack.Accepted {
				t.Fatalf("player %d round %d: answer refused %+v", p.playerID, round, ack)
			}
		}
		for _, p := range players {
			rv := expect[netcode.Reveal](p, netcode.TypeReveal)
			if int(rv.Round) != round || len(rv.Results) != len(players) || len(rv.Answer) == 0 || rv.Explanation.Key == "" {
				t.Fatalf("player %d: Reveal %+v", p.playerID, rv)
			}
			for i := 1; i < len(rv.Results); i++ {
				if rv.Results[i].Score > rv.Results[i-1].Score {
					t.Errorf("Reveal leaderboard not sorted: %+v", rv.Results)
				}
			}
		}
		host.send(netcode.TypeNext, netcode.Next{})
	}
	var out []*netcode.Podium
	for _, p := range players {
		out = append(out, expect[netcode.Podium](p, netcode.TypePodium))
	}
	return out
}

func TestFullMatchThreePlayers(t *testing.T) {
	_, url := newTestServer(t, Config{})
	host := dial(t, url)
	host.hello("")
	host.create("Host", matchSettings(3))
	a, b := dial(t, url), dial(t, url)
	a.hello("")
	a.join(strings.ToLower(host.code), "Bora")
	b.hello("")
	b.join(host.code, "민준")
	st := expect[netcode.RoomState](b, netcode.TypeRoomState)
	if len(st.Players) != 3 || st.Phase != netcode.PhaseLobby {
		t.Fatalf("RoomState %+v; want 3 players in the lobby", st)
	}
	podiums := playMatch(t, []*client{host, a, b}, 3)
	for _, p := range podiums {
		if len(p.Summaries) != 3 || p.Summaries[0].Rank != 1 || p.Summaries[0].Answered != 3 {
			t.Errorf("Podium %+v", p.Summaries)
		}
	}
}
