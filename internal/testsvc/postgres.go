package testsvc

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"
)

// PGOptions tune StartPostgres.
type PGOptions struct {
	// Fsync keeps PostgreSQL's fsync on (for benchmarks whose numbers
	// should mean something); tests run with fsync=off, which loses
	// nothing when only a client process is killed.
	Fsync bool
}

// Postgres starts a PostgreSQL server and stops it when t ends. Connect to
// DSN(s.Addr, "postgres").
func Postgres(t testing.TB, opt PGOptions) *Server {
	t.Helper()
	s, err := StartPostgres(opt)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(s.Stop)
	return s
}

// DSN is the URL of database db on the server at addr, as the superuser
// "postgres" (trust authentication, loopback only).
func DSN(addr, db string) string {
	return "postgres://postgres@" + addr + "/" + db + "?sslmode=disable"
}

// pgBin finds the directory of Debian's server binaries
// (/usr/lib/postgresql/N/bin, the highest N), or initdb on PATH.
func pgBin() (string, error) {
	dirs, _ := filepath.Glob("/usr/lib/postgresql/*/bin")
	slices.SortFunc(dirs, func(a, b string) int {
		va, _ := strconv.Atoi(filepath.Base(filepath.Dir(a)))
		vb, _ := strconv.Atoi(filepath.Base(filepath.Dir(b)))
		return vb - va
	})
	for _, d := range dirs {
		if _, err := os.Stat(filepath.Join(d, "postgres")); err == nil {
			return d, nil
		}
	}
	if p, err := exec.LookPath("initdb"); err == nil {
		return filepath.Dir(p), nil
	}
	return "", errors.New("testsvc: PostgreSQL server binaries not found (/usr/lib/postgresql/*/bin/postgres): install the Debian package postgresql (apt-get install postgresql, or make deps)")
}

// pgUser is who runs PostgreSQL: this process, or, as root (which
// PostgreSQL refuses), the "postgres" user or else "nobody".
func pgUser() (*syscall.Credential, error) {
	if os.Geteuid() != 0 {
		return nil, nil
	}
	for _, name := range []string{"postgres", "nobody"} {
		u, err := user.Lookup(name)
		if err != nil {
			continue
		}
		uid, err1 := strconv.ParseUint(u.Uid, 10, 32)
		gid, err2 := strconv.ParseUint(u.Gid, 10, 32)
		if err1 == nil && err2 == nil {
			return &syscall.Credential{Uid: uint32(uid), Gid: uint32(gid)}, nil
		}
	}
	return nil, errors.New("testsvc: running as root and there is no postgres or nobody user to run PostgreSQL as")
}

// StartPostgres makes a new cluster with initdb and starts it; the caller
// stops it.
func StartPostgres(opt PGOptions) (*Server, error) {
	bin, err := pgBin()
	if err != nil {
		return nil, err
	}
	cred, err := pgUser()
	if err != nil {
		return nil, err
	}
	base := "" // os.TempDir()
	if cred != nil {
		base = "/tmp" // $TMPDIR may sit in a directory that the postgres user cannot enter
	}
	dir, err := os.MkdirTemp(base, "osarena-pg-")
	if err != nil {
		return nil, err
	}
	fail := func(err error) (*Server, error) {
		os.RemoveAll(dir)
		return nil, fmt.Errorf("testsvc: start PostgreSQL: %w", err)
	}
	if cred != nil {
		if err := os.Chown(dir, int(cred.Uid), int(cred.Gid)); err != nil {
			return fail(err)
		}
	}
	data := filepath.Join(dir, "data")
	env := []string{"LC_ALL=C", "PATH=" + os.Getenv("PATH"), "HOME=" + dir}
	initdb := exec.Command(filepath.Join(bin, "initdb"), "-D", data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-locale", "-N")
	initdb.Dir, initdb.Env = dir, env
	initdb.SysProcAttr = procAttr(cred)
	if out, err := initdb.CombinedOutput(); err != nil {
		return fail(fmt.Errorf("initdb: %w\n%s", err, out))
	}
	fsync := "off"
	if opt.Fsync {
		fsync = "on"
	}
	var log strings.Builder
	s, err := start(dir, cred, func(port int) []string {
		return []string{filepath.Join(bin, "postgres"), "-D", data, "-p", strconv.Itoa(port), "-h", "127.0.0.1",
			"-k", dir, "-c", "fsync=" + fsync, "-c", "max_connections=200"}
	}, func(addr string) error {
		_, port, _ := strings.Cut(addr, ":")
		out, err := exec.Command(filepath.Join(bin, "pg_isready"), "-q", "-h", "127.0.0.1", "-p", port, "-U", "postgres").CombinedOutput()
		if err != nil {
			return fmt.Errorf("pg_isready: %w %s", err, out)
		}
		return nil
	}, &log)
	if err != nil {
		return fail(err)
	}
	return s, nil
}
