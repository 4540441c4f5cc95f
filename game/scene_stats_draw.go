package game

// Draw implements Scene.
func (s *statsScene) Draw(c *canvas) {
	pal, lang := c.pal, s.lang
	s.back.draw(c)
	title := msgMyProgress.in(lang)
	if s.wide {
		c.text(title, s.back.r.Right()+20, s.titleY, 28, pal.Text, AlignStart)
	} else {
		c.text(title, s.x+s.w/2, s.titleY, 24, pal.Text, AlignCenter)
	}
	s.ranges[0].draw(c)
	s.ranges[1].draw(c)
	s.drawTiles(c)
	drawSourceLegend(c, s.x, s.legendY, lang)
	if s.wide {
		c.text(s.statusText(), s.x+s.w, s.legendY, 13, pal.Faint, AlignEnd)
	} else {
		c.text(s.statusText(), s.x, s.legendY+22, 13, pal.Faint, AlignStart)
	}
	for i := range s.cards {
		s.cards[i].draw(c)
	}
	for i := range s.panels {
		s.drawPanel(c, &s.panels[i])
	}
}

// drawTiles draws the totals, the best topic and the topic to practise
// next (a button to practise it).
func (s *statsScene) drawTiles(c *canvas) {
	pal, lang := c.pal, s.lang
	var tot [nSources]agg
	var all agg
	for i := range s.ss {
		for src := range nSources {
			tot[src].add(s.ss[i].total[src])
		}
		all.add(s.ss[i].all())
	}
	tile := func(r Rect, edge bool) {
		c.fill(r, 12, pal.Panel)
		if edge {
			c.stroke(r, 12, 1.5, alpha(pal.Accent, 0.7))
		}
	}
	// Totals.
	r := s.tiles[0]
	tile(r, false)
	c.text(msgAnsweredQs.in(lang), r.X+16, r.Y+18, 13, pal.Dim, AlignStart)
	line := totalsLine(all, lang)
	if all.Asked == 0 {
		line = msgNoAnswersYet.in(lang)
	}
	sub := msgSoloMatch.f(lang, tot[srcSolo].Asked, tot[srcMatch].Asked)
	if s.wide {
		c.text(line, r.X+16, r.Y+44, 18, pal.Text, AlignStart)
		c.text(sub, r.Right()-16, r.Y+18, 13, pal.Faint, AlignEnd)
	} else {
		c.text(line, r.X+16, r.Y+38, 16, pal.Text, AlignStart)
		c.text(sub, r.Right()-14, r.Y+18, 13, pal.Faint, AlignEnd)
	}
	// Best topic and practise next.
	for k, idx := range []int{s.best, s.next} {
		r := s.tiles[1+k]
		head := []msg{msgStatsBest, msgPractiseNext}[k].in(lang)
		tile(r, k == 1 && idx >= 0)
		if k == 1 && s.practise.hover {
			c.fill(r, 12, alpha(pal.Text, 0.06))
		}
		c.text(head, r.X+14, r.Y+18, 13, pal.Dim, AlignStart)
		name, note := msgNone.in(lang), msgNeedMore.f(lang, minRanked)
		if idx >= 0 {
			a := s.ss[idx].all()
			name = cardName(s.ss[idx].card, lang)
			note = msgPctCorrect.f(lang, pct(a))
			if a.Asked == 0 {
				note = msgNotTried.in(lang)
			}
		}
		px := c.txt.Fit(name, 17, 13, r.W-28)
		if s.wide {
			c.text(name, r.X+14, r.Y+44, px, pal.Text, AlignStart)
			c.text(note, r.Right()-14, r.Y+44, 13, pal.Dim, AlignEnd)
			if k == 1 && idx >= 0 {
				c.triangle(r.Right()-20, r.Y+18, 0, 10, 6, pal.Accent)
			}
		} else {
			c.text(name, r.X+14, r.Y+40, px, pal.Text, AlignStart)
			c.text(c.txt.Wrap(note, 13, r.W-28)[0], r.X+14, r.Y+62, 13, pal.Dim, AlignStart)
		}
	}
}

// drawPanel draws one card's panel: its name, totals and two charts.
func (s *statsScene) drawPanel(c *canvas, p *statsPanel) {
	pal, lang := c.pal, s.lang
	ss := &s.ss[p.i]
	c.fill(p.r, 12, pal.Panel)
	if p.i == s.best {
		c.stroke(p.r, 12, 1.5, alpha(pal.Good, 0.8))
	}
	c.text(cardName(ss.card, lang), p.r.X+16, p.r.Y+20, 17, pal.Text, AlignStart)
	a := ss.all()
	if a.Asked > 0 {
		c.text(totalsLine(a, lang), p.r.X+16, p.r.Y+42, 13, pal.Dim, AlignStart)
		c.text(msgSoloMatch.f(lang, ss.total[srcSolo].Asked, ss.total[srcMatch].Asked), p.r.Right()-16, p.r.Y+20, 12, pal.Faint, AlignEnd)
	}
	p.acc.draw(c)
	p.time.draw(c)
	if a.Asked == 0 {
		// One note across both empty charts, on a plate over the grid
		// lines and their labels (so the labels are drawn first).
		c.flush()
		note := msgNoAnswersYet.in(lang)
		cx, cy := p.r.CX(), (p.acc.plot.Y+p.time.plot.Bottom())/2
		if p.acc.plot.Y != p.time.plot.Y { // stacked charts: between them
			cy = (p.acc.r.Bottom() + p.time.r.Y) / 2
		}
		w := c.txt.Width(note, 14) + 28
		c.fill(Rect{cx - w/2, cy - 16, w, 32}, 16, pal.Panel2)
		c.text(note, cx, cy, 14, pal.Dim, AlignCenter)
	}
}
