package game

import (
	"math"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/osarena/osarena/netcode"
)

// tourLobby is a tournament during registration: the code to share (big,
// copyable) and the link that opens it, the entrants as they register
// (live, from the tournament group's TournamentState), a nickname box and
// Register for a visitor who has not registered, and for the host the
// Start button and, when seeding is by hand, the seed order to arrange.
type tourLobby struct {
	nick     *field
	register button
	codeR    Rect
	copy     button
	copiedAt time.Time
	link     string
	listR    Rect
	rows     []tourRow
	more     int
	order    []int64 // the host's hand-seeding order (entrant IDs)
	start    button
	x, w     float64
	left     Rect
	info     []string
	sched    []string // the scheduled start's line, wrapped
	schedY   float64
	regY     float64 // the registration block's top
	narrow   bool
}

// tourRow is one entrant in the list.
type tourRow struct {
	e        netcode.Entrant
	r        Rect
	me       bool
	up, down button
}

// typing reports whether the nickname box has the keyboard.
func (v *tourLobby) typing() bool { return v.nick != nil && v.nick.focused() }

// leave removes the nickname box from the page.
func (v *tourLobby) leave() {
	if v.nick != nil {
		v.nick.remove()
		v.nick = nil
	}
}

func (v *tourLobby) update(a *app, s *tourScene) {
	m, lang := &s.m, s.lang
	v.narrow = a.narrow()
	v.x, v.w = s.x, s.w
	top := s.top + 62
	if v.narrow {
		top += 16
	}
	left := Rect{v.x, top, v.w, 0}
	right := left
	if !v.narrow {
		left.W = v.w*0.44 - 14
		right = Rect{left.Right() + 28, top, v.w - left.W - 28, 0}
	}
	v.left = left
	v.codeR = Rect{left.X, top + 26, left.W, 84}
	if v.narrow {
		v.codeR.H = 70
	}
	v.copy = button{name: "copy", label: msgCopy.in(lang), r: Rect{v.codeR.Right() - 96, v.codeR.Bottom() + 10, 96, 38}, style: styleChip}
	if a.now.Sub(v.copiedAt) < 2*time.Second {
		v.copy.label, v.copy.selected = msgCopied.in(lang), true
	}
	v.link = pageURL() + "?t=" + m.st.Code
	if v.copy.update(&a.in) || a.in.press && v.codeR.Contains(a.in.x, a.in.y) {
		copyText(v.link)
		v.copiedAt = a.now
	}
	y := v.copy.r.Bottom() + 14
	v.sched = v.sched[:0]
	if t := scheduleText(&m.st, m.isHost(), a.now, s.net.serverMs(a.now), lang); t != "" {
		v.sched = a.txt.Wrap(t, 17, left.W)
		v.schedY = y + 4
		y += float64(len(v.sched))*24 + 8
	}
	v.info = v.info[:0]
	duel := msgDuelLive
	if m.st.Async {
		duel = msgDuelAsync
	}
	v.info = append(v.info, formatName(m.st.Format, lang), duel.in(lang))
	if !v.narrow {
		y += 30 + float64(len(v.info))*22 + 10
	}

	// Registration for a visitor who is not in yet.
	v.regY = y
	mine := m.me() >= 0
	if !mine && m.saved.Nick == "" {
		if v.nick == nil {
			v.nick = newField("tour-nick", storageGet(nickKey), msgNickHint.in(lang), 40, false)
		}
		bw := 130.0
		v.nick.place(Rect{left.X, y + 24, left.W - bw - 10, 46}, 18)
		v.register = button{name: "register", label: msgRegister.in(lang), r: Rect{left.Right() - bw, y + 24, bw, 46}, style: stylePrimary}
		if v.register.update(&a.in) || v.nick.takeEnter() {
			if nick, ok := cleanNick(v.nick.value()); ok {
				storageSet(nickKey, nick)
				m.saved.Nick = nick
				m.saved.save()
				s.net.send(netcode.TypeJoinTournament, &netcode.JoinTournament{Code: m.st.Code, Nickname: nick})
			} else {
				m.notice, m.noticeAt = netcode.ErrBadNickname, a.now
				v.nick.focus()
			}
		}
		y += 24 + 46 + 18
	} else {
		v.leave()
		v.register = button{}
		y += 40
	}

	// The entrants, in the host's seed order when seeding by hand.
	if v.narrow {
		right.Y = y + 24
	} else {
		right.Y = top + 26
	}
	hand := m.isHost() && m.saved.Seeding == netcode.SeedHand
	v.syncOrder(m.st.Entrants)
	list := slices.Clone(m.st.Entrants)
	if hand {
		slices.SortStableFunc(list, func(x, y netcode.Entrant) int {
			return slices.Index(v.order, x.ID) - slices.Index(v.order, y.ID)
		})
	}
	rowH, gap := 44.0, 6.0
	startH := 0.0
	if m.isHost() {
		startH = 70
	}
	fit := int(max(2, (a.h-a.margin()-startH-right.Y)/(rowH+gap)))
	v.listR = Rect{right.X, right.Y, right.W, 0}
	v.rows = v.rows[:0]
	ry := right.Y
	for i, e := range list {
		if i >= fit {
			break
		}
		row := tourRow{e: e, r: Rect{right.X, ry, right.W, rowH}, me: strings.EqualFold(e.Nickname, m.saved.Nick) && mine}
		if hand {
			row.up = button{name: "up-" + e.Nickname, r: Rect{row.r.Right() - 84, ry + 6, 36, rowH - 12}, style: styleChip, disabled: i == 0}
			row.down = button{name: "down-" + e.Nickname, r: Rect{row.r.Right() - 42, ry + 6, 36, rowH - 12}, style: styleChip, disabled: i == len(list)-1}
			k := slices.Index(v.order, e.ID)
			switch {
			case row.up.update(&a.in) && k > 0:
				v.order[k-1], v.order[k] = v.order[k], v.order[k-1]
			case row.down.update(&a.in) && k >= 0 && k < len(v.order)-1:
				v.order[k+1], v.order[k] = v.order[k], v.order[k+1]
			}
		}
		v.rows = append(v.rows, row)
		ry += rowH + gap
	}
	v.more = len(list) - len(v.rows)
	v.listR.H = max(ry-right.Y, rowH)
	v.start = button{}
	if m.isHost() {
		by := max(ry+14, v.listR.Y+rowH+20)
		v.start = button{name: "start", label: msgStartTour.in(lang), r: Rect{right.Right() - 240, by, 240, 50}, style: stylePrimary,
			disabled: len(m.st.Entrants) < 2}
		if v.narrow {
			v.start.r = Rect{right.X, by, right.W, 50}
		}
		if v.start.update(&a.in) {
			var order []int64
			if hand {
				order = slices.Clone(v.order)
			}
			s.net.send(netcode.TypeStartTournament, &netcode.StartTournament{Code: m.st.Code, HostToken: m.saved.HostToken, Order: order})
		}
	}
}

