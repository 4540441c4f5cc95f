package room

import (
	"time"

	"github.com/osarena/osarena/netcode"
)

// player is one seat. It is owned by the room's goroutine.
type player struct {
	id        uint32
	session   string
	channel   string
	nickname  string
	connected bool
	droppedAt time.Time // when connected became false
	playerID  int64     // the store's Player.ID, 0 when unknown

	score  int32
	streak int

	// Match statistics for the podium.
	correct, answered int
	totalMs           int64
	topicCredit       map[string]int
}

func (p *player) wire(host uint32) netcode.Player {
	return netcode.Player{
		ID: p.id, Nickname: p.nickname, Host: p.id == host, Connected: p.connected,
		Score: p.score, Streak: uint16(min(p.streak, 65535)),
	}
}

func (p *player) resetMatch() {
	p.score, p.streak, p.correct, p.answered, p.totalMs = 0, 0, 0, 0, 0
	p.topicCredit = map[string]int{}
}
