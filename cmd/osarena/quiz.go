package main

import (
	"bufio"
	"flag"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/osarena/osarena/sim/quiz"
	"github.com/osarena/osarena/sim/replace"
	"github.com/osarena/osarena/sim/rng"
	"github.com/osarena/osarena/sim/scenario"
)

// uiText holds the few words of the terminal quiz itself; questions bring
// their own text in both languages.
var uiText = map[quiz.Lang]map[string]string{
	quiz.English: {
		"question": "Question %d of %d (%s, difficulty %d)",
		"answer":   "Your answer: ",
		"correct":  "Correct! +%d points",
		"partly":   "Partly right: +%d points",
		"wrong":    "Not quite. The answer is %s.",
		"summary":  "Score: %[1]d points, %[3]d of %[2]d right",
		"replay":   "Replay this set with --seed %d",
		"choice":   "(type 1–%d)",
		"number":   "(type a number)",
		"values":   "(type %d values separated by spaces)",
		"trap":     "trap",
		"state":    "Frames just before this reference:",
	},
	quiz.Korean: {
		"question": "문제 %d / %d (%s, 난이도 %d)",
		"answer":   "답: ",
		"correct":  "정답! +%d점",
		"partly":   "부분 정답: +%d점",
		"wrong":    "아쉽습니다. 정답: %s",
		"summary":  "점수: %[1]d점, %[2]d문제 중 %[3]d문제 정답",
		"replay":   "같은 문제를 다시 풀려면 --seed %d",
		"choice":   "(1–%d 중 하나를 입력하세요)",
		"number":   "(숫자를 입력하세요)",
		"values":   "(값 %d개를 공백으로 구분해 입력하세요)",
		"trap":     "트랩",
		"state":    "이 참조 직전의 프레임:",
	},
}

func runQuiz(args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("quiz", flag.ContinueOnError)
	fs.SetOutput(stderr)
	topics := fs.String("topics", "", "comma-separated `topics` to practise (default all): "+joinTopics())
	difficulty := fs.Int("difficulty", 2, "difficulty from 1 to 5")
	count := fs.Int("count", 10, "number of questions")
	lang := fs.String("lang", "en", "language: en or ko")
	seed := fs.Uint64("seed", 0, "seed of the question set (default: from the clock); the same seed replays the same set")
	if err := fs.Parse(args); err != nil {
		if err == flag.ErrHelp {
			return err
		}
		return usageError{err.Error()}
	}
	l := quiz.Lang(*lang)
	if !slices.Contains(quiz.Langs, l) {
		return usageError{"--lang must be en or ko"}
	}
	if *difficulty < quiz.MinDifficulty || *difficulty > quiz.MaxDifficulty {
		return usageError{"--difficulty must be between 1 and 5"}
	}
	if *count < 1 || *count > 1000 {
		return usageError{"--count must be between 1 and 1000"}
	}
	var families []quiz.Family
	for _, t := range quiz.Topics() {
		if *topics == "" || slices.Contains(strings.Split(*topics, ","), string(t)) {
			families = append(families, quiz.FamiliesOf(t)...)
		}
	}
	if len(families) == 0 {
		return usageError{"--topics names no topic; topics: " + joinTopics()}
	}
	if *seed == 0 {
		*seed = uint64(time.Now().UnixNano())
	}
	return practise(bufio.NewScanner(stdin), stdout, l, families, *difficulty, *count, *seed)
}

func joinTopics() string {
	var s []string
	for _, t := range quiz.Topics() {
		s = append(s, string(t))
	}
	return strings.Join(s, ", ")
}

// tally counts one topic's answers.
type tally struct{ right, asked int }

