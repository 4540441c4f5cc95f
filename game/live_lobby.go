package game

import (
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/osarena/osarena/netcode"
	"github.com/osarena/osarena/sim/quiz"
)

// lobbyView is the room before a match: the code, big and copyable, the
// players (host marked, the disconnected greyed) and, for the host, kick,
// lock and start.
type lobbyView struct {
	codeR    Rect // the code's box
	copy     button
	copiedAt time.Time
	rows     []lobbyRow
	listR    Rect
	lock     button
	start    button
	settings string
	x, w     float64
	narrow   bool

	// The host may change the room's settings before the match: edit opens
	// the settings form over the lobby; save sends UpdateSettings.
	edit    button
	form    *settingsForm // nil unless the host is editing
	formTop float64
	save    button
	cancel  button
}

// lobbyRow is one player in the list.
type lobbyRow struct {
	p    netcode.Player
	r    Rect
	me   bool
	kick button // zero unless the host may kick this player
}

func (v *lobbyView) update(a *app, s *liveScene) {
	m, lang := &s.m, s.lang
	v.narrow = a.narrow()
	v.x, v.w = a.column(1000)
	if v.form != nil && !m.isHost() {
		v.form = nil // the host left and another took over
	}
	if v.form != nil {
		v.updateForm(a, s)
		return
	}
	top := a.margin() + 40
	left := Rect{v.x, top, v.w, 0}
	right := left
	if !v.narrow {
		left.W = v.w*0.45 - 14
		right = Rect{left.Right() + 28, top, v.w - left.W - 28, 0}
	}
	v.codeR = Rect{left.X, top + 34, left.W, 96}
	if v.narrow {
		v.codeR.H = 80
	}
	v.copy = button{name: "copy", label: msgCopy.in(lang), r: Rect{v.codeR.Right() - 96, v.codeR.Bottom() + 12, 96, 40}, style: styleChip}
	if a.now.Sub(v.copiedAt) < 2*time.Second {
		v.copy.label, v.copy.selected = msgCopied.in(lang), true
	}
	if v.copy.update(&a.in) || a.in.press && v.codeR.Contains(a.in.x, a.in.y) {
		copyText(m.code)
		v.copiedAt = a.now
	}
	v.settings = settingsLine(m.room.Settings, lang)

	y := v.copy.r.Bottom() + 56
	if !v.narrow {
		y = top + 34
	} else {
		right.Y = y - 34
	}
	v.listR = Rect{right.X, y, right.W, 0}
	rowH := 48.0
	if v.narrow {
		rowH = 44
	}
	host := m.isHost()
	v.rows = v.rows[:0]
	maxRows := int(max(2, (a.h-y-150)/(rowH+6)))
	for i, p := range m.room.Players {
		if i >= maxRows {
			break
		}
		row := lobbyRow{p: p, me: p.ID == m.me, r: Rect{right.X, y, right.W, rowH}}
		if host && !row.me {
			row.kick = button{name: "kick-" + p.Nickname, label: msgKick.in(lang), r: Rect{row.r.Right() - 100, y + 7, 92, rowH - 14}, style: styleChip}
			if row.kick.update(&a.in) {
				s.net.send(netcode.TypeKick, &netcode.Kick{PlayerID: p.ID})
			}
		}
		v.rows = append(v.rows, row)
		y += rowH + 6
	}
	v.listR.H = y - v.listR.Y

	by := max(y+20, v.listR.Y+3*(rowH+6)+20)
	if v.narrow {
		by = max(y+12, a.h-a.margin()-112)
	}
	v.lock, v.start = button{}, button{}
	if host {
		label := msgLockRoom
		if m.room.Locked {
			label = msgUnlockRoom
		}
		v.lock = button{name: "lock", label: label.in(lang), r: Rect{right.X, by, 150, 50}, selected: m.room.Locked}
		v.edit = button{name: "edit-settings", label: msgChangeSettings.in(lang), r: Rect{right.X + 162, by, 150, 50}}
		v.start = button{name: "start", label: msgStartMatch.in(lang), r: Rect{right.Right() - 200, by, 200, 50}, style: stylePrimary}
		if v.narrow {
			half := (right.W - 8) / 2
			v.start.r = Rect{right.X, by, right.W, 50}
			v.lock.r = Rect{right.X, by + 60, half, 44}
			v.edit.r = Rect{right.X + half + 8, by + 60, half, 44}
		}
		switch {
		case v.edit.update(&a.in):
			v.form = &settingsForm{set: m.room.Settings}
			v.form.set.Topics = slices.Clone(m.room.Settings.Topics)
		case v.lock.update(&a.in):
			s.net.send(netcode.TypeLock, &netcode.Lock{Locked: !m.room.Locked})
		case v.start.update(&a.in) || a.in.enter:
			s.net.send(netcode.TypeStartMatch, &netcode.StartMatch{})
		}
	}
}

// updateForm lays out the host's settings form with Save and Cancel.
func (v *lobbyView) updateForm(a *app, s *liveScene) {
	lang := s.lang
	x, w := a.column(820)
	v.formTop = a.margin() + 6
	y := v.form.layout(a, lang, x, v.formTop+48, w)
	bw := min(w, 200.0)
	v.save = button{name: "save-settings", label: msgSaveSettings.in(lang), r: Rect{x + w - bw, y + 4, bw, 52}, style: stylePrimary}
	v.cancel = button{name: "cancel-settings", label: msgBack.in(lang), r: Rect{x, y + 4, min(140, w-bw-12), 52}}
	if a.narrow() {
		v.save.r = Rect{x, y + 4, w, 50}
		v.cancel.r = Rect{x, y + 64, w, 44}
	}
	switch {
	case v.cancel.update(&a.in) || a.in.back:
		v.form = nil
	case v.save.update(&a.in) || a.in.enter:
		if s.net.send(netcode.TypeUpdateSettings, &netcode.UpdateSettings{Settings: v.form.set}) {
			v.form = nil // the room's next RoomState carries them
		} else {
			s.m.notice, s.m.noticeAt = netcode.ErrWrongPhase, a.now
		}
	}
}

