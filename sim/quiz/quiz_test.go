package quiz

import (
	"encoding/json"
	"maps"
	"reflect"
	"runtime"
	"slices"
	"strings"
	"testing"

	"github.com/osarena/osarena/sim/scenario"
)

func TestCatalogsMatch(t *testing.T) {
	en, ko := catalogs[English], catalogs[Korean]
	for _, cat := range []map[string]string{en, ko} {
		for k := range cat {
			if strings.HasPrefix(k, "⟦duplicate⟧") {
				t.Errorf("message %q is defined twice", strings.TrimPrefix(k, "⟦duplicate⟧"))
			}
		}
	}
	for _, k := range slices.Sorted(maps.Keys(en)) {
		kt, ok := ko[k]
		if !ok {
			t.Errorf("message %q is in English but not in Korean", k)
			continue
		}
		if a, b := placeholders(en[k]), placeholders(kt); !slices.Equal(a, b) {
			t.Errorf("message %q: English placeholders %v, Korean %v; want the same", k, a, b)
		}
	}
	for _, k := range slices.Sorted(maps.Keys(ko)) {
		if _, ok := en[k]; !ok {
			t.Errorf("message %q is in Korean but not in English", k)
		}
	}
}

func TestRender(t *testing.T) {
	tests := []struct {
		text Text
		lang Lang
		want string
	}{
		{T("choice.page", "page", "7", "frame", "2"), English, "Page 7 (frame 2)"},
		{T("choice.page", "page", "7", "frame", "2"), Korean, "페이지 7 (프레임 2)"},
		{T("replace.faults.why.policy", "policy", Term("policy.fifo"), "other", Term("policy.opt")), English, "That is the count for OPT, not FIFO."},
		{T("replace.faults.why.policy", "policy", Term("policy.fifo"), "other", Term("policy.opt")), Korean, "그것은 FIFO가 아니라 OPT(최적)의 횟수입니다."},
		{T("no.such.key"), English, "⟦no.such.key⟧"},
		{T("replace.hitfault.why.never", "page", "3"), Korean, "페이지 3은 아직 한 번도 참조되지 않았으므로 메모리에 있을 수 없습니다."},
		{T("replace.hitfault.why.never", "page", "2"), Korean, "페이지 2는 아직 한 번도 참조되지 않았으므로 메모리에 있을 수 없습니다."},
		{T("replace.faults.why.policy", "policy", Term("policy.opt"), "other", Term("policy.eclock")), Korean, "그것은 OPT(최적)가 아니라 개선된 클록의 횟수입니다."},
		{T("choice.page", "page", "7"), English, "Page 7 (frame {frame})"},
	}
	for _, tt := range tests {
		if got := tt.text.Render(tt.lang); got != tt.want {
			t.Errorf("%+v.Render(%s) = %q; want %q", tt.text, tt.lang, got, tt.want)
		}
	}
}

// checkRendered fails when a text does not render cleanly in every language.
func checkRendered(t *testing.T, what string, x Text) {
	t.Helper()
	if x.IsZero() {
		return
	}
	for _, l := range Langs {
		s := x.Render(l)
		if strings.ContainsAny(s, "{}⟦") || strings.Contains(s, "@") {
			t.Fatalf("%s renders badly in %s: %q (from %+v)", what, l, s, x)
		}
	}
}

// questionsPer is how many questions per family and difficulty the sweep
// checks: the 10 000 natively, fewer under wasm, where the same code
// is much slower and the golden test already pins cross-platform equality.
func questionsPer() int {
	if runtime.GOOS == "js" || testing.Short() {
		return 300
	}
	return 10_000
}

// Every family generates questions at every difficulty; the stored answer
// earns full marks, every distractor does not, every text renders in both
// languages, the scenario runs, and generation is deterministic.
func TestEveryFamilyGenerates(t *testing.T) {
	n := questionsPer()
	for _, fam := range Families() {
		t.Run(string(fam), func(t *testing.T) {
			t.Parallel()
			for d := MinDifficulty; d <= MaxDifficulty; d++ {
				for seed := range uint64(n) {
					q, err := Generate(fam, seed, d)
					if err != nil {
						t.Fatalf("Generate(%s, %d, %d): %v", fam, seed, d, err)
					}
					checkQuestion(t, q)
					if seed%997 == 0 {
						again, _ := Generate(fam, seed, d)
						if !reflect.DeepEqual(q, again) {
							t.Fatalf("Generate(%s, %d, %d) differs between two calls", fam, seed, d)
						}
					}
				}
			}
		})
	}
}

