package server

import (
	"testing"
	"time"

	"github.com/osarena/osarena/netcode"
)

func TestDropAndResumeMidRound(t *testing.T) {
	_, url := newTestServer(t, Config{Grace: 30 * time.Second})
	host, p := dial(t, url), dial(t, url)
	host.hello("")
	host.create("Host", matchSettings(2))
	p.hello("")
	p.join(host.code, "Bora")
	host.send(netcode.TypeStartMatch, netcode.StartMatch{})
	rs := expect[netcode.RoundStart](p, netcode.TypeRoundStart)
	expect[netcode.RoundStart](host, netcode.TypeRoundStart)

	// The player's connection drops mid-round.
	_ = p.ws.CloseNow()
	for {
		st := expect[netcode.RoomState](host, netcode.TypeRoomState)
		if len(st.Players) == 2 && !st.Players[1].Connected {
			break
		}
	}

	// They come back with their session and get the room and the round.
	p2 := dial(t, url)
	w := p2.hello(p.session)
	if !w.Resumed || w.Session != p.session || w.GraceMs != 30000 {
		t.Fatalf("Welcome %+v; want resumed, same session, grace 30000", w)
	}
	j := expect[netcode.RoomJoined](p2, netcode.TypeRoomJoined)
	st := expect[netcode.RoomState](p2, netcode.TypeRoomState)
	rs2 := expect[netcode.RoundStart](p2, netcode.TypeRoundStart)
	if j.PlayerID != p.playerID || st.Phase != netcode.PhaseRound || rs2.Round != 1 || rs2.DeadlineMs != rs.DeadlineMs {
		t.Fatalf("resume: player %d phase %d round %d deadline %d; want player %d, round 1, deadline %d",
			j.PlayerID, st.Phase, rs2.Round, rs2.DeadlineMs, p.playerID, rs.DeadlineMs)
	}
	if left := rs2.DeadlineMs - time.Now().UnixMilli(); left <= 0 || left > 30000 {
		t.Errorf("remaining time %d ms", left)
	}
	p2.send(netcode.TypeAnswer, netcode.Answer{Round: 1, Values: anyAnswer(rs2.Question)})
	if ack := expect[netcode.AnswerAck](p2, netcode.TypeAnswerAck); !ack.Accepted {
		t.Fatalf("answer after resume refused: %+v", ack)
	}
	host.send(netcode.TypeAnswer, netcode.Answer{Round: 1, Values: anyAnswer(rs.Question)})
	rv := expect[netcode.Reveal](p2, netcode.TypeReveal)
	if len(rv.Results) != 2 {
		t.Fatalf("Reveal results %+v", rv.Results)
	}
	for _, r := range rv.Results {
		if !r.Answered {
			t.Errorf("result %+v not answered", r)
		}
	}

	// An unknown resume token is refused with CloseResumeStale.
	p3 := dial(t, url)
	p3.send(netcode.TypeHello, netcode.Hello{Protocol: netcode.ProtocolVersion, Sim: 1, Resume: "no-such-session"})
	if code := p3.closed(); code != netcode.CloseResumeStale {
		t.Errorf("stale resume closed with %d; want %d", code, netcode.CloseResumeStale)
	}

	// The same session connecting twice replaces the first connection.
	p4 := dial(t, url)
	p4.hello(p.session)
	if code := p2.closed(); code != netcode.CloseTakenOver {
		t.Errorf("replaced connection closed with %d; want %d", code, netcode.CloseTakenOver)
	}
}
