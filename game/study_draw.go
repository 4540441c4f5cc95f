package game

// draw draws the study room from what layout left.
func (v *studyView) draw(c *canvas, s *studyScene) {
	pal := c.pal
	titlePx := 24.0
	if v.narrow {
		titlePx = 19
	}
	c.text(v.title, v.x, v.top+12, c.txt.Fit(v.title, titlePx, 14, v.w-110), pal.Text, AlignStart)
	for _, ch := range v.chips {
		bg := pal.Panel
		if ch.me {
			bg = pal.Panel2
		}
		c.fill(ch.r, 13, bg)
		c.stroke(ch.r, 13, 1, pal.Line)
		col := ch.col
		if !ch.connected {
			col = alpha(col, 0.4)
		}
		c.circle(ch.r.X+13, ch.r.CY(), 11, col)
		c.text(ch.initial, ch.r.X+13, ch.r.CY(), c.txt.Fit(ch.initial, 13, 9, 20), pal.AccentText, AlignCenter)
		fg := pal.Text
		if !ch.connected {
			fg = pal.Faint
		}
		c.text(ch.nick, ch.r.X+30, ch.r.CY(), 14, fg, AlignStart)
	}
	c.lines(v.prompt, v.x, v.promptY+9, 15, 20, pal.Dim, AlignStart)

	// The picture.
	if v.replace {
		if v.ftr != nil {
			drawFrameTable(c, &v.fl, &v.fv)
		} else {
			c.text(msgStudyEmpty.in(v.lang), v.empty[0].X, v.empty[0].Y-16, 14, pal.Faint, AlignStart)
			for i, r := range v.empty {
				c.fill(r, 12, pal.Panel)
				c.stroke(r, 12, 1.5, pal.Line)
				c.text(msgFrame.f(v.lang, i), r.X+12, r.Y+17, 13, pal.Dim, AlignStart)
				c.text(msgEmpty.in(v.lang), r.CX(), r.CY()+6, 14, pal.Faint, AlignCenter)
			}
		}
	} else {
		v.dp.draw(c, &v.dst)
		if v.mode == studyShown && v.shown != nil {
			x := v.dp.cx(float64(v.shown.Answer))
			c.ring(x, v.dp.axisY, 10, 2.5, pal.Good)
		}
	}
	c.flush()
	for _, mk := range v.markers {
		v.drawMarker(c, mk)
	}

	// The explanation.
	if v.shown != nil && v.explainR.H > 0 {
		r := v.explainR
		c.fill(r, 12, pal.Panel)
		edge := pal.Line
		if v.mode == studyShown {
			edge = alpha(pal.Good, 0.6)
		}
		c.stroke(r, 12, 1.5, edge)
		c.text(v.stepLabel, r.X+16, r.Y+20, c.txt.Fit(v.stepLabel, 15, 12, r.W-32), pal.Text, AlignStart)
		c.lines(v.explain, r.X+16, r.Y+44, 15, 21, pal.Dim, AlignStart)
	}

	// The keypad.
	c.text(v.inputLabel, v.display.X, v.display.Y-11, c.txt.Fit(v.inputLabel, 14, 11, v.display.W), pal.Dim, AlignStart)
	c.fill(v.display, 10, pal.Panel)
	c.stroke(v.display, 10, 1.5, pal.Accent)
	if s.typed != "" {
		c.text(s.typed, v.display.CX(), v.display.CY(), 24, pal.Text, AlignCenter)
	} else {
		c.text("–", v.display.CX(), v.display.CY(), 20, pal.Faint, AlignCenter)
	}
	for i := range v.keys {
		v.keys[i].draw(c)
	}
	v.propose.draw(c)
	if v.narrow {
		// The queue and the step count share one line under the keypad.
		c.text(v.queueText, v.x, v.queueY, c.txt.Fit(v.queueText, 14, 11, v.w*0.62), pal.Dim, AlignStart)
		c.text(v.counter, v.x+v.w, v.queueY, 14, pal.Dim, AlignEnd)
	} else {
		c.text(v.queueText, v.display.X, v.queueY, c.txt.Fit(v.queueText, 15, 11, v.display.W), pal.Dim, AlignStart)
		c.text(v.counter, v.display.X, v.counterY, 15, pal.Text, AlignStart)
	}
	v.back.draw(c)
	v.fwd.draw(c)
	v.step.draw(c)
}

// drawMarker draws a member's prediction: their initial in their colour,
// ringed green when it was right and red when not (and said in words in
// the step's line, never by colour alone).
func (v *studyView) drawMarker(c *canvas, mk studyMarker) {
	pal := c.pal
	r := mk.r
	c.fill(r, r.H/2, mk.col)
	switch {
	case mk.right > 0:
		c.stroke(r.Inset(-2), r.H/2+2, 3, pal.Good)
	case mk.right < 0:
		c.stroke(r.Inset(-2), r.H/2+2, 3, pal.Bad)
	case mk.mine:
		c.stroke(r.Inset(-2), r.H/2+2, 2, pal.Text)
	}
	c.text(mk.initial, r.CX(), r.CY(), c.txt.Fit(mk.initial, 14, 10, r.W-6), pal.AccentText, AlignCenter)
	if mk.right != 0 { // O and X, as Korean answer sheets mark them
		mark, col := "O", pal.Good
		if mk.right < 0 {
			mark, col = "X", pal.Bad
		}
		c.circle(r.Right()-2, r.Y, 8, col)
		c.text(mark, r.Right()-2, r.Y, 11, pal.AccentText, AlignCenter)
	}
}
