// Package deptest enforces the dependency rules of DESIGN.md §1 with a test,
// the way tailscale's deptest does, instead of by review.
package deptest

import (
	"os/exec"
	"runtime"
	"slices"
	"strings"
	"testing"
)

const module = "github.com/osarena/osarena"

// pkg is one package and what its non-test files import.
type pkg struct {
	path    string
	imports []string
}

// listPackages asks the go command for every package of the module.
func listPackages(t *testing.T) []pkg {
	t.Helper()
	if runtime.GOOS == "js" {
		t.Skip("needs the go command")
	}
	// The browser packages are listed with GOOS=js so that their _js.go
	// files are checked too.
	var out []pkg
	for _, env := range [][]string{nil, {"GOOS=js", "GOARCH=wasm"}} {
		cmd := exec.Command("go", "list", "-e", "-f", "{{.ImportPath}} {{join .Imports \" \"}}", module+"/...")
		cmd.Env = append(cmd.Environ(), env...)
		b, err := cmd.Output()
		if err != nil {
			t.Fatalf("go list: %v", err)
		}
		for _, line := range strings.Split(strings.TrimSpace(string(b)), "\n") {
			f := strings.Fields(line)
			out = append(out, pkg{path: f[0], imports: f[1:]})
		}
	}
	return out
}

func isStd(path string) bool { return !strings.Contains(strings.SplitN(path, "/", 2)[0], ".") }

func under(path, dir string) bool {
	p := module + "/" + dir
	return path == p || strings.HasPrefix(path, p+"/")
}

// simForbiddenStd are standard packages that would make a simulator impure:
// clocks, I/O, the global random source, goroutine machinery.
var simForbiddenStd = []string{"time", "os", "os/exec", "os/signal", "net", "net/http", "math/rand", "syscall", "syscall/js", "unsafe", "sync", "sync/atomic", "log", "runtime", "path/filepath"}

// violations returns one line per import that breaks a rule.
func violations(pkgs []pkg) []string {
	var bad []string
	add := func(p pkg, imp, why string) { bad = append(bad, p.path+" imports "+imp+": "+why) }
	for _, p := range pkgs {
		for _, imp := range p.imports {
			switch {
			case under(p.path, "sim/internal/golden"):
				// Test support: imported by tests only (checked below).
			case under(p.path, "sim"):
				if !isStd(imp) && !under(imp, "sim") {
					add(p, imp, "sim/... imports only the standard library and sim/...")
				}
				if slices.Contains(simForbiddenStd, imp) {
					add(p, imp, "sim/... is pure: no clocks, I/O, global randomness or goroutines")
				}
				if imp == "math/rand/v2" && !under(p.path, "sim/rng") {
					add(p, imp, "randomness comes from sim/rng streams")
				}
				if under(imp, "sim/internal/golden") {
					add(p, imp, "golden is for tests only")
				}
			case under(p.path, "netcode"):
				if !isStd(imp) && !under(imp, "sim") && !strings.HasPrefix(imp, "github.com/vmihailenco/msgpack") && !strings.HasPrefix(imp, "github.com/coder/websocket") {
					add(p, imp, "netcode imports sim/..., msgpack and the websocket library only")
				}
			}
			if under(imp, "game") && !under(p.path, "game") && !under(p.path, "cmd/osarena-web") {
				add(p, imp, "nothing imports game but cmd/osarena-web")
			}
			if strings.HasPrefix(imp, "github.com/hajimehoshi/ebiten") && !under(p.path, "game") && !under(p.path, "cmd/osarena-web") {
				add(p, imp, "only game draws: ebiten stays out of sim, netcode and server")
			}
			if under(p.path, "game") && under(imp, "server") {
				add(p, imp, "the client does not import the server")
			}
		}
	}
	return bad
}

func TestDependencyRules(t *testing.T) {
	pkgs := listPackages(t)
	if len(pkgs) == 0 {
		t.Fatal("go list found no packages")
	}
	for _, v := range violations(pkgs) {
		t.Error(v)
	}
}

// The checker itself must catch what it is for.
func TestViolationsCatchesBreaches(t *testing.T) {
	tests := []struct {
		p    pkg
		want bool
	}{
		{pkg{module + "/sim/replace", []string{"fmt", module + "/sim/field"}}, false},
		{pkg{module + "/sim/replace", []string{"time"}}, true},
		{pkg{module + "/sim/replace", []string{"math/rand/v2"}}, true},
		{pkg{module + "/sim/rng", []string{"math/rand/v2"}}, false},
		{pkg{module + "/sim/quiz", []string{module + "/netcode"}}, true},
		{pkg{module + "/sim/disk", []string{"github.com/vmihailenco/msgpack/v5"}}, true},
		{pkg{module + "/netcode", []string{"github.com/vmihailenco/msgpack/v5", module + "/sim/quiz"}}, false},
		{pkg{module + "/netcode", []string{module + "/server"}}, true},
		{pkg{module + "/server", []string{"github.com/hajimehoshi/ebiten/v2"}}, true},
		{pkg{module + "/server", []string{module + "/game"}}, true},
		{pkg{module + "/cmd/osarena-web", []string{module + "/game"}}, false},
		{pkg{module + "/game", []string{module + "/server/layer"}}, true},
	}
	for _, tt := range tests {
		got := len(violations([]pkg{tt.p})) > 0
		if got != tt.want {
			t.Errorf("violations(%s imports %v) found = %v; want %v", tt.p.path, tt.p.imports, got, tt.want)
		}
	}
}
