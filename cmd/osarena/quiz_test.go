package main

import (
	"strings"
	"testing"
)

func TestQuizCommand(t *testing.T) {
	args := []string{"quiz", "--topics", "replace", "--count", "5", "--seed", "11", "--difficulty", "3"}
	code, out, stderr := runCLI(args, "1\n1\n1\n1\n1\n")
	if code != 0 {
		t.Fatalf("osarena %v: exit %d: %s", args, code, stderr)
	}
	for _, want := range []string{"Question 1 of 5", "Question 5 of 5", "Score: ", "Page replacement: ", "Replay this set with --seed 11"} {
		if !strings.Contains(out, want) {
			t.Errorf("osarena %v output lacks %q:\n%s", args, want, out)
		}
	}
	if _, again, _ := runCLI(args, "1\n1\n1\n1\n1\n"); again != out {
		t.Errorf("osarena %v printed different sets for the same seed", args)
	}
	// Input that ends early still prints the score of what was answered.
	_, short, _ := runCLI(args, "1\n")
	if !strings.Contains(short, "of 1 right") {
		t.Errorf("osarena %v with one answer: want a score of 1 question, got:\n%s", args, short)
	}
	ko, kout, _ := runCLI([]string{"quiz", "--topics", "replace", "--count", "1", "--seed", "3", "--lang", "ko"}, "\n")
	if ko != 0 || !strings.Contains(kout, "페이지 교체") || !strings.Contains(kout, "점수: 0점, 1문제 중 0문제 정답") {
		t.Errorf("osarena quiz --lang ko: exit %d, output:\n%s", ko, kout)
	}
}

func TestQuizCommandErrors(t *testing.T) {
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"quiz", "--lang", "fr"}, "--lang must be en or ko"},
		{[]string{"quiz", "--difficulty", "9"}, "--difficulty must be between 1 and 5"},
		{[]string{"quiz", "--count", "0"}, "--count must be between 1 and 1000"},
		{[]string{"quiz", "--topics", "astrology"}, "--topics names no topic"},
	}
	for _, tt := range tests {
		code, _, stderr := runCLI(tt.args, "")
		if code != 2 || !strings.Contains(stderr, tt.want) {
			t.Errorf("osarena %v: exit %d, stderr %q; want 2 and %q", tt.args, code, stderr, tt.want)
		}
	}
}
