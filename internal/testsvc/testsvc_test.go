package testsvc

import (
	"os"
	"os/exec"
	"strings"
	"testing"
)

// The servers start, answer, and leave nothing behind once stopped.
func TestServersStartAndStop(t *testing.T) {
	tests := []struct {
		name  string
		start func() (*Server, error)
	}{
		{"redis", StartRedis},
		{"postgres", func() (*Server, error) { return StartPostgres(PGOptions{}) }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := tt.start()
			if err != nil {
				t.Fatal(err)
			}
			if !strings.HasPrefix(s.Addr, "127.0.0.1:") {
				t.Errorf("Addr = %q; want a 127.0.0.1 address", s.Addr)
			}
			if err := dial(s.Addr); err != nil {
				t.Errorf("dial %s: %v", s.Addr, err)
			}
			s.Stop()
			s.Stop()
			if err := dial(s.Addr); err == nil {
				t.Errorf("%s still accepts connections after Stop", s.Addr)
			}
			if _, err := os.Stat(s.dir); !os.IsNotExist(err) {
				t.Errorf("directory %s after Stop: %v; want it removed", s.dir, err)
			}
		})
	}
}

// psql, where installed, can reach the test cluster as postgres.
func TestPostgresAcceptsQueries(t *testing.T) {
	s := Postgres(t, PGOptions{})
	bin, err := pgBin()
	if err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(bin+"/psql", "-At", "-c", "SELECT 40 + 2", DSN(s.Addr, "postgres")).CombinedOutput()
	if err != nil {
		t.Fatalf("psql: %v\n%s", err, out)
	}
	if got := strings.TrimSpace(string(out)); got != "42" {
		t.Errorf("SELECT 40 + 2 = %q; want 42", got)
	}
}
