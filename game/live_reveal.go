package game

import (
	"strconv"
	"strings"

	"github.com/osarena/osarena/netcode"
	"github.com/osarena/osarena/sim/quiz"
)

// revealView closes a round: the question with the correct answer lit and
// its step playing, this player's verdict and points, the misconception
// behind a wrong answer (Result.Why) and the explanation, in the chosen
// language, and the leaderboard (ranked, this player's row highlighted,
// streaks). The host moves on with Next.
type revealView struct {
	x, w    float64
	panel   Rect // verdict and explanation
	verdict string
	good    bool
	lines   []string // the answer, the misconception, the explanation
	board   []boardRow
	boardR  Rect
	next    button
	narrow  bool
	showPic bool
	titleY  float64
	sheet   Rect            // on phones: the verdict and the board rise over the picture
	heard   *netcode.Reveal // the reveal whose sound has played
}

// boardRow is one line of the leaderboard.
type boardRow struct {
	rank   int
	name   string
	points int32
	score  int32
	streak uint16
	me     bool
	away   bool
	r      Rect
}

func (v *revealView) update(a *app, s *liveScene) {
	m, lang := &s.m, s.lang
	rv := m.reveal
	if rv == nil {
		return
	}
	v.narrow = a.narrow()
	v.x, v.w = a.column(1180)
	top := a.margin() + 34
	v.titleY = top - 24
	v.showPic = m.q != nil
	side := Rect{v.x, top, v.w, 0}
	if v.showPic {
		picW := v.w * 0.56
		if v.narrow {
			picW = v.w
		}
		area := Rect{v.x, top, picW, a.h - top - a.margin()}
		p := min(1, a.now.Sub(m.shownAt).Seconds()/revealTime.Seconds())
		m.q.update(a, area, play{Step: m.spec.Step, P: easeInOut((p - 0.3) / 0.7), Open: false})
		if !v.narrow {
			side = Rect{v.x + picW + 28, top, v.w - picW - 28, 0}
		}
	}

	// The verdict and the words under it.
	res := m.myResult()
	v.good = res.Answered && res.Credit == quiz.FullCredit
	if v.heard != rv {
		v.heard = rv
		if v.good {
			a.play(cueCorrect)
		} else {
			a.play(cueWrong)
		}
	}
	switch {
	case v.good:
		v.verdict = msgCorrect.in(lang) + "  " + msgPoints.f(lang, res.Points)
		if res.Streak > 1 {
			v.verdict += " · " + msgStreak.f(lang, res.Streak)
		}
	case !res.Answered:
		v.verdict = msgNoAnswer.in(lang)
	case res.Credit > 0:
		v.verdict = msgWrong.in(lang) + "  " + msgPoints.f(lang, res.Points)
	default:
		v.verdict = msgWrong.in(lang)
	}
	px, inner := 16.0, side.W-36
	v.lines = v.lines[:0]
	if !v.good {
		v.lines = append(v.lines, a.txt.Wrap(msgAnswerWas.f(lang, liveAnswerText(&m.spec, rv.Answer, lang)), px, inner)...)
		if res.Answered {
			v.lines = append(v.lines, a.txt.Wrap(msgYourAnswer.f(lang, liveAnswerText(&m.spec, res.Values, lang)), px, inner)...)
		}
		if !res.Why.IsZero() {
			v.lines = append(v.lines, a.txt.Wrap(res.Why.Render(lang), px, inner)...)
		}
	}
	expl := a.txt.Wrap(rv.Explanation.Render(lang), px, inner)
	if v.narrow && len(expl) > 4 {
		expl = append(expl[:3], strings.TrimSpace(expl[3])+" …")
	}
	v.lines = append(v.lines, expl...)
	v.panel = Rect{side.X, side.Y, side.W, 56 + float64(len(v.lines))*23 + 10}

	// The leaderboard, then Next.
	y := v.panel.Bottom() + 40
	rowH := 34.0
	nextH := 0.0
	if m.isHost() {
		nextH = 62
	}
	room := int(max(1, (a.h-y-a.margin()-nextH)/(rowH+4)))
	v.board = v.board[:0]
	rank := 0
	for i, r := range rv.Results {
		if i == 0 || r.Score != rv.Results[i-1].Score {
			rank = i + 1
		}
		me := r.PlayerID == m.me
		if len(v.board) >= room-1 && !me && i >= room {
			continue // keep this player's row on screen
		}
		if len(v.board) >= room {
			break
		}
		pl := m.player(r.PlayerID)
		v.board = append(v.board, boardRow{rank: rank, name: m.nickname(r.PlayerID), points: r.Points, score: r.Score,
			streak: r.Streak, me: me, away: pl != nil && !pl.Connected, r: Rect{side.X, y, side.W, rowH}})
		y += rowH + 4
	}
	v.boardR = Rect{side.X, v.panel.Bottom() + 40, side.W, y - v.panel.Bottom() - 40}
	v.next = button{}
	if m.isHost() {
		label := msgNextQ.in(lang)
		if m.start != nil && m.start.Round >= m.start.Rounds {
			label = msgToPodium.in(lang)
		}
		v.next = button{name: "next", label: label, r: Rect{side.Right() - 220, y + 10, 220, 50}, style: stylePrimary}
		if v.narrow {
			v.next.r = Rect{side.X, y + 10, side.W, 50}
		}
	}
	v.sheet = Rect{}
	if v.narrow && v.showPic {
		v.rise(a, m.q.bottom())
	}
	if v.next.name != "" && (v.next.update(&a.in) || a.in.enter) {
		s.net.send(netcode.TypeNext, &netcode.Next{})
	}
}

