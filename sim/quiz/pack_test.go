package quiz

import (
	"strings"
	"testing"
)

func TestBuiltinPacks(t *testing.T) {
	names := BuiltinPacks()
	if len(names) == 0 {
		t.Fatal("no built-in packs")
	}
	for _, n := range names {
		p, qs, err := BuiltinPack(n)
		if err != nil {
			t.Fatalf("BuiltinPack(%s): %v", n, err)
		}
		if len(qs) != len(p.Questions) {
			t.Fatalf("BuiltinPack(%s): %d questions built of %d", n, len(qs), len(p.Questions))
		}
		for _, q := range qs {
			checkQuestion(t, q)
		}
	}
}

func TestBadPacks(t *testing.T) {
	const sc = `{"kind":"replace","policy":"fifo","frames":3,"refs":[7,0,1,2,0,3,0,4,2,3,0,3,2,1,2,0,1,7,0,1]}`
	const title = `"title":{"en":"T","ko":"제목"}`
	tests := []struct {
		name, pack, want string
	}{
		{"unknown family", `{"name":"p",` + title + `,"questions":[{"family":"replace.nope","scenario":` + sc + `,"step":0}]}`, `questions[0].family "replace.nope" is not a question family`},
		{"wrong answer", `{"name":"p",` + title + `,"questions":[{"family":"replace.faults","scenario":` + sc + `,"step":0,"answer":[14]}]}`, "questions[0].answer [14] disagrees with the simulator, which answers [15]"},
		{"no victim at step", `{"name":"p",` + title + `,"questions":[{"family":"replace.victim","scenario":` + sc + `,"step":4}]}`, "questions[0].step 4: that reference evicts nothing"},
		{"missing translation", `{"name":"p","title":{"en":"T"},"questions":[{"family":"replace.faults","scenario":` + sc + `,"step":0}]}`, "title.ko is missing"},
		{"bad scenario", `{"name":"p",` + title + `,"questions":[{"family":"replace.faults","scenario":{"kind":"replace","policy":"fifo","frames":0,"refs":[1]},"step":0}]}`, "questions[1]"},
		{"kind mismatch", `{"name":"p",` + title + `,"questions":[{"family":"replace.faults","scenario":{"kind":"belady","policy":"fifo","refs":[1]},"step":0}]}`, `questions[0].scenario.kind must be "replace" for replace.faults`},
		{"no questions", `{"name":"p",` + title + `,"questions":[]}`, "questions must have between 1 and 500 elements"},
		{"unknown field", `{"name":"p",` + title + `,"questions":[],"extra":1}`, `unknown field "extra"`},
	}
	tests[4].want = "questions[0].scenario.frames must be between 1 and 64"
	for _, tt := range tests {
		_, _, err := LoadPack([]byte(tt.pack))
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: LoadPack error = %v; want it to contain %q", tt.name, err, tt.want)
		}
	}
}
