package main

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/osarena/osarena/sim/scenario"
)

func runCLI(args []string, stdin string) (code int, stdout, stderr string) {
	var out, errb bytes.Buffer
	code = run(args, strings.NewReader(stdin), &out, &errb)
	return code, out.String(), errb.String()
}

func TestSimExitCodes(t *testing.T) {
	tests := []struct {
		name     string
		args     []string
		stdin    string
		code     int
		inStderr string
	}{
		{"json from stdin", []string{"sim"}, `{"kind":"replace","policy":"fifo","frames":1,"refs":[1]}`, 0, ""},
		{"table from stdin", []string{"sim", "-", "--format", "table"}, `{"kind":"replace","policy":"lru","frames":1,"refs":[1]}`, 0, ""},
		{"bad field", []string{"sim"}, `{"kind":"replace","policy":"fifo","frames":65,"refs":[1]}`, 2, "frames must be between 1 and 64"},
		{"unknown kind", []string{"sim"}, `{"kind":"quantum"}`, 2, "kind must be one of"},
		{"not json", []string{"sim"}, `{"kind":`, 2, "scenario"},
		{"binary junk", []string{"sim"}, "\x00\xff\xfe", 2, "scenario is not valid JSON"},
		{"bad format", []string{"sim", "--format", "xml"}, `{}`, 2, "--format must be json or table"},
		{"missing file", []string{"sim", "does-not-exist.json"}, ``, 2, "does-not-exist.json"},
		{"two files", []string{"sim", "a", "b"}, ``, 2, "takes one scenario file"},
		{"unknown command", []string{"simulate"}, ``, 2, "unknown command"},
		{"no command", nil, ``, 2, "usage"},
		{"help", []string{"help"}, ``, 0, "usage"},
		{"version", []string{"version"}, ``, 0, ""},
	}
	for _, tt := range tests {
		code, _, stderr := runCLI(tt.args, tt.stdin)
		if code != tt.code || !strings.Contains(stderr, tt.inStderr) {
			t.Errorf("%s: osarena %v → exit %d, stderr %q; want exit %d, stderr containing %q", tt.name, tt.args, code, stderr, tt.code, tt.inStderr)
		}
		if tt.code == 2 && strings.Count(stderr, "\n") != 1 && tt.name != "no command" {
			t.Errorf("%s: stderr %q; want exactly one line", tt.name, stderr)
		}
	}
}

// Every example runs, and every scenario kind has at least one example.
func TestExamplesCoverEveryKind(t *testing.T) {
	paths, err := filepath.Glob("../../examples/*.json")
	if err != nil {
		t.Fatal(err)
	}
	covered := map[string]bool{}
	for _, p := range paths {
		code, _, stderr := runCLI([]string{"sim", p, "--format", "table"}, "")
		if code != 0 {
			t.Errorf("osarena sim %s: exit %d: %s", p, code, stderr)
		}
		name := strings.TrimSuffix(filepath.Base(p), ".json")
		for _, k := range scenario.Kinds() {
			if name == k || strings.HasPrefix(name, k+"-") {
				covered[k] = true
			}
		}
	}
	for _, k := range scenario.Kinds() {
		if !covered[k] {
			t.Errorf("scenario kind %q has no examples/%s*.json", k, k)
		}
	}
}

// The README's worked examples must print exactly what the program prints,
// and every kind must have one there.
func TestREADMEExamples(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	block := regexp.MustCompile("(?s)```text\n\\$ osarena sim (\\S+) --format table\n(.*?)```")
	shown := map[string]bool{}
	for _, m := range block.FindAllStringSubmatch(string(readme), -1) {
		path, want := m[1], m[2]
		code, got, stderr := runCLI([]string{"sim", filepath.Join("../..", path), "--format", "table"}, "")
		if code != 0 {
			t.Errorf("README example %s: exit %d: %s", path, code, stderr)
			continue
		}
		if got != want {
			t.Errorf("README example %s shows:\n%s\nbut the program prints:\n%s", path, want, got)
		}
		name := strings.TrimSuffix(filepath.Base(path), ".json")
		for _, k := range scenario.Kinds() {
			if name == k || strings.HasPrefix(name, k+"-") {
				shown[k] = true
			}
		}
	}
	for _, k := range scenario.Kinds() {
		if !shown[k] {
			t.Errorf("README.md has no worked example for scenario kind %q", k)
		}
	}
}
