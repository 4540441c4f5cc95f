package game

import (
	"encoding/json"
	"fmt"

	"github.com/osarena/osarena/sim/disk"
	"github.com/osarena/osarena/sim/fs"
	"github.com/osarena/osarena/sim/mem"
	"github.com/osarena/osarena/sim/paging"
	"github.com/osarena/osarena/sim/quiz"
	"github.com/osarena/osarena/sim/raid"
	"github.com/osarena/osarena/sim/replace"
	"github.com/osarena/osarena/sim/scenario"
	"github.com/osarena/osarena/sim/segment"
	"github.com/osarena/osarena/sim/wset"
)

// pick is one answer target of a picture: clicking it answers value.
type pick struct {
	name  string // the test hook's name: "frame-2", "cyl-53", "disk-1", "hole-1700", "block-12", "page-4"
	value int64
	r     Rect
	what  msg // what it is, for the hint ("frame", "cylinder")
}

func (p pick) noun(lang quiz.Lang) string { return p.what.in(lang) }

// picState is what a picture draws this frame: the step played to p, the
// pointer's target, the focus ring's target, the chosen values and, after the reveal, the correct
// and wrong values. Pictures read it and change nothing.
type picState struct {
	step     int
	p        float64
	lang     quiz.Lang
	hover    int     // index into picks under the pointer, or -1
	keys     bool    // show each pick's key 1–9
	ring     int     // index into picks the focus ring is on, or -1 (a key drawn outside the pick is left out there)
	reveal   bool    // the answer is known or not being asked: the picture may show it
	selected []int64 // chosen values of a set answer
	lit      []int64 // the correct values (after the reveal)
	wrong    []int64 // the player's wrong values (after the reveal)
}

// picture draws one scenario kind (one view_*.go file each). layout runs in
// Update and places the picture in the column [x, x+w) from y, in at most h
// when it can, and returns the y below it; picks are its answer targets (in
// the order keys 1–9 choose them; none when it is not answered by pointing);
// draw only reads.
type picture interface {
	layout(t *Text, x, y, w, h float64, narrow bool) float64
	picks() []pick
	draw(c *canvas, st *picState)
}

// newPicture runs the spec's scenario and returns the picture of its trace.
func newPicture(sp *questionSpec) (picture, error) {
	tr, err := runScenario(sp.Scenario)
	if err != nil {
		return nil, err
	}
	pic := pictureOf(sp, tr)
	if pic == nil {
		return nil, fmt.Errorf("game: no picture for %s (%T)", sp.Family, tr)
	}
	return pic, nil
}

// runScenario runs a scenario document.
func runScenario(doc json.RawMessage) (scenario.Result, error) {
	tr, err := scenario.Run(doc)
	if err != nil {
		return nil, fmt.Errorf("game: run scenario: %w", err)
	}
	return tr, nil
}

// pictureOf picks the view for a trace; nil when there is none.
func pictureOf(sp *questionSpec, tr scenario.Result) picture {
	switch t := tr.(type) {
	case *replace.Trace:
		return newFramePicture(sp, t)
	case *disk.Trace:
		return newDiskPicture(sp, t)
	case *raid.Trace:
		return newRAIDPicture(sp, t)
	case *paging.Trace:
		return newPagingPicture(sp, t)
	case *paging.TLBTrace:
		return newTLBPicture(sp, t)
	case *paging.WalkTrace:
		return newWalkPicture(sp, t)
	case *mem.MallocTrace:
		return newMallocPicture(sp, t)
	case *mem.RelocationTrace:
		return newRelocationPicture(sp, t, nil)
	case *segment.Trace:
		return newRelocationPicture(sp, nil, t)
	case *fs.FreeSpaceTrace:
		return newFreeSpacePicture(sp, t)
	case *fs.FileBlockTrace:
		return newFilesPicture(sp, t)
	case *wset.Trace:
		return newWSetPicture(sp, t)
	case *paging.EATTrace:
		return newEATPicture(sp, t)
	case *replace.Sweep:
		return newBeladyPicture(sp, t)
	}
	return blankPicture{} // a kind no question draws
}

// blankPicture draws nothing: for questions whose prompt holds everything.
type blankPicture struct{}

func (blankPicture) layout(_ *Text, _, y, _, _ float64, _ bool) float64 { return y }
func (blankPicture) picks() []pick                                      { return nil }
func (blankPicture) draw(*canvas, *picState)                            {}
