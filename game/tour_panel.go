package game

import (
	"fmt"
	"image/color"
	"strconv"
	"time"

	"github.com/osarena/osarena/netcode"
	"github.com/osarena/osarena/sim/quiz"
)

// matchPanel is the selected match, over the bracket (on the right of a
// wide screen, a sheet at the bottom of a phone): both players with seeds
// and scores, the match's status, and what this player can do — ready up
// for (or play) their own duel; the host can correct a played result or
// award a ready one that nobody plays.
type matchPanel struct {
	r       Rect
	title   string
	rows    [2]Rect
	status  string
	note    []string // words under the status (the deadline, what a duel is)
	ready   button
	close   button
	fix     [2]button // the host's "winner: …" choices
	fixY    float64   // the correction's label
	entrant [2]int64  // the entrant IDs of the two sides (for CorrectResult)
	award   bool      // fix awards an unplayed match rather than correcting
}

// layout lays the panel out for the selected match inside view.
func (p *matchPanel) layout(a *app, s *tourScene, view Rect) {
	bm := s.m.match(s.sel)
	if bm == nil {
		p.r = Rect{}
		return
	}
	lang := s.lang
	w := min(380, view.W)
	narrow := a.narrow()
	if narrow {
		w = view.W
	}
	p.title = msgMatchLabel.f(lang, bm.ID, matchRoundName(bm, &s.m.st, lang))
	p.status = matchStatus(&s.m, bm, lang)
	me := s.m.me()
	sd := side(bm, me)
	p.note = p.note[:0]
	p.ready = button{}
	wrap := func(t string) { p.note = append(p.note, a.txt.Wrap(t, 14, w-36)...) }
	if bm.Status == "ready" && bm.DeadlineMs > 0 {
		left := time.Duration(bm.DeadlineMs-s.net.serverMs(a.now)) * time.Millisecond
		wrap(msgDeadline.f(lang, clockText(max(left, 0))))
	}
	if byHost(bm) {
		winner, _ := s.m.name(bm.Winner)
		wrap(msgCorrectedNote.f(lang, winner))
	}
	if bm.Status == "ready" && sd >= 0 {
		other, _ := s.m.name(bm.Players[1-sd])
		switch {
		case s.m.st.Async && played(bm, sd):
			wrap(msgPlayedWaiting.f(lang, other))
		case !s.m.st.Async && s.m.asked[bm.ID]:
			wrap(msgWaitOpponent.f(lang, other))
		case s.m.st.Async:
			wrap(msgDuelAsyncNote.in(lang))
			p.ready = button{name: "ready", label: msgPlay.in(lang), style: stylePrimary}
		default:
			wrap(msgDuelLiveNote.in(lang))
			p.ready = button{name: "ready", label: msgReady.in(lang), style: stylePrimary}
		}
	}
	p.fix = [2]button{}
	known := len(bm.Players) == 2 && bm.Players[0] >= 0 && bm.Players[1] >= 0
	// The host corrects a played result, or awards a ready match that is
	// not being played live (the server also refuses an async side in play).
	correct := s.m.isHost() && known && (bm.Status == "done" || bm.Status == "ready" && bm.Room == "")
	p.award = bm.Status == "ready"
	h := 52.0 + 2*40 + 12 + 26 + float64(len(p.note))*20 + 12
	if p.ready.name != "" {
		h += 58
	}
	if correct {
		h += 26 + 46
	}
	h += 52
	if narrow {
		p.r = Rect{view.X, view.Bottom() - h, w, h}
	} else {
		p.r = Rect{view.Right() - w - 10, view.Y + 10, w, h}
	}
	y := p.r.Y + 52
	for i := range p.rows {
		p.rows[i] = Rect{p.r.X + 14, y, p.r.W - 28, 38}
		y += 40
	}
	y += 12 + 26 + float64(len(p.note))*20 + 12
	if p.ready.name != "" {
		p.ready.r = Rect{p.r.X + 14, y, p.r.W - 28, 48}
		y += 58
	}
	if correct {
		p.fixY = y + 10
		y += 26
		bw := (p.r.W - 28 - 10) / 2
		for i := range 2 {
			name, _ := s.m.name(bm.Players[i])
			p.entrant[i] = s.m.st.Entrants[bm.Players[i]].ID
			p.fix[i] = button{name: "correct-" + strconv.Itoa(i), label: name, style: styleChip,
				r: Rect{p.r.X + 14 + float64(i)*(bw+10), y, bw, 38}, selected: !bm.Draw && bm.Winner == bm.Players[i]}
		}
		y += 46
	}
	p.close = button{name: "close-match", label: msgClose.in(lang), r: Rect{p.r.Right() - 14 - 110, y + 2, 110, 38}}
}

// act handles the panel's buttons; it reports whether the panel closed.
func (p *matchPanel) act(a *app, s *tourScene) bool {
	bm := s.m.match(s.sel)
	if bm == nil {
		return true
	}
	if p.ready.name != "" && p.ready.update(&a.in) {
		if s.net.send(netcode.TypeReadyDuel, &netcode.ReadyDuel{Code: s.m.st.Code, MatchID: bm.ID}) {
			if s.m.asked == nil {
				s.m.asked = map[uint16]bool{}
			}
			s.m.asked[bm.ID] = true
		}
		return false
	}
	for i := range p.fix {
		if p.fix[i].name != "" && p.fix[i].update(&a.in) && !p.fix[i].selected {
			s.net.send(netcode.TypeCorrectResult, &netcode.CorrectResult{Code: s.m.st.Code, HostToken: s.m.saved.HostToken,
				MatchID: bm.ID, Winner: p.entrant[i]})
			return false
		}
	}
	return p.close.update(&a.in) || a.in.back
}

