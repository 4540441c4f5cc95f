package server

import (
	"context"
	"errors"
	"time"

	"github.com/osarena/osarena/netcode"
	"github.com/osarena/osarena/server/store"
)

// dayMs is one day in milliseconds.
const dayMs = int64(24 * time.Hour / time.Millisecond)

// getStats answers GetStats on the connection's reader goroutine: the
// store's per-topic, per-day statistics of the connection's device player
// over the last m.Days local days (today included). Nothing is created:
// a device the store has never seen in a match is refused with
// ErrNoStats, as is a connection without a device token or a server
// without a store; a range out of bounds with ErrBadSettings. The store
// call is bounded by storeWait; a failing store is ErrNoStats too (and
// logged), and the connection keeps serving.
func (c *conn) getStats(m *netcode.GetStats) {
	s, t := c.s, netcode.TypeGetStats
	if m.Days < 1 || m.Days > netcode.MaxStatsDays || m.UTCOffsetMin < -netcode.MaxUTCOffsetMin || m.UTCOffsetMin > netcode.MaxUTCOffsetMin {
		c.refuse(netcode.ErrBadSettings, t)
		return
	}
	s.mu.Lock()
	device := c.session.device
	s.mu.Unlock()
	if s.cfg.Store == nil || device == "" {
		c.refuse(netcode.ErrNoStats, t)
		return
	}
	ctx, cancel := context.WithTimeout(s.ctx, storeWait)
	defer cancel()
	lines, err := readStats(ctx, s.cfg.Store, device, *m, time.Now())
	if err != nil {
		if !errors.Is(err, store.ErrNotFound) {
			s.cfg.Log.Warn("store: stats", "err", err)
		}
		c.refuse(netcode.ErrNoStats, t)
		return
	}
	_ = s.layer.Send(c.inbox.Name(), netcode.TypeStats, netcode.Stats{Days: m.Days, UTCOffsetMin: m.UTCOffsetMin, Lines: lines})
}

// statsStore is what readStats needs of the store.
type statsStore interface {
	store.Players
	store.Stats
}

// readStats reads the device player's lines for the request at now: the
// local days [today−Days+1, today] in the request's UTC offset. It
// returns store.ErrNotFound for a device the store does not know.
func readStats(ctx context.Context, st statsStore, device string, m netcode.GetStats, now time.Time) ([]netcode.StatLine, error) {
	p, err := st.PlayerByToken(ctx, device)
	if err != nil {
		return nil, err
	}
	off := int64(m.UTCOffsetMin) * 60 * 1000
	today := floorDiv(now.UnixMilli()+off, dayMs)
	since := time.UnixMilli((today-int64(m.Days)+1)*dayMs - off)
	stats, err := st.Stats(ctx, store.StatsQuery{Player: p.ID, By: store.ByDay, Since: since,
		UTCOffset: time.Duration(off) * time.Millisecond})
	if err != nil {
		return nil, err
	}
	lines := make([]netcode.StatLine, 0, len(stats))
	for _, x := range stats {
		lines = append(lines, netcode.StatLine{Topic: x.Topic, Day: int32(floorDiv(x.Day.UnixMilli()+off, dayMs)),
			Asked: uint32(x.Asked), Answered: uint32(x.Answered), Correct: uint32(x.Correct),
			Credit: x.Credit, ElapsedMs: x.ElapsedMs})
	}
	return lines, nil
}

// floorDiv is a/b rounded toward minus infinity (b > 0).
func floorDiv(a, b int64) int64 {
	q := a / b
	if a%b != 0 && a < 0 {
		q--
	}
	return q
}