func checkQuestion(t *testing.T, q *Question) {
	t.Helper()
	id := string(q.Family) + " seed " + itoa(int(q.Seed)) + " difficulty " + itoa(q.Difficulty)
	if g := q.Grade(q.Answer.Values); !g.Correct() {
		t.Fatalf("%s: the stored answer %v grades %d; want full credit", id, q.Answer.Values, g.Credit)
	}
	for _, c := range q.Choices {
		g := q.Grade([]int64{c.Value})
		right := slices.Contains(q.Answer.Values, c.Value)
		if g.Correct() != right {
			t.Fatalf("%s: choice %d grades %d; answer is %v", id, c.Value, g.Credit, q.Answer.Values)
		}
		if !right && c.Why.IsZero() {
			t.Fatalf("%s: wrong choice %d has no explanation", id, c.Value)
		}
		checkRendered(t, id+" choice label", c.Label)
		checkRendered(t, id+" choice why", c.Why)
	}
	if q.Answer.Kind == KindChoice && len(q.Choices) < 2 {
		t.Fatalf("%s: a choice question with %d choices", id, len(q.Choices))
	}
	for _, m := range q.Wrong {
		if q.Grade([]int64{m.Value}).Correct() {
			t.Fatalf("%s: misconception value %d grades as correct", id, m.Value)
		}
		checkRendered(t, id+" misconception", m.Why)
	}
	checkRendered(t, id+" prompt", q.Prompt)
	checkRendered(t, id+" explanation", q.Explanation)
	if _, err := scenario.Run(q.Scenario); err != nil {
		t.Fatalf("%s: scenario %s does not run: %v", id, q.Scenario, err)
	}
	if _, err := json.Marshal(q); err != nil {
		t.Fatalf("%s: %v", id, err)
	}
}

func TestChain(t *testing.T) {
	qs, err := Chain(ReplaceVictim, 42, 2, 5)
	if err != nil {
		t.Fatal(err)
	}
	if len(qs) < 3 {
		t.Fatalf("Chain(victim, 42, 2, 5) gave %d questions; want at least 3", len(qs))
	}
	for i := 1; i < len(qs); i++ {
		if string(qs[i].Scenario) != string(qs[0].Scenario) {
			t.Fatalf("chain question %d has another scenario", i)
		}
		if qs[i].Step <= qs[i-1].Step {
			t.Fatalf("chain steps %d then %d; want increasing", qs[i-1].Step, qs[i].Step)
		}
	}
}

func TestGenerateErrors(t *testing.T) {
	if _, err := Generate("replace.nothing", 1, 1); err == nil || !strings.Contains(err.Error(), "unknown family") {
		t.Errorf("Generate(unknown family) error = %v; want unknown family", err)
	}
	for _, d := range []int{0, 6} {
		if _, err := Generate(ReplaceVictim, 1, d); err == nil || err.Error() != "difficulty must be between 1 and 5" {
			t.Errorf("Generate(difficulty %d) error = %v; want the range", d, err)
		}
	}
}

func TestParticles(t *testing.T) {
	tests := []struct{ word, p, want string }{
		{"3", "를", "을"}, {"2", "을", "를"}, {"10", "가", "이"}, {"5", "이", "가"},
		{"OPT(최적)", "가", "가"}, {"클록(2차 기회)", "는", "은"}, {"개선된 클록", "가", "이"}, {"FIFO", "는", "는"}, {"LRU", "은", "는"},
		{"Page", "를", "를"}, {"MFU", "가", "가"}, {"3", "로", "으로"}, {"1", "으로", "로"}, {"2", "로", "로"}, {"서울", "으로", "로"}, {"집", "로", "으로"}, {"7", "와", "과"},
	}
	for _, tt := range tests {
		if got := particle(tt.word, tt.p); got != tt.want {
			t.Errorf("particle(%q, %q) = %q; want %q", tt.word, tt.p, got, tt.want)
		}
	}
}

func TestGradeSetWhy(t *testing.T) {
	why := T("choice.no")
	q := &Question{Answer: Answer{Kind: KindSet, Values: []int64{0, 2}}, Wrong: []Misconception{{Value: 3, Why: why}}}
	if g := q.Grade([]int64{0, 3}); g.Why.Key != why.Key {
		t.Errorf("Grade(set with misconceived value 3).Why = %+v; want %+v", g.Why, why)
	}
	if g := q.Grade([]int64{0, 2}); !g.Why.IsZero() {
		t.Errorf("Grade(right set).Why = %+v; want none", g.Why)
	}
}