func (p *matchPanel) draw(c *canvas, s *tourScene) {
	bm := s.m.match(s.sel)
	if bm == nil {
		return
	}
	pl, lang := c.pal, s.lang
	c.fill(Rect{p.r.X + 3, p.r.Y + 5, p.r.W, p.r.H}, 14, alpha(pl.Bg, 0.6)) // a shadow
	c.fill(p.r, 14, pl.Panel)
	c.stroke(p.r, 14, 1.5, pl.Line)
	c.text(clipText(c.txt, p.title, 18, p.r.W-28), p.r.X+16, p.r.Y+28, 18, pl.Text, AlignStart)
	me := s.m.me()
	corrected := byHost(bm)
	for i, r := range p.rows {
		if i >= len(bm.Players) {
			break
		}
		who := bm.Players[i]
		name, known := s.m.name(who)
		fg, bg := pl.Text, pl.Panel2
		switch {
		case who == -2:
			name, fg = msgBye.in(lang), pl.Faint
		case !known:
			name, fg = msgTBD.in(lang), pl.Faint
		case bm.Status == "done" && !bm.Draw && bm.Winner != who:
			fg = pl.Dim
		}
		if known && int(who) == me {
			bg = mix(pl.Panel2, pl.Accent, 0.25)
		}
		c.fill(r, 8, bg)
		x := r.X + 12
		if sd := s.m.seed(who); sd > 0 && known {
			c.text(strconv.Itoa(sd), x+8, r.CY(), 14, pl.Faint, AlignCenter)
		}
		x += 26
		right := r.Right() - 12
		if len(bm.Scores) == 2 && known && (bm.Status == "done" || played(bm, i)) {
			sc := fg
			if corrected {
				sc = pl.Faint
			}
			c.text(strconv.Itoa(int(bm.Scores[i])), right, r.CY(), 17, sc, AlignEnd)
			right -= c.txt.Width("00000", 17)
		}
		label := name
		if known && int(who) == me {
			label += " (" + msgYou.in(lang) + ")"
		}
		drawWinnerName(c, label, x, right, r.CY(), 16, 1.15, fg, bm.Status == "done" && !bm.Draw && bm.Winner == who && known, corrected)
	}
	y := p.rows[1].Bottom() + 12 + 13
	c.text(clipText(c.txt, p.status, 15, p.r.W-28), p.r.X+16, y, 15, statusColour(pl, bm), AlignStart)
	c.lines(p.note, p.r.X+16, y+13, 14, 20, pl.Dim, AlignStart)
	p.ready.draw(c)
	if p.fix[0].name != "" {
		label := msgCorrectResult
		if p.award {
			label = msgAwardMatch
		}
		c.text(clipText(c.txt, label.in(lang), 14, p.r.W-32), p.r.X+16, p.fixY, 14, pl.Dim, AlignStart)
		p.fix[0].draw(c)
		p.fix[1].draw(c)
	}
	p.close.draw(c)
}

func statusColour(p *palette, bm *netcode.BracketMatch) color.RGBA {
	switch {
	case bm.Status == "ready" && bm.Room != "":
		return p.Good
	case bm.Status == "ready":
		return p.Accent
	}
	return p.Dim
}

func (p *matchPanel) targets() []Target {
	var ts []Target
	if p.ready.name != "" {
		ts = append(ts, p.ready.target())
	}
	for i := range p.fix {
		if p.fix[i].name != "" {
			ts = append(ts, p.fix[i].target())
		}
	}
	return append(ts, p.close.target())
}

// matchStatus says where a match is, in words.
func matchStatus(m *tourModel, bm *netcode.BracketMatch, lang quiz.Lang) string {
	winner, _ := m.name(bm.Winner)
	switch bm.Status {
	case "pending":
		return msgStatusPending.in(lang)
	case "ready":
		if bm.Room != "" {
			return msgStatusLive.in(lang)
		}
		return msgStatusReady.in(lang)
	case "done":
		switch {
		case bm.Draw:
			return msgStatusDraw.in(lang)
		case bm.Walkover:
			return msgStatusWalkover.f(lang, winner)
		case byHost(bm):
			return msgStatusCorrected.f(lang, winner)
		}
		return msgStatusDone.f(lang, winner)
	case "bye":
		for _, p := range bm.Players {
			if n, ok := m.name(p); ok {
				return msgStatusBye.f(lang, n)
			}
		}
		return msgBye.in(lang)
	}
	return msgStatusVoid.in(lang)
}

// clockText writes a duration as m:ss, or h:mm:ss past an hour.
func clockText(d time.Duration) string {
	s := int(d / time.Second)
	if s >= 3600 {
		return fmt.Sprintf("%d:%02d:%02d", s/3600, s/60%60, s%60)
	}
	return fmt.Sprintf("%d:%02d", s/60, s%60)
}