// rise moves the verdict, the board and Next below the question on a
// phone, or, when they do not fit there, to the bottom of the screen as a
// sheet over the picture, whose top keeps the lit answer.
func (v *revealView) rise(a *app, below float64) {
	end := v.boardR.Bottom() + 30
	if v.next.name != "" {
		end = v.next.r.Bottom()
	}
	d := below + 30 - v.panel.Y
	over := end+d > a.h-a.margin()
	if over {
		d = a.h - a.margin() - end
	}
	v.panel.Y += d
	v.boardR.Y += d
	for i := range v.board {
		v.board[i].r.Y += d
	}
	v.next.r.Y += d
	if over {
		v.sheet = Rect{0, v.panel.Y - 14, a.w, a.h - v.panel.Y + 14}
	}
}

// answerText writes values the way the question offered them: choice
// labels, numbers (and "trap"), slots in order.
func liveAnswerText(sp *questionSpec, values []int64, lang quiz.Lang) string {
	parts := make([]string, len(values))
	for i, val := range values {
		parts[i] = valueText(val, lang)
		for _, ch := range sp.Choices {
			if ch.Value == val {
				parts[i] = ch.Label.Render(lang)
			}
		}
	}
	return strings.Join(parts, ", ")
}

func (v *revealView) draw(c *canvas, s *liveScene) {
	p, lang, m := c.pal, s.lang, &s.m
	if m.reveal == nil {
		return
	}
	title := msgRoundOf.f(lang, m.reveal.Round, roundsOf(m))
	c.text(title, v.x, v.titleY, 17, p.Dim, AlignStart)
	if v.showPic {
		m.q.draw(c)
		c.flush()
	}
	if v.sheet.H > 0 {
		c.fill(v.sheet, 0, p.Bg)
		c.line(v.sheet.X, v.sheet.Y, v.sheet.Right(), v.sheet.Y, 1, p.Line)
	}
	edge := p.Bad
	if v.good {
		edge = p.Good
	}
	c.fill(v.panel, 12, p.Panel)
	c.stroke(v.panel, 12, 1, p.Line)
	c.fill(Rect{v.panel.X, v.panel.Y, 5, v.panel.H}, 2, edge)
	x := v.panel.X + 18
	c.text(v.verdict, x, v.panel.Y+28, 21, edge, AlignStart)
	c.lines(v.lines, x, v.panel.Y+50, 16, 23, p.Text, AlignStart)

	c.text(msgLeaderboard.in(lang), v.boardR.X, v.boardR.Y-16, 15, p.Dim, AlignStart)
	for _, r := range v.board {
		drawBoardRow(c, &r, lang)
	}
	if v.next.name != "" {
		v.next.draw(c)
	} else {
		wait := msgWaitNext
		if s.duel {
			wait = msgDuelNextSoon
		}
		c.text(wait.in(lang), v.boardR.X, v.boardR.Bottom()+22, 15, p.Dim, AlignStart)
	}
}

// roundsOf is the match's length, as far as the client knows it.
func roundsOf(m *liveModel) int {
	if m.start != nil {
		return int(m.start.Rounds)
	}
	return int(m.room.Settings.Rounds)
}

func drawBoardRow(c *canvas, r *boardRow, lang quiz.Lang) {
	p := c.pal
	bg, fg := p.Panel, p.Text
	if r.me {
		bg = mix(p.Panel, p.Accent, 0.28)
	}
	if r.away {
		fg = p.Faint
	}
	c.fill(r.r, 8, bg)
	if r.me {
		c.stroke(r.r, 8, 1.5, p.Accent)
	}
	c.text(strconv.Itoa(r.rank), r.r.X+22, r.r.CY(), 16, p.Dim, AlignCenter)
	right := r.r.Right() - 14
	c.text(strconv.Itoa(int(r.score)), right, r.r.CY(), 17, fg, AlignEnd)
	right -= 70
	if r.points > 0 {
		c.text("+"+strconv.Itoa(int(r.points)), right, r.r.CY(), 14, p.Good, AlignEnd)
	}
	right -= 56
	if r.streak > 1 {
		c.text(msgStreak.f(lang, r.streak), right, r.r.CY(), 13, p.Victim, AlignEnd)
		right -= c.txt.Width(msgStreak.f(lang, r.streak), 13) + 10
	}
	px := c.txt.Fit(r.name, 16, 13, right-(r.r.X+44))
	c.text(r.name, r.r.X+44, r.r.CY(), px, fg, AlignStart)
}

func (v *revealView) targets(s *liveScene) []Target {
	var ts []Target
	for _, r := range v.board {
		ts = append(ts, Target{Name: "row-" + r.name, R: r.r})
	}
	if v.next.name != "" {
		ts = append(ts, v.next.target())
	}
	return ts
}
