package game

import (
	"math"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/inpututil"
)

// input is this frame's input as actions, in logical pixels: one press of
// the mouse or a finger, the pointer for hover, and the keys the client
// uses (digits for choices, Enter to confirm, Esc to go back, Backspace
// to erase a typed digit, the arrows, Tab, Home and End to move a focus
// or step a run) and the characters typed.
type input struct {
	press       bool
	x, y        float64
	hoverX      float64
	hoverY      float64
	hover       bool
	digit       int // 1–9 when that key was just pressed, else 0
	enter, back bool
	erase       bool   // Backspace: delete the last typed character
	left, right bool   // ← and → (repeating while held): step back and forward
	home, end   bool   // Home and End: to the first and last step
	up, down    bool   // ↑ and ↓ (repeating while held)
	tab         bool   // Tab (repeating while held)
	shift       bool   // a Shift key is down (Shift+Tab goes backwards)
	chars       []rune // characters typed this frame (digits, letters)
	// held: the mouse button or a finger is down, at heldX, heldY (for
	// dragging); wheel is the vertical scroll of this frame.
	held         bool
	heldX, heldY float64
	wheel        float64
	// pinch is the distance between the first two fingers while two are
	// down (0 otherwise), pinchX, pinchY their midpoint: for pinch zoom.
	pinch          float64
	pinchX, pinchY float64
}

var digitKeys = [...]ebiten.Key{ebiten.Key1, ebiten.Key2, ebiten.Key3, ebiten.Key4, ebiten.Key5, ebiten.Key6, ebiten.Key7, ebiten.Key8, ebiten.Key9}
var numpadKeys = [...]ebiten.Key{ebiten.KeyNumpad1, ebiten.KeyNumpad2, ebiten.KeyNumpad3, ebiten.KeyNumpad4, ebiten.KeyNumpad5, ebiten.KeyNumpad6, ebiten.KeyNumpad7, ebiten.KeyNumpad8, ebiten.KeyNumpad9}

// readInput gathers the input of this frame; scale converts the screen's
// device pixels to logical pixels.
func readInput(scale float64) input {
	var in input
	cx, cy := ebiten.CursorPosition()
	in.hoverX, in.hoverY = float64(cx)/scale, float64(cy)/scale
	in.hover = cx > 0 || cy > 0
	if inpututil.IsMouseButtonJustPressed(ebiten.MouseButtonLeft) {
		in.press, in.x, in.y = true, in.hoverX, in.hoverY
	}
	if ids := inpututil.AppendJustPressedTouchIDs(nil); len(ids) > 0 && !in.press {
		tx, ty := ebiten.TouchPosition(ids[0])
		in.press, in.x, in.y = true, float64(tx)/scale, float64(ty)/scale
		in.hover = false
	}
	if ebiten.IsMouseButtonPressed(ebiten.MouseButtonLeft) {
		in.held, in.heldX, in.heldY = true, in.hoverX, in.hoverY
	} else if ids := ebiten.AppendTouchIDs(nil); len(ids) > 0 {
		tx, ty := ebiten.TouchPosition(ids[0])
		in.held, in.heldX, in.heldY = true, float64(tx)/scale, float64(ty)/scale
	}
	if ids := ebiten.AppendTouchIDs(nil); len(ids) >= 2 {
		x0, y0 := ebiten.TouchPosition(ids[0])
		x1, y1 := ebiten.TouchPosition(ids[1])
		dx, dy := float64(x1-x0)/scale, float64(y1-y0)/scale
		in.pinch = math.Hypot(dx, dy)
		in.pinchX, in.pinchY = float64(x0+x1)/2/scale, float64(y0+y1)/2/scale
	}
	_, in.wheel = ebiten.Wheel()
	for i := range digitKeys {
		if inpututil.IsKeyJustPressed(digitKeys[i]) || inpututil.IsKeyJustPressed(numpadKeys[i]) {
			in.digit = i + 1
		}
	}
	in.enter = inpututil.IsKeyJustPressed(ebiten.KeyEnter) || inpututil.IsKeyJustPressed(ebiten.KeyNumpadEnter) || inpututil.IsKeyJustPressed(ebiten.KeySpace)
	in.back = inpututil.IsKeyJustPressed(ebiten.KeyEscape)
	in.erase = inpututil.IsKeyJustPressed(ebiten.KeyBackspace)
	in.chars = ebiten.AppendInputChars(nil)
	in.left, in.right = repeating(ebiten.KeyArrowLeft), repeating(ebiten.KeyArrowRight)
	in.up, in.down = repeating(ebiten.KeyArrowUp), repeating(ebiten.KeyArrowDown)
	in.tab, in.shift = repeating(ebiten.KeyTab), ebiten.IsKeyPressed(ebiten.KeyShift)
	in.home, in.end = inpututil.IsKeyJustPressed(ebiten.KeyHome), inpututil.IsKeyJustPressed(ebiten.KeyEnd)
	return in
}

// repeating reports a key as pressed when it goes down and then, held past
// half a second, about eight times a second (at 60 ticks a second). A key
// pressed and let go within one tick (a quick tap on a slow frame) counts:
// its press duration is already 0 but it was just pressed.
func repeating(k ebiten.Key) bool {
	d := inpututil.KeyPressDuration(k)
	return inpututil.IsKeyJustPressed(k) || d >= 30 && (d-30)%8 == 0
}

// nav is the focus move this frame's keys ask for: an arrow, Tab or
// Shift+Tab, Home or End (navNone when none).
func (in *input) nav() navKey {
	switch {
	case in.tab && in.shift:
		return navPrev
	case in.tab:
		return navNext
	case in.left:
		return navLeft
	case in.right:
		return navRight
	case in.up:
		return navUp
	case in.down:
		return navDown
	case in.home:
		return navFirst
	case in.end:
		return navLast
	}
	return navNone
}

// steer returns whether the player steers with the keyboard after this
// frame, given whether they did before: a key that moves a focus says yes,
// a press of the mouse or a finger says no. Only then does a focus ring
// show, so pointing players never see one.
func (in *input) steer(was bool) bool {
	switch {
	case in.press:
		return false
	case in.nav() != navNone:
		return true
	}
	return was
}

// settle drops a hover the pointer left behind while the player steers
// with the keys (keyboard): a pointer resting where it last was does not
// light a button up beside the focus ring; moved, it lights up again. last
// is the pointer's position the frame before, updated here.
func (in *input) settle(last *[2]float64, keyboard bool) {
	at := [2]float64{in.hoverX, in.hoverY}
	if keyboard && at == *last {
		in.hover = false
	}
	*last = at
}

// pressed reports whether this frame's press landed in r.
func (in *input) pressed(r Rect) bool { return in.press && r.Contains(in.x, in.y) }

// over reports whether the mouse pointer is over r.
func (in *input) over(r Rect) bool { return in.hover && r.Contains(in.hoverX, in.hoverY) }