// syncOrder keeps the hand-seeding order to the entrants: newcomers at the
// end, the departed dropped.
func (v *tourLobby) syncOrder(es []netcode.Entrant) {
	v.order = slices.DeleteFunc(v.order, func(id int64) bool {
		return !slices.ContainsFunc(es, func(e netcode.Entrant) bool { return e.ID == id })
	})
	for _, e := range es {
		if !slices.Contains(v.order, e.ID) {
			v.order = append(v.order, e.ID)
		}
	}
}

// cleanNick tidies a typed nickname, or reports that it will not do.
func cleanNick(s string) (string, bool) {
	n := strings.Join(strings.Fields(s), " ")
	return n, n != "" && len([]rune(n)) <= 20
}

func (v *tourLobby) draw(c *canvas, s *tourScene) {
	p, lang, m := c.pal, s.lang, &s.m
	c.text(msgTourCode.in(lang)+" · "+msgShareTour.in(lang), v.codeR.X, v.codeR.Y-13, 15, p.Dim, AlignStart)
	c.fill(v.codeR, 14, p.Panel)
	c.stroke(v.codeR, 14, 2, p.Accent)
	spaced := strings.Join(strings.Split(m.st.Code, ""), " ")
	px := c.txt.Fit(spaced, 50, 24, v.codeR.W-32)
	c.text(spaced, v.codeR.CX(), v.codeR.CY(), px, p.Text, AlignCenter)
	v.copy.draw(c)
	link := clipText(c.txt, v.link, 14, v.copy.r.X-v.codeR.X-12)
	c.text(link, v.codeR.X, v.copy.r.CY(), 14, p.Dim, AlignStart)
	c.lines(v.sched, v.left.X, v.schedY, 17, 24, p.Accent, AlignStart)
	if !v.narrow {
		y := v.copy.r.Bottom() + 30 + float64(len(v.sched))*24
		if len(v.sched) > 0 {
			y += 8
		}
		for _, l := range v.info {
			c.text(l, v.left.X, y, 15, p.Dim, AlignStart)
			y += 22
		}
	}
	if v.register.name != "" {
		c.text(msgNickname.in(lang), v.left.X, v.regY+10, 15, p.Dim, AlignStart)
		v.register.draw(c)
	} else if m.me() >= 0 {
		c.text(clipText(c.txt, msgRegistered.in(lang), 15, v.left.W), v.left.X, v.regY+14, 15, p.Good, AlignStart)
	}
	head := msgEntrantsN.f(lang, len(m.st.Entrants))
	if m.isHost() && m.saved.Seeding == netcode.SeedHand {
		head += " · " + msgHandSeedHint.in(lang)
	}
	c.text(clipText(c.txt, head, 15, v.listR.W), v.listR.X, v.listR.Y-14, 15, p.Dim, AlignStart)
	if len(v.rows) == 0 {
		c.text(msgNoEntrants.in(lang), v.listR.X+4, v.listR.Y+22, 16, p.Faint, AlignStart)
	}
	hand := m.isHost() && m.saved.Seeding == netcode.SeedHand
	for i := range v.rows {
		row := &v.rows[i]
		bg := p.Panel
		if row.me {
			bg = mix(p.Panel, p.Accent, 0.18)
		}
		c.fill(row.r, 10, bg)
		x := row.r.X + 16
		if hand {
			c.text(strconv.Itoa(i+1), x+6, row.r.CY(), 15, p.Faint, AlignCenter)
			x += 24
		} else {
			c.circle(x+4, row.r.CY(), 5, p.Good)
			x += 20
		}
		right := row.r.Right() - 12
		if hand {
			right = row.up.r.X - 8
		}
		if row.me {
			tag := msgYou.in(lang)
			tw := c.txt.Width(tag, 13) + 16
			r := Rect{right - tw, row.r.CY() - 11, tw, 22}
			c.stroke(r, 11, 1.2, p.Accent)
			c.text(tag, r.CX(), r.CY(), 13, p.Accent, AlignCenter)
			right -= tw + 8
		}
		c.text(clipText(c.txt, row.e.Nickname, 17, right-x), x, row.r.CY(), 17, p.Text, AlignStart)
		if hand {
			row.up.draw(c)
			row.down.draw(c)
			arrow := func(b *button, ang float64) {
				col := p.Text
				if b.disabled {
					col = p.Faint
				}
				c.triangle(b.r.CX()-math.Cos(ang)*5, b.r.CY()-math.Sin(ang)*5, ang, 10, 6, col)
			}
			arrow(&row.up, -math.Pi/2)
			arrow(&row.down, math.Pi/2)
		}
	}
	if v.more > 0 {
		c.text("+"+strconv.Itoa(v.more), v.listR.X+16, v.listR.Bottom()+8, 15, p.Dim, AlignStart)
	}
	if v.start.name != "" {
		v.start.draw(c)
		if v.start.disabled {
			c.text(msgNeedTwo.in(lang), v.start.r.X, v.start.r.Bottom()+18, 14, p.Faint, AlignStart)
		}
	} else if (m.me() >= 0 || v.register.name == "") && (m.st.StartMs == 0 || m.st.StartLapsed) {
		c.text(msgWaitOrganizer.in(lang), v.listR.X, v.listR.Bottom()+22, 15, p.Dim, AlignStart)
	}
}

func (v *tourLobby) targets() []Target {
	ts := []Target{{Name: "code", R: v.codeR}, v.copy.target()}
	if v.register.name != "" && v.nick != nil {
		ts = append(ts, Target{Name: "nickname", R: v.nick.shown}, v.register.target())
	}
	for _, r := range v.rows {
		if r.up.name != "" {
			ts = append(ts, r.up.target(), r.down.target())
		}
	}
	if v.start.name != "" {
		ts = append(ts, v.start.target())
	}
	return ts
}
