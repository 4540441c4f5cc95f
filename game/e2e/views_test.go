//go:build !js

package e2e

import (
	"encoding/json"
	"fmt"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/osarena/osarena/sim/fs"
	"github.com/osarena/osarena/sim/quiz"
)

// view is one picture to play and photograph: the title card, the
// practice chip of the family, and the name the screenshots get; a view
// may ask for a difficulty (2 when 0) and a kind of question (rounds are
// started again until one comes up).
type view struct {
	card, family, name string
	difficulty         int
	want               func(*quiz.Question) bool
}

// views lists a family of every picture.
var views = []view{
	{"disk", "family-next", "disk-next", 0, nil},
	{"disk", "family-movement", "disk-movement", 0, nil},
	{"raid", "family-write", "raid-write", 0, nil},
	{"raid", "family-parity", "raid-parity", 0, nil},
	{"raid", "family-degraded", "raid-degraded", 0, nil},
	{"raid", "family-rebuild", "raid-rebuild", 0, nil},
	{"paging", "family-translate", "paging-translate", 0, nil},
	{"paging", "family-split", "paging-split", 0, nil},
	{"paging", "family-hitmiss", "tlb-hitmiss", 0, nil},
	{"paging", "family-compute", "eat-compute", 0, nil},
	{"malloc", "family-fit", "malloc-fit", 0, nil},
	{"malloc", "family-compact", "malloc-compact", 0, nil},
	{"malloc", "family-translate", "relocation", 0, nil},
	{"malloc", "family-segment-translate", "segment", 0, nil},
	{"paging", "family-pagewalk-translate", "pagewalk", 0, nil},
	{"replace", "family-at", "wset-at", 0, nil},
	{"replace", "family-belady", "replace-belady", 0, nil},
	{"replace", "family-faults", "replace-faults", 0, nil},
	{"fileblock", "family-block", "fileblock-block", 0, nil},
	{"fileblock", "family-reads", "fileblock-reads", 0, nil},
	{"fileblock", "family-block", "fileblock-fat", 2, fileScheme(fs.FAT, 0)},
	{"fileblock", "family-reads", "fileblock-inode-reads", 3, fileScheme(fs.InodeAlloc, 1)},
	{"fileblock", "family-block", "fileblock-inode-block", 5, fileScheme(fs.InodeAlloc, 2)},
	{"fileblock", "family-bitmap", "freespace-bitmap", 0, nil},
}

// phoneViews are played on a phone in TestBrowser: a number answer typed
// on the keypad and a set answer, all tapped.
var phoneViews = []view{
	{"disk", "family-movement", "disk-movement", 0, nil},
	{"paging", "family-translate", "paging-translate", 0, nil},
	{"raid", "family-write", "raid-write", 0, nil},
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
	b.click("difficulty-" + viewsDifficulty(v.difficulty))
	var q *quiz.Question
	for try := 0; ; try++ {
		b.click("start")
		b.waitScene("round")
		b.waitFor(`window.osarena.round && window.osarena.round.phase === "ask"`)
		r := b.round()
		qs, err := quiz.Chain(quiz.Family(r.Family), r.Seed, r.Difficulty, r.Count)
		if err != nil {
			b.t.Fatalf("quiz.Chain(%s, %d): %v", r.Family, r.Seed, err)
		}
		if q = qs[r.Index]; v.want == nil || v.want(q) {
			break
		}
		if try == 40 {
			b.t.Fatalf("%s: no wanted question in %d rounds", v.name, try+1)
		}
		b.click("quit")
		b.waitScene("practice")
		time.Sleep(20 * time.Millisecond) // the next round gets another seed
	}
	b.shot(fmt.Sprintf("view-%s-ask-%s", v.name, tag))
	b.answerRight(q, press)
	if v.want != nil { // the reveal's animation, caught part way
		b.shot(fmt.Sprintf("view-%s-reveal-%s", v.name, tag))
	}
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

// fileScheme wants a fileblock question on scheme whose offset goes
// through at least level indirect blocks (an inode's).
func fileScheme(scheme string, level int) func(*quiz.Question) bool {
	return func(q *quiz.Question) bool {
		var c fs.FileBlockConfig
		if json.Unmarshal(q.Scenario, &c) != nil || c.Scheme != scheme {
			return false
		}
		tr, err := fs.RunFileBlock(c)
		return err == nil && q.Step < len(tr.Lookups) && tr.Lookups[q.Step].Level >= level
	}
}

// viewsDifficulty is the difficulty the tour plays: OSARENA_VIEWS_DIFFICULTY
// (1–5) to photograph the larger arrays and harder cases of the top
// levels, else the view's own (at least 2).
func viewsDifficulty(own int) string {
	if d := os.Getenv("OSARENA_VIEWS_DIFFICULTY"); len(d) == 1 && d >= "1" && d <= "5" {
		return d
	}
	return strconv.Itoa(max(2, own))
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
