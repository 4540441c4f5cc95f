package game

import (
	"strings"
	"time"

	"github.com/hajimehoshi/ebiten/v2"
)

// Game is the client: it implements ebiten.Game (with LayoutF) and runs the
// current scene. Create it with New and pass it to ebiten.RunGame.
type Game struct {
	a       app
	scene   Scene
	font    <-chan fontResult
	fontErr error
	started time.Time
	hook    hookState
	hooked  bool
}

// fontResult is the font's bytes, or why they could not be had.
type fontResult struct {
	ttf []byte
	err error
}

// New returns the client, showing its loading screen until the font
// arrives; it loads the saved settings and progress.
func New() *Game {
	return &Game{a: app{scale: 1, saved: loadSaved()}, font: loadFont(), started: time.Now()}
}

// Update advances the current scene by one tick. It never waits: until the
// font has arrived it only checks whether it has.
func (g *Game) Update() error {
	a := &g.a
	a.now = time.Now()
	a.in = readInput(a.scale)
	a.keyboard = a.in.steer(a.keyboard)
	a.in.settle(&a.pointer, a.keyboard)
	if a.txt == nil {
		select {
		case r := <-g.font:
			if r.err == nil {
				a.txt, r.err = NewText(r.ttf)
			}
			if r.err != nil {
				g.fontErr = r.err
				return nil
			}
			g.scene = firstScene(a)
		default:
			return nil
		}
	}
	g.scene.Update(a)
	if a.next != nil {
		g.scene, a.next = a.next, nil
		a.in = input{}
		g.scene.Update(a) // lay the new scene out before it is drawn
	}
	g.publish()
	return nil
}

// publish updates the test hook when something it reports changed.
func (g *Game) publish() {
	h := hookState{Scene: g.scene.Name(), Lang: string(g.a.lang()), Targets: g.scene.Targets(), FPS: int(ebiten.ActualFPS() + 0.5), Cues: strings.Join(g.a.cues, ",")}
	for _, t := range h.Targets {
		if t.Focus {
			h.Focus = t.Name
		}
	}
	if r, ok := g.scene.(rounder); ok {
		h.Round = r.roundInfo()
	}
	switch sc := g.scene.(type) {
	case *tourScene:
		h.Tour, h.Live = sc.hookJSON()
	case interface{ liveJSON() string }: // a live match or a study room
		h.Live = sc.liveJSON()
	}
	if st, ok := g.scene.(*statsScene); ok {
		h.Stats = st.statsJSON()
	}
	if i, ok := g.scene.(informer); ok {
		h.Info = i.hookInfo()
	}
	if g.hooked && h.equal(&g.hook) {
		return
	}
	g.hook, g.hooked = h, true
	publishHook(&h)
}

// Draw draws the current scene (or the loading bar); it changes nothing.
func (g *Game) Draw(screen *ebiten.Image) {
	pal := g.a.palette()
	screen.Fill(pal.Bg)
	c := &canvas{dst: screen, s: g.a.scale, txt: g.a.txt, pal: pal}
	if g.a.txt == nil || g.scene == nil {
		g.drawLoading(c)
		return
	}
	g.scene.Draw(c)
	c.flush()
}

// drawLoading draws an indeterminate bar: there is no font to write with yet.
func (g *Game) drawLoading(c *canvas) {
	w := min(320, g.a.w*0.7)
	r := Rect{(g.a.w - w) / 2, g.a.h/2 - 4, w, 8}
	col := c.pal.Accent
	if g.fontErr != nil {
		col = c.pal.Bad
	}
	c.fill(r, 4, c.pal.Panel2)
	t := float64(time.Since(g.started).Milliseconds()%1200) / 1200
	seg := Rect{r.X + (r.W-w/3)*t, r.Y, w / 3, r.H}
	c.fill(seg, 4, col)
}

// Layout is required by ebiten.Game; LayoutF is used instead.
func (g *Game) Layout(outsideWidth, outsideHeight int) (int, int) {
	w, h := g.LayoutF(float64(outsideWidth), float64(outsideHeight))
	return int(w), int(h)
}

// LayoutF makes the screen as many pixels as the device has, so that text
// and lines are drawn at device resolution; scenes work in logical pixels.
func (g *Game) LayoutF(outsideWidth, outsideHeight float64) (float64, float64) {
	s := ebiten.Monitor().DeviceScaleFactor()
	if s <= 0 {
		s = 1
	}
	g.a.w, g.a.h, g.a.scale = outsideWidth, outsideHeight, s
	return outsideWidth * s, outsideHeight * s
}
