package fs

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/osarena/osarena/sim/field"
	"github.com/osarena/osarena/sim/internal/golden"
	"github.com/osarena/osarena/sim/rng"
)

func TestHash(t *testing.T) {
	tests := []struct {
		rule, name string
		want       uint32
	}{
		{HashSum, "a.c", 242},
		{HashSum, "main.go", 681},
		{HashPoly31, "ab", 97*31 + 98},
		{HashPoly31, "hello", 99162322}, // Java "hello".hashCode()
		{HashFNV1a, "", 2166136261},
		{HashFNV1a, "a", 0xe40c292c},
		{HashFNV1a, "foobar", 0xbf9cf968},
	}
	for _, tc := range tests {
		if got := Hash(tc.rule, tc.name); got != tc.want {
			t.Errorf("Hash(%s, %q) = %d; want %d", tc.rule, tc.name, got, tc.want)
		}
	}
}

// TestDirLookups pins the probes of the worked example under each method.
func TestDirLookups(t *testing.T) {
	files := []string{"a.c", "b.c", "ab", "ba", "main.go", "notes.txt"}
	lookups := []string{"ba", "main.go", "zz", "c.c"}
	tests := []struct {
		c          DirConfig
		probes     []int
		position   []int
		collisions int
	}{
		{DirConfig{Method: LinearDir}, []int{4, 5, 6, 6}, []int{3, 4, -1, -1}, 0},
		{DirConfig{Method: HashDir, TableSize: 8}, []int{3, 1, 0, 0}, []int{2, 0, -1, -1}, 2},
		{DirConfig{Method: HashDir, TableSize: 8, Rules: DirRules{Collision: LinearProbing}}, []int{3, 1, 3, 3}, []int{5, 1, -1, -1}, 2},
		{DirConfig{Method: HashDir, TableSize: 6, Rules: DirRules{Collision: LinearProbing}}, []int{3, 4, 6, 6}, []int{5, 0, -1, -1}, 4},
	}
	for _, tc := range tests {
		tc.c.Files, tc.c.Lookups = files, lookups
		tr, err := RunDir(tc.c)
		if err != nil {
			t.Fatalf("RunDir(%+v): %v", tc.c, err)
		}
		var probes, pos []int
		for _, l := range tr.Lookups {
			probes, pos = append(probes, l.Probes), append(pos, l.Position)
		}
		if !slices.Equal(probes, tc.probes) || !slices.Equal(pos, tc.position) || tr.Collisions != tc.collisions {
			t.Errorf("RunDir(%s %d %+v) probes %v positions %v collisions %d; want %v %v %d",
				tc.c.Method, tc.c.TableSize, tc.c.Rules, probes, pos, tr.Collisions, tc.probes, tc.position, tc.collisions)
		}
	}
}

// TestDirProperties checks over random directories that every method
// finds exactly the names that exist, that a found name was the last one
// compared, and that probing never examines more than table_size slots.
func TestDirProperties(t *testing.T) {
	r := rng.New(3, rng.StreamFS)
	for trial := range 1000 {
		n := r.IntN(40)
		var files []string
		for i := range n {
			files = append(files, fmt.Sprintf("f%d.%c", i*7+r.IntN(7), 'a'+r.IntN(26)))
		}
		slices.Sort(files)
		files = slices.Compact(files)
		var lookups []string
		for range 20 {
			lookups = append(lookups, fmt.Sprintf("f%d.%c", r.IntN(n*7+1), 'a'+r.IntN(26)))
		}
		size := max(len(files), 1) + r.IntN(8)
		for _, c := range []DirConfig{
			{Method: LinearDir},
			{Method: HashDir, TableSize: size, Rules: DirRules{Hash: []string{HashSum, HashPoly31, HashFNV1a}[r.IntN(3)]}},
			{Method: HashDir, TableSize: size, Rules: DirRules{Hash: []string{HashSum, HashPoly31, HashFNV1a}[r.IntN(3)], Collision: LinearProbing}},
		} {
			c.Files, c.Lookups = files, lookups
			tr, err := RunDir(c)
			if err != nil {
				t.Fatalf("trial %d: RunDir(%+v): %v", trial, c, err)
			}
			for _, l := range tr.Lookups {
				exists := slices.Contains(files, l.Name)
				if l.Found != exists || l.Probes != len(l.Compared) || l.Probes > max(len(files), c.TableSize) {
					t.Fatalf("trial %d %s %+v: lookup %q found=%v (exists %v), probes %d compared %v", trial, c.Method, c.Rules, l.Name, l.Found, exists, l.Probes, l.Compared)
				}
				if l.Found && l.Compared[len(l.Compared)-1] != l.Name {
					t.Fatalf("trial %d: lookup %q found but last compared %q", trial, l.Name, l.Compared[len(l.Compared)-1])
				}
			}
		}
	}
}

func TestDirErrors(t *testing.T) {
	tests := []struct {
		c    DirConfig
		want string
	}{
		{DirConfig{Method: "btree"}, "method must be one of linear, hash"},
		{DirConfig{Method: LinearDir, Files: []string{"a", "b", "a"}}, "files[2] repeats files[0]"},
		{DirConfig{Method: LinearDir, Files: []string{""}}, "files[0] must be between 1 and 255 bytes long"},
		{DirConfig{Method: LinearDir, Lookups: []string{"a/b"}}, "lookups[0] must not contain /"},
		{DirConfig{Method: LinearDir, TableSize: 4}, "table_size applies to method hash only"},
		{DirConfig{Method: HashDir}, "table_size must be between 1 and 4096"},
		{DirConfig{Method: HashDir, TableSize: 4, Rules: DirRules{Hash: "md5"}}, "rules.hash must be one of sum, poly31, fnv1a"},
		{DirConfig{Method: HashDir, TableSize: 1, Files: []string{"a", "b"}, Rules: DirRules{Collision: LinearProbing}}, "files must have at most table_size (1)"},
	}
	for _, tc := range tests {
		err := tc.c.Validate()
		if _, ok := field.As(err); !ok || !strings.HasPrefix(err.Error(), tc.want) {
			t.Errorf("Validate(%+v) = %v; want a field error starting %q", tc.c, err, tc.want)
		}
	}
}

func TestDirGolden(t *testing.T) {
	for _, name := range []string{"dir", "dir-probing", "dir-linear"} {
		var c DirConfig
		readExample(t, name, &c)
		tr, err := RunDir(c)
		if err != nil {
			t.Fatalf("RunDir(%s): %v", name, err)
		}
		golden.JSON(t, name, tr)
		var b strings.Builder
		if err := tr.WriteTable(&b); err != nil {
			t.Fatal(err)
		}
		golden.Bytes(t, name+".txt", []byte(b.String()))
	}
}
