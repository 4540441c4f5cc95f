package room

import (
	"time"

	"github.com/osarena/osarena/netcode"
)

// Holding an announcement (kill -9 durability: nothing a player was shown
// as final may be lost). A reveal and a podium show results as final, but
// the room's saver writes them to the store on its own goroutine, after
// the room has moved on. So, while its saver runs, a room holds them: from
// the moment it reveals a round or finishes a match, everything it says —
// sends, group sends, group changes, closes, in order — waits in its gate
// until the saver reports that what it queued with the announcement (the
// reveal's snapshot; the finished match and the podium's snapshot) is in
// the store, or until Config.Hold has passed, whichever is first. The room
// goroutine never waits: it keeps handling inputs meanwhile, and Run
// wakes it when the saver has written (saver.wrote) or when the bound is
// up. After the bound the announcement goes out anyway (a store that is
// slow or down does not stop the game) and is logged; the saver keeps
// retrying the write.
//
// A room driven by handle alone, without Run (tests), has no saver
// running to write anything, and so never holds.

// gate is the room's Outbox: open, it passes everything through; holding,
// it queues everything, in order, behind the held announcements.
type gate struct {
	out   Outbox
	ops   []op   // what the room said since the oldest hold began
	holds []hold // the held announcements, oldest first
}

// hold is one held announcement: ops[at:] wait for the store to have
// generation gen (0 until the input that made it has been handled), and
// go out at until at the latest.
type hold struct {
	at           int
	gen          uint64
	since, until time.Time
}

// op is one queued call of the Outbox, or a function to call in its turn.
type op struct {
	add, discard, closer bool
	group, channel       string
	typ                  netcode.Type
	msg                  any
	code                 netcode.CloseCode
	fn                   func(now time.Time)
}

var _ Outbox = (*gate)(nil)

func (g *gate) holding() bool { return len(g.holds) > 0 }

// GroupAdd adds now, or in its turn while holding (and then reports no
// error: a connection that is gone by then is dropped by the server).
func (g *gate) GroupAdd(group, channel string) error {
	if g.holding() {
		g.ops = append(g.ops, op{add: true, group: group, channel: channel})
		return nil
	}
	return g.out.GroupAdd(group, channel)
}

// GroupDiscard discards now, or in its turn while holding.
func (g *gate) GroupDiscard(group, channel string) error {
	if g.holding() {
		g.ops = append(g.ops, op{discard: true, group: group, channel: channel})
		return nil
	}
	return g.out.GroupDiscard(group, channel)
}

// GroupSend sends now, or in its turn while holding (the sequence number
// is then 0: the room never uses it).
func (g *gate) GroupSend(group string, t netcode.Type, msg any) (uint32, error) {
	if g.holding() {
		g.ops = append(g.ops, op{group: group, typ: t, msg: msg})
		return 0, nil
	}
	return g.out.GroupSend(group, t, msg)
}

// Send sends now, or in its turn while holding.
func (g *gate) Send(channel string, t netcode.Type, msg any) error {
	if g.holding() {
		g.ops = append(g.ops, op{channel: channel, typ: t, msg: msg})
		return nil
	}
	return g.out.Send(channel, t, msg)
}

// Close closes now, or in its turn while holding.
func (g *gate) Close(channel string, code netcode.CloseCode) {
	if g.holding() {
		g.ops = append(g.ops, op{closer: true, channel: channel, code: code})
		return
	}
	g.out.Close(channel, code)
}

// then calls f now, or in its turn while holding, with the time it is
// called (the time of the input that let the held announcement out).
func (g *gate) then(now time.Time, f func(now time.Time)) {
	if g.holding() {
		g.ops = append(g.ops, op{fn: f})
		return
	}
	f(now)
}

// flush does ops[:n] at time now and drops them.
func (g *gate) flush(n int, now time.Time) {
	for _, o := range g.ops[:n] {
		switch {
		case o.fn != nil:
			o.fn(now)
		case o.add:
			_ = g.out.GroupAdd(o.group, o.channel)
		case o.discard:
			_ = g.out.GroupDiscard(o.group, o.channel)
		case o.closer:
			g.out.Close(o.channel, o.code)
		case o.group != "":
			_, _ = g.out.GroupSend(o.group, o.typ, o.msg)
		default:
			_ = g.out.Send(o.channel, o.typ, o.msg)
		}
	}
	g.ops = append(g.ops[:0], g.ops[n:]...)
	for i := range g.holds {
		g.holds[i].at -= n
	}
}

// holdAnnouncement starts holding what the room says from now on, until
// the store has what the current input queued (see settleHolds). Without
// a running saver it does nothing.
func (r *Room) holdAnnouncement(now time.Time) {
	if r.saver == nil || !r.saving {
		return
	}
	g := r.gate
	g.holds = append(g.holds, hold{at: len(g.ops), since: now, until: now.Add(r.cfg.Hold)})
}

// settleHolds runs after every input: it seals the holds the input made
// with the saver's generation (everything the input queued), then lets out
// every held announcement, oldest first, whose writes are in the store or
// whose bound has passed.
func (r *Room) settleHolds(now time.Time) {
	g := r.gate
	if !g.holding() {
		return
	}
	for i := range g.holds {
		if g.holds[i].gen == 0 {
			g.holds[i].gen = r.saver.mark()
		}
	}
	for g.holding() {
		h := g.holds[0]
		if !r.saver.settled(h.gen) {
			if now.Before(h.until) {
				return
			}
			r.saver.log.Warn("store slow: results announced before they were saved; still saving",
				"room", r.code, "waited", now.Sub(h.since))
		}
		g.holds = g.holds[1:]
		n := len(g.ops)
		if g.holding() {
			n = g.holds[0].at
		}
		g.flush(n, now)
	}
}

// releaseHolds lets out everything held, whatever the store has: the room
// is ending.
func (r *Room) releaseHolds() {
	r.gate.holds = nil
	r.gate.flush(len(r.gate.ops), r.cfg.Clock())
}

// holdWake is when the oldest held announcement goes out at the latest, or
// zero.
func (r *Room) holdWake() time.Time {
	if !r.gate.holding() {
		return time.Time{}
	}
	return r.gate.holds[0].until
}

// wrote is the saver's signal while the room holds an announcement, and
// nil (never ready) otherwise.
func (r *Room) wrote() <-chan struct{} {
	if !r.gate.holding() {
		return nil
	}
	return r.saver.wrote
}
