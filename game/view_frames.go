package game

import (
	"strconv"

	"github.com/osarena/osarena/sim/quiz"
	"github.com/osarena/osarena/sim/replace"
)

// framePicture is the page-replacement picture (frametable.go) as a
// question's picture: victim questions are answered by clicking a frame.
type framePicture struct {
	sp     *questionSpec
	tr     *replace.Trace
	l      frameLayout
	narrow bool
	ps     []pick
}

func newFramePicture(sp *questionSpec, tr *replace.Trace) *framePicture {
	return &framePicture{sp: sp, tr: tr}
}

func (f *framePicture) layout(_ *Text, x, y, w, _ float64, narrow bool) float64 {
	f.narrow = narrow
	f.l = layoutFrameTable(f.tr, x, y, w, narrow)
	f.ps = f.ps[:0]
	if f.sp.Family == quiz.ReplaceVictim {
		for i, r := range f.l.frames {
			if i < len(f.sp.Choices) {
				f.ps = append(f.ps, pick{name: "frame-" + strconv.Itoa(i), value: f.sp.Choices[i].Value, r: r, what: nounFrame})
			}
		}
	}
	return f.l.bottom
}

func (f *framePicture) picks() []pick { return f.ps }

func (f *framePicture) draw(c *canvas, st *picState) {
	v := frameView{tr: f.tr, step: min(st.step, len(f.tr.Steps)-1), p: st.p, lit: -1, wrong: -1, hover: st.hover,
		lang: st.lang, keys: st.keys && len(f.ps) > 0, reveal: st.reveal}
	if len(st.lit) > 0 {
		v.lit = f.tr.Steps[v.step].Frame
	}
	for i, p := range f.ps {
		for _, w := range st.wrong {
			if p.value == w {
				v.wrong = i
			}
		}
	}
	drawFrameTable(c, &f.l, &v)
}