// settingsLine sums a room's settings up in one line.
func settingsLine(st netcode.Settings, lang quiz.Lang) string {
	timing := msgUntimedShort.in(lang)
	if st.Timed {
		timing = msgSecondsEach.f(lang, st.Seconds)
	}
	return msgSettingsLine.f(lang, st.Rounds, st.Difficulty, timing)
}

// topicsLine names a room's topics.
func topicsLine(st netcode.Settings, lang quiz.Lang) string {
	if len(st.Topics) == 0 {
		return msgAllTopics.in(lang)
	}
	names := make([]string, len(st.Topics))
	for i, t := range st.Topics {
		names[i] = term("topic."+t, lang)
	}
	return strings.Join(names, ", ")
}

func (v *lobbyView) draw(c *canvas, s *liveScene) {
	p, lang, m := c.pal, s.lang, &s.m
	if v.form != nil {
		c.text(msgRoomSettings.in(lang), v.cancel.r.X, v.formTop+18, 26, p.Text, AlignStart)
		v.form.draw(c)
		v.save.draw(c)
		v.cancel.draw(c)
		return
	}
	c.text(msgLobby.in(lang), v.x, v.codeR.Y-64, 26, p.Text, AlignStart)
	c.text(msgRoomCode.in(lang)+" · "+msgShareCode.in(lang), v.codeR.X, v.codeR.Y-14, 15, p.Dim, AlignStart)
	c.fill(v.codeR, 14, p.Panel)
	c.stroke(v.codeR, 14, 2, p.Accent)
	spaced := strings.Join(strings.Split(m.code, ""), " ")
	px := c.txt.Fit(spaced, 56, 24, v.codeR.W-32)
	c.text(spaced, v.codeR.CX(), v.codeR.CY(), px, p.Text, AlignCenter)
	v.copy.draw(c)
	y := v.copy.r.Bottom() + 24
	if !v.narrow {
		c.text(topicsLine(m.room.Settings, lang), v.codeR.X, v.copy.r.CY(), 15, p.Dim, AlignStart)
		c.text(v.settings, v.codeR.X, y+4, 15, p.Dim, AlignStart)
		if m.room.Locked {
			c.text(msgLockedNote.in(lang), v.codeR.X, y+30, 15, p.Victim, AlignStart)
		}
	} else {
		c.text(v.settings, v.codeR.X, v.copy.r.CY(), 14, p.Dim, AlignStart)
	}

	c.text(msgPlayersN.f(lang, len(m.room.Players)), v.listR.X, v.listR.Y-18, 15, p.Dim, AlignStart)
	for i := range v.rows {
		drawLobbyRow(c, &v.rows[i], lang)
	}
	if extra := len(m.room.Players) - len(v.rows); extra > 0 {
		c.text("+"+strconv.Itoa(extra), v.listR.X+16, v.listR.Bottom()+8, 15, p.Dim, AlignStart)
	}
	if m.isHost() {
		v.lock.draw(c)
		v.edit.draw(c)
		v.start.draw(c)
	} else {
		c.text(msgWaitHost.in(lang), v.listR.X, v.listR.Bottom()+30, 16, p.Dim, AlignStart)
	}
}

func drawLobbyRow(c *canvas, row *lobbyRow, lang quiz.Lang) {
	p := c.pal
	bg, fg := p.Panel, p.Text
	if row.me {
		bg = mix(p.Panel, p.Accent, 0.18)
	}
	if !row.p.Connected {
		fg = p.Faint
	}
	c.fill(row.r, 10, bg)
	x := row.r.X + 16
	dot := p.Good
	if !row.p.Connected {
		dot = p.Faint
	}
	c.circle(x+4, row.r.CY(), 5, dot)
	x += 20
	name := row.p.Nickname
	c.text(name, x, row.r.CY(), 17, fg, AlignStart)
	x += c.txt.Width(name, 17) + 12
	var tags []string
	if row.p.Host {
		tags = append(tags, msgHost.in(lang))
	}
	if row.me {
		tags = append(tags, msgYou.in(lang))
	}
	if !row.p.Connected {
		tags = append(tags, msgAway.in(lang))
	}
	for _, t := range tags {
		tw := c.txt.Width(t, 13) + 16
		r := Rect{x, row.r.CY() - 11, tw, 22}
		col := p.Accent
		if t == msgAway.in(lang) {
			col = p.Faint
		}
		c.stroke(r, 11, 1.2, col)
		c.text(t, r.CX(), r.CY(), 13, col, AlignCenter)
		x += tw + 6
	}
	if row.kick.name != "" {
		row.kick.draw(c)
	}
}

func (v *lobbyView) targets() []Target {
	if v.form != nil {
		return append(v.form.targets(), v.save.target(), v.cancel.target())
	}
	ts := []Target{{Name: "code", R: v.codeR}, v.copy.target()}
	for _, r := range v.rows {
		if r.kick.name != "" {
			ts = append(ts, r.kick.target())
		}
	}
	if v.start.name != "" {
		ts = append(ts, v.lock.target(), v.edit.target(), v.start.target())
	}
	return ts
}
