//go:build !js

package e2e

import (
	"fmt"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/osarena/osarena/sim/quiz"
)

// view is one picture to play and photograph: the title card, the
// practice chip of the family, and the name the screenshots get.
type view struct {
	card, family, name string
}

// views lists a family of every picture.
var views = []view{
	{"disk", "family-next", "disk-next"},
	{"disk", "family-movement", "disk-movement"},
	{"raid", "family-write", "raid-write"},
	{"raid", "family-parity", "raid-parity"},
	{"raid", "family-degraded", "raid-degraded"},
	{"raid", "family-rebuild", "raid-rebuild"},
	{"paging", "family-translate", "paging-translate"},
	{"paging", "family-split", "paging-split"},
	{"paging", "family-hitmiss", "tlb-hitmiss"},
	{"paging", "family-compute", "eat-compute"},
	{"malloc", "family-fit", "malloc-fit"},
	{"malloc", "family-translate", "relocation"},
	{"malloc", "family-segment-translate", "segment"},
	{"paging", "family-pagewalk-translate", "pagewalk"},
	{"replace", "family-at", "wset-at"},
	{"replace", "family-belady", "replace-belady"},
	{"replace", "family-faults", "replace-faults"},
	{"fileblock", "family-block", "fileblock-block"},
	{"fileblock", "family-reads", "fileblock-reads"},
	{"fileblock", "family-bitmap", "freespace-bitmap"},
}

// phoneViews are played on a phone in TestBrowser: a number answer typed
// on the keypad and a set answer, all tapped.
var phoneViews = []view{
	{"disk", "family-movement", "disk-movement"},
	{"paging", "family-translate", "paging-translate"},
	{"raid", "family-write", "raid-write"},
}

// playView opens a view's practice from the title, starts a round,
// photographs the question, answers it right like a person (clicking the
// picture, the choices or the keypad; tapping them on a phone, where every
// target must be on the screen) and photographs the explanation.
func (b *browser) playView(v view, tag string, phone bool) {
	b.t.Helper()
	press := b.click
	if phone {
		press = b.tap
	}
	b.click("topic-" + v.card)
	b.waitScene("practice")
	b.click(v.family)
	b.click("difficulty-" + viewsDifficulty())
	b.click("start")
	b.waitScene("round")
	b.waitFor(`window.osarena.round && window.osarena.round.phase === "ask"`)
	r := b.round()
	qs, err := quiz.Chain(quiz.Family(r.Family), r.Seed, r.Difficulty, r.Count)
	if err != nil {
		b.t.Fatalf("quiz.Chain(%s, %d): %v", r.Family, r.Seed, err)
	}
	q := qs[r.Index]
	b.shot(fmt.Sprintf("view-%s-ask-%s", v.name, tag))
	b.answerRight(q, press)
	b.waitFor(`window.osarena.round.phase === "explain"`)
	if got := b.round(); got.Correct != 1 {
		b.t.Errorf("%s: answered %v right, but the round counts %d correct", v.name, q.Answer.Values, got.Correct)
	}
	b.shot(fmt.Sprintf("view-%s-answer-%s", v.name, tag))
	if q.Family == quiz.RAIDRebuild { // the next row: the spare holds the rows before it
		press("next")
		b.waitFor(`window.osarena.round.phase === "ask"`)
		b.shot(fmt.Sprintf("view-%s-next-%s", v.name, tag))
	}
	b.click("quit")
	b.waitScene("practice")
	b.click("back")
	b.waitScene("title")
}

// viewsDifficulty is the difficulty the tour plays: 2, or
// OSARENA_VIEWS_DIFFICULTY (1–5) to photograph the larger arrays and
// harder cases of the top levels.
func viewsDifficulty() string {
	if d := os.Getenv("OSARENA_VIEWS_DIFFICULTY"); len(d) == 1 && d >= "1" && d <= "5" {
		return d
	}
	return "2"
}

// answerRight gives q's correct answer through the targets on screen.
func (b *browser) answerRight(q *quiz.Question, press func(string)) {
	b.t.Helper()
	ts := run(b, chromedp.Evaluate[[]target](`window.osarena.targets`))
	byValue := func(v int64) string {
		suffix := "-" + strconv.FormatInt(v, 10)
		if q.Family == quiz.ReplaceVictim {
			return fmt.Sprintf("frame-%d", indexOfValue(q, v))
		}
		for _, t := range ts {
			if strings.HasSuffix(t.Name, suffix) && !strings.HasPrefix(t.Name, "key-") && !strings.HasPrefix(t.Name, "slot-") {
				return t.Name
			}
		}
		b.t.Fatalf("%s: no target for value %d among %v", q.Family, v, ts)
		return ""
	}
	switch q.Answer.Kind {
	case quiz.KindChoice:
		press(byValue(q.Answer.Values[0]))
	case quiz.KindSet:
		for _, v := range q.Answer.Values {
			press(byValue(v))
		}
		press("submit")
	default:
		for i, v := range q.Answer.Values {
			if len(q.Answer.Values) > 1 {
				press(fmt.Sprintf("slot-%d", i))
			}
			if v == quiz.Trap {
				press("key-trap")
				continue
			}
			for _, d := range strconv.FormatInt(v, 10) {
				press("key-" + string(d))
			}
		}
		press("submit")
	}
	time.Sleep(100 * time.Millisecond)
}