// practise asks count questions drawn from families and prints the score
// per topic at the end (also when the input ends early).
func practise(in *bufio.Scanner, out io.Writer, l quiz.Lang, families []quiz.Family, difficulty, count int, seed uint64) error {
	ui := uiText[l]
	pick := rng.New(seed, rng.StreamChoices)
	perTopic := map[quiz.Topic]*tally{}
	var order []quiz.Topic
	score, right, asked, streak := 0, 0, 0, 0
	for i := range count {
		q, err := quiz.Generate(families[pick.IntN(len(families))], seed+uint64(i), difficulty)
		if err != nil {
			return err
		}
		fmt.Fprintf(out, "\n"+ui["question"]+"\n", i+1, count, quiz.T("topic."+string(q.Topic)).Render(l), difficulty)
		showScenario(out, q, ui)
		fmt.Fprintln(out, q.Prompt.Render(l))
		for n, c := range q.Choices {
			fmt.Fprintf(out, "  %d) %s\n", n+1, c.Label.Render(l))
		}
		switch q.Answer.Kind {
		case quiz.KindChoice:
			fmt.Fprintf(out, ui["choice"]+"\n", len(q.Choices))
		case quiz.KindNumber:
			fmt.Fprintln(out, ui["number"])
		default:
			fmt.Fprintf(out, ui["values"]+"\n", len(q.Answer.Values))
		}
		fmt.Fprint(out, ui["answer"])
		if !in.Scan() {
			fmt.Fprintln(out)
			break
		}
		g := q.Grade(parseResponse(in.Text(), q))
		pts, s := quiz.Points(g, 0, 0, false, streak)
		streak, score, asked = s, score+pts, asked+1
		if perTopic[q.Topic] == nil {
			perTopic[q.Topic] = &tally{}
			order = append(order, q.Topic)
		}
		perTopic[q.Topic].asked++
		switch {
		case g.Correct():
			right++
			perTopic[q.Topic].right++
			fmt.Fprintf(out, ui["correct"]+"\n", pts)
		case g.Credit > 0:
			fmt.Fprintf(out, ui["partly"]+"\n", pts)
		default:
			fmt.Fprintf(out, ui["wrong"]+"\n", formatAnswer(q, l, ui))
			if !g.Why.IsZero() {
				fmt.Fprintln(out, g.Why.Render(l))
			}
		}
		fmt.Fprintln(out, q.Explanation.Render(l))
	}
	fmt.Fprintf(out, "\n"+ui["summary"]+"\n", score, asked, right)
	for _, t := range order {
		fmt.Fprintf(out, "  %s: %d/%d\n", quiz.T("topic."+string(t)).Render(l), perTopic[t].right, perTopic[t].asked)
	}
	fmt.Fprintf(out, ui["replay"]+"\n", seed)
	return nil
}

// showScenario prints what the question is about: the scenario's inputs
// and, for page replacement, the frames as they stand before the step.
func showScenario(out io.Writer, q *quiz.Question, ui map[string]string) {
	fmt.Fprintf(out, "%s\n", q.Scenario)
	res, err := scenario.Run(q.Scenario)
	if err != nil {
		return
	}
	tr, ok := res.(*replace.Trace)
	if !ok || q.Step == 0 || q.Family == quiz.ReplaceFaults {
		return
	}
	partial := *tr
	partial.Steps = tr.Steps[:q.Step]
	var b strings.Builder
	if partial.WriteTable(&b) != nil {
		return
	}
	fmt.Fprintln(out, ui["state"])
	for _, line := range strings.Split(b.String(), "\n") {
		if strings.HasPrefix(line, "ref") || strings.HasPrefix(line, "frame") {
			fmt.Fprintln(out, line)
		}
	}
}

// parseResponse reads an answer: a choice's number (1..n) or value, a
// number, "trap", or several values separated by spaces or commas. Anything
// unreadable is an empty response, graded as no answer.
func parseResponse(s string, q *quiz.Question) []int64 {
	var vals []int64
	for _, f := range strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == ',' }) {
		if strings.EqualFold(f, "trap") || f == "트랩" {
			vals = append(vals, quiz.Trap)
			continue
		}
		v, err := strconv.ParseInt(f, 10, 64)
		if err != nil {
			return nil
		}
		vals = append(vals, v)
	}
	if q.Answer.Kind == quiz.KindChoice && len(vals) == 1 && !slices.ContainsFunc(q.Choices, func(c quiz.Choice) bool { return c.Value == vals[0] }) {
		if n := vals[0]; n >= 1 && int(n) <= len(q.Choices) {
			return []int64{q.Choices[n-1].Value}
		}
	}
	return vals
}

// formatAnswer shows the answer as the player saw it: a choice's label, or
// the values.
func formatAnswer(q *quiz.Question, l quiz.Lang, ui map[string]string) string {
	if q.Answer.Kind == quiz.KindChoice {
		for _, c := range q.Choices {
			if c.Value == q.Answer.Values[0] {
				return c.Label.Render(l)
			}
		}
	}
	vs := q.Answer.Values
	parts := make([]string, len(vs))
	for i, v := range vs {
		if v == quiz.Trap {
			parts[i] = ui["trap"]
		} else {
			parts[i] = strconv.FormatInt(v, 10)
		}
	}
	return strings.Join(parts, " ")
}
