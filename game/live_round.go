package game

import (
	"time"

	"github.com/osarena/osarena/netcode"
	"github.com/osarena/osarena/sim/quiz"
)

// roundView is an open question: the countdown from the server's clock
// (RoundStart.DeadlineMs against the ping-corrected clock), how many have
// answered, and the question component, answered by pointing. The host may
// reveal early.
type roundView struct {
	x, w     float64
	headY    float64
	bar      Rect
	left     time.Duration
	timed    bool
	lastLeft time.Duration // left at the previous frame, for the countdown ticks
	early    button        // the host's "Reveal now"
	narrow   bool
	qBottom  float64
}

func (v *roundView) update(a *app, s *liveScene) {
	m := &s.m
	v.narrow = a.narrow()
	v.x, v.w = a.column(1100)
	v.headY = a.margin() - 4
	y := v.headY + 34
	if v.narrow {
		y += 22
	}
	v.left, v.timed = m.remaining(s.server)
	if v.timed && m.mine == nil {
		a.countdown(&v.lastLeft, v.left)
	}
	v.bar = Rect{v.x, y, v.w, 6}
	y += 16
	open := v.left > 0 || !v.timed
	open = open && m.ack == nil && m.mine == nil
	v.early = button{}
	if m.isHost() {
		v.early = button{name: "reveal-now", label: msgCloseRound.in(s.lang), r: Rect{v.x + v.w - 250, v.headY - 10, 140, 36}, style: styleChip}
		if v.narrow {
			v.early.r = Rect{v.x + v.w - 96 - 8 - 120, v.headY - 10, 120, 36}
		}
		if v.early.update(&a.in) {
			s.net.send(netcode.TypeNext, &netcode.Next{})
		}
	}
	if m.q == nil || m.start == nil {
		return
	}
	area := Rect{v.x, y, v.w, a.h - y - a.margin() - 40}
	ans, ok := m.q.update(a, area, play{Step: m.spec.Step, P: 0, Open: open})
	if ok && m.start != nil {
		m.mine = ans
		if !s.net.send(netcode.TypeAnswer, &netcode.Answer{Round: m.start.Round, Values: ans}) {
			m.notice, m.noticeAt = netcode.ErrWrongPhase, a.now
		}
	}
	v.qBottom = m.q.bottom()
}

func (v *roundView) draw(c *canvas, s *liveScene) {
	p, lang, m := c.pal, s.lang, &s.m
	if m.start == nil {
		return
	}
	title := msgRoundOf.f(lang, m.start.Round, m.start.Rounds)
	if t, ok := topicOfFamily(m.spec, lang); ok {
		title += " · " + t
	}
	count := msgAnsweredN.f(lang, m.answered.Count, max(m.answered.Of, 1))
	clock := msgUntimedRound.in(lang)
	if v.timed {
		clock = msgTimeLeft.f(lang, int((v.left+999*time.Millisecond)/time.Second))
	}
	rx := v.x + v.w - 110
	if v.early.name != "" {
		rx = v.early.r.X - 16
	}
	if v.narrow {
		c.text(title, v.x, v.headY+8, 15, p.Dim, AlignStart)
		c.text(clock+" · "+count, v.x, v.headY+34, 17, p.Text, AlignStart)
	} else {
		c.text(title, v.x, v.headY+8, 17, p.Dim, AlignStart)
		c.text(count, rx, v.headY+8, 16, p.Dim, AlignEnd)
		c.text(clock, rx-c.txt.Width(count, 16)-24, v.headY+8, 20, p.Text, AlignEnd)
	}
	v.early.draw(c)
	c.fill(v.bar, 3, p.Panel2)
	if v.timed && m.start.DeadlineMs > m.start.StartMs {
		frac := float64(v.left.Milliseconds()) / float64(m.start.DeadlineMs-m.start.StartMs)
		col := p.Accent
		if frac < 0.25 {
			col = p.Bad
		}
		c.fill(Rect{v.bar.X, v.bar.Y, v.bar.W * clamp(frac, 0, 1), v.bar.H}, 3, col)
	}
	if m.q != nil {
		m.q.draw(c)
	}
	if m.mine != nil || m.ack != nil && m.ack.Accepted {
		c.text(msgLocked.in(lang), v.x, v.qBottom+14, 16, p.Good, AlignStart)
	}
}

func (v *roundView) targets(s *liveScene) []Target {
	var ts []Target
	if s.m.q != nil {
		ts = s.m.q.targets()
	}
	if v.early.name != "" {
		ts = append(ts, v.early.target())
	}
	return ts
}

// topicOfFamily names the question's topic.
func topicOfFamily(sp questionSpec, lang quiz.Lang) (string, bool) {
	t, ok := quiz.TopicOf(sp.Family)
	if !ok {
		return "", false
	}
	return term("topic."+string(t), lang), true
}
